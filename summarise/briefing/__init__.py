"""One page across many articles: analysis.py (per article, cached), build.py (the page),
model.py (what the page holds), render.py (Markdown, text, HTML, JSON)."""
