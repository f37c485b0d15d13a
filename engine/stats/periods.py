"""The period statistics cover: a quarter ('2026Q3'), a month ('2026-07') or a range of days.

An interview belongs to a period by the day it was held (its start, in UTC). Every
period is a range of whole days, both ends included.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from engine.errors import UsageError
from engine.stats.row import quarter_of

_QUARTER = re.compile(r"(\d{4})-?Q([1-4])", re.IGNORECASE)
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Period:
    """A range of days with the name it is shown by."""

    label: str
    first: datetime.date
    last: datetime.date

    def quarters(self) -> list[Period]:
        """The calendar quarters this period touches, each cut to the period's days."""
        found = []
        start = self.first
        while start <= self.last:
            quarter = quarter_period(quarter_of(start))
            found.append(Period(quarter.label, start, min(quarter.last, self.last)))
            start = quarter.last + datetime.timedelta(days=1)
        return found

    def describe(self) -> str:
        """'2026Q3 (2026-07-01 to 2026-09-30)'."""
        return f"{self.label} ({self.first.isoformat()} to {self.last.isoformat()})"


def quarter_period(text: str) -> Period:
    """The quarter written '2026Q3' (or '2026-Q3').

    Raises:
        UsageError: the text is no quarter.
    """
    match = _QUARTER.fullmatch(text.strip())
    if match is None:
        raise UsageError(f"--period {text}: write a quarter as 2026Q3 or a month as 2026-07")
    year, quarter = int(match.group(1)), int(match.group(2))
    first = datetime.date(year, 3 * quarter - 2, 1)
    return Period(f"{year}Q{quarter}", first, _month_end(year, 3 * quarter))


def chosen_period(period: str | None = None, start: str | None = None, end: str | None = None,
                  *, today: datetime.date | None = None) -> Period:
    """The period a command asks for: ``period``, or ``start`` to ``end``, else this quarter.

    Raises:
        UsageError: both forms given, one end of a range missing, a malformed quarter,
            month or day, or a range whose first day comes after its last.
    """
    if period is not None and (start is not None or end is not None):
        raise UsageError("give either --period or --from and --to, not both")
    if start is not None or end is not None:
        if start is None or end is None:
            raise UsageError("a range of days needs both --from and --to (YYYY-MM-DD)")
        first, last = _day(start, "--from"), _day(end, "--to")
        if first > last:
            raise UsageError(f"--from {start} comes after --to {end}: give the earlier day "
                             "first")
        return Period(f"{first.isoformat()}..{last.isoformat()}", first, last)
    if period is None:
        return quarter_period(quarter_of(today or datetime.datetime.now(datetime.UTC).date()))
    month = _MONTH.fullmatch(period.strip())
    if month is not None:
        year, number = int(month.group(1)), int(month.group(2))
        if not 1 <= number <= 12:
            raise UsageError(f"--period {period}: there is no month {number}; write a month "
                             "as 2026-07")
        return Period(f"{year}-{number:02d}", datetime.date(year, number, 1),
                      _month_end(year, number))
    return quarter_period(period)


def parse_day(text: str, option: str) -> datetime.date:
    """A day written YYYY-MM-DD, for the option named.

    Raises:
        UsageError: the text is no such day.
    """
    return _day(text, option)


def _day(text: str, option: str) -> datetime.date:
    if _DAY.fullmatch(text.strip()):
        try:
            return datetime.date.fromisoformat(text.strip())
        except ValueError:
            pass
    raise UsageError(f"{option} {text}: not a day; write it as YYYY-MM-DD (e.g. 2026-07-01)")


def _month_end(year: int, month: int) -> datetime.date:
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return following - datetime.timedelta(days=1)
