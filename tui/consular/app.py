"""The consular app: the shared interview as it goes, and the consulate's findings.

It polls the share file's change counter (``PRAGMA data_version``) and redraws when
the officer's side wrote a new view. A finding goes to the share file's inbox; the
officer's side records it in the interview and answers, and the answer is shown here.
"""

from __future__ import annotations

import sqlite3
from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.timer import Timer
from textual.widgets import (
    Button,
    DataTable,
    Footer,
    Header,
    Input,
    RadioButton,
    RadioSet,
    Select,
    Static,
)

from engine.errors import UserError
from engine.share.file import ConsularFile
from engine.share.gate import ShareError
from tui.i18n import LANGUAGES, N_, _, country_name, translator

POLL_SECONDS = 0.05
"""How often the share file's change counter is read."""


class ConsularApp(App[int]):
    """A consulate's view of one interview shared with it."""

    CSS_PATH = "consular.tcss"
    TITLE = "natid"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "record", N_("Record the finding"), priority=True),
    ]

    def __init__(self, share_file: str) -> None:
        super().__init__()
        self.share_file = share_file
        self.view: dict[str, Any] | None = None
        """The allow-listed view last read from the share file (all this app holds)."""
        self.pending: dict[int, str] = {}
        """Findings sent and not yet answered: inbox row -> the item's id."""
        self._file: ConsularFile | None = None
        self._poll_timer: Timer | None = None
        self._items: list[str] = []
        self._language_before = translator.language

    def compose(self) -> ComposeResult:
        """The current question in both languages, the answers, documents, rule, findings."""
        yield Header()
        with VerticalScroll(id="view"):
            yield Static("", id="status", markup=False)
            yield Static(_("Current question"), classes="heading")
            yield Static("", id="consulate-prompt", markup=False)
            yield Static("", id="person-prompt", markup=False)
            yield Static("", id="rule", markup=False)
            yield Static(_("Answers so far"), classes="heading")
            yield DataTable(id="answers", cursor_type="row", zebra_stripes=True)
            yield Static(_("Documents recorded"), classes="heading")
            yield Static("", id="documents", markup=False)
            yield Static(_("Your finding on an item only the consulate can verify"),
                         classes="heading")
            yield Select[str]([], prompt=_("Item to verify"), id="item")
            with RadioSet(id="outcome"):
                yield RadioButton(_("confirmed"), name="confirmed", value=True)
                yield RadioButton(_("contradicted"), name="contradicted")
            with Horizontal(classes="row"):
                yield Input(placeholder=_("Reason (what your records show)"), id="reason")
            with Horizontal(classes="row"):
                yield Input(placeholder=_("Your name"), id="name")
                yield Button(_("Record"), id="record", variant="primary")
            yield Static("", id="message", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        """Open the share file and start following it."""
        self.query_one("#answers", DataTable).add_columns(
            _("No."), _("Question"), _("Answer"), _("Consulate"))
        try:
            self._file = ConsularFile(self.share_file)
        except UserError as error:
            self._stopped(error.message)
            return
        self.poll()
        self._poll_timer = self.set_interval(POLL_SECONDS, self.poll)
        self.query_one("#answers", DataTable).focus()  # Tab x3: the reason; Tab: the name

    def on_unmount(self) -> None:
        """Release the share file."""
        if self._file is not None:
            self._file.close()
        translator.language = self._language_before

    # Following the share --------------------------------------------------------------

    def poll(self) -> None:
        """Redraw when the officer's side wrote something new."""
        if self._file is None:
            return
        try:
            if not self._file.path.exists():
                raise ShareError("stopped")
            if not self._file.changed():
                return
            view = self._file.view()
            replies = self._file.replies()
        except (UserError, sqlite3.Error, OSError, ValueError):  # the share file is gone
            self._stopped(_("The share has stopped."))
            return
        if view is None:
            return
        if view.get("stopped"):
            self._stopped(_("The share has stopped."))
            return
        self.show(view)
        self._answered(replies)

    def show(self, view: dict[str, Any]) -> None:
        """Draw a view: the current question, the answers, the documents, the rule."""
        if view.get("version") != 1:
            self._stopped(_("This share comes from another version of natid."))
            return
        self.view = view
        language = view["languages"]["consulate"]
        if language in LANGUAGES and translator.language != language:
            translator.set_language(language)
        self.title = view["consulate"]["name"]
        self.sub_title = _("Interview {id}, questionnaire of {country}").format(
            id=view["interview"][:8], country=country_name(view["country"]))
        questions = view["questions"]
        current = next((q for q in questions if q["id"] == view.get("current")), None)
        self._update("status", _("Following the interview live."))
        self._update("consulate-prompt", current["consulate_prompt"] if current
                     else _("No question is being asked now."))
        self._update("person-prompt", current["person_prompt"] if current else "")
        rule = view["rule"]
        self._update("rule", _("The country's rule: {confirmed} of {required} confirmations "
                               "({met})").format(
            confirmed=rule["confirmed"], required=rule["required"],
            met=_("met") if rule["met"] else _("not met")))
        documents = view["documents"]
        self._update("documents", "\n".join(_describe(document) for document in documents)
                     or _("None recorded."))
        items = [q["id"] for q in questions if q["consulate_item"] and q["status"] == "answered"]
        if items != self._items:
            self._items = items
            labels = {q["id"]: f'{q["number"]}. {q["consulate_prompt"]}' for q in questions}
            select = self.query_one("#item", Select)
            chosen = select.value
            select.set_options([(labels[item], item) for item in items])
            if chosen in items:
                select.value = chosen
        self._fill_answers(questions)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Moving through the answers chooses the item to verify, when the row is one."""
        ident = event.row_key.value
        if ident in self._items:
            self.query_one("#item", Select).value = ident

    def _fill_answers(self, questions: list[dict[str, Any]]) -> None:
        table = self.query_one("#answers", DataTable)
        row = table.cursor_row
        table.clear()
        for question in questions:
            finding = question["finding"]
            consulate = (_(finding["outcome"]) if finding
                         else _("to verify") if question["consulate_item"] else "")
            answer = (question["answer"] if question["answer"] is not None
                      else _status_text(question["status"]))
            table.add_row(str(question["number"]), question["consulate_prompt"], answer,
                          consulate, key=question["id"])
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def _update(self, ident: str, text: str) -> None:
        widget = self.query_one(f"#{ident}", Static)
        widget.update(text)
        widget.display = bool(text)

    def _stopped(self, why: str) -> None:
        """The share ended (or never was): say so; nothing more can be recorded or read."""
        if self._poll_timer is not None:
            self._poll_timer.stop()
            self._poll_timer = None
        if self._file is not None:
            self._file.close()
            self._file = None
        self.view = None
        self._update("status", why)
        for ident in ("consulate-prompt", "person-prompt", "rule"):
            self._update(ident, "")
        self.query_one("#answers", DataTable).clear()
        self._update("documents", "")
        for widget in self.query("Select, Input, Button, RadioSet"):
            widget.disabled = True

    # Findings -------------------------------------------------------------------------

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """The Record button."""
        if event.button.id == "record":
            self.action_record()

    def action_record(self) -> None:
        """Send the finding to the officer's side, which records it in the interview."""
        if self._file is None or self.view is None:
            return
        item = self.query_one("#item", Select).value
        radio = self.query_one("#outcome", RadioSet).pressed_button
        reason = self.query_one("#reason", Input).value.strip()
        name = self.query_one("#name", Input).value.strip()
        if not isinstance(item, str):
            self.say(_("Choose the item you verified."))
            return
        if not reason or not name:
            self.say(_("Give the reason and your name: both are recorded with the finding."))
            return
        outcome = radio.name if radio is not None and radio.name else "confirmed"
        try:
            seq = self._file.send("finding", {"parameter": item, "outcome": outcome,
                                              "reason": reason, "name": name})
        except (sqlite3.Error, OSError):  # the share file is gone: the share stopped
            self._stopped(_("The share has stopped."))
            return
        self.pending[seq] = item
        self.query_one("#reason", Input).value = ""
        self.say(_("Sent; waiting for the interview to record it..."))

    def _answered(self, replies: dict[int, tuple[bool, str]]) -> None:
        for seq in [seq for seq in self.pending if seq in replies]:
            item = self.pending.pop(seq)
            accepted, message = replies[seq]
            self.say(_("'{item}' recorded in the interview.").format(item=item) if accepted
                     else _("'{item}' not recorded: {reason}").format(item=item, reason=message))

    def say(self, text: str) -> None:
        """Show a message under the form."""
        self.query_one("#message", Static).update(text)


def _status_text(status: str) -> str:
    return {"declined": _("declined to answer"), "dont_know": _("does not know"),
            "skipped": _("left for later"), "waiting": _("not asked yet")}.get(status, status)


def _describe(document: dict[str, Any]) -> str:
    """One document as the consulate reads it."""
    parts = [str(document["type"]).replace("_", " "),
             _("original") if document["original"] else _("copy")]
    if document["issuing_country"]:
        parts.append(country_name(document["issuing_country"]))
    if document["number"]:
        parts.append(_("no. {number}").format(number=document["number"]))
    if document["issued"]:
        parts.append(_("issued {date}").format(date=document["issued"]))
    if document["expires"]:
        parts.append(_("expires {date}").format(date=document["expires"]))
    return ", ".join(parts)
