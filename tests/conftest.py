"""Shared fixtures: a fresh, migrated database per test on SQLite and on PostgreSQL."""

from __future__ import annotations

import os

# Qt must know before it loads that there is no screen (else: abort, exit 134).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

# The admin every test register has; CLI subprocesses log in with her from the environment.
from tests.logins import TEST_PASSWORD, TEST_USER

if TYPE_CHECKING:
    from kpass.models.engine import Database

# Database modules are imported inside the fixtures, so the pure rule tests run even
# in an environment without SQLAlchemy.

PG_ENV = "KPASS_TEST_PG_URL"


def pytest_configure(config: pytest.Config) -> None:
    # Tests never touch a real user's database or name the real user.
    os.environ.pop("KPASS_DATABASE_URL", None)
    os.environ.pop("KPASS_DATABASE_URL_FILE", None)
    os.environ.pop("KPASS_LETTER_SETTINGS", None)  # a developer's office texts stay out
    os.environ["KPASS_USER"] = TEST_USER
    os.environ["KPASS_PASSWORD"] = TEST_PASSWORD
    from kpass.services.access import use_cheap_hashing_for_tests

    use_cheap_hashing_for_tests()


def _add_test_admin(database: Database) -> None:
    """The test admin, with a cheap hash so that each login costs milliseconds."""
    from kpass.services.access import create_first_admin

    create_first_admin(database, TEST_USER, TEST_PASSWORD)


def log_in_test_admin(database: Database) -> None:
    from kpass.services.access import log_in

    log_in(database, TEST_USER, TEST_PASSWORD)


def _pg_admin_url() -> str | None:
    url = os.environ.get(PG_ENV)
    if url:
        return url
    if os.environ.get("CI") == "true":
        pytest.fail(f"{PG_ENV} is not set: in CI PostgreSQL must run (use ./test.sh)")
    return None


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file; each test gets a copy (migrating per test is slower)."""
    from kpass.models.engine import open_database
    from kpass.models.migrate import upgrade

    path = tmp_path_factory.mktemp("template") / "kpass.sqlite"
    database = open_database(f"sqlite:///{path}")
    upgrade(database, backup=False)
    _add_test_admin(database)
    database.dispose()
    return path


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str | None]:
    """A migrated PostgreSQL template database; tests clone it with CREATE DATABASE."""
    from sqlalchemy import create_engine, text

    from kpass.models.engine import open_database
    from kpass.models.migrate import upgrade

    admin_url = _pg_admin_url()
    if admin_url is None:
        yield None
        return
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"kpass_template_{uuid.uuid4().hex[:8]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    database = open_database(_with_database(admin_url, name))
    upgrade(database, backup=False)
    _add_test_admin(database)
    database.dispose()
    yield name
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    admin.dispose()


def _with_database(admin_url: str, name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def database_url(
    backend: str, tmp_path: Path, sqlite_template: Path, pg_template: str | None
) -> Iterator[str]:
    """URL of a fresh, migrated, empty kpass database on the backend of this test."""
    if backend == "sqlite":
        path = tmp_path / "kpass.sqlite"
        shutil.copyfile(sqlite_template, path)
        yield f"sqlite:///{path}"
        return
    if pg_template is None:
        pytest.skip("PostgreSQL not available (run ./test.sh)")
    from sqlalchemy import create_engine, text

    admin_url = os.environ[PG_ENV]
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"kpass_t_{uuid.uuid4().hex[:10]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{pg_template}"'))
    yield _with_database(admin_url, name)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    from kpass.models.engine import open_database

    db = open_database(database_url)
    log_in_test_admin(db)
    yield db
    db.dispose()


class DemoRegisters:
    """Demo registers written once per session and handed out as fresh copies.

    ``kpass demo-data`` with two years of history takes seconds; tests that only read a
    register (the dashboard, statistics) get a copy of one written once: a file copy on
    SQLite, ``CREATE DATABASE … TEMPLATE`` on PostgreSQL.
    """

    def __init__(self, folder: Path, sqlite_template: Path, pg_template: str | None) -> None:
        self.folder = folder
        self.sqlite_template = sqlite_template
        self.pg_template = pg_template
        self.written: dict[tuple[str, int, int, str], str] = {}

    def _fill(self, url: str, households: int, seed: int, as_of: date) -> None:
        from kpass.models.engine import open_database
        from kpass.services.admin import create_demo_data

        database = open_database(url)
        create_demo_data(database, households, seed, as_of)
        database.dispose()

    def sqlite_copy(self, households: int, seed: int, as_of: date, path: Path) -> str:
        key = ("sqlite", households, seed, as_of.isoformat())
        if key not in self.written:
            original = self.folder / f"demo-{households}-{seed}-{as_of}.sqlite"
            shutil.copyfile(self.sqlite_template, original)
            self._fill(f"sqlite:///{original}", households, seed, as_of)
            self.written[key] = str(original)
        shutil.copyfile(self.written[key], path)
        return f"sqlite:///{path}"

    def postgresql_template(self, households: int, seed: int, as_of: date) -> str:
        """The name of a database holding the register, to be cloned (never opened)."""
        from sqlalchemy import create_engine, text

        key = ("postgresql", households, seed, as_of.isoformat())
        if key not in self.written:
            admin_url = os.environ[PG_ENV]
            admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
            name = f"kpass_demo_{uuid.uuid4().hex[:8]}"
            with admin.connect() as connection:
                connection.execute(
                    text(f'CREATE DATABASE "{name}" TEMPLATE "{self.pg_template}"')
                )
            admin.dispose()
            self._fill(_with_database(admin_url, name), households, seed, as_of)
            self.written[key] = name
        return self.written[key]

    def drop_postgresql(self) -> None:
        from sqlalchemy import create_engine, text

        names = [name for (kind, *_), name in self.written.items() if kind == "postgresql"]
        if not names:
            return
        admin = create_engine(os.environ[PG_ENV], isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            for name in names:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def demo_registers(
    tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path, pg_template: str | None
) -> Iterator[DemoRegisters]:
    registers = DemoRegisters(tmp_path_factory.mktemp("demo"), sqlite_template, pg_template)
    yield registers
    registers.drop_postgresql()


@pytest.fixture
def demo_register(
    backend: str, tmp_path: Path, demo_registers: DemoRegisters
) -> Iterator[Callable[[int, int, date], Database]]:
    """``demo_register(households, seed, as_of)``: a fresh copy of that demo register (with
    two years of history) on the test's backend, as ``create_demo_data`` writes it."""
    from sqlalchemy import create_engine, text

    from kpass.models.engine import open_database

    opened: list[Database] = []
    clones: list[str] = []

    def make(households: int, seed: int, as_of: date) -> Database:
        if backend == "sqlite":
            url = demo_registers.sqlite_copy(
                households, seed, as_of, tmp_path / f"demo-{len(opened)}.sqlite"
            )
        else:
            if demo_registers.pg_template is None:
                pytest.skip("PostgreSQL not available (run ./test.sh)")
            template = demo_registers.postgresql_template(households, seed, as_of)
            admin = create_engine(os.environ[PG_ENV], isolation_level="AUTOCOMMIT")
            name = f"kpass_t_{uuid.uuid4().hex[:10]}"
            with admin.connect() as connection:
                connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
            admin.dispose()
            clones.append(name)
            url = _with_database(os.environ[PG_ENV], name)
        database = open_database(url)
        log_in_test_admin(database)
        opened.append(database)
        return database

    yield make
    for database in opened:
        database.dispose()
    if clones:
        admin = create_engine(os.environ[PG_ENV], isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            for name in clones:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def empty_database_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """URL of a database with no schema at all (for migration tests)."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.sqlite'}"
        return
    admin_url = _pg_admin_url()
    if admin_url is None:
        pytest.skip("PostgreSQL not available (run ./test.sh)")
    from sqlalchemy import create_engine, text

    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"kpass_e_{uuid.uuid4().hex[:10]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield _with_database(admin_url, name)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()
