"""The library: what a user's folders hold, parsed once and kept, and what is derived from it.

The catalogue (SQLite) of articles, folder scopes and lookups, the user's state (read marks,
bookmarks), copies of one story, per-article analysis cached by content id, and the plumbing
they share (paths, SQLite, the process pool, progress). Public calls: `catalogue.Catalogue`,
`listing.find_article`, `listing.default_libraries`, `scope.within`, `state.StateStore`,
`analysis.Analyses`, `analysis.AnalysisCache`.
"""
