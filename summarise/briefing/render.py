"""A briefing as Markdown, plain text (80 columns), one self-contained HTML page, or JSON."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from summarise.briefing.model import (
    Briefing,
    Named,
    Point,
    Source,
    StoryBrief,
    StoryLine,
    TimelineLine,
    cite,
)
from summarise.plain import shown_path, wrap

FORMATS = ("md", "txt", "html", "json")
SECTION_TITLES = {
    "points": "Key points",
    "more": "More stories",
    "figures": "Key figures",
    "quotes": "Who said what",
    "names": "People and organisations",
    "differ": "Where sources differ",
    "sources": "Sources",
    "timeline": "Timeline",
}


def _names_line(named: list[Named]) -> str:
    return ", ".join(
        f"{n.name} ({n.articles} article{'s' if n.articles != 1 else ''})" for n in named
    )


def story_meta(story: StoryBrief) -> str:
    """ "5 articles · Reuters, AP · 2026-01-13 to 2026-01-15"; in an update, "New · 3
    articles · ..." or "Developing: 7 earlier articles since 1998-12-03; 3 new · ..." """
    noun = "article" if story.count == 1 else "articles"
    parts = [f"{story.count:,} {noun}"]
    if status := story.status:
        if status == "new":
            parts.insert(0, "New")
        else:
            parts = [status[:1].upper() + status[1:]]
    if story.outlets:
        shown = ", ".join(story.outlets[:3])
        more = len(story.outlets) - 3
        parts.append(shown + (f" and {more} more" if more > 0 else ""))
    if story.first:
        same = story.first == story.last or not story.last
        parts.append(story.first if same else f"{story.first} to {story.last}")
    return " · ".join(parts)


def known_line(b: Briefing) -> str:
    """What an update briefing leaves out ("" for any other briefing)."""
    if not b.known:
        return ""
    return f"What is new: nothing the {b.known} said is repeated."


def timeline_line(line: TimelineLine) -> str:
    return f"{line.date} {line.text} {cite(line.sources)}"


def covering_line(story: StoryBrief) -> str:
    """ "Also covered by [4][7], and 12 more articles." (empty when no other report)"""
    listed = len(story.covering)
    unlisted = story.count - len(story.articles)
    if not listed and unlisted <= 0:
        return ""
    text = "Also covered by " + cite(story.covering) if listed else "Also covered by"
    if unlisted > 0:
        text += f"{',' if listed else ''} {unlisted:,} more article{'s' if unlisted != 1 else ''}"
    return text + "."


def story_line(line: StoryLine) -> str:
    noun = "article" if line.count == 1 else "articles"
    outlets = f", {line.outlets} outlet{'s' if line.outlets != 1 else ''}" if line.outlets else ""
    return f"{line.title} ({line.count:,} {noun}{outlets})"


def _source_details(source: Source) -> str:
    """ "Title. Outlet. by Byline. Date", leaving out what is unknown; a title that ends in its
    own punctuation ("...?", "...said.") is not given a second full stop."""
    parts = [source.title, source.outlet, source.byline and f"by {source.byline}", source.date]
    kept = [p for p in parts if p]
    return "".join(
        p + ("" if i == len(kept) - 1 else (" " if p.endswith((".", "?", "!", "…")) else ". "))
        for i, p in enumerate(kept)
    )


def _source_line(source: Source) -> str:
    line = _source_details(source)
    if not source.path:
        return line
    return f"{line}{'' if line.endswith(('.', '?', '!')) else '.'} {shown_path(source.path)}"


# ---- Markdown -----------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def md_escape(text: str) -> str:
    """Article text must render as written, never as Markdown or HTML."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def to_markdown(b: Briefing) -> str:
    out = [f"# {md_escape(b.title)}", "", f"*{md_escape(b.scope)}*", ""]
    if known := known_line(b):
        out += [f"*{md_escape(known)}*", ""]
    out += [f"## {SECTION_TITLES['points']}"]
    for story in b.stories:
        out += ["", f"### {md_escape(story.title)}", "", f"*{md_escape(story_meta(story))}*", ""]
        out += [f"- {md_escape(p.text)} {cite(p.sources)}" for p in story.points]
        if covering := covering_line(story):
            out += ["", covering]
        if story.timeline:
            out += ["", f"**{SECTION_TITLES['timeline']}**", ""]
            out += [
                f"- {line.date}: {md_escape(line.text)} {cite(line.sources)}"
                for line in story.timeline
            ]
    if b.more_stories:
        out += ["", f"## {SECTION_TITLES['more']}", ""]
        out += [f"- {md_escape(story_line(line))}" for line in b.more_stories]
    if b.key_figures:
        out += ["", f"## {SECTION_TITLES['figures']}", ""]
        out += [f"- {md_escape(p.text)} {cite(p.sources)}" for p in b.key_figures]
    if b.quotes:
        out += ["", f"## {SECTION_TITLES['quotes']}", ""]
        for q in b.quotes:
            out += [f"> “{md_escape(q.text)}” — **{md_escape(q.speaker)}** {cite(q.sources)}", ""]
        out.pop()
    if b.people or b.organisations:
        out += ["", f"## {SECTION_TITLES['names']}", ""]
        if b.people:
            out.append(f"- **People:** {md_escape(_names_line(b.people))}")
        if b.organisations:
            out.append(f"- **Organisations:** {md_escape(_names_line(b.organisations))}")
    if b.disagreements:
        out += ["", f"## {SECTION_TITLES['differ']}", ""]
        for d in b.disagreements:
            out.append(f"- Sources differ on who is {md_escape(d.subject)}:")
            for side in d.claims:
                said = f": “{md_escape(side.sentence)}”" if side.sentence else ""
                out.append(f"  - {md_escape(side.who)} {cite(side.sources)}{said}")
    out += ["", f"## {SECTION_TITLES['sources']}", ""]
    for source in b.sources:
        details = _source_details(source)
        line = md_escape(details)
        if source.path and "`" not in source.path:
            line += (
                f"{'' if details.endswith(('.', '?', '!')) else '.'} `{shown_path(source.path)}`"
            )
        out.append(f"{source.number}. {line}")
    return "\n".join(out) + "\n"


# ---- plain text ---------------------------------------------------------------------------

WIDTH = 80


def _wrap(text: str, first: str = "", rest: str | None = None) -> list[str]:
    return wrap(text, WIDTH, first, rest)


def to_text(b: Briefing) -> str:
    out = _wrap(b.title.upper()) + _wrap(b.scope)
    if known := known_line(b):
        out += _wrap(known)
    out.append("")

    def heading(name: str) -> None:
        title = SECTION_TITLES[name]
        out.extend([title, "-" * len(title)])

    def items(points: list[Point]) -> None:
        for p in points:
            out.extend(_wrap(f"{p.text} {cite(p.sources)}", "* ", "  "))

    heading("points")
    for number, story in enumerate(b.stories, 1):
        if number > 1:
            out.append("")
        out.extend(_wrap(f"{number}. {story.title.upper()}", "", "   "))
        out.extend(_wrap(story_meta(story), "   "))
        for p in story.points:
            out.extend(_wrap(f"{p.text} {cite(p.sources)}", "   * ", "     "))
        if covering := covering_line(story):
            out.extend(_wrap(covering, "   "))
        if story.timeline:
            out.append(f"   {SECTION_TITLES['timeline']}:")
            for event in story.timeline:
                out.extend(
                    _wrap(f"{event.text} {cite(event.sources)}", f"   {event.date}  ", " " * 15)
                )
    if b.more_stories:
        out.append("")
        heading("more")
        for line in b.more_stories:
            out.extend(_wrap(story_line(line), "* ", "  "))
    if b.key_figures:
        out.append("")
        heading("figures")
        items(b.key_figures)
    if b.quotes:
        out.append("")
        heading("quotes")
        for q in b.quotes:
            out.extend(_wrap(f"“{q.text}” — {q.speaker} {cite(q.sources)}", "  "))
    if b.people or b.organisations:
        out.append("")
        heading("names")
        if b.people:
            out.extend(_wrap(f"People: {_names_line(b.people)}", "  ", "    "))
        if b.organisations:
            out.extend(_wrap(f"Organisations: {_names_line(b.organisations)}", "  ", "    "))
    if b.disagreements:
        out.append("")
        heading("differ")
        for d in b.disagreements:
            out.extend(_wrap(f"Sources differ on who is {d.subject}:", "! ", "  "))
            for side in d.claims:
                said = f": “{side.sentence}”" if side.sentence else ""
                out.extend(_wrap(f"{side.who} {cite(side.sources)}{said}", "  - ", "    "))
    out.append("")
    heading("sources")
    for s in b.sources:
        out.extend(_wrap(_source_line(s), f"[{s.number}] ", " " * (len(str(s.number)) + 3)))
    return "\n".join(out) + "\n"


# ---- HTML ---------------------------------------------------------------------------------

_CSS = """
@page { margin: 11mm 13mm; }
body { font: 10.5pt/1.38 Georgia, 'Times New Roman', serif; color: #111; max-width: 46em;
       margin: 1.5em auto; padding: 0 1em; }
h1 { font-size: 1.45em; margin: 0 0 .15em; }
.scope { color: #555; font-style: italic; margin: 0 0 .8em; }
h2 { font: bold .8em/1.2 Helvetica, Arial, sans-serif; text-transform: uppercase;
     letter-spacing: .06em; color: #444; border-bottom: 1px solid #ccc; margin: 1em 0 .35em;
     padding-bottom: .1em; }
ul { margin: 0; padding-left: 1.2em; } li { margin: .15em 0; }
blockquote { margin: .3em 0 .3em .8em; padding-left: .6em; border-left: 3px solid #bbb; }
.cite { font-size: .8em; color: #555; white-space: nowrap; }
h3 { font-size: 1.02em; margin: .7em 0 .05em; }
.meta, .covering { color: #555; font-size: .85em; margin: 0 0 .2em; }
.differ li { color: #8a3b00; }
.timeline { list-style: none; padding-left: .4em; font-size: .92em; }
.timeline .date { font: .85em Helvetica, Arial, sans-serif; color: #555; margin-right: .4em; }
ol.sources { font-size: .82em; color: #333; padding-left: 1.6em; }
ol.sources .path { color: #777; word-break: break-all; }
/* Last, so that it wins over the screen rules above. */
@media print {
  body { font-size: 8.4pt; line-height: 1.26; margin: 0; max-width: none; }
  ol.sources { font-size: .76em; }
  h2 { margin: .7em 0 .25em; }
  li { margin: .08em 0; }
  blockquote { margin: .15em 0 .15em .6em; }
  a { color: inherit; text-decoration: none; }
}
"""


def to_html(b: Briefing) -> str:
    e = html.escape

    def cited(numbers: list[int] | tuple[int, ...]) -> str:
        return f' <span class="cite">{cite(numbers)}</span>'

    def points(items: list[Point]) -> str:
        return "<ul>" + "".join(f"<li>{e(p.text)}{cited(p.sources)}</li>" for p in items) + "</ul>"

    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{e(b.title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{e(b.title)}</h1>",
        f'<p class="scope">{e(b.scope)}</p>',
    ]
    if known := known_line(b):
        parts.append(f'<p class="scope">{e(known)}</p>')
    parts.append(f"<h2>{SECTION_TITLES['points']}</h2>")
    for story in b.stories:
        parts.append(f"<h3>{e(story.title)}</h3>")
        parts.append(f'<p class="meta">{e(story_meta(story))}</p>{points(story.points)}')
        if covering := covering_line(story):
            parts.append(f'<p class="covering">{e(covering)}</p>')
        if story.timeline:
            rows = "".join(
                f'<li><span class="date">{e(line.date)}</span> {e(line.text)}'
                f"{cited(line.sources)}</li>"
                for line in story.timeline
            )
            parts.append(
                f'<p class="meta">{SECTION_TITLES["timeline"]}</p><ul class="timeline">{rows}</ul>'
            )
    if b.more_stories:
        rows = "".join(f"<li>{e(story_line(line))}</li>" for line in b.more_stories)
        parts.append(f"<h2>{SECTION_TITLES['more']}</h2><ul>{rows}</ul>")
    if b.key_figures:
        parts.append(f"<h2>{SECTION_TITLES['figures']}</h2>{points(b.key_figures)}")
    if b.quotes:
        parts.append(f"<h2>{SECTION_TITLES['quotes']}</h2>")
        parts += [
            f"<blockquote>“{e(q.text)}” — <strong>{e(q.speaker)}</strong>{cited(q.sources)}"
            "</blockquote>"
            for q in b.quotes
        ]
    if b.people or b.organisations:
        named: list[str] = []
        if b.people:
            named.append(f"<li><strong>People:</strong> {e(_names_line(b.people))}</li>")
        if b.organisations:
            named.append(
                f"<li><strong>Organisations:</strong> {e(_names_line(b.organisations))}</li>"
            )
        parts.append(f"<h2>{SECTION_TITLES['names']}</h2><ul>{''.join(named)}</ul>")
    if b.disagreements:
        items = "".join(
            f"<li>Sources differ on who is {e(d.subject)}:<ul>"
            + "".join(
                f"<li>{e(c.who)}{cited(c.sources)}"
                + (f": “{e(c.sentence)}”" if c.sentence else "")
                + "</li>"
                for c in d.claims
            )
            + "</ul></li>"
            for d in b.disagreements
        )
        parts.append(f'<h2>{SECTION_TITLES["differ"]}</h2><ul class="differ">{items}</ul>')
    sources = "".join(
        "<li>"
        + e(_source_details(s))
        + (f' <span class="path">{e(shown_path(s.path))}</span>' if s.path else "")
        + "</li>"
        for s in b.sources
    )
    parts.append(f'<h2>{SECTION_TITLES["sources"]}</h2><ol class="sources">{sources}</ol>')
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


# ---- JSON ---------------------------------------------------------------------------------


def to_data(b: Briefing) -> dict[str, Any]:
    def point(p: Point) -> dict[str, Any]:
        return {
            "text": p.text,
            "sources": sorted(p.sources),
            "sentences": [{"article_id": r.article_id, "sentence": r.sentence} for r in p.refs],
        }

    return {
        "title": b.title,
        "scope": b.scope,
        "known": b.known,
        "word_budget": b.word_budget,
        "words": b.body_words(),
        "key_points": [point(p) for p in b.key_points],
        "stories": [
            {
                "title": story.title,
                "articles": story.articles,
                "points": [point(p) for p in story.points],
                "covering": story.covering,
                "count": story.count,
                "outlets": story.outlets,
                "first": story.first,
                "last": story.last,
                "status": story.status,
                "earlier": story.earlier,
                "earlier_since": story.earlier_since,
                "timeline": [
                    {
                        "date": line.date,
                        "text": line.text,
                        "sources": list(line.sources),
                        "sentences": [
                            {"article_id": r.article_id, "sentence": r.sentence} for r in line.refs
                        ],
                    }
                    for line in story.timeline
                ],
            }
            for story in b.stories
        ],
        "more_stories": [
            {
                "title": line.title,
                "articles": line.count,
                "outlets": line.outlets,
                "last": line.last,
            }
            for line in b.more_stories
        ],
        "key_figures": [{**point(p), "figures": list(p.figures)} for p in b.key_figures],
        "quotes": [
            {"text": q.text, "speaker": q.speaker, "sources": list(q.sources)} for q in b.quotes
        ],
        "people": [
            {"name": n.name, "articles": n.articles, "mentions": n.mentions} for n in b.people
        ],
        "organisations": [
            {"name": n.name, "articles": n.articles, "mentions": n.mentions}
            for n in b.organisations
        ],
        "disagreements": [
            {
                "subject": d.subject,
                "text": d.text,
                "claims": [
                    {"name": c.who, "sources": list(c.sources), "sentence": c.sentence}
                    for c in d.claims
                ],
            }
            for d in b.disagreements
        ],
        "sources": [
            {
                "number": s.number,
                "article_id": s.article_id,
                "title": s.title,
                "outlet": s.outlet,
                "byline": s.byline,
                "date": s.date,
                "path": s.path,
            }
            for s in b.sources
        ],
    }


def to_json(b: Briefing) -> str:
    return json.dumps(to_data(b), ensure_ascii=False, indent=2) + "\n"


RENDERERS = {"md": to_markdown, "txt": to_text, "html": to_html, "json": to_json}


def render(b: Briefing, fmt: str) -> str:
    return RENDERERS[fmt](b)


FORMAT_BY_SUFFIX = {
    ".md": "md",
    ".markdown": "md",
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
}


def format_for(path: Path) -> str | None:
    """The format a file name asks for, or None when its extension says nothing."""
    return FORMAT_BY_SUFFIX.get(path.suffix.lower())
