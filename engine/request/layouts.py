"""The request and the referral laid out for reading: text and PDF share these layouts."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping

from engine.errors import UserError
from engine.i18n import N_, country_name, format_date, translations
from engine.render.layout import AnnexImage, Layout, Row, Section, Table
from engine.request.model import CertificateRequest
from engine.request.referral import Referral

SECTION_TITLES = {
    "name": N_("Names"), "sex": N_("Sex"), "birth": N_("Birth"), "family": N_("Family"),
    "address": N_("Address"), "document": N_("Documents"), "language": N_("Languages"),
}
TIERS = (N_("proof"), N_("presumption"), N_("knowledge"), N_("language"))
"""The evidence tiers, marked for the catalogs (the request shows them translated)."""
REQUEST_FILE = "request.json"
REFERRAL_FILE = "referral.json"


def request_layout(request: CertificateRequest,
                   copies: Mapping[str, bytes] | None = None) -> Layout:
    """The request as a printable document in its own language.

    ``copies`` are the files of the documents' copies, by the name the request gives
    them (engine.documents.attach.consulate_copy makes them): each is attached to the
    PDF, and each image is printed in an annex, one per page, with its hash.

    Raises:
        RequestCopyError: a copy the request lists is not given, or is not the file the
            request names by its hash.
    """
    lang = request.language
    _ = translations(lang).gettext
    to = request.addressee
    sections = [
        Section(_("Addressed to"), rows=tuple(Row(label, value) for label, value in (
            (_("Representation"), to.name),
            (_("City"), f"{to.city}, {country_name(to.country, lang)}"),
            (_("Address"), to.address or ""), (_("E-mail"), to.email or ""),
            (_("Telephone"), to.phone or ""), (_("Website"), to.website or ""),
        ) if value)),
        Section(_("Request"), rows=(
            Row(_("Reference"), request.request_id),
            Row(_("Prepared"), f"{format_date(request.prepared_at, lang)} — "
                               f"{request.prepared_by}"),
            Row(_("Office"), request.office or "—"),
            Row(_("Country of interview"), country_name(request.interviewing_country, lang)),
            Row(_("Nationality declared"), _country(request.nationality.declared, lang)),
            Row(_("Nationality presumed"), country_name(request.nationality.presumed, lang)),
        )),
    ]
    for section, title in SECTION_TITLES.items():
        rows = tuple(Row(item.label, item.value + (f" ({_('estimated')})" if item.estimated
                                                  else ""))
                     for item in request.particulars if item.section == section)
        if rows:
            sections.append(Section(_(title), rows=rows))
    evidence = request.evidence
    sections.append(Section(
        _("Evidence basis"),
        rows=(Row(_("Conclusion"), _(evidence.conclusion)),
              Row(_("Country's rule"), f"{len(evidence.confirmed)} / "
                  f"{evidence.confirmations_required} — "
                  + (_("met") if evidence.rule_met else _("not met"))),
              Row(_("Strength of support"), evidence.strength)),
        paragraphs=tuple(evidence.contradictions),
        table=Table((_("Question"), _("Outcome"), _("Evidence")),
                    tuple((item.label, _(item.outcome), _(item.tier)) for item in evidence.items
                          if item.outcome != "not asked"))))
    if request.documents:
        sections.append(_documents_section(request, lang))
    if request.to_verify:
        sections.append(Section(_("For the consulate to verify"), rows=tuple(
            Row(item.label, item.value) for item in request.to_verify)))
    if request.care_needs:
        sections.append(Section(_("Care needed"), paragraphs=tuple(request.care_needs)))
    if request.child_protection:
        step = request.child_protection.best_interests
        sections.append(Section(_("Child protection"), rows=(
            Row(_("Best-interests step"), f"{step.authority} — {step.reference} "
                                          f"({format_date(step.at, lang)})"),)))
    sections.append(Section(_("Decision of the consulate"), paragraphs=(_(
        "Nationality confirmed / not confirmed / more information needed; reference, date, "
        "name and signature of the consular officer."),), blank_lines=4))
    integrity = request.integrity
    files = checked_copies(request, copies)
    return Layout(
        title=_("Request for verification of nationality"),
        subtitle=f"{to.name} — {request.request_id}",
        sections=tuple(sections),
        footer=f"{_('Integrity')}: sha256 {integrity.sha256} · {integrity.events} "
               f"{_('events')} · natid verify --request",
        language=lang,
        attachments={REQUEST_FILE: request.model_dump_json(indent=2).encode("utf-8"),
                     **files},
        annex=tuple(AnnexImage(_("Annex: {document}").format(document=caption),
                               files[name], media_type, f"sha256 {digest}")
                    for name, caption, media_type, digest in _annexed(request)))


class RequestCopyError(UserError):
    """A document's copy that the request lists and that is missing or not the one named."""

    code = "NATID-E072"


def checked_copies(request: CertificateRequest,
                   copies: Mapping[str, bytes] | None) -> dict[str, bytes]:
    """The copies the request lists, each checked against its hash.

    Raises:
        RequestCopyError: a copy is missing, or its bytes do not give its hash.
    """
    found: dict[str, bytes] = {}
    for document in request.documents:
        if document.file is None:
            continue
        data = (copies or {}).get(document.file.name)
        if data is None:
            raise RequestCopyError(f"the copy of document {document.document_id} "
                                   f"({document.file.name}) is missing")
        if hashlib.sha256(data).hexdigest() != document.file.sha256:
            raise RequestCopyError(f"the copy {document.file.name} is not the file the "
                                   "request names by its hash")
        found[document.file.name] = data
    return found


def _documents_section(request: CertificateRequest, lang: str) -> Section:
    _ = translations(lang).gettext
    rows = tuple(
        (document.label, _("original") if document.original else _("copy"),
         country_name(document.issuing_country, lang) if document.issuing_country else "—",
         document.number or "—",
         format_date(document.expires, lang) if document.expires else "—", _(document.tier),
         "—" if document.mrz_checked is None
         else _("holds") if document.mrz_checked else _("fails"))
        for document in request.documents)
    return Section(_("Documents seen"), table=Table(
        (_("Document"), _("Seen"), _("Issued by"), _("Number"), _("Expires"), _("Evidence"),
         _("MRZ check digits")), rows),
        paragraphs=tuple(
            f"{document.label} {document.number or ''}: {document.file.name}, sha256 "
            f"{document.file.sha256}" for document in request.documents if document.file))


def _annexed(request: CertificateRequest) -> list[tuple[str, str, str, str]]:
    """(file name, caption, media type, hash) of each image copy, in the request's order."""
    return [(document.file.name,
             " ".join(part for part in (document.label, document.number,
                                         f"({document.file.name})") if part),
             document.file.media_type, document.file.sha256)
            for document in request.documents
            if document.file is not None and document.file.media_type.startswith("image/")]


def referral_layout(referral: Referral) -> Layout:
    """The referral as a printable document in its own language."""
    lang = referral.language
    _ = translations(lang).gettext
    sections = [Section(_("Referral"), rows=(
        Row(_("Reference"), referral.referral_id),
        Row(_("Prepared"), f"{format_date(referral.prepared_at, lang)} — "
                           f"{referral.prepared_by}"),
        Row(_("Office"), referral.office or "—"),
        Row(_("Country of interview"), country_name(referral.interviewing_country, lang)
            if referral.interviewing_country else "—"),
        Row(_("Nationality declared"), _country(referral.declared_nationality, lang)),
    ))]
    sections.extend(Section(route.authority, rows=tuple(
        Row(flag.label, flag.guidance or "—") for flag in route.flags))
        for route in referral.routes)
    if referral.care_needs:
        sections.append(Section(_("Care needed"), paragraphs=tuple(referral.care_needs)))
    sections.append(Section(_("Protection screening"), rows=tuple(
        Row(item.question, item.answer) for item in referral.screening)))
    if referral.particulars:
        sections.append(Section(_("Particulars"), rows=tuple(
            Row(item.question, item.answer) for item in referral.particulars)))
    return Layout(
        title=_("Referral for protection"), subtitle=referral.notice,
        sections=tuple(sections), footer=referral.referral_id, language=lang,
        attachments={REFERRAL_FILE: json.dumps(referral.model_dump(mode="json"), indent=2,
                                               ensure_ascii=False).encode("utf-8")})


def _country(code: str | None, language: str) -> str:
    if code is None:
        return translations(language).gettext("none declared")
    return country_name(code, language)
