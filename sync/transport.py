"""HTTP to the national server: timeouts, bounded retries, and only our answers count.

Every request has a connect and a read timeout. A refused or cut connection, a
timeout, a 5xx or a 429 is tried again after an exponential pause with jitter,
at most ``tries`` times in all; then a :class:`SyncError` with the librarian's
message is raised. Only a 2xx JSON answer carrying ``"envelope":
"perpusdesa-sync"`` is a success: a captive portal's 200 HTML page, a redirect
or a proxy's error page is the error ``not_our_server`` (tried once: logging in
to the hotspot is the fix, not waiting). A problem answer of ours (4xx) is
raised at once with its stable code.

Each request runs on a helper thread while the caller's thread watches the
cancel check every 0.1 s, so pressing Cancel stops a sync within a fraction of
a second even in the middle of a slow upload; the abandoned request ends by
itself at its timeout (the batch id makes a request that still arrives
harmless: a replay only returns the stored receipt).
"""

from __future__ import annotations

import json
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urlsplit

import requests
from pydantic import BaseModel, ValidationError

from app.core.errors import KnownError
from app.core.text import QT_TRANSLATE_NOOP
from sync.protocol import ENVELOPE

M = TypeVar("M", bound=BaseModel)

API = "/api/v1"
POLL_SECONDS = 0.1

MESSAGES: dict[str, str] = {
    "not_enrolled": QT_TRANSLATE_NOOP(
        "PerpusDesa",
        "This PC is not enrolled with the national server yet. Enrol it first with the"
        " code from your district facilitator.",
    ),
    "no_internet": QT_TRANSLATE_NOOP(
        "PerpusDesa",
        "PerpusDesa could not reach the server {server}. Check the internet connection"
        " and try again.",
    ),
    "not_our_server": QT_TRANSLATE_NOOP(
        "PerpusDesa",
        "The answer did not come from the PerpusDesa server: there is no real internet"
        " connection yet (a hotspot may want you to log in first in a web browser)."
        " Nothing was lost; try again later.",
    ),
    "timeout": QT_TRANSLATE_NOOP(
        "PerpusDesa",
        "The server {server} did not answer in time, even after {tries} tries. Nothing was"
        " lost; try again later.",
    ),
    "server_error": QT_TRANSLATE_NOOP(
        "PerpusDesa",
        "The server {server} has a problem (error {status}), even after {tries} tries."
        " Nothing was lost; try again later.",
    ),
    "rate_limited": QT_TRANSLATE_NOOP(
        "PerpusDesa",
        "The server {server} is busy, even after {tries} tries. Nothing was lost; try again later.",
    ),
    "bad_url": QT_TRANSLATE_NOOP(
        "PerpusDesa",
        "{url} is not a server address. Type it like https://server.example.id",
    ),
    "token_revoked": QT_TRANSLATE_NOOP(
        "PerpusDesa",
        "This PC may no longer send to the national server. Ask your district facilitator"
        " for a new enrolment code and enrol the PC again.",
    ),
    "token_invalid": QT_TRANSLATE_NOOP(
        "PerpusDesa",
        "The national server does not know this PC. Ask your district facilitator for a new"
        " enrolment code and enrol the PC again.",
    ),
    "auth_required": QT_TRANSLATE_NOOP(
        "PerpusDesa",
        "The national server does not know this PC. Ask your district facilitator for a new"
        " enrolment code and enrol the PC again.",
    ),
    "code_invalid": QT_TRANSLATE_NOOP(
        "PerpusDesa",
        "The server does not know this enrolment code. Check the code and type it again.",
    ),
    "code_expired": QT_TRANSLATE_NOOP(
        "PerpusDesa",
        "This enrolment code has expired. Ask your district facilitator for a new one.",
    ),
    "code_used": QT_TRANSLATE_NOOP(
        "PerpusDesa",
        "This enrolment code has been used already. Ask your district facilitator for a new one.",
    ),
    "library_id_conflict": QT_TRANSLATE_NOOP(
        "PerpusDesa",
        "The server already has this library under another registration. Ask your district"
        " facilitator to check the registration.",
    ),
    "protocol_version": QT_TRANSLATE_NOOP(
        "PerpusDesa",
        "This version of PerpusDesa cannot talk to the national server. Install the newest"
        " PerpusDesa, then try again.",
    ),
    "schema_version": QT_TRANSLATE_NOOP(
        "PerpusDesa",
        "This version of PerpusDesa cannot talk to the national server. Install the newest"
        " PerpusDesa, then try again.",
    ),
    "too_large": QT_TRANSLATE_NOOP(
        "PerpusDesa",
        "A record is too large for the server to take. Tell your district facilitator.",
    ),
    "bundle_invalid": QT_TRANSLATE_NOOP(
        "PerpusDesa",
        "{path} cannot be used: {reason}",
    ),
    "receipt_invalid": QT_TRANSLATE_NOOP(
        "PerpusDesa",
        "{path} is not a receipt of the national server for this library.",
    ),
    "other": QT_TRANSLATE_NOOP(
        "PerpusDesa",
        "The national server refused the request ({code}). Tell your district facilitator.",
    ),
}


class SyncError(KnownError):
    """A sync or enrolment talk failed; ``code`` says why (see :data:`MESSAGES`)."""

    def __init__(self, code: str, retryable: bool = False, status: int = 0, **params: Any) -> None:
        params.setdefault("code", code)
        params.setdefault("status", status)
        super().__init__(MESSAGES.get(code, MESSAGES["other"]), **params)
        self.code = code
        self.retryable = retryable
        self.status = status


class NotEnrolled(SyncError):
    def __init__(self) -> None:
        super().__init__("not_enrolled")


class HalveBatch(Exception):
    """The server refused the size (413) or a batch timed out: send a smaller one."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class Stats:
    requests: int = 0
    bytes_sent: int = 0
    bytes_received: int = 0


# A hook sees every request before it goes: (method, url, headers, body bytes).
RequestHook = Callable[[str, str, dict[str, str], bytes], None]


def normalize_url(url: str) -> str:
    """``https://host[:port][/prefix]`` without a trailing slash; SyncError bad_url if not one."""
    text = url.strip()
    if text and "://" not in text:
        text = "https://" + text
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError:  # e.g. an IPv6 address without its closing bracket
        raise SyncError("bad_url", url=url) from None
    if parts.scheme not in ("http", "https") or not host or " " in text:
        raise SyncError("bad_url", url=url)
    return text.rstrip("/")


class Transport:
    """Requests to one server, with the device token if there is one."""

    def __init__(
        self,
        server_url: str,
        token: str | None = None,
        *,
        check: Callable[[], None] | None = None,
        connect_timeout: float = 10.0,
        read_timeout: float = 60.0,
        tries: int = 5,
        backoff: float = 1.0,
        backoff_max: float = 30.0,
        hook: RequestHook | None = None,
    ) -> None:
        self.server_url = normalize_url(server_url)
        self.token = token
        self.check = check or (lambda: None)
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.tries = max(1, tries)
        self.backoff = backoff
        self.backoff_max = backoff_max
        self.hook = hook
        self.stats = Stats()
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "PerpusDesa-sync/1"

    def close(self) -> None:
        self.session.close()

    # --- the calls the client makes --------------------------------------------------

    def get(self, path: str, model: type[M], params: dict[str, str] | None = None) -> M:
        return self.request("GET", path, model, params=params)

    def post(self, path: str, body: BaseModel, model: type[M]) -> M:
        data = body.model_dump_json().encode()
        return self.request("POST", path, model, body=data, content_type="application/json")

    def put_batch(self, batch_id: str, body: bytes, model: type[M]) -> M:
        """PUT a gzip batch; a 413 or a timeout raises :class:`HalveBatch` at once."""
        return self.request(
            "PUT",
            f"/batches/{batch_id}",
            model,
            body=body,
            content_type="application/json",
            gzip=True,
            halve=True,
        )

    # --- one request, tried again when that can help -----------------------------------

    def request(
        self,
        method: str,
        path: str,
        model: type[M],
        *,
        params: dict[str, str] | None = None,
        body: bytes = b"",
        content_type: str | None = None,
        gzip: bool = False,
        halve: bool = False,
    ) -> M:
        url = self.server_url + API + path
        headers = {"Accept": "application/json"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if content_type:
            headers["Content-Type"] = content_type
        if gzip:
            headers["Content-Encoding"] = "gzip"
        last: SyncError | None = None
        for attempt in range(self.tries):
            if attempt:
                self._pause(attempt)
            self.check()
            try:
                return self._once(method, url, params, headers, body, model, halve)
            except SyncError as exc:
                if not exc.retryable:
                    raise
                last = exc
        assert last is not None
        raise SyncError(
            last.code, status=last.status, server=self._host(), tries=self.tries, **_extra(last)
        )

    def _pause(self, attempt: int) -> None:
        delay = min(self.backoff_max, self.backoff * 2 ** (attempt - 1))
        until = time.monotonic() + random.uniform(delay / 2, delay)
        while (left := until - time.monotonic()) > 0:
            self.check()
            time.sleep(min(POLL_SECONDS, left))

    def _host(self) -> str:
        return urlsplit(self.server_url).netloc

    def _once(
        self,
        method: str,
        url: str,
        params: dict[str, str] | None,
        headers: dict[str, str],
        body: bytes,
        model: type[M],
        halve: bool,
    ) -> M:
        if self.hook is not None:
            self.hook(method, url, dict(headers), body)
        self.stats.requests += 1
        self.stats.bytes_sent += len(body)
        response = self._send(method, url, params, headers, body, halve)
        self.stats.bytes_received += len(response.content)
        return self._read(response, model, halve)

    def _send(
        self,
        method: str,
        url: str,
        params: dict[str, str] | None,
        headers: dict[str, str],
        body: bytes,
        halve: bool,
    ) -> requests.Response:
        """The response, waited for on this thread while the request runs on a helper."""
        done = threading.Event()
        outcome: list[Any] = []

        def run() -> None:
            try:
                outcome.append(
                    self.session.request(
                        method,
                        url,
                        params=params,
                        headers=headers,
                        data=body or None,
                        timeout=(self.connect_timeout, self.read_timeout),
                        allow_redirects=False,
                    )
                )
            except BaseException as exc:  # handed to the waiting thread
                outcome.append(exc)
            finally:
                done.set()

        threading.Thread(target=run, name="sync-request", daemon=True).start()
        while not done.wait(POLL_SECONDS):
            try:
                self.check()
            except BaseException:
                # Cancelled: leave the request to end at its timeout, on a fresh session.
                abandoned, self.session = self.session, requests.Session()
                self.session.headers.update(abandoned.headers)
                raise
        result = outcome[0]
        if isinstance(result, requests.Response):
            return result
        raise self._network_error(result, halve)

    def _network_error(self, exc: BaseException, halve: bool) -> BaseException:
        if isinstance(exc, requests.exceptions.InvalidURL | requests.exceptions.MissingSchema):
            return SyncError("bad_url", url=self.server_url)
        if isinstance(exc, requests.exceptions.ConnectTimeout):
            return SyncError("no_internet", retryable=True, server=self._host())
        if isinstance(exc, requests.exceptions.Timeout):
            if halve:
                return HalveBatch("timeout")
            return SyncError("timeout", retryable=True, server=self._host(), tries=self.tries)
        if isinstance(exc, requests.exceptions.RequestException):
            return SyncError("no_internet", retryable=True, server=self._host())
        return exc

    def _read(self, response: requests.Response, model: type[M], halve: bool) -> M:
        status = response.status_code
        payload = _our_json(response)
        if payload is None and not 300 <= status < 400 and _looks_cut(response):
            # The line dropped inside the answer's headers or body: try again.
            raise SyncError("no_internet", retryable=True, server=self._host())
        if 200 <= status < 300:
            if payload is None:
                raise SyncError("not_our_server")
            try:
                return model.model_validate(payload)
            except ValidationError as exc:
                raise SyncError("not_our_server") from exc
        code = str(payload.get("code", "")) if payload is not None else ""
        if status == 413:
            if halve:
                raise HalveBatch("too_large")
            raise SyncError("too_large", status=status)
        if status >= 500 or status in (408, 429):
            kind = "rate_limited" if status == 429 else "server_error"
            raise SyncError(
                kind, retryable=True, status=status, server=self._host(), tries=self.tries
            )
        if payload is None or not code:
            # A redirect, or a proxy's or hotspot's page: not the national server.
            raise SyncError("not_our_server", status=status)
        raise SyncError(code, status=status, detail=str(payload.get("detail", "")))


def _our_json(response: requests.Response) -> dict[str, Any] | None:
    """The answer's JSON object if it is one of ours (carries the envelope), else None."""
    kind = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if not (kind == "application/json" or kind.endswith("+json")):
        return None
    try:
        payload = json.loads(response.content)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(payload, dict) or payload.get("envelope") != ENVELOPE:
        return None
    return payload


def _looks_cut(response: requests.Response) -> bool:
    """An answer cut short: no body, no content type, or JSON that stops half-way.

    (``http.client`` takes the end of the connection inside the headers for their
    end, so a cut there looks like an empty answer; a hotspot's page has a body.)
    """
    if not response.content or "Content-Type" not in response.headers:
        return True
    kind = response.headers["Content-Type"].split(";")[0].strip().lower()
    if kind == "application/json" or kind.endswith("+json"):
        try:
            json.loads(response.content)
        except (ValueError, UnicodeDecodeError):
            return True
    return False


def _extra(error: SyncError) -> dict[str, Any]:
    return {k: v for k, v in error.params.items() if k not in ("server", "tries", "code", "status")}
