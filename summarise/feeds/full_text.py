"""When to fetch a feed entry's page for the whole article (a setting of each subscription)."""

from __future__ import annotations

from enum import StrEnum


# A module of its own: the command line offers these choices without loading the feeds.
class FullText(StrEnum):
    """When to fetch an entry's page for the whole article."""

    AUTO = "auto"  # when the feed's text is a teaser
    ALWAYS = "always"
    NEVER = "never"
