"""The window's own first read, failing, says so in the clerk's words; the system's text
(English) comes last, labelled 供技术人员参考 like every other such message."""

from __future__ import annotations

from typing import Any

import pytest

from proposal_desk.gui import snapshot, startup_load
from proposal_desk.storage.errors import UserError


def test_a_failed_first_read_is_worded_for_the_clerk(monkeypatch: Any) -> None:
    def fails(_db: Any, _since: Any) -> Any:
        raise RuntimeError("disk I/O error\nmore detail")

    monkeypatch.setattr(snapshot, "read_snapshot", fails)
    with pytest.raises(UserError) as caught:
        startup_load.read_again(object())  # type: ignore[arg-type]
    text = str(caught.value)
    assert text.startswith("无法读取数据库中的提案。窗口已打开，数据没有改动")
    assert text.endswith("（供技术人员参考：disk I/O error）")
