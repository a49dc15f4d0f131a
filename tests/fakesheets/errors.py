"""Google-shaped API errors raised inside the fake and turned into JSON replies."""

from __future__ import annotations

STATUS_NAMES = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    408: "DEADLINE_EXCEEDED",
    409: "ABORTED",
    429: "RESOURCE_EXHAUSTED",
    500: "INTERNAL",
    502: "UNAVAILABLE",
    503: "UNAVAILABLE",
    504: "DEADLINE_EXCEEDED",
}

DEFAULT_MESSAGES = {
    400: "Request contains an invalid argument.",
    403: "The caller does not have permission",
    404: "Requested entity was not found.",
    408: "Request timed out.",
    429: (
        "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user' "
        "of service 'sheets.googleapis.com' for consumer 'project_number:000000000000'."
    ),
    500: "Internal error encountered.",
    502: "Bad gateway.",
    503: "The service is currently unavailable.",
    504: "The request timed out. Please try again.",
}


def quota_message(write: bool) -> str:
    return DEFAULT_MESSAGES[429].replace("Read", "Write") if write else DEFAULT_MESSAGES[429]


class SheetsError(Exception):
    """An error the fake answers with, shaped like the real API's error JSON."""

    def __init__(self, code: int, message: str | None = None) -> None:
        self.code = code
        self.message = message or DEFAULT_MESSAGES.get(code, "Error")
        super().__init__(f"{code}: {self.message}")

    def body(self) -> dict:
        return error_body(self.code, self.message)


def error_body(code: int, message: str | None = None) -> dict:
    return {
        "error": {
            "code": code,
            "message": message or DEFAULT_MESSAGES.get(code, "Error"),
            "status": STATUS_NAMES.get(code, "UNKNOWN"),
        }
    }


def bad_request(message: str) -> SheetsError:
    return SheetsError(400, message)
