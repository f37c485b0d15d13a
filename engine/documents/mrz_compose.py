"""Writing a machine-readable zone with its check digits: the inverse of ``read_mrz``.

Used to make specimen zones for tests, examples and training; what it writes reads back
through :func:`engine.documents.mrz.read_mrz` to the same fields. Names longer than
their field are cut, as ICAO Doc 9303 cuts them; every other field must fit.
"""

from __future__ import annotations

from engine.documents.mrz import ALLOWED, FILLER, SHAPES, Format, check_digit
from engine.errors import UsageError


def _field(value: str, length: int, label: str) -> str:
    text = value.upper().replace(" ", FILLER)
    if len(text) > length or not set(text) <= ALLOWED:
        raise UsageError(f"{label} '{value}' does not fit a field of {length} characters "
                         "A-Z, 0-9 and '<'")
    return text.ljust(length, FILLER)


def _name(surname: str, given_names: str, length: int) -> str:
    words = FILLER.join(surname.split())
    if given_names.split():
        words += FILLER * 2 + FILLER.join(given_names.split())
    return _field(words.upper()[:length], length, "the name")


def _yymmdd(iso: str, label: str) -> str:
    """``'1974-08-12'`` -> ``'740812'``; ``'1974-08'`` -> ``'7408<<'``; ``''`` -> blank."""
    if not iso:
        return FILLER * 6
    parts = iso.split("-")
    if len(parts) > 3 or len(parts[0]) != 4 or not all(part.isdigit() for part in parts):
        raise UsageError(f"{label} '{iso}' is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)")
    return (parts[0][2:] + "".join(parts[1:])).ljust(6, FILLER)


def _sex(sex: str) -> str:
    if sex not in ("M", "F", "X", FILLER):
        raise UsageError(f"the sex '{sex}' is neither M, F nor X")
    return FILLER if sex == "X" else sex


def _number(number: str, optional: str, length: int, *, may_extend: bool) -> tuple[str, str]:
    """The 9-character number field with its check digit, and the optional data field.

    In TD1 and TD2 a longer number continues in the optional data (ICAO Doc 9303).
    """
    if len(number) <= 9 or not may_extend:
        field = _field(number, 9, "the document number")
        return field + check_digit(field), _field(optional, length, "the optional data")
    extended = f"{number[9:]}{check_digit(number)}{FILLER}{optional}"
    return (_field(number[:9], 9, "the document number") + FILLER,
            _field(extended, length, "the optional data"))


def compose(layout: Format, *, document_code: str, issuing_state: str, surname: str,
            given_names: str = "", document_number: str, nationality: str,
            birth_date: str, sex: str, expiry_date: str, optional_data: str = "",
            optional_data_2: str = "") -> str:
    """The zone of a document with these fields, check digits computed, one line per line.

    Dates are ISO (``'1974-08-12'``, or ``'1974-08'`` / ``'1974'`` when the day or month is
    unknown, ``''`` when blank); sex is ``'M'``, ``'F'`` or ``'X'``.

    Raises:
        UsageError: a field does not fit its place in the zone.
    """
    width = SHAPES[layout][1]
    head = _field(document_code, 2, "the document code") + _field(issuing_state, 3,
                                                                  "the issuing state")
    birth = _yymmdd(birth_date, "the date of birth")
    expiry = _yymmdd(expiry_date, "the date of expiry")
    nation = _field(nationality, 3, "the nationality")
    birth_part = birth + check_digit(birth)
    expiry_part = _sex(sex) + expiry + check_digit(expiry)
    if layout == "TD1":
        number, optional = _number(document_number, optional_data, 15, may_extend=True)
        optional_2 = _field(optional_data_2, 11, "the optional data of line 2")
        line_two = birth_part + expiry_part + nation + optional_2
        composite = check_digit(number + optional + birth_part + expiry_part[1:] + optional_2)
        return "\n".join((head + number + optional, line_two + composite,
                          _name(surname, given_names, width)))
    optional_length = 14 if layout == "TD3" else 7
    number, optional = _number(document_number, optional_data, optional_length,
                               may_extend=layout == "TD2")
    if layout == "TD3":
        optional += check_digit(optional) if optional.strip(FILLER) else FILLER
    composite = check_digit(number + birth_part + expiry_part[1:] + optional)
    line_two = number + nation + birth_part + expiry_part + optional + composite
    return "\n".join((head + _name(surname, given_names, width - 5), line_two))
