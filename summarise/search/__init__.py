"""Full-text search: the SQLite FTS5 index kept in step with the catalogue, the query language,
and the snippets that show where a query matched. Public calls: `index.SearchIndex`,
`query.translate_query`, `snippets`.
"""
