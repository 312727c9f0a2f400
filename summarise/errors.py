"""The errors a user sees: one line that says what went wrong, and the exit status it earns.

Every error the engine raises for the user derives from `NewsbriefError`, so a front end needs
one `except` to report any of them: the command line prints the message on one line and exits
with `exit_status`; the reader shows it in a notification. `exit_status` is 2 for a mistake in
what was asked (a bad date, an unknown article, an empty scope) and 1 for work that could not
be done (a server that failed, a disk that cannot be written).
"""

from __future__ import annotations

from types import TracebackType
from typing import Self

EXIT_MISTAKE = 2
EXIT_FAILED = 1


class NewsbriefError(Exception):
    """Something the user can act on, said in one line."""

    exit_status = EXIT_FAILED


class AskedAmiss(NewsbriefError):
    """A mistake in what was asked for: a bad value, nothing to work on, an unknown name."""

    exit_status = EXIT_MISTAKE


class Closing:
    """A store that closes what it holds on leaving a `with` block."""

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
