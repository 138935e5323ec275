"""Render the program's icon set from ``resources/icons/perpusdesa.svg``.

    .venv/bin/python packaging/make_icons.py

Writes ``resources/icons/perpusdesa-<N>.png`` for each size in :data:`SIZES`
(Qt's QSvgRenderer, offscreen) and ``resources/icons/perpusdesa.ico`` (Pillow,
a development dependency) holding those PNGs, for the Windows executable and
installer. Run it again after changing the SVG, and commit what it wrote.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "perpusdesa.svg"
SIZES = (16, 32, 48, 64, 128, 256)


def png_path(size: int) -> Path:
    return ICONS / f"perpusdesa-{size}.png"


def render_pngs() -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG} is not a valid SVG")
    written = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        if not image.save(str(png_path(size))):
            raise SystemExit(f"could not write {png_path(size)}")
        written.append(png_path(size))
    return written


def write_ico() -> Path:
    from PIL import Image

    images = [Image.open(png_path(size)) for size in SIZES]
    target = ICONS / "perpusdesa.ico"
    largest = images[-1]
    largest.save(
        target,
        format="ICO",
        sizes=[(size, size) for size in SIZES],
        append_images=images[:-1],
    )
    return target


def main() -> int:
    for path in [*render_pngs(), write_ico()]:
        print(path.relative_to(ICONS.parent.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
