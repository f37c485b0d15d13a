"""Build the certificate request from an interview, behind the protection gate.

Nothing leaves here unless :func:`engine.protection.request_obstacles` finds nothing in
the way; every refusal and every request produced is an event of the interview, with
the officer who asked.
"""

from __future__ import annotations

import datetime
from typing import Any

from engine.assessment import Assessment
from engine.assessment.documents import PREFIX
from engine.directory import Representation, serving
from engine.documents.recorded import DOCUMENT_TYPES, copy_name, mrz_checked
from engine.errors import UsageError, UserError
from engine.i18n import _, translations
from engine.interview import Interview
from engine.interview.events import Event, EventKind, format_time
from engine.interview.state import SCREENING_PREFIX
from engine.model import (
    RCM_COUNTRIES,
    Form,
    Parameter,
    Procedure,
    Questionnaire,
    RequestSection,
)
from engine.protection import Protection, RequestRefusedError, protection_of, request_obstacles
from engine.request.integrity import document_hash, events_hash, request_hash
from engine.request.model import (
    Addressee,
    BestInterests,
    CertificateRequest,
    ChildProtection,
    DocumentFile,
    DocumentSeen,
    Evidence,
    EvidenceItem,
    Integrity,
    ItemToVerify,
    Nationality,
    Particular,
)
from engine.request.particulars import calendar_name, estimated, shown
from engine.texts import pick

SCREENING_SECTIONS = (RequestSection.SEX,)
"""The only screening answer a request may carry: sex. Nothing else the screening asks ever
reaches a consulate."""


class NoConsulateError(UserError):
    """No representation in the directory serves the interviewing country."""

    code = "NATID-E074"


def build_request(interview: Interview, *, officer: str, interviewing_country: str = "",
                  consulate: str | None = None, language: str | None = None,
                  now: datetime.datetime | None = None, record: bool = True) -> CertificateRequest:
    """The certificate request for ``interview``, or :class:`RequestRefusedError`.

    Args:
        interview: a closed interview that began with the protection screening.
        officer: who prepares the request (recorded with it, and with any refusal).
        interviewing_country: the RCM country where the person is ('MX'); default: the
            one recorded when the interview started.
        consulate: a consulate id from the questionnaire; default: the best one serving
            the interviewing country for nationality verification.
        language: the language of the labels; default: the consulate's preferred one
            when natid speaks it, else English.
        now: when the request is prepared (default: the interview's clock).
        record: record the request (or the refusal) as an event of the interview.
    """
    obstacles = request_obstacles(interview)
    if obstacles:
        refused = RequestRefusedError(obstacles)
        if record:
            record_refusal(interview, refused, officer=officer)
        raise refused
    request = assemble(interview, officer=officer, interviewing_country=interviewing_country,
                       consulate=consulate, language=language,
                       prepared_at=format_time(now or interview.clock()))
    if record:
        record_prepared(interview, request, officer=officer)
    return request


def prepare_request(interview: Interview, *, officer: str, **options: Any) -> CertificateRequest:
    """The request for a caller that writes it somewhere (options as for build_request).

    A refusal is recorded at once and raised; the request itself is recorded by
    :func:`record_prepared` once the caller has written it — a request that could not be
    written was not produced.
    """
    try:
        return build_request(interview, officer=officer, record=False, **options)
    except RequestRefusedError as refused:
        record_refusal(interview, refused, officer=officer)
        raise


def record_refusal(interview: Interview, refused: RequestRefusedError, *, officer: str) -> Event:
    """Record that a request was asked for and held back, with the reasons."""
    return interview.log(EventKind.REQUEST_REFUSED, officer=officer,
                         reasons=[obstacle.reason for obstacle in refused.reasons])


def record_prepared(interview: Interview, request: CertificateRequest, *, officer: str) -> Event:
    """Record that ``request`` was produced: its integrity hash and the hash of its content.

    Callers that write the request somewhere record it once it is written.
    """
    return interview.log(EventKind.REQUEST_PREPARED, officer=officer,
                         events=request.integrity.events, sha256=request.integrity.sha256,
                         consulate=request.addressee.consulate_id,
                         document=document_hash(request))


def assemble(interview: Interview, *, officer: str, interviewing_country: str,
             consulate: str | None, language: str | None,
             prepared_at: str) -> CertificateRequest:
    """The request from the interview's events as they stand (callers check the gate)."""
    count = len(interview.events)
    questionnaire = interview.questionnaire
    country = interviewing_country or interview.state.interviewing_country
    if not country:
        raise UsageError(_("say in which RCM country the interview is held (for example "
                           "--in MX): the request goes to the consulate that serves it"))
    if country not in RCM_COUNTRIES:
        raise UsageError(_("{country} is not a member state of the Regional Conference on "
                           "Migration: {known}").format(country=country,
                                                        known=", ".join(RCM_COUNTRIES)))
    chosen = _addressee(questionnaire, country, consulate)
    lang = language or _language_for(chosen)
    protection = protection_of(interview, lang)
    assessment = interview.assess(lang)
    integrity = _integrity(interview, count)
    return CertificateRequest(
        request_id=f"{interview.id}-{count}",
        prepared_at=prepared_at, prepared_by=officer.strip(),
        office=str(interview.events[0].data.get("office", "")),
        interviewing_country=country, language=lang,
        addressee=_as_addressee(chosen),
        nationality=_nationality(interview, protection),
        particulars=_particulars(interview, lang),
        evidence=_evidence(interview, assessment, lang),
        to_verify=_to_verify(interview, assessment, lang),
        documents=_documents(interview, lang),
        care_needs=list(protection.care_needs),
        child_protection=_child(protection),
        integrity=integrity,
    )


def _addressee(questionnaire: Questionnaire, country: str,
               consulate: str | None) -> Representation:
    if consulate is not None:
        for entry in serving([questionnaire], country, origin=questionnaire.country):
            if entry.consulate.id == consulate:
                return entry
        known = [c.id for c in questionnaire.consulates]
        raise NoConsulateError(_("no consulate '{id}' of {origin} serves {country}; its "
                                 "consulates: {known}").format(
            id=consulate, origin=questionnaire.country, country=country,
            known=", ".join(known) or "-"))
    found = serving([questionnaire], country, origin=questionnaire.country,
                    procedure=Procedure.NATIONALITY_VERIFICATION)
    if not found:
        raise NoConsulateError(_("no consulate of {origin} listed in its questionnaire verifies "
                                 "nationality for {country}").format(
            origin=questionnaire.country, country=country))
    return found[0]


def _language_for(entry: Representation) -> str:
    from engine.i18n import LANGUAGES

    preferred = entry.consulate.preferred_language.split("-")[0]
    return preferred if preferred in LANGUAGES else "en"


def _as_addressee(entry: Representation) -> Addressee:
    consulate = entry.consulate
    return Addressee(
        consulate_id=consulate.id, name=consulate.name, kind=consulate.kind, city=consulate.city,
        country=consulate.country, address=consulate.contact.address,
        phone=consulate.contact.phone, email=consulate.contact.email,
        website=consulate.contact.website, preferred_language=consulate.preferred_language,
        last_verified=consulate.last_verified.isoformat())


def _nationality(interview: Interview, protection: Protection) -> Nationality:
    presumed = interview.questionnaire.country
    declared = protection.declared_nationality
    if protection.routing is not None and declared not in (None, presumed):
        return Nationality(declared=declared, presumed=presumed, routed_to=presumed,
                           routing="officer",
                           routing_reason=str(protection.routing.data.get("reason", "")))
    return Nationality(declared=declared, presumed=presumed, routed_to=presumed,
                       routing="declared" if declared == presumed else "presumed")


def _particulars(interview: Interview, language: str) -> list[Particular]:
    found: list[Particular] = []
    answers = interview.answers()
    for parameter in interview.relevant():
        if parameter.request is None or parameter.id not in answers:
            continue
        screening = parameter.id.startswith(SCREENING_PREFIX)
        if screening and parameter.request not in SCREENING_SECTIONS:
            continue
        form = interview.screening if screening and interview.screening else \
            interview.questionnaire
        value = answers[parameter.id]
        original = interview.state.parameters[parameter.id].original or {}
        words = shown(form, parameter, value, language)
        if original:
            words += f" ({calendar_name(original['calendar'], language)}: {original['date']})"
        found.append(Particular(
            section=str(parameter.request), parameter=parameter.id.removeprefix(SCREENING_PREFIX),
            label=label_of(form, parameter, language), value=words, answer=value,
            estimated=estimated(parameter, value), calendar=original.get("calendar"),
            given=original.get("date")))
    order = list(RequestSection)
    return sorted(found, key=lambda item: order.index(RequestSection(item.section)))


def _evidence(interview: Interview, assessment: Assessment, language: str) -> Evidence:
    questionnaire = interview.questionnaire
    items = [EvidenceItem(parameter=result.parameter,
                          label=label_of(questionnaire, questionnaire.parameter(result.parameter),
                                       language),
                          outcome=result.outcome, tier=result.tier,
                          contribution=round(result.contribution, 4))
             for result in assessment.parameters]
    gettext = translations(language).gettext
    documents = {PREFIX + d.document_id: d for d in interview.documents}
    for result in assessment.documents:
        document = documents[result.parameter]
        items.append(EvidenceItem(
            parameter=result.parameter,
            label=" ".join(part for part in (gettext(DOCUMENT_TYPES[document.type]),
                                             document.number) if part),
            outcome=result.outcome, tier=result.tier,
            contribution=round(result.contribution, 4)))
    sample = assessment.language_sample
    if sample is not None:
        label = translations(language).gettext("Language sample")
        items.append(EvidenceItem(parameter=sample.parameter, label=label,
                                  outcome=sample.outcome, tier=sample.tier,
                                  contribution=round(sample.contribution, 4)))
    return Evidence(conclusion=assessment.conclusion,
                    confirmations_required=assessment.rule.required,
                    confirmed=list(assessment.rule.confirmed), rule_met=assessment.rule.met,
                    log10_lr=round(assessment.log10_lr, 4), strength=assessment.strength,
                    items=items,
                    contradictions=[item.message for item in assessment.contradictions])


def _documents(interview: Interview, language: str) -> list[DocumentSeen]:
    _ = translations(language).gettext
    found = []
    for document in interview.documents:
        file = document.file
        found.append(DocumentSeen(
            document_id=document.document_id, type=document.type,
            label=_(DOCUMENT_TYPES[document.type]), original=document.original,
            issuing_country=document.issuing_country or None, number=document.number or None,
            issued=document.issued or None, expires=document.expires or None,
            tier=str(document.tier), seen_by=document.seen_by,
            mrz_checked=mrz_checked(document),
            file=None if file is None else DocumentFile(
                name=copy_name(document), media_type=file.media_type,
                sha256=file.consulate_sha256, original_sha256=file.sha256)))
    return found


def _to_verify(interview: Interview, assessment: Assessment,
               language: str) -> list[ItemToVerify]:
    questionnaire = interview.questionnaire
    answers = interview.answers()
    found = []
    for ident in assessment.items_for_consulate:
        parameter = questionnaire.parameter(ident)
        found.append(ItemToVerify(parameter=ident,
                                  label=label_of(questionnaire, parameter, language),
                                  value=shown(questionnaire, parameter, answers.get(ident),
                                              language)))
    return found


def label_of(form: Form, parameter: Parameter, language: str) -> str:
    """The parameter's short label, else its prompt, in ``language``."""
    return pick(parameter.label or parameter.prompt, language, form)


def _child(protection: Protection) -> ChildProtection | None:
    step = protection.best_interests
    if not protection.child or step is None:
        return None
    return ChildProtection(best_interests=BestInterests(
        officer=step.officer, at=step.at, authority=str(step.data.get("authority", "")),
        reference=str(step.data.get("reference", ""))))


def _integrity(interview: Interview, count: int) -> Integrity:
    reference = interview.state.questionnaire
    country = str(reference.get("country", ""))
    version = str(reference.get("version", ""))
    content_hash = interview.content_hash
    chain = events_hash(interview.events[:count])
    return Integrity(interview_id=interview.id, questionnaire_country=country,
                     questionnaire_version=version, questionnaire_hash=content_hash,
                     events=count, events_hash=chain,
                     sha256=request_hash(country=country, version=version,
                                         questionnaire_hash=content_hash,
                                         interview_id=interview.id, events=count, chain=chain))
