"""`proposal-desk config [KEY [VALUE]]`."""

from __future__ import annotations

import argparse

from proposal_desk.cli.context import open_database
from proposal_desk.core.settings import KEYS, display
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.settings_store import load_values, set_value


def run(args: argparse.Namespace) -> int:
    db = open_database(args, write=args.value is not None)
    if args.key and args.key not in KEYS:
        known = "、".join(KEYS)
        raise UserError(f"没有设置项“{args.key}”（可用：{known}）")
    if args.value is not None:
        try:
            with db.transaction() as session:
                value = set_value(session, args.key, args.value)
        except ValueError as exc:
            raise UserError(str(exc)) from exc
        print(f"{args.key} = {display(args.key, value)}")
        return 0
    with db.session() as session:
        values = load_values(session)
    keys = [args.key] if args.key else list(KEYS)
    for key in keys:
        if args.key:
            print(display(key, values[key]))
        else:
            print(f"{key} = {display(key, values[key])}    # {KEYS[key].label}")
    return 0
