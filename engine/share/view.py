"""The allow-list: everything a consulate may see of an interview, and nothing else.

What goes in: the country questionnaire's questions asked so far, with their prompts in
the consulate's language and in the person's, the answers given to them, which of them
only the consulate can verify (and its own findings on them), the documents recorded
(type, original or copy, issuing country, number, dates), and the country's rule count.

What never goes in: the protection screening (its questions and answers), flags,
referrals, notes, officers' findings and their reasons, language samples, the files of
documents and their machine-readable zones, and the audit log. The view is built from
named fields, never by copying events, so that what is not listed here cannot leak.
"""

from __future__ import annotations

from typing import Any

from engine.interview import Interview
from engine.interview.state import ParameterState
from engine.model import Consulate, Kind, Parameter, Verification
from engine.texts import pick

VIEW_VERSION = 1
"""The shape of the view; the consular app refuses a view of another version."""


def consular_view(interview: Interview, consulate: Consulate, *, share_id: str) -> dict[str, Any]:
    """What the consulate may see of ``interview`` now, as plain JSON values."""
    questionnaire = interview.questionnaire
    state = interview.state
    consulate_language = consulate.preferred_language
    person = state.interviewee_language
    relevant = state.relevant(questionnaire)
    current = interview.current()
    questions = []
    for number, parameter in enumerate(relevant, start=1):
        current_state = state.parameters.get(parameter.id) or ParameterState()
        questions.append({
            "id": parameter.id,
            "number": number,
            "consulate_prompt": pick(parameter.prompt, consulate_language, questionnaire),
            "person_prompt": pick(parameter.prompt, person, questionnaire),
            "status": _status(current_state),
            "answer": _answer_text(interview, parameter, current_state, consulate_language),
            "consulate_item": parameter.verify is Verification.CONSULATE,
            "finding": _finding(current_state),
        })
    rule = interview.assess(consulate_language).rule
    return {
        "version": VIEW_VERSION,
        "share": share_id,
        "interview": state.interview_id,
        "country": questionnaire.country,
        "consulate": {"id": consulate.id, "name": consulate.name},
        "languages": {"consulate": consulate_language, "person": person},
        "current": current.id if current is not None and current.id in
        {parameter.id for parameter in relevant} else None,
        "questions": questions,
        "documents": [{"type": document.type, "original": document.original,
                       "issuing_country": document.issuing_country, "number": document.number,
                       "issued": document.issued, "expires": document.expires}
                      for document in state.documents],
        "rule": {"confirmed": len(rule.confirmed), "required": rule.required, "met": rule.met},
        "events": len(interview.events),
    }


def _status(current: ParameterState) -> str:
    if current.answered:
        return "answered"
    if current.declined:
        return current.declined
    return "skipped" if current.skipped else "waiting"


def _answer_text(interview: Interview, parameter: Parameter, current: ParameterState,
                 language: str) -> str | None:
    """The answer as the consulate reads it: choices by their labels in its language."""
    if not current.answered:
        return None
    value = current.value
    if parameter.kind in (Kind.CHOICE, Kind.MULTI_CHOICE):
        labels = {choice.value: pick(choice.label, language, interview.questionnaire)
                  for choice in interview.questionnaire.choices_of(parameter)}
        values = value if isinstance(value, list) else [value]
        return ", ".join(labels.get(str(item), str(item)) for item in values)
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value)
    if current.original:
        text += f" ({current.original.get('calendar', '')}: {current.original.get('date', '')})"
    return text


def _finding(current: ParameterState) -> dict[str, str] | None:
    """The consulate's own finding (officers' findings are not the consulate's to see)."""
    finding = current.consular
    if finding is None:
        return None
    return {"outcome": finding.outcome, "reason": finding.reason, "by": finding.officer,
            "at": finding.at}
