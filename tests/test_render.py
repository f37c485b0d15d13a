"""The printable renderings: plain text, and the PDF that shows names in their own script.

The PDF is read back with poppler-utils (pdftotext, pdfdetach, pdfinfo, pdffonts) and needs
the Noto fonts of Debian's fonts-noto-core; ``python3 dev.py`` installs both.
"""

from __future__ import annotations

import re
import subprocess
import sys
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from engine.errors import UserError
from engine.render import FontsMissingError, PdfError, render_pdf, render_text
from engine.render import fonts as fonts_module
from engine.render.fonts import split_runs
from engine.render.layout import Layout, Row, Section, Table
from engine.render.text import WIDTH, display_width
from tests.conftest import ROOT

NAMES = {
    "latin": "Gurpreet Singh",
    "devanagari": "गुरप्रीत सिंह",
    "mother": "हरजीत कौर",
    "gurmukhi": "ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ",
    "bengali": "আমার সোনার বাংলা",
    "ethiopic": "አበበ ቢቂላ",
    "sinhala": "ශ්‍රී ලංකා",
    "tamil": "தமிழ்நாடு",
}
MIXED = "Gurpreet Singh / ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ / गुरप्रीत सिंह"
ADDRESS = ("Village Kotla, Tehsil Batala, District Gurdaspur, Punjab, India; near the old "
           "gurdwara on the road to Qadian, second house after the well " * 2).strip()
FOOTER = "Integrity: sha256:" + "0123456789abcdef" * 4
REQUEST_JSON = b'{"request": "IN-2025-0001", "name": "\xe0\xa4\x97"}'
CREATED = datetime(2025, 3, 15, 9, 30, tzinfo=UTC)


def request_layout(document_rows: int = 60) -> Layout:
    """A request-like document: names in six scripts, a long address, a long table."""
    return Layout(
        title="Solicitud de certificación de nacionalidad",
        subtitle="Para: Embajada de la India, Ciudad de México",
        sections=(
            Section("Datos personales", rows=(
                Row("Nombre completo", MIXED),
                Row("Madre", NAMES["mother"]),
                Row("Nombre (Bengalí)", NAMES["bengali"]),
                Row("Nombre (Ge'ez)", NAMES["ethiopic"]),
                Row("Lugar", f"{NAMES['sinhala']}, {NAMES['tamil']}"),
                Row("Dirección", ADDRESS),
            )),
            Section("Base de la evidencia", paragraphs=(
                "Cinco parámetros confirmados sostienen la presunción de nacionalidad. " * 4,
            )),
            Section("Documentos vistos", table=Table(
                ("Tipo", "Número", "Original o copia"),
                tuple((f"Aadhaar / आधार {index}", f"1234 5678 {index:04d}", "copia")
                      for index in range(document_rows)),
            )),
            Section("Decisión del consulado", blank_lines=3),
        ),
        footer=FOOTER,
        language="es",
        attachments={"request.json": REQUEST_JSON},
    )


def poppler(*arguments: str) -> str:
    """Run a poppler-utils command and return what it prints."""
    completed = subprocess.run(list(arguments), capture_output=True, check=True, timeout=60)
    return completed.stdout.decode("utf-8")


@pytest.fixture(scope="module")
def request_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "request.pdf"
    path.write_bytes(render_pdf(request_layout(), created=CREATED))
    return path


@pytest.fixture(scope="module")
def request_pdf_text(request_pdf: Path) -> str:
    return poppler("pdftotext", "-layout", str(request_pdf), "-")


# Plain text ------------------------------------------------------------------------------


def test_display_width_skips_marks_and_doubles_wide_characters() -> None:
    assert display_width("Ana") == 3
    assert display_width("गुरप्रीत") == 5  # ग र प र त take a column each; signs take none
    assert display_width("ਗੁਰਪ੍ਰੀਤ") == 5
    assert display_width("李明") == 4


def test_text_has_title_underline_subtitle_sections_and_footer_last() -> None:
    text = render_text(request_layout(document_rows=2))
    lines = text.split("\n")
    assert lines[0] == "Solicitud de certificación de nacionalidad"
    assert lines[1] == "=" * display_width(lines[0])
    assert lines[2] == "Para: Embajada de la India, Ciudad de México"
    assert "Datos personales\n----------------\n" in text
    assert "Decisión del consulado\n----------------------\n" in text
    assert text.endswith(f"\n\n{FOOTER}\n")
    assert all(line == line.rstrip() for line in lines)


def test_text_rows_align_their_values_by_display_width() -> None:
    text = render_text(request_layout(document_rows=2))
    columns = set()
    for label, value in (("Nombre completo", MIXED), ("Madre", NAMES["mother"]),
                         ("Lugar", NAMES["sinhala"])):
        line = next(line for line in text.split("\n") if line.startswith(f"{label}:"))
        assert value in line
        columns.add(display_width(line[: line.index(value)]))
    assert columns == {len("Nombre (Bengalí):") + 1}


def test_text_wraps_values_under_themselves_and_paragraphs_at_78_columns() -> None:
    text = render_text(request_layout(document_rows=2))
    lines = text.split("\n")
    assert max(display_width(line) for line in lines if FOOTER not in line) <= WIDTH
    start = next(index for index, line in enumerate(lines) if line.startswith("Dirección:"))
    continuation = lines[start + 1]
    assert continuation.startswith(" " * (len("Nombre (Bengalí):") + 1))
    assert not continuation[len("Nombre (Bengalí):") + 1].isspace()
    assert " ".join(ADDRESS.split()) in " ".join(text.split())


def test_text_table_pads_columns_by_display_width() -> None:
    layout = Layout("T", sections=(Section("Names", table=Table(
        ("Name", "Script"),
        (("ਗੁਰਪ੍ਰੀਤ", "Gurmukhi"), ("李明", "Han"), ("Ana", "Latin")),
    )),))
    lines = render_text(layout).split("\n")
    table = lines[lines.index("Names") + 2:][:5]
    assert table[1] == "-----  --------"
    starts = {display_width(line[: line.rindex(word)])
              for line, word in zip(table[:1] + table[2:], ("Script", "Gurmukhi", "Han", "Latin"),
                                    strict=True)}
    assert starts == {7}


def test_text_draws_blank_lines_as_underscores_and_is_deterministic() -> None:
    layout = request_layout(document_rows=2)
    text = render_text(layout)
    assert text.count("_" * WIDTH) == 3
    assert text == render_text(layout)
    assert render_text(Layout("Only a title")) == "Only a title\n============\n"


# Which font draws what ---------------------------------------------------------------------


def test_runs_split_by_script_and_keep_spaces_inside_one_script() -> None:
    runs = split_runs(MIXED, lambda script, char: True)
    assert runs == [("latin", "Gurpreet Singh / "), ("gurmukhi", "ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ"),
                    ("latin", " / "), ("devanagari", "गुरप्रीत सिंह")]


def test_runs_keep_joiners_and_marks_with_their_letters() -> None:
    assert split_runs("ශ්‍රී ලංකා", lambda script, char: True) == [("sinhala", "ශ්‍රී ලංකා")]
    assert split_runs("José", lambda script, char: True) == [("latin", "José")]
    # punctuation a script's font lacks is drawn by the base font
    assert split_runs("हरजीत, कौर", lambda script, char: char != ",") == [
        ("devanagari", "हरजीत"), ("latin", ", "), ("devanagari", "कौर")]


# The PDF -------------------------------------------------------------------------------------


def test_pdf_text_comes_back_exactly_in_every_script(request_pdf_text: str) -> None:
    for name in (*NAMES.values(), MIXED):
        assert name in request_pdf_text, name


def test_pdf_wraps_long_values_and_keeps_every_word(request_pdf_text: str) -> None:
    flat = " ".join(request_pdf_text.split())
    assert " ".join(ADDRESS.split()) in flat
    address_line = next(line for line in request_pdf_text.split("\n") if "Dirección" in line)
    assert ADDRESS not in address_line


def test_pdf_shapes_conjuncts_and_vowel_signs(request_pdf: Path) -> None:
    """Each conjunct or reordered cluster is one glyph whose ToUnicode is the whole cluster."""
    clusters = drawn_clusters(request_pdf.read_bytes())
    assert {"प्र", "सि"} <= clusters  # Devanagari conjunct, vowel sign drawn before
    assert {"੍ਰ", "ਸਿ"} <= clusters  # Gurmukhi subjoined ra, vowel sign drawn before
    assert "ශ්\u200dරී" in clusters  # Sinhala 'śrī' ligature, which needs its ZWJ


def drawn_clusters(pdf: bytes) -> set[str]:
    """The texts of glyphs that stand for more than one character, from the ToUnicode maps."""
    found: set[str] = set()
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.DOTALL):
        try:
            content = zlib.decompress(match.group(1))
        except zlib.error:
            content = match.group(1)
        if b"beginbfchar" in content:
            for target in re.findall(rb"<[0-9A-F]{4}> <([0-9A-F]{8,})>", content):
                found.add(bytes.fromhex(target.decode()).decode("utf-16-be"))
    return found


def test_pdf_uses_the_font_of_each_script(request_pdf: Path) -> None:
    fonts = poppler("pdffonts", str(request_pdf))
    for family in ("NotoSans", "NotoSansBold", "NotoSansDevanagari", "NotoSansGurmukhi",
                   "NotoSansBengali", "NotoSansEthiopic", "NotoSansSinhala", "NotoSansTamil"):
        assert re.search(rf"\+{family}\s", fonts), fonts


def test_pdf_has_footer_and_page_numbers_on_every_page(request_pdf: Path,
                                                        request_pdf_text: str) -> None:
    pages = [page for page in request_pdf_text.split("\f") if page.strip()]
    total = int(re.search(r"Pages:\s+(\d+)", poppler("pdfinfo", str(request_pdf)))[1])
    assert len(pages) == total >= 2
    for number, page in enumerate(pages, start=1):
        assert FOOTER in page
        assert re.search(rf"\b{number}/{total}\s*$", page.strip().split("\n")[-1]), page


def test_pdf_repeats_the_table_header_on_each_page(request_pdf_text: str) -> None:
    pages = [page for page in request_pdf_text.split("\f") if "Aadhaar" in page]
    assert len(pages) >= 2
    assert all(re.search(r"Tipo\s+Número\s+Original o copia", page) for page in pages)


def test_pdf_embeds_the_attachments(request_pdf: Path, tmp_path: Path) -> None:
    assert "1: request.json" in poppler("pdfdetach", "-list", str(request_pdf))
    saved = tmp_path / "saved.json"
    poppler("pdfdetach", "-save", "1", "-o", str(saved), str(request_pdf))
    assert saved.read_bytes() == REQUEST_JSON


def test_pdf_metadata_title_language_date(request_pdf: Path) -> None:
    info = poppler("pdfinfo", "-isodates", str(request_pdf))
    assert re.search(r"Title:\s+Solicitud de certificación de nacionalidad\n", info)
    assert re.search(r"CreationDate:\s+2025-03-15T09:30:00(Z|\+00)", info), info
    assert re.search(r"Page size:\s+595.* x 841.* \(A4\)", info)
    assert b"/Lang (es)" in request_pdf.read_bytes()


def test_pdf_is_deterministic() -> None:
    layout = request_layout(document_rows=3)
    assert render_pdf(layout, created=CREATED) == render_pdf(layout, created=CREATED)
    assert render_pdf(layout) == render_pdf(layout)


def test_import_engine_does_not_import_fpdf() -> None:
    probe = ("import sys, engine, engine.render, engine.render.pdf; "
             "print(sorted({m.split('.')[0] for m in sys.modules} "
             "& {'fpdf', 'uharfbuzz', 'fontTools', 'PIL'}))")
    completed = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                               text=True, check=True, timeout=120)
    assert completed.stdout.strip() == "[]"


# When fonts are missing ----------------------------------------------------------------------


@pytest.fixture
def font_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty NATID_FONT_DIR, the standard folders hidden."""
    monkeypatch.setattr(fonts_module, "SEARCH_DIRS", [])
    monkeypatch.setenv("NATID_FONT_DIR", str(tmp_path))
    return tmp_path


def test_no_latin_font_is_a_user_error_naming_folders_and_fix(font_dir: Path) -> None:
    with pytest.raises(FontsMissingError) as caught:
        render_pdf(Layout("Hello"))
    error = caught.value
    assert isinstance(error, UserError)
    assert error.code == "NATID-E070"
    assert str(font_dir) in error.message
    assert "NotoSans-Regular.ttf" in error.message
    assert "fonts-noto-core" in error.message
    assert "NATID_FONT_DIR" in error.message


def test_a_missing_script_font_matters_only_when_its_script_is_drawn(font_dir: Path) -> None:
    for name in ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"):
        (font_dir / name).symlink_to(fonts_module.Path("/usr/share/fonts/truetype/noto") / name)
    assert render_pdf(Layout("Hello", sections=(Section("S", rows=(Row("Name", "José"),)),)))
    with pytest.raises(FontsMissingError) as caught:
        render_pdf(Layout("Hello", sections=(Section("S", rows=(Row("Name", MIXED),)),)))
    assert "NotoSansDevanagari-Regular.ttf" in caught.value.message
    assert str(font_dir) in caught.value.message


def test_a_damaged_font_file_is_a_user_error(font_dir: Path) -> None:
    real = Path("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf").read_bytes()
    (font_dir / "NotoSans-Regular.ttf").write_bytes(real[:3000])
    with pytest.raises(PdfError) as caught:
        render_pdf(Layout("Hello"))
    assert caught.value.code == "NATID-E070"
    assert "NotoSans-Regular.ttf cannot be read" in caught.value.message


def test_an_empty_attachment_is_refused_with_a_user_error() -> None:
    with pytest.raises(PdfError, match=re.escape("'empty.json' is empty")):
        render_pdf(Layout("Hello", attachments={"empty.json": b""}))
