#!/usr/bin/env python3
"""Compile the Qt Designer forms in ui/*.ui to src/proposal_desk/gui/forms/ui_*.py.

    .venv/bin/python scripts/build_ui.py           # regenerate every form
    .venv/bin/python scripts/build_ui.py --check   # exit 1 if a compiled form is out of date

The compiled forms are committed (the frozen build and the tests need no uic); the test
tests/gui/test_forms_current.py fails when a .ui file was changed without running this.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "src" / "proposal_desk" / "gui" / "forms"
# uic writes its own version into the header; dropped so that a patch release of Qt does
# not make every form look changed.
_VERSION_LINE = "## Created by: Qt User Interface Compiler version"


def uic_command() -> list[str]:
    import PySide6

    libexec = Path(PySide6.__file__).parent / "Qt" / "libexec"
    for name in ("uic", "uic.exe"):
        if (libexec / name).is_file():
            return [str(libexec / name), "-g", "python"]
    return [sys.executable, "-c", "import sys; from PySide6.scripts.pyside_tool import uic;"
            " sys.argv[0] = 'pyside6-uic'; sys.exit(uic())"]


def compile_form(ui_file: Path) -> str:
    result = subprocess.run([*uic_command(), str(ui_file.relative_to(ROOT))], cwd=ROOT,
                            capture_output=True, text=True, encoding="utf-8", check=False)
    if result.returncode != 0:
        raise SystemExit(f"uic failed on {ui_file.name}:\n{result.stderr}")
    lines = [line for line in result.stdout.splitlines() if not line.startswith(_VERSION_LINE)]
    return "\n".join(lines).rstrip() + "\n"


def target_for(ui_file: Path) -> Path:
    return FORMS_DIR / f"ui_{ui_file.stem}.py"


def stale_forms() -> list[str]:
    """Names of forms whose compiled file is missing or differs from a fresh compile."""
    stale = []
    for ui_file in sorted(UI_DIR.glob("*.ui")):
        target = target_for(ui_file)
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if current != compile_form(ui_file):
            stale.append(ui_file.name)
    expected = {target_for(u).name for u in UI_DIR.glob("*.ui")}
    stale += [f"{p.name} (no .ui file)" for p in FORMS_DIR.glob("ui_*.py")
              if p.name not in expected]
    return stale


def build() -> int:
    FORMS_DIR.mkdir(parents=True, exist_ok=True)
    count = 0
    for ui_file in sorted(UI_DIR.glob("*.ui")):
        target = target_for(ui_file)
        text = compile_form(ui_file)
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8", newline="\n")
            count += 1
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report out-of-date forms")
    args = parser.parse_args()
    if args.check:
        stale = stale_forms()
        for name in stale:
            sys.stderr.write(f"out of date: {name}\n")
        return 1 if stale else 0
    changed = build()
    sys.stdout.write(f"{changed} form(s) written to {FORMS_DIR.relative_to(ROOT)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
