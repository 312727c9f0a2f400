"""The reader, exiting as soon as its article list is first painted; prints the wall-clock time
of that paint. bench/startup.py runs it as a process of its own to time launch to first paint.

    python bench/first_paint.py [PATH...]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from tui.app import NewsbriefApp
from tui.widgets.article_list import ArticleList


class FirstPaint(NewsbriefApp):
    def on_article_list_changed(self, message: ArticleList.Changed) -> None:
        if message.total:
            self.call_after_refresh(self._painted)

    def _painted(self) -> None:
        print(repr(time.time()), flush=True)
        self.exit()


if __name__ == "__main__":
    FirstPaint(paths=[Path(p) for p in sys.argv[1:]]).run(headless=True)
