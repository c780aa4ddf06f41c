"""The command line of the Sozialregion: ``kpass db upgrade`` sets the row-level security on
PostgreSQL (and says so), ``kpass user add --issuer`` binds a user to an issuer's seats."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import text

from kpass.cli import main
from kpass.models import AppUser
from kpass.models.engine import Database
from kpass.services.uow import UnitOfWork


def test_upgrade_sets_row_security_on_postgresql_only(
    database: Database, database_url: str, backend: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database", database_url, "db", "upgrade"]) == 0
    out = capsys.readouterr().out
    if backend == "sqlite":
        assert "Row-level security" not in out
        return
    assert "Row-level security per issuer set" in out
    with database.connect() as connection:
        secured = set(connection.execute(text(
            "SELECT c.relname FROM pg_class c WHERE c.relrowsecurity")).scalars())
        policies = set(connection.execute(text(
            "SELECT tablename FROM pg_policies WHERE policyname = 'kpass_issuer'")).scalars())
    assert {"household", "person", "pass", "decision", "stat_record"} <= secured
    assert secured == policies


def test_user_add_binds_a_user_to_an_issuer(
    database: Database, database_url: str, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    base = ["--database", database_url, "user", "add", "--role", "caseworker",
            "--password-stdin"]
    monkeypatch.setattr("sys.stdin", io.StringIO("ein-langes-passwort-42\n"))
    assert main([*base, "--name", "et.mueller", "--issuer", "et"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("ein-langes-passwort-42\n"))
    assert main([*base, "--name", "xx.mueller", "--issuer", "xx"]) != 0
    assert "kein Kürzel einer ausgebenden Gemeinde" in capsys.readouterr().err
    with UnitOfWork(database, write=False) as uow:
        users = {u.username: u.issuer for u in uow.session.query(AppUser)}
    assert users["et.mueller"] == "et" and "xx.mueller" not in users
