"""The start screen: who is interviewing, where, in which language; new or resume."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, DataTable, Footer, Header, Input, Label, Select, Static

from engine.store import InterviewSummary
from tui.i18n import LANGUAGES, N_, _, country_name, format_moment, language_name
from tui.screens.base import NatidScreen
from tui.widgets.plain import plain


class StartScreen(NatidScreen):
    """Officer, office and language; then a new interview or one to resume."""

    HELP = N_(
        "# Start\n\nWrite your name and your office: every answer you record carries them."
        "\n\nChoose the language natid speaks to you in (you can change it at any time "
        "with **Ctrl+L**).\n\n**New interview** asks for the country of presumed "
        "nationality and the person's language. **Resume** reopens the interview chosen "
        "in the list exactly where it stopped.\n\nKeys: **Tab** moves between fields, "
        "**Enter** presses a button, **F1** shows this help, **Ctrl+Q** quits."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        *NatidScreen.BINDINGS,
        Binding("ctrl+n", "new", N_("New interview")),
        Binding("ctrl+l", "app.switch_language", N_("Language")),
        Binding("ctrl+q", "app.quit", N_("Quit")),
    ]

    def compose(self) -> ComposeResult:
        """The officer's fields and the list of open interviews."""
        app = self.app
        yield Header()
        with VerticalScroll(id="start"):
            yield Static(_("Nationality identification interview"), classes="title")
            with Horizontal(classes="row"):
                yield Label(_("Officer"), classes="field-label")
                yield Input(value=app.officer, placeholder=_("your name"), compact=True,
                            id="officer")
            with Horizontal(classes="row"):
                yield Label(_("Office"), classes="field-label")
                yield Input(value=app.office, placeholder=_("where you work"), compact=True,
                            id="office")
            with Horizontal(classes="row"):
                yield Label(_("Your language"), classes="field-label")
                yield Select([(language_name(code, code), code) for code in LANGUAGES],
                             value=app.officer_language, allow_blank=False, compact=True,
                             id="language")
            yield Static("", id="message", classes="message")
            with Horizontal(classes="buttons"):
                yield Button(_("New interview"), id="new", variant="primary", compact=True)
                yield Button(_("Resume"), id="resume", compact=True)
            yield Static(_("Open interviews"), classes="subtitle")
            yield DataTable(id="open", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        """Fill the list of open interviews."""
        self.query_one("#start").can_focus = False  # it scrolls, but is no Tab stop
        table = self.query_one("#open", DataTable)
        table.add_columns(_("Started"), _("Country"), _("Officer"), _("Events"), _("Id"))
        for summary in self.app.open_interviews():
            table.add_row(*plain(*self._row(summary)), key=summary.id)
        self.query_one("#officer", Input).focus()

    def _row(self, summary: InterviewSummary) -> tuple[str, ...]:
        return (format_moment(summary.started_at), country_name(summary.country),
                summary.officer, str(summary.event_count), summary.id[:12])

    def on_select_changed(self, event: Select.Changed) -> None:
        """Switch the language natid speaks in."""
        if (event.select.id == "language" and isinstance(event.value, str)
                and event.value != self.app.officer_language):
            self.app.set_language(event.value)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """New interview, or resume the one chosen."""
        if event.button.id == "new":
            self.action_new()
        elif event.button.id == "resume":
            self.action_resume()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on an open interview resumes it."""
        self.action_resume()

    def action_new(self) -> None:
        """Ask for the questionnaire and the person's language."""
        if self._keep_fields():
            from tui.screens.setup import SetupScreen

            self.app.push_screen(SetupScreen())

    def action_resume(self) -> None:
        """Reopen the interview chosen in the list."""
        table = self.query_one("#open", DataTable)
        if not self._keep_fields():
            return
        if table.row_count == 0:
            self._say(_("There is no open interview to resume."))
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if key is not None:
            self.app.resume(str(key))

    def remember_fields(self) -> None:
        """Keep what was typed (the screen is about to be built again)."""
        self.app.officer = self.query_one("#officer", Input).value.strip()
        self.app.office = self.query_one("#office", Input).value.strip()

    def _keep_fields(self) -> bool:
        self.remember_fields()
        officer = self.app.officer
        if not officer:
            self._say(_("Write your name first: every answer you record carries it."))
            self.query_one("#officer", Input).focus()
            return False
        return True

    def _say(self, text: str) -> None:
        self.query_one("#message", Static).update(text)
