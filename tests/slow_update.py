"""A library update far slower than a real one, for the reader's responsiveness test: it
catalogues the library, then keeps a core busy for seconds while it reports "indexing"."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from summarise.library.catalogue import Catalogue
from summarise.update import PROGRESS_INTERVAL

roots = [Path(arg) for arg in sys.argv[1:] if not arg.startswith("-") and not arg.isdigit()]
catalogue = Catalogue.for_library(roots)
catalogue.refresh(jobs=1)
print(json.dumps({"stage": "catalogued", "done": 1, "total": 1}), flush=True)
busy_until, step, shown = time.monotonic() + 5, 0, 0.0
while time.monotonic() < busy_until:
    sum(i * i for i in range(20_000))  # work that would hold the reader's interpreter
    step += 1
    # As the real update does (summarise/update.py): a progress line at most every interval.
    if time.monotonic() - shown >= PROGRESS_INTERVAL:
        shown = time.monotonic()
        print(json.dumps({"stage": "indexing", "done": step, "total": 10**6}), flush=True)
print(json.dumps({"finished": True, "changed": True, "notices": []}), flush=True)
