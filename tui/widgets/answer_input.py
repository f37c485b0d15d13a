"""The answer widget that fits a question's kind, and reading the answer back."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Input, RadioButton, RadioSet, Select, SelectionList

from engine.calendars import NAMES, Calendar
from engine.interview import Question
from engine.model import Kind
from tui.i18n import _

_CHOICE_LIST_LIMIT = 12
"""Up to this many choices are shown as a list; more get a searchable drop-down."""


class NoAnswer(ValueError):
    """The widget holds no usable answer; the message says what to do."""


class AnswerInput(Widget):
    """One question's answer: text, number, date, yes/no, choice or several choices."""

    DEFAULT_CSS: ClassVar[str] = """
    AnswerInput { height: auto; }
    AnswerInput > Vertical { height: auto; }
    AnswerInput SelectionList { height: auto; max-height: 12; }
    AnswerInput RadioSet { height: auto; }
    """

    def __init__(self, question: Question, **options: Any) -> None:
        super().__init__(**options)
        self.question = question

    def compose(self) -> ComposeResult:
        """The widget for this kind of question, filled with the answer so far."""
        question, kind = self.question, self.question.parameter.kind
        current = question.current
        with Vertical():
            if kind is Kind.CHOICE and len(question.choices) <= _CHOICE_LIST_LIMIT:
                with RadioSet(id="answer"):
                    for choice in question.choices:
                        yield RadioButton(_label(choice.officer, choice.interviewee),
                                          value=choice.value == current, name=choice.value)
            elif kind is Kind.CHOICE:
                offered = [c.value for c in question.choices]
                yield Select([(_label(c.officer, c.interviewee), c.value)
                              for c in question.choices], id="answer", compact=True,
                             prompt=_("Type to search, Enter to open"),
                             value=current if current in offered else Select.NULL)
            elif kind is Kind.MULTI_CHOICE:
                chosen = set(current or [])
                yield SelectionList[str](
                    *[(_label(c.officer, c.interviewee), c.value, c.value in chosen)
                      for c in question.choices], id="answer")
            elif kind is Kind.YES_NO:
                with RadioSet(id="answer"):
                    yield RadioButton(_("Yes"), value=current is True, name="yes")
                    yield RadioButton(_("No"), value=current is False, name="no")
            else:
                placeholders = {Kind.DATE: _("YYYY-MM-DD (or YYYY-MM, or YYYY)"),
                                Kind.NUMBER: _("a number")}
                original = question.original or {}
                shown = original.get("date", "" if current is None else str(current))
                yield Input(value=shown, compact=True, id="answer",
                            placeholder=placeholders.get(kind, _("the answer, as said")),
                            type="number" if kind is Kind.NUMBER else "text")
                if kind is Kind.DATE and question.parameter.calendars:
                    calendars = ["gregorian", *question.parameter.calendars]
                    yield Select([(_(NAMES[Calendar(name)]), name) for name in calendars],
                                 id="calendar", compact=True, allow_blank=False,
                                 value=original.get("calendar", "gregorian"))

    def calendar(self) -> str | None:
        """The calendar a date is given in (None for other questions, or Gregorian)."""
        found = self.query("#calendar")
        if not found:
            return None
        value = found.first(Select).value
        return None if value in (Select.NULL, "gregorian") else str(value)

    def focus_answer(self) -> None:
        """Put the cursor in the answer."""
        self.query_one("#answer").focus()

    def value(self) -> Any:
        """The answer as the engine takes it.

        Raises:
            NoAnswer: nothing chosen or typed.
        """
        kind = self.question.parameter.kind
        widget = self.query_one("#answer")
        if isinstance(widget, RadioSet):
            pressed = widget.pressed_button
            if pressed is None:
                raise NoAnswer(_("Choose one answer."))
            return pressed.name == "yes" if kind is Kind.YES_NO else pressed.name
        if isinstance(widget, Select):
            if widget.value is Select.NULL:
                raise NoAnswer(_("Choose one answer."))
            return widget.value
        if isinstance(widget, SelectionList):
            if not widget.selected:
                raise NoAnswer(_("Choose one or more answers."))
            return list(widget.selected)
        text = widget.value.strip() if isinstance(widget, Input) else ""
        if not text:
            raise NoAnswer(_("Type the answer first."))
        if kind is Kind.NUMBER:
            try:
                number = float(text.replace(",", "."))
            except ValueError:
                raise NoAnswer(_("Type a number.")) from None
            return int(number) if number.is_integer() else number
        return text


def _label(officer: str, interviewee: str) -> str:
    """A choice in both languages when they differ: 'Punyab — ਪੰਜਾਬ'."""
    return officer if officer == interviewee else f"{officer} — {interviewee}"
