"""Loopback fake of the Google Sheets API v4 for tests driven through real gspread."""

from .client import LoopbackHTTPClient, fake_client
from .faults import Fault, RequestRecord
from .server import FakeSheetsServer

__all__ = ["FakeSheetsServer", "Fault", "LoopbackHTTPClient", "RequestRecord", "fake_client"]
