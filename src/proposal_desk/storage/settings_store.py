"""Reading and writing the bureau's settings in the `setting` table."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from proposal_desk.core.settings import KEYS, BureauSettings, check_value, coerce
from proposal_desk.storage.models import Reply, Setting


def load_values(session: Session) -> dict[str, Any]:
    stored = {row.key: row.value for row in session.scalars(select(Setting))}
    return {key: stored.get(key, spec.default) for key, spec in KEYS.items()}


def load_settings(session: Session) -> BureauSettings:
    return BureauSettings.from_values(load_values(session))


def set_value(session: Session, key: str, raw: Any) -> Any:
    """Store one setting (coerced to its type and checked by core.settings.check_value, for
    the command line and the window alike); raises KeyError for an unknown key, SettingError
    (a ValueError) for a value refused."""
    value = coerce(key, raw)
    in_use: list[str] = []
    if key == "categories":  # a category still given to replies may not go
        in_use = list(session.scalars(select(Reply.category).distinct()))
    check_value(key, value, categories_in_use=in_use)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
    return value
