"""When a decision letter counts as notified, and when the objection period ends.

Pure date arithmetic, no database:

- **Bekanntgabe** (§ 41 Abs. 2 Satz 1 LVwVfG BW): a letter sent by post counts as notified
  on the ``notification_days``-th day after it was posted (the parameter file's value in
  force on the day of posting: 3, and 4 for letters posted from 07.02.2025 on).
  The day itself is not moved off a weekend: the statute names a day, not a period.
- **Widerspruchsfrist** (§ 70 Abs. 1 VwGO: one month from the Bekanntgabe), counted by
  § 57 VwGO with § 222 ZPO and §§ 187, 188 BGB (the same as § 31 LVwVfG): the period ends
  on the day of the next month with the Bekanntgabe's number, or that month's last day when
  it has no such day (31 January → 28/29 February, 31 March → 30 April); an end on a
  Saturday, Sunday or public holiday moves to the next working day (§ 222 Abs. 2 ZPO,
  § 31 Abs. 3 LVwVfG).
- Public holidays are those of Baden-Württemberg (Feiertagsgesetz BW § 1), the office's seat.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def easter_sunday(year: int) -> date:
    """Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return date(year, month, day + 1)


def public_holidays(year: int) -> frozenset[date]:
    """The public holidays of Baden-Württemberg in ``year``."""
    easter = easter_sunday(year)
    moving = (-2, 1, 39, 50, 60)  # Karfreitag, Ostermontag, Himmelfahrt, Pfingstmontag,
    # Fronleichnam
    fixed = ((1, 1), (1, 6), (5, 1), (10, 3), (11, 1), (12, 25), (12, 26))
    return frozenset(
        [date(year, month, day) for month, day in fixed]
        + [easter + timedelta(days=offset) for offset in moving]
    )


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in public_holidays(day.year)


def next_working_day(day: date) -> date:
    """``day`` itself when it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def months_after(day: date, months: int) -> date:
    """The day a period of ``months`` months starting on ``day`` ends (§ 188 Abs. 2, 3 BGB)."""
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def one_month_after(day: date) -> date:
    return months_after(day, 1)


def bekanntgabe(posted_on: date, notification_days: int) -> date:
    """The day a letter posted on ``posted_on`` counts as notified (§ 41 Abs. 2 LVwVfG)."""
    return posted_on + timedelta(days=notification_days)


def objection_deadline(notified_on: date) -> date:
    """The last day to object to a decision notified on ``notified_on`` (§ 70 VwGO)."""
    return next_working_day(one_month_after(notified_on))


def inaction_day(received_on: date) -> date:
    """From this day an objection not decided may be taken to court (§ 75 Satz 2 VwGO:
    three months after it was lodged)."""
    return months_after(received_on, 3)
