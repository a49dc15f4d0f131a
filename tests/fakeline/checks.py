"""What the fake refuses, as the Messaging API reference documents it. Where the documentation leaves room, the
reading is a parameter (Reading), and the tests run under each plausible one.

- Authorization: "Bearer <channel access token>" (401 otherwise).
- X-Line-Retry-Key: a hexadecimal UUID (400 otherwise).
- push: "to" a group (C…), user (U…) or room (R…) id; push and broadcast: 1 to 5 message objects.
- text: non-empty, at most 5,000 characters (LINE counts UTF-16 code units).
- flex: altText non-empty and at most 1,500 characters (older reference: 400); contents a bubble (its JSON at most
  30 KB) or a carousel (at most 12 bubbles, 50 KB); boxes need a layout and contents, texts a non-empty text,
  buttons an action; a URI action's uri at most 1,000 characters with an http, https, line or tel scheme, and its
  label at most 20 characters (older reference) or 40.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
LINE_ID = re.compile(r"^[CUR][0-9a-f]{32}$")
LAYOUTS = {"horizontal", "vertical", "baseline"}
SCHEMES = ("http://", "https://", "line://", "tel:")


@dataclass(frozen=True)
class Reading:
    """How the fake reads the limits the documentation leaves open."""

    alt_text_limit: int = 1500  # 400 in older versions of the reference
    label_limit: int = 20  # 40 for buttons in later versions
    kb: int = 1000  # 1 KB = 1,000 or 1,024 bytes
    ascii_json: bool = False  # the bubble measured with non-ASCII escaped (\uXXXX) or as UTF-8


class Refused(Exception):
    def __init__(self, message: str, prop: str = ""):
        super().__init__(message)
        self.message, self.prop = message, prop

    def body(self) -> dict[str, Any]:
        return {"message": self.message, **({"details": [{"message": self.message, "property": self.prop}]}
                                            if self.prop else {})}


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def size(container: dict[str, Any], reading: Reading) -> int:
    return len(json.dumps(container, ensure_ascii=reading.ascii_json, separators=(",", ":")).encode("utf-8"))


def _action(action: Any, where: str, reading: Reading) -> None:
    if not isinstance(action, dict) or action.get("type") != "uri":
        raise Refused("A message (messages[0]) in the request body is invalid", f"{where}/action")
    uri, label = action.get("uri"), action.get("label")
    if not isinstance(uri, str) or len(uri) > 1000 or not uri.startswith(SCHEMES):
        raise Refused("invalid uri scheme or length", f"{where}/action/uri")
    if label is not None and (not isinstance(label, str) or not label or utf16(label) > reading.label_limit):
        raise Refused(f"Length must be between 0 and {reading.label_limit}", f"{where}/action/label")


def _component(c: Any, where: str, reading: Reading) -> None:
    if not isinstance(c, dict):
        raise Refused("must be an object", where)
    kind = c.get("type")
    if kind == "box":
        if c.get("layout") not in LAYOUTS or not isinstance(c.get("contents"), list):
            raise Refused("invalid box", where)
        for i, child in enumerate(c["contents"]):
            _component(child, f"{where}/contents/{i}", reading)
    elif kind == "text":
        if not (isinstance(c.get("text"), str) and c["text"]) and not c.get("contents"):
            raise Refused("must be specified", f"{where}/text")
    elif kind == "button":
        _action(c.get("action"), where, reading)
    elif kind not in ("separator", "filler", "spacer"):
        raise Refused(f"unknown component type {kind!r}", f"{where}/type")
    if kind != "button" and "action" in c:
        _action(c["action"], where, reading)


def _bubble(b: Any, where: str, reading: Reading) -> None:
    if not isinstance(b, dict) or b.get("type") != "bubble":
        raise Refused("must be a bubble", where)
    if size(b, reading) > 30 * reading.kb:
        raise Refused("The size of a bubble must be 30 KB or less", where)
    for block in ("header", "hero", "body", "footer"):
        if block in b:
            _component(b[block], f"{where}/{block}", reading)


def check_message(m: Any, i: int, reading: Reading) -> None:
    where = f"messages[{i}]"
    if not isinstance(m, dict):
        raise Refused("must be an object", where)
    if m.get("type") == "text":
        text = m.get("text")
        if not isinstance(text, str) or not text or utf16(text) > 5000:
            raise Refused("Length must be between 0 and 5000", f"{where}.text")
    elif m.get("type") == "flex":
        alt = m.get("altText")
        if not isinstance(alt, str) or not alt or utf16(alt) > reading.alt_text_limit:
            raise Refused(f"Length must be between 0 and {reading.alt_text_limit}", f"{where}.altText")
        contents = m.get("contents")
        if isinstance(contents, dict) and contents.get("type") == "carousel":
            bubbles = contents.get("contents")
            if not isinstance(bubbles, list) or not 1 <= len(bubbles) <= 12 or size(contents, reading) > 50 * reading.kb:
                raise Refused("invalid carousel", f"{where}.contents")
            for j, b in enumerate(bubbles):
                _bubble(b, f"/{where}/contents/contents/{j}", reading)
        else:
            _bubble(contents, f"/{where}/contents", reading)
    else:
        raise Refused("The fake knows text and flex messages only", f"{where}.type")


def check_body(kind: str, body: Any, reading: Reading) -> None:
    """Raise Refused for a request body the real API refuses."""
    if not isinstance(body, dict):
        raise Refused("The request body has 1 error(s)")
    if kind == "push" and not (isinstance(body.get("to"), str) and LINE_ID.match(body["to"])):
        raise Refused("The property, 'to', in the request body is invalid (line: -, column: -)", "to")
    messages = body.get("messages")
    if not isinstance(messages, list) or not 1 <= len(messages) <= 5:
        raise Refused("Size must be between 1 and 5", "messages")
    for i, m in enumerate(messages):
        check_message(m, i, reading)
