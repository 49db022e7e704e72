"""Drafts of unsaved form texts: written whole (tmp + replace), read back, offered only while
no later save replaced the texts they started from, deleted on save or discard."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from proposal_desk.services import drafts

T = dt.datetime(2025, 3, 15, 14, 3, 27)


def test_a_draft_is_written_whole_and_read_back(tmp_path: Path) -> None:
    path = drafts.write_draft(tmp_path, 7, "reply", {"text": "一、加快建设", "summary": ""},
                              {"text": "", "summary": ""}, now=T)
    assert path == tmp_path / "drafts" / "7-reply.json"
    assert [p.name for p in path.parent.iterdir()] == ["7-reply.json"]  # no tmp file left
    assert "一、加快建设" in path.read_text(encoding="utf-8")  # readable, not \u escapes
    draft = drafts.read_draft(tmp_path, 7, "reply")
    assert draft is not None
    assert draft.fields == {"text": "一、加快建设", "summary": ""}
    assert draft.base == {"text": "", "summary": ""}
    assert draft.saved_at == T.replace(microsecond=0)
    assert draft.saved_text == "2025年3月15日 14:03"
    assert drafts.read_draft(tmp_path, 7, "assist") is None


def test_a_new_draft_replaces_the_old_and_delete_removes_it(tmp_path: Path) -> None:
    drafts.write_draft(tmp_path, 7, "reply", {"text": "旧"}, {"text": ""}, now=T)
    drafts.write_draft(tmp_path, 7, "reply", {"text": "新"}, {"text": ""},
                       now=T + dt.timedelta(seconds=30))
    draft = drafts.read_draft(tmp_path, 7, "reply")
    assert draft is not None and draft.fields == {"text": "新"}
    drafts.delete_draft(tmp_path, 7, "reply")
    drafts.delete_draft(tmp_path, 7, "reply")  # already gone: no error
    assert drafts.read_draft(tmp_path, 7, "reply") is None


def test_a_failed_write_keeps_the_old_draft(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    drafts.write_draft(tmp_path, 7, "reply", {"text": "旧"}, {"text": ""}, now=T)

    def broken(*_a: object, **_k: object) -> None:
        raise OSError("disk full")

    with monkeypatch.context() as mp:
        mp.setattr(drafts.os, "replace", broken)
        with pytest.raises(OSError):
            drafts.write_draft(tmp_path, 7, "reply", {"text": "新"}, {"text": ""}, now=T)
    draft = drafts.read_draft(tmp_path, 7, "reply")
    assert draft is not None and draft.fields == {"text": "旧"}
    assert [p.name for p in (tmp_path / "drafts").iterdir()] == ["7-reply.json"]


def test_a_damaged_draft_is_not_offered(tmp_path: Path) -> None:
    path = drafts.draft_path(tmp_path, 7, "reply")
    path.parent.mkdir(parents=True)
    path.write_text('{"proposal_id": 7, "form": "re', encoding="utf-8")
    assert drafts.read_draft(tmp_path, 7, "reply") is None
    path.write_text(json.dumps({"proposal_id": 7, "form": "reply", "saved_at": "x",
                                "fields": {}}), encoding="utf-8")
    assert drafts.read_draft(tmp_path, 7, "reply") is None
    assert path.exists()  # left for someone to look at


def test_offered_only_when_newer_than_the_saved_text(tmp_path: Path) -> None:
    draft = drafts.Draft(7, "reply", {"text": "草稿"}, {"text": "原文"}, T)
    later = T + dt.timedelta(hours=1)
    assert draft.worth_offering({"text": "原文"}, later)  # the texts it started from
    assert draft.worth_offering({"text": "别人改过"}, T - dt.timedelta(hours=1))
    assert not draft.worth_offering({"text": "别人改过"}, later)  # a later save replaced it
    assert not draft.worth_offering({"text": "草稿"}, None)  # says nothing new
