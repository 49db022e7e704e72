"""Drafts of the long texts typed into a proposal's forms (答复正文, 意见正文, 办理工作小结),
kept in `<data folder>/drafts/<proposal id>-<form>.json` while they are not saved, so a crash,
a power cut or a window that moved off the proposal does not lose an afternoon's writing.

A draft is written whole to a temporary file that then replaces the old one, so a draft on disk
is always a complete one. It is deleted when the form is saved or its edits are discarded. The
draft notes the texts it started from (`base`): it is offered again only while the saved texts
are still those, or it was written after the proposal's last save.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

FOLDER = "drafts"


@dataclass(frozen=True)
class Draft:
    proposal_id: int
    form: str  # which form of the proposal: "reply" (主办/分办) or "assist" (协办/会办)
    fields: dict[str, str]  # the texts as typed
    base: dict[str, str]  # the saved texts the edits started from
    saved_at: dt.datetime  # local time, to the second

    @property
    def saved_text(self) -> str:
        """2025年3月15日 14:03, as the offer to restore says it."""
        t = self.saved_at
        return f"{t.year}年{t.month}月{t.day}日 {t:%H:%M}"

    def worth_offering(self, saved: dict[str, str], last_saved: dt.datetime | None) -> bool:
        """True when the draft says something the saved texts do not, and no save of the
        proposal since has replaced the texts it started from."""
        if self.fields == saved:
            return False
        return self.base == saved or last_saved is None or self.saved_at >= last_saved


def draft_path(folder: Path, proposal_id: int, form: str) -> Path:
    return Path(folder) / FOLDER / f"{proposal_id}-{form}.json"


def write_draft(folder: Path, proposal_id: int, form: str, fields: dict[str, str],
                base: dict[str, str], *, now: dt.datetime | None = None) -> Path:
    """Write (or replace) the draft atomically: a reader sees the old draft or the new one,
    never half of one."""
    path = draft_path(folder, proposal_id, form)
    path.parent.mkdir(parents=True, exist_ok=True)
    saved_at = (now or dt.datetime.now()).replace(microsecond=0)
    data = {"proposal_id": proposal_id, "form": form, "saved_at": saved_at.isoformat(),
            "fields": fields, "base": base}
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=1)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return path


def read_draft(folder: Path, proposal_id: int, form: str) -> Draft | None:
    """The draft kept for this form, or None (none, or not readable: a damaged draft is
    logged and left on disk for someone to look at, never offered)."""
    path = draft_path(folder, proposal_id, form)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Draft(proposal_id=int(data["proposal_id"]), form=str(data["form"]),
                     fields=_texts(data["fields"]), base=_texts(data.get("base", {})),
                     saved_at=dt.datetime.fromisoformat(data["saved_at"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("draft %s not readable: %s", path, exc)
        return None


def delete_draft(folder: Path, proposal_id: int, form: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        draft_path(folder, proposal_id, form).unlink()


def _texts(raw: object) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise TypeError("fields must be an object")
    return {str(k): str(v) for k, v in raw.items()}
