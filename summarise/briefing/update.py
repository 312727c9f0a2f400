"""Update briefings: what is new to a reader who already knows part of the library.

What the reader knows is either everything dated before a day (`brief --since`) or a set of
articles (those read in the reader or told in an earlier `brief --new`). The library's stories
are found across the new articles and the known ones together, so a story that goes on is
recognised as the same story; a story with no new article is left out; each that remains is
told from its new articles only, against its known ones (points.Background).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from summarise.briefing.model import BriefingError
from summarise.briefing.stories import Story, rank
from summarise.library.listing import L, Listed

# Known articles grouped with the new ones, the newest first: what a story's earlier reports
# are looked for among. More would cost grouping time for stories long over.
BACKGROUND_ARTICLES = 5000


class NothingNew(BriefingError):
    """Every article in scope is one the reader knows."""


@dataclass(frozen=True, slots=True)
class Known:
    """What the reader already knows: the articles dated before `before` (an ISO day), and
    the articles in `ids`. Undated articles are known only by id."""

    before: str | None = None
    ids: frozenset[str] = field(default_factory=frozenset)
    # How to say it on the page: "articles before 1998-12-03".
    label: str = ""

    def knows(self, entry: Listed) -> bool:
        if entry.id in self.ids or any(c in self.ids for c in getattr(entry, "copies", ())):
            return True
        return bool(self.before and entry.date and entry.date[:10] < self.before)


def split(entries: Sequence[L], known: Known) -> tuple[list[L], list[L]]:
    """The new entries, and the known ones to look for their stories' earlier reports among
    (the newest BACKGROUND_ARTICLES)."""
    fresh: list[L] = []
    earlier: list[L] = []
    for entry in entries:
        (earlier if known.knows(entry) else fresh).append(entry)
    earlier.sort(key=lambda e: (e.date or "", e.id))
    return fresh, earlier[-BACKGROUND_ARTICLES:]


@dataclass(slots=True)
class Developing:
    """A story as an update tells it: its new articles, and its earlier ones."""

    story: Story  # with only the new articles
    earlier: list[str]  # oldest first
    earlier_since: str | None


def new_stories(
    found: Sequence[Story],
    fresh: Collection[str],
    dates: Mapping[str, str | None],
    sources: Mapping[str, str | None],
    titles: Mapping[str, str],
) -> list[Developing]:
    """The stories with a new article, ranked by their new articles alone."""
    told = []
    for story in found:
        new = [i for i in story.article_ids if i in fresh]
        if not new:
            continue
        earlier = [i for i in story.article_ids if i not in fresh]
        new_dates = sorted(d[:10] for i in new if (d := dates.get(i)))
        earlier_dates = sorted(d[:10] for i in earlier if (d := dates.get(i)))
        # The headline is the story's own when a new article carries it, else the newest's.
        title = story.title
        if not any(titles.get(i) == title for i in new):
            title = titles.get(new[-1], title)
        view = Story(
            id=story.id,
            article_ids=new,
            title=title,
            outlets=sorted({s for i in new if (s := sources.get(i))}),
            first=new_dates[0] if new_dates else None,
            last=new_dates[-1] if new_dates else None,
        )
        told.append(Developing(view, earlier, earlier_dates[0] if earlier_dates else None))
    rank([t.story for t in told])
    order = {t.story.id: n for n, t in enumerate(sorted(told, key=lambda t: t.story.id))}
    told.sort(key=lambda t: (-t.story.importance, order[t.story.id]))
    return told
