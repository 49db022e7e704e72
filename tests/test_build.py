"""Fast checks of the one-file build's plan (no PyInstaller run: CI builds and smoke-tests the real
file in scripts/build-and-smoke), and of what the program imports at start."""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build"
SRC = ROOT / "src" / "proposal_desk"

# Imported only when a document or spreadsheet is made, never to show the window or a list.
HEAVY = ("docx", "docxtpl", "openpyxl", "python_calamine", "lxml", "jinja2")
# Excluded from the build although the start imports them from source: their importers carry
# on without them (the smoke test of the built file proves it).
EXCLUDED_BUT_OPTIONAL = {
    "ssl", "_ssl",  # asyncio (via SQLAlchemy): `try: import ssl except ImportError`
    "pygments", "mako.ext",  # mako.exceptions falls back to plain text without Pygments
}


def load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


plan = load("bundle_plan", BUILD / "bundle_plan.py")
version_info = load("version_info", BUILD / "version_info.py")
console_hook = load("pyi_rth_proposal_desk_console",
                    BUILD / "runtime_hooks" / "pyi_rth_proposal_desk_console.py")


def shipped() -> dict[str, str]:
    """Source path relative to the repository -> destination folder in the bundle."""
    return {str(Path(src).relative_to(ROOT)): dest for src, dest in plan.datas()}


# --- what goes in ---------------------------------------------------------------------------

def test_every_migration_file_ships_where_migrate_py_looks_for_it() -> None:
    data = shipped()
    migrations = [p for p in (SRC / "storage" / "migrations").rglob("*")
                  if p.is_file() and p.suffix in {".py", ".mako"} and "__pycache__" not in p.parts]
    assert any(p.name == "env.py" for p in migrations)
    assert any(p.parent.name == "versions" for p in migrations)
    for path in migrations:
        rel = str(path.relative_to(ROOT))
        expected = str(path.parent.relative_to(ROOT / "src")).replace(os.sep, "/")
        assert data.get(rel) == expected, rel


def test_templates_and_icons_ship_under_resources() -> None:
    data = shipped()
    templates = sorted((ROOT / "resources" / "templates").glob("*.docx"))
    icons = sorted((ROOT / "resources" / "icons").glob("*.svg"))
    if not templates:
        pytest.skip("resources/templates has no .docx yet")
    for path in [*templates, *icons]:
        rel = str(path.relative_to(ROOT))
        assert data.get(rel) == f"resources/{path.parent.name}", rel


def test_app_ico_holds_every_size_make_icons_lists() -> None:
    """Windows picks 20 and 40 px at 125 % scaling; a stale .ico scales a larger one blurrily."""
    import struct

    make_icons = load("make_icons", BUILD / "make_icons.py")
    data = (ROOT / "resources" / "icons" / "app.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = {data[6 + 16 * i] or 256 for i in range(count)}
    assert sizes == set(make_icons.ICO_SIZES)


def test_font_aliases_and_generator_scripts_stay_out() -> None:
    data = shipped()
    assert not [s for s in data if s.startswith("resources/fonts")]
    assert not [s for s in data if s.startswith("resources") and s.endswith(".py")]


def test_hidden_imports_cover_every_command_and_what_migrations_import() -> None:
    hidden = set(plan.hidden_imports(plan.project()))
    commands = {f"proposal_desk.cli.{p.stem}" for p in (SRC / "cli").glob("cmd_*.py")}
    assert commands and commands <= hidden  # dispatched by name, invisible to PyInstaller
    for module in ("alembic.op", "alembic.context", "sqlalchemy", "mako.template",
                   "logging.config", "sqlalchemy.dialects.sqlite.pysqlite"):
        assert module in hidden
    scanned = plan.imports_in((SRC / "storage" / "migrations").rglob("*.py"))
    assert {name for name in scanned if plan._is_module(name)} <= hidden
    assert not [m for m in hidden if "migrations" in m]  # data files, not modules


def test_no_qt_module_the_source_uses_is_excluded() -> None:
    excluded = set(plan.excludes(plan.project()))
    used = set()
    for path in SRC.rglob("*.py"):
        used.update(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert used, "the GUI imports PySide6 modules"
    assert not {f"PySide6.{m}" for m in used} & excluded
    installed = plan.qt_modules_installed()
    for unused in ("QtQml", "QtQuick", "QtPdf", "QtWebEngineCore", "QtMultimedia", "Qt3DCore"):
        if unused in installed and unused not in used:
            assert f"PySide6.{unused}" in excluded


def test_excluded_python_modules_are_not_imported_by_the_source() -> None:
    excluded_tops = {name.split(".")[0] for name in plan.PYTHON_EXCLUDES}
    offenders = []
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                     [node.module] if isinstance(node, ast.ImportFrom) and node.module
                     and node.level == 0 else [])
            offenders += [f"{path.name}: {n}" for n in names
                          if n in plan.PYTHON_EXCLUDES or (n.split(".")[0] in excluded_tops
                          and n.split(".")[0] not in {"http", "mako", "lxml"})]
    assert offenders == []


def test_postgres_driver_ships_only_when_declared_and_wanted(
        monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("psycopg")
    monkeypatch.delenv("PROPOSAL_DESK_NO_POSTGRES", raising=False)
    proj = plan.project()
    without = plan.Project(proj.name, proj.version, proj.description,
                           tuple(d for d in proj.dependencies if "psycopg" not in d))
    with_driver = plan.Project(proj.name, proj.version, proj.description,
                               (*without.dependencies, "psycopg[binary]>=3.1"))
    assert "psycopg" in plan.excludes(without)
    assert "psycopg" not in plan.excludes(with_driver)
    assert "sqlalchemy.dialects.postgresql.psycopg" in plan.hidden_imports(with_driver)
    assert "ssl" in plan.excludes(without)
    assert "ssl" not in plan.excludes(with_driver)  # psycopg_binary imports it
    monkeypatch.setenv("PROPOSAL_DESK_NO_POSTGRES", "1")
    assert "psycopg" in plan.excludes(with_driver)


def test_the_postgres_extra_counts_as_declared() -> None:
    import tomllib

    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extra = meta.get("optional-dependencies", {}).get("postgres", [])
    assert set(extra) <= set(plan.project().dependencies)


# --- pruning Qt -------------------------------------------------------------------------------

@pytest.mark.parametrize(("dest", "kept"), [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/plugins/platforms/qwindows.dll", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
    ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
    ("PySide6/Qt/lib/libQt6Core.so.6", None),
    ("lxml/etree.cpython-311-x86_64-linux-gnu.so", None),
])
def test_qt_plugin_choice(dest: str, kept: bool | None) -> None:
    assert plan.qt_plugin_kept(dest) is kept


def test_windows_filter_drops_software_opengl_and_unused_plugins() -> None:
    assert not plan.windows_binary_kept("PySide6/opengl32sw.dll")
    assert not plan.windows_binary_kept("PySide6/plugins/imageformats/qpdf.dll")
    assert plan.windows_binary_kept("PySide6/plugins/platforms/qwindows.dll")
    assert plan.windows_binary_kept("PySide6/Qt6Core.dll")


def test_only_chinese_qt_translations_stay() -> None:
    assert plan.data_kept("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert not plan.data_kept("PySide6/Qt/translations/qtbase_de.qm")
    assert not plan.data_kept("PySide6/Qt/translations/qtbase_zh_TW.qm")
    assert plan.data_kept("resources/templates/letter.docx")


def test_libraries_only_dropped_plugins_needed_go_too() -> None:
    toc = [
        ("PySide6/QtGui.abi3.so", "/x/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/x/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/x/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/x/libqxcb.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/x/libQt6XcbQpa.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", "/x/libqwayland.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6WaylandClient.so.6", "/x/libQt6WaylandClient.so.6", "BINARY"),
        ("libpython3.11.so.1.0", "/x/libpython3.11.so.1.0", "BINARY"),
        ("libz.so.1", "/x/libz.so.1", "BINARY"),
    ]
    needed = {
        "PySide6/QtGui.abi3.so": ["libQt6Gui.so.6"],
        "PySide6/Qt/lib/libQt6Gui.so.6": ["libQt6Core.so.6"],
        "PySide6/Qt/plugins/platforms/libqxcb.so": ["libQt6XcbQpa.so.6", "libQt6Gui.so.6"],
        "PySide6/Qt/plugins/platforms/libqwayland.so": ["libQt6WaylandClient.so.6",
                                                        "libQt6Gui.so.6"],
        "libpython3.11.so.1.0": ["libz.so.1"],
    }
    kept = {entry[0] for entry in plan.prune_binaries(toc, needed)}
    assert kept == {
        "PySide6/QtGui.abi3.so", "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/lib/libQt6Core.so.6", "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/lib/libQt6XcbQpa.so.6", "libpython3.11.so.1.0", "libz.so.1",
    }


def test_extra_qt_plugins_join_the_bundled_ones(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    plugin = tmp_path / "platforminputcontexts" / "libfcitx5platforminputcontextplugin.so"
    plugin.parent.mkdir()
    plugin.write_bytes(b"\x7fELF")
    toc = [("PySide6/plugins/platforms/qwindows.dll", "/x/qwindows.dll", "BINARY")]
    assert plan.extra_qt_plugins(toc) == []
    monkeypatch.setenv(plan.EXTRA_QT_PLUGINS_ENV, str(tmp_path))
    assert plan.extra_qt_plugins(toc) == [(
        "PySide6/plugins/platforminputcontexts/libfcitx5platforminputcontextplugin.so",
        str(plugin), "BINARY")]


# --- name, version, Windows bits --------------------------------------------------------------

def test_name_and_version_come_from_pyproject() -> None:
    import tomllib

    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    proj = plan.project()
    assert (proj.name, proj.version) == (meta["name"], meta["version"])
    assert len(proj.version_tuple) == 4
    assert plan.Project("x", "1.2", "", ()).version_tuple == (1, 2, 0, 0)
    assert plan.Project("x", "2.10.3rc1", "", ()).version_tuple == (2, 10, 3, 1)


def test_windows_version_resource_is_valid_and_carries_the_version() -> None:
    text = version_info.render("proposal-desk", "1.4.2", (1, 4, 2, 0), "说明")
    tree = ast.parse(text, mode="exec")
    assert isinstance(tree.body[0], ast.Expr)  # PyInstaller evaluates the file as one expression
    assert "filevers=(1, 4, 2, 0)" in text
    assert "StringStruct('ProductVersion', '1.4.2')" in text
    assert "StringStruct('ProductName', '提案办理台')" in text
    assert "StringStruct('OriginalFilename', 'proposal-desk.exe')" in text


@pytest.mark.parametrize(("argv", "window"), [
    ([], True),
    (["--demo"], True),
    (["--smoke-test"], True),
    (["--db", "x.sqlite3"], True),
    (["--db=x.sqlite3", "--demo"], True),
    (["--version"], False),
    (["-h"], False),
    (["list", "--json"], False),
    (["--db", "x.sqlite3", "list"], False),
])
def test_console_is_attached_for_commands_not_for_the_window(argv: list[str],
                                                             window: bool) -> None:
    assert console_hook._starts_window(argv) is window


def test_spec_never_writes_into_the_tracked_build_folder() -> None:
    spec = (BUILD / "proposal-desk.spec").read_text(encoding="utf-8")
    assert "refusing to write" in spec
    assert plan.WORK_DIR.parent == BUILD and plan.DIST_DIR.parent == BUILD
    for folder in (plan.WORK_DIR, plan.DIST_DIR):
        ignored = subprocess.run(["git", "check-ignore", "-q", str(folder / "x")], cwd=ROOT)
        assert ignored.returncode == 0, f"{folder} must be ignored by git"


# --- what the program imports at start --------------------------------------------------------

def imported_modules(args: list[str], env: dict[str, str] | None = None) -> set[str]:
    proc = subprocess.run([sys.executable, "-X", "importtime", *args], capture_output=True,
                          text=True, env=env, timeout=180)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return {line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines()
            if line.startswith("import time:") and "|" in line}


def heavy_in(modules: set[str]) -> set[str]:
    return {m for m in modules if m.split(".")[0] in HEAVY}


def test_gui_modules_import_no_document_or_spreadsheet_library() -> None:
    modules = imported_modules(["-c", "import proposal_desk.gui.app"])
    assert "PySide6.QtWidgets" in modules
    assert heavy_in(modules) == set()


def test_command_line_list_imports_neither_qt_nor_document_libraries() -> None:
    modules = imported_modules(["-m", "proposal_desk", "list"], env={**os.environ})
    assert not {m for m in modules if m.startswith("PySide6")}
    assert heavy_in(modules) == set()


def test_window_start_with_data_imports_no_heavy_library(data_folder: Path) -> None:
    """The real start: the window shows the demo data and exits (--smoke-test)."""
    if not (SRC / "gui" / "app.py").is_file():
        pytest.skip("proposal_desk/gui/app.py has not landed")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, "-m", "proposal_desk", "demo"], env=env, check=True,
                   capture_output=True, timeout=180)
    modules = imported_modules(["-m", "proposal_desk", "--smoke-test"], env=env)
    assert "PySide6.QtWidgets" in modules
    assert heavy_in(modules) == set()
    excluded = set(plan.PYTHON_EXCLUDES)
    imported_but_excluded = {top for m in modules
                             for top in (m, m.split(".")[0], ".".join(m.split(".")[:2]))
                             if top in excluded}
    assert imported_but_excluded <= EXCLUDED_BUT_OPTIONAL
