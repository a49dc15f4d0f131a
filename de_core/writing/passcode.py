"""The editor passcode: stored as a PBKDF2-SHA256 hash, checked in constant time, sign-ins rate-limited.

Make the line for secrets.toml with:  de-dashboard passcode   (asks for the passcode twice; the same as
python -m de_core.writing.passcode)
"""

from __future__ import annotations

import getpass
import hashlib
import hmac
import secrets
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

ALGORITHM = "pbkdf2_sha256"
ITERATIONS = 600_000
MIN_LENGTH = 8
MAX_FAILURES = 5
LOCKOUT_SECONDS = 300.0
#: failures from every session together before everyone waits (slows guessing from many sessions)
GLOBAL_MAX_FAILURES = 20


def hash_passcode(passcode: str, iterations: int = ITERATIONS, salt: bytes | None = None) -> str:
    """'pbkdf2_sha256$<iterations>$<salt hex>$<hash hex>' for secrets.toml. Raises ValueError when empty."""
    if not passcode:
        raise ValueError("the passcode is empty")
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", passcode.encode("utf-8"), salt, iterations)
    return f"{ALGORITHM}${iterations}${salt.hex()}${digest.hex()}"


def verify_passcode(passcode: str, encoded: str) -> bool:
    """Whether the passcode matches the stored hash (constant-time compare); False for a malformed hash."""
    try:
        algorithm, iterations, salt_hex, hash_hex = encoded.strip().split("$")
        rounds = int(iterations)
        salt, expected = bytes.fromhex(salt_hex), bytes.fromhex(hash_hex)
    except (AttributeError, ValueError):
        return False
    if algorithm != ALGORITHM or not 1 <= rounds <= 10_000_000 or not expected:
        return False
    digest = hashlib.pbkdf2_hmac("sha256", passcode.encode("utf-8"), salt, rounds)
    return hmac.compare_digest(digest, expected)


#: each further lock-out of the same session or client address in a row doubles, up to this many times (80 min)
MAX_DOUBLINGS = 4


@dataclass
class _Window:
    failures: list[float] = field(default_factory=list)
    locked_until: float = 0.0
    strikes: int = 0  # lock-outs in a row; forgotten once a whole longest lock-out passes without one


class RateLimiter:
    """Failed sign-ins back off per session, per client address and for all sessions together.

    - A session, and a client address (the connection's peer, or the address a trusted proxy forwarded), is locked
      out after 5 failures within 5 minutes: for 5 minutes, doubling with each further lock-out in a row (10, 20,
      40, 80 minutes), forgotten after a quiet spell; opening new sessions from one address gains nothing.
    - All sessions together wait after 20 failures within 5 minutes, for 5 minutes that never grow: the lock
      decays on its own and slows guessing from many addresses to 20 per 5 minutes.
    - The lock of all sessions belongs to the stored passcode hash: whoever holds the secrets ends it at once by
      setting a new passcode (de-dashboard passcode), so guessing can never lock the real editor out for good.
    Kept in the server process (never in a cache a browser can clear).
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic, max_failures: int = MAX_FAILURES,
                 lockout: float = LOCKOUT_SECONDS, global_max: int = GLOBAL_MAX_FAILURES):
        self.clock = clock
        self.max_failures = max_failures
        self.lockout = lockout
        self.global_max = global_max
        self._sessions: dict[str, _Window] = {}
        self._clients: dict[str, _Window] = {}
        self._all: dict[str, _Window] = {}  # per stored passcode hash
        self._lock = threading.Lock()

    def _windows(self, session: str, client: str | None) -> list[_Window]:
        found = [self._sessions.get(session, _Window())]
        return found + [self._clients[client]] if client and client in self._clients else found

    def wait_seconds(self, session: str, encoded: str | None = None, client: str | None = None) -> float:
        """Seconds this session (from this client address) must wait before the next try with this stored hash
        (any hash when None)."""
        now = self.clock()
        with self._lock:
            shared = [w.locked_until for k, w in self._all.items() if encoded is None or k == encoded]
            until = max([w.locked_until for w in self._windows(session, client)] + shared)
        return max(0.0, until - now)

    def check(self, session: str, passcode: str, encoded: str, client: str | None = None) -> bool:
        """Verify a passcode unless locked out; a failure counts towards the lock-outs, a success clears the
        session's and the client's count."""
        if self.wait_seconds(session, encoded, client) > 0:
            return False
        ok = verify_passcode(passcode, encoded)
        now = self.clock()
        with self._lock:
            own = [self._sessions.setdefault(session, _Window())]
            if client:
                own.append(self._clients.setdefault(client, _Window()))
            if ok:
                for window in own:
                    window.failures.clear()
                    window.strikes = 0
                return True
            for window in own:
                self._fail(window, now, self.max_failures, grows=True)
            self._fail(self._all.setdefault(encoded, _Window()), now, self.global_max, grows=False)
        return False

    def _fail(self, window: _Window, now: float, limit: int, grows: bool) -> None:
        window.failures = [t for t in window.failures if now - t < self.lockout]
        window.failures.append(now)
        if len(window.failures) < limit:
            return
        longest = self.lockout * 2 ** MAX_DOUBLINGS
        if now - window.locked_until > longest:
            window.strikes = 0  # a quiet spell after the last lock-out ended: start again at 5 minutes
        window.locked_until = now + self.lockout * (2 ** min(window.strikes, MAX_DOUBLINGS) if grows else 1)
        window.strikes += 1
        window.failures.clear()


def main(argv: list[str] | None = None) -> int:
    """Ask for a passcode twice and print the [editors] line for secrets.toml."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0
    if not sys.stdin.isatty():
        first = second = sys.stdin.readline().rstrip("\r\n")
    else:
        first = getpass.getpass("Editor passcode / รหัสผ่านผู้แก้ไข: ")
        second = getpass.getpass("Again / อีกครั้ง: ")
    if first != second:
        print("The two passcodes differ / รหัสผ่านสองครั้งไม่ตรงกัน", file=sys.stderr)
        return 1
    if len(first) < MIN_LENGTH:
        print(f"Use at least {MIN_LENGTH} characters / ใช้อย่างน้อย {MIN_LENGTH} ตัวอักษร", file=sys.stderr)
        return 1
    print("[editors]")
    print(f'passcode_hash = "{hash_passcode(first)}"')
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
