"""A Babel extractor for questionnaire YAML, so that ``pybabel extract`` reads them.

It is registered as the ``natid_questionnaire`` extraction method (the
``babel.extractors`` entry point in pyproject.toml). With a mapping file such as::

    [natid_questionnaire: questionnaires/*.yaml]

``pybabel extract -F mapping.cfg -o in.pot questionnaires/`` writes a template of every
text in each questionnaire's source language, each with its dotted path as ``msgctxt``.
"""

from __future__ import annotations

import sys
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

from engine.errors import QuestionnaireError
from engine.questionnaire_texts.texts import read_texts

Extracted = tuple[int, str | None, str | tuple[str, str], list[str]]


def extract_questionnaire(fileobj: IO[bytes], keywords: Collection[str],
                          comment_tags: Collection[str],
                          options: Mapping[str, Any]) -> Iterator[Extracted]:
    """Yield ``(line, function, message, comments)`` for every text of a questionnaire.

    The message is ``(path, text)`` under ``pgettext`` when the keywords include it (they
    do by default), so each text carries its place as context; otherwise the text alone.
    A file that cannot be read yields nothing and its problems go to standard error.
    """
    name = str(getattr(fileobj, "name", "<questionnaire>"))
    try:
        texts = read_texts(fileobj.read(), name)
    except QuestionnaireError as error:
        for item in error.diagnostics:
            print(f"{item.format()} (natid_questionnaire: file skipped)", file=sys.stderr)
        return
    with_context = "pgettext" in keywords
    for entry in texts.entries:
        text = entry.texts.get(texts.source_language)
        if text is None:
            continue
        if with_context:
            yield entry.line, "pgettext", (entry.context, text), []
        else:
            yield entry.line, None, text, []
