"""Register-wide counters and values in ``register_setting``, read and changed under a row
lock so that two seats never hand out the same number."""

from __future__ import annotations

from sqlalchemy import select, text

from kpass.models import RegisterSetting
from kpass.services.uow import UnitOfWork


def locked_setting(uow: UnitOfWork, key: str) -> RegisterSetting | None:
    """The row of ``key``, locked until the unit of work ends; None when there is none yet.

    On PostgreSQL a missing row cannot be locked, so the table is locked against other
    writers of settings until the end of the transaction; the next look then sees a row
    another seat added meanwhile. SQLite has one writer at a time anyway.
    """
    statement = select(RegisterSetting).where(RegisterSetting.key == key).with_for_update()
    row = uow.session.scalar(statement)
    connection = uow.session.connection()
    if row is None and connection.dialect.name == "postgresql":
        connection.execute(text("LOCK TABLE register_setting IN SHARE ROW EXCLUSIVE MODE"))
        row = uow.session.scalar(statement.execution_options(populate_existing=True))
    return row


def set_setting(uow: UnitOfWork, key: str, value: str) -> None:
    """Store ``value`` under ``key`` (the row locked before with :func:`locked_setting`)."""
    row = uow.session.get(RegisterSetting, key)
    if row is None:
        uow.session.add(RegisterSetting(key=key, value=value))
    else:
        row.value = value
    uow.session.flush()


def read_setting(uow: UnitOfWork, key: str) -> str | None:
    row = uow.session.get(RegisterSetting, key)
    return None if row is None else row.value


def next_number(uow: UnitOfWork, key: str) -> int:
    """The counter ``key`` plus one (1 the first time), stored; locked until the unit of
    work ends, so a concurrent caller waits and gets the number after."""
    row = locked_setting(uow, key)
    number = 1 if row is None else int(row.value) + 1
    set_setting(uow, key, str(number))
    return number
