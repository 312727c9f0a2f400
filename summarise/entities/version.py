"""Which version of the entity recogniser produced cached results.

A module of its own so that checking a cache does not load the recogniser's word lists. Bump it
whenever find_entities() gives different mentions for the same text: search indexes and
analyses made by an older recogniser are then rebuilt.
"""

RECOGNISER_VERSION = 7
