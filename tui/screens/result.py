"""The result: the two results explained, the protection gate, and what the interview produces.

The screen asks the engine (engine.protection) what the screening allows, and prepares the
certificate request or the referral through the app; it holds no rule of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, DataTable, Footer, Header, Static

from engine.errors import UserError
from engine.protection import (
    Obstacle,
    Protection,
    RequestRefusedError,
    protection_of,
    record_best_interests,
    request_obstacles,
    route_to_presumed,
)
from tui.i18n import N_, _, country_name, format_number
from tui.screens.base import NatidDialog, NatidScreen
from tui.vocabulary import NEXT_STEPS, PROTECTION_NEXT_STEP, RULE_MET_WITHOUT_DOCUMENT
from tui.widgets.plain import plain
from tui.widgets.protection_panel import ProtectionPanel
from tui.widgets.rule_panel import RulePanel

if TYPE_CHECKING:
    from tui.app import Prepared


class ResultScreen(NatidScreen):
    """The two results side by side, the protection gate, and what the interview produces."""

    HELP = N_(
        "# Result\n\nTwo results, never merged: the **country's rule** (how many answers "
        "are confirmed, against the number the country requires) and the **strength of "
        "support** (how strongly the confirmed and contradicted answers support the "
        "presumed nationality, in the words of forensic evaluative reporting). The table "
        "shows what each answer contributed and why. natid never says a nationality is "
        "proven.\n\nThe **Protection** box shows the flags the protection screening "
        "raised and whether a request to the consulate can be prepared; if not, it lists "
        "why, and what to do.\n\n"
        "- **Ctrl+P**: prepare the request to the consulate that serves the country where "
        "the interview is held. natid checks the protection screening first: when it "
        "holds the request back, it says why (and records that it was asked for). The "
        "request is made from a closed interview: **Close interview** first.\n"
        "- **Ctrl+F**: prepare the referral to the protection authorities (asylum, child "
        "protection, anti-trafficking, health), when a flag calls for one. It never goes "
        "to a consulate.\n"
        "- **Ctrl+G**: for a child, record the best-interests step: the authority that "
        "determined the child's best interests and its reference.\n"
        "- **Ctrl+T**: the person declared another nationality; record why the request "
        "goes to the country of this questionnaire instead.\n\n"
        "Requests and referrals are written as a PDF to print and a JSON file, in the "
        "folder natid was started in; natid prepares them, you decide and send them.\n\n"
        "**Close interview** records the end of the interview; nothing can be changed "
        "afterwards. **Escape** goes back to the review (once the interview is closed: to "
        "the start)."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        *NatidScreen.BINDINGS,
        Binding("ctrl+p", "request", N_("Request")),
        Binding("ctrl+f", "referral", N_("Referral")),
        Binding("ctrl+g", "best_interests", N_("Best interests")),
        Binding("ctrl+t", "route", N_("Route")),
        Binding("escape", "back", N_("Back")),
        Binding("ctrl+l", "app.switch_language", N_("Language")),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.protection: Protection | None = None
        """What the protection screening says, as of the last action."""
        self.obstacles: list[Obstacle] = []
        """Why no request can be prepared now ([] when one can)."""

    def compose(self) -> ComposeResult:
        """Conclusion, next step, protection, the two results, the contributions."""
        assessment = self.app.interview.assess()
        closed = self.app.interview.state.closed
        yield Header()
        with VerticalScroll(id="result"):
            yield Static(_("Result"), classes="title")
            label = _("Conclusion")
            yield Static(f"[b]{label}[/b]: {_(assessment.conclusion)}",
                         id="conclusion")
            yield Static("", id="next-step")
            yield ProtectionPanel(id="protection")
            yield RulePanel(id="rule")
            yield DataTable(id="contributions", zebra_stripes=True)
            for contradiction in assessment.contradictions:
                yield Static(f"⚠ {contradiction.message}", classes="message", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(_("Interview closed") if closed else _("Close interview"),
                             id="close", variant="warning", disabled=closed, compact=True)
                yield Button(_("Finish") if closed else _("Back"), id="back", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        """Fill the contributions and the protection panel."""
        interview = self.app.interview
        assessment = interview.assess()
        self.query_one(RulePanel).show(assessment)
        table = self.query_one("#contributions", DataTable)
        table.add_columns(_("Question"), _("Outcome"), "log10 LR", _("Why"))
        asked = {p.id for p in interview.relevant()}
        for result in assessment.parameters:
            if result.outcome == "not asked":
                continue
            prompt = interview.question(result.parameter).officer_label \
                if result.parameter in asked else result.parameter
            table.add_row(*plain(prompt[:36], _(result.outcome),
                                 format_number(result.contribution, signed=True),
                                 result.reason[:60]))
        for document in assessment.documents:
            table.add_row(*plain(_("Document"), _(document.outcome),
                                 format_number(document.contribution, signed=True),
                                 document.reason[:60]))
        sample = assessment.language_sample
        if sample is not None:
            table.add_row(*plain(_("Language sample"), _(sample.outcome),
                                 format_number(sample.contribution, signed=True),
                                 sample.reason[:60]))
        self.refresh_protection()

    def refresh_protection(self) -> None:
        """Ask the engine again what the screening allows; show it, and the keys it opens."""
        interview = self.app.interview
        protection = protection_of(interview, self.app.officer_language)
        obstacles = request_obstacles(interview, protection)
        self.protection = protection
        self.obstacles = obstacles
        self.query_one(ProtectionPanel).show(protection, obstacles)
        assessment = interview.assess()
        conclusion = assessment.conclusion
        step = (PROTECTION_NEXT_STEP if protection.blocked
                else RULE_MET_WITHOUT_DOCUMENT
                if conclusion == "insufficient" and assessment.rule.met
                else NEXT_STEPS[conclusion])
        self.query_one("#next-step", Static).update(_(step))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer the referral, the best-interests step and the routing only when they apply."""
        protection = self.protection
        if action == "referral":
            return protection is not None and bool(protection.routes)
        if action == "best_interests":
            return protection is not None and protection.child
        if action == "route":
            return any(obstacle.reason == "declared_elsewhere" for obstacle in self.obstacles)
        return True

    # What the interview produces ------------------------------------------------------

    def action_request(self) -> None:
        """Prepare the certificate request, or say why it is held back."""
        from tui.screens.notice_dialog import NoticeDialog

        title = _("Request to the consulate")
        try:
            prepared = self.app.prepare_request()
        except RequestRefusedError as refused:
            dialog = NoticeDialog(title, _("No request was prepared (natid recorded that it was "
                                           "asked for, and why it is held back):"),
                                  [reason.message for reason in refused.reasons])
        except UserError as error:
            dialog = NoticeDialog(title, _("No request was prepared:"), [error.message])
        else:
            dialog = _written(title, prepared, _(
                "Prepared for {addressee}. natid sends nothing: you decide and send "
                "it.").format(addressee=prepared.addressee))
        self.app.push_screen(dialog)
        self.refresh_protection()

    def action_referral(self) -> None:
        """Prepare the referral to the protection authorities."""
        from tui.screens.notice_dialog import NoticeDialog

        title = _("Referral for protection")
        try:
            prepared = self.app.prepare_referral()
        except UserError as error:
            dialog = NoticeDialog(title, _("No referral was prepared:"), [error.message])
        else:
            dialog = _written(title, prepared, _(
                "Prepared for: {authorities}. It must never reach a "
                "consulate.").format(authorities=prepared.addressee))
        self.app.push_screen(dialog)
        self.refresh_protection()

    def action_best_interests(self) -> None:
        """Record a child's best-interests step."""
        from tui.screens.best_interests_dialog import BestInterestsDialog

        def record(fields: tuple[str, str] | None) -> None:
            if fields is not None:
                authority, reference = fields
                self._record(lambda: record_best_interests(
                    self.app.interview, authority=authority, reference=reference,
                    officer=self.app.officer or None), _("Best-interests step recorded."))

        self.app.push_screen(BestInterestsDialog(), record)

    def action_route(self) -> None:
        """Record why the request goes to the presumed nationality."""
        from tui.screens.route_dialog import RouteDialog

        protection = self.protection
        declared = protection.declared_nationality if protection else None
        presumed = self.app.interview.questionnaire.country

        def record(reason: str | None) -> None:
            if reason is not None:
                self._record(lambda: route_to_presumed(self.app.interview, reason,
                                                       officer=self.app.officer or None),
                             _("The request goes to {country}.").format(
                                 country=country_name(presumed)))

        self.app.push_screen(RouteDialog(country_name(declared or ""), country_name(presumed)),
                             record)

    def _record(self, action: Any, done: str) -> None:
        try:
            action()
        except UserError as error:
            self.notify(_("Not recorded: {reason}").format(reason=error.message),
                        severity="error")
            return
        self.notify(done)
        self.refresh_protection()

    # Closing ------------------------------------------------------------------------

    def action_back(self) -> None:
        """Back to the review; once the interview is closed, to the start screen."""
        if self.app.interview.state.closed:
            self.app.finish()
        else:
            self.app.pop_screen()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Close the interview, or go back."""
        if event.button.id != "close":
            self.action_back()
            return
        from tui.screens.close_dialog import CloseDialog

        interview = self.app.interview
        missing = [interview.question(p.id).officer_prompt
                   for p in interview.unanswered_required()]

        def close(reason: str | None) -> None:
            if reason is not None:
                self.app.close_interview(reason, incomplete=bool(missing))

        self.app.push_screen(CloseDialog(missing), close)


def _written(title: str, prepared: Prepared, intro: str) -> NatidDialog:
    """What was written; or, when not even its JSON could be, that nothing was prepared."""
    from tui.screens.notice_dialog import NoticeDialog

    if not prepared.written:
        return NoticeDialog(title, _("Nothing was prepared (nothing is recorded):"),
                            prepared.problems)
    where = _("Written in {folder}:").format(folder=prepared.written[0].parent)
    return NoticeDialog(title, f"{intro} {where}", [path.name for path in prepared.written],
                        prepared.problems)
