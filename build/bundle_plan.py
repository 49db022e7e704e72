"""What goes into the one-file executable and what stays out, in one place.

`proposal-desk.spec` executes this module for its lists; `tests/test_build.py` imports it to check
them without running PyInstaller. Plain Python (no PyInstaller import), so both can use it.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import sys
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
PACKAGE = SRC / "proposal_desk"
MIGRATIONS = PACKAGE / "storage" / "migrations"
RESOURCES = ROOT / "resources"
BUILD = ROOT / "build"
WORK_DIR = BUILD / "work"  # ignored by .gitignore, like DIST_DIR
DIST_DIR = BUILD / "dist"
ENTRY_SCRIPT = PACKAGE / "__main__.py"
RUNTIME_HOOKS = BUILD / "runtime_hooks"

# resources/ subfolders the running program never reads (fonts.conf only maps font names for the
# rendering checks in the tests), and file kinds that only make resources (generator scripts).
RESOURCES_NOT_SHIPPED = {"fonts"}
RESOURCE_SUFFIXES_NOT_SHIPPED = {".py", ".pyc"}

# Standard-library and third-party modules the program never uses. Each was checked against the
# smoke test of the built file; several are pulled in only through optional imports.
PYTHON_EXCLUDES = [
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib",
    "unittest", "doctest", "pydoc", "pydoc_data", "test", "lib2to3", "ensurepip",
    "distutils", "setuptools", "pkg_resources", "pip",
    "xmlrpc", "http.server", "ftplib", "smtplib", "imaplib", "poplib", "nntplib", "telnetlib",
    "curses", "readline", "pdb",
    # Only concurrent.futures' ProcessPoolExecutor would use it (nothing here does), and when
    # shipped, PyInstaller's runtime hook imports it at every start (10 ms).
    "multiprocessing",
    "pytest", "_pytest", "pytestqt", "hypothesis",
    # openpyxl and others import these only when present; the program needs none of them.
    "numpy", "pandas", "PIL", "IPython", "matplotlib",
    # TLS: the program opens no connection but to a configured PostgreSQL server, and only the
    # driver needs this (it is put back when the driver ships: see excludes()).
    "ssl", "_ssl",
    # Optional extras of libraries we use: Mako's syntax highlighting (all of Pygments), the lxml
    # parts python-docx and docxtpl do not touch (only lxml.etree is used).
    "pygments", "mako.ext", "lxml.objectify", "lxml.html", "lxml.isoschematron", "lxml.sax",
    "lxml.cssselect", "lxml.doctestcompare", "lxml.usedoctest",
]

# PostgreSQL drivers: shipped when the project declares one, as a dependency or in an extra the
# one-file program carries (`postgres`: --db postgresql+psycopg://… for a shared office
# database), and it is installed; else their libpq/OpenSSL copies would be dead weight.
# PROPOSAL_DESK_NO_POSTGRES=1 (build.py --without-postgres) leaves them out anyway.
BUNDLED_EXTRAS = ("postgres",)
POSTGRES_DRIVERS = {"psycopg": ["psycopg", "psycopg_binary", "psycopg_c", "psycopg_pool"],
                    "psycopg2": ["psycopg2"]}

# Qt: only the Python modules our source imports are shipped; these are always kept because the
# ones we import need them.
QT_MODULES_ALWAYS = {"QtCore", "QtGui", "QtWidgets"}

# Qt plugins kept, by plugin folder; a folder not named here is dropped entirely.
# Names are the plugin file stems without the lib prefix (libqxcb.so / qxcb.dll -> qxcb).
QT_PLUGINS_KEPT: dict[str, set[str]] = {
    # xcb: every UOS/Kylin desktop is X11 (a Wayland session runs XWayland); offscreen for the
    # smoke test and headless use; windows/cocoa for the other systems.
    "platforms": {"qxcb", "qoffscreen", "qwindows", "qcocoa", "qminimal"},
    # The system's GTK theme plugin is left out: it would load the target's GTK against bundled
    # copies of cairo/pango/gio from the build machine, a classic source of crashes.
    "platformthemes": {"qxdgdesktopportal"},
    # Input methods (Chinese input!): ibus and compose; fcitx has no Qt 6 plugin in PySide6.
    "platforminputcontexts": {"composeplatforminputcontextplugin",
                              "ibusplatforminputcontextplugin"},
    "imageformats": {"qico", "qjpeg", "qsvg", "qgif"},
    "iconengines": {"qsvgicon"},
    "xcbglintegrations": {"qxcb-glx-integration", "qxcb-egl-integration"},
    "styles": {"qwindowsvistastyle", "qmodernwindowsstyle"},
}
QT_TRANSLATIONS_KEPT = re.compile(r"^(qt|qtbase)_zh_CN\.qm$")
# Windows: Qt's software OpenGL (Mesa llvmpipe, about 20 MiB) is a fallback for OpenGL on PCs
# without a GPU driver; the program draws with QtWidgets' raster engine and uses no OpenGL.
WINDOWS_DLLS_DROPPED = {"opengl32sw.dll"}

# Libraries loaded with dlopen() rather than linked, so the reachability walk cannot see them.
# None of the ones PyInstaller collects for us today (Qt's OpenSSL loading belongs to the TLS
# plugins, which are not shipped); add a pattern here when one appears.
DLOPEN_ROOTS: re.Pattern[str] | None = None

# ICU's data (libicudata.so, Linux): what Qt Core asks ICU for, in our locales. Qt uses ICU
# for QCollator (and so the file dialogs' sorting), locale-aware case mapping, named codecs
# (QStringConverter) and time-zone names; the program itself calls none of them. The default
# locale is zh_CN (gui/app.py), English is Qt's fallback. Everything else (other languages'
# locale data, currencies, units, break iterators, transliteration...) is dropped: 30.5 MiB of
# data, inflated by the one-file bootloader at every start, become 4 MiB. See build/icu_data.py;
# tests/test_build.py compares Qt's answers with the full and the trimmed data.
ICU_DATA_KEPT = re.compile(r"""^(?:
    (?:coll/|zone/)?(?:res_index|pool|root)\.res             # the locale tree's roots
  | (?:coll/|zone/)?zh(?:_\w+)?\.res                          # Chinese, every script/region
  | (?:coll/|zone/)?en(?:_US|_US_POSIX|_001)?\.res             # English, Qt's fallback
  | coll/ucadata\.icu | zone/tzdbNames\.res                    # collation base, zone names
  | (?:likelySubtags|supplementalData|metadata|keyTypeData|langInfo|icuver|icustd
     |timezoneTypes|metaZones|windowsZones|zoneinfo64|numberingSystems|dayPeriods)\.res
  | cnvalias\.icu                                              # codec names
  | (?:gb18030|windows-936-2000|ibm-1383_P110-1999|ibm-1386_P100-2001|ibm-5478_P100-1995
     |windows-950-2000|ibm-1373_P100-2002|ibm-1375_P100-2008)\.cnv   # GB18030, GBK, GB2312, Big5
)$""", re.VERBOSE)
# Small codecs (single-byte code pages, a few KiB each) are kept whatever their name.
ICU_SMALL_CODEC = 20_000


def icu_item_kept(name: str, size: int) -> bool:
    """Whether the ICU data item `name` (as `icupkg -l` lists it) stays in the bundle."""
    return bool(ICU_DATA_KEPT.match(name)) or (name.endswith(".cnv") and size <= ICU_SMALL_CODEC)


@dataclass(frozen=True)
class Project:
    name: str
    version: str
    description: str
    dependencies: tuple[str, ...]  # with those of the extras in BUNDLED_EXTRAS

    @property
    def version_tuple(self) -> tuple[int, int, int, int]:
        numbers = [int(n) for n in re.findall(r"\d+", self.version)[:4]]
        return tuple(numbers + [0] * (4 - len(numbers)))  # type: ignore[return-value]


def project() -> Project:
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    deps = list(meta.get("dependencies", ()))
    for extra in BUNDLED_EXTRAS:
        deps += meta.get("optional-dependencies", {}).get(extra, [])
    return Project(meta["name"], meta["version"], meta.get("description", ""), tuple(deps))


def declared_distributions(proj: Project) -> set[str]:
    return {re.split(r"[\s<>=!~;\[]", dep, maxsplit=1)[0].lower() for dep in proj.dependencies}


def ships_postgres(proj: Project) -> bool:
    if os.environ.get("PROPOSAL_DESK_NO_POSTGRES") == "1":
        return False
    return "psycopg" in declared_distributions(proj) and _is_module("psycopg")


# --- data files -----------------------------------------------------------------------------

def _files(folder: Path, suffixes: Iterable[str] | None = None) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        if suffixes is None or path.suffix in suffixes:
            yield path


def datas() -> list[tuple[str, str]]:
    """(source file, destination folder inside the bundle) pairs, PyInstaller's `datas` form."""
    pairs: list[tuple[str, str]] = []
    # Alembic reads env.py and the revision scripts by path from the migrations folder, next to
    # storage/migrate.py, so they ship as files at the same place as in the source tree.
    for path in _files(MIGRATIONS, {".py", ".mako"}):
        pairs.append((str(path), str(PurePosixPath(*path.parent.relative_to(SRC).parts))))
    if RESOURCES.is_dir():
        for path in _files(RESOURCES):
            rel = path.relative_to(RESOURCES)
            skipped = path.suffix in RESOURCE_SUFFIXES_NOT_SHIPPED
            if rel.parts[0] in RESOURCES_NOT_SHIPPED or skipped:
                continue
            pairs.append((str(path), str(PurePosixPath("resources", *rel.parent.parts))))
    return pairs


# --- Python modules ---------------------------------------------------------------------------

def package_modules() -> list[str]:
    """Every module of the program. Commands are imported by name (`cli.cmd_<command>`), which
    PyInstaller's import scan cannot follow, so all of them are listed."""
    modules = []
    for path in _files(PACKAGE, {".py"}):
        if MIGRATIONS in path.parents:
            continue
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        elif parts[-1] == "__main__":
            continue
        modules.append(".".join(parts))
    return modules


def imports_in(paths: Iterable[Path]) -> set[str]:
    found: set[str] = set()
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module)
                # `from alembic import op`: op is a module that must be shipped too.
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):  # `from x import y` where y is a class, not a module
        return False


def migration_imports() -> set[str]:
    """What the migration scripts import: they are loaded by path at run time, so PyInstaller
    never scans them."""
    return {name for name in imports_in(_files(MIGRATIONS, {".py"})) if _is_module(name)}


def hidden_imports(proj: Project) -> list[str]:
    names = set(package_modules()) | migration_imports()
    names |= {
        "alembic.context", "alembic.op", "alembic.runtime.environment",
        "alembic.runtime.migration", "alembic.ddl.sqlite", "mako.template", "logging.config",
        "sqlalchemy.dialects.sqlite.pysqlite",
    }
    if ships_postgres(proj):
        names |= {"sqlalchemy.dialects.postgresql.psycopg", "psycopg"}
        if _is_module("psycopg_binary"):
            names.add("psycopg_binary")
    return sorted(names)


def qt_modules_used() -> set[str]:
    used = set(QT_MODULES_ALWAYS)
    pattern = re.compile(r"PySide6\.(Qt\w+)")
    for path in _files(PACKAGE, {".py"}):
        used.update(pattern.findall(path.read_text(encoding="utf-8")))
    return used


def qt_modules_installed() -> set[str]:
    try:
        import PySide6
    except ImportError:
        return set()
    folder = Path(PySide6.__file__).parent
    return {p.name.split(".")[0] for p in folder.iterdir()
            if p.name.startswith("Qt") and p.suffix in {".so", ".pyd"}}


def excludes(proj: Project) -> list[str]:
    names = set(PYTHON_EXCLUDES)
    declared = declared_distributions(proj)
    for dist, modules in POSTGRES_DRIVERS.items():
        if dist not in declared or (dist == "psycopg" and not ships_postgres(proj)):
            names.update(modules)
    if ships_postgres(proj):
        names -= {"ssl", "_ssl"}  # psycopg_binary imports ssl to set up libcrypto
    unused_qt = qt_modules_installed() - qt_modules_used()
    names.update(f"PySide6.{m}" for m in unused_qt)
    return sorted(names)


# --- pruning PyInstaller's table of contents --------------------------------------------------

def _plugin_stem(filename: str) -> str:
    stem = filename.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def qt_plugin_kept(dest: str) -> bool | None:
    """None when `dest` is not a Qt plugin; else whether to keep it."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if "plugins" not in parts or "PySide6" not in parts:
        return None
    i = parts.index("plugins")
    if len(parts) < i + 3:
        return None
    folder, filename = parts[i + 1], parts[-1]
    return _plugin_stem(filename) in QT_PLUGINS_KEPT.get(folder, set())


def windows_binary_kept(dest: str) -> bool:
    """The Windows filter (the reachability walk runs on Linux only, where it was tested)."""
    if PurePosixPath(dest.replace("\\", "/")).name.lower() in WINDOWS_DLLS_DROPPED:
        return False
    return qt_plugin_kept(dest) is not False


def data_kept(dest: str) -> bool:
    path = PurePosixPath(dest.replace("\\", "/"))
    if "translations" in path.parts and "PySide6" in path.parts:
        return bool(QT_TRANSLATIONS_KEPT.match(path.name))
    return True


def prune_binaries(entries: list[tuple], needed_by: dict[str, list[str]]) -> list[tuple]:
    """Drop unwanted Qt plugins, then every shared library no longer reachable from what is left.

    `entries` are PyInstaller TOC tuples (dest, src, typecode); `needed_by` maps a destination
    name to the sonames it links (DT_NEEDED / import table). Roots are Python extensions, Qt
    plugins that are kept, libpython and the dlopen()ed libraries; a library not linked from any
    root is something only a dropped plugin or module needed (QtNetwork, QtQml, GTK's cairo…).
    """
    kept = [e for e in entries if qt_plugin_kept(e[0]) is not False]
    by_name: dict[str, tuple] = {}
    for entry in kept:
        by_name.setdefault(PurePosixPath(entry[0].replace("\\", "/")).name.lower(), entry)
    roots = [e for e in kept if _is_root(e)]
    reachable: set[str] = set()
    stack = [e[0] for e in roots]
    while stack:
        dest = stack.pop()
        if dest in reachable:
            continue
        reachable.add(dest)
        for soname in needed_by.get(dest, []):
            target = by_name.get(soname.lower())
            if target is not None and target[0] not in reachable:
                stack.append(target[0])
    return [e for e in kept if e[0] in reachable]


def _is_root(entry: tuple) -> bool:
    dest, _src, typecode = entry[0], entry[1], entry[2]
    name = PurePosixPath(dest.replace("\\", "/")).name
    if typecode == "EXTENSION" or qt_plugin_kept(dest):
        return True
    if re.match(r"^(lib)?python3", name, re.I):
        return True
    return bool(DLOPEN_ROOTS and DLOPEN_ROOTS.match(name))


# Stored without compression in the one-file executable: big libraries the bootloader would
# otherwise inflate at every start (zlib inflates about 170 MB/s here: these 36 MiB cost 0.2 s
# per start compressed) for 22 MiB more file. Matched on the path inside the bundle, Linux and
# Windows spellings. PROPOSAL_DESK_COMPRESS_ALL=1 compresses everything (a smaller file for a
# slow network share, 0.2 s slower to start).
STORED_RAW = (
    re.compile(r"(?:^|/)(?:lib)?Qt6(?:Core|Gui|Widgets)\.(?:so[.\d]*|dll)$"),  # libQt6Gui.so.6
    re.compile(r"(?:^|/)(?:libpython3\.\d+\.so[.\d]*|python3\d*\.dll)$"),  # Python itself
    re.compile(r"(?:^|/)lxml/etree\.[^/]*\.(?:so|pyd)$"),  # compresses worst of all (0.49)
)
COMPRESS_ALL_ENV = "PROPOSAL_DESK_COMPRESS_ALL"


def stored_raw(dest: str) -> bool:
    """Whether the bundled binary `dest` is stored uncompressed in the one-file executable."""
    if os.environ.get(COMPRESS_ALL_ENV) == "1":
        return False
    path = dest.replace("\\", "/")
    return any(pattern.search(path) for pattern in STORED_RAW)


FULL_ICU_ENV = "PROPOSAL_DESK_FULL_ICU"


def _icu_data_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("icu_data", BUILD / "icu_data.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("icu_data", module)
    spec.loader.exec_module(module)
    return module


def trim_icu_data(entries: list[tuple], work: Path) -> tuple[list[tuple], str | None]:
    """Put a copy of ICU's data library holding only what icu_item_kept accepts (written in
    `work`) in place of libicudata.so.NN in PyInstaller's TOC `entries`. Returns the entries
    and what was done (None when there is no ICU data library, or PROPOSAL_DESK_FULL_ICU=1)."""
    if os.environ.get(FULL_ICU_ENV) == "1":
        return entries, None
    icu_data = _icu_data_module()
    result = []
    note = None
    for entry in entries:
        dest, src, typecode = entry[0], entry[1], entry[2]
        if note is None and icu_data.LIBRARY.match(PurePosixPath(dest.replace("\\", "/")).name):
            trimmed = work / "icu" / PurePosixPath(dest).name
            done = icu_data.trim_library(Path(src), trimmed, icu_item_kept)
            how = "a new library" if done.linked else "zero-filled in place (no binutils)"
            note = (f"{PurePosixPath(dest).name}: kept {done.kept} of {done.kept + done.dropped} "
                    f"ICU data items, {done.size_before / 2**20:.1f} -> "
                    f"{done.size_after / 2**20:.1f} MiB, {how}")
            entry = (dest, str(trimmed), typecode)
        result.append(entry)
    return result, note


EXTRA_QT_PLUGINS_ENV = "PROPOSAL_DESK_EXTRA_QT_PLUGINS"


def extra_qt_plugins(entries: list[tuple]) -> list[tuple]:
    """Qt plugins built elsewhere for this Qt version, from the folder named by
    PROPOSAL_DESK_EXTRA_QT_PLUGINS (laid out <plugin type>/<file>), e.g. fcitx5-qt's
    platforminputcontexts plugin for Chinese input on UOS/Kylin. Placed beside the bundled
    plugins of the same type, whatever the wheel's layout (PySide6/Qt/plugins or
    PySide6/plugins)."""
    folder = os.environ.get(EXTRA_QT_PLUGINS_ENV)
    if not folder:
        return []
    prefix = next((PurePosixPath(*PurePosixPath(e[0].replace("\\", "/")).parts[:-2])
                   for e in entries if qt_plugin_kept(e[0])), PurePosixPath("PySide6/Qt/plugins"))
    extras = []
    for path in sorted(Path(folder).glob("*/*")):
        if path.is_file():
            dest = prefix / path.parent.name / path.name
            extras.append((str(dest), str(path), "BINARY"))
    return extras


def main() -> None:
    """Print the plan, for reading and debugging: `python build/bundle_plan.py`."""
    proj = project()
    print(f"{proj.name} {proj.version}")
    print("datas:", *(f"  {d} <- {Path(s).relative_to(ROOT)}" for s, d in datas()), sep="\n")
    print("hidden imports:", ", ".join(hidden_imports(proj)))
    print("excludes:", ", ".join(excludes(proj)))


if __name__ == "__main__":
    main()
    sys.exit(0)
