"""A fake of the LINE Messaging API on loopback: checks each request as the real one does, and can answer 429, fail,
or drop a connection before or after it accepts a request (tests/fakeline/server.py)."""

from .checks import Reading
from .server import FakeLineServer, Fault

__all__ = ["FakeLineServer", "Fault", "Reading"]
