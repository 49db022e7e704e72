"""Smoke test of the built one-file program: `python build/smoke_test.py [EXECUTABLE]`.

Runs the built file (default build/dist/proposal-desk) as a user would, each time in throw-away
folders (PROPOSAL_DESK_DATA, and the user's data folder pointed into the temporary folder too):

  contents   the archive holds the migrations, templates, icons and the Qt plugins needed,
             and none of the Qt parts left out
  version    `--version` prints pyproject's name and version
  demo       `demo` fills a fresh data folder (the migrations ran inside the file); `list --json`
  portable   a `data` folder beside the executable holds the database; without one, the
             user's data folder does
  report     `report --year` writes a .docx that opens and holds the bureau, year and counts
  letter     `letter NUMBER` writes a reply letter naming the proposal, proposer and bureau
  opinion    `opinion NUMBER` for an assisted proposal; `chase` the list of what falls due
  sheets     `export` writes a ledger that opens; `import --dry-run` reads it back
  postgres   `demo` and `list` on a PostgreSQL database (the shared office database), when
             scripts/with-postgres provides a server
  gui        the window starts offscreen with `--smoke-test`, shows the demo data, exits 0

A check whose command or module has not landed in src/ yet is skipped with the reason.
The Python running this script needs python-docx and openpyxl (the project's venv has them).
Exit status 0 when nothing failed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bundle_plan  # lives beside this script

PACKAGE = bundle_plan.PACKAGE

BUREAU = "区商务局"  # the demo's bureau
APP_ID = "ProposalDesk"  # proposal_desk.APP_ID: the user's data folder is named after it
PG_URL_ENV = "PROPOSAL_DESK_TEST_PG_URL"  # set by scripts/with-postgres
GUI_TIMEOUT = 180  # seconds; the window normally exits within a few
COMMAND_TIMEOUT = 120


class Skip(Exception):
    """A check that cannot run yet; the message says why."""


class Failure(Exception):
    pass


@dataclass
class Context:
    exe: Path
    tmp: Path
    data: Path  # PROPOSAL_DESK_DATA of the shared demo database
    rows: list[dict] = field(default_factory=list)  # `list --json` of the demo database

    def env(self, data: Path | None = None, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items()
               if k not in ("PROPOSAL_DESK_DB", "PROPOSAL_DESK_DATA",
                            "PROPOSAL_DESK_STARTUP_STAMP")}
        # Whatever happens, nothing lands in the real user's data folder.
        env["XDG_DATA_HOME"] = str(self.tmp / "user-data")
        env["LOCALAPPDATA"] = str(self.tmp / "user-data")
        env["QT_QPA_PLATFORM"] = "offscreen"
        if data is not None:
            env["PROPOSAL_DESK_DATA"] = str(data)
        env.update(extra)
        return env

    def run(self, *args: str, data: Path | None = None, exe: Path | None = None,
            timeout: float = COMMAND_TIMEOUT, env: dict[str, str] | None = None,
            ok: bool = True) -> subprocess.CompletedProcess[str]:
        cmd = [str(exe or self.exe), *args]
        try:
            proc = subprocess.run(cmd, env=env or self.env(data), capture_output=True,
                                  timeout=timeout, cwd=self.tmp, encoding="utf-8",
                                  errors="replace")
        except subprocess.TimeoutExpired as exc:
            raise Failure(f"`{' '.join(args)}` did not finish within {timeout:.0f} s") from exc
        if ok and proc.returncode != 0:
            raise Failure(f"`{' '.join(args)}` exited {proc.returncode}:\n"
                          f"{proc.stdout[-2000:]}{proc.stderr[-2000:]}")
        return proc


def landed(*relative: str) -> None:
    """Skip unless these source files exist (the part was written by its helper)."""
    missing = [r for r in relative if not (PACKAGE / r).is_file()]
    if missing:
        raise Skip(f"{', '.join('proposal_desk/' + m for m in missing)} not in src/ yet")


def docx_text(path: Path) -> str:
    import docx

    if not path.is_file() or path.stat().st_size == 0:
        raise Failure(f"{path.name} was not written")
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    for section in document.sections:
        parts.extend(p.text for p in section.header.paragraphs)
        parts.extend(p.text for p in section.footer.paragraphs)
    return "\n".join(parts)


def expect_in(text: str, what: str, *needles: str) -> None:
    missing = [n for n in needles if n not in text]
    if missing:
        raise Failure(f"{what} lacks {missing!r}; it begins: {text[:300]!r}")
    leftovers = re.findall(r"\{\{.*?\}\}|\{%.*?%\}", text)
    if leftovers:
        raise Failure(f"{what} still holds template tags: {leftovers[:3]!r}")


# --- the checks -------------------------------------------------------------------------------

def _plugin(folder: str, stem: str) -> re.Pattern[str]:
    return re.compile(rf"^PySide6/(Qt/)?plugins/{folder}/(lib)?{re.escape(stem)}\.(so|dll|dylib)$")


def check_contents(ctx: Context) -> str:
    """What the file carries, read from its archive: the files migrations and documents need
    are in; the Qt parts left out stay out."""
    from PyInstaller.archive.readers import CArchiveReader

    names = set(CArchiveReader(str(ctx.exe)).toc)
    src = PACKAGE.parent
    required = [f"{p.parent.relative_to(src).as_posix()}/{p.name}"
                for p in (PACKAGE / "storage" / "migrations").rglob("*.py")
                if "__pycache__" not in p.parts]
    required += [f"resources/{p.parent.name}/{p.name}"
                 for folder in ("templates", "icons")
                 for p in sorted((bundle_plan.RESOURCES / folder).glob("*"))
                 if p.suffix in {".docx", ".svg"}]
    missing = sorted(set(required) - names)
    patterns = [re.compile(r"^PySide6/(Qt/)?translations/qtbase_zh_CN\.qm$"),
                _plugin("platforms", "qoffscreen"), _plugin("iconengines", "qsvgicon"),
                _plugin("imageformats", "qsvg")]
    if sys.platform.startswith("linux"):
        patterns.append(_plugin("platforms", "qxcb"))
    elif sys.platform == "win32":
        patterns.append(_plugin("platforms", "qwindows"))
    missing += [p.pattern for p in patterns if not any(p.match(n) for n in names)]
    if missing:
        raise Failure(f"the file lacks {missing}")
    unwanted = re.compile(r"Qt6?(Qml|Quick|Pdf|WebEngine|Multimedia|3D|VirtualKeyboard)"
                          r"|/platforms/(lib)?q(wayland|eglfs|vnc|linuxfb)"
                          r"|translations/qt(base)?_(?!zh_CN)|^resources/fonts/|tkinter")
    found = sorted(n for n in names if unwanted.search(n))
    if found:
        raise Failure(f"the file carries what it should leave out: {found[:10]}")
    return f"{len(names)} entries; migrations, templates, icons, Qt plugins present"


def check_version(ctx: Context) -> str:
    proj = bundle_plan.project()
    out = ctx.run("--version").stdout.strip()
    if out != f"{proj.name} {proj.version}":
        raise Failure(f"--version printed {out!r}, expected {proj.name} {proj.version}")
    return out


def check_demo(ctx: Context) -> str:
    started = time.perf_counter()
    ctx.run("demo", data=ctx.data)
    seconds = time.perf_counter() - started
    if not (ctx.data / "proposal-desk.sqlite3").is_file():
        raise Failure("demo ran but no database in the data folder")
    ctx.rows = json.loads(ctx.run("list", "--json", data=ctx.data).stdout)
    if len(ctx.rows) < 20:
        raise Failure(f"list --json gave {len(ctx.rows)} rows after demo")
    return f"{len(ctx.rows)} proposals, demo took {seconds:.1f} s"


def check_portable(ctx: Context) -> str:
    folder = ctx.tmp / "usb-stick"
    folder.mkdir()
    exe = folder / ctx.exe.name
    try:
        os.link(ctx.exe, exe)  # a hard link, not a symlink: the program resolves its own path
    except OSError:
        shutil.copy2(ctx.exe, exe)
    (folder / "data").mkdir()
    env = ctx.env()  # no PROPOSAL_DESK_DATA
    ctx.run("config", "bureau.name", BUREAU, exe=exe, env=env)
    if not (folder / "data" / "proposal-desk.sqlite3").is_file():
        raise Failure("with a data folder beside the executable, the database went elsewhere")
    user_db = ctx.tmp / "user-data" / APP_ID / "proposal-desk.sqlite3"
    if user_db.exists():
        raise Failure(f"portable run also wrote {user_db}")
    shown = ctx.run("config", "bureau.name", exe=exe, env=env).stdout
    if BUREAU not in shown:
        raise Failure(f"config did not read back from the portable database: {shown!r}")
    shutil.rmtree(folder / "data")
    ctx.run("config", "bureau.name", BUREAU, exe=exe, env=env)
    if not user_db.is_file():
        raise Failure(f"without a data folder beside it, the database is not in {user_db}")
    return "data/ beside the file, else the user's data folder"


def latest_year(ctx: Context) -> int:
    if not ctx.rows:
        raise Skip("needs the demo check")
    return max(int(r["year"]) for r in ctx.rows)


def check_report(ctx: Context) -> str:
    landed("cli/cmd_report.py", "documents/report.py")
    year = latest_year(ctx)
    out = ctx.tmp / "report.docx"
    ctx.run("report", "--year", str(year), "-o", str(out), data=ctx.data)
    text = docx_text(out)
    expect_in(text, "the report", BUREAU, f"{year}年", "办理情况")
    led = [r["title"] for r in ctx.rows if int(r["year"]) == year and r["role"] == "主办"]
    if not any(title in text for title in led):
        raise Failure(f"the report names none of the {len(led)} proposals led in {year}")
    return f"{out.stat().st_size // 1024} KiB, {len(text)} characters"


def _pick(ctx: Context, roles: set[str], replied: bool) -> dict:
    year = latest_year(ctx)
    for row in ctx.rows:
        if int(row["year"]) == year and row["role"] in roles and bool(row["replied"]) == replied:
            return row
    raise Failure(f"the demo has no {'/'.join(roles)} proposal of {year} to write for")


def check_letter(ctx: Context) -> str:
    landed("cli/cmd_letter.py", "documents/letters.py")
    row = _pick(ctx, {"主办", "分办"}, replied=True)
    out = ctx.tmp / "letter.docx"
    ctx.run("letter", row["number"], "--meeting", row["meeting"], "-o", str(out), data=ctx.data)
    text = docx_text(out)
    first_proposer = re.split(r"[、，,]", row["proposer"])[0]
    expect_in(text, "the letter", BUREAU, row["title"], first_proposer, f"第{row['number']}号")
    return f"第{row['number']}号 to {first_proposer}"


def check_opinion_and_chase(ctx: Context) -> str:
    landed("cli/cmd_opinion.py", "cli/cmd_chase.py")
    row = _pick(ctx, {"协办", "会办"}, replied=True)
    out = ctx.tmp / "opinion.docx"
    ctx.run("opinion", row["number"], "--meeting", row["meeting"], "-o", str(out),
            data=ctx.data)
    expect_in(docx_text(out), "the 会办意见", BUREAU, row["title"])
    chase = ctx.tmp / "chase.docx"
    ctx.run("chase", "-o", str(chase), data=ctx.data)
    docx_text(chase)
    return f"第{row['number']}号; chase list opens"


def check_sheets(ctx: Context) -> str:
    landed("cli/cmd_export.py", "cli/cmd_import.py")
    import openpyxl

    year = latest_year(ctx)
    out = ctx.tmp / "ledger.xlsx"
    ctx.run("export", str(out), "--year", str(year), data=ctx.data)
    book = openpyxl.load_workbook(out, read_only=True)
    cells = [str(c) for row in book.worksheets[0].iter_rows(values_only=True) for c in row if c]
    book.close()
    titles = {r["title"] for r in ctx.rows if int(r["year"]) == year}
    if not titles & set(cells):
        raise Failure("the exported ledger holds none of the year's titles")
    fresh = ctx.tmp / "import-check"
    plan = ctx.run("import", str(out), "--dry-run", data=fresh).stdout
    if not plan.strip():
        raise Failure("import --dry-run of the exported ledger printed nothing")
    return f"{len(titles)} titles exported and read back"


def check_postgres(ctx: Context) -> str:
    url = os.environ.get(PG_URL_ENV)
    if not url:
        raise Skip(f"no PostgreSQL server ({PG_URL_ENV} unset; run under scripts/with-postgres)")
    from PyInstaller.archive.readers import CArchiveReader, ZlibArchiveReader

    archive = CArchiveReader(str(ctx.exe))
    with tempfile.TemporaryDirectory() as tmp:
        pyz = Path(tmp) / "PYZ.pyz"
        pyz.write_bytes(archive.extract("PYZ.pyz"))
        if "psycopg" not in ZlibArchiveReader(str(pyz)).toc:
            raise Skip("built without the PostgreSQL driver (build.py --without-postgres)")
    from sqlalchemy import create_engine, make_url, text

    server = make_url(url)
    name = "proposal_desk_smoke"
    admin = create_engine(server.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {name}"))
    admin.dispose()
    target = server.set(database=name).render_as_string(hide_password=False)
    ctx.run("--db", target, "demo", data=ctx.tmp / "pg-data")
    rows = json.loads(ctx.run("--db", target, "list", "--json", data=ctx.tmp / "pg-data").stdout)
    if len(rows) != len(ctx.rows):
        raise Failure(f"PostgreSQL holds {len(rows)} proposals after demo, SQLite {len(ctx.rows)}")
    return f"demo and list over {server.drivername} ({len(rows)} proposals)"


def check_gui(ctx: Context) -> str:
    landed("gui/app.py")
    if not ctx.rows:
        raise Skip("needs the demo check")
    stamp = ctx.tmp / "gui-stamp.json"
    env = ctx.env(ctx.data, PROPOSAL_DESK_STARTUP_STAMP=str(stamp))
    started = time.perf_counter()
    proc = ctx.run("--smoke-test", env=env, timeout=GUI_TIMEOUT, ok=False)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise Failure(f"--smoke-test exited {proc.returncode}:\n{proc.stderr[-3000:]}")
    shown = None
    log_file = ctx.data / "logs" / "proposal-desk.log"
    if log_file.is_file():
        found = re.findall(r"smoke test: window shown with (\d+) rows",
                           log_file.read_text(encoding="utf-8", errors="replace"))
        shown = int(found[-1]) if found else None
    if stamp.is_file():
        info = json.loads(stamp.read_text(encoding="utf-8"))
        if not info.get("visible"):
            raise Failure(f"the main window was not visible when idle: {info}")
        if info.get("rows") is not None:
            shown = int(info["rows"])
    if shown is None:
        raise Failure("the window exited 0 but reported no rows shown (log or stamp)")
    if shown < 1:
        raise Failure("the main window showed no proposals of the demo data")
    return f"window showed {shown} rows, exited 0 after {seconds:.1f} s"


CHECKS: list[tuple[str, Callable[[Context], str]]] = [
    ("contents", check_contents),
    ("version", check_version),
    ("demo", check_demo),
    ("portable", check_portable),
    ("report", check_report),
    ("letter", check_letter),
    ("opinion", check_opinion_and_chase),
    ("sheets", check_sheets),
    ("postgres", check_postgres),
    ("gui", check_gui),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("executable", nargs="?", type=Path,
                        default=bundle_plan.DIST_DIR / ("proposal-desk.exe"
                                                        if sys.platform == "win32"
                                                        else "proposal-desk"))
    parser.add_argument("--only", nargs="+", choices=[name for name, _ in CHECKS])
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    exe = args.executable.resolve()
    if not exe.is_file():
        print(f"no executable at {exe}; build it with `python build/build.py`", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="proposal-desk-smoke-"))
    ctx = Context(exe=exe, tmp=tmp, data=tmp / "data")
    passed = failed = skipped = 0
    print(f"smoke test of {exe} ({exe.stat().st_size / 2**20:.1f} MiB)")
    try:
        for name, check in CHECKS:
            if args.only and name not in args.only and name != "demo":
                continue
            started = time.perf_counter()
            try:
                detail = check(ctx)
                passed += 1
                print(f"  ok    {name:9} {detail} ({time.perf_counter() - started:.1f} s)")
            except Skip as exc:
                skipped += 1
                print(f"  SKIP  {name:9} {exc}")
            except Failure as exc:
                failed += 1
                print(f"  FAIL  {name:9} {exc}")
            except Exception:
                failed += 1
                print(f"  FAIL  {name:9} {traceback.format_exc()}")
    finally:
        if args.keep or failed:
            print(f"files kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print(f"smoke: {passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
