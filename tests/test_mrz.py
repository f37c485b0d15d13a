"""The machine-readable zone: ICAO 9303 specimens, check digits, bad input, round trips."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from engine.documents import Mrz, MrzError, alpha2, check_digit, compose, is_known, read_mrz
from engine.documents.icao_codes import STATELESS_OR_REFUGEE
from engine.documents.iso3166 import ALPHA3_TO_ALPHA2
from engine.documents.mrz import SHAPES, Format
from engine.errors import UsageError, UserError

TODAY = datetime.date(2026, 6, 15)

TD3 = ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
       "L898902C36UTO7408122F1204159ZE184226B<<<<<10")
TD1 = ("I<UTOD231458907<<<<<<<<<<<<<<<\n"
       "7408122F1204159UTO<<<<<<<<<<<6\n"
       "ERIKSSON<<ANNA<MARIA<<<<<<<<<<")
TD2 = ("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\n"
       "D231458907UTO7408122F1204159<<<<<<<6")
SPECIMENS = {"TD3": TD3, "TD1": TD1, "TD2": TD2}


def read(text: str) -> Mrz:
    return read_mrz(text, today=TODAY)


def replaced(text: str, line: int, column: int, character: str) -> str:
    """``text`` with the character at 1-based ``line``/``column`` replaced."""
    lines = text.split("\n")
    row = lines[line - 1]
    lines[line - 1] = row[:column - 1] + character + row[column:]
    return "\n".join(lines)


# The specimens -----------------------------------------------------------------------


@pytest.mark.parametrize("layout", ["TD3", "TD1", "TD2"])
def test_the_icao_specimens_are_valid_and_read_right(layout: str) -> None:
    zone = read(SPECIMENS[layout])
    assert zone.valid, zone.problems
    assert zone.format == layout
    assert zone.issuing_state == zone.nationality == "UTO"
    assert (zone.surname, zone.given_names) == ("ERIKSSON", "ANNA MARIA")
    assert zone.birth_date == "1974-08-12"
    assert zone.expiry_date == "2012-04-15"
    assert zone.sex == "F"
    assert all(check.ok for check in zone.checks)
    assert zone.problems == () and zone.notes == ()
    assert str(zone).endswith(f"all {len(zone.checks)} check digits match")
    assert zone.text == SPECIMENS[layout]


def test_the_passport_specimen_fields() -> None:
    zone = read(TD3)
    assert (zone.document_code, zone.document_number) == ("P", "L898902C3")
    assert zone.optional_data == "ZE184226B"
    assert [check.field for check in zone.checks] == [
        "document_number", "birth_date", "expiry_date", "optional_data", "composite"]
    assert [check.expected for check in zone.checks] == ["6", "2", "9", "1", "0"]


@pytest.mark.parametrize("layout", ["TD1", "TD2"])
def test_the_id_card_specimen_fields(layout: str) -> None:
    zone = read(SPECIMENS[layout])
    assert (zone.document_code, zone.document_number) == ("I", "D23145890")
    assert zone.optional_data == zone.optional_data_2 == ""
    assert [check.field for check in zone.checks] == [
        "document_number", "birth_date", "expiry_date", "composite"]


def test_the_check_digit_algorithm_on_the_specimen_fields() -> None:
    assert check_digit("L898902C3") == "6"
    assert check_digit("740812") == "2"
    assert check_digit("120415") == "9"
    assert check_digit("ZE184226B<<<<<") == "1"
    assert check_digit("D23145890") == "7"
    assert check_digit("<<<<<<") == "0"


# One check digit altered -------------------------------------------------------------

CHECK_PLACES = [  # layout, line, column (1-based), field
    ("TD3", 2, 10, "document_number"), ("TD3", 2, 20, "birth_date"),
    ("TD3", 2, 28, "expiry_date"), ("TD3", 2, 43, "optional_data"), ("TD3", 2, 44, "composite"),
    ("TD2", 2, 10, "document_number"), ("TD2", 2, 20, "birth_date"),
    ("TD2", 2, 28, "expiry_date"), ("TD2", 2, 36, "composite"),
    ("TD1", 1, 15, "document_number"), ("TD1", 2, 7, "birth_date"),
    ("TD1", 2, 15, "expiry_date"), ("TD1", 2, 30, "composite"),
]


@pytest.mark.parametrize(("layout", "line", "column", "field"), CHECK_PLACES)
def test_each_altered_check_digit_is_reported_as_its_field_failing(
        layout: str, line: int, column: int, field: str) -> None:
    specimen = SPECIMENS[layout]
    digit = specimen.split("\n")[line - 1][column - 1]
    altered = str((int(digit) + 5) % 10)
    zone = read(replaced(specimen, line, column, altered))
    assert not zone.valid
    failed = {check.field for check in zone.failed_checks}
    # The composite check covers the other check digits, so it fails with them.
    assert failed == {field, "composite"} if field != "composite" else failed == {"composite"}
    check = next(check for check in zone.checks if check.field == field)
    assert (check.expected, check.found, check.ok) == (digit, altered, False)
    assert check.describe() in str(zone)


def test_a_failed_check_names_the_field_and_what_it_may_mean() -> None:
    zone = read(replaced(TD3, 2, 20, "5"))
    assert zone.problems[0] == ("the check digit of the date of birth is 2, the line gives 5: "
                                "a typing error or an altered document")
    assert "date of birth" in str(zone)


def test_a_changed_field_fails_its_check_digit_without_raising() -> None:
    zone = read(replaced(TD3, 2, 1, "M"))  # L898902C3 -> M898902C3
    assert {check.field for check in zone.failed_checks} == {"document_number", "composite"}
    assert zone.document_number == "M898902C3"


def test_a_letter_in_a_check_digit_place_is_a_failed_check() -> None:
    zone = read(replaced(TD3, 2, 10, "O"))
    check = zone.failed_checks[0]
    assert (check.field, check.found) == ("document_number", "O")
    assert "the line gives 'O'" in check.describe()


def test_an_empty_optional_field_may_have_a_filler_as_its_check_digit() -> None:
    zone = read(compose("TD3", document_code="P", issuing_state="IND", surname="KUMAR",
                        given_names="RAVI", document_number="Z1234567", nationality="IND",
                        birth_date="1990-01-31", sex="M", expiry_date="2030-05-01"))
    assert zone.lines[1][42] == "<"
    assert zone.valid, zone.problems


# Shapes and characters that are refused ----------------------------------------------


def refused(text: str) -> MrzError:
    with pytest.raises(MrzError) as caught:
        read(text)
    error = caught.value
    assert isinstance(error, UserError)
    assert "\n" not in str(error) and "Traceback" not in str(error)
    return error


def test_a_line_of_the_wrong_length_is_named_with_its_length_and_the_expected_one() -> None:
    error = refused(TD3[:-1])
    assert error.code == "NATID-E043" and error.line == 2
    assert "line 2 has 43 characters" in str(error) and "44" in str(error)


def test_a_short_first_line_of_a_passport_is_named() -> None:
    error = refused(TD3.replace("<<<<<<<\n", "<<<<<<\n"))
    assert error.code == "NATID-E043" and error.line == 1
    assert "line 1 has 43 characters" in str(error)


def test_an_id_card_line_of_the_wrong_length() -> None:
    error = refused(TD1.replace("UTO<<<<<<<<<<<6", "UTO<<<<<<<<<<6"))
    assert (error.code, error.line) == ("NATID-E043", 2)
    assert "line 2 has 29 characters" in str(error) and "30" in str(error)


def test_both_lines_of_a_length_no_document_has() -> None:
    error = refused("P<UTO\nL898902C3")
    assert error.code == "NATID-E043"
    assert "line 1 has 5 characters and line 2 has 9" in str(error)


@pytest.mark.parametrize(("text", "line"), [
    (TD3.split("\n", maxsplit=1)[0], 2), ("", 0), ("\n  \n", 0),
    (TD1 + "\n" + TD1.split("\n", maxsplit=1)[0], 4),
])
def test_a_wrong_number_of_lines_is_refused(text: str, line: int) -> None:
    error = refused(text)
    assert (error.code, error.line) == ("NATID-E043", line)
    assert "44" in str(error) and "30" in str(error)


def test_only_two_lines_of_an_id_card_say_the_third_is_missing() -> None:
    error = refused("\n".join(TD1.split("\n")[:2]))
    assert error.code == "NATID-E043" and "line 3" in str(error)


def test_lower_case_letters_are_refused_with_line_and_column() -> None:
    error = refused(TD3.replace("ERIKSSON", "Eriksson"))
    assert (error.code, error.line, error.column) == ("NATID-E044", 1, 7)
    assert "line 1, column 7" in str(error) and "'r' is a lower-case letter" in str(error)


def test_a_zone_typed_all_in_lower_case_is_refused() -> None:
    error = refused(TD3.lower())
    assert (error.code, error.line, error.column) == ("NATID-E044", 1, 1)


@pytest.mark.parametrize(("character", "said"), [
    ("-", "'-'"), (" ", "a space"), ("\u00ab", "a filler is typed '<'"), ("\t", "a tab"),
    ("\u00c9", "'\u00c9'"), ("\x00", "U+0000"),
])
def test_a_stray_character_is_refused_with_line_and_column(character: str, said: str) -> None:
    error = refused(replaced(TD1, 2, 5, character))
    assert (error.code, error.line, error.column) == ("NATID-E044", 2, 5)
    assert "MRZ line 2, column 5" in str(error) and said in str(error)


@pytest.mark.parametrize(("text", "said"), [
    (replaced(TD3, 1, 1, "X"), "'X' is not a document code"),
    (replaced(TD3, 1, 1, "V"), "a visa"),
    (replaced(TD1, 1, 1, "P"), "I, A or C"),
    (replaced(TD2, 1, 1, "9"), "'9' is not a document code"),
])
def test_an_unknown_kind_of_document_is_refused(text: str, said: str) -> None:
    error = refused(text)
    assert (error.code, error.line, error.column) == ("NATID-E045", 1, 1)
    assert said in str(error)


def test_line_ends_blank_lines_and_trailing_spaces_are_tolerated() -> None:
    pasted = "\r\n\r\n" + TD3.replace("\n", "   \r\n") + "  \r\n\n"
    zone = read(pasted)
    assert zone.valid and zone.text == TD3


def test_a_space_at_the_start_of_a_line_is_not_tolerated() -> None:
    error = refused(" " + TD3)
    assert (error.code, error.line, error.column) == ("NATID-E044", 1, 1)


# Dates, sex, names, long numbers -----------------------------------------------------


def passport(*, birth: str = "740812", expiry: str = "120415", sex: str = "F",
             nationality: str = "UTO", name: str = "ERIKSSON<<ANNA<MARIA") -> str:
    """A TD3 zone with raw fields as given and every check digit right."""
    number = "L898902C3" + check_digit("L898902C3")
    optional = "ZE184226B<<<<<" + check_digit("ZE184226B<<<<<")
    dates = birth + check_digit(birth) + sex + expiry + check_digit(expiry)
    composite = check_digit(number + dates[:7] + dates[8:] + optional)
    return (f"P<UTO{name.ljust(39, '<')}\n"
            f"{number}{nationality.ljust(3, '<')}{dates}{optional}{composite}")


@pytest.mark.parametrize(("raw", "today", "iso"), [
    ("260101", datetime.date(2026, 6, 15), "2026-01-01"),
    ("260616", datetime.date(2026, 6, 15), "1926-06-16"),
    ("260615", datetime.date(2026, 6, 15), "2026-06-15"),
    ("991231", datetime.date(2026, 6, 15), "1999-12-31"),
    ("000229", datetime.date(2026, 6, 15), "2000-02-29"),
    ("7408<<", datetime.date(2026, 6, 15), "1974-08"),
    ("74<<<<", datetime.date(2026, 6, 15), "1974"),
    ("740800", datetime.date(2026, 6, 15), "1974-08"),
    ("<<<<<<", datetime.date(2026, 6, 15), None),
])
def test_the_century_of_a_date_of_birth(raw: str, today: datetime.date, iso: str | None) -> None:
    zone = read_mrz(passport(birth=raw), today=today)
    assert zone.birth_date == iso
    assert zone.valid, zone.problems


@pytest.mark.parametrize(("raw", "iso"), [
    ("120415", "2012-04-15"), ("460101", "2046-01-01"), ("470101", "1947-01-01"),
    ("981231", "1998-12-31"), ("<<<<<<", None),
])
def test_the_century_of_a_date_of_expiry(raw: str, iso: str | None) -> None:
    assert read(passport(expiry=raw)).expiry_date == iso


@pytest.mark.parametrize(("birth", "expiry"), [("741332", "120415"), ("74AB12", "120415"),
                                               ("740812", "120231"), ("7408<3", "120415")])
def test_a_date_that_is_not_a_date_makes_the_zone_invalid(birth: str, expiry: str) -> None:
    zone = read(passport(birth=birth, expiry=expiry))
    assert all(check.ok for check in zone.checks)
    assert not zone.valid
    assert any("is not a date" in problem for problem in zone.problems)


@pytest.mark.parametrize(("raw", "sex"), [("M", "M"), ("F", "F"), ("<", "X"), ("X", "X")])
def test_sex(raw: str, sex: str) -> None:
    zone = read(passport(sex=raw))
    assert zone.sex == sex and zone.valid


def test_an_unknown_sex_makes_the_zone_invalid() -> None:
    zone = read(passport(sex="Q"))
    assert zone.sex is None and not zone.valid
    assert "the sex is 'Q'" in str(zone)


@pytest.mark.parametrize(("field", "surname", "given"), [
    ("DE<LA<CRUZ<<JUAN<CARLOS", "DE LA CRUZ", "JUAN CARLOS"),
    ("NGUYEN", "NGUYEN", ""),
    ("<<MOHAMMED", "", "MOHAMMED"),
])
def test_names(field: str, surname: str, given: str) -> None:
    zone = read(passport(name=field))
    assert (zone.surname, zone.given_names) == (surname, given)
    assert not zone.name_truncated


def test_a_name_filling_its_field_may_be_truncated() -> None:
    zone = read(passport(name="VANDERSTEENHOVEN<<MARIA<JOSEPHINA<ALEXA"))
    assert zone.name_truncated
    assert zone.given_names == "MARIA JOSEPHINA ALEXA"


def test_germany_and_unknown_codes() -> None:
    german = read(passport(nationality="D"))
    assert german.nationality == "D" and german.nationality_alpha2 == "DE"
    assert german.lines[1][10:13] == "D<<"
    unknown = read(passport(nationality="IMD"))
    assert unknown.valid and unknown.nationality_alpha2 is None
    assert unknown.notes == ("the nationality 'IMD' is not a country code an MRZ uses",)


@pytest.mark.parametrize("layout", ["TD1", "TD2"])
def test_a_document_number_longer_than_nine_characters(layout: Format) -> None:
    text = compose(layout, document_code="ID", issuing_state="NPL", surname="THAPA",
                   given_names="SITA", document_number="0123456789AB", nationality="NPL",
                   birth_date="1995-03-02", sex="F", expiry_date="2031-03-01",
                   optional_data="77" if layout == "TD1" else "")
    zone = read(text)
    assert zone.valid, zone.problems
    assert zone.lines[0 if layout == "TD1" else 1][14 if layout == "TD1" else 9] == "<"
    assert zone.document_number == "0123456789AB"
    assert zone.optional_data == ("77" if layout == "TD1" else "")
    altered = read(text.replace("9AB", "8AB", 1))
    assert "document_number" in {check.field for check in altered.failed_checks}


def test_compose_refuses_fields_that_do_not_fit() -> None:
    with pytest.raises(UsageError):
        compose("TD3", document_code="P", issuing_state="IND", surname="X",
                document_number="0123456789", nationality="IND", birth_date="1990-01-01",
                sex="M", expiry_date="2030-01-01")
    with pytest.raises(UsageError):
        compose("TD3", document_code="P", issuing_state="IND", surname="X",
                document_number="1", nationality="IND", birth_date="01/01/1990",
                sex="M", expiry_date="2030-01-01")


# Country codes -----------------------------------------------------------------------


@pytest.mark.parametrize(("code", "iso"), [
    ("IND", "IN"), ("NPL", "NP"), ("ETH", "ET"), ("HTI", "HT"), ("AFG", "AF"), ("BGD", "BD"),
    ("LKA", "LK"), ("ERI", "ER"), ("CMR", "CM"), ("D<<", "DE"), ("D", "DE"), ("DEU", "DE"),
    ("GBD", "GB"), ("UTO", None), ("XXA", None), ("XXB", None), ("XXC", None), ("XXX", None),
    ("UNO", None), ("ZZZ", None), ("", None),
])
def test_alpha2(code: str, iso: str | None) -> None:
    assert alpha2(code) == iso


def test_the_iso_table_is_complete_and_well_formed() -> None:
    assert len(ALPHA3_TO_ALPHA2) == 249
    assert len(set(ALPHA3_TO_ALPHA2.values())) == 249
    assert all(len(a3) == 3 and a3.isupper() and len(a2) == 2 and a2.isupper()
               for a3, a2 in ALPHA3_TO_ALPHA2.items())


def test_known_codes() -> None:
    assert all(is_known(code) for code in [*ALPHA3_TO_ALPHA2, *STATELESS_OR_REFUGEE, "UTO",
                                           "D<<", "EUE"])
    assert not is_known("IMD") and not is_known("I4D")


# Properties --------------------------------------------------------------------------

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
words = st.text(LETTERS, min_size=1, max_size=10)
names = st.lists(words, min_size=0, max_size=3).map(" ".join)
codes = st.sampled_from(["IND", "NPL", "ETH", "HTI", "AFG", "BGD", "LKA", "D", "UTO", "XXA"])
ALPHANUMERIC = LETTERS + "0123456789"


@st.composite
def documents(draw: st.DrawFn) -> dict[str, str]:
    layout = draw(st.sampled_from(["TD1", "TD2", "TD3"]))
    first = "P" if layout == "TD3" else draw(st.sampled_from("IAC"))
    return {
        "layout": layout,
        "document_code": first + draw(st.sampled_from(["", *LETTERS])),
        "issuing_state": draw(codes), "nationality": draw(codes),
        "surname": draw(words.flatmap(lambda first: names.map(
            lambda rest: f"{first} {rest}".strip()))),
        "given_names": draw(names),
        "document_number": draw(st.text(ALPHANUMERIC, min_size=1,
                                        max_size=9 if layout == "TD3" else 12)),
        "birth_date": draw(st.dates(TODAY.replace(year=TODAY.year - 99), TODAY)).isoformat(),
        "sex": draw(st.sampled_from("MFX")),
        "expiry_date": draw(st.dates(datetime.date(1947, 1, 1),
                                     datetime.date(2046, 12, 31))).isoformat(),
        "optional_data": draw(st.text(ALPHANUMERIC,
                                      max_size={"TD3": 14, "TD2": 7, "TD1": 15}[layout])),
        "optional_data_2": draw(st.text(ALPHANUMERIC, max_size=11)) if layout == "TD1" else "",
    }


def composed(fields: dict[str, str]) -> str:
    arguments = dict(fields)
    layout: Format = arguments.pop("layout")  # type: ignore[assignment]
    name_room = SHAPES[layout][1] - (0 if layout == "TD1" else 5)
    assume(len(fields["surname"]) + 2 + len(fields["given_names"]) <= name_room)
    try:
        return compose(layout, **arguments)
    except UsageError:
        assume(False)
        raise


def checked_places(layout: str) -> list[tuple[int, int]]:
    """(line, column) of every character a check digit covers, 0-based."""
    spans = {
        "TD3": [(1, range(10)), (1, range(13, 20)), (1, range(21, 44))],
        "TD2": [(1, range(10)), (1, range(13, 20)), (1, range(21, 36))],
        "TD1": [(0, range(5, 30)), (1, range(7)), (1, range(8, 15)), (1, range(18, 30))],
    }[layout]
    return [(line, column) for line, columns in spans for column in columns]


PROPERTIES = settings(max_examples=300, deadline=None,
                      suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])


@PROPERTIES
@given(documents())
def test_a_composed_zone_reads_back_to_its_fields(fields: dict[str, str]) -> None:
    zone = read(composed(fields))
    assert zone.valid, zone.problems
    assert {
        "layout": zone.format, "document_code": zone.document_code,
        "issuing_state": zone.issuing_state, "nationality": zone.nationality,
        "surname": zone.surname, "given_names": zone.given_names,
        "document_number": zone.document_number, "birth_date": zone.birth_date,
        "sex": zone.sex, "expiry_date": zone.expiry_date,
        "optional_data": zone.optional_data, "optional_data_2": zone.optional_data_2,
    } == fields


@PROPERTIES
@given(documents(), st.data())
def test_changing_one_digit_of_a_checked_field_fails_a_check(
        fields: dict[str, str], data: st.DataObject) -> None:
    text = composed(fields)
    lines = text.split("\n")
    digits = [(line, column) for line, column in checked_places(fields["layout"])
              if lines[line][column].isdigit()]
    line, column = data.draw(st.sampled_from(digits))
    old = lines[line][column]
    new = data.draw(st.sampled_from([digit for digit in "0123456789" if digit != old]))
    lines[line] = lines[line][:column] + new + lines[line][column + 1:]
    zone = read("\n".join(lines))
    assert zone.failed_checks, f"{old}->{new} at line {line + 1}, column {column + 1}"
    assert not zone.valid
