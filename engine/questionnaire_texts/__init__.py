"""A questionnaire's translatable texts, for translators.

- :mod:`~engine.questionnaire_texts.texts`: every text written per language, with its
  path (``parameters.state.prompt``) and line;
- :mod:`~engine.questionnaire_texts.report`: coverage per language
  (``natid translations report``);
- :mod:`~engine.questionnaire_texts.po_export` and
  :mod:`~engine.questionnaire_texts.extractor`: the texts as gettext .po files, and a
  Babel extractor for ``pybabel extract``;
- :mod:`~engine.questionnaire_texts.po_import` and
  :mod:`~engine.questionnaire_texts.yaml_edit`: translations written back into the YAML,
  changing nothing else in the file.
"""

from __future__ import annotations

from engine.questionnaire_texts.texts import QuestionnaireTexts, TextEntry, read_texts

__all__ = ["QuestionnaireTexts", "TextEntry", "read_texts"]
