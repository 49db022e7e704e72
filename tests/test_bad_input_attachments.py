"""Bad attachments: huge, empty, unreadable, a folder, missing, and names with path parts or
control characters. Each is refused with a message naming the file, or stored under a safe
name; the database is unchanged by a refusal and nothing is written outside its folder."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from safety_support import add_proposal, snapshot
from sqlalchemy import select

from proposal_desk.services import handling
from proposal_desk.storage.database import Database
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.models import Attachment, Proposal

pytestmark = pytest.mark.postgres


def _huge(tmp: Path) -> Path:
    path = tmp / "扫描件-全年.pdf"
    with path.open("wb") as fh:  # sparse: 300 MB on paper, nothing on disk
        fh.truncate(300 * 1024 * 1024)
    return path


def _empty(tmp: Path) -> Path:
    path = tmp / "空白.pdf"
    path.write_bytes(b"")
    return path


def _missing(tmp: Path) -> Path:
    return tmp / "已被删除的文件.pdf"


def _folder(tmp: Path) -> Path:
    path = tmp / "一个文件夹.pdf"
    path.mkdir()
    return path


def _no_permission(tmp: Path) -> Path:
    if os.geteuid() == 0:
        pytest.skip("root reads every file: permission cannot be denied")
    path = tmp / "无权读取.pdf"
    path.write_bytes(b"%PDF secret")
    path.chmod(0)
    return path


BAD_FILES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "huge": (_huge, "超过 200 MB 上限"),
    "empty": (_empty, "是空文件"),
    "missing": (_missing, "无法读取附件"),
    "a folder": (_folder, "无法读取附件"),
    "no permission": (_no_permission, "无法读取附件"),
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_a_bad_file_is_refused_and_nothing_changes(kind: str, db: Database,
                                                   tmp_path: Path) -> None:
    build, expected = BAD_FILES[kind]
    path = build(tmp_path)
    pid = add_proposal(db, "144009")
    before = snapshot(db.url)
    with pytest.raises(UserError) as caught, db.transaction() as s:
        p = s.get(Proposal, pid)
        handling.add_record(p, date=p.assigned_on, method="电话", content="附件一并登记")
        handling.add_attachment(s, p, name=path.name, path=path)
    assert expected in str(caught.value)
    assert path.name in str(caught.value)
    assert snapshot(db.url) == before  # the record added in the same transaction is gone too


PATH_NAMES = {
    "../../x.pdf": "x.pdf",
    "..\\..\\Windows\\system32\\x.pdf": "x.pdf",
    "C:\\Users\\张三\\桌面\\答复函.docx": "答复函.docx",
    "/etc/passwd": "passwd",
    "..": "附件",
    "   ": "附件",
    ".hidden": "hidden",
    "名单\x00.xlsx": "名单.xlsx",
    "照片\x1b[31m.jpg": "照片[31m.jpg",
    "a" * 300 + ".pdf": "a" * 200,
}


@pytest.mark.parametrize("name", list(PATH_NAMES))
def test_names_with_path_parts_or_control_characters_are_stored_safely(
        name: str, db: Database) -> None:
    pid = add_proposal(db, "144009")
    with db.transaction() as s:
        handling.add_attachment(s, s.get(Proposal, pid), name=name, data=b"%PDF scan")
    with db.session() as s:
        stored = s.scalars(select(Attachment.original_name)).one()
    assert stored == PATH_NAMES[name]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.text(min_size=0, max_size=80))
def test_any_name_becomes_one_plain_file_name(name: str) -> None:
    safe = handling.safe_file_name(name)
    assert safe and "/" not in safe and "\\" not in safe
    assert safe not in (".", "..") and not safe.startswith((" ", "."))
    assert not any(ord(c) < 32 for c in safe)
    assert len(safe) <= 200


def test_opening_an_attachment_with_a_hostile_stored_name_stays_in_its_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A name written by an older version or by hand (not through add_attachment)."""
    if importlib.util.find_spec("proposal_desk.gui.opener") is None:
        pytest.skip("proposal_desk.gui.opener does not exist yet")
    from proposal_desk.gui import opener

    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "temp"))
    target = tmp_path / "escaped.txt"
    path = opener.temp_copy(f"../../../{target.name}", b"content")
    assert path.is_relative_to(tmp_path / "temp") and path.read_bytes() == b"content"
    assert not target.exists()
