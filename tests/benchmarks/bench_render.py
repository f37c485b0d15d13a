"""Rendering a certificate request: PDF (fpdf2 + HarfBuzz, Noto fonts) and plain text.

Prints figures; asserts nothing about time.

A three-page request-like layout (names in Latin, Gurmukhi and Devanagari, a long
address, a table of documents, the consulate's blank lines, an attached JSON) rendered
as PDF, median of N runs, against the same layout as plain text; and a Latin-only
variant, to show what each further script's font costs (loading and subsetting it).
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from engine.render import render_pdf, render_text  # noqa: E402
from engine.render.layout import Layout, Row, Section, Table  # noqa: E402
from tests.benchmarks.timing import median_ms  # noqa: E402

CREATED = datetime(2025, 3, 15, 9, 30, tzinfo=UTC)


def request(name: str, mother: str, rows: int = 70) -> Layout:
    """A request-like layout of about three A4 pages."""
    return Layout(
        title="Solicitud de certificación de nacionalidad",
        subtitle="Para: Embajada de la India, Ciudad de México",
        sections=(
            Section("Datos personales", rows=(
                Row("Nombre completo", name),
                Row("Madre", mother),
                Row("Fecha de nacimiento", "1994-06-02 (estimada)"),
                Row("Dirección", "Village Kotla, Tehsil Batala, District Gurdaspur, Punjab, "
                                 "India; second house after the well on the road to Qadian"),
            )),
            Section("Base de la evidencia", paragraphs=(
                "Cinco parámetros confirmados sostienen la presunción de nacionalidad. " * 6,
            )),
            Section("Documentos vistos", table=Table(
                ("Tipo", "Número", "Original o copia", "Nivel"),
                tuple((f"Documento {index}", f"1234 5678 {index:04d}", "copia", "2")
                      for index in range(rows)),
            )),
            Section("Decisión del consulado", blank_lines=6),
        ),
        footer="Integridad: sha256:" + "0123456789abcdef" * 4,
        language="es",
        attachments={"request.json": b'{"request": "IN-2025-0001"}' * 40},
    )


def main() -> None:
    """Print the medians and their ratios."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="few repetitions (a smoke run)")
    repeat = 3 if parser.parse_args().quick else 15
    indic = request("Gurpreet Singh / ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ / गुरप्रीत सिंह", "हरजीत कौर / ਹਰਜੀਤ ਕੌਰ")
    latin = request("Gurpreet Singh", "Harjeet Kaur")
    render_pdf(indic, created=CREATED)  # imports fpdf2, uharfbuzz, fontTools once
    pages = render_pdf(indic, created=CREATED).count(b"/Type /Page\n")
    pdf_ms = median_ms(lambda: render_pdf(indic, created=CREATED), repeat)
    latin_ms = median_ms(lambda: render_pdf(latin, created=CREATED), repeat)
    text_ms = median_ms(lambda: render_text(indic), repeat * 10)
    print(f"rendering a {pages}-page request (median of {repeat})")
    print(f"  PDF, Latin + Gurmukhi + Devanagari       {pdf_ms:10.1f} ms")
    print(f"  PDF, Latin only                          {latin_ms:10.1f} ms")
    print(f"  plain text, same layout                  {text_ms:10.3f} ms")
    print(f"  ratio PDF / text                         {pdf_ms / text_ms:10.0f}")


if __name__ == "__main__":
    main()
