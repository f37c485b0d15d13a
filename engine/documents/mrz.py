"""The machine-readable zone (MRZ) of a passport or ID card, read and checked (ICAO Doc 9303).

The officer types or pastes the zone from a copy of the document. :func:`read_mrz`
reads the three layouts natid meets on identity documents:

- **TD3**, 2 lines of 44 characters: passports (document code ``P``);
- **TD2**, 2 lines of 36: ID cards and official travel documents (``I``, ``A``, ``C``);
- **TD1**, 3 lines of 30: ID cards (``I``, ``A``, ``C``).

A zone of the wrong shape, with a character other than ``A``-``Z``, ``0``-``9`` and
``<``, or of another kind of document (a visa) is refused with :class:`MrzError`. A
zone of the right shape is always read: a check digit that does not match is *reported*
(:attr:`Mrz.checks`, :attr:`Mrz.problems`, :attr:`Mrz.valid` is False), never accepted
silently and never raised, because a typing error and an altered document both look
like that and the officer must see which field it is.

Dates are written YYMMDD. **Date of birth:** 20YY, unless that day is later than
``today``, then 19YY (nobody is born in the future). **Date of expiry:** 20YY, unless
that year is more than :data:`EXPIRY_YEARS_AHEAD` years after ``today``'s year, then 19YY
(no document is valid that long, so ``981231`` is an expired document of 1998). An
unknown month or day (``<<`` or ``00``) gives a shorter ISO date (``1974-08``,
``1974``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Literal, NamedTuple

from engine.documents.icao_codes import alpha2, is_known, normalise
from engine.errors import UserError
from engine.i18n import N_, _

__all__ = [
    "ALLOWED", "EXPIRY_YEARS_AHEAD", "FIELD_LABELS", "FILLER", "SHAPES", "Check", "Format",
    "Mrz", "MrzError", "alpha2", "check_digit", "read_mrz",
]

Format = Literal["TD1", "TD2", "TD3"]

FILLER = "<"
ALLOWED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")
"""The only characters of a machine-readable zone."""

WEIGHTS = (7, 3, 1)
EXPIRY_YEARS_AHEAD = 20
"""An expiry year 20YY further ahead of today than this is read as 19YY."""

SHAPES: dict[Format, tuple[int, int]] = {"TD3": (2, 44), "TD2": (2, 36), "TD1": (3, 30)}
"""Lines and characters per line of each layout."""

_DOCUMENT_LETTERS: dict[Format, str] = {"TD3": "P", "TD2": "IAC", "TD1": "IAC"}
_KIND: dict[Format, str] = {
    "TD3": "a passport's zone (TD3)",
    "TD2": "a 2-line ID card's zone (TD2)",
    "TD1": "an ID card's zone (TD1)",
}
_FILLER_LOOKALIKES = frozenset("\u00ab\u2039\uff1c\u226a\u3008\u27e8")
"""Characters a copy or a text recogniser gives for the filler '<'."""
_SHAPES_SAID = "a passport has 2 lines of 44 characters, an ID card 3 lines of 30 or 2 of 36"

FIELD_LABELS = {
    "document_number": N_("the document number"),
    "birth_date": N_("the date of birth"),
    "expiry_date": N_("the date of expiry"),
    "optional_data": N_("the optional data (personal number)"),
    "composite": N_("the zone as a whole (composite)"),
}
"""How a checked field is named to the officer."""


class MrzError(UserError):
    """A zone that cannot be read at all: wrong shape, a character not allowed, a visa.

    ``line`` and ``column`` (1-based, 0 when not about one place) say where.
    """

    def __init__(self, message: str, *, code: str, line: int = 0, column: int = 0) -> None:
        super().__init__(message, code=code)
        self.line = line
        self.column = column


class Check(NamedTuple):
    """One check digit: the field it covers, the digit computed, the one on the line."""

    field: str
    expected: str
    found: str
    ok: bool

    def describe(self) -> str:
        """One sentence for the officer; a failed check names its field."""
        label = _(FIELD_LABELS[self.field]) if self.field in FIELD_LABELS else self.field
        if self.ok:
            return _("the check digit of {field} matches ({digit})").format(
                field=label, digit=self.found)
        found = self.found if self.found.isdigit() else f"'{self.found}'"
        return _("the check digit of {field} is {expected}, the line gives {found}: a typing "
                 "error or an altered document").format(field=label, expected=self.expected,
                                                        found=found)


@dataclass(frozen=True)
class Mrz:
    """What a machine-readable zone says, and whether its check digits hold.

    Codes are as written on the zone without their '<' filler (``'D'`` for Germany);
    :attr:`nationality_alpha2` gives the ISO form. Dates are ISO 8601, shorter when the
    zone leaves the day or month unknown, None when the zone leaves them blank or they
    are not dates.
    """

    format: Format
    document_code: str
    issuing_state: str
    surname: str
    given_names: str
    document_number: str
    nationality: str
    birth_date: str | None
    sex: str | None
    """'M', 'F' or 'X' (the zone's '<'); None when the zone holds something else."""

    expiry_date: str | None
    optional_data: str
    optional_data_2: str
    """TD1 only: the optional data of line 2 ('' in the other layouts)."""

    checks: tuple[Check, ...]
    field_problems: tuple[str, ...]
    """Fields that cannot be read: a date that is not a date, an unknown sex."""

    notes: tuple[str, ...]
    """Worth a look, without making the zone invalid: an unknown state code."""

    name_truncated: bool
    """The name fills its field to the last character, so it may have been cut short."""

    lines: tuple[str, ...]

    @property
    def failed_checks(self) -> tuple[Check, ...]:
        """The check digits that do not match."""
        return tuple(check for check in self.checks if not check.ok)

    @property
    def problems(self) -> tuple[str, ...]:
        """Every reason the zone is not valid, one sentence each, failed checks first."""
        return tuple(check.describe() for check in self.failed_checks) + self.field_problems

    @property
    def valid(self) -> bool:
        """Every check digit matches and every field can be read."""
        return not self.problems

    @property
    def nationality_alpha2(self) -> str | None:
        """The holder's nationality as ISO 3166-1 alpha-2, None if it names no country."""
        return alpha2(self.nationality)

    @property
    def issuing_state_alpha2(self) -> str | None:
        """The issuing state as ISO 3166-1 alpha-2, None if it names no country."""
        return alpha2(self.issuing_state)

    @property
    def text(self) -> str:
        """The zone as read, one line per line."""
        return "\n".join(self.lines)

    def __str__(self) -> str:
        what = f"{self.format} {self.document_code} {self.issuing_state} {self.document_number}"
        if self.valid:
            return f"{what}: all {len(self.checks)} check digits match"
        return f"{what}: " + "; ".join(self.problems)


# The check digit ---------------------------------------------------------------------


def _value(character: str) -> int:
    if character == FILLER:
        return 0
    if "0" <= character <= "9":
        return ord(character) - ord("0")
    if "A" <= character <= "Z":
        return ord(character) - ord("A") + 10
    raise ValueError(f"{character!r} cannot appear in a machine-readable zone")


def check_digit(text: str) -> str:
    """The ICAO 9303 check digit of ``text``: weights 7, 3, 1; '<' = 0, A = 10 ... Z = 35."""
    total = sum(_value(character) * WEIGHTS[index % 3] for index, character in enumerate(text))
    return str(total % 10)


def _check(field: str, text: str, found: str, *, blank_may_be_filler: bool = False) -> Check:
    expected = check_digit(text)
    ok = found == expected or (blank_may_be_filler and found == FILLER and not text.strip(FILLER))
    return Check(field, expected, found, ok)


# The shape of the zone ---------------------------------------------------------------


def _lines(text: str) -> list[str]:
    """The zone's lines: newline kinds unified, trailing spaces and blank lines around dropped."""
    lines = [line.rstrip(" \t") for line in text.replace("\r\n", "\n").replace("\r", "\n")
             .split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _character_problem(character: str) -> str:
    if character.islower():
        return f"'{character}' is a lower-case letter (type it as a capital)"
    if character == " ":
        return "a space (a filler is typed '<')"
    if character == "\t":
        return "a tab (a filler is typed '<')"
    shown = character if character.isprintable() else ""
    hint = " (a filler is typed '<')" if character in _FILLER_LOOKALIKES else ""
    return f"'{shown}' (U+{ord(character):04X}) is not allowed{hint}"


def _check_characters(lines: list[str]) -> None:
    for number, line in enumerate(lines, start=1):
        for column, character in enumerate(line, start=1):
            if character not in ALLOWED:
                raise MrzError(
                    f"MRZ line {number}, column {column}: {_character_problem(character)}; "
                    "a machine-readable zone holds only capital letters A-Z, digits 0-9 and '<'",
                    code="NATID-E044", line=number, column=column)


def _format_of(lines: list[str]) -> Format:
    """The layout the lines are meant to be, or MrzError saying what is wrong with them."""
    count = len(lines)
    if count == 0:
        raise MrzError(f"the MRZ is empty; {_SHAPES_SAID}", code="NATID-E043")
    if count == 1:
        raise MrzError(f"the MRZ has 1 line, line 2 is missing; {_SHAPES_SAID}",
                       code="NATID-E043", line=2)
    if count > 3:
        raise MrzError(f"the MRZ has {count} lines, from line 4 on more than any document "
                       f"has; {_SHAPES_SAID}", code="NATID-E043", line=4)
    if count == 3:
        return "TD1"
    lengths = {44: "TD3", 36: "TD2"}
    for length in (len(lines[0]), len(lines[1])):
        if length in lengths:
            return "TD3" if length == 44 else "TD2"
    if len(lines[0]) == len(lines[1]) == 30:
        raise MrzError("the MRZ has 2 lines of 30 characters: an ID card's zone (TD1) has 3; "
                       "type line 3 too", code="NATID-E043")
    raise MrzError(f"MRZ line 1 has {len(lines[0])} characters and line 2 has {len(lines[1])}; "
                   f"{_SHAPES_SAID}", code="NATID-E043", line=1)


def _check_lengths(lines: list[str], layout: Format) -> None:
    expected = SHAPES[layout][1]
    for number, line in enumerate(lines, start=1):
        if len(line) != expected:
            has = "is empty" if not line else f"has {len(line)} characters"
            raise MrzError(f"MRZ line {number} {has}; the lines of {_KIND[layout]} have "
                           f"{expected}", code="NATID-E043", line=number)


def _check_document_code(lines: list[str], layout: Format) -> None:
    letter = lines[0][0]
    if letter in _DOCUMENT_LETTERS[layout]:
        return
    if letter == "V":
        raise MrzError("MRZ line 1, column 1: 'V' marks a visa, which natid does not read; "
                       "type the zone of the passport (P) or ID card (I, A, C)",
                       code="NATID-E045", line=1, column=1)
    wanted = "P (passport)" if layout == "TD3" else "I, A or C (ID card, travel document)"
    raise MrzError(f"MRZ line 1, column 1: '{letter}' is not a document code of "
                   f"{_KIND[layout]}, which starts with {wanted}",
                   code="NATID-E045", line=1, column=1)


# The fields --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Raw:
    """The fields of one zone as written, before they are read."""

    document_code: str
    issuing_state: str
    name: str
    number: str
    number_check: str
    nationality: str
    birth: str
    birth_check: str
    sex: str
    expiry: str
    expiry_check: str
    optional: str
    optional_check: str | None
    optional_2: str
    composite: str
    composite_check: str


def _td3(lines: list[str]) -> _Raw:
    one, two = lines
    return _Raw(one[0:2], one[2:5], one[5:44], two[0:9], two[9], two[10:13], two[13:19],
                two[19], two[20], two[21:27], two[27], two[28:42], two[42], "",
                two[0:10] + two[13:20] + two[21:43], two[43])


def _td2(lines: list[str]) -> _Raw:
    one, two = lines
    return _Raw(one[0:2], one[2:5], one[5:36], two[0:9], two[9], two[10:13], two[13:19],
                two[19], two[20], two[21:27], two[27], two[28:35], None, "",
                two[0:10] + two[13:20] + two[21:35], two[35])


def _td1(lines: list[str]) -> _Raw:
    one, two, three = lines
    return _Raw(one[0:2], one[2:5], three, one[5:14], one[14], two[15:18], two[0:6], two[6],
                two[7], two[8:14], two[14], one[15:30], None, two[18:29],
                one[5:30] + two[0:7] + two[8:15] + two[18:29], two[29])


_READERS = {"TD3": _td3, "TD2": _td2, "TD1": _td1}


def _long_number(raw: _Raw) -> tuple[str, str, str]:
    """Number, its check digit and optional data, for TD1/TD2 numbers over 9 characters.

    Such a number has '<' in place of its check digit; its last characters and the check
    digit then open the optional data, followed by a filler.
    """
    if raw.optional_check is not None or raw.number_check != FILLER:
        return raw.number, raw.number_check, raw.optional
    end = raw.optional.find(FILLER)
    end = len(raw.optional) if end < 0 else end
    if end < 2:
        return raw.number, raw.number_check, raw.optional
    return (raw.number + raw.optional[:end - 1], raw.optional[end - 1],
            raw.optional[end + 1:])


def _words(text: str) -> str:
    return " ".join(part for part in text.split(FILLER) if part)


def _names(field: str) -> tuple[str, str]:
    surname, _, given = field.rstrip(FILLER).partition(FILLER * 2)
    return _words(surname), _words(given)


def _unknown(part: str) -> bool:
    return part in (FILLER * 2, "00")


def _date(raw: str, label: str, century: int) -> tuple[str | None, str | None]:
    """(ISO date or None, problem or None) of a YYMMDD field; ``century`` is 19 or 20."""
    if raw == FILLER * 6:
        return None, None
    year_part, month_part, day_part = raw[0:2], raw[2:4], raw[4:6]
    shown = f"{label} '{raw}' is not a date"
    if not year_part.isdigit():
        return None, shown
    year = century * 100 + int(year_part)
    if _unknown(month_part):
        return (f"{year:04d}", None) if _unknown(day_part) else (None, shown)
    if not month_part.isdigit() or not 1 <= int(month_part) <= 12:
        return None, shown
    if _unknown(day_part):
        return f"{year:04d}-{month_part}", None
    if not day_part.isdigit():
        return None, shown
    try:
        return datetime.date(year, int(month_part), int(day_part)).isoformat(), None
    except ValueError:
        return None, shown


def _earliest(raw: str, century: int) -> datetime.date | None:
    """The first day a YYMMDD field can mean in ``century``, for choosing the century."""
    if not raw[0:2].isdigit():
        return None
    year = century * 100 + int(raw[0:2])
    month = int(raw[2:4]) if raw[2:4].isdigit() and 1 <= int(raw[2:4]) <= 12 else 1
    day = max(int(raw[4:6]), 1) if raw[4:6].isdigit() else 1
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return datetime.date(year, month, 1)


def _birth_date(raw: str, today: datetime.date) -> tuple[str | None, str | None]:
    earliest = _earliest(raw, 20)
    century = 19 if earliest is not None and earliest > today else 20
    return _date(raw, "the date of birth", century)


def _expiry_date(raw: str, today: datetime.date) -> tuple[str | None, str | None]:
    century = 20
    if raw[0:2].isdigit() and 2000 + int(raw[0:2]) > today.year + EXPIRY_YEARS_AHEAD:
        century = 19
    return _date(raw, "the date of expiry", century)


def _sex(raw: str) -> tuple[str | None, str | None]:
    if raw in ("M", "F"):
        return raw, None
    if raw in (FILLER, "X"):
        return "X", None
    return None, f"the sex is '{raw}', neither M, F nor '<'"


def _code_notes(raw: _Raw) -> tuple[str, ...]:
    notes = []
    for label, code in (("issuing state", raw.issuing_state), ("nationality", raw.nationality)):
        if not is_known(code):
            notes.append(f"the {label} '{code}' is not a country code an MRZ uses")
    return tuple(notes)


def _checks(raw: _Raw, number: str, number_check: str) -> tuple[Check, ...]:
    checks = [
        _check("document_number", number, number_check),
        _check("birth_date", raw.birth, raw.birth_check),
        _check("expiry_date", raw.expiry, raw.expiry_check),
    ]
    if raw.optional_check is not None:
        checks.append(_check("optional_data", raw.optional, raw.optional_check,
                             blank_may_be_filler=True))
    checks.append(_check("composite", raw.composite, raw.composite_check))
    return tuple(checks)


def _build(layout: Format, lines: list[str], today: datetime.date) -> Mrz:
    raw = _READERS[layout](lines)
    number, number_check, optional = _long_number(raw)
    surname, given_names = _names(raw.name)
    birth_date, birth_problem = _birth_date(raw.birth, today)
    expiry_date, expiry_problem = _expiry_date(raw.expiry, today)
    sex, sex_problem = _sex(raw.sex)
    problems = tuple(p for p in (birth_problem, expiry_problem, sex_problem) if p)
    return Mrz(
        format=layout, document_code=raw.document_code.rstrip(FILLER),
        issuing_state=normalise(raw.issuing_state), surname=surname, given_names=given_names,
        document_number=number.rstrip(FILLER), nationality=normalise(raw.nationality),
        birth_date=birth_date, sex=sex, expiry_date=expiry_date,
        optional_data=optional.rstrip(FILLER), optional_data_2=raw.optional_2.rstrip(FILLER),
        checks=_checks(raw, number, number_check), field_problems=problems,
        notes=_code_notes(raw), name_truncated=not raw.name.endswith(FILLER),
        lines=tuple(lines))


def read_mrz(text: str, *, today: datetime.date | None = None) -> Mrz:
    """Read a typed or pasted machine-readable zone and verify its check digits.

    Args:
        text: the zone's lines, separated by newlines (Windows line ends too); blank lines
            around it and spaces at the end of a line are ignored.
        today: the day dates are judged from (the century of a date of birth).

    Raises:
        MrzError: the zone has the wrong number of lines or a line of the wrong length
            (NATID-E043), a character that is not A-Z, 0-9 or '<' (NATID-E044), or is of
            a kind of document natid does not read (NATID-E045). A check digit that
            does not match is not an error: see :attr:`Mrz.valid`.
    """
    lines = _lines(text)
    _check_characters(lines)
    layout = _format_of(lines)
    _check_lengths(lines, layout)
    _check_document_code(lines, layout)
    return _build(layout, lines, today or datetime.date.today())
