"""Backups of the SQLite database: consistent copies through SQLite's online backup API (never a
file copy of an open database), named by time and reason, rotated, verified, and restored.

Attachments live in the `blob` table inside the database, so every backup holds them too.

Backups are files `<YYYYmmdd-HHMMSS>-<reason>.sqlite3` in the backup folder (the data folder's
`backups`). Rotation keeps the newest 10, the newest of each of the last 8 weeks and of each of
the last 24 months; manual, pre-restore and pre-migration backups are never rotated away.

A shared PostgreSQL database is backed up by its administrator (pg_dump); `export_to_sqlite`
copies it into a SQLite file that this program can open, for `proposal-desk backup`.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import shutil
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, insert, select, text
from sqlalchemy.engine import make_url

from proposal_desk.storage.errors import UserError, os_reason
from proposal_desk.storage.file_check import connect_existing

if TYPE_CHECKING:
    from proposal_desk.storage.database import Database

log = logging.getLogger(__name__)

SUFFIX = ".sqlite3"
REASON_OPEN = "打开时"
REASON_MANUAL = "手动"
REASON_IMPORT = "导入前"
REASON_BULK = "批量修改前"
REASON_RESTORE = "恢复前"
REASON_MIGRATION = "迁移前"
REASON_DAMAGED = "损坏的原文件"
# Kept until the user deletes them: each marks a moment that cannot be recreated.
PROTECTED = frozenset({REASON_MANUAL, REASON_RESTORE, REASON_MIGRATION, REASON_DAMAGED})
# Added to the name of a backup copied from a database the check found problems in (the
# window's full check after the open): never offered as the good one, and the rotation keeps
# the newest backup without it, so copies of a damaged database cannot push out the last good.
FLAG_PROBLEMS = "有问题"

_STAMP = re.compile(r"(\d{8})-(\d{6})")


class BackupError(UserError):
    pass


@dataclass(frozen=True)
class RotationPolicy:
    last: int = 10
    weeks: int = 8
    months: int = 24

    def describe(self) -> str:
        """What is kept, in the settings page's words."""
        return (f"自动备份保留最近{self.last}份，以及近{self.weeks}周每周、近{self.months}个月"
                "每月的第一份；手动备份和恢复前、迁移前的备份不会自动删除。")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: dt.datetime
    reason: str
    size: int
    flagged: bool = False  # copied from a database with known problems (FLAG_PROBLEMS)

    @property
    def label(self) -> str:
        c = self.created
        flag = f"，{FLAG_PROBLEMS}" if self.flagged else ""
        return f"{c.year}年{c.month}月{c.day}日 {c:%H:%M:%S}（{self.reason}{flag}）"

    @property
    def protected(self) -> bool:
        return self.reason in PROTECTED


def backup_dir_for(database: Path) -> Path:
    """`backups` beside the database file; a database not named like the data folder's own
    gets a folder of its own, so a damaged file is never offered another database's copy."""
    from proposal_desk.paths import DB_FILE

    if database.name == DB_FILE:
        return database.parent / "backups"
    return database.parent / f"backups-{database.stem}"


# ---- copying ----------------------------------------------------------------------------

def backup_database(engine: Engine, dest: Path) -> Path:
    """Copy the live database to `dest` page by page, consistent even while it is open."""
    source = make_url(str(engine.url)).database
    if not source or source == ":memory:":
        raise ValueError("only a file database can be backed up")
    return backup_file(Path(source), dest)


def backup_file(source: Path, dest: Path) -> Path:
    """Online-backup `source` into a new file `dest`; a half-written copy never has the name."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    src = connect_existing(source)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            # A self-contained file: no -wal beside it, readable by any SQLite tool.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
        _fsync(tmp)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    tmp.replace(dest)
    return dest


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# ---- the backup folder ------------------------------------------------------------------

def backup_name(reason: str, when: dt.datetime) -> str:
    return f"{when:%Y%m%d-%H%M%S}-{reason}{SUFFIX}"


def parse_backup(path: Path) -> BackupInfo | None:
    if path.suffix != SUFFIX or not path.is_file():
        return None
    match = _STAMP.search(path.stem)
    size = path.stat().st_size
    if match:
        try:
            created = dt.datetime.strptime("".join(match.groups()), "%Y%m%d%H%M%S")
        except ValueError:
            created = dt.datetime.fromtimestamp(path.stat().st_mtime)
        rest = (path.stem[:match.start()] + path.stem[match.end():]).strip("-")
    else:
        created = dt.datetime.fromtimestamp(path.stat().st_mtime)
        rest = path.stem
    # 迁移前-0001-<stamp> names the revision after the reason; the reason is the first word.
    words = rest.split("-") if rest else [REASON_MANUAL]
    return BackupInfo(path=path, created=created, reason=words[0], size=size,
                      flagged=FLAG_PROBLEMS in words[1:])


def flag_problems(info: BackupInfo) -> BackupInfo:
    """Mark a backup as copied from a database with problems (renamed, kept: it still holds
    everything else the clerk entered)."""
    if info.flagged or not info.path.exists():
        return info
    dest = info.path.with_name(f"{info.path.stem}-{FLAG_PROBLEMS}{SUFFIX}")
    info.path.replace(dest)
    flagged = parse_backup(dest)
    assert flagged is not None
    log.info("backup %s marked: copied from a database with problems", dest)
    return flagged


def list_backups(folder: Path | None) -> list[BackupInfo]:
    """The backups in `folder`, newest first."""
    if folder is None or not folder.is_dir():
        return []
    found = [info for p in folder.iterdir() if (info := parse_backup(p))]
    # Two copies within one second: the file written later is the newer one.
    return sorted(found, key=lambda b: (b.created, b.path.stat().st_mtime_ns), reverse=True)


def make_backup(source: Path, folder: Path, reason: str,
                now: dt.datetime | None = None) -> BackupInfo:
    """A new backup of the SQLite file `source` in `folder`, named by time and reason."""
    when = (now or dt.datetime.now()).replace(microsecond=0)
    dest = folder / backup_name(reason, when)
    n = 2
    while dest.exists():
        dest = folder / f"{when:%Y%m%d-%H%M%S}-{reason}-{n}{SUFFIX}"
        n += 1
    try:
        backup_file(source, dest)
    except (OSError, sqlite3.Error) as exc:
        why = os_reason(exc) if isinstance(exc, OSError) else str(exc)
        raise BackupError(f"无法备份数据库到 {folder}：{why}") from exc
    info = parse_backup(dest)
    assert info is not None
    log.info("backup %s (%s, %d bytes)", dest, reason, info.size)
    return info


def changed_since_last_backup(source: Path, folder: Path) -> bool:
    """Whether the database files were written after the newest backup was made."""
    backups = list_backups(folder)
    if not backups:
        return True
    newest = max(b.path.stat().st_mtime for b in backups[:3])
    # An empty -wal is created by merely opening the database: not a change.
    written = max((st.st_mtime for p in _db_files(source) if p.exists()
                   and ((st := p.stat()).st_size > 0 or p == source)), default=0.0)
    return written > newest


def _db_files(source: Path) -> list[Path]:
    return [source, source.with_name(source.name + "-wal")]


def rotate(folder: Path, policy: RotationPolicy | None = None,
           now: dt.datetime | None = None) -> list[Path]:
    """Delete the backups the policy no longer keeps; returns the deleted paths."""
    policy = policy or RotationPolicy()
    now = now or dt.datetime.now()
    for part in folder.glob(f"*{SUFFIX}.part"):  # left by a copy that was interrupted
        if now.timestamp() - part.stat().st_mtime > 3600:
            part.unlink(missing_ok=True)
    rotating = [b for b in list_backups(folder) if not b.protected]  # newest first
    keep: set[Path] = {b.path for b in rotating[:policy.last]}
    # However many copies of a damaged database came since, the newest one before them stays.
    keep.update([b.path for b in rotating if not b.flagged][:1])
    weeks: set[tuple[int, int]] = set()
    months: set[tuple[int, int]] = set()
    # Each week's and month's *first* backup: the newest would be among the last ones anyway
    # in a busy week, leaving nothing older to go back to; the first also stays the same as
    # the week goes on.
    for b in reversed(rotating):
        age = now - b.created
        week = b.created.isocalendar()[:2]
        if age <= dt.timedelta(weeks=policy.weeks) and week not in weeks:
            weeks.add(week)
            keep.add(b.path)
        month = (b.created.year, b.created.month)
        months_ago = (now.year - month[0]) * 12 + now.month - month[1]
        if months_ago < policy.months and month not in months:
            months.add(month)
            keep.add(b.path)
    removed = []
    for b in rotating:
        if b.path not in keep:
            try:
                b.path.unlink()
                removed.append(b.path)
            except OSError as exc:
                log.info("could not delete old backup %s: %s", b.path, exc)
    return removed


def automatic_backup(source: Path, folder: Path, reason: str = REASON_OPEN) -> BackupInfo | None:
    """The backup made on open: skipped when nothing was written since the newest backup."""
    if not source.exists() or not changed_since_last_backup(source, folder):
        return None
    info = make_backup(source, folder, reason)
    rotate(folder)
    return info


def backup_before(db: Database, reason: str) -> BackupInfo | None:
    """A backup before an import, a bulk change or a restore; call it before the transaction.

    Raises BackupError (a UserError) when the copy cannot be made, so the caller stops rather
    than changing data with no way back. Does nothing for a database without a backup folder
    or on a shared PostgreSQL server (backed up by its administrator).
    """
    path = db.sqlite_path
    folder = getattr(db, "backup_dir", None)
    if path is None or folder is None:
        return None
    renamed = _reuse_open_backup(db, path, folder, reason)
    if renamed is not None:
        return renamed
    info = make_backup(path, folder, reason)
    rotate(folder)
    return info


def _reuse_open_backup(db: Database, path: Path, folder: Path, reason: str
                       ) -> BackupInfo | None:
    """The copy this opening just made, renamed for `reason`, when nothing was written since:
    a command that imports or merges right after opening would otherwise leave two identical
    copies a second apart (and a large database copied twice). Nothing written means no commit
    through this Database (its engine counts them) and the files not written since the copy."""
    made = getattr(db, "backup_made", None)
    if made is None or made.reason != REASON_OPEN or getattr(db, "commits", 1) \
            or not made.path.exists() or changed_since_last_backup(path, folder) \
            or list_backups(folder)[:1] != [made]:
        return None
    dest = made.path.with_name(backup_name(reason, made.created))
    if dest.exists():
        return None
    made.path.replace(dest)
    info = parse_backup(dest)
    assert info is not None
    db.backup_made = None  # type: ignore[attr-defined]
    log.info("backup %s: the opening's copy, renamed for %s", dest, reason)
    return info


# ---- checking a backup and restoring one ------------------------------------------------

def verify_backup(path: Path, *, content: bool = False) -> str | None:
    """Why `path` cannot be restored (a Chinese sentence), or None if it is a sound backup.

    `content`: also its foreign keys and every attachment against its SHA-256
    (integrity.check_backup_content, read-only) — for the backup offered as "good", which
    must not be a copy of a database whose attachments were already damaged."""
    from proposal_desk.storage.migrate import head_revision, known_revisions

    if not path.exists():
        return f"文件 {path} 不存在"
    if not path.is_file():
        return f"{path} 不是文件"
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        return f"无法读取 {path}：{os_reason(exc)}"
    if header != b"SQLite format 3\x00":
        return f"{path} 不是提案办理台的数据库或备份文件"
    try:
        conn = connect_existing(path)
        try:
            result = [r[0] for r in conn.execute("PRAGMA quick_check(5)")]
            if result != ["ok"]:
                return (f"备份 {path.name} 已损坏（供技术人员参考："
                        f"{'；'.join(result)[:200]}）")
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            if "alembic_version" not in tables or "proposal" not in tables:
                return f"{path.name} 不是提案办理台的数据库"
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return f"备份 {path.name} 已损坏，无法读取（供技术人员参考：{exc}）"
    if revision is None:
        return f"{path.name} 不是提案办理台的数据库"
    if revision[0] not in known_revisions():
        return (f"{path.name} 由更新版本的提案办理台写入（结构版本 {revision[0]}，本程序为 "
                f"{head_revision()}），请使用新版本程序恢复")
    if content:
        from proposal_desk.storage.integrity import check_backup_content

        problems = check_backup_content(path)
        if problems:
            shown = "；".join(str(p) for p in problems[:3])
            more = f"等 {len(problems)} 处" if len(problems) > 3 else ""
            return f"备份 {path.name} 中的数据有问题：{shown}{more}"
    return None


def newest_good_backup(folder: Path | None, limit: int = 5, *,
                       exclude: Path | None = None) -> BackupInfo | None:
    """The newest backup that passes `verify_backup` with its content (attachments, foreign
    keys), looking at no more than `limit` files that are not marked as having problems
    (nor `exclude`: a copy of the very file that could not be opened)."""
    candidates = [b for b in list_backups(folder) if not b.flagged
                  and b.reason != REASON_DAMAGED and b.path != exclude]
    for info in candidates[:limit]:
        if verify_backup(info.path, content=True) is None:
            return info
    return None


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    previous: BackupInfo | None  # the backup of the state before the restore


def restore_database(target: Path, source: Path, folder: Path) -> RestoreResult:
    """Replace the database `target` with the backup `source`, after backing up `target`.

    The caller holds the instance lock and has no connection of its own open on `target`.
    A healthy target is overwritten by SQLite's backup API in one transaction, so a crash
    midway leaves the old database; a damaged target is kept aside in the backup folder.
    """
    problem = verify_backup(source)
    if problem:
        raise BackupError(f"无法恢复：{problem}。当前数据库没有改动。")
    if target.exists() and source.resolve() == target.resolve():
        raise BackupError("要恢复的文件就是当前数据库本身")
    from proposal_desk.storage.integrity import quick_check_file

    previous: BackupInfo | None = None
    if not target.exists() or target.stat().st_size == 0:
        backup_file(source, target)
    elif quick_check_file(target):
        previous = _set_aside(target, folder)
        backup_file(source, target)
    else:
        try:
            previous = make_backup(target, folder, REASON_RESTORE)
        except BackupError as exc:
            raise BackupError(f"恢复前无法备份当前数据库，恢复已取消：{exc}") from exc
        try:
            _overwrite(source, target)
        except sqlite3.Error:
            log.info("in-place restore failed; replacing the file", exc_info=True)
            _replace_file(source, target)
    log.info("restored %s from %s", target, source)
    return RestoreResult(restored_from=source, previous=previous)


def _overwrite(source: Path, target: Path) -> None:
    src = connect_existing(source)
    try:
        dst = sqlite3.connect(target, timeout=10)
        try:
            dst.execute("PRAGMA journal_mode=WAL")
            src.backup(dst)
            dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            dst.close()
    finally:
        src.close()


def _replace_file(source: Path, target: Path) -> None:
    """Swap in a copy of `source`; the old log goes first, so it is never replayed onto the
    new file (its content is in the pre-restore backup)."""
    tmp = target.with_name(target.name + ".restore")
    backup_file(source, tmp)
    conn = sqlite3.connect(target, timeout=10)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error:
        pass
    finally:
        conn.close()
    for extra in (target.with_name(target.name + "-wal"), target.with_name(target.name + "-shm")):
        extra.unlink(missing_ok=True)
    tmp.replace(target)


def _set_aside(target: Path, folder: Path) -> BackupInfo:
    """Move a damaged database (with its -wal) into the backup folder, byte for byte."""
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / backup_name(REASON_DAMAGED, dt.datetime.now().replace(microsecond=0))
    for src, dst in zip(_db_files(target), _db_files(dest), strict=True):
        if src.exists():
            shutil.copy2(src, dst)
    for extra in (*_db_files(target), target.with_name(target.name + "-shm")):
        extra.unlink(missing_ok=True)
    info = parse_backup(dest)
    assert info is not None
    return info


# ---- a shared server database, copied into a SQLite file ---------------------------------

def export_to_sqlite(engine: Engine, dest: Path) -> Path:
    """Copy every table of a (PostgreSQL) database into a new SQLite file this program opens."""
    from proposal_desk.storage.database import Database
    from proposal_desk.storage.models import Base, Setting
    from proposal_desk.storage.search import FTS_TABLE, build_grams, index_body, search_text

    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    copy = Database(f"sqlite:///{tmp}", check_on_open=False)
    try:
        with engine.connect() as src, copy.engine.begin() as dst:
            # the new file's own bookkeeping rows (program version, rules revision) give way
            # to the server's, which name the same keys
            dst.execute(Setting.__table__.delete())
            for table in Base.metadata.sorted_tables:
                _copy_rows(dst, table, src.execution_options(yield_per=500).execute(
                    select(table)).mappings())
            # The server's mirror holds each proposal's normalized fields one per line; the
            # copy's positional index wants the same fields as tokens (search.index_body),
            # and its n-gram index is built from that.
            for row in src.execute(select(search_text.c.proposal_id, search_text.c.body)):
                dst.execute(text(f"INSERT INTO {FTS_TABLE}(rowid, body) VALUES (:id, :body)"),
                            {"id": row[0], "body": index_body(row[1].split("\n"))})
            build_grams(dst)
    except BaseException:
        copy.dispose()
        tmp.unlink(missing_ok=True)
        raise
    copy.dispose()
    conn = sqlite3.connect(tmp)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()
    tmp.replace(dest)
    return dest


def _copy_rows(dst: object, table: object, rows: Iterable[object]) -> None:
    batch: list[dict[str, object]] = []
    for row in rows:
        batch.append(dict(row))  # type: ignore[call-overload]
        if len(batch) >= 500:
            dst.execute(insert(table), batch)  # type: ignore[attr-defined, arg-type]
            batch = []
    if batch:
        dst.execute(insert(table), batch)  # type: ignore[attr-defined, arg-type]
