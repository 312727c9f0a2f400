"""Language: sentences, words, function words, and the rankers and summarisers built on them.

Offline and dependency-light (no NLTK data); everything above it splits and ranks text here.
Public calls: `text.article_sentences`, `text.content_terms`, `summarisers.summarise`,
`summarisers.METHODS`, and the rankers in `ranking`.
"""
