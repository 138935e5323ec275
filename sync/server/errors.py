"""The one error the server's services raise: a problem code from the protocol, and a detail."""

from __future__ import annotations

from typing import Any

from sync.protocol import PROBLEM_CODES, Problem, problem


class ProblemError(Exception):
    """Refuse a request with ``code`` (a key of PROBLEM_CODES); the CLI prints the detail."""

    def __init__(self, code: str, detail: str = "", **extra: Any) -> None:
        assert code in PROBLEM_CODES, code
        super().__init__(detail or code)
        self.code = code
        self.detail = detail
        self.extra = extra

    @property
    def status(self) -> int:
        return PROBLEM_CODES[self.code]

    def problem(self) -> Problem:
        return problem(self.code, self.detail, **self.extra)
