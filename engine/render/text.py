"""Render a :class:`Layout` as plain UTF-8 text, for a terminal or an e-mail.

Columns are aligned by display width: combining marks (Devanagari vowel signs, viramas)
take no column and East Asian wide characters take two, so 'ਗੁਰਪ੍ਰੀਤ' lines up with 'Ana'.
"""

from __future__ import annotations

import textwrap
import unicodedata

from engine.render.layout import Layout, Row, Section, Table

WIDTH = 78
"""The column at which paragraphs and values wrap."""
LABEL_MAX = 28
"""The widest the label column of rows grows; longer labels put their value below them."""
ZERO_WIDTH = frozenset({"Mn", "Mc", "Me", "Cf"})


def display_width(text: str) -> int:
    """The number of terminal columns ``text`` takes."""
    width = 0
    for char in text:
        if unicodedata.category(char) in ZERO_WIDTH:
            continue
        width += 2 if unicodedata.east_asian_width(char) in {"W", "F"} else 1
    return width


def pad(text: str, width: int) -> str:
    """``text`` followed by spaces up to ``width`` display columns."""
    return text + " " * max(0, width - display_width(text))


def render_text(layout: Layout) -> str:
    """Render ``layout`` as plain text: title, sections, footer; ends with a newline."""
    lines = [layout.title, "=" * max(display_width(layout.title), 1)]
    if layout.subtitle:
        lines += _wrap(layout.subtitle)
    for section in layout.sections:
        lines += ["", *_section(section)]
    if layout.footer:
        lines += ["", *layout.footer.split("\n")]  # as it is: a hash stays on one line
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _wrap(text: str, width: int = WIDTH, indent: str = "") -> list[str]:
    """``text`` wrapped at ``width`` columns, its own line breaks kept, long words unbroken."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines += textwrap.wrap(paragraph, width, initial_indent=indent, subsequent_indent=indent,
                               break_long_words=False, break_on_hyphens=False) or [indent]
    return lines


def _section(section: Section) -> list[str]:
    lines = [section.title, "-" * max(display_width(section.title), 1)]
    if section.rows:
        lines += _rows(section.rows)
    for paragraph in section.paragraphs:
        lines += [*_wrap(paragraph), ""]
    if section.table is not None and section.table.headers:
        lines += [*_table(section.table), ""]
    for _ in range(section.blank_lines):
        lines += ["", "_" * WIDTH]
    while lines[-1] == "":
        lines.pop()
    return lines


def _rows(rows: tuple[Row, ...]) -> list[str]:
    """``label: value``, values aligned in one column and wrapped under themselves."""
    fitting = [display_width(row.label) + 1 for row in rows
               if display_width(row.label) + 1 <= LABEL_MAX]
    column = max(fitting, default=LABEL_MAX) + 1
    lines: list[str] = []
    for row in rows:
        label = f"{row.label}:"
        indent = " " * column
        values = _wrap(row.value, WIDTH, indent)
        if display_width(label) < column:
            values[0] = pad(label, column) + values[0][column:]
            lines += values
        else:
            lines += [label, *values] if row.value else [label]
    return lines


def _table(table: Table) -> list[str]:
    """Columns padded to their widest cell, a rule under the header."""
    rows = [table.headers, *table.rows]
    cells = [[" ".join(cell.split()) for cell in row] for row in rows]
    widths = [max(display_width(row[index]) for row in cells)
              for index in range(len(table.headers))]
    lines = ["  ".join(pad(cell, width) for cell, width in zip(row, widths, strict=True))
             for row in cells]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return lines
