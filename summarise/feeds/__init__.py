"""Feeds and the web: subscriptions, refreshing them politely, one-off fetches, the HTTP client
with its hard limits, OPML in and out, and saving articles as Markdown. Public calls:
`subscriptions.Subscriptions`, `refresh.refresh`, `refresh.add_urls`, `fetch.fetch`,
`http.get`, `opml.read_opml`, `opml.write_opml`, `saving.save_article`.
"""
