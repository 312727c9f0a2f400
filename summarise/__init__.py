"""newsbrief engine: articles, text, summaries, briefings and search. No UI imports."""

__version__ = "0.1.0"
