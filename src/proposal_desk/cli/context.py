"""What every command needs: the database the flags point at, opened and migrated."""

from __future__ import annotations

import argparse

from proposal_desk import paths
from proposal_desk.storage.database import Database


def open_database(args: argparse.Namespace) -> Database:
    url = paths.database_url(args.db, demo=getattr(args, "demo", False))
    backups = paths.data_dir() / "backups"
    return Database(url, backup_dir=backups)
