"""The staff dashboard: server-rendered Indonesian pages over the reports (no CDN, no framework).

:func:`install` adds the pages (``sync.server.dashboard.routes``), the static
files under ``/aset`` and error handling: a page's errors answer an Indonesian
HTML page (never a traceback), the API's keep their problem+json answers.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from sync.server.dashboard.routes import HERE, LoginNeeded, PageError, error_page, router
from sync.server.errors import ProblemError

__all__ = ["install", "is_page"]

log = logging.getLogger("perpusdesa.server")


def is_page(request: Request) -> bool:
    """Whether a request is for the dashboard (anything but the API and its document)."""
    path = request.url.path
    return not (path.startswith("/api/") or path == "/api" or path == "/openapi.json")


def install(app: FastAPI) -> None:
    """Add the dashboard to the app (after the API's own exception handlers)."""
    app.include_router(router)
    app.mount("/aset", StaticFiles(directory=HERE / "static"), name="aset")

    async def on_page_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, PageError)
        return error_page(request, exc.status, exc.message)

    async def on_login_needed(request: Request, _exc: Exception) -> Response:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(
            f"/masuk?lanjut={quote(target, safe='')}",
            status_code=303,
            headers={"Cache-Control": "no-store"},
        )

    app.add_exception_handler(PageError, on_page_error)
    app.add_exception_handler(LoginNeeded, on_login_needed)
    for kind in (StarletteHTTPException, RequestValidationError, ProblemError, Exception):
        _wrap(app, kind)


def _wrap(app: FastAPI, kind: type[Exception]) -> None:
    """A page's error of ``kind`` as an HTML page; the API's as before."""
    previous: Any = app.exception_handlers.get(kind)

    async def handler(request: Request, exc: Exception) -> Response:
        if is_page(request) or previous is None:
            if isinstance(exc, StarletteHTTPException):
                return error_page(request, exc.status_code)
            if isinstance(exc, RequestValidationError):
                return error_page(request, 400)
            if isinstance(exc, ProblemError):
                return error_page(request, exc.status if exc.status in {400, 403, 404} else 400)
            log.error("internal error on a page", exc_info=exc)
            return error_page(request, 500)
        response: Response = await previous(request, exc)
        return response

    app.add_exception_handler(kind, handler)
