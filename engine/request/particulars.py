"""Answers as a consulate reads them: choice labels, dates marked estimated, yes or no."""

from __future__ import annotations

from typing import Any

from engine.i18n import N_, translations
from engine.model import Form, Kind, Parameter
from engine.texts import pick

YES, NO = N_("yes"), N_("no")


def shown(form: Form, parameter: Parameter, value: Any, language: str) -> str:
    """An answer in words, in ``language`` (names stay in the script they were given in)."""
    if parameter.kind in (Kind.CHOICE, Kind.MULTI_CHOICE):
        labels = {choice.value: pick(choice.label, language, form)
                  for choice in form.choices_of(parameter)}
        chosen = value if isinstance(value, list) else [value]
        return ", ".join(labels.get(str(item), str(item)) for item in chosen)
    if parameter.kind is Kind.YES_NO:
        words = translations(language)
        return words.gettext(YES) if value is True else words.gettext(NO)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def calendar_name(calendar: str, language: str) -> str:
    """A calendar's name in ``language`` ('Ethiopian calendar')."""
    from engine.calendars import NAMES, Calendar

    return translations(language).gettext(NAMES[Calendar(calendar)])


def estimated(parameter: Parameter, value: Any) -> bool:
    """A date of which only the year, or the year and month, are known."""
    return parameter.kind is Kind.DATE and isinstance(value, str) and len(value) < len("YYYY-MM-DD")
