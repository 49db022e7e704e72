"""Bad places and bad files around the database: a --db that is a folder, sits under a file,
names an unknown kind of database or a server nobody answers on; a damaged or foreign database
file; a full disk at commit; a Word template cut in half. Each gets one clear line (exit 2),
nothing is created or changed."""

from __future__ import annotations

import importlib.util
import socket
import sqlite3
from pathlib import Path

import pytest
from safety_support import add_proposal, cli, corrupt, snapshot
from sqlalchemy import event, select

from proposal_desk.services import handling
from proposal_desk.storage import backup as bk
from proposal_desk.storage.database import Database
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.models import Proposal


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _folder(tmp: Path) -> str:
    (tmp / "一个文件夹").mkdir()
    return str(tmp / "一个文件夹")


def _under_a_file(tmp: Path) -> str:
    (tmp / "台账.xlsx").write_bytes(b"PK")
    return str(tmp / "台账.xlsx" / "proposal-desk.sqlite3")


BAD_DB = {
    "a folder": (_folder, "是一个文件夹，不是数据库文件"),
    "under a file": (_under_a_file, "路径中有一个同名的文件"),
    "unknown kind": (lambda tmp: "mysql://clerk:secret@10.0.0.5/desk", "无法使用数据库地址"),
    "unparsable": (lambda tmp: "::://", "无法识别"),
    "nobody answers": (lambda tmp: f"postgresql+psycopg://clerk@127.0.0.1:{_free_port()}/desk",
                       "无法打开数据库"),
    "not a database": (lambda tmp: _write(tmp / "x.sqlite3", b"\x00" * 4096), "文件已损坏"),
    "a spreadsheet": (lambda tmp: _write(tmp / "清单.sqlite3", b"PK\x03\x04" + b"\x00" * 600),
                      "文件已损坏"),
    "foreign database": (lambda tmp: _foreign(tmp / "other.sqlite3"), "不是提案办理台的数据库"),
}


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def _foreign(path: Path) -> str:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers(name)")
    conn.commit()
    conn.close()
    return str(path)


@pytest.mark.parametrize("kind", list(BAD_DB))
def test_a_bad_database_location_gets_one_clear_line(kind: str, tmp_path: Path) -> None:
    build, expected = BAD_DB[kind]
    where = build(tmp_path)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    code, out, err = cli("--db", where, "list")
    assert code == 2 and out == ""
    assert err.startswith("错误：") and expected in err and err.count("\n") == 1, err
    assert "secret" not in err  # a password in a URL is never shown
    after = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()
             and not p.name.endswith(".lock")}
    assert after == before


def test_a_damaged_database_is_named_with_its_newest_good_backup(data_folder: Path) -> None:
    path = data_folder / "proposal-desk.sqlite3"
    db = Database(f"sqlite:///{path}")
    for n in range(30):
        add_proposal(db, str(n), title="关于加强社区养老服务的建议" * 5)
    db.dispose()
    good = bk.make_backup(path, bk.backup_dir_for(path), bk.REASON_OPEN)
    corrupt(path)
    damaged = path.read_bytes()
    code, _, err = cli("list")
    assert code == 2 and "文件已损坏" in err and str(good.path) in err
    assert "proposal-desk restore" in err
    assert path.read_bytes() == damaged
    assert len(bk.list_backups(bk.backup_dir_for(path))) == 1  # no backup of the damage


def test_a_full_disk_at_commit_saves_nothing_and_says_so(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'd.sqlite3'}")
    pid = add_proposal(db, "144009")
    pages = db.engine.connect().exec_driver_sql("PRAGMA page_count").scalar()
    db.dispose()
    db = Database(f"sqlite:///{tmp_path / 'd.sqlite3'}")

    @event.listens_for(db.engine, "connect")
    def _small_disk(dbapi_connection: object, _record: object) -> None:
        # SQLite's own page limit answers exactly as a full disk does (SQLITE_FULL).
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 8}")  # type: ignore[attr-defined]

    db.engine.dispose()
    before = snapshot(db.url)
    with pytest.raises(UserError, match="磁盘空间已满，这次修改没有保存"), db.transaction() as s:
        p = s.get(Proposal, pid)
        handling.add_attachment(s, p, name="扫描件.pdf", data=b"%PDF" + b"x" * 200_000)
    assert snapshot(db.url) == before
    with db.transaction() as s:  # small changes still fit
        s.get(Proposal, pid).notes = "已电话沟通"  # type: ignore[union-attr]
    with db.session() as s:
        assert s.scalar(select(Proposal.notes)) == "已电话沟通"
    db.dispose()


def test_a_template_cut_in_half_is_named(data_folder: Path, tmp_path: Path) -> None:
    if importlib.util.find_spec("proposal_desk.documents.templates") is None:
        pytest.skip("proposal_desk.documents.templates does not exist yet")
    from proposal_desk.documents import templates

    whole = templates.builtin_template("letter").read_bytes()
    cut = tmp_path / "本局答复函.docx"
    cut.write_bytes(whole[: len(whole) // 2])
    assert cli("--demo", "demo")[0] == 0
    assert cli("--demo", "config", "letter.template", str(cut))[0] == 0
    rows = __import__("json").loads(cli("--demo", "list", "--json")[1])
    replied = next(r for r in rows if r["role"] == "主办" and r["replied"])
    out = tmp_path / "答复函.docx"
    code, _, err = cli("--demo", "letter", replied["number"], "--meeting", replied["meeting"],
                       "-o", str(out))
    assert code == 2 and "本局答复函.docx" in err and "Traceback" not in err, err
    assert not out.exists()
