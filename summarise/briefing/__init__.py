"""Briefings: one page across many articles. stories.py (which articles report the same
story), build.py (stories -> the page), points.py (choosing and citing), sections.py (figures,
quotes, names, disagreements), model.py, numbering.py, render.py (Markdown, text, HTML, JSON).
Public calls: `build.brief`, `build.stories_of`, `render.render`.
"""

from summarise.errors import AskedAmiss

# Here, not in model.py: a command that only searches asks for these without loading the
# briefing's classes.
DEFAULT_WORDS = 500


class BriefingError(AskedAmiss, ValueError):
    """Nothing to brief (no articles, or none with any text)."""
