"""FakeLineServer: the two Messaging API endpoints the digest uses (push, broadcast) on 127.0.0.1, over real HTTP.

It answers as the reference documents: every response carries x-line-request-id; a request with a retry key that
was accepted before gets 409 with x-line-accepted-request-id (the accepted request's id) and is not delivered
again; a 429 request is not processed. It counts the messages LINE would bill: one per recipient of an accepted
request (a group's members, the account's friends for a broadcast), whatever the number of message objects.

Faults, injected in order, each used by one request: "429" (with or without Retry-After), "monthly" (429: the
month's allowance is used up), "500", "drop" (the connection closes before anything is done), "accept_then_drop"
and "accept_then_500" (the request is accepted and delivered, then the answer is lost).
Where the documentation is silent the fake has a switch: whether a repeated key meets 409 before a fault or after
it (`conflict_first`), and whether a 409's body repeats the sent messages (`sent_messages_in_409`).
"""

from __future__ import annotations

import json
import socket
import threading
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from .checks import UUID, Reading, Refused, check_body

ENDPOINTS = {"/v2/bot/message/push": "push", "/v2/bot/message/broadcast": "broadcast"}


@dataclass
class Fault:
    kind: str  # 429, monthly, 500, drop, accept_then_drop, accept_then_500
    retry_after: str | None = None


@dataclass(frozen=True)
class Sent:
    endpoint: str
    to: str
    messages: list[Any]
    retry_key: str | None
    request_id: str
    recipients: int


@dataclass(frozen=True)
class Seen:
    endpoint: str
    status: int | str  # an HTTP status, or "dropped"
    retry_key: str | None
    authorized: bool


@dataclass
class _State:
    accepted: dict[str, tuple[str, list[dict[str, str]]]] = field(default_factory=dict)
    sent: list[Sent] = field(default_factory=list)
    seen: list[Seen] = field(default_factory=list)
    faults: list[Fault] = field(default_factory=list)
    messages_used: int = 0


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 30

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass

    def do_POST(self) -> None:  # noqa: N802 - stdlib name
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.fake.handle(self, raw)  # type: ignore[attr-defined]

    def do_GET(self) -> None:  # noqa: N802
        self.server.fake.reply(self, 404, {"message": "Not found"})  # type: ignore[attr-defined]


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakeLineServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass


class FakeLineServer:
    def __init__(self, token: str = "fake-line-channel-token", friends: int = 40, reading: Reading | None = None,
                 conflict_first: bool = True, sent_messages_in_409: bool = True):
        self.token, self.friends = token, friends
        self.reading = reading or Reading()
        self.conflict_first, self.sent_messages_in_409 = conflict_first, sent_messages_in_409
        self.members: dict[str, int] = {}  # group or room id -> members; user ids count 1
        self._state = _State()
        self._lock = threading.Lock()
        self._httpd: _HTTPServer | None = None
        self.base_url = ""

    # -- lifecycle and set-up ------------------------------------------------------------------
    def start(self) -> str:
        self._httpd = _HTTPServer(("127.0.0.1", 0), _Handler)
        self._httpd.fake = self
        threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        self.base_url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        return self.base_url

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def add_group(self, members: int) -> str:
        """A group the Official Account is in, with `members` people (LINE bills a push to it per member)."""
        gid = "C" + uuid.uuid4().hex
        self.members[gid] = members
        return gid

    def add_user(self) -> str:
        uid = "U" + uuid.uuid4().hex
        self.members[uid] = 1
        return uid

    def inject(self, *faults: Fault) -> None:
        with self._lock:
            self._state.faults.extend(faults)

    # -- what happened ----------------------------------------------------------------------------
    @property
    def sent(self) -> list[Sent]:
        with self._lock:
            return list(self._state.sent)

    @property
    def seen(self) -> list[Seen]:
        with self._lock:
            return list(self._state.seen)

    @property
    def messages_used(self) -> int:
        with self._lock:
            return self._state.messages_used

    # -- the API ------------------------------------------------------------------------------------
    def reply(self, h: BaseHTTPRequestHandler, status: int, body: dict[str, Any],
              headers: dict[str, str] | None = None) -> None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        h.send_response(status)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Length", str(len(data)))
        h.send_header("x-line-request-id", str(uuid.uuid4()))
        for name, value in (headers or {}).items():
            h.send_header(name, value)
        h.end_headers()
        h.wfile.write(data)

    @staticmethod
    def _drop(h: BaseHTTPRequestHandler) -> None:
        h.close_connection = True
        try:
            h.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _accept(self, endpoint: str, body: dict[str, Any], key: str | None) -> tuple[str, list[dict[str, str]]]:
        request_id = str(uuid.uuid4())
        sent = [{"id": str(uuid.uuid4().int)[:18], "quoteToken": uuid.uuid4().hex} for _ in body["messages"]]
        recipients = self.friends if endpoint == "broadcast" else self.members[body["to"]]
        self._state.sent.append(Sent(endpoint, body.get("to", "broadcast"), body["messages"], key, request_id,
                                     recipients))
        self._state.messages_used += recipients
        if key is not None:
            self._state.accepted[key] = (request_id, sent)
        return request_id, sent

    def _conflict(self, h: BaseHTTPRequestHandler, endpoint: str, key: str) -> None:
        request_id, sent = self._state.accepted[key]
        body: dict[str, Any] = {"message": "The retry key is already accepted"}
        if self.sent_messages_in_409 and endpoint == "push":
            body["sentMessages"] = sent
        self.reply(h, 409, body, {"x-line-accepted-request-id": request_id})

    def handle(self, h: BaseHTTPRequestHandler, raw: bytes) -> None:
        endpoint = ENDPOINTS.get(h.path.split("?")[0])
        key = h.headers.get("X-Line-Retry-Key")
        authorized = h.headers.get("Authorization") == f"Bearer {self.token}"
        with self._lock:
            status: int | str = self._handle(h, raw, endpoint, key, authorized)
            self._state.seen.append(Seen(endpoint or h.path, status, key, authorized))

    def _handle(self, h: BaseHTTPRequestHandler, raw: bytes, endpoint: str | None, key: str | None,
                authorized: bool) -> int | str:
        if endpoint is None:
            self.reply(h, 404, {"message": "Not found"})
            return 404
        if not authorized:
            self.reply(h, 401, {"message": "Authentication failed. Confirm that the access token in the "
                                           "authorization header is valid."})
            return 401
        if key is not None and not UUID.match(key):
            self.reply(h, 400, {"message": "The value for the 'X-Line-Retry-Key' header is invalid"})
            return 400
        try:
            body = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            self.reply(h, 400, {"message": "The request body has 1 error(s)"})
            return 400
        if self.conflict_first and key in self._state.accepted:
            self._conflict(h, endpoint, key)
            return 409
        fault = self._state.faults.pop(0) if self._state.faults else None
        if fault is not None and not fault.kind.startswith("accept_then"):
            return self._fault(h, fault)
        if not self.conflict_first and key in self._state.accepted:
            self._conflict(h, endpoint, key)
            return 409
        try:
            check_body(endpoint, body, self.reading)
            if endpoint == "push" and body["to"] not in self.members:
                raise Refused("Failed to send messages")
        except Refused as refused:
            self.reply(h, 400, refused.body())
            return 400
        request_id, sent = self._accept(endpoint, body, key)
        if fault is not None:
            return self._fault(h, fault)
        self.reply(h, 200, {"sentMessages": sent} if endpoint == "push" else {})
        return 200

    def _fault(self, h: BaseHTTPRequestHandler, fault: Fault) -> int | str:
        if fault.kind in ("drop", "accept_then_drop"):
            self._drop(h)
            return "dropped"
        if fault.kind in ("500", "accept_then_500"):
            self.reply(h, 500, {"message": "An error occurred in the server"})
            return 500
        if fault.kind == "monthly":
            self.reply(h, 429, {"message": "You have reached your monthly limit."})
            return 429
        self.reply(h, 429, {"message": "The API rate limit has been exceeded. Try again later."},
                   {"Retry-After": fault.retry_after} if fault.retry_after is not None else None)
        return 429
