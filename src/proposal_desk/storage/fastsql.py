"""The two places where SQLAlchemy's per-value work costs more than the database's: inserting
tens of thousands of rows, and reading tens of thousands of dates.

`insert_many` sends one executemany of plain tuples, each value put through its column type's
own bind processor (so the stored form is exactly what the ORM would store), without building
a parameter dictionary per row. core.dates.stored_day turns what a Date column gives back
when read through `as_text` (SQLite: the stored 'YYYY-MM-DD' string) into a date, remembering
each distinct day:
a year of proposals has a few hundred distinct dates, and a regular expression per value was
most of the cost of reading a 100,000-row list.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Collection, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Boolean, Connection, Date, DateTime, String, Table, insert, type_coerce
from sqlalchemy.sql.elements import ColumnElement

from proposal_desk.core.memo import Memo, convert_each

_Processor = Callable[[Any], Any] | None
_cache: dict[tuple[Any, ...], tuple[str, list[str], list[_Processor]]] = {}


def _prepared(conn: Connection, table: Table, with_key: bool
              ) -> tuple[str, list[str], list[_Processor]]:
    dialect = conn.dialect
    # The JSON processor is the engine's json_serializer: part of the key.
    key = (id(table), dialect.name, with_key, getattr(dialect, "_json_serializer", None))
    found = _cache.get(key)
    if found is None:
        mark = "?" if dialect.paramstyle == "qmark" else "%s"
        q = dialect.identifier_preparer
        # Rows without their integer key leave it out, for the database to assign.
        columns = [c for c in table.columns
                   if with_key or c is not table.autoincrement_column]
        sql = (f"INSERT INTO {q.format_table(table)} "
               f"({', '.join(q.quote(c.name) for c in columns)}) "
               f"VALUES ({', '.join([mark] * len(columns))})")
        procs = [_processor(c.type, dialect) for c in columns]
        found = (sql, [c.key for c in columns], procs)
        _cache[key] = found
    return found


def _processor(type_: Any, dialect: Any) -> _Processor:
    """The column type's bind processor; for dates one that remembers each distinct value
    (an import's rows share a few hundred dates and one timestamp)."""
    proc = type_.dialect_impl(dialect).bind_processor(dialect)
    if proc is None or not isinstance(type_, Date | DateTime):
        return proc
    return Memo(proc, limit=10_000).__getitem__


def direct(conn: Connection) -> bool:
    """Whether insert_many sends its rows to the driver itself (and takes `stored` values)."""
    return conn.dialect.paramstyle in ("qmark", "format", "pyformat")


def insert_many(conn: Connection, table: Table, rows: Sequence[dict[str, Any]], *,
                stored: Collection[str] = ()) -> None:
    """INSERT every row (a dict by column key; missing keys are NULL, a missing integer key
    is assigned by the database) in one executemany. `stored`: columns whose values are given
    as their column type's bind processor would make them (JSON columns as their text)."""
    if not rows:
        return
    if not direct(conn):
        if stored:
            raise NotImplementedError(conn.dialect.paramstyle)
        conn.execute(insert(table), list(rows))
        return
    auto = table.autoincrement_column
    sql, keys, procs = _prepared(conn, table, auto is None or auto.key in rows[0])
    if stored:
        procs = [None if k in stored else p for k, p in zip(keys, procs, strict=True)]
    get = itemgetter(*keys) if len(keys) > 1 else (lambda row: (row[keys[0]],))
    try:
        params: list[tuple[Any, ...]] = list(map(get, rows))  # one C-level lookup per row
    except KeyError:  # some row leaves a column out: NULL
        params = [tuple(row.get(k) for k in keys) for row in rows]
    converted = [(i, p) for i, p in enumerate(procs) if p is not None]
    if converted:  # column by column: a few hundred distinct dates, one timestamp
        columns: list[Sequence[Any]] = list(zip(*params, strict=True))
        for i, p in converted:
            columns[i] = _converted(columns[i], p,
                                    isinstance(table.c[keys[i]].type, _FEW_DISTINCT))
        params = list(zip(*columns, strict=True))
    conn.exec_driver_sql(sql, params)


_FEW_DISTINCT = (Date, DateTime, Boolean)


def _converted(values: Sequence[Any], proc: Callable[[Any], Any], few: bool) -> list[Any]:
    """The bind processor over one column's values, NULL kept; `few` (dates, flags): each
    distinct value once."""
    if not few:
        return [None if v is None else proc(v) for v in values]
    return convert_each(lambda v: None if v is None else proc(v), values)


def as_text(column: ColumnElement[Any]) -> ColumnElement[Any]:
    """A Date column read without SQLAlchemy's per-value parsing; pass the values to stored_day."""
    return type_coerce(column, String)



def update_many(conn: Connection, table: Table, columns: Sequence[str],
                rows: Sequence[dict[str, Any]], *, where: Sequence[str],
                also: str = "") -> int:
    """UPDATE table SET <columns> [, <also>] WHERE <where columns> = … for every row, in one
    executemany; returns how many rows changed (-1 where the driver cannot say)."""
    if not rows:
        return 0
    dialect = conn.dialect
    if dialect.paramstyle not in ("qmark", "format", "pyformat"):
        raise NotImplementedError(dialect.paramstyle)
    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    q = dialect.identifier_preparer
    sets = [f"{q.quote(table.c[c].name)} = {mark}" for c in columns]
    if also:
        sets.append(also)
    conditions = " AND ".join(f"{q.quote(table.c[c].name)} = {mark}" for c in where)
    sql = f"UPDATE {q.format_table(table)} SET {', '.join(sets)} WHERE {conditions}"
    keys = [*columns, *where]
    procs = [_processor(table.c[k].type, dialect) for k in keys]
    params = [tuple(p(r[k]) if p is not None and r[k] is not None else r[k]
                    for k, p in zip(keys, procs, strict=True)) for r in rows]
    result = conn.exec_driver_sql(sql, params)
    return int(result.rowcount)


def fetch(conn: Connection, stmt: Any) -> list[Sequence[Any]]:
    """All rows of a SELECT as plain tuples, values as the driver gives them (read dates through
    `as_text`/stored_day, flags with bool()). On SQLite straight from the driver's cursor: for
    100,000 rows SQLAlchemy's Row objects cost about half as much again as the query itself."""
    dialect = conn.dialect
    if dialect.name != "sqlite" or dialect.paramstyle != "qmark":
        return list(conn.execute(stmt))
    compiled = stmt.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
    params = compiled.construct_params()
    values = [_driver_value(params[name]) for name in compiled.positiontup or ()]
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        return cursor.execute(str(compiled), values).fetchall()
    finally:
        cursor.close()


def _driver_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()  # how SQLAlchemy stores a Date on SQLite
    if isinstance(value, enum.Enum):
        return value.value
    return value


