"""On a database server, text longer than its column is refused before it is written, with
the field's name.

PostgreSQL enforces VARCHAR(n) and would fail with a bare DataError at commit; SQLite stores
any length, so on SQLite nothing is checked and nothing that worked before is refused.
"""

from __future__ import annotations

from itertools import chain

from sqlalchemy import String, Text, event, inspect
from sqlalchemy.orm import Mapper, Session

from proposal_desk.storage.errors import UserError

LABELS: dict[tuple[str, str], str] = {
    ("proposal", "number"): "编号", ("proposal", "title"): "案由", ("proposal", "sector"): "界别",
    ("proposal", "supervisor"): "督办领导", ("proposal", "merged_with"): "并案编号",
    ("member", "name"): "提案人姓名", ("member", "sector"): "界别", ("member", "phone"): "电话",
    ("unit", "name"): "单位名称", ("section", "name"): "科室名称", ("staff", "name"): "人员姓名",
    ("staff", "title"): "职务", ("staff", "phone"): "电话", ("topic", "name"): "主题词",
    ("meeting", "name"): "会议名称", ("attachment", "original_name"): "附件名称",
    ("attachment", "description"): "附件说明", ("correspondence", "our_people"): "我方人员",
    ("correspondence", "their_people"): "对方人员", ("correspondence", "place"): "地点",
    ("correspondence", "attitude"): "委员态度", ("reply", "doc_number"): "发文字号",
    ("reply", "signer"): "签发人", ("reply", "reviewer"): "审核人",
    ("reply", "contact_name"): "联系人", ("reply", "contact_phone"): "联系电话",
    ("reply", "cc"): "抄送", ("assist_opinion", "doc_number"): "发文字号",
    ("assist_opinion", "signer"): "签发人", ("assist_opinion", "contact_name"): "联系人",
    ("assist_opinion", "contact_phone"): "联系电话",
    ("return_request", "suggested_unit"): "建议承办单位",
}

_limits: dict[Mapper[object], list[tuple[str, str, int]]] = {}


def watch(session: Session) -> None:
    if session.info.get("length_watch"):
        return
    session.info["length_watch"] = True
    event.listen(session, "before_flush", check_lengths)


def _limits_of(mapper: Mapper[object]) -> list[tuple[str, str, int]]:
    found = _limits.get(mapper)
    if found is None:
        found = []
        for attr in mapper.column_attrs:
            col = attr.columns[0]
            if isinstance(col.type, String) and not isinstance(col.type, Text) \
                    and col.type.length:
                found.append((attr.key, col.name, col.type.length))
        _limits[mapper] = found
    return found


def check_lengths(session: Session, _ctx: object = None, _instances: object = None) -> None:
    for obj in chain(session.new, session.dirty):
        state = inspect(obj)
        mapper = state.mapper
        table = mapper.local_table.name  # type: ignore[attr-defined]
        for key, column, limit in _limits_of(mapper):
            value = state.dict.get(key)  # what is in memory: never loads from the database
            if isinstance(value, str) and len(value) > limit:
                label = LABELS.get((table, column), f"{table}.{column}")
                start = value[:20] + ("…" if len(value) > 20 else "")
                raise UserError(f"{label}太长：{len(value)} 个字，最多 {limit} 个字"
                                f"（“{start}”）。没有保存。")
