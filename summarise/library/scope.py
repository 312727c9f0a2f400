"""Which articles a briefing or a story list covers: a date range, a search.

Dates are days (articles say which day, not which hour), so "24h" means today and yesterday.
Articles that give no date are kept, never silently dropped: the scope line says how many.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from summarise.errors import AskedAmiss
from summarise.library.listing import L

_RELATIVE = re.compile(r"^(\d+)\s*([hdwm])$", re.IGNORECASE)
_DAYS = {"h": 1 / 24, "d": 1, "w": 7, "m": 30}


class ScopeError(AskedAmiss, ValueError):
    """A date the user typed that is not one."""


def parse_when(text: str, today: date | None = None) -> date:
    """ "24h", "7d", "2w", "3m" back from today, or an ISO date ("2026-11-01")."""
    today = today or date.today()
    text = text.strip()
    if match := _RELATIVE.match(text):
        amount, unit = int(match.group(1)), match.group(2).lower()
        days = amount * _DAYS[unit]
        return today - timedelta(days=max(1, round(days)) if unit == "h" else days)
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ScopeError(
            f"expected 24h, 7d, 2w, 3m or a date such as 2026-11-01, got {text!r}"
        ) from None


def within(entries: Sequence[L], since: date | None = None, until: date | None = None) -> list[L]:
    """The entries dated in [since, until], and every undated one."""
    if since is None and until is None:
        return list(entries)
    low = since.isoformat() if since else ""
    high = until.isoformat() if until else "9999-12-31"
    return [e for e in entries if not e.date or low <= e.date[:10] <= high]


def matching(entries: Sequence[L], ids: Iterable[str]) -> list[L]:
    """The entries a search found, in the library's order."""
    wanted = set(ids)
    return [e for e in entries if e.id in wanted]
