"""Pages of the main window. Each page is its own module here.

A module plugs in by defining ``PAGE = PageSpec(...)``; the main window finds
the modules itself, so adding a page never means editing the others or the
window. A page is only listed for users whose role has its permission, and its
widget is created the first time it is opened.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.core.auth import Permission
    from app.ui.context import AppContext


class PageSpec:
    """One page: its key, place in the sidebar, title, widget factory and permission.

    A plain class, not a dataclass: making a (frozen) dataclass costs ~1.3 ms, and the
    window is built only after this module is loaded.
    """

    __slots__ = ("factory", "key", "order", "permission", "title")

    def __init__(
        self,
        key: str,
        order: int,
        title: Callable[[], str],  # translated at display time
        factory: Callable[[AppContext], QWidget],
        permission: Permission | None = None,  # None: every logged-in user
    ) -> None:
        self.key = key
        self.order = order
        self.title = title
        self.factory = factory
        self.permission = permission

    def __repr__(self) -> str:
        return f"PageSpec(key={self.key!r}, order={self.order!r})"


def discover() -> list[PageSpec]:
    specs = []
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        spec = getattr(module, "PAGE", None)
        if isinstance(spec, PageSpec):
            specs.append(spec)
    return sorted(specs, key=lambda spec: spec.order)
