"""The XLSX workbook a focal point sends as it is: one sheet per quarter, groups as rows.

Each sheet holds one quarter (cut to the period asked for): a title, the note on
suppression, then the first grouping's values as rows (nationalities, by default) and
the measures as columns, with the total last. With two groupings, a matrix of the
interviews by both follows (for example presumed nationality by country of interview).
openpyxl is imported only here.
"""

from __future__ import annotations

import io
from typing import Any

from engine.stats.labels import DIMENSIONS, MEASURES, TOTAL, say
from engine.stats.render import SUPPRESSED, label, note, ordered_lines, ordered_values
from engine.stats.table import TOTAL as TOTAL_KEY
from engine.stats.table import Cell, StatsTable

MATRIX_MEASURE = "interviews"


def as_xlsx(tables: list[StatsTable], language: str) -> bytes:
    """The workbook of ``tables`` (one per quarter, in order), as the bytes of an .xlsx file."""
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.styles import Font  # type: ignore[import-untyped]

    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    for table in tables:
        sheet = book.create_sheet(title=table.period.label[:31])
        sheet.append([f"natid — {table.period.describe()}"])
        sheet.append([note(table, language)])
        sheet.append([f"as of {table.as_of.isoformat()}"])
        sheet.append([])
        sheet["A1"].font = bold
        _long_block(sheet, table, language, bold)
        if len(table.by) == 2:
            sheet.append([])
            _matrix_block(sheet, table, language, bold)
        sheet.column_dimensions["A"].width = 32
        if len(table.by) == 2:
            sheet.column_dimensions["B"].width = 28
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def _long_block(sheet: Any, table: StatsTable, language: str, bold: Any) -> None:
    sheet.append([*(say(DIMENSIONS[name], language) for name in table.by),
                  *(say(text, language) for text in MEASURES.values())])
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    for line in ordered_lines(table, language):
        sheet.append([*(label(table, line, i, language) for i in range(len(table.by))),
                      *(_value(line.cells[measure]) for measure in MEASURES)])
        if line.is_total:
            for cell in sheet[sheet.max_row]:
                cell.font = bold


def _matrix_block(sheet: Any, table: StatsTable, language: str, bold: Any) -> None:
    """Interviews by the first grouping (rows) by the second (columns)."""
    columns = [*ordered_values(table, 1, language), TOTAL_KEY]
    corner = (f"{say(MEASURES[MATRIX_MEASURE], language)}: "
              f"{say(DIMENSIONS[table.by[0]], language)} by "
              f"{say(DIMENSIONS[table.by[1]], language)}")
    headings = [say(TOTAL, language) if key == TOTAL_KEY else
                label(table, table.lines[(TOTAL_KEY, key)], 1, language) for key in columns]
    sheet.append([corner, *headings])
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    for row in [*ordered_values(table, 0, language), TOTAL_KEY]:
        first = table.lines[(row, TOTAL_KEY)]
        sheet.append([label(table, first, 0, language),
                      *(_value(table.lines[(row, key)].cells[MATRIX_MEASURE])
                        for key in columns)])
        if row == TOTAL_KEY:
            sheet.cell(row=sheet.max_row, column=1).font = bold


def _value(cell: Cell) -> Any:
    """A figure as the spreadsheet holds it: a number, 'x' when suppressed, empty if none."""
    if cell.suppressed:
        return SUPPRESSED
    if cell.value is None:
        return None
    return int(cell.value) if cell.value == int(cell.value) else cell.value
