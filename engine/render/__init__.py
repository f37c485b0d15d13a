"""Printable renderings of a document :class:`~engine.render.layout.Layout`: text and PDF.

``render_text`` needs nothing but Python; ``render_pdf`` needs fpdf2, uharfbuzz and the Noto
fonts (:mod:`engine.render.fonts`), and imports fpdf2 only when it is called.
"""

from __future__ import annotations

from engine.render.fonts import FontsMissingError
from engine.render.pdf import PdfError, render_pdf
from engine.render.text import render_text

__all__ = ["FontsMissingError", "PdfError", "render_pdf", "render_text"]
