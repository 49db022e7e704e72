"""core.memo: each distinct value converted once, as the list's dates (services.rows), the
bulk insert's bind processors (storage.fastsql) and the audit log's dates (storage.hooks)
rely on."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from proposal_desk.core.memo import Memo, convert_each


def _counting(convert: Any) -> tuple[Any, Counter[Any]]:
    calls: Counter[Any] = Counter()

    def counted(value: Any) -> Any:
        calls[value] += 1
        return convert(value)

    return counted, calls


def test_convert_each_converts_every_value_and_each_distinct_one_once() -> None:
    values = ["2024-03-01", None, "2024-03-01", "", "2024-05-02", None, "2024-03-01"]

    def day(v: str | None) -> dt.date | None:
        return dt.date.fromisoformat(v) if v else None

    counted, calls = _counting(day)
    assert convert_each(counted, values) == [day(v) for v in values]
    assert calls == Counter({"2024-03-01": 1, None: 1, "": 1, "2024-05-02": 1})
    assert convert_each(counted, []) == []


def test_a_memo_remembers_none_results_and_at_most_limit_values() -> None:
    counted, calls = _counting(lambda v: None if v % 2 else v * 10)
    memo = Memo(counted, limit=2)
    assert [memo[v] for v in (1, 2, 1, 2, 3, 3)] == [None, 20, None, 20, None, None]
    # 1 and 2 are kept (1's result None too); 3, over the limit, is converted each time
    assert calls == Counter({1: 1, 2: 1, 3: 2})
    assert dict(memo) == {1: None, 2: 20}


def test_a_memo_tells_a_date_from_a_datetime_at_midnight() -> None:
    memo = Memo(lambda v: v.isoformat())
    assert memo[dt.date(2024, 3, 1)] == "2024-03-01"
    assert memo[dt.datetime(2024, 3, 1)] == "2024-03-01T00:00:00"
