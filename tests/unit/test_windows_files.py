"""What can be checked here of the Windows build files (neither Inno Setup nor Windows is here)."""

from __future__ import annotations

import importlib.util
import re
import sys
import tomllib
from pathlib import Path

import pytest

from app.paths import APP_NAME

ROOT = Path(__file__).resolve().parents[2]
WINDOWS = ROOT / "packaging" / "windows"
ISS = WINDOWS / "perpusdesa.iss"
WORKFLOW = WINDOWS / "build-windows.yml"
SPEC = ROOT / "packaging" / "perpusdesa.spec"


def iss_sections() -> dict[str, list[str]]:
    """The script's sections, each with its lines (comments and blank lines left out)."""
    sections: dict[str, list[str]] = {"": []}
    current = ""
    for raw in ISS.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        match = re.fullmatch(r"\[(\w+)\]", line)
        if match:
            current = match[1]
            assert current not in sections, f"[{current}] twice"
            sections[current] = []
        else:
            sections[current].append(line)
    return sections


def defines() -> dict[str, str]:
    return dict(re.findall(r'#define\s+(\w+)\s+"([^"]*)"', ISS.read_text(encoding="utf-8")))


def pyproject_version() -> str:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return str(data["project"]["version"])


def test_the_installer_version_is_the_programs() -> None:
    import app

    assert defines()["AppVersion"] == pyproject_version() == app.__version__
    setup = iss_sections()["Setup"]
    assert "AppVersion={#AppVersion}" in setup
    assert any(line.startswith("OutputBaseFilename=") and "{#AppVersion}" in line for line in setup)


def test_the_installer_starts_the_exe_the_spec_builds() -> None:
    spec = SPEC.read_text(encoding="utf-8")
    assert 'name="perpusdesa",' in spec  # the windowed EXE
    assert defines()["AppExeName"] == "perpusdesa.exe"
    icons = iss_sections()["Icons"]
    start_menu = [line for line in icons if line.startswith('Name: "{autoprograms}')]
    desktop = [line for line in icons if line.startswith('Name: "{autodesktop}')]
    assert len(start_menu) == 1 and 'Filename: "{app}\\{#AppExeName}"' in start_menu[0]
    assert len(desktop) == 1 and "Tasks: desktopicon" in desktop[0]  # optional shortcut
    assert any(line.startswith('Name: "desktopicon"') for line in iss_sections()["Tasks"])
    # The bundle the spec builds (COLLECT name="perpusdesa") is what the installer packs.
    assert defines()["DistDir"].replace("\\", "/").endswith("dist/perpusdesa")
    files = iss_sections()["Files"]
    assert files == [
        'Source: "{#DistDir}\\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs'
        " createallsubdirs"
    ]


def test_the_icon_and_output_paths_exist_relative_to_the_script() -> None:
    setup = dict(line.split("=", 1) for line in iss_sections()["Setup"])
    icon = WINDOWS / setup["SetupIconFile"].replace("\\", "/")
    assert icon.resolve() == (ROOT / "resources" / "icons" / "perpusdesa.ico")
    assert icon.is_file()
    assert (
        WINDOWS / setup["OutputDir"].replace("\\", "/")
    ).resolve() == ROOT / "dist" / "installer"
    dist = WINDOWS / defines()["DistDir"].replace("\\", "/")
    assert dist.resolve() == ROOT / "dist" / "perpusdesa"


def test_the_uninstaller_keeps_the_data_folder_and_says_where_it_is() -> None:
    import platformdirs

    sections = iss_sections()
    assert "UninstallDelete" not in sections
    text = ISS.read_text(encoding="utf-8")
    assert not re.search(r"DelTree|DeleteFile|RemoveDir", text, re.IGNORECASE)
    # app.paths: platformdirs.user_data_dir(APP_NAME, roaming=False), on Windows
    # %LOCALAPPDATA%\PerpusDesa; the message names that folder.
    assert defines()["DataFolder"] == APP_NAME
    assert "ExpandConstant('{localappdata}\\{#DataFolder}')" in text
    if sys.platform == "win32":  # pragma: no cover - checked where it can be
        assert platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False).endswith(
            "\\" + APP_NAME
        )
    message = next(line for line in sections["CustomMessages"] if ".DataKept=" in line)
    assert "TIDAK dihapus" in message and "NOT removed" in message and "%1" in message
    # Upgrades: one AppId for every version, and only the bundle's own folder is cleared.
    assert any(line.startswith("AppId={{") for line in sections["Setup"])
    assert sections["InstallDelete"] == ['Type: filesandordirs; Name: "{app}\\_internal"']


def test_the_installer_needs_no_administrator_by_default() -> None:
    setup = iss_sections()["Setup"]
    assert "PrivilegesRequired=lowest" in setup
    assert "PrivilegesRequiredOverridesAllowed=dialog" in setup


def workflow_text() -> str:
    return WORKFLOW.read_text(encoding="utf-8")


def test_the_workflow_builds_on_windows_with_python_311() -> None:
    text = workflow_text()
    assert "\t" not in text
    if importlib.util.find_spec("yaml") is not None:  # pragma: no cover - PyYAML not required
        import yaml

        data = yaml.safe_load(text)
        job = data["jobs"]["build"]
        assert job["runs-on"] == "windows-latest"
        uses = [step.get("uses", "") for step in job["steps"]]
        assert "actions/setup-python@v5" in uses
    else:
        assert re.search(r"^jobs:\n  build:\n    runs-on: windows-latest$", text, re.MULTILINE)
        assert re.search(r"^on:$", text, re.MULTILINE)
        for line in text.splitlines():  # block YAML: indents by two
            indent = len(line) - len(line.lstrip(" "))
            assert indent % 2 == 0, line
    assert re.search(r'python-version: "3\.11"', text)
    assert "pip install -c packaging/constraints.txt . pyinstaller" in text
    assert (
        "pyinstaller --noconfirm --distpath dist --workpath build packaging/perpusdesa.spec" in text
    )
    assert "ISCC.exe" in text and "packaging\\windows\\perpusdesa.iss" in text
    assert "actions/upload-artifact@v4" in text and "dist/installer/*.exe" in text


@pytest.mark.parametrize(
    "path", sorted(set(re.findall(r"packaging[/\\][\w./\\-]+", workflow_text())))
)
def test_the_workflow_names_files_that_exist(path: str) -> None:
    assert (ROOT / path.replace("\\", "/")).is_file()


def test_pyinstaller_is_pinned() -> None:
    pins = (ROOT / "packaging" / "constraints.txt").read_text(encoding="utf-8")
    assert re.search(r"^pyinstaller==\d", pins, re.MULTILINE)
    assert re.search(r"^pyinstaller-hooks-contrib==\d", pins, re.MULTILINE)
