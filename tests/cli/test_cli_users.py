"""Logins and users on the command line: the first admin, the password never on the command
line, each role refused what it may not do, with exit code 3 and a message in both languages."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.cli_process import run_kpass

ADMIN_PASSWORD = "chefin-passwort"
CASEWORKER_PASSWORD = "kollege-passwort"


def kpass(
    url: str, *args: str, stdin: str | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    environment = {
        key: value for key, value in os.environ.items()
        if key not in ("KPASS_USER", "KPASS_PASSWORD")
    }
    environment.update(env, KPASS_DATABASE_URL=url)
    return run_kpass(*args, input=stdin, timeout=120, env=environment)


@pytest.fixture
def register(tmp_path: Path) -> str:
    """A new register with an admin "chefin" and a caseworker "kollege"."""
    url = f"sqlite:///{tmp_path / 'kpass.sqlite'}"
    assert kpass(url, "db", "upgrade").returncode == 0
    refused = kpass(url, "search", "Muster", KPASS_USER="chefin", KPASS_PASSWORD="x" * 12)
    assert refused.returncode == 3
    assert "no users yet" in refused.stderr and "kpass user add" in refused.stderr
    first = kpass(url, "user", "add", "--name", "Chefin", "--role", "admin",
                  "--password-stdin", stdin=ADMIN_PASSWORD + "\n")
    assert first.returncode == 0, first.stderr
    added = kpass(url, "--user", "chefin", "user", "add", "--name", "kollege", "--role",
                  "caseworker", "--password-stdin", stdin=CASEWORKER_PASSWORD + "\n",
                  KPASS_PASSWORD=ADMIN_PASSWORD)
    assert added.returncode == 0, added.stderr
    return url


def test_the_first_admin_only_once(register: str) -> None:
    again = kpass(register, "user", "add", "--name", "zweite", "--role", "admin",
                  "--password-stdin", stdin="zweites-passwort\n")
    assert again.returncode == 3  # now only a logged-in admin may add users
    assert "Who is working" in again.stderr and "Wer arbeitet" in again.stderr


def test_a_caseworker_is_refused_revoking_and_user_management(register: str) -> None:
    for argv in (
        ["revoke", "--pass", "KA-100001-72", "--reason", "Test"],
        ["user", "list"],
        ["keys", "rotate"],
        ["stats", "--from", "2026-01", "--to", "2026-02", "--format", "csv", "--out", "-"],
    ):
        result = kpass(register, "--user", "kollege", *argv, KPASS_PASSWORD=CASEWORKER_PASSWORD)
        assert result.returncode == 3, (argv, result.stderr)
        assert "may not" in result.stderr and "darf nicht" in result.stderr, argv
        assert "Traceback" not in result.stderr


def test_the_password_comes_from_stdin_after_the_command_name(register: str) -> None:
    listed = kpass(register, "user", "list", "--json", "--user", "chefin", "--password-stdin",
                   stdin=ADMIN_PASSWORD + "\n")
    assert listed.returncode == 0, listed.stderr
    assert '"kollege"' in listed.stdout and '"caseworker"' in listed.stdout


def test_a_name_without_a_password_logs_nobody_in(register: str) -> None:
    result = kpass(register, "search", "Muster", KPASS_USER="chefin")
    assert result.returncode == 3
    assert "No password" in result.stderr and "Kein Passwort" in result.stderr
    wrong = kpass(register, "search", "Muster", KPASS_USER="chefin", KPASS_PASSWORD="falsch")
    assert wrong.returncode == 3 and "wrong" in wrong.stderr


def test_a_disabled_user_is_refused(register: str) -> None:
    disabled = kpass(register, "--user", "chefin", "user", "disable", "--name", "kollege",
                     KPASS_PASSWORD=ADMIN_PASSWORD)
    assert disabled.returncode == 0, disabled.stderr
    result = kpass(register, "--user", "kollege", "search", "Muster",
                   KPASS_PASSWORD=CASEWORKER_PASSWORD)
    assert result.returncode == 3 and "disabled" in result.stderr
    # enabled again: may log in, and the admin learns that signing needs a new password
    enabled = kpass(register, "--user", "chefin", "user", "enable", "--name", "kollege",
                    KPASS_PASSWORD=ADMIN_PASSWORD)
    assert enabled.returncode == 0, enabled.stderr
    assert "kpass user reset-password --name kollege" in enabled.stdout
    assert "braucht kollege ein neues Passwort" in enabled.stdout
    again = kpass(register, "--user", "kollege", "search", "Muster",
                  KPASS_PASSWORD=CASEWORKER_PASSWORD)
    assert again.returncode == 1 and "Keine Person gefunden" in again.stderr  # logged in


def test_the_owner_commands_need_no_login(register: str) -> None:
    assert kpass(register, "db", "status").returncode == 0
    assert kpass(register, "db", "check").returncode == 0
