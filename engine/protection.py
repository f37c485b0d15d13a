"""The protection gate: what the screening says, and whether a request may be produced.

DESIGN §4: fear of return, a wish to seek asylum, asylum or refugee status elsewhere,
or signs of trafficking mean that no certificate request can be produced — a referral
goes to the competent national authority instead. A child's request waits for the
best-interests step. Declared and presumed nationality are kept apart, and the
declared one is routed first. Everything here is read from the interview's events;
the request and referral builders (engine.request) ask this module, never the screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.conditions import evaluate
from engine.errors import UserError
from engine.i18n import _, country_name, translator
from engine.interview import Interview
from engine.interview.events import Event, EventKind
from engine.interview.state import SCREENING_PREFIX
from engine.model import Effect, ProtectionFlag
from engine.texts import pick
from engine.validators.paths import condition_leaves

BLOCKING = (Effect.BLOCK,)
"""Effects that forbid any request: the person goes to a protection authority."""


class RequestRefusedError(UserError):
    """A certificate request was asked for and is held back; the message says why."""

    code = "NATID-E071"

    def __init__(self, reasons: list[Obstacle]) -> None:
        self.reasons = reasons
        super().__init__(_("no certificate request can be produced: {reasons}").format(
            reasons="; ".join(str(reason) for reason in reasons)))


class NothingToReferError(UserError):
    """A referral was asked for, but the screening raised no protection flag."""

    code = "NATID-E073"


@dataclass(frozen=True)
class RaisedFlag:
    """A flag the screening's answers raise, in the officer's language."""

    id: str
    effect: Effect
    route: str | None
    label: str
    guidance: str
    care_need: str


@dataclass(frozen=True)
class Obstacle:
    """One reason a request is held back."""

    reason: str
    """A stable word: no_screening, screening_incomplete, protection, hold,
    best_interests_pending, declared_elsewhere, open."""
    message: str
    """What holds the request back and what to do, in natid's current language."""
    command: str = ""
    """The ``natid`` command that takes the step, for the command line ('' if none)."""

    def __str__(self) -> str:
        return f"{self.message} ({self.command})" if self.command else self.message


@dataclass(frozen=True)
class Protection:
    """What the screening says about one interview, and what it allows."""

    screened: bool
    """The interview began with the protection screening."""
    unanswered: tuple[str, ...]
    """Required screening questions still without an answer (their 'screening.' ids)."""
    flags: tuple[RaisedFlag, ...]
    """The flags raised, in the screening's order."""
    declared_nationality: str | None
    """The nationality the person declared (a country code), or None."""
    best_interests: Event | None
    """The best-interests step, once recorded."""
    routing: Event | None
    """The officer's routing to the presumed nationality, if any."""

    @property
    def complete(self) -> bool:
        """The screening is done: every required question is answered or declined."""
        return self.screened and not self.unanswered

    @property
    def blocked(self) -> bool:
        """A flag forbids any request: only a referral can be produced."""
        return any(flag.effect in BLOCKING for flag in self.flags)

    @property
    def child(self) -> bool:
        """A flag asks for the best-interests step (a child, or age not established)."""
        return any(flag.effect is Effect.BEST_INTERESTS for flag in self.flags)

    @property
    def routes(self) -> tuple[str, ...]:
        """The authorities a referral goes to, each once, in the order of the flags."""
        return tuple(dict.fromkeys(flag.route for flag in self.flags if flag.route))

    @property
    def care_needs(self) -> tuple[str, ...]:
        """What care the person needs, in the request's words (no narrative)."""
        return tuple(flag.care_need for flag in self.flags if flag.care_need)


def protection_of(interview: Interview, language: str | None = None) -> Protection:
    """What the screening of ``interview`` says.

    Labels are in ``language``; by default in the language natid speaks now (the officer's
    in the app), so that they read well beside natid's own words.
    """
    screening = interview.screening
    state = interview.state
    if screening is None:
        return Protection(False, (), (), None, None, None)
    lang = language or translator.language
    asked = interview.screening_relevant()
    unanswered = tuple(p.id for p in asked if p.required and not interview.dealt_with(p.id))
    waiting = {p.id for p in asked if not interview.dealt_with(p.id)}
    answers = interview.screening_answers()
    flags = tuple(_raised(flag, lang, interview) for flag in screening.flags
                  if _decided(flag, waiting) and evaluate(flag.when, answers))
    declared = answers.get(screening.declared_nationality)
    declared_code = declared if isinstance(declared, str) and _is_country(declared) else None
    return Protection(True, unanswered, flags, declared_code,
                      state.latest(EventKind.BEST_INTERESTS), state.latest(EventKind.ROUTED))


def request_obstacles(interview: Interview, protection: Protection | None = None) -> list[Obstacle]:
    """Every reason no certificate request can be produced now ([] when one can)."""
    found = protection or protection_of(interview)
    obstacles: list[Obstacle] = []
    if not found.screened:
        obstacles.append(Obstacle("no_screening", _(
            "the interview began without the protection screening; start a new interview, "
            "which begins with it")))
    elif found.unanswered:
        obstacles.append(Obstacle("screening_incomplete", _(
            "the protection screening is not finished: {questions}").format(
                questions="; ".join(_prompt(interview, ident) for ident in found.unanswered))))
    for flag in found.flags:
        if flag.effect in BLOCKING:
            obstacles.append(Obstacle("protection", _(
                "{flag}: the person is referred to the protection authorities; nothing may "
                "be sent to a consulate").format(flag=flag.label), "natid referral"))
        elif flag.effect is Effect.HOLD:
            obstacles.append(Obstacle("hold", f"{flag.label}: {flag.guidance}".rstrip(": ")))
    if found.child and found.best_interests is None:
        obstacles.append(Obstacle("best_interests_pending", _(
            "the person is a child (or their age is not established): record the "
            "best-interests step first"), "natid best-interests"))
    presumed = interview.questionnaire.country
    routed = found.routing is not None and found.routing.data.get("country") == presumed
    if found.declared_nationality not in (None, presumed) and not routed:
        obstacles.append(Obstacle("declared_elsewhere", _(
            "the person declared the nationality of {declared}, so a request goes to {declared} "
            "first: interview with that country's questionnaire, or record why the request "
            "goes to {presumed}").format(declared=country_name(found.declared_nationality or ""),
                                         presumed=country_name(presumed)), "natid route"))
    if not interview.state.closed:
        obstacles.append(Obstacle("open", _("close the interview first: a request is made from "
                                            "answers that can no longer change")))
    return obstacles


def record_best_interests(interview: Interview, *, authority: str, reference: str,
                          officer: str | None = None) -> Event:
    """Record a child's best-interests step: who determined it, and its reference.

    Raises:
        engine.interview.InterviewError: no flag asks for it, or a field is empty.
    """
    if not protection_of(interview).child:
        from engine.interview import InterviewError

        raise InterviewError(_("the screening does not show a child: there is no "
                               "best-interests step to record"))
    return interview.log(EventKind.BEST_INTERESTS, officer=officer,
                         authority=_text(authority), reference=_text(reference))


def route_to_presumed(interview: Interview, reason: str, *, officer: str | None = None) -> Event:
    """Route the request to the questionnaire's country although another was declared.

    Raises:
        engine.interview.InterviewError: the person declared no other nationality, or the
            reason is empty.
    """
    declared = protection_of(interview).declared_nationality
    if declared in (None, interview.questionnaire.country):
        from engine.interview import InterviewError

        raise InterviewError(_("the person declared no other nationality: the request goes to "
                               "{country} without routing").format(
            country=interview.questionnaire.country))
    return interview.log(EventKind.ROUTED, officer=officer,
                         country=interview.questionnaire.country, reason=_text(reason))


def _prompt(interview: Interview, ident: str) -> str:
    """A screening question as the officer reads it, to name what is missing."""
    question = interview.question(ident) if ident in {
        p.id for p in interview.screening_relevant()} else None
    return question.officer_prompt if question is not None else ident


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _decided(flag: ProtectionFlag, waiting: set[str]) -> bool:
    """Whether every question the flag reads is dealt with, or not asked at all.

    ``waiting`` holds the questions asked and not yet answered or declined.
    """
    return all(SCREENING_PREFIX + leaf.answer not in waiting
               for _path, leaf in condition_leaves(flag.when, ()))


def _raised(flag: ProtectionFlag, language: str, interview: Interview) -> RaisedFlag:
    screening = interview.screening
    assert screening is not None  # noqa: S101 - only called when there is one
    return RaisedFlag(flag.id, flag.effect, str(flag.route) if flag.route else None,
                      pick(flag.label, language, screening),
                      pick(flag.guidance, language, screening),
                      pick(flag.care_need, language, screening))


def _is_country(value: str) -> bool:
    return len(value) == 2 and value.isupper() and value.isalpha()
