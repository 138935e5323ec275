"""Build the Linux one-folder bundle and smoke-test it offscreen; print one JSON line.

    .venv/bin/python packaging/build_linux.py [--out DIR] [--runs N]

Installs PyInstaller (pinned in packaging/constraints.txt) into this Python if
it is missing, builds ``packaging/perpusdesa.spec`` into ``DIR/dist/perpusdesa``
(``DIR`` defaults to a new temporary folder), then runs the bundle with
``QT_QPA_PLATFORM=offscreen`` on a temporary data folder:

1. ``perpusdesa --data-dir TMP demo --years 1`` makes a demo library;
2. ``perpusdesa --data-dir TMP report --month YYYY-MM --pdf FILE`` for last
   month: the PDF must exist and ``pdftotext`` must find the library's name;
3. the window starts ``--runs`` times (after one warm-up start) with
   ``PERPUSDESA_QUIT_WHEN_IDLE=1``: the time from starting the process to its
   ``idle: login`` line is the start-up time.

The JSON line gives the bundle size (MB), the build time, the start-up times
and each step's result; the exit status is 0 only when every step passed.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "perpusdesa.spec"
CONSTRAINTS = ROOT / "packaging" / "constraints.txt"
STEP_TIMEOUT_S = 300


def ensure_pyinstaller() -> bool:
    """Install PyInstaller with the project's pins if this Python lacks it; True if installed."""
    if importlib.util.find_spec("PyInstaller") is not None:
        return False
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "-c", str(CONSTRAINTS), "pyinstaller"],
        check=True,
        stdin=subprocess.DEVNULL,
    )
    return True


def build(out: Path) -> tuple[Path, float]:
    """Run PyInstaller; the bundle's folder and the seconds it took."""
    started = time.monotonic()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(out / "dist"),
            "--workpath",
            str(out / "build"),
            str(SPEC),
        ],
        check=True,
        stdin=subprocess.DEVNULL,
        cwd=ROOT,
    )
    return out / "dist" / "perpusdesa", time.monotonic() - started


def folder_mb(folder: Path) -> float:
    """The files' sizes added up (symbolic links, which PyInstaller makes on Linux, not twice)."""
    total = sum(
        path.lstat().st_size
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    )
    return round(total / 1_000_000, 1)


def last_month(today: date) -> str:
    year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    return f"{year:04d}-{month:02d}"


def run(
    args: list[str], env: dict[str, str], timeout: float = STEP_TIMEOUT_S
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def smoke_env(home: Path) -> dict[str, str]:
    """Offscreen, and every per-user folder in ``home`` so no real user folder is touched."""
    env = dict(os.environ)
    env.pop("PERPUSDESA_DATA_DIR", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["HOME"] = str(home)
    for name in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        env[name] = str(home / name.lower())
    return env


def start_once(exe: Path, data_dir: Path, env: dict[str, str]) -> tuple[float, str]:
    """Start the window until it is idle: (milliseconds, what it showed)."""
    env = dict(env, PERPUSDESA_QUIT_WHEN_IDLE="1")
    started = time.monotonic()
    process = subprocess.Popen(
        [str(exe), "--data-dir", str(data_dir)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    shown, elapsed = "", -1.0
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("idle:"):
            elapsed = (time.monotonic() - started) * 1000
            shown = line.split()[1]
            break
    process.stdout.close()
    process.wait(timeout=60)
    if elapsed < 0 or process.returncode != 0:
        raise RuntimeError(f"the window did not start (exit status {process.returncode})")
    return elapsed, shown


def library_name(data_dir: Path) -> str:
    conn = sqlite3.connect(f"file:{(data_dir / 'perpusdesa.sqlite3').as_posix()}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT name FROM library WHERE deleted_at IS NULL LIMIT 1").fetchone()
    finally:
        conn.close()
    return str(row[0]) if row else ""


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def smoke_test(bundle: Path, work: Path, runs: int) -> dict[str, object]:
    """The three steps above; each one's result (``ok`` or what went wrong)."""
    exe = bundle / ("perpusdesa.exe" if sys.platform == "win32" else "perpusdesa")
    data_dir, home = work / "data", work / "home"
    home.mkdir(parents=True, exist_ok=True)
    env = smoke_env(home)
    result: dict[str, object] = {}

    started = time.monotonic()
    demo = run([str(exe), "--data-dir", str(data_dir), "demo", "--years", "1"], env)
    result["demo"] = (
        "ok" if demo.returncode == 0 else f"exit {demo.returncode}: {demo.stderr[-300:]}"
    )
    result["demo_s"] = round(time.monotonic() - started, 1)

    month = last_month(date.today())
    pdf = work / f"laporan-{month}.pdf"
    report = run(
        [str(exe), "--data-dir", str(data_dir), "report", "--month", month, "--pdf", str(pdf)], env
    )
    if report.returncode != 0 or not pdf.is_file():
        result["report"] = f"exit {report.returncode}: {report.stderr[-300:]}"
    else:
        text = run(["pdftotext", str(pdf), "-"], env).stdout
        name = library_name(data_dir)
        found = bool(name) and normalised(name) in normalised(text)
        result["report"] = "ok" if found else f"library name {name!r} not in the PDF"
    result["report_month"] = month

    try:
        start_once(exe, data_dir, env)  # warm-up: the first start fills the disk cache
        timings = []
        shown = ""
        for _ in range(runs):
            elapsed, shown = start_once(exe, data_dir, env)
            timings.append(round(elapsed))
        result["gui"] = "ok" if shown == "login" else f"showed {shown!r}, not the login"
        result["startup_ms_runs"] = timings
        result["startup_ms_median"] = round(statistics.median(timings))
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        result["gui"] = str(exc)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="build folder (default: a new temporary one)")
    parser.add_argument("--runs", type=int, default=5, help="timed starts of the window")
    parser.add_argument("--keep", action="store_true", help="keep the smoke test's data folder")
    options = parser.parse_args(argv)

    out = options.out or Path(tempfile.mkdtemp(prefix="perpusdesa-bundle-"))
    out.mkdir(parents=True, exist_ok=True)
    try:
        installed = ensure_pyinstaller()
        bundle, build_s = build(out)
    except subprocess.CalledProcessError as exc:
        print(json.dumps({"build": f"failed: {exc}", "ok": False}), flush=True)
        return 1
    work = Path(tempfile.mkdtemp(prefix="perpusdesa-smoke-"))
    try:
        smoke = smoke_test(bundle, work, max(1, options.runs))
    finally:
        if not options.keep:
            shutil.rmtree(work, ignore_errors=True)
    ok = all(smoke.get(step) == "ok" for step in ("demo", "report", "gui"))
    line = {
        "bundle": str(bundle),
        "bundle_mb": folder_mb(bundle),
        "build_s": round(build_s, 1),
        "pyinstaller_installed_now": installed,
        "startup_ms_median": smoke.pop("startup_ms_median", None),
        **smoke,
        "ok": ok,
    }
    print(json.dumps(line), flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
