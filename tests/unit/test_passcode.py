"""The editor passcode: hashed with PBKDF2, checked in constant time, guessing slowed by a lock-out."""

from __future__ import annotations

import io

import pytest

from de_core.writing import passcode
from de_core.writing.passcode import RateLimiter, hash_passcode, verify_passcode

FAST = 1_000  # iterations for tests; the hash carries its own count


class Clock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def stored() -> str:
    return hash_passcode("สุจริต-2566", iterations=FAST)


def test_the_hash_has_the_documented_shape_and_a_fresh_salt_each_time(stored):
    algorithm, iterations, salt, digest = stored.split("$")
    assert (algorithm, iterations) == ("pbkdf2_sha256", str(FAST))
    assert len(bytes.fromhex(salt)) == 16 and len(bytes.fromhex(digest)) == 32
    assert hash_passcode("สุจริต-2566", iterations=FAST) != stored
    assert hash_passcode("x" * 8).split("$")[1] == str(passcode.ITERATIONS)


def test_the_right_passcode_verifies_and_anything_else_does_not(stored):
    assert verify_passcode("สุจริต-2566", stored)
    assert not verify_passcode("สุจริต-2565", stored)
    assert not verify_passcode("", stored)


@pytest.mark.parametrize("bad", ["", "plain-text", "md5$1$00$00", "pbkdf2_sha256$x$00$00",
                                 "pbkdf2_sha256$1000$zz$00", "pbkdf2_sha256$0$00$00"])
def test_a_malformed_stored_hash_never_lets_anyone_in(bad):
    assert not verify_passcode("anything", bad)


def test_an_empty_passcode_cannot_be_hashed():
    with pytest.raises(ValueError):
        hash_passcode("")


def test_five_wrong_tries_lock_the_session_for_five_minutes_even_for_the_right_passcode(stored):
    clock = Clock()
    limiter = RateLimiter(clock)
    for _ in range(5):
        assert not limiter.check("s1", "wrong", stored)
    assert limiter.wait_seconds("s1") == 300
    assert not limiter.check("s1", "สุจริต-2566", stored)
    assert limiter.check("s2", "สุจริต-2566", stored)  # another session is not locked by s1
    clock.now += 299
    assert not limiter.check("s1", "สุจริต-2566", stored)
    clock.now += 1
    assert limiter.wait_seconds("s1") == 0
    assert limiter.check("s1", "สุจริต-2566", stored)


def test_failures_older_than_the_window_are_forgotten_and_a_success_clears_them(stored):
    clock = Clock()
    limiter = RateLimiter(clock)
    for _ in range(4):
        limiter.check("s1", "wrong", stored)
    clock.now += 301
    assert not limiter.check("s1", "wrong", stored)
    assert limiter.wait_seconds("s1") == 0
    for _ in range(3):
        limiter.check("s1", "wrong", stored)
    assert limiter.check("s1", "สุจริต-2566", stored)
    for _ in range(4):
        limiter.check("s1", "wrong", stored)
    assert limiter.wait_seconds("s1") == 0


def test_many_sessions_guessing_together_lock_everyone_out_for_a_while(stored):
    clock = Clock()
    limiter = RateLimiter(clock)
    for n in range(20):
        limiter.check(f"s{n // 4}", "wrong", stored)  # 4 per session: no session reaches its own limit
    assert limiter.wait_seconds("fresh") == 300
    assert not limiter.check("fresh", "สุจริต-2566", stored)
    clock.now += 300
    assert limiter.check("fresh", "สุจริต-2566", stored)


def test_new_sessions_from_one_client_address_gain_nothing_and_its_lock_outs_double(stored):
    clock = Clock()
    limiter = RateLimiter(clock)
    for n in range(5):
        limiter.check(f"tab{n}", "wrong", stored, client="203.0.113.9")  # a fresh session for every guess
    assert limiter.wait_seconds("another-tab", stored, client="203.0.113.9") == 300
    assert limiter.wait_seconds("someone-else", stored, client="198.51.100.7") == 0
    assert limiter.check("someone-else", "สุจริต-2566", stored, client="198.51.100.7")
    clock.now += 300
    for n in range(5):
        limiter.check(f"again{n}", "wrong", stored, client="203.0.113.9")
    assert limiter.wait_seconds("x", stored, client="203.0.113.9") == 600  # the second lock-out in a row doubles
    clock.now += 600
    for n in range(5):
        limiter.check(f"third{n}", "wrong", stored, client="203.0.113.9")
    assert limiter.wait_seconds("x", stored, client="203.0.113.9") == 1200


def test_a_client_lock_out_stops_growing_and_is_forgotten_after_a_quiet_spell(stored):
    clock = Clock()
    limiter = RateLimiter(clock)
    waits = []
    for _ in range(7):
        for n in range(5):
            limiter.check(f"s{clock.now}-{n}", "wrong", stored, client="203.0.113.9")
        waits.append(limiter.wait_seconds("x", stored, client="203.0.113.9"))
        clock.now += waits[-1]
    assert waits == [300, 600, 1200, 2400, 4800, 4800, 4800]
    clock.now += 4800 + 1  # longer than the longest lock-out without a single failure
    for n in range(5):
        limiter.check(f"late{n}", "wrong", stored, client="203.0.113.9")
    assert limiter.wait_seconds("x", stored, client="203.0.113.9") == 300


def test_the_lock_of_everyone_never_grows_so_it_always_decays_within_five_minutes(stored):
    clock = Clock()
    limiter = RateLimiter(clock)
    for _round in range(5):  # an attacker renewing the lock of everyone from many addresses
        for n in range(20):
            limiter.check(f"s{n}", "wrong", stored, client=f"203.0.113.{n}")
        assert limiter.wait_seconds("real-editor", stored, client="10.0.0.2") == 300
        clock.now += 300
    assert limiter.check("real-editor", "สุจริต-2566", stored, client="10.0.0.2")


def test_the_holder_of_the_secrets_ends_the_lock_of_everyone_with_a_new_passcode(stored):
    limiter = RateLimiter(Clock())
    for n in range(20):
        limiter.check(f"s{n}", "wrong", stored, client=f"203.0.113.{n}")
    assert limiter.wait_seconds("real-editor", stored) == 300
    fresh = hash_passcode("ใหม่-สุจริต-2567", iterations=1_000)
    assert limiter.wait_seconds("real-editor", fresh) == 0
    assert limiter.check("real-editor", "ใหม่-สุจริต-2567", fresh)


def test_the_command_prints_a_secrets_line_that_verifies(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("ยาวพอแล้ว-123\n"))
    monkeypatch.setattr(passcode, "ITERATIONS", FAST)
    monkeypatch.setattr(passcode.hash_passcode, "__defaults__", (FAST, None))
    assert passcode.main([]) == 0
    out = capsys.readouterr().out
    assert out.startswith("[editors]\npasscode_hash = \"pbkdf2_sha256$")
    stored_line = out.split('"')[1]
    assert verify_passcode("ยาวพอแล้ว-123", stored_line)


def test_the_command_refuses_a_short_passcode(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert passcode.main([]) == 1
    assert "at least 8" in capsys.readouterr().err


def test_de_dashboard_passcode_prints_the_same_secrets_line(monkeypatch, capsys):
    from de_core.ops.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO("ยาวพอแล้ว-456\n"))
    monkeypatch.setattr(passcode, "ITERATIONS", FAST)
    monkeypatch.setattr(passcode.hash_passcode, "__defaults__", (FAST, None))
    assert main(["passcode"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("[editors]\npasscode_hash = \"pbkdf2_sha256$")
    assert verify_passcode("ยาวพอแล้ว-456", out.split('"')[1])


def test_a_lock_out_of_every_session_ends_at_once_when_the_secrets_holder_sets_a_new_passcode():
    clock = Clock()
    limiter = RateLimiter(clock)
    old, new = hash_passcode("รหัสเดิม-12345", FAST), hash_passcode("รหัสใหม่-67890", FAST)
    for n in range(20):
        limiter.check(f"attacker-{n}", "เดา", old)  # twenty sessions, one wrong guess each
    assert limiter.wait_seconds("the-officer", old) > 0 and not limiter.check("the-officer", "รหัสเดิม-12345", old)
    assert limiter.check("the-officer", "รหัสใหม่-67890", new)  # the new hash is not locked
