"""Call a service from a widget: a refusal becomes a message where the caseworker looks.

Services raise :class:`kpass.errors.KpassError` subclasses with a German and an English text;
every widget used to catch them by hand. ``run_service`` does it once: the widget says where
the message goes and gets back an :class:`Outcome` that is false when the call was refused.
Errors that are not ``KpassError`` are programming errors and pass through.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from kpass.errors import KpassError
from kpass.ui.translation import user_message

T = TypeVar("T")


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What a service call gave: ``value`` when ``ok``; ``error`` when refused."""

    ok: bool
    value: T | None = None
    error: KpassError | None = None

    def __bool__(self) -> bool:
        return self.ok

    def result(self) -> T:
        """The value of a call that succeeded (a call returning ``None`` gives ``None``)."""
        if not self.ok:
            raise RuntimeError("the service call was refused")
        return self.value  # type: ignore[return-value]


def run_service(call: Callable[[], T], report: Callable[[str], object], *,
                at_field: Callable[[str, str], object] | None = None) -> Outcome[T]:
    """Run ``call``; a ``KpassError`` is reported with its text in the interface's language
    and gives a false outcome — an ``InvalidField`` at its field when ``at_field`` (field
    path, message) is given, as the form's inline errors take it. Nothing else is caught."""
    try:
        value = call()
    except KpassError as exc:
        # the household services are loaded with the first refusal, not with every window
        from kpass.services.household import InvalidField

        if isinstance(exc, InvalidField) and at_field is not None:
            at_field(exc.field, user_message(exc))
        else:
            report(user_message(exc))
        return Outcome(False, error=exc)
    return Outcome(True, value)
