"""Shared fixtures: a fresh, migrated database per test on SQLite and on PostgreSQL."""

from __future__ import annotations

import os

# Qt must know before it loads that there is no screen (else: abort, exit 134).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from kpass.models.engine import Database

# Database modules are imported inside the fixtures, so the pure rule tests run even
# in an environment without SQLAlchemy.

PG_ENV = "KPASS_TEST_PG_URL"


def pytest_configure(config: pytest.Config) -> None:
    # Tests never touch a real user's database or name the real user.
    os.environ.pop("KPASS_DATABASE_URL", None)
    os.environ["KPASS_USER"] = "testerin"


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
    yield db
    db.dispose()


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
