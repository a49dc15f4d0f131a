"""The LINE client against the fake Messaging API on loopback: one delivery per retry key through 429s, server
errors and dropped connections (before and after LINE accepts), the month's allowance, a wrong token, and the Flex
message's plain-text fallback; under each reading of what the documentation leaves open."""

from __future__ import annotations

import socket
import uuid

import pytest

from de_core.digest.flex import flex_message
from de_core.digest.line import LineClient, RetryPolicy
from de_core.digest.log import Entry
from de_core.digest.send import _line, text_key
from tests.fakeline import FakeLineServer, Fault, Reading
from tests.fakeline.fixtures import fake_line  # noqa: F401  (pytest fixture)
from tests.integration.gsheets_support import FakeClock
from tests.unit.digestdata import huge_digest

TOKEN = "fake-line-channel-token"



@pytest.fixture
def srv(fake_line: FakeLineServer) -> FakeLineServer:  # noqa: F811
    return fake_line


@pytest.fixture(scope="module")
def digest():
    return huge_digest()


def _client(srv: FakeLineServer, clock: FakeClock | None = None, token: str = TOKEN, attempts: int = 5) -> LineClient:
    clock = clock or FakeClock()
    return LineClient(token, srv.base_url, policy=RetryPolicy(attempts=attempts), sleep=clock.sleep, clock=clock.clock,
                      timeout=(2, 5))


def _key() -> str:
    return str(uuid.uuid4())


def test_a_push_is_one_flex_message_with_the_token_and_retry_key_and_bills_each_member(srv, digest):
    group = srv.add_group(25)
    key = _key()
    result = _client(srv).send(group, [flex_message(digest)], key)
    assert result.status == "sent" and result.code == 200 and result.attempts == 1 and result.request_id
    (sent,) = srv.sent
    assert sent.to == group and sent.retry_key == key and sent.messages[0]["type"] == "flex"
    assert srv.messages_used == 25 and all(s.authorized for s in srv.seen)


def test_a_broadcast_bills_every_friend_of_the_account(srv, digest):
    result = _client(srv).send("broadcast", [flex_message(digest)], _key())
    assert result.status == "sent" and srv.sent[0].endpoint == "broadcast"
    assert srv.messages_used == srv.friends


def test_a_429_with_retry_after_is_waited_out_then_sent_once(srv, digest):
    group, clock = srv.add_group(3), FakeClock()
    srv.inject(Fault("429", retry_after="7"), Fault("429", retry_after="2"))
    result = _client(srv, clock).send(group, [flex_message(digest)], _key())
    assert result.status == "sent" and result.attempts == 3 and clock.sleeps == [7.0, 2.0]
    assert len(srv.sent) == 1 and srv.messages_used == 3


def test_a_429_without_retry_after_backs_off_within_the_cap(srv, digest):
    group, clock = srv.add_group(3), FakeClock()
    srv.inject(Fault("429"), Fault("429"), Fault("429"))
    result = _client(srv, clock).send(group, [flex_message(digest)], _key())
    assert result.status == "sent" and len(clock.sleeps) == 3 and all(0 <= s <= 30 for s in clock.sleeps)


def test_a_retry_after_longer_than_a_run_waits_is_left_to_the_next_run_and_nothing_was_sent(srv, digest):
    group, clock = srv.add_group(3), FakeClock()
    srv.inject(Fault("429", retry_after="3600"))
    result = _client(srv, clock).send(group, [flex_message(digest)], _key())
    assert result.status == "failed" and clock.sleeps == [] and srv.sent == []


def test_the_months_allowance_used_up_is_not_retried(srv, digest):
    group, clock = srv.add_group(3), FakeClock()
    srv.inject(Fault("monthly"))
    result = _client(srv, clock).send(group, [flex_message(digest)], _key())
    assert result.status == "failed" and result.code == 429 and "allowance" in result.note_en
    assert len(srv.seen) == 1 and clock.sleeps == [] and srv.sent == []


def test_a_connection_dropped_before_line_accepts_is_tried_again_and_sent_once(srv, digest):
    group = srv.add_group(3)
    srv.inject(Fault("drop"), Fault("500"))
    result = _client(srv).send(group, [flex_message(digest)], _key())
    assert result.status == "sent" and result.attempts == 3 and len(srv.sent) == 1


@pytest.mark.parametrize("lost", ["accept_then_drop", "accept_then_500"])
@pytest.mark.parametrize("conflict_first", [True, False], ids=["409-before-faults", "409-after-faults"])
@pytest.mark.parametrize("with_sent", [True, False], ids=["409-with-sentMessages", "409-bare"])
def test_an_answer_lost_after_line_accepted_is_retried_with_the_same_key_and_delivered_once(lost, conflict_first,
                                                                                          with_sent, digest):
    srv = FakeLineServer(conflict_first=conflict_first, sent_messages_in_409=with_sent)
    srv.start()
    try:
        group, key = srv.add_group(10), _key()
        srv.inject(Fault(lost), Fault("429", retry_after="1"))  # the retry may meet a rate limit first
        result = _client(srv).send(group, [flex_message(digest)], key)
        assert result.status == "sent" and result.code == 409
        assert len(srv.sent) == 1 and srv.messages_used == 10
        assert result.request_id == srv.sent[0].request_id  # the accepted request's id
        assert {s.retry_key for s in srv.seen} == {key}
    finally:
        srv.stop()


def test_when_every_try_may_have_been_accepted_the_outcome_is_unknown_not_failed(srv, digest):
    group = srv.add_group(3)
    srv.inject(*[Fault("500")] * 5)
    result = _client(srv).send(group, [flex_message(digest)], _key())
    assert result.status == "unknown" and result.attempts == 5


def test_a_connection_never_made_sent_nothing_and_fails():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    result = LineClient(TOKEN, f"http://127.0.0.1:{port}", policy=RetryPolicy(attempts=2), sleep=lambda s: None) \
        .send("C" + "0" * 32, [{"type": "text", "text": "x"}], _key())
    assert result.status == "failed"


def test_a_wrong_token_fails_at_once_and_the_note_never_holds_a_token(srv, digest):
    group = srv.add_group(3)
    result = _client(srv, token="wrong-token-value").send(group, [flex_message(digest)], _key())
    assert result.status == "failed" and result.code == 401 and len(srv.seen) == 1
    assert "wrong-token-value" not in result.note_th + result.note_en + repr(result)
    assert TOKEN not in repr(_client(srv))


def test_a_flex_message_line_refuses_goes_out_as_plain_text_with_its_own_key(digest):
    srv = FakeLineServer(reading=Reading(alt_text_limit=10))  # a reading under which our altText is too long
    srv.start()
    try:
        group, key = srv.add_group(4), _key()
        entry = Entry("line:x:2023-W26", "line", group, "2023-W26", "sending", None, 1, key)
        result = _line(_client(srv), digest, entry)
        assert result.status == "sent" and "plain text" in result.note_en
        (sent,) = srv.sent
        assert sent.messages[0]["type"] == "text" and sent.retry_key == text_key(key) != key
        assert srv.messages_used == 4
        again = _line(_client(srv), digest, entry)  # a later run resuming the same row: LINE drops the repeat
        assert again.status == "sent" and len(srv.sent) == 1
    finally:
        srv.stop()


@pytest.mark.parametrize("reading", [Reading(400, 20, 1000, True), Reading(1500, 40, 1024, False)],
                         ids=["strictest", "loosest"])
def test_the_biggest_digest_is_accepted_as_flex_under_each_reading(reading, digest):
    srv = FakeLineServer(reading=reading)
    srv.start()
    try:
        result = _client(srv).send(srv.add_group(2), [flex_message(digest)], _key())
        assert result.status == "sent" and srv.sent[0].messages[0]["type"] == "flex"
    finally:
        srv.stop()
