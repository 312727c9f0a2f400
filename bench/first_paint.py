"""The reader, exiting as soon as its article list is first painted; prints the wall-clock time
of that paint. bench/startup.py runs it as a process of its own to time launch to first paint.

    python bench/first_paint.py [PATH...]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from textual.screen import Screen

from tui.app import NewsbriefApp
from tui.screens.reader import ReaderScreen
from tui.widgets.article_list import ArticleList


class FirstPaintScreen(ReaderScreen):
    def on_article_list_changed(self, message: ArticleList.Changed) -> None:
        if message.total:
            self.call_after_refresh(self._painted)

    def _painted(self) -> None:
        print(repr(time.time()), flush=True)
        self.app.exit()


class FirstPaint(NewsbriefApp):
    def get_default_screen(self) -> Screen:
        self.reader = FirstPaintScreen(self.service, self.store, self.paths, self.config)
        return self.reader


if __name__ == "__main__":
    FirstPaint(paths=[Path(p) for p in sys.argv[1:]]).run(headless=True)
