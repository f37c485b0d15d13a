"""Steps about protection: the screening, the best-interests step, requests and referrals."""

from __future__ import annotations

from engine.errors import UserError
from engine.interview.events import EventKind
from engine.interview.state import SCREENING_PREFIX
from engine.model import RCM_COUNTRIES
from engine.protection import RequestRefusedError, protection_of, record_best_interests
from engine.request.build import build_request
from engine.request.model import CertificateRequest
from engine.request.referral import Referral, build_referral
from engine.scenarios.failures import StepFailure
from engine.scenarios.names import country_code
from engine.scenarios.values import answer_value
from engine.scenarios.world import OFFICER, World
from engine.suggest import did_you_mean, one_of

Table = list[list[str]]

NO_FLAG = {
    "information_given": "yes", "consent": "yes", "sex": "male", "age": "30",
    "declared_nationality": "IN", "fear_of_return": "no", "wants_asylum": "no",
    "protection_elsewhere": "none", "documents_held_by_other": "no", "owes_debt": "no",
    "free_to_leave": "yes", "threatened": "no", "urgent_health": "no",
}
"""Answers to the bundled screening that raise no flag: an adult who declares the
questionnaire's nationality (set per scenario)."""
ROUTES = ("asylum_authority", "child_protection", "anti_trafficking", "health_services")


def begins_with_screening(world: World) -> None:
    """Given the interview begins with the protection screening."""
    world.begin(screened=True)


def held_in(world: World, country: str) -> None:
    """Given the interview is held in Mexico."""
    code = country_code(country)
    if code not in RCM_COUNTRIES:
        raise StepFailure(f"'{country}' is not a member state of the Regional Conference on "
                          f"Migration: {one_of(RCM_COUNTRIES)}")
    world.begin(country=code)


def passes_screening(world: World) -> None:
    """When the person answers the protection screening with no flag raised."""
    _answer_screening(world, _no_flag(world))


def passes_screening_except(world: World, table: Table) -> None:
    """When … with no flag raised, except: (a table: | question | answer |)."""
    if not table or [cell.strip().casefold() for cell in table[0]] != ["question", "answer"]:
        raise StepFailure("the table under this step needs the header row | question | answer |")
    if len(table) == 1:
        raise StepFailure("the table under this step has no rows below | question | answer |")
    _answer_screening(world, {**_no_flag(world),
                              **{row[0].strip(): row[1] for row in table[1:]}})


def closes(world: World) -> None:
    """When the officer closes the interview."""
    world.interview.close()


def records_best_interests(world: World, authority: str, reference: str) -> None:
    """When the officer records the best-interests step from "DIF" with reference "R-1"."""
    record_best_interests(world.interview, authority=authority, reference=reference,
                          officer=OFFICER)


def asks_for_request(world: World) -> None:
    """When the officer asks for the certificate request."""
    try:
        world.outcome = build_request(world.interview, officer=OFFICER,
                                      interviewing_country=world.interviewing_country)
    except UserError as error:
        world.outcome = error


def asks_for_referral(world: World) -> None:
    """When the officer asks for the referral."""
    try:
        world.outcome = build_referral(world.interview, officer=OFFICER)
    except UserError as error:
        world.outcome = error


def flag_raised(world: World, flag: str) -> None:
    """Then the flag "fear_of_return" is raised."""
    raised = [item.id for item in protection_of(world.interview).flags]
    if flag not in raised:
        raise StepFailure(f"the flag '{flag}' is not raised; raised: {', '.join(raised) or 'none'}")


def no_request(world: World) -> None:
    """Then no certificate request is produced."""
    prepared = [e for e in world.interview.events if e.kind is EventKind.REQUEST_PREPARED]
    if isinstance(world.outcome, CertificateRequest) or prepared:
        raise StepFailure("a certificate request was produced")
    if not isinstance(world.outcome, RequestRefusedError):
        raise StepFailure("no request was asked for: write 'When the officer asks for the "
                          "certificate request' first")


def held_back_because(world: World, reason: str) -> None:
    """Then the request is held back because of "best_interests_pending"."""
    no_request(world)
    assert isinstance(world.outcome, RequestRefusedError)  # noqa: S101 - checked just above
    reasons = [item.reason for item in world.outcome.reasons]
    if reason not in reasons:
        raise StepFailure(f"the request is held back, but not because of '{reason}'"
                          f"{did_you_mean(reason, reasons)}: {world.outcome.message}")


def referral_to(world: World, route: str) -> None:
    """Then a referral goes to the "asylum_authority"."""
    wanted = route.strip().replace(" ", "_").removeprefix("the_")
    if wanted not in ROUTES:
        raise StepFailure(f"'{route}' is not a route: {one_of(ROUTES)}")
    if not isinstance(world.outcome, Referral):
        raise StepFailure(f"no referral was produced: {_what(world.outcome)}")
    routes = [item.route for item in world.outcome.routes]
    if wanted not in routes:
        raise StepFailure(f"the referral goes to {', '.join(routes)}, not {wanted}")


def request_addressed_to(world: World, name: str) -> None:
    """Then the request is addressed to "Embassy of India, Mexico City"."""
    if not isinstance(world.outcome, CertificateRequest):
        raise StepFailure(f"no certificate request was produced: {_what(world.outcome)}")
    addressee = world.outcome.addressee
    if addressee.name != name:
        raise StepFailure(f"the request is addressed to '{addressee.name}', not '{name}'")
    consulate = next(c for c in world.questionnaire.consulates
                     if c.id == addressee.consulate_id)
    if world.interviewing_country not in consulate.serves:
        raise StepFailure(f"'{addressee.name}' does not serve {world.interviewing_country}")


def _no_flag(world: World) -> dict[str, str]:
    return {**NO_FLAG, "declared_nationality": world.questionnaire.country}


def _answer_screening(world: World, answers: dict[str, str]) -> None:
    screening = world.interview.screening
    if screening is None:
        raise StepFailure("this interview has no protection screening: begin with 'Given the "
                          "interview begins with the protection screening'")
    for ident, written in answers.items():
        parameter = screening.parameters_by_id.get(ident)
        if parameter is None:
            raise StepFailure(f"'{ident}' is not a question of the protection screening"
                              f"{did_you_mean(ident, screening.parameters_by_id)}")
        full = SCREENING_PREFIX + ident
        if all(asked.id != full for asked in world.interview.screening_relevant()):
            continue  # not asked, given the other answers (a child's companion, say)
        try:
            world.interview.answer(full, answer_value(screening, parameter, written))
        except UserError as error:
            raise StepFailure(f"in the row | {ident} | {written} |: {error.message}") from None


def _what(outcome: object) -> str:
    if isinstance(outcome, UserError):
        return outcome.message
    return "nothing was asked for yet"
