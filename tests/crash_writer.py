"""The process the kill test kills, and the harness that kills it and checks what survived.

As a script (`python tests/crash_writer.py DB START SEED`) it writes units of work for ever,
each in one `db.transaction()` through services.handling and sheets.importer: new proposals
with proposers, units and topics; contact records; replies; attachments; bulk changes over many
proposals; ledger imports of up to 300 new proposals (a backup first, as the program does).
Before each unit it prints `{"begin": i, "expect": {...}}` (how many rows tagged `#i#` the unit
adds to each table) and after its commit returns `{"done": i}`, flushing each line, so the
harness knows which commits returned.

The harness (`run_cycle`) starts the writer, sends SIGKILL at a random moment, then opens the
database, runs the full check and verifies: every unit whose commit returned is there whole;
the one unit in flight is there whole or not at all (its commit may have reached the disk just
before the kill — what must never happen is a part of it); no unit that never began.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TABLES = ("proposal", "member", "correspondence", "reply", "attachment")


# ---- the writer -------------------------------------------------------------------------

def _emit(obj: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _tag(i: int) -> str:
    return f"#{i}#"


def writer(db_path: Path, start: int, seed: int) -> None:
    from sqlalchemy import select

    from proposal_desk.services import handling
    from proposal_desk.storage.database import Database
    from proposal_desk.storage.models import Meeting, Proposal, Reply

    rng = random.Random(seed)
    db = Database(f"sqlite:///{db_path}", backup_dir=db_path.parent / "backups", lock=True)
    _emit({"ready": start})
    today = dt.date.today()
    i = start
    while True:
        with db.session() as s:
            ids = list(s.scalars(select(Proposal.id).where(Proposal.role == "主办")))
            unreplied = list(s.scalars(
                select(Proposal.id).where(Proposal.role == "主办",
                                          ~Proposal.replies.any(Reply.id > 0))))
        kinds = ["proposal"] * 3 + ["import"]
        if ids:
            kinds += ["records"] * 3 + ["attachment"] * 2 + ["bulk"]
        if unreplied:
            kinds += ["reply"] * 2
        kind = rng.choice(kinds)
        tag = _tag(i)
        expect = dict.fromkeys(TABLES, 0)
        if kind == "proposal":
            expect.update(proposal=1, member=3)
        elif kind == "import":
            n = rng.randint(1, 300)
            sheet = _ledger(db_path.parent / f"ledger-{i}.xlsx", i, n, today)
            expect.update(proposal=n, member=n)
        elif kind == "records":
            n = rng.randint(1, 5)
            targets = [rng.choice(ids) for _ in range(n)]
            expect.update(correspondence=n)
        elif kind == "bulk":
            targets = rng.sample(ids, min(len(ids), 30))
            expect.update(correspondence=len(targets))
        elif kind == "reply":
            target = rng.choice(unreplied)
            expect.update(reply=1)
        else:
            target = rng.choice(ids)
            expect.update(attachment=1)
        _emit({"begin": i, "kind": kind, "expect": expect})
        if kind == "import":
            _import(db, sheet)
            _emit({"done": i})
            i += 1
            continue
        with db.transaction() as s:
            if kind == "proposal":
                meeting = s.scalars(select(Meeting)).first() or Meeting(
                    kind="提案", name="区政协十四届四次会议", year=today.year)
                p = Proposal(meeting=meeting, number=f"K{i}", role="主办",
                             title=f"关于推进第{i}项民生实事的建议{tag}",
                             assigned_on=today - dt.timedelta(days=rng.randint(0, 60)))
                s.add(p)
                s.flush()
                handling.set_proposers(s, p, [f"甲{tag}", f"乙{tag}", f"丙{tag}"])
                handling.set_units(s, p, [("区商务局", "主办"), ("区财政局", "协办")])
                handling.set_topics(s, p, ["民生"])
                if rng.random() < 0.5:
                    handling.sign(p, p.assigned_on or today)
            elif kind in ("records", "bulk"):
                for pid in targets:
                    p = s.get(Proposal, pid)
                    assert p is not None
                    method = rng.choice(["电话", "走访", "座谈"])
                    content = f"与委员沟通办理进展{tag}" + "。" * rng.randint(0, 400)
                    handling.add_record(p, date=today, method=method, content=content)
            elif kind == "reply":
                p = s.get(Proposal, target)
                assert p is not None
                body = "办理情况说明。" * rng.randint(50, 300)
                handling.save_reply(s, p, text=f"答复正文{tag}{body}")
            else:
                p = s.get(Proposal, target)
                assert p is not None
                data = tag.encode() + rng.randbytes(rng.randint(1_000, 100_000))
                handling.add_attachment(s, p, name=f"扫描件{tag}.pdf", data=data)
        _emit({"done": i})
        i += 1


def _ledger(path: Path, i: int, n: int, today: dt.date) -> Path:
    """A bureau ledger of n new proposals, each with one new proposer, all tagged with unit i."""
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("台账")
    ws.append(["提案号", "案由", "提案人", "办理方式", "主办单位", "承办人", "交办日期",
               "沟通方式"])
    for k in range(n):
        ws.append([f"{i:05d}{k:03d}", f"关于做好第{i}批第{k}项重点工作的建议{_tag(i)}",
                   f"丁{_tag(i)}{k}", "主办", "区商务局", "王芳", today, "电话"])
    wb.save(path)
    return path


def _import(db: Any, sheet: Path) -> None:
    """As `proposal-desk import` does: plan, a backup, then one transaction."""
    from proposal_desk.sheets import ImportOptions, apply_import, plan_import
    from proposal_desk.storage.backup import REASON_IMPORT, backup_before

    options = ImportOptions(meeting="区政协十四届四次会议", year=dt.date.today().year,
                            kind="提案")
    with db.session() as s:
        plan = plan_import(s, sheet, options)
    assert not plan.problems, plan.problems[:3]
    backup_before(db, REASON_IMPORT)
    with db.transaction() as s:
        apply_import(s, plan)


# ---- the harness ------------------------------------------------------------------------

@dataclass
class CycleResult:
    committed: list[int] = field(default_factory=list)
    in_flight: int | None = None
    in_flight_landed: bool | None = None  # the unit in flight at the kill reached the disk
    in_flight_kind: str = ""  # proposal, import, records, bulk, reply, attachment
    next_start: int = 0
    killed_after: float = 0.0
    ready: bool = False  # False: killed while starting (opening, checking, backing up)


class CrashCheckFailed(AssertionError):
    pass


def run_cycle(db_path: Path, start: int, seed: int, expectations: dict[int, dict[str, int]],
              committed: set[int], *, delay: float, after_ready: bool = True) -> CycleResult:
    """One start-write-kill-verify cycle. `expectations` and `committed` carry over cycles.
    The kill comes `delay` seconds after the writer is ready to write (or after it was
    started, with after_ready=False: then the kill may land in opening, checking, backing up)."""
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), str(db_path), str(start), str(seed)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    lines: list[bytes] = []
    ready = threading.Event()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line)
            if line.startswith(b'{"ready"'):
                ready.set()
        ready.set()  # the writer ended: nothing more to wait for

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    t0 = time.monotonic()
    if after_ready:
        ready.wait(timeout=120)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    _, err = proc.communicate()
    reader.join()
    result = CycleResult(killed_after=time.monotonic() - t0)
    if proc.returncode != -signal.SIGKILL:
        raise CrashCheckFailed(f"writer ended by itself ({proc.returncode}):\n{err.decode()}")
    begun: list[int] = []
    kinds: dict[int, str] = {}
    for line in b"".join(lines).decode("utf-8", "replace").splitlines():
        try:
            msg = json.loads(line)
        except ValueError:
            continue  # the last line may be cut by the kill
        if "ready" in msg:
            result.ready = True
        elif "begin" in msg:
            begun.append(msg["begin"])
            kinds[msg["begin"]] = msg.get("kind", "")
            expectations[msg["begin"]] = msg["expect"]
        elif "done" in msg:
            committed.add(msg["done"])
            result.committed.append(msg["done"])
    flight = [i for i in begun if i not in committed]
    if len(flight) > 1:
        raise CrashCheckFailed(f"more than one unit in flight: {flight}")
    result.in_flight = flight[0] if flight else None
    result.in_flight_kind = kinds.get(flight[0], "") if flight else ""
    result.in_flight_landed = verify(db_path, expectations, committed, result.in_flight)
    if result.in_flight_landed:
        committed.add(result.in_flight)  # type: ignore[arg-type]
    result.next_start = max(begun, default=start - 1) + 1
    return result


def verify(db_path: Path, expectations: dict[int, dict[str, int]], committed: set[int],
           in_flight: int | None) -> bool | None:
    """Open the database as the program does, run the full check, count every unit's rows.
    Returns whether the unit in flight landed (None if there was none)."""
    from sqlalchemy import text

    from proposal_desk.storage.database import Database
    from proposal_desk.storage.integrity import check_database

    db = Database(f"sqlite:///{db_path}", backup_dir=db_path.parent / "backups", lock=True)
    try:
        report = check_database(db.engine, str(db_path))
        if not report.ok:
            raise CrashCheckFailed("check failed after kill:\n" + "\n".join(report.lines()))
        counts = _tag_counts(db, text)
    finally:
        db.dispose()
    landed: bool | None = None
    for i, expect in expectations.items():
        got = {t: counts[t].get(i, 0) for t in TABLES}
        whole = got == expect
        empty = not any(got.values())
        if i in committed and not whole:
            raise CrashCheckFailed(f"unit {i} committed but found {got}, expected {expect}")
        if i == in_flight:
            if not (whole or empty):
                raise CrashCheckFailed(f"unit {i} in flight left a part: {got} of {expect}")
            landed = whole and any(expect.values())
        elif i not in committed and not empty:
            raise CrashCheckFailed(f"unit {i} never committed but found {got}")
    for table in TABLES:
        unknown = set(counts[table]) - set(expectations)
        if unknown:
            raise CrashCheckFailed(f"rows of units never begun in {table}: {sorted(unknown)}")
    return landed


def _tag_counts(db: Any, text: Any) -> dict[str, dict[int, int]]:
    columns = {"proposal": "title", "member": "name", "correspondence": "content",
               "reply": "text", "attachment": "original_name"}
    counts: dict[str, dict[int, int]] = {}
    with db.engine.connect() as conn:
        for table, column in columns.items():
            found: dict[int, int] = {}
            query = text(f"SELECT {column} FROM {table} WHERE {column} LIKE '%#%#%'")
            for (value,) in conn.execute(query):
                i = int(value.split("#")[1])
                found[i] = found.get(i, 0) + 1
            counts[table] = found
    return counts


if __name__ == "__main__":
    writer(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
