"""Statistics as people and programs read them: a terminal table, CSV and JSON.

Every rendering says the period, the day delays were counted at, and whether small
cells were suppressed (and at which threshold) or not — in the output itself.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from engine.stats.labels import (
    DIMENSIONS,
    MEASURES,
    SUPPRESSED_NOTE,
    TOTAL,
    UNSUPPRESSED_NOTE,
    say,
    value_label,
)
from engine.stats.row import AGE_BANDS, ANSWER_STATES, CHILD, SEXES, UNKNOWN, VERDICTS
from engine.stats.table import TOTAL as TOTAL_KEY
from engine.stats.table import Cell, Line, StatsTable

SUPPRESSED = "x"
"""How a suppressed figure is shown."""
_ORDER = {"sex": SEXES, "age_band": AGE_BANDS, "child": CHILD, "verdict": VERDICTS,
          "consular_answer": ANSWER_STATES}


def ordered_values(table: StatsTable, dimension: int, language: str) -> list[str]:
    """A grouping's values in the order shown: natural order, or by name; unknown last."""
    name = table.by[dimension]
    values = table.values(dimension)
    if name in _ORDER:
        return sorted(values, key=lambda code: (_ORDER[name].index(code)
                                                if code in _ORDER[name] else 99, code))
    return sorted(values, key=lambda code: (code == UNKNOWN,
                                            value_label(name, code, language).casefold()))


def ordered_lines(table: StatsTable, language: str) -> list[Line]:
    """Lines in reading order: each group then its subtotal, the grand total last."""
    axes = [[*ordered_values(table, index, language), TOTAL_KEY]
            for index in range(len(table.by))]
    if len(axes) == 1:
        return [table.lines[(key,)] for key in axes[0]]
    return [table.lines[(first, second)] for first in axes[0] for second in axes[1]]


def label(table: StatsTable, line: Line, position: int, language: str) -> str:
    """The shown value of one of a line's keys ('Total' for a total)."""
    key = line.keys[position]
    return say(TOTAL, language) if key == TOTAL_KEY else value_label(table.by[position], key,
                                                                      language)


def shown(cell: Cell) -> str:
    """A figure as text: 'x' when suppressed, '' when there is none."""
    if cell.suppressed:
        return SUPPRESSED
    if cell.value is None:
        return ""
    return f"{cell.value:g}" if cell.value != int(cell.value) else str(int(cell.value))


def note(table: StatsTable, language: str) -> str:
    """What was done about small cells, said in the output."""
    if table.threshold is None:
        return say(UNSUPPRESSED_NOTE, language)
    return say(SUPPRESSED_NOTE, language).format(threshold=table.threshold)


def as_text(table: StatsTable, language: str) -> str:
    """An aligned table for the terminal."""
    headers = [say(DIMENSIONS[name], language) for name in table.by]
    headers += [say(text, language) for text in MEASURES.values()]
    rows = [[*(label(table, line, i, language) for i in range(len(table.by))),
             *(shown(line.cells[measure]) for measure in MEASURES)]
            for line in ordered_lines(table, language)]
    widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]
    dims = len(table.by)

    def format_row(row: list[str]) -> str:
        cells = [str(value).ljust(width) if i < dims else str(value).rjust(width)
                 for i, (value, width) in enumerate(zip(row, widths, strict=True))]
        return "  ".join(cells).rstrip()

    out = [f"natid statistics {table.period.describe()}, delays as of "
           f"{table.as_of.isoformat()}", note(table, language), "",
           format_row(headers)]
    out += [format_row(row) for row in rows]
    return "\n".join(out) + "\n"


def as_csv(table: StatsTable, language: str) -> str:
    """CSV with codes and labels of each grouping, every measure, and the period and note."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    header = ["period", "first_day", "last_day"]
    for name in table.by:
        header += [name, f"{name}_label"]
    writer.writerow([*header, *MEASURES, "suppression"])
    for line in ordered_lines(table, language):
        keys: list[str] = []
        for position, key in enumerate(line.keys):
            keys += [key if key != TOTAL_KEY else "total", label(table, line, position, language)]
        writer.writerow([table.period.label, table.period.first.isoformat(),
                         table.period.last.isoformat(), *keys,
                         *(shown(line.cells[measure]) for measure in MEASURES),
                         note(table, language)])
    return buffer.getvalue()


def as_json(table: StatsTable, language: str) -> str:
    """JSON: the period, the note, and each line's keys and figures (null when hidden)."""
    lines: list[dict[str, Any]] = []
    for line in ordered_lines(table, language):
        keys = {name: {"code": key if key != TOTAL_KEY else "total",
                       "label": label(table, line, position, language)}
                for position, (name, key) in enumerate(zip(table.by, line.keys, strict=True))}
        lines.append({
            "keys": keys,
            "total": line.is_total,
            "figures": {measure: None if line.cells[measure].suppressed
                        else line.cells[measure].value for measure in MEASURES},
            "suppressed": [measure for measure in MEASURES if line.cells[measure].suppressed],
        })
    document = {
        "natid_statistics": 1,
        "period": {"label": table.period.label, "first_day": table.period.first.isoformat(),
                   "last_day": table.period.last.isoformat()},
        "as_of": table.as_of.isoformat(),
        "by": list(table.by),
        "suppression": {"applied": table.threshold is not None,
                        "threshold": table.threshold, "note": note(table, language)},
        "lines": lines,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
