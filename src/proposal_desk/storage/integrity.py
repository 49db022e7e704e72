"""`proposal-desk check` and the quick check on every open.

The full check never writes: SQLite's integrity and foreign-key checks, every attachment's
content against its stored SHA-256 (attachments live in the `blob` table), the schema revision,
the search index against the proposals, and the cached list columns (status, due date…)
against a recomputation from the facts.

The check on open is the cheap part only (PRAGMA quick_check and the schema revision); a
damaged file raises DamagedDatabaseError, which names the newest good backup, and is never
replaced by a new empty database.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, LargeBinary, cast, func, inspect, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, selectinload

from proposal_desk import __version__
from proposal_desk.core.dates import format_cn
from proposal_desk.storage.backup import BackupInfo, list_backups, newest_good_backup
from proposal_desk.storage.errors import DatabaseOpenError
from proposal_desk.storage.file_check import (  # noqa: F401 - refuse_foreign: used from here
    quick_check_file,
    refuse_foreign,
)
from proposal_desk.storage.models import (
    Attachment,
    Blob,
    Proposal,
    ProposalMember,
    ProposalTopic,
    Setting,
)

log = logging.getLogger(__name__)

# The cached columns storage.facts.refresh_caches derives, with the names users know.
CACHED = {"status": "状态", "due": "办理时限", "category": "答复类别",
          "satisfaction": "委员意见", "replied_on": "答复日期",
          "proposer_names": "提案人", "lead_unit": "主办单位"}


class DamagedDatabaseError(DatabaseOpenError):
    """The database file fails SQLite's check, is empty, or is missing while backups of it
    exist (`kind`: DAMAGED, EMPTY, MISSING). `path` is the file (left untouched) and `backup`
    the newest backup that passes its own check, if any: the GUI offers it."""

    def __init__(self, message: str, path: Path, backup: BackupInfo | None,
                 kind: str = "damaged", findings: tuple[str, ...] = ()):
        super().__init__(message)
        self.path = path
        self.backup = backup
        self.kind = kind
        self.findings = findings  # SQLite's own lines, for the part shown to technicians


DAMAGED, EMPTY, MISSING = "damaged", "empty", "missing"


@dataclass(frozen=True)
class Problem:
    area: str  # 数据库文件, 外键, 附件, 结构版本, 搜索索引, 列表缓存
    message: str

    def __str__(self) -> str:
        return f"【{self.area}】{self.message}"


@dataclass
class CheckReport:
    location: str
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was checked, for the summary
    revision: str | None = None
    newer: bool = False  # written by a newer version of the program

    @property
    def ok(self) -> bool:
        return not self.problems

    def add(self, area: str, message: str) -> None:
        self.problems.append(Problem(area, message))

    def lines(self) -> list[str]:
        head = (f"检查通过：{self.location}" if self.ok
                else f"发现 {len(self.problems)} 个问题：{self.location}")
        return [head, *(f"  {n}" for n in self.notes), *(f"  {p}" for p in self.problems)]


# ---- on open ----------------------------------------------------------------------------

# One wording of an empty database file, for the opening's refusal and `check`.
EMPTY_FILE = "文件是空的（0 字节），其中没有任何数据"


def is_empty_file(path: Path) -> bool:
    return path.is_file() and path.stat().st_size == 0


def check_on_open(path: Path, backup_dir: Path | None) -> None:
    """Raise DamagedDatabaseError if the file at `path` fails quick_check, is empty (what a
    power cut during a copy, a full disk or a sync tool leaves), or is missing while its backup
    folder holds backups: none of them may become a new empty database. Only a first start (no
    file, no backups) goes on to create one."""
    if not path.exists():
        if list_backups(backup_dir):
            _refuse(path, backup_dir, MISSING)
        return
    if is_empty_file(path):
        _refuse(path, backup_dir, EMPTY)
    raise_if_damaged(path, backup_dir, quick_check_file(path))


def raise_if_damaged(path: Path, backup_dir: Path | None, findings: list[str]) -> None:
    """DamagedDatabaseError for quick_check's `findings` on `path` (nothing when there are
    none), naming the newest good backup in `backup_dir`."""
    if not findings:
        return
    _refuse(path, backup_dir, DAMAGED, findings)


def _refuse(path: Path, backup_dir: Path | None, kind: str,
            findings: list[str] | None = None) -> None:
    log.info("database %s refused on open (%s): %s", path, kind, findings)
    backup = newest_good_backup(backup_dir)
    hint = (f"最近一份完好的备份是 {backup.label}：{backup.path}。可以用它恢复"
            f"（proposal-desk restore \"{backup.path}\"）。" if backup
            else "没有找到完好的备份，请联系技术人员，并保留这个文件。")
    if kind == MISSING:
        head = (f"数据库文件 {path} 不存在，但备份文件夹 {backup_dir} 中有它的备份：文件可能被"
                "误删或移走了。程序没有新建空数据库。")
        hint += "如果确实要从空数据库重新开始，请先把备份文件夹改名或移走。"
    elif kind == EMPTY:
        head = (f"无法打开数据库 {path}：{EMPTY_FILE}，可能是复制或"
                "同步时中断、磁盘已满造成的。程序没有改动这个文件，也不会把它当作新数据库。")
        if backup is None:
            hint = ("没有找到完好的备份。如有拷在别处（如 U 盘）的备份，可以用它恢复；"
                    "如果这确实是新装的程序、从未录入过数据，可以删除这个空文件后重新打开。")
    else:
        detail = "；".join(findings or [])[:300]
        head = (f"无法打开数据库 {path}：文件已损坏。程序没有改动这个文件，也不会用空数据库"
                f"替换它。")
        hint += f"（检查结果，供技术人员参考：{detail}）"
    raise DamagedDatabaseError(head + hint, path, backup, kind, tuple(findings or ()))


# ---- the full check ---------------------------------------------------------------------

def check_database(engine: Engine, location: str, *, hash_blobs: bool = True) -> CheckReport:
    """Everything `proposal-desk check` reports. Never raises for damage: it is reported."""
    report = CheckReport(location)
    try:
        if engine.dialect.name == "sqlite" and not _sqlite_structure(engine, report):
            return report
        if not _schema(engine, report):
            return report
        _attachments(engine, report, hash_blobs)
        _search_index(engine, report)
        _caches(engine, report)
    except SQLAlchemyError as exc:
        report.add("数据库文件", f"读取时出错，检查没有做完（供技术人员参考：{_first_line(exc)}）")
    return report


def check_file_thoroughly(engine: Engine, location: str) -> CheckReport:
    """What the window runs beside itself after every open (gui/background_check.py): SQLite's
    integrity_check, the foreign keys and every attachment's content — the damage the quick
    check on open cannot see — on a read-only `engine` (read_only_engine). Not the search
    index and list caches: `check` does those."""
    report = CheckReport(location)
    try:
        if _sqlite_structure(engine, report):
            _attachments(engine, report, True)
    except SQLAlchemyError as exc:
        report.add("数据库文件", f"读取时出错，检查没有做完（供技术人员参考：{_first_line(exc)}）")
    return report


def check_backup_content(path: Path) -> list[Problem]:
    """What a backup's quick_check does not see, read-only: foreign keys (an attachment whose
    content row is gone) and every attachment's content against its SHA-256. [] when sound.
    A backup offered as good must be good (storage.backup.verify_backup)."""
    engine = read_only_engine(path)
    report = CheckReport(str(path))
    try:
        with engine.connect() as conn:
            _foreign_keys(conn, report)
        _attachments(engine, report, True)
    except SQLAlchemyError as exc:
        report.add("数据库文件", f"读取时出错（供技术人员参考：{_first_line(exc)}）")
    finally:
        engine.dispose()
    return report.problems


def read_only_engine(path: Path, on_connect: Callable[[Any], None] | None = None) -> Engine:
    """An engine that can only read `path` (a backup, or the open database checked beside the
    window): no pragmas, no migration, never creates or writes the file. `on_connect` is given
    each sqlite3 connection made (to interrupt a long check from another thread)."""
    import sqlite3

    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    uri = f"{path.resolve().as_uri()}?mode=ro"

    def connect() -> sqlite3.Connection:
        conn = sqlite3.connect(uri, uri=True, timeout=10, check_same_thread=False)
        if on_connect is not None:
            on_connect(conn)
        return conn

    return create_engine("sqlite://", poolclass=NullPool, creator=connect)


def _first_line(exc: BaseException) -> str:
    text_ = str(getattr(exc, "orig", exc))
    return text_.splitlines()[0] if text_ else type(exc).__name__


def _sqlite_structure(engine: Engine, report: CheckReport) -> bool:
    with engine.connect() as conn:
        try:
            rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check(20)")]
        except SQLAlchemyError as exc:
            report.add("数据库文件", "SQLite 完整性检查无法完成，文件已损坏"
                                   f"（供技术人员参考：{_first_line(exc)}）")
            return False
        rows = [line for r in rows for line in r.splitlines() if not line.startswith("***")]
        if rows != ["ok"]:
            for r in rows:
                report.add("数据库文件", f"SQLite 完整性检查：{r}")
            return False
        report.notes.append("SQLite 完整性检查通过")
        _foreign_keys(conn, report)
    return True


def _foreign_keys(conn: Connection, report: CheckReport) -> None:
    fk = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    for table, rowid, parent, _fkid in fk[:20]:
        report.add("外键", f"表 {table} 第 {rowid} 行引用的 {parent} 记录不存在")
    if len(fk) > 20:
        report.add("外键", f"另有 {len(fk) - 20} 处外键错误")
    if not fk:
        report.notes.append("外键检查通过")


def _schema(engine: Engine, report: CheckReport) -> bool:
    from proposal_desk.storage.migrate import (
        current_revision,
        head_revision,
        known_revisions,
        written_by,
    )

    tables = set(inspect(engine).get_table_names())
    if "alembic_version" not in tables:
        report.add("结构版本", "不是提案办理台的数据库（没有结构版本表）")
        return False
    current = current_revision(engine)
    report.revision = current
    head = head_revision()
    if current == head:
        report.notes.append(f"结构版本 {current}（最新）")
        return True
    if current in known_revisions():
        report.notes.append(f"结构版本 {current}，下次打开时会先备份再升级到 {head}")
        return True
    report.newer = True
    by = written_by(engine)
    report.add("结构版本", f"结构版本 {current} 由更新版本的程序{f'（{by} 版）' if by else ''}"
               f"写入（本程序是 {__version__} 版，结构版本 {head}）")
    return False


def _attachments(engine: Engine, report: CheckReport, hash_blobs: bool) -> None:
    with Session(engine) as s:
        missing = s.execute(
            select(Attachment.id, Attachment.original_name, Proposal.number)
            .join(Proposal, Proposal.id == Attachment.proposal_id)
            .outerjoin(Blob, Blob.sha256 == Attachment.sha256)
            .where(Blob.sha256.is_(None))
        ).all()
        for _aid, name, number in missing:
            report.add("附件", f"第{number}号的附件“{name}”内容缺失")
        wrong_size = s.execute(
            select(Attachment.original_name, Proposal.number, Attachment.size, Blob.size)
            .join(Proposal, Proposal.id == Attachment.proposal_id)
            .join(Blob, Blob.sha256 == Attachment.sha256)
            .where(Attachment.size != Blob.size)
        ).all()
        for name, number, a_size, b_size in wrong_size:
            report.add("附件", f"第{number}号的附件“{name}”大小不符（记录 {a_size} 字节，"
                              f"内容 {b_size} 字节）")
        count = s.scalar(select(func.count()).select_from(Attachment)) or 0
    if not hash_blobs:
        report.notes.append(f"附件 {count} 个（未核对内容）")
        return
    bad = 0
    checked = 0
    for digest, size, data in _blobs(engine):
        checked += 1
        actual = hashlib.sha256(data).hexdigest() if data is not None else ""
        if actual != digest or len(data or b"") != size:
            bad += 1
            report.add("附件", f"附件内容与其 SHA-256 不符：{_blob_owners(engine, digest)}")
    if not bad:
        report.notes.append(f"附件 {count} 个，内容 {checked} 份，SHA-256 全部一致")


def _blobs(engine: Engine) -> Iterator[tuple[str, int, bytes | None]]:
    # One content at a time: a database may hold gigabytes of scans.
    with engine.connect() as conn:
        # As bytes whatever was stored: a content stored as text that is not UTF-8 would
        # stop the check (and name no attachment) if the driver had to decode it.
        result = conn.execution_options(yield_per=8).execute(
            select(Blob.sha256, Blob.size, cast(Blob.data, LargeBinary)))
        for digest, size, data in result:
            yield digest, size, bytes(data) if data is not None else None


def _blob_owners(engine: Engine, digest: str) -> str:
    with Session(engine) as s:
        rows = s.execute(
            select(Proposal.number, Attachment.original_name)
            .join(Proposal, Proposal.id == Attachment.proposal_id)
            .where(Attachment.sha256 == digest)
        ).all()
    return "、".join(f"第{n}号“{name}”" for n, name in rows) or f"未被引用的内容 {digest[:12]}…"


def _search_index(engine: Engine, report: CheckReport) -> None:
    from proposal_desk.storage.search import FTS_TABLE

    with engine.connect() as conn:
        ids = set(conn.scalars(select(Proposal.id)))
        if engine.dialect.name == "sqlite":
            indexed = {r[0] for r in conn.execute(text(f"SELECT rowid FROM {FTS_TABLE}"))}
        else:
            indexed = {r[0] for r in conn.execute(text("SELECT proposal_id FROM search_text"))}
    if missing := ids - indexed:
        report.add("搜索索引", f"{len(missing)} 件提案不在搜索索引中（编号内部 id："
                              f"{', '.join(map(str, sorted(missing)[:10]))}）")
    if extra := indexed - ids:
        report.add("搜索索引", f"搜索索引中有 {len(extra)} 条已不存在的提案")
    if not missing and not extra:
        report.notes.append(f"搜索索引覆盖全部 {len(ids)} 件提案")


def _caches(engine: Engine, report: CheckReport) -> None:
    """Recompute the cached list columns in a session that is never committed."""
    from proposal_desk.core.rules import RULES_REVISION
    from proposal_desk.storage.facts import refresh_caches
    from proposal_desk.storage.schema_revision import RULES_KEY
    from proposal_desk.storage.settings_store import load_settings

    wrong = 0
    with Session(engine, autoflush=False) as s:
        follows = s.scalar(select(Setting.value).where(Setting.key == RULES_KEY))
        if not isinstance(follows, int) or follows < RULES_REVISION:  # not damage
            report.notes.append(f"列表缓存按旧版办理规则计算，下次打开时会按第{RULES_REVISION}版"
                                "规则重新计算，未逐件核对")
            return
        if follows > RULES_REVISION:
            report.notes.append(f"列表缓存由更新版本的程序按第{follows}版办理规则计算，"
                                "本程序未逐件核对")
            return
        deadlines = load_settings(s).deadlines
        ids = list(s.scalars(select(Proposal.id).order_by(Proposal.id)))
        for start in range(0, len(ids), 500):
            chunk = s.scalars(
                select(Proposal).where(Proposal.id.in_(ids[start:start + 500])).options(
                    selectinload(Proposal.meeting),
                    selectinload(Proposal.replies),
                    selectinload(Proposal.member_opinions),
                    selectinload(Proposal.assist_opinions),
                    selectinload(Proposal.returns),
                    selectinload(Proposal.records),
                    selectinload(Proposal.proposers).selectinload(ProposalMember.member),
                    selectinload(Proposal.units),
                    selectinload(Proposal.topics).selectinload(ProposalTopic.topic),
                )).all()
            for p in chunk:
                stored = {k: getattr(p, k) for k in CACHED}
                refresh_caches(p, deadlines)
                for key, label in CACHED.items():
                    expected = getattr(p, key)
                    if stored[key] != expected and (stored[key] or expected):
                        wrong += 1
                        if wrong <= 20:
                            report.add("列表缓存", f"第{p.number}号的{label}记为"
                                                  f"“{_show(stored[key])}”，按办理记录应为"
                                                  f"“{_show(expected)}”")
            s.rollback()
            s.expunge_all()
    if wrong > 20:
        report.add("列表缓存", f"另有 {wrong - 20} 处列表缓存与办理记录不符")
    if not wrong:
        report.notes.append(f"{len(ids)} 件提案的状态、时限等与办理记录一致")


def _show(value: object) -> str:
    if isinstance(value, dt.date):
        return format_cn(value)
    return "" if value is None else str(value)
