"""Which backups a full check's damage falls on, and which one to offer instead.

The window checks the whole file beside itself after every open (gui/background_check.py);
the decisions about backups are storage's, here, and the window only shows them. When the
check finds damage, this opening's 打开时 copy holds it too and is marked 有问题
(storage.backup.flag_problems) so it is never offered as the good one and never pushes the
last good copy out of the rotation. An opening that made no copy (the file unchanged since the
newest backup) marks that newest backup instead: it is a copy of this very file, damage and
all, and its own check (quick_check and attachments) passes damage only integrity_check finds.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from proposal_desk.storage.backup import (
    BackupInfo,
    changed_since_last_backup,
    flag_problems,
    list_backups,
    newest_good_backup,
)

log = logging.getLogger(__name__)


def same_file_backup(path: Path, backup_dir: Path | None) -> BackupInfo | None:
    """The newest backup when `path` was not written since it was made (so the opening made
    no copy): a copy of this very file. Decide it as near the opening as can be: a save after
    it changes the file."""
    if backup_dir is None:
        return None
    try:
        if changed_since_last_backup(path, backup_dir):
            return None
        backups = list_backups(backup_dir)
    except OSError:
        log.info("could not compare the file with its newest backup", exc_info=True)
        return None
    return backups[0] if backups else None


@dataclass(frozen=True)
class Marked:
    """After damage was found: the newest good backup to offer, and the copies marked."""

    good: BackupInfo | None
    flagged: BackupInfo | None  # this opening's copy, marked as having problems
    same_copy: BackupInfo | None  # no copy made: the newest backup, the same file, marked


def mark_damaged_copies(backup_dir: Path | None, opening_copy: BackupInfo | None,
                        same_copy: BackupInfo | None) -> Marked:
    """Mark the copies of the damaged file (this opening's, or the same-file backup) as having
    problems, then find the newest good backup (never one of them)."""
    marked: list[BackupInfo | None] = []
    for copy in (opening_copy, same_copy):
        info = None
        if copy is not None and copy.path.exists():
            try:
                info = flag_problems(copy)
            except OSError:
                log.info("could not mark the backup %s", copy.path, exc_info=True)
        marked.append(info)
    flagged, same = marked
    return Marked(newest_good_backup(backup_dir), flagged, same)
