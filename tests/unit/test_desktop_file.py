"""The Linux launcher (packaging/linux/perpusdesa.desktop) and the icon set it names."""

from __future__ import annotations

import shutil
import struct
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = ROOT / "packaging" / "linux" / "perpusdesa.desktop"
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 32, 48, 64, 128, 256)
REQUIRED = ("Type", "Name", "Name[id]", "Comment", "Comment[id]", "Exec", "Icon", "Categories")


def entries() -> dict[str, str]:
    """The keys of the [Desktop Entry] group; fails on anything a launcher would reject."""
    lines = DESKTOP.read_text(encoding="utf-8").splitlines()
    groups = [line for line in lines if line.startswith("[")]
    assert groups == ["[Desktop Entry]"]
    assert lines[0] == "[Desktop Entry]"
    found: dict[str, str] = {}
    for line in lines[1:]:
        if not line.strip() or line.startswith("#"):
            continue
        key, separator, value = line.partition("=")
        assert separator and key == key.strip() and key, f"not a key=value line: {line!r}"
        assert key not in found, f"{key} twice"
        found[key] = value
    return found


def test_the_launcher_has_the_required_keys_in_both_languages() -> None:
    found = entries()
    missing = [key for key in REQUIRED if not found.get(key, "").strip()]
    assert not missing
    assert found["Type"] == "Application"
    assert found["Name"] == found["Name[id]"] == "PerpusDesa"
    assert "perpustakaan desa" in found["Comment[id]"].lower()
    assert "village library" in found["Comment"].lower()
    assert found["Terminal"] == "false"
    categories = found["Categories"]
    assert categories.endswith(";")
    assert {"Office", "Education"} <= set(categories.split(";"))


def test_the_launcher_starts_the_installed_command_with_the_icon() -> None:
    found = entries()
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "scripts"
    ]
    command = found["Exec"].split()[0]
    assert command in scripts  # `perpusdesa`, what pip installs and the bundle is named
    assert found["Icon"] == "perpusdesa"  # a theme name: perpusdesa.png in hicolor/NxN/apps
    for size in SIZES:
        assert (ICONS / f"perpusdesa-{size}.png").is_file()


def test_desktop_file_validate_accepts_it_when_installed() -> None:
    validate = shutil.which("desktop-file-validate")
    if validate is None:
        pytest.skip("desktop-file-validate is not installed (the parse above checks the file)")
    result = subprocess.run(
        [validate, str(DESKTOP)], capture_output=True, text=True, check=False, timeout=30
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in (result.stdout + result.stderr).lower()


def png_header(path: Path) -> tuple[int, int, int]:
    """(width, height, colour type) from a PNG's IHDR chunk."""
    data = path.read_bytes()[:32]
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height, _depth, colour = struct.unpack(">IIBB", data[16:26])
    return width, height, colour


@pytest.mark.parametrize("size", SIZES)
def test_each_png_has_its_size_a_transparent_corner_and_a_drawing(size: int) -> None:
    from PySide6.QtGui import QImage

    path = ICONS / f"perpusdesa-{size}.png"
    assert png_header(path) == (size, size, 6)  # RGBA
    image = QImage(str(path))
    assert image.pixelColor(0, 0).alpha() == 0  # rounded corner: no grey square on a panel
    for x in (size * 3 // 10, size * 7 // 10):  # the open book's pages, between the lines
        page = image.pixelColor(x, size * 58 // 100)
        assert page.alpha() == 255 and page.lightness() > 200
    background = image.pixelColor(size // 2, size // 16 + 1)  # the green tile
    assert background.alpha() > 200 and background.green() > background.red()


def test_the_windows_icon_holds_every_size() -> None:
    data = (ICONS / "perpusdesa.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    widths = {data[6 + 16 * index] or 256 for index in range(count)}  # 0 means 256
    assert widths == set(SIZES)


def test_the_svg_renders() -> None:
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(ICONS / "perpusdesa.svg"))
    assert renderer.isValid()
    assert renderer.defaultSize().width() == renderer.defaultSize().height() == 256
