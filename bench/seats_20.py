"""Twenty counter seats at once on one PostgreSQL register.

Each seat is a process of its own (bench/seat_worker.py), connected through a database role
of its own that is a member of ``kpass_issuer_ka`` (row-level security as a multi-seat
office of the Sozialregion runs it, docs/sozialregion.md), with a caseworker bound to
issuer ``ka`` logged in. All seats start, log in and warm up, wait at a barrier, and then
work through the counter path for as long as a phase lasts: search (a typed prefix of the
applicant's family and given name) → open the household (the editor's details) → decide
(apply for today and decide, as "Entscheiden") → issue the passes → print the card (a PDF,
recorded). Each seat gets households of its own (eligible, nobody holding a pass, no
four-eyes review); every fifth household comes from a short list the seat shares with its
neighbour, so that two seats do decide and issue for one household at about the same time
(the second finds the passes issued and prints the card of the held pass).

Work is done on a copy of the cached quick register (``CREATE DATABASE … TEMPLATE``),
dropped afterwards with the seats' roles.

Phases (full / quick): one seat alone without pauses (30 s / 6 s), the baseline; twenty
seats with a pause of 1–3 s before each action, as at a counter (60 s / 20 s); twenty seats
without pauses (60 s / 10 s), the stress figure.

``seats_20``: p95 ms of all actions of the twenty seats with pauses; baseline: p95 of the
same actions by the one seat alone; ratio: the cost of the contention. ``seats_20_stress``:
the same without pauses. Extra fields: ``actions`` (how many were timed), ``errors`` (any
exception at a seat), ``lost_writes`` (decisions, passes and prints a seat saw committed
but the register does not hold), ``invariant_violations`` (persons with two passes valid
on one day; breaks in the audit chain written during the run), ``per_action`` (p95 ms per
kind of action) and ``outcomes``. Budget: p95 ≤ 150 ms, no errors, no lost writes.

``KPASS_BENCH_SEATS_LOG_MS=N`` logs every statement slower than N ms on the copy (in the
bench cluster's server log) to find what a slow seat waits for.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bench.common import (
    demo_register,
    drop_postgres_database,
    households_for,
    logged_in,
    percentile,
    register_label,
    result,
)
from kpass.models.engine import Database, open_database

DATABASES = ("postgresql",)
SEATS = 20
ISSUER = "ka"
PASSWORD = "bench-seat-passwort"
ROOT = Path(__file__).resolve().parent.parent
THINK = (1.0, 3.0)
ACTIONS = ("search", "open", "decide", "issue", "print")
STARTUP_TIMEOUT = 300.0


def _server() -> Any:
    from bench.postgres import server_url

    return create_engine(server_url(), isolation_level="AUTOCOMMIT")


def copy_register(template: str, name: str) -> str:
    """A copy of database ``template`` under ``name``; its URL. PostgreSQL copies only a
    database nobody is connected to: a moment's retry covers a connection just closing."""
    from bench.common import postgres_database

    server = _server()
    try:
        for attempt in range(20):
            try:
                with server.connect() as connection:
                    connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
                break
            except Exception:
                if attempt == 19:
                    raise
                time.sleep(0.5)
    finally:
        server.dispose()
    return postgres_database(name)


def _seat_roles(database_name: str, suffix: str) -> list[str]:
    """One login role per seat, member of the issuer's group role only (its rows only)."""
    roles = [f"bench_seat_{n:02d}_{suffix}" for n in range(SEATS)]
    server = _server()
    with server.connect() as connection:
        for role in roles:
            connection.execute(text(
                f"CREATE ROLE {role} LOGIN PASSWORD '{PASSWORD}' IN ROLE kpass_issuer_{ISSUER}"))
        level = os.environ.get("KPASS_BENCH_SEATS_LOG_MS")
        if level:
            connection.execute(text(
                f'ALTER DATABASE "{database_name}" SET log_min_duration_statement = {int(level)}'))
            connection.execute(text(f'ALTER DATABASE "{database_name}" SET log_lock_waits = on'))
    server.dispose()
    return roles


def _drop_roles(roles: list[str]) -> None:
    server = _server()
    with server.connect() as connection:
        for role in roles:
            connection.execute(text(f"DROP ROLE IF EXISTS {role}"))
    server.dispose()


def _eligible(owner: Database, candidates: list[int], wanted: int) -> list[int]:
    """Of ``candidates``, those the rules find all eligible today without a supervisor's
    review: at the counter these go from decision to card."""
    from kpass.services.applications import preview_decision
    from kpass.services.approvals.need import approval_need
    from kpass.services.approvals.settings import read_settings
    from kpass.services.household.facts import load_facts, members_on
    from kpass.services.uow import UnitOfWork

    today = date.today()
    chosen: list[int] = []
    with UnitOfWork(owner, write=False) as uow:
        settings = read_settings(uow.session)
        for household_id in candidates:
            facts = load_facts(uow.session, household_id)
            applicants = [m.person_id for m in members_on(facts, today) if m.role == "applicant"]
            if len(applicants) != 1:
                continue
            try:
                _, decision = preview_decision(facts, today, applicants[0])
            except Exception:  # an incomplete household: not one for this run
                continue
            if all(m.eligible for m in decision.members) and decision.members \
                    and approval_need(decision, settings) is None:
                chosen.append(household_id)
                if len(chosen) == wanted:
                    break
    return chosen


def _candidates(owner: Database, count: int) -> list[int]:
    """Households of issuer ``ka`` living in Karlsruhe today where nobody holds a pass
    valid today or later, in a fixed shuffled order."""
    with owner.engine.connect() as connection:
        return [int(i) for i in connection.execute(text(
            "SELECT h.id FROM household h JOIN household_address a ON a.household_id = h.id "
            "AND a.valid_from <= :d AND (a.valid_until IS NULL OR a.valid_until >= :d) "
            "WHERE h.issuer = :issuer AND a.municipality = 'Karlsruhe' "
            "AND NOT EXISTS (SELECT 1 FROM household_member m "
            "  JOIN pass p ON p.person_id = m.person_id "
            "  JOIN pass_validity v ON v.pass_id = p.id "
            "  WHERE m.household_id = h.id AND v.valid_until >= :d) "
            "ORDER BY md5(h.id::text) LIMIT :n"),
            {"d": date.today(), "issuer": ISSUER, "n": count}).scalars()]


def _with_names(owner: Database, household_ids: list[int]) -> list[list[Any]]:
    """``[household_id, family_name, given_names]`` of each household's applicant today."""
    with owner.engine.connect() as connection:
        rows = {int(r[0]): [int(r[0]), r[1], r[2]] for r in connection.execute(text(
            "SELECT m.household_id, p.family_name, p.given_names FROM household_member m "
            "JOIN person p ON p.id = m.person_id WHERE m.role = 'applicant' "
            "AND m.household_id = ANY(:ids) AND m.valid_from <= :d "
            "AND (m.valid_until IS NULL OR m.valid_until >= :d)"),
            {"ids": household_ids, "d": date.today()})}
    return [rows[i] for i in household_ids if i in rows]


def _warm_up_case(owner: Database) -> dict[str, Any]:
    """A household with a pass valid today (outside every seat's list): its card is what
    each seat prints once before the barrier."""
    with owner.engine.connect() as connection:
        row = connection.execute(text(
            "SELECT m.household_id, p.family_name, p.given_names, s.number "
            "FROM pass s JOIN pass_validity v ON v.pass_id = s.id "
            "JOIN person p ON p.id = s.person_id "
            "JOIN household_member m ON m.person_id = p.id AND m.valid_from <= :d "
            "AND (m.valid_until IS NULL OR m.valid_until >= :d) "
            "JOIN household h ON h.id = m.household_id AND h.issuer = :issuer "
            "WHERE s.status = 'active' AND v.valid_from <= :d AND v.valid_until >= :d "
            "ORDER BY s.id LIMIT 1"), {"d": date.today(), "issuer": ISSUER}).one()
    return {"household_id": int(row[0]), "family": row[1], "given": row[2], "number": row[3]}


class Worker:
    """A seat process and the lines it answers (read by a thread, so that twenty starting
    at once are waited for together)."""

    def __init__(self, setup: dict[str, Any], log: Path) -> None:
        self.log = log
        self._log_file = log.open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bench.seat_worker"], cwd=ROOT, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log_file,
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.send(setup)

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def send(self, message: dict[str, Any]) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(message) + "\n")
        self.process.stdin.flush()

    def answer(self, timeout: float) -> dict[str, Any]:
        try:
            line = self.lines.get(timeout=timeout)
        except queue.Empty:
            line = None
        if line is None:
            tail = self.log.read_text(errors="replace")[-3000:]
            raise RuntimeError(f"seat process {self.process.pid} gave no answer:\n{tail}")
        answer: dict[str, Any] = json.loads(line)
        return answer

    def stop(self) -> None:
        if self.process.poll() is None:
            try:
                self.send({"cmd": "quit"})
                self.process.wait(timeout=20)
            except Exception:
                self.process.kill()
                self.process.wait()
        self._log_file.close()


def _phase(workers: list[Worker], lists: list[list[list[Any]]], seconds: float,
           think: tuple[float, float] | None, out: Path, seed: int) -> list[dict[str, Any]]:
    """All ``workers`` start together (they wait at the barrier until now) and work their
    lists until the same moment."""
    until = time.time() + seconds
    for n, (worker, households) in enumerate(zip(workers, lists, strict=True)):
        worker.send({"cmd": "run", "until": until, "think": think, "households": households,
                     "seed": seed * 100 + n, "out": str(out)})
    return [worker.answer(timeout=seconds + 120) for worker in workers]


def _merged(answers: list[dict[str, Any]]) -> dict[str, Any]:
    merged: dict[str, Any] = {"samples": [], "errors": [], "decisions": [], "passes": [],
                              "prints": [], "outcomes": {}}
    for answer in answers:
        for key in ("samples", "errors", "decisions", "passes", "prints"):
            merged[key].extend(answer[key])
        for outcome, count in answer["outcomes"].items():
            merged["outcomes"][outcome] = merged["outcomes"].get(outcome, 0) + count
    return merged


def _p95(samples: list[list[Any]], action: str | None = None) -> float:
    times = [float(ms) for kind, ms in samples if action is None or kind == action]
    return percentile(times, 0.95) if times else 0.0


def _per_action(samples: list[list[Any]]) -> dict[str, dict[str, float]]:
    return {
        action: {"p95": round(_p95(samples, action), 1),
                 "n": sum(1 for kind, _ in samples if kind == action)}
        for action in ACTIONS
    }


def _lost_writes(owner: Database, merged: dict[str, Any]) -> dict[str, int]:
    """What a seat saw committed and the register does not hold."""
    with owner.engine.connect() as connection:
        decisions = set(merged["decisions"])
        found = connection.execute(text(
            "SELECT count(*) FROM decision WHERE id = ANY(:ids)"),
            {"ids": list(decisions)}).scalar_one()
        passes = set(merged["passes"])
        issued = connection.execute(text(
            "SELECT count(DISTINCT p.number) FROM pass p JOIN pass_validity v "
            "ON v.pass_id = p.id WHERE p.number = ANY(:numbers) AND v.decision_id = ANY(:ids)"),
            {"numbers": list(passes), "ids": list(decisions)}).scalar_one()
        prints = set(merged["prints"])
        printed = connection.execute(text(
            "SELECT count(DISTINCT file_name) FROM print_record WHERE kind = 'card' "
            "AND file_name = ANY(:names)"), {"names": list(prints)}).scalar_one()
    return {"decisions": len(decisions) - found, "passes": len(passes) - issued,
            "prints": len(prints) - printed}


def _violations(owner: Database, first_seq: int) -> dict[str, int]:
    """Persons holding two passes whose periods overlap (neither replaced nor revoked), and
    breaks in the audit chain appended since ``first_seq``."""
    with owner.engine.connect() as connection:
        two_passes = connection.execute(text(
            "SELECT count(DISTINCT a.person_id) FROM pass a JOIN pass b "
            "ON b.person_id = a.person_id AND b.id > a.id "
            "JOIN pass_validity va ON va.pass_id = a.id JOIN pass_validity vb "
            "ON vb.pass_id = b.id WHERE a.status = 'active' AND b.status = 'active' "
            "AND va.valid_from <= vb.valid_until AND vb.valid_from <= va.valid_until")
        ).scalar_one()
        chain = connection.execute(text(
            "SELECT count(*) FILTER (WHERE prev.seq IS NULL OR prev.hash <> e.prev_hash), "
            "count(*), coalesce(max(e.seq) - min(e.seq) + 1, 0) FROM audit_event e "
            "LEFT JOIN audit_event prev ON prev.seq = e.seq - 1 WHERE e.seq > :s"),
            {"s": first_seq}).one()
        head = connection.execute(text(
            "SELECT (SELECT seq FROM audit_head WHERE id = 1) - "
            "(SELECT coalesce(max(seq), 0) FROM audit_event)")).scalar_one()
    breaks = int(chain[0]) + abs(int(chain[1]) - int(chain[2])) + abs(int(head))
    return {"two_valid_passes": int(two_passes), "audit_chain_breaks": breaks}


def _interleave(own: list[list[Any]], common: list[list[Any]]) -> list[list[Any]]:
    mixed: list[list[Any]] = []
    shared = iter(common)
    for i, household in enumerate(own):
        mixed.append(household)
        if i % 4 == 3:
            extra = next(shared, None)
            if extra is not None:
                mixed.append(extra)
    return mixed


def _split(households: list[list[Any]], baseline: int, per_seat: int,
           shared: int) -> tuple[list[list[Any]], list[list[list[Any]]]]:
    """The baseline seat's list, and each seat's own list with a household from the list it
    shares with its neighbour (seats 0 and 1, 2 and 3, …) after every fourth of its own."""
    alone = households[:baseline]
    rest = households[baseline:]
    shared_lists = [rest[i * shared:(i + 1) * shared] for i in range(SEATS // 2)]
    rest = rest[(SEATS // 2) * shared:]
    seats = [_interleave(rest[n * per_seat:(n + 1) * per_seat], shared_lists[n // 2])
             for n in range(SEATS)]
    return alone, seats


def _remaining(lists: list[list[list[Any]]], answers: list[dict[str, Any]],
               used: list[set[int]]) -> list[list[list[Any]]]:
    """Each seat's list without the households it has worked on (the next phase goes on
    with fresh ones)."""
    left = []
    for n, (households, answer) in enumerate(zip(lists, answers, strict=True)):
        done = answer["outcomes"].get("cycles", 0) + len(answer["errors"]) + 1
        used[n].update(int(h[0]) for h in households[:done])
        left.append([h for h in households if int(h[0]) not in used[n]])
    return left


def measure(quick: bool, database: str) -> list[dict[str, object]]:
    if database != "postgresql":
        return []
    from kpass.services.access import add_user
    from kpass.services.admin.opening import upgrade_register
    from kpass.services.printing import print_cards

    global _clock
    _clock = time.perf_counter()
    households = households_for(quick)
    baseline_s, think_s, stress_s = (6.0, 20.0, 10.0) if quick else (30.0, 60.0, 60.0)
    baseline_n, per_seat, shared = (80, 25, 6) if quick else (300, 60, 12)

    source = demo_register(households, database="postgresql")
    template = source.url.database
    assert template is not None
    source.dispose()
    suffix = uuid.uuid4().hex[:8]
    name = f"seats20_{suffix}"
    roles: list[str] = []
    workers: list[Worker] = []
    owner: Database | None = None
    folder: Path | None = None
    try:
        owner = logged_in(open_database(copy_register(template, name)))
        _progress("copied the register")
        upgrade_register(owner)  # the Sozialregion's group roles, grants and policies
        roles = _seat_roles(name, suffix)
        usernames = [f"seat{n:02d}.{suffix}" for n in range(SEATS)]
        for username in usernames:
            add_user(owner, username, "caseworker", PASSWORD, issuer=ISSUER)
        _progress("row security, seat roles and caseworkers")
        warm_up = _warm_up_case(owner)
        folder = Path(tempfile.mkdtemp(prefix="kpass-seats-"))
        # the register's signing key exists before twenty seats print their first card
        print_cards(owner, [warm_up["number"]], folder / "warm-admin.pdf")

        with owner.engine.connect() as connection:
            first_seq = int(connection.execute(text(
                "SELECT seq FROM audit_head WHERE id = 1")).scalar_one())

        url = make_url(owner.url.render_as_string(hide_password=False))
        started = time.perf_counter()
        workers = [
            Worker({"url": url.set(username=role, password=PASSWORD).render_as_string(
                        hide_password=False),
                    "username": username, "password": PASSWORD, "warm_up": warm_up,
                    "out": str(folder)}, folder / f"seat-{n:02d}.log")
            for n, (role, username) in enumerate(zip(roles, usernames, strict=True))
        ]
        # the households are chosen while the seats start (they are sent with each run)
        wanted = baseline_n + SEATS * per_seat + (SEATS // 2) * shared
        chosen = _eligible(owner, _candidates(owner, wanted * 3), wanted)
        named = _with_names(owner, chosen)
        _progress(f"{len(named)} households chosen")
        if len(named) < wanted:
            raise RuntimeError(f"only {len(named)} of {wanted} households fit the run")
        alone, lists = _split(named, baseline_n, per_seat, shared)
        for worker in workers:  # the barrier: every seat logged in and warmed up
            worker.answer(timeout=STARTUP_TIMEOUT)
        startup = time.perf_counter() - started
        _progress(f"{SEATS} seats ready after {startup:.1f} s")

        alone_answer = _phase(workers[:1], [alone], baseline_s, None, folder, 1)
        used: list[set[int]] = [set() for _ in range(SEATS)]
        think_answers = _phase(workers, lists, think_s, THINK, folder, 2)
        lists = _remaining(lists, think_answers, used)
        stress_answers = _phase(workers, lists, stress_s, None, folder, 3)

        base, think, stress = (_merged(alone_answer), _merged(think_answers),
                               _merged(stress_answers))
        everything = _merged([base, think, stress])
        _progress("phases done")
        lost = _lost_writes(owner, everything)
        violations = _violations(owner, first_seq)
        label = register_label(households, owner)
        baseline_p95 = _p95(base["samples"])
        common_facts: dict[str, Any] = {
            "register": label, "seats": SEATS, "issuer_seat_roles": True,
            "lost_writes": sum(lost.values()), "lost_by_kind": lost,
            "invariant_violations": violations, "startup_s": round(startup, 1),
            "baseline_actions": len(base["samples"]),
            "baseline_per_action": _per_action(base["samples"]),
        }
        results = []
        for label_name, phase, seconds, pause in (
            ("seats_20", think, think_s, f"{THINK[0]:g}–{THINK[1]:g} s"),
            ("seats_20_stress", stress, stress_s, "none"),
        ):
            results.append(result(
                label_name, _p95(phase["samples"]), baseline_p95, unit="ms", database=database,
                **common_facts, seconds=seconds, think_time=pause,
                actions=len(phase["samples"]), errors=len(phase["errors"]),
                per_action=_per_action(phase["samples"]), outcomes=phase["outcomes"],
                error_examples=[e["error"] for e in phase["errors"][:3]],
                error_causes=sorted({e["cause"].split(":")[0] for e in phase["errors"]}),
            ))
        if base["errors"]:
            results[0]["baseline_errors"] = [e["error"] for e in base["errors"][:3]]
        _report_errors(everything["errors"])
        if os.environ.get("KPASS_BENCH_SEATS_LOG_MS"):
            _keep_server_log(folder)
        return results
    finally:
        for worker in workers:
            worker.stop()
        if folder is not None and not os.environ.get("KPASS_BENCH_SEATS_LOG_MS"):
            shutil.rmtree(folder, ignore_errors=True)
        if owner is not None:
            owner.dispose()
        drop_postgres_database(name)
        if roles:
            _drop_roles(roles)


_clock = time.perf_counter()


def _progress(what: str) -> None:
    print(f"# seats_20: {what} ({time.perf_counter() - _clock:.1f} s)", file=sys.stderr,
          flush=True)


def _keep_server_log(folder: Path) -> None:
    """The bench cluster's log goes with its socket folder when it stops: keep a copy."""
    from bench.postgres import server_url

    host = make_url(server_url()).query.get("host")
    log = Path(str(host)) / "server.log" if host else None
    if log is not None and log.exists():
        shutil.copy(log, folder / "server.log")
        print(f"# server log: {folder / 'server.log'}", file=sys.stderr)


def _report_errors(errors: list[dict[str, str]]) -> None:
    for error in errors[:3]:
        print(f"# seat error (household {error['household']}): {error['cause']}\n"
              f"{error['trace']}", file=sys.stderr)

