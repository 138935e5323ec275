"""Where the program finds its data folder and its bundled resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "PerpusDesa"
DATA_DIR_ENV = "PERPUSDESA_DATA_DIR"


def default_data_dir() -> Path:
    """The per-user data folder (platformdirs), unless the environment overrides it."""
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def resources_dir() -> Path:
    """The ``resources`` folder: PyInstaller bundle, installed wheel or checkout."""
    here = Path(__file__).resolve().parent
    candidates = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.append(Path(frozen) / "resources")
    candidates += [here / "resources", here.parent / "resources"]
    for candidate in candidates:
        if (candidate / "translations").is_dir():
            return candidate
    raise FileNotFoundError("resources folder not found next to " + str(here))
