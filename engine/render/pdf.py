"""Render a :class:`Layout` as a printable A4 PDF, names in their own script.

fpdf2 draws, HarfBuzz (uharfbuzz) shapes: Devanagari and Gurmukhi conjuncts and vowel signs
come out as a reader expects. A value mixing scripts ('Gurpreet Singh / ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ') is
split into runs of one script (:func:`engine.render.fonts.split_runs`), each drawn in its
own Noto font. Each run of an Indic script is wrapped in a marked-content span whose
``ActualText`` is the run's text, so that copying or extracting it (pdftotext) gives back
exactly the string drawn although shaping reorders glyphs ('सिंह' draws its vowel sign
before the consonant; without the span, pdftotext reads 'सि ंह').

fpdf2 is imported only when a PDF is made: ``import engine`` stays free of it.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from engine.errors import UserError
from engine.render.fonts import JOINERS, Fonts, find_fonts, scripts_needed, split_runs
from engine.render.layout import AnnexImage, Layout, Row, Section, Table

if TYPE_CHECKING:
    from fpdf import FPDF

PAGE_WIDTH, PAGE_HEIGHT = 210.0, 297.0
LEFT = RIGHT = 18.0
TOP = 18.0
BOTTOM = 22.0
"""Space kept at the foot of each page for the footer (mm)."""
WIDTH = PAGE_WIDTH - LEFT - RIGHT
TITLE, SUBTITLE, HEADING, BODY, SMALL = 16.0, 11.0, 12.0, 10.0, 7.5
"""Font sizes (pt)."""
GREY = (85, 85, 85)
REORDERED = frozenset({"devanagari", "gurmukhi", "bengali", "tamil", "sinhala"})
"""Scripts whose shaping reorders or merges glyphs (a vowel sign drawn before its consonant):
their runs carry an ActualText. Not Arabic: poppler would read its ActualText backwards."""
UNDATED = datetime(1970, 1, 1, tzinfo=UTC)
"""The creation date written when none is given (fpdf2 cannot leave it out)."""
WRITING_LINE = 9.0
"""Distance between two blank lines to write on (mm)."""


class PdfError(UserError):
    """The PDF could not be made (a font file unreadable, fpdf2 refusing the content)."""

    code = "NATID-E070"


def render_pdf(layout: Layout, *, created: datetime | None = None) -> bytes:
    """Render ``layout`` as an A4 PDF and return its bytes.

    Args:
        layout: the document.
        created: the creation date written in the PDF (and on its attachments); a naive
            one is taken as local time. fpdf2 always writes one: without it,
            :data:`UNDATED`, so that the same layout always gives the same bytes.

    Raises:
        FontsMissingError: a font the document needs is not installed.
        PdfError: fpdf2 or uharfbuzz is missing, a font file cannot be read, or fpdf2 refuses
            the content.
    """
    fonts = find_fonts()
    _check_fonts(layout, fonts)
    for name, data in layout.attachments.items():
        if not data:
            raise PdfError(f"the PDF cannot be made: the attachment '{name}' is empty")
    try:
        from fpdf.errors import FPDFException

        errors: tuple[type[Exception], ...] = (FPDFException, *_font_errors())
    except ImportError as error:
        raise PdfError(
            f"the PDF cannot be made: {error.name} is not installed; reinstall natid "
            "(python3 dev.py run) or pip install fpdf2 uharfbuzz"
        ) from error
    try:
        return _Document(layout, fonts, created).build()
    except errors as error:
        raise PdfError(f"the PDF cannot be made: {error}") from error


def _font_errors() -> tuple[type[Exception], ...]:
    """What fontTools and the file system raise for a font file that cannot be read."""
    from fontTools.ttLib import TTLibError  # type: ignore[import-untyped]

    return (TTLibError, OSError, ValueError)


@functools.cache
def _pdf_class() -> type[FPDF]:
    """fpdf2's document, told not to split the text it is given by script once more.

    natid hands fpdf2 runs of one script only. fpdf2 2.8 would split them again at every
    character of Unicode's 'Inherited' script -- the zero-width joiner of 'ශ්‍රී' (Sri),
    combining accents -- and shape the pieces apart, which breaks the conjunct.
    """
    from fpdf import FPDF
    from fpdf.line_break import Fragment

    class _NatidPDF(FPDF):
        def _parse_chars(
            self,
            text: str,
            markdown: bool,
            *,
            _initial_emphasis: tuple[bool, bool, bool, bool] | None = None,
        ) -> Iterator[Fragment]:
            if markdown:
                yield from super()._parse_chars(text, markdown, _initial_emphasis=_initial_emphasis)
                return
            yield Fragment(text, self._get_current_graphics_state(), self.k)

    return _NatidPDF


def _texts(layout: Layout) -> list[str]:
    texts = [layout.title, layout.subtitle, layout.footer]
    for section in layout.sections:
        texts.append(section.title)
        texts += [text for row in section.rows for text in (row.label, row.value)]
        texts += section.paragraphs
        if section.table is not None:
            texts += section.table.headers
            texts += [cell for row in section.table.rows for cell in row]
    return texts


def _check_fonts(layout: Layout, fonts: Fonts) -> None:
    """Fail before drawing anything when a script of the document has no font."""
    for script in sorted(scripts_needed("\n".join(_texts(layout)))[0]):
        fonts.face(script)


class _Document:
    """One rendering: the fpdf2 document, the pen and the vertical position."""

    def __init__(self, layout: Layout, fonts: Fonts, created: datetime | None) -> None:
        self.layout = layout
        self.created = created.astimezone() if created and created.tzinfo is None else created
        self.pdf: FPDF = _pdf_class()(orientation="portrait", unit="mm", format="A4")
        self.pdf.set_margins(LEFT, TOP, RIGHT)
        self.pdf.set_auto_page_break(auto=False)
        self.pdf.c_margin = 0
        self.pdf.set_text_shaping(True)
        self.pen = _Pen(self.pdf, fonts)
        self.y = TOP

    def build(self) -> bytes:
        """Draw everything, then the footers, and return the PDF's bytes."""
        layout, pdf = self.layout, self.pdf
        pdf.add_page()
        self.lines(layout.title, TITLE, bold=True)
        pdf.set_draw_color(0)
        pdf.set_line_width(0.4)
        pdf.line(LEFT, self.y + 0.5, LEFT + WIDTH, self.y + 0.5)
        self.y += 2.5
        if layout.subtitle:
            self.lines(layout.subtitle, SUBTITLE)
        for section in layout.sections:
            self.y += 4
            self.section(section)
        for image in layout.annex:
            self.annex(image)
        self.footers()
        self.metadata()
        return bytes(pdf.output())

    def ensure(self, height: float) -> None:
        """Start a new page unless ``height`` more millimetres fit on this one."""
        if self.y + height > PAGE_HEIGHT - BOTTOM and self.y > TOP:
            self.pdf.add_page()
            self.y = TOP

    def lines(self, text: str, size: float, *, bold: bool = False) -> None:
        """Write ``text`` wrapped to the page's width, breaking pages between lines."""
        height = self.pen.line_height(size)
        for line in self.pen.wrap(text, WIDTH, size, bold=bold):
            self.ensure(height)
            self.pen.write(LEFT, self.y, line, size, bold=bold)
            self.y += height

    def section(self, section: Section) -> None:
        """A heading kept with what follows it, then rows, paragraphs, table, blank lines."""
        pen = self.pen
        self.ensure(pen.line_height(HEADING) + 2 * pen.line_height(BODY))
        self.lines(section.title, HEADING, bold=True)
        self.pdf.set_line_width(0.2)
        self.pdf.line(LEFT, self.y, LEFT + WIDTH, self.y)
        self.y += 1.5
        if section.rows:
            self.rows(section.rows)
        for paragraph in section.paragraphs:
            self.lines(paragraph, BODY)
            self.y += 1.5
        if section.table is not None and section.table.headers:
            self.table(section.table)
        for _ in range(section.blank_lines):
            self.ensure(WRITING_LINE)
            self.y += WRITING_LINE
            self.pdf.set_line_width(0.2)
            self.pdf.line(LEFT, self.y - 1, LEFT + WIDTH, self.y - 1)

    def rows(self, rows: tuple[Row, ...]) -> None:
        """Labels in a grey column on the left, values wrapped beside them."""
        pen = self.pen
        widest = max(pen.width(row.label, BODY) for row in rows)
        label_width = min(max(widest + 4, WIDTH * 0.2), WIDTH * 0.38)
        height = pen.line_height(BODY)
        for row in rows:
            labels = pen.wrap(row.label, label_width - 3, BODY)
            values = pen.wrap(row.value, WIDTH - label_width, BODY)
            count = max(len(labels), len(values))
            self.ensure(min(count * height, PAGE_HEIGHT - TOP - BOTTOM))
            for index in range(count):
                self.ensure(height)
                if index < len(labels):
                    pen.write(LEFT, self.y, labels[index], BODY, color=GREY)
                if index < len(values):
                    pen.write(LEFT + label_width, self.y, values[index], BODY)
                self.y += height
            self.y += 0.8

    def table(self, table: Table) -> None:
        """A bordered table whose header row is repeated on every page it spans."""
        pen, pdf = self.pen, self.pdf
        widths = self.column_widths(table)
        self.y += 1.5
        self.ensure(2 * self.table_row_height(table.headers, widths, bold=True))
        self.table_row(table.headers, widths, bold=True)
        for cells in table.rows:
            height = self.table_row_height(cells, widths, bold=False)
            if self.y + height > PAGE_HEIGHT - BOTTOM:
                pdf.add_page()
                self.y = TOP
                self.table_row(table.headers, widths, bold=True)
            self.table_row(cells, widths, bold=False)
        self.y += pen.line_height(BODY) / 2

    def column_widths(self, table: Table) -> list[float]:
        """Natural widths, shrunk proportionally (never below a fair minimum) to fit the page."""
        columns = len(table.headers)
        natural = [
            max(self.pen.width(row[index], BODY, bold=row is table.headers) + 3
                for row in (table.headers, *table.rows))
            for index in range(columns)
        ]
        total = sum(natural)
        if total <= WIDTH:
            return [width + (WIDTH - total) / columns for width in natural]
        floor = WIDTH / columns / 2
        widths = [max(floor, WIDTH * width / total) for width in natural]
        scale = WIDTH / sum(widths)
        return [width * scale for width in widths]

    def table_row_height(self, cells: tuple[str, ...], widths: list[float], *,
                         bold: bool) -> float:
        """The height of one table row: its tallest cell, with padding."""
        count = max(len(self.pen.wrap(cell, width - 3, BODY, bold=bold))
                    for cell, width in zip(cells, widths, strict=True))
        return count * self.pen.line_height(BODY) + 2

    def table_row(self, cells: tuple[str, ...], widths: list[float], *, bold: bool) -> None:
        """Draw one table row (a grey band for the header) and move below it."""
        pdf, pen = self.pdf, self.pen
        height = self.table_row_height(cells, widths, bold=bold)
        pdf.set_line_width(0.2)
        pdf.set_fill_color(232)
        x = LEFT
        for cell, width in zip(cells, widths, strict=True):
            pdf.rect(x, self.y, width, height, style="DF" if bold else "D")
            y = self.y + 1
            for line in pen.wrap(cell, width - 3, BODY, bold=bold):
                pen.write(x + 1.5, y, line, BODY, bold=bold)
                y += pen.line_height(BODY)
            x += width
        self.y += height

    def annex(self, image: AnnexImage) -> None:
        """An image on a page of its own: its caption, the image scaled to fit, its note."""
        import io

        self.pdf.add_page()
        self.y = TOP
        self.lines(image.caption, HEADING, bold=True)
        self.y += 2
        note_height = 3 * self.pen.line_height(SMALL)
        box = PAGE_HEIGHT - BOTTOM - self.y - note_height
        placed = self.pdf.image(io.BytesIO(image.data), x=LEFT, y=self.y, w=WIDTH, h=box,
                                keep_aspect_ratio=True, alt_text=image.caption)
        self.y += float(placed.rendered_height) + 2
        if image.note:
            self.lines(image.note, SMALL)

    def footers(self) -> None:
        """The footer and 'n/N' at the foot of every page, drawn once the count is known."""
        pdf, pen = self.pdf, self.pen
        total = pdf.page
        number_width = pen.width(f"{total}/{total}", SMALL) + 4
        lines = pen.wrap(self.layout.footer, WIDTH - number_width, SMALL)
        height = pen.line_height(SMALL)
        for page in range(1, total + 1):
            pdf.page = page
            pdf.current_font_is_set_on_page = False
            y = PAGE_HEIGHT - BOTTOM + 6
            pdf.set_line_width(0.2)
            pdf.line(LEFT, y - 1.5, LEFT + WIDTH, y - 1.5)
            number = f"{page}/{total}"
            pen.write(LEFT + WIDTH - pen.width(number, SMALL), y, number, SMALL, color=GREY)
            for index, line in enumerate(lines[:3]):
                pen.write(LEFT, y + index * height, line, SMALL, color=GREY)
        pdf.page = total

    def metadata(self) -> None:
        """Title, language, creator, creation date (or none) and the attachments."""
        from fpdf.prefs import ViewerPreferences

        pdf, layout = self.pdf, self.layout
        pdf.set_title(layout.title)
        pdf.set_lang(layout.language)
        pdf.set_creator("natid")
        pdf.viewer_preferences = ViewerPreferences(display_doc_title=True)
        pdf.set_creation_date(self.created or UNDATED)
        for name, data in sorted(layout.attachments.items()):
            pdf.embed_file(bytes=data, basename=name, modification_date=self.created,
                           compress=True)


class _Pen:
    """Measures, wraps and writes text, each run of one script in that script's font."""

    def __init__(self, pdf: FPDF, fonts: Fonts) -> None:
        self.pdf = pdf
        self.fonts = fonts
        self.cmaps: dict[str, dict[int, str]] = {}
        self._loaded: set[tuple[str, str]] = set()
        self._runs: dict[str, list[tuple[str, str]]] = {}
        self._widths: dict[tuple[str, str, float, bool], float] = {}

    @staticmethod
    def line_height(size: float) -> float:
        """The distance between two lines of ``size`` points, in millimetres."""
        return size * 0.3528 * 1.45

    def use(self, script: str, size: float, *, bold: bool) -> None:
        """Select the font of ``script``, bold if asked and it has one (added on first use).

        Only the fonts a document uses are added: each costs time and bytes.
        """
        face = self.fonts.face(script)
        style = "B" if bold and face.bold is not None else ""
        if (script, style) not in self._loaded:
            from fpdf.fonts import TTFFont

            path = face.bold if style and face.bold else face.regular
            try:
                self.pdf.add_font(script, style, str(path))
            except _font_errors() as error:
                raise PdfError(
                    f"the PDF cannot be made: the font file {path} cannot be read ({error}); "
                    "reinstall Debian's fonts-noto-core or point NATID_FONT_DIR elsewhere"
                ) from error
            self._loaded.add((script, style))
            font = self.pdf.fonts[script + style]
            if not style:
                self.cmaps[script] = font.cmap if isinstance(font, TTFFont) else {}
        self.pdf.set_font(script, style, size)

    def covers(self, script: str, char: str) -> bool:
        """Whether the font of ``script`` (if installed) has a glyph for ``char``."""
        if script not in self.fonts.faces:
            return False
        if script not in self.cmaps:
            self.use(script, 10, bold=False)
        return ord(char) in self.cmaps[script]

    def runs(self, text: str) -> list[tuple[str, str]]:
        """``text`` as ``(script, run)`` pairs (remembered: the same text is measured often)."""
        found = self._runs.get(text)
        if found is None:
            found = self._runs[text] = split_runs(text, self.covers)
        return found

    def run_width(self, script: str, run: str, size: float, *, bold: bool) -> float:
        """The shaped width of one run, in millimetres."""
        key = (script, run, size, bold)
        width = self._widths.get(key)
        if width is None:
            self.use(script, size, bold=bold)
            width = self._widths[key] = self.pdf.get_string_width(run)
        return width

    def width(self, text: str, size: float, *, bold: bool = False) -> float:
        """The shaped width of ``text``, in millimetres."""
        return sum(self.run_width(script, run, size, bold=bold) for script, run in self.runs(text))

    def wrap(self, text: str, width: float, size: float, *, bold: bool = False) -> list[str]:
        """``text`` broken into lines no wider than ``width``: at spaces, else inside a word."""
        lines: list[str] = []
        for paragraph in text.split("\n"):
            line = ""
            for word in paragraph.split(" "):
                candidate = f"{line} {word}" if line else word
                if self.width(candidate, size, bold=bold) <= width:
                    line = candidate
                    continue
                if line:
                    lines.append(line)
                pieces = self.break_word(word, width, size, bold=bold)
                lines += pieces[:-1]
                line = pieces[-1]
            lines.append(line)
        return lines

    def break_word(self, word: str, width: float, size: float, *, bold: bool) -> list[str]:
        """A word too wide for a line, cut between grapheme clusters."""
        pieces: list[str] = []
        current = ""
        for cluster in _clusters(word):
            if current and self.width(current + cluster, size, bold=bold) > width:
                pieces.append(current)
                current = cluster
            else:
                current += cluster
        pieces.append(current)
        return pieces

    def write(self, x: float, y: float, text: str, size: float, *, bold: bool = False,
              color: tuple[int, int, int] = (0, 0, 0)) -> None:
        """Write one line whose top is at ``y``; extracted text reads back as ``text``."""
        if not text.strip():
            return
        pdf = self.pdf
        pdf.set_text_color(*color)
        height = self.line_height(size)
        for script, run in self.runs(text):
            run_width = self.run_width(script, run, size, bold=bold)
            self.use(script, size, bold=bold)
            pdf.set_xy(x, y)
            if script in REORDERED:
                pdf._out(_actual_text(run))  # fpdf2 has no public call for marked content
                pdf.cell(run_width, height, run)
                pdf._out("EMC")
            else:
                pdf.cell(run_width, height, run)
            x += run_width


def _actual_text(text: str) -> str:
    """Open a span whose ActualText is ``text`` (UTF-16BE with a byte-order mark)."""
    return f"/Span <</ActualText <FEFF{text.encode('utf-16-be').hex().upper()}>>> BDC"


def _clusters(word: str) -> list[str]:
    """Split ``word`` where a line may break: not before a mark, after a joiner or a virama."""
    clusters: list[str] = []
    for char in word:
        joined = clusters and (
            unicodedata.category(char)[0] == "M"
            or char in JOINERS
            or clusters[-1][-1] in JOINERS
            or unicodedata.combining(clusters[-1][-1]) == 9
        )
        if joined:
            clusters[-1] += char
        else:
            clusters.append(char)
    return clusters
