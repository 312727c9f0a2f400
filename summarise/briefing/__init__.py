"""Briefings: one page across many articles. stories.py (which articles report the same
story), build.py (stories -> the page), points.py (choosing and citing), sections.py (figures,
quotes, names, disagreements), model.py, numbering.py, render.py (Markdown, text, HTML, JSON).
Public calls: `build.brief`, `build.stories_of`, `render.render`.
"""
