"""Errors the services raise. Like the storage errors they carry a stable ``code`` and ``params``;
``desktop.services.messages.describe_error`` turns any of them into one sentence in the user's
language, so the GUI and the CLI say the same thing."""

from __future__ import annotations

from typing import Any


class ServiceError(Exception):
    code = "service_error"

    def __init__(self, code: str | None = None, detail: str = "", **params: Any) -> None:
        if code is not None:
            self.code = code
        super().__init__(detail or self.code)
        self.detail = detail
        self.params = params


class ValidationError(ServiceError):
    """A value the user typed that cannot be saved; ``field`` names the input to mark inline.

    Codes: ``required``, ``reason_required``, ``agreed_by_required``, ``same_date``,
    ``invalid_date``, ``date_order``, ``future_date``, ``unknown_value``, ``transition``,
    ``not_found``.
    """

    def __init__(self, field: str, code: str, detail: str = "", **params: Any) -> None:
        super().__init__(code, detail or f"{field}: {code}", **params)
        self.field = field


class CsvImportError(ServiceError):
    """A CSV file that cannot be imported. ``line`` is the file's physical line number (the
    header is line 1) and ``column`` the header name, when the problem has a place."""

    def __init__(
        self,
        code: str,
        *,
        line: int | None = None,
        column: str | None = None,
        detail: str = "",
        **params: Any,
    ) -> None:
        super().__init__(code, detail or f"{code} line={line} column={column}", **params)
        self.line = line
        self.column = column


class CsvImportProblems(CsvImportError):
    """Several problems in one file (nothing imported): ``problems`` are the first ones, in file
    order, each a :class:`CsvImportError` with its line and column; ``total`` counts them all."""

    def __init__(self, problems: list[CsvImportError], total: int) -> None:
        super().__init__("problems", detail=f"{total} problems")
        self.problems = list(problems)
        self.total = total


class DemoExistsError(ServiceError):
    code = "demo_exists"
