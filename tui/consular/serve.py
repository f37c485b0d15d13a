"""The guarded web server of a share: textual-serve, behind natid's own guard.

textual-serve has no authentication and checks no origin (DESIGN §11), so every request
passes :meth:`GuardedServer.guard` first:

- the link carries a one-time token; the first request with it gets a session cookie
  (HttpOnly, SameSite=Strict) and is sent on without the token; the token is dead after;
- every other request needs that cookie, and the WebSocket also an ``Origin`` header
  naming the page's own origin (a page elsewhere cannot drive the app);
- at most ``--sessions`` consular apps run at once.

Each WebSocket starts one consular app (``python -m tui.consular SHARE_FILE``). Its
connection and disconnection go to the share file's inbox, for the officer's side to
record. ``/transcript`` is a plain page of the same view, for scripts that browser
terminals misplace (Indic vowel signs). Run as
``python -m tui.consular.serve SHARE_FILE --host H --port P``, the token on stdin; the
officer's side starts it in its own process group and stops the whole group.
"""

from __future__ import annotations

import argparse
import html
import logging
import secrets
import shlex
import sqlite3
import sys
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web
from textual_serve.server import Server

from engine.share.file import ConsularFile
from engine.share.gate import ShareError

COOKIE = "natid_share"
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
DENIED = ("natid: this link is not valid (it was used already, or the share has stopped). "
          "Ask the officer for a new link.\n")
HEADERS = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer",
           "X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff"}


class GuardedServer(Server):
    """textual-serve serving the consular app, with a token, a cookie and an origin check."""

    def __init__(self, share_file: str, token: str, *, host: str, port: int,
                 sessions: int = 2) -> None:
        command = " ".join(shlex.quote(part) for part in
                           (sys.executable, "-m", "tui.consular", share_file))
        super().__init__(command, host=host, port=port, title="natid")
        self.share_file = share_file
        self.token = token
        """The link's one-time token; '' once it was used."""
        self.cookies: set[str] = set()
        self.sessions = sessions
        self.live = 0
        """Consular apps running now."""

    def initialize_logging(self) -> None:
        """Log warnings only, without textual-serve's banner."""
        logging.basicConfig(level=logging.WARNING, format="%(message)s")

    async def on_startup(self, app: web.Application) -> None:
        """Say nothing: the officer's side prints the link."""

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self.guard)
        app.router.add_get("/transcript", self.handle_transcript)
        return app

    @web.middleware
    async def guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Let through only the token's first use, then requests with the session cookie."""
        response: web.StreamResponse
        if "token" in request.query:
            response = self._take_token(request)
        elif request.cookies.get(COOKIE) not in self.cookies:
            response = web.Response(status=403, text=DENIED)
        elif request.path == "/ws" and request.headers.get("Origin") != \
                f"{request.scheme}://{request.host}":
            response = web.Response(status=403, text="natid: wrong origin\n")
        else:
            if request.path == "/":
                # The page's addresses (WebSocket, static files) follow the address the
                # browser used: a tunnel's local port, for example.
                self.public_url = f"{request.scheme}://{request.host}"
            response = await handler(request)
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    def _take_token(self, request: web.Request) -> web.StreamResponse:
        given = request.query.get("token", "")
        if not self.token or request.path != "/" or not secrets.compare_digest(
                given.encode(), self.token.encode()):
            return web.Response(status=403, text=DENIED)
        self.token = ""
        cookie = secrets.token_urlsafe(32)
        self.cookies.add(cookie)
        response = web.HTTPFound("/")
        response.set_cookie(COOKIE, cookie, httponly=True, samesite="Strict", path="/")
        return response

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """Start one consular app, within the session limit, and log its connection."""
        if self.live >= self.sessions:
            raise web.HTTPTooManyRequests(text="natid: too many consular sessions open\n")
        session = secrets.token_hex(6)
        self.live += 1
        self._log_session(session, "connected", request.remote or "")
        try:
            return await super().handle_websocket(request)
        finally:
            self.live -= 1
            self._log_session(session, "disconnected", request.remote or "")

    def _log_session(self, session: str, state: str, address: str) -> None:
        try:
            share = ConsularFile(self.share_file)
        except ShareError:  # the share stopped: the officer's side records the end
            return
        try:
            share.send("session", {"session": session, "state": state, "address": address})
        finally:
            share.close()

    async def handle_transcript(self, request: web.Request) -> web.Response:
        """The same view as plain HTML: native scripts shaped by the browser itself."""
        try:
            share = ConsularFile(self.share_file)
            try:
                view = share.view()
            finally:
                share.close()
        except (ShareError, sqlite3.Error, ValueError):  # the share file is gone
            view = None
        return web.Response(text=transcript(view), content_type="text/html")


def transcript(view: dict[str, Any] | None) -> str:
    """The read-only transcript page of a view (everything escaped)."""
    head = ('<!doctype html><html><head><meta charset="utf-8">'
            '<meta http-equiv="refresh" content="5"><title>natid</title></head><body>')
    if view is None or view.get("stopped"):
        return head + "<p>The share has stopped.</p></body></html>"
    escape = html.escape
    person = escape(view["languages"]["person"])
    parts = [head, f"<h1>{escape(view['consulate']['name'])}</h1>"]
    current = next((q for q in view["questions"] if q["id"] == view.get("current")), None)
    if current is not None:
        parts.append(f"<h2>{escape(current['consulate_prompt'])}</h2>"
                     f'<h2 lang="{person}">{escape(current["person_prompt"])}</h2>')
    rule = view["rule"]
    parts.append(f"<p>{rule['confirmed']} / {rule['required']}</p><table>")
    for question in view["questions"]:
        finding = question["finding"]["outcome"] if question["finding"] else ""
        parts.append(f"<tr><td>{question['number']}</td>"
                     f"<td>{escape(question['consulate_prompt'])}</td>"
                     f'<td lang="{person}">{escape(question["person_prompt"])}</td>'
                     f"<td>{escape(question['answer'] or question['status'])}</td>"
                     f"<td>{escape(finding)}</td></tr>")
    parts.append("</table><ul>")
    parts.extend(f"<li>{escape(str(document['type']))} {escape(str(document['number']))}</li>"
                 for document in view["documents"])
    parts.append("</ul></body></html>")
    return "".join(parts)


def main(argv: list[str]) -> int:
    """Serve the consular app of one share file; the link's token is read from stdin."""
    parser = argparse.ArgumentParser(prog="python -m tui.consular.serve")
    parser.add_argument("share_file")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--sessions", type=int, default=2)
    options = parser.parse_args(argv)
    token = sys.stdin.readline().strip()
    if not token:
        print("natid: no token given on standard input", file=sys.stderr)
        return 2
    GuardedServer(options.share_file, token, host=options.host, port=options.port,
                  sessions=options.sessions).serve()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
