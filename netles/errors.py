"""Errors raised by netles.

Every reader and constructor in netles reports bad input as a :class:`ValidationError`.
Each error carries one or more :class:`Problem` records that name where the problem is (file,
row, ego, alter), which field, what was found and what is allowed, so that a student, a teacher
and a researcher all see the same plain explanation.
"""
from __future__ import annotations

from dataclasses import dataclass, field as dataclass_field
from typing import Any, Iterable

__all__ = ["Problem", "UsageError", "ValidationError"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input.

    Parameters
    ----------
    message : str
        What is wrong, in plain words.
    file : str, optional
        The file the value came from.
    row : int or str, optional
        Row number (1-based data row in a table) or position such as ``"alters[2]"``.
    ego : str, optional
        The ego (network) the value belongs to.
    alter : str, optional
        The alter the value belongs to.
    field : str, optional
        The field (column or key) that holds the value.
    value : object, optional
        The value that was found.
    allowed : str, optional
        What would have been allowed, in words.
    moment : str, optional
        The moment (measurement) of the ego, in a dataset with moments.
    """

    message: str
    file: str | None = None
    row: int | str | None = None
    ego: str | None = None
    alter: str | None = None
    field: str | None = None
    value: Any = None
    allowed: str | None = None
    moment: str | None = None

    def located(self, **where: Any) -> "Problem":
        """Return a copy with missing location fields filled in from ``where``."""
        values = {k: getattr(self, k) for k in self.__dataclass_fields__}
        for key, val in where.items():
            if values.get(key) is None and val is not None:
                values[key] = val
        return Problem(**values)

    def __str__(self) -> str:
        where = []
        if self.file is not None:
            where.append(str(self.file))
        if self.ego is not None:
            where.append(f"ego {self.ego!r}")
        if self.moment is not None:
            where.append(f"moment {self.moment!r}")
        if self.row is not None:
            where.append(f"row {self.row}" if isinstance(self.row, int) else str(self.row))
        if self.alter is not None:
            where.append(f"alter {self.alter!r}")
        if self.field is not None:
            where.append(f"field {self.field!r}")
        text = ", ".join(where)
        text = f"{text}: {self.message}" if text else self.message
        if self.allowed:
            text += f" (allowed: {self.allowed})"
        return text


class ValidationError(ValueError):
    """Input that netles cannot accept.

    A subclass of :class:`ValueError`. ``problems`` lists every problem found (a reader collects
    them all rather than stopping at the first); ``str(error)`` names each one with its file,
    row or alter, field and what is allowed.

    Parameters
    ----------
    problems : Problem, str or iterable of Problem
        What is wrong.

    Examples
    --------
    >>> from netles import ValidationError
    >>> err = ValidationError(Problem("is 7", alter="A", field="circle", allowed="1, 2, 3 or 4"))
    >>> print(err)
    alter 'A', field 'circle': is 7 (allowed: 1, 2, 3 or 4)
    >>> isinstance(err, ValueError)
    True
    """

    max_shown = 20

    def __init__(self, problems: Problem | str | Iterable[Problem]):
        if isinstance(problems, str):
            problems = [Problem(problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        if not self.problems:
            raise TypeError("ValidationError needs at least one problem")
        super().__init__(self._text())

    def _text(self) -> str:
        lines = [str(p) for p in self.problems[: self.max_shown]]
        hidden = len(self.problems) - len(lines)
        if hidden:
            lines.append(f"... and {hidden} more problem(s)")
        if len(self.problems) == 1:
            return lines[0]
        return f"{len(self.problems)} problems:\n" + "\n".join("  - " + line for line in lines)

    @property
    def file(self) -> str | None:
        """The file of the first problem."""
        return self.problems[0].file

    @property
    def field(self) -> str | None:
        """The field of the first problem."""
        return self.problems[0].field

    def located(self, **where: Any) -> "ValidationError":
        """Return a copy whose problems carry the given location (e.g. ``file=``) where unset."""
        return ValidationError([p.located(**where) for p in self.problems])


class UsageError(ValueError):
    """An ordinary mistake in how a command or function was called.

    A path that does not exist, a folder where a file is needed, an option out of range, a column
    that is not in the data. The message is one plain sentence that says what is wrong and what
    to do; the ``netles`` command prints it as one line and exits with status 2.

    Examples
    --------
    >>> raise UsageError("--k moet minstens 1 zijn, niet 0")
    Traceback (most recent call last):
    ...
    netles.errors.UsageError: --k moet minstens 1 zijn, niet 0
    """
