"""Counting and disclosure control, on rows made up here (no store needed).

Small counts are hidden, no hidden count can be worked out from a total, days to
certificate are hidden where few certificates were issued, and periods, age bands and
percentiles follow docs/statistics.md.
"""

from __future__ import annotations

import datetime
import random

import pytest

from engine.errors import UsageError
from engine.stats.disclosure import sum_groups, suppress
from engine.stats.periods import chosen_period
from engine.stats.render import as_csv, as_json, as_text
from engine.stats.row import StatsRow, age_band
from engine.stats.table import COUNTS, TOTAL, StatsTable, count, percentile

QUARTER = chosen_period("2026Q3")
AS_OF = datetime.date(2026, 12, 31)


def row(number: int, presumed: str = "IN", country: str = "MX", *,
        sent: str | None = None, issued: str | None = None) -> StatsRow:
    return StatsRow(
        interview_id=f"{number:032x}", country_of_interview=country, office="unknown",
        intercepted_on="2026-07-15", interviewed_on="2026-07-15", period="2026Q3",
        declared_nationality=presumed, presumed_nationality=presumed,
        verdict="presumption_supported" if presumed != "unknown" else "insufficient",
        sex="male", age_band="18-29", child="adult", referral=False,
        request_prepared_on=sent, request_sent_on=sent, first_answer_on=issued,
        consular_answer="issued" if issued else ("awaiting" if sent else "not_sent"),
        consular_answer_on=issued)


def rows(counts: dict[tuple[str, str], int]) -> list[StatsRow]:
    made: list[StatsRow] = []
    for (presumed, country), number in counts.items():
        made += [row(len(made) + i, presumed, country) for i in range(number)]
    return made


def hidden(table: StatsTable, measure: str = "interviews") -> set[tuple[str, ...]]:
    return {keys for keys, line in table.lines.items() if line.cells[measure].suppressed}


def test_counts_below_the_threshold_are_hidden_and_zeros_are_not() -> None:
    table = suppress(count(rows({("IN", "MX"): 3, ("HT", "MX"): 9, ("BD", "MX"): 12}),
                           QUARTER, ("presumed_nationality",), AS_OF))
    assert ("IN",) in hidden(table)
    assert ("HT",) in hidden(table)  # the smallest other one, or India = total - the rest
    assert ("BD",) not in hidden(table)
    assert (TOTAL,) not in hidden(table)
    assert table.lines[("IN",)].cells["certificates_issued"].value == 0
    assert not table.lines[("IN",)].cells["certificates_issued"].suppressed


def test_a_lone_small_cell_hides_the_total_that_would_give_it_away() -> None:
    two_way = suppress(count(rows({("IN", "MX"): 2, ("IN", "GT"): 0, ("HT", "GT"): 20,
                                   ("HT", "MX"): 8}),
                             QUARTER, ("presumed_nationality", "country_of_interview"), AS_OF))
    gone = hidden(two_way)
    assert ("IN", "MX") in gone
    assert ("IN", TOTAL) in gone  # India has nothing else to hide beside it
    assert ("HT", "MX") in gone  # the column Mexico would give it away
    assert ("HT", TOTAL) in gone or (TOTAL, TOTAL) in gone or ("HT", "GT") in gone


@pytest.mark.parametrize("seed", range(25))
def test_no_hidden_count_is_alone_in_any_sum(seed: int) -> None:
    generator = random.Random(seed)  # noqa: S311 - made-up counts
    nationalities = ["IN", "HT", "BD", "NP", "unknown"][: generator.randint(1, 5)]
    countries = ["MX", "GT", "PA"][: generator.randint(1, 3)]
    made = rows({(n, c): generator.choice([0, 0, 1, 2, 3, 4, 5, 7, 12, 30])
                 for n in nationalities for c in countries})
    if not made:
        return
    threshold = generator.choice([3, 5, 10])
    table = suppress(count(made, QUARTER, ("presumed_nationality", "country_of_interview"),
                           AS_OF), threshold)
    for measure in COUNTS:
        gone = hidden(table, measure)
        for keys, line in table.lines.items():
            value = line.cells[measure].value or 0
            if 0 < value < threshold:
                assert keys in gone, (measure, keys)
        for members, total in sum_groups(table):
            assert len(gone & {*members, total}) != 1, (measure, members, total)


def test_days_to_certificate_are_hidden_where_few_certificates_were_issued() -> None:
    made = [row(i, sent="2026-07-20", issued=f"2026-08-{10 + i:02d}") for i in range(6)]
    made += [row(10 + i, "HT", sent="2026-07-20", issued="2026-09-01") for i in range(2)]
    table = suppress(count(made, QUARTER, ("presumed_nationality",), AS_OF))
    india, haiti = table.lines[("IN",)].cells, table.lines[("HT",)].cells
    assert india["median_days_to_certificate"].value == 23.5  # 21..26 days
    assert india["p90_days_to_certificate"].value == 26
    assert not india["median_days_to_certificate"].suppressed
    assert haiti["median_days_to_certificate"].suppressed
    assert haiti["p90_days_to_certificate"].suppressed


def test_requests_without_answer_are_counted_at_the_day_given() -> None:
    made = [row(1, sent="2026-07-01"), row(2, sent="2026-07-01", issued="2026-08-15"),
            row(3, sent="2026-09-20")]
    early = count(made, QUARTER, ("presumed_nationality",), datetime.date(2026, 8, 5))
    late = count(made, QUARTER, ("presumed_nationality",), datetime.date(2026, 12, 31))
    cells = early.lines[(TOTAL,)].cells
    assert (cells["unanswered_30_days"].value, cells["unanswered_60_days"].value) == (2, 0)
    cells = late.lines[(TOTAL,)].cells
    assert [cells[f"unanswered_{d}_days"].value for d in (30, 60, 90)] == [3, 2, 2]


def test_without_suppression_every_output_says_so() -> None:
    table = count(rows({("IN", "MX"): 1}), QUARTER, ("presumed_nationality",), AS_OF)
    for text in (as_text(table, "en"), as_csv(table, "en"), as_json(table, "en")):
        assert "NOT SUPPRESSED" in text
    suppressed = suppress(count(rows({("IN", "MX"): 1}), QUARTER, ("presumed_nationality",),
                                AS_OF))
    assert "NOT SUPPRESSED" not in as_text(suppressed, "en")
    assert "fewer than 5" in as_text(suppressed, "en")


def test_names_come_from_babel_in_the_officers_language() -> None:
    table = count(rows({("IN", "MX"): 6, ("unknown", "MX"): 6}), QUARTER,
                  ("presumed_nationality", "country_of_interview"), AS_OF)
    assert "México" in as_text(table, "es")
    assert "Inde" in as_text(table, "fr")
    assert "Unknown nationality" in as_text(table, "en")


def test_age_bands_and_percentiles() -> None:
    assert [age_band(a) for a in (0, 11, 12, 17, 17.9, 18, 29, 30, 44, 45, 59, 60, 120)] == [
        "0-11", "0-11", "12-17", "12-17", "12-17", "18-29", "18-29", "30-44", "30-44",
        "45-59", "45-59", "60+", "60+"]
    assert age_band(None) == age_band("29") == age_band(True) == "unknown"
    assert percentile(list(range(1, 11)), 90) == 9
    assert percentile([4], 90) == 4


@pytest.mark.parametrize(("period", "start", "end", "first", "last"), [
    ("2026Q3", None, None, "2026-07-01", "2026-09-30"),
    ("2026-q4", None, None, "2026-10-01", "2026-12-31"),
    ("2024-02", None, None, "2024-02-01", "2024-02-29"),
    (None, "2026-01-15", "2026-08-01", "2026-01-15", "2026-08-01"),
])
def test_periods(period: str | None, start: str | None, end: str | None, first: str,
                 last: str) -> None:
    chosen = chosen_period(period, start, end)
    assert (chosen.first.isoformat(), chosen.last.isoformat()) == (first, last)


def test_a_range_is_cut_into_its_quarters() -> None:
    quarters = chosen_period(None, "2026-02-15", "2026-08-01").quarters()
    assert [(q.label, q.first.isoformat(), q.last.isoformat()) for q in quarters] == [
        ("2026Q1", "2026-02-15", "2026-03-31"), ("2026Q2", "2026-04-01", "2026-06-30"),
        ("2026Q3", "2026-07-01", "2026-08-01")]


@pytest.mark.parametrize(("period", "start", "end", "message"), [
    ("2026Q5", None, None, "write a quarter as 2026Q3"),
    ("2026-13", None, None, "there is no month 13"),
    ("July", None, None, "write a quarter"),
    (None, "2026-09-01", "2026-07-01", "comes after --to"),
    (None, "2026-02-30", "2026-07-01", "not a day"),
    (None, "2026-07-01", None, "needs both --from and --to"),
    ("2026Q3", "2026-07-01", "2026-07-02", "not both"),
])
def test_bad_periods_are_usage_errors(period: str | None, start: str | None, end: str | None,
                                      message: str) -> None:
    with pytest.raises(UsageError, match=message):
        chosen_period(period, start, end)
