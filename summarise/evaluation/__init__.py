"""Tools for measuring the engine (gold entity annotations and their scoring).

Only bench/ and the tests use these; nothing in the product imports them (an import-linter
contract), and the wheel leaves them out.
"""
