"""The referral to the national protection authorities, produced instead of a request.

It goes to the asylum authority, the child protection authority, the anti-trafficking
unit or health services, according to the flags the screening raised. It is never
addressed to a consulate, and says so on its face.
"""

from __future__ import annotations

import datetime

from pydantic import BaseModel, ConfigDict

from engine.i18n import N_, _, translations
from engine.interview import Interview
from engine.interview.events import Event, EventKind, format_time
from engine.interview.state import SCREENING_PREFIX
from engine.protection import NothingToReferError, protection_of
from engine.request.build import label_of
from engine.request.particulars import shown

ROUTE_NAMES = {
    "asylum_authority": N_("Asylum authority"),
    "child_protection": N_("Child protection authority"),
    "anti_trafficking": N_("Anti-trafficking unit"),
    "health_services": N_("Health services"),
}
NOT_FOR_CONSULATES = N_("Confidential. Not to be shared with any consulate or authority of the "
                        "person's country of origin.")


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class ReferredFlag(_Part):
    """A protection flag raised by the screening."""

    id: str
    label: str
    guidance: str


class ReferralRoute(_Part):
    """One authority the person is referred to, and why."""

    route: str
    authority: str
    """The authority's kind, in the referral's language."""
    flags: list[ReferredFlag]


class Answer(_Part):
    """One answer, as given."""

    parameter: str
    question: str
    answer: str


class Referral(_Part):
    """A referral of one person to the national protection authorities."""

    format_version: int = 1
    referral_id: str
    prepared_at: str
    prepared_by: str
    office: str
    interviewing_country: str
    language: str
    interview_id: str
    notice: str
    """Why it must never reach a consulate."""
    routes: list[ReferralRoute]
    declared_nationality: str | None
    presumed_nationality: str
    """The nationality the interview's questionnaire tests; nothing is proven."""
    screening: list[Answer]
    """Every answer of the protection screening."""
    particulars: list[Answer]
    """The person's particulars from the country questionnaire, as far as answered."""
    care_needs: list[str]


def build_referral(interview: Interview, *, officer: str, language: str | None = None,
                   now: datetime.datetime | None = None, record: bool = True) -> Referral:
    """The referral for ``interview``, or :class:`NothingToReferError` when no flag asks one."""
    lang = language or interview.state.officer_language
    protection = protection_of(interview, lang)
    if not protection.routes:
        raise NothingToReferError(_("the protection screening raised no flag that calls for a "
                                    "referral"))
    words = translations(lang)
    routes = [ReferralRoute(route=route, authority=words.gettext(ROUTE_NAMES[route]),
                            flags=[ReferredFlag(id=flag.id, label=flag.label,
                                                guidance=flag.guidance)
                                   for flag in protection.flags if flag.route == route])
              for route in protection.routes]
    count = len(interview.events)
    referral = Referral(
        referral_id=f"{interview.id}-R{count}",
        prepared_at=format_time(now or interview.clock()), prepared_by=officer.strip(),
        office=str(interview.events[0].data.get("office", "")),
        interviewing_country=interview.state.interviewing_country, language=lang,
        interview_id=interview.id, notice=words.gettext(NOT_FOR_CONSULATES), routes=routes,
        declared_nationality=protection.declared_nationality,
        presumed_nationality=interview.questionnaire.country,
        screening=_answers(interview, lang, screening=True),
        particulars=_answers(interview, lang, screening=False),
        care_needs=list(protection.care_needs))
    if record:
        record_referral(interview, referral, officer=officer)
    return referral


def record_referral(interview: Interview, referral: Referral, *, officer: str) -> Event:
    """Record that ``referral`` was produced: the routes and the flags behind them."""
    return interview.log(EventKind.REFERRAL_PREPARED, officer=officer,
                         routes=[route.route for route in referral.routes],
                         flags=[flag.id for route in referral.routes for flag in route.flags])


def _answers(interview: Interview, language: str, *, screening: bool) -> list[Answer]:
    answers = interview.answers()
    found = []
    for parameter in interview.relevant():
        in_screening = parameter.id.startswith(SCREENING_PREFIX)
        if in_screening != screening or parameter.id not in answers:
            continue
        if not screening and parameter.request is None:
            continue
        form = interview.screening if in_screening and interview.screening else \
            interview.questionnaire
        found.append(Answer(parameter=parameter.id.removeprefix(SCREENING_PREFIX),
                            question=label_of(form, parameter, language),
                            answer=shown(form, parameter, answers[parameter.id], language)))
    return found
