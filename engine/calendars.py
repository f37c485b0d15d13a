"""The calendars people give their dates of birth in, converted to the Gregorian one.

Ethiopians count in the Ethiopian calendar, Nepalis in Bikram Sambat, Afghans in the
Solar Hijri calendar. An answer given in one of them is kept as it was given and as its
Gregorian date. The conversions come from maintained libraries, imported only when a
date is converted: convertdate (the Coptic calendar, of which the Ethiopian is the
same calendar 276 years on), nepali-datetime (Bikram Sambat, from the official tables)
and jdatetime (Solar Hijri).

Dates are written ``YYYY-MM-DD`` in the calendar's own numbering, ``YYYY-MM`` or
``YYYY`` when only part is known. A part-known date becomes the Gregorian month or
year in which most of it falls, and stays marked as part-known.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from enum import StrEnum

from engine.errors import UserError
from engine.i18n import N_, _


class Calendar(StrEnum):
    """A calendar a date may be given in."""

    GREGORIAN = "gregorian"
    ETHIOPIAN = "ethiopian"
    """Ethiopian (Ge'ez) calendar, year counted from the Incarnation (E.C.)."""
    BIKRAM_SAMBAT = "bikram_sambat"
    """Nepal's official calendar (B.S.)."""
    SOLAR_HIJRI = "solar_hijri"
    """The Solar Hijri calendar of Afghanistan and Iran (S.H.)."""


NAMES = {
    Calendar.GREGORIAN: N_("Gregorian calendar"),
    Calendar.ETHIOPIAN: N_("Ethiopian calendar"),
    Calendar.BIKRAM_SAMBAT: N_("Bikram Sambat calendar"),
    Calendar.SOLAR_HIJRI: N_("Solar Hijri calendar"),
}
"""Each calendar's name, marked for the catalogs."""

_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
_ETHIOPIAN_OFFSET = 276
"""Ethiopian year = Coptic (Anno Martyrum) year + 276; months and days are the same."""
_MIDDLE = 15
"""A date known to the month is taken at its middle to find the Gregorian month."""
_MOST_OF_YEAR = {
    # The Gregorian year in which most of a year of the calendar falls, from its number.
    Calendar.ETHIOPIAN: 8,       # 1 Meskerem is in September: January-September is E.C. + 8
    Calendar.BIKRAM_SAMBAT: -57,  # 1 Baisakh is in mid-April: April-December is B.S. - 57
    Calendar.SOLAR_HIJRI: 621,   # 1 Farvardin is on 20/21 March: March-December is S.H. + 621
}


class CalendarError(UserError):
    """A date that does not exist in its calendar, or a calendar natid does not know."""

    code = "NATID-E051"


def to_gregorian(calendar: str, written: str) -> str:
    """The Gregorian date of ``written`` (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``).

    A part-known date gives the Gregorian ``YYYY-MM`` or ``YYYY`` in which most of it falls.

    Raises:
        CalendarError: an unknown calendar, a malformed date, or a date the calendar does
            not have (the 6th of Pagume in a common Ethiopian year, the 32nd of a Nepali
            month that has 31 days...).
    """
    kind = _calendar(calendar)
    match = _DATE.fullmatch(written.strip()) if isinstance(written, str) else None
    if match is None:
        raise CalendarError(_("'{date}' is not a date: write it YYYY-MM-DD as the {calendar} "
                              "numbers it, or YYYY-MM or YYYY when only part is known").format(
            date=written, calendar=_(NAMES[kind])))
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None  # noqa: S101 - the pattern requires it
    if kind is Calendar.GREGORIAN:
        return _gregorian_checked(written.strip(), year, month, day)
    if month is None:
        return f"{year + _MOST_OF_YEAR[kind]:04d}"
    converted = _convert(kind, year, month, day or _MIDDLE, written)
    return converted.isoformat() if day is not None else converted.isoformat()[:7]


def from_gregorian(calendar: str, date: datetime.date) -> str:
    """``date`` as ``calendar`` numbers it (``YYYY-MM-DD``), e.g. to show both side by side."""
    kind = _calendar(calendar)
    if kind is Calendar.GREGORIAN:
        return date.isoformat()
    if kind is Calendar.ETHIOPIAN:
        from convertdate import coptic

        year, month, day = coptic.from_gregorian(date.year, date.month, date.day)
        return f"{year + _ETHIOPIAN_OFFSET:04d}-{month:02d}-{day:02d}"
    if kind is Calendar.BIKRAM_SAMBAT:
        import nepali_datetime

        bs = nepali_datetime.date.from_datetime_date(date)
        return f"{bs.year:04d}-{bs.month:02d}-{bs.day:02d}"
    import jdatetime

    sh = jdatetime.date.fromgregorian(date=date)
    return f"{sh.year:04d}-{sh.month:02d}-{sh.day:02d}"


def _calendar(calendar: str) -> Calendar:
    try:
        return Calendar(calendar)
    except ValueError:
        known = ", ".join(item.value for item in Calendar)
        raise CalendarError(_("'{calendar}' is not a calendar natid knows: {known}").format(
            calendar=calendar, known=known)) from None


def _gregorian_checked(written: str, year: int, month: int | None, day: int | None) -> str:
    try:
        datetime.date(year, month or 1, day or 1)
    except ValueError:
        raise CalendarError(_("'{date}' is not a date of the Gregorian calendar").format(
            date=written)) from None
    return written


def _convert(kind: Calendar, year: int, month: int, day: int, written: str) -> datetime.date:
    """The Gregorian date of a full date of ``kind``; a date the calendar lacks is refused."""
    converters: dict[Calendar, Callable[[int, int, int], datetime.date]] = {
        Calendar.ETHIOPIAN: _from_ethiopian, Calendar.BIKRAM_SAMBAT: _from_bikram_sambat,
        Calendar.SOLAR_HIJRI: _from_solar_hijri,
    }
    try:
        gregorian = converters[kind](year, month, day)
        exists = from_gregorian(kind, gregorian) == f"{year:04d}-{month:02d}-{day:02d}"
    except (ValueError, OverflowError, KeyError, IndexError):
        exists = False
    if not exists:
        raise CalendarError(_("'{date}' does not exist in the {calendar}: check the month and "
                              "the day with the person").format(
            date=written, calendar=_(NAMES[kind])))
    return gregorian


def _from_ethiopian(year: int, month: int, day: int) -> datetime.date:
    from convertdate import coptic

    if not (1 <= month <= 13 and 1 <= day <= 30):
        raise ValueError(month, day)
    return datetime.date(*coptic.to_gregorian(year - _ETHIOPIAN_OFFSET, month, day))


def _from_bikram_sambat(year: int, month: int, day: int) -> datetime.date:
    import nepali_datetime

    converted: datetime.date = nepali_datetime.date(year, month, day).to_datetime_date()
    return converted


def _from_solar_hijri(year: int, month: int, day: int) -> datetime.date:
    import jdatetime

    converted: datetime.date = jdatetime.date(year, month, day).togregorian()
    return converted
