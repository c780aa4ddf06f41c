"""Fuzzing the command line's ids, dates, numbers, months, pass numbers and files.

Whatever a person (or a script gone wrong) passes to apply, decide, issue, renew, replace,
revoke, passes list/count, print card/sheet/letter/renewals/application, search, stats,
rules impact, streets import, export-person and retention, kpass answers with exit status
0, 1, 2 or 3 and a message — never a traceback — and a command that fails (1, 2) has
written nothing: every table holds the rows it held before. (Exit 3 is ``renew`` done but
not renewed: its decision that the holder is not eligible is kept, as at the counter.)

The commands run in-process (``kpass.cli.main``, output captured), on a small register on
SQLite and on PostgreSQL. Values are drawn from hostile lists (huge and negative integers,
years 0000 and 9999, Arabic-Indic digits, lone surrogates, empty strings, control
characters) and from random text; ``@…`` placeholders stand for values of the register
(a pass number that exists, the database file itself as ``--out``). ``kpass check -`` has
its own fuzz test (test_cli_check_fuzz.py).
"""

from __future__ import annotations

import contextlib
import gc
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from kpass.cli import main
from kpass.models import Base
from kpass.models.engine import Database, open_database
from kpass.services.applications.deciding import apply, decide
from kpass.services.passes.actions import issue_passes, revoke_pass
from tests.register_builder import add_household, add_income, household_of

FUZZ = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)

HOSTILE = [
    "",
    " ",
    "0",
    "-1",
    "+7",
    "1_000",
    "0x10",
    "1e3",
    "99999999999999999999999",
    "2147483648",
    "-2147483649",
    "9" * 5000,
    "٣",
    "١٢",
    "٢٠٢٦-٠١-٠١",
    "٢٠٢٦-٠١",
    "2026-01-01",
    "2026-02-30",
    "0000-01-01",
    "0001-01-01",
    "9999-12-31",
    "9999-12",
    "0000-00",
    "1900-01",
    "2999-12",
    "2026-W01-1",
    "20260101",
    "\udcff",
    "KA-\udcff",
    "a\x00b",
    "\x1b[2J",
    "KA-",
    "KA-1",
    "KA-١٢٣٤٥٦-٧٨",
    "KA-999999-99",
    "x" * 300,
    "1430,00",
    "NaN",
    "-Infinity",
]
PLACEHOLDERS = ["@pass", "@revoked", "@household", "@application", "@decision"]
OUTS = ["@out.pdf", "@out.csv", "@db", "@db-wal", "@text", "@pdf", "@dir", "@missing/x.pdf"]

#: Values of the right form, often of the register: the commands get past parsing.
plausible = st.one_of(
    st.sampled_from([*PLACEHOLDERS, "1300.00", "1430,00", "stadtteil", "Kaya", "Kaiserstr 1"]),
    st.integers(min_value=1, max_value=6).map(str),
    st.dates(date(2019, 1, 1), date(2031, 12, 31)).map(date.isoformat),
    st.tuples(st.integers(2019, 2031), st.integers(1, 12)).map(lambda ym: f"{ym[0]}-{ym[1]:02d}"),
)
values = st.one_of(
    plausible,
    st.sampled_from(HOSTILE + PLACEHOLDERS),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.dates().map(date.isoformat),
    st.tuples(st.integers(0, 9999), st.integers(0, 13)).map(lambda ym: f"{ym[0]:04d}-{ym[1]:02d}"),
    st.text(max_size=30),
    st.text(st.characters(categories=["Nd", "Cs", "Cc", "Zs"]), max_size=12),
)
def commands(values: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    """Argument lists of the commands, each value drawn from ``values``."""
    outs = st.one_of(st.sampled_from(OUTS), values)

    def option(
        name: str, strategy: st.SearchStrategy[str] = values
    ) -> st.SearchStrategy[list[str]]:
        """``[name, value]`` or nothing (an optional argument left out)."""
        return st.one_of(st.just([]), strategy.map(lambda value: [name, value]))

    def required(
        name: str, strategy: st.SearchStrategy[str] = values
    ) -> st.SearchStrategy[list[str]]:
        return strategy.map(lambda value: [name, value])

    def command(*parts: st.SearchStrategy[list[str]] | list[str]) -> st.SearchStrategy[list[str]]:
        strategies = [st.just(p) if isinstance(p, list) else p for p in parts]
        return st.tuples(*strategies).map(lambda lists: [item for part in lists for item in part])

    return st.one_of(
        command(["apply"], required("--household"), option("--date"), option("--proofs")),
        command(["decide"], required("--application"), st.sampled_from([[], ["--issue"]])),
        command(["issue"], required("--decision")),
        command(["renew"], required("--pass"), option("--date")),
        command(st.sampled_from([["replace"], ["revoke"]]), required("--pass"),
                required("--reason"), option("--date")),
        command(["passes", "list"], option("--limit"), option("--active-on"),
                option("--expiring-in-month"), st.sampled_from([[], ["--all"], ["--json"]])),
        command(["passes", "count"], option("--active-on")),
        command(["print", "card"], required("--pass"), required("--out", outs)),
        command(["print", "sheet"],
                st.one_of(required("--issued-on"), required("--passes")),
                required("--out", outs)),
        command(["print", "letter"], required("--decision"), option("--representative"),
                required("--out", outs)),
        command(["print", "renewals"], required("--month"), required("--out", outs)),
        command(["print", "application"], required("--application"), required("--out", outs)),
        command(["search"], values.map(lambda value: [value]), option("--limit")),
        command(["export-person"], required("--person"), required("--out", outs)),
        command(["retention", "run", "--dry-run"], option("--as-of"), option("--outbox")),
        command(["retention", "erase", "--dry-run"], required("--person")),
        command(["retention", "set", "photos"], required("--months"), required("--reason")),
        command(["stats"], required("--from"), required("--to"), option("--by"),
                st.sampled_from([["--format", "csv"], ["--format", "json"], ["--format", "xlsx"]]),
                required("--out", outs)),
        command(["rules", "impact"], required("--threshold"), option("--on")),
    )


@dataclass
class Register:
    url: str
    folder: Path
    sqlite_path: Path | None
    passes: dict[str, str]  # placeholder → value
    counter: Database  # a connection of the test's own, to count rows

    def row_counts(self) -> dict[str, int]:
        """Rows per table, in one query; of the audit trail only what is not a login's or a
        bulk read's note (a refused command has still logged in)."""
        sql = " UNION ALL ".join(
            f"SELECT '{table.name}', count(*) FROM \"{table.name}\""
            for table in Base.metadata.sorted_tables
            if table.name not in ("audit_event", "audit_head")
        ) + (
            " UNION ALL SELECT 'audit_event', count(*) FROM audit_event "
            "WHERE action NOT IN ('login', 'login_failed', 'bulk_read')"
        )
        with self.counter.connect() as connection:
            return {name: int(count) for name, count in connection.execute(text(sql))}

    def resolve(self, argv: list[str]) -> list[str]:
        resolved = []
        for value in argv:
            if value in self.passes:
                value = self.passes[value]
            elif value.startswith("@") and value[1:] in {o[1:] for o in OUTS}:
                value = self._out(value)
            resolved.append(value)
        return resolved

    def _out(self, placeholder: str) -> str:
        if placeholder == "@db" and self.sqlite_path is not None:
            return str(self.sqlite_path)
        if placeholder == "@db-wal" and self.sqlite_path is not None:
            return f"{self.sqlite_path}-wal"
        if placeholder == "@dir":
            return str(self.folder)
        return str(self.folder / placeholder[1:].replace("db", "db.sqlite"))


@pytest.fixture
def register(
    database: Database, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Register]:
    """Two households with passes (one revoked) and an open application, decided today."""
    # A drawn --out like "Kaya" is a file name relative to the working folder.
    monkeypatch.chdir(tmp_path)
    today = date.today()
    day = today - timedelta(days=3)
    [mother, _child] = add_household(
        database,
        [
            ("Kaya", "Elif", date(1980, 1, 10), "applicant"),
            ("Kaya", "Can", date(2015, 9, 1), "child"),
        ],
    )
    add_income(database, mother, "wages", "900.00")
    application = apply(database, household_of(database, mother), day)
    decision = decide(database, application.application_id)
    issued = issue_passes(database, decision.decision_id)
    numbers = [card.number for card in issued if card.number]
    [single] = add_household(database, [("Weiß", "Jürgen", date(1950, 5, 5), "applicant")])
    add_income(database, single, "pension", "1000.00")
    apply(database, household_of(database, single), day)
    revoke_pass(database, numbers[-1], today, "verloren gemeldet")
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "text").write_text("Notizen, die niemand überschreiben darf\n", encoding="utf-8")
    (folder / "pdf").write_bytes(b"%PDF-1.4\n% an older print\n")
    counter = open_database(database_url)
    yield Register(
        database_url,
        folder,
        database.sqlite_path,
        {
            "@pass": numbers[0],
            "@revoked": numbers[-1],
            "@household": str(household_of(database, mother)),
            "@application": str(application.application_id),
            "@decision": str(decision.decision_id),
        },
        counter,
    )
    counter.dispose()


def run(argv: list[str]) -> tuple[int, str, str]:
    """``kpass`` in-process: its exit status, standard output and standard error."""
    out, err = io.StringIO(), io.StringIO()
    # Frozen, what lived before the command is left out of the collection below: it then
    # costs about a millisecond, not the ~0.7 s of a full one late in the whole suite, and so
    # each command's engine and connections are closed right after it, not now and then.
    gc.freeze()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = main(argv)
            except SystemExit as exc:  # argparse's usage errors
                status = exc.code if isinstance(exc.code, int) else 2
        gc.collect()  # the command's engine and its connections
    finally:
        gc.unfreeze()
    return status, out.getvalue(), err.getvalue()


def check_run(register: Register, argv: list[str]) -> None:
    resolved = register.resolve(argv)
    before = register.row_counts()
    status, _out, err = run(["--database", register.url, *resolved])
    assert status in (0, 1, 2, 3), (resolved, status, err)
    assert "Traceback" not in err, (resolved, err)
    if status in (1, 2):
        assert err.strip(), (resolved, "a failure must say why")
        assert register.row_counts() == before, (resolved, status, err)
    # The register, its text file and its older PDF are never replaced by an output.
    assert (register.folder / "text").read_text(encoding="utf-8").startswith("Notizen")
    assert not list(register.folder.glob(".*.part")), resolved
    if register.sqlite_path is not None:
        assert register.sqlite_path.read_bytes()[:16] == b"SQLite format 3\x00"


@FUZZ
@given(argv=commands(values))
def test_any_arguments_end_in_an_exit_status_and_failures_write_nothing(
    register: Register, argv: list[str]
) -> None:
    check_run(register, argv)


@settings(FUZZ, max_examples=40)
@given(argv=commands(plausible))
def test_plausible_arguments_reach_the_services_and_failures_write_nothing(
    register: Register, argv: list[str]
) -> None:
    check_run(register, argv)


KNOWN_HOSTILE: list[list[str]] = [
    ["apply", "--household", "99999999999999999999999"],
    ["apply", "--household", "-1"],
    ["apply", "--household", "@household", "--date", "٢٠٢٦-٠١-٠١"],
    ["apply", "--household", "@household", "--date", "0000-01-01"],
    ["apply", "--household", "@household", "--date", "9999-12-31"],
    ["decide", "--application", "2147483648"],
    ["issue", "--decision", ""],
    ["renew", "--pass", "@pass", "--date", "9999-12-31"],
    ["revoke", "--pass", "@pass", "--reason", "\udcff", "--date", "2026-01-01"],
    ["revoke", "--pass", "@pass", "--reason", ""],
    ["passes", "list", "--limit", "-5"],
    ["passes", "count", "--active-on", "9999-12-31"],
    ["print", "card", "--pass", "@pass", "--out", "@db"],
    ["print", "card", "--pass", "@pass", "--out", "@text"],
    ["print", "sheet", "--passes", "@pass,KA-١٢٣٤٥٦-٧٨", "--out", "@out.pdf"],
    ["print", "renewals", "--month", "9999-12", "--out", "@out.pdf"],
    ["search", "KA-"],
    ["stats", "--from", "0000-01", "--to", "9999-12", "--format", "csv", "--out", "@db"],
    ["rules", "impact", "--threshold", "١٤٣٠", "--on", "2026-01-01"],
]


def test_known_hostile_arguments_give_two_short_lines_and_exit_2(register: Register) -> None:
    for argv in KNOWN_HOSTILE:
        if "@db" in argv and register.sqlite_path is None:
            continue  # the database is no file on PostgreSQL
        resolved = register.resolve(argv)
        before = register.row_counts()
        status, _out, err = run(["--database", register.url, *resolved])
        assert status == 2, (resolved, status, err)
        assert "Traceback" not in err
        assert register.row_counts() == before, resolved
        # the bad value is echoed at most ~80 characters long, in English and German
        lines = [line for line in err.splitlines() if not line.startswith(("usage:", " "))]
        assert len(lines) == 2 and all(len(line) < 400 for line in lines), err


CSV_ROWS = st.lists(
    st.lists(st.one_of(st.sampled_from(["Kaiserstraße", "1-89", "alle", "01", "Durlach", ""]),
                       st.text(max_size=20)), min_size=0, max_size=4),
    max_size=6,
)
FILES = st.one_of(
    st.binary(max_size=400),
    st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass")),
    CSV_ROWS.map(lambda rows: "\n".join(";".join(row) for row in rows).encode("utf-8")),
    CSV_ROWS.map(
        lambda rows: ("Straße;Hausnummern;Stadtteil\n" + "\n".join(";".join(r) for r in rows))
        .encode("latin-1", "replace")
    ),
    st.sampled_from([
        b'"Kaiserstra\xc3\x9fe;1-89;01\n',  # a quote never closed
        b"Stra\xdfe;Hausnummern;Stadtteil\nKaiserstra\xdfe;1-89;01\n",  # Latin-1
        b"Name;Nummer;Bezirk\nKaiserstrasse;1-89;01\n",  # a header that is not ours
        b"Stra\xc3\x9fe;Stadtteil;Hausnummern\n",
        b"\x00\x01\x02PK\x03\x04",
        b"x" * 200_000 + b";1-89;01\n",
    ]),
)


@settings(FUZZ, max_examples=40)
@given(content=FILES)
def test_any_street_file_ends_in_an_exit_status(register: Register, content: bytes) -> None:
    path = register.folder / "strassen.csv"
    path.write_bytes(content)
    check_run(register, ["streets", "import", str(path)])
