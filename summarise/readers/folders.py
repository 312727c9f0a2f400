"""Walking a library's folders: every article file once, nothing outside it, in bounded time.

One `stat` per file, from the directory listing where the system gives it. Hidden files and
folders are skipped. Links are not followed unless asked: a library holding `etc -> /etc` or
`passwd.txt -> /etc/passwd` lists neither, and a loop (`self -> .`) cannot keep the walk going.
With `follow_links` the targets are read, each folder once by device and inode, so loops end.
Anything that is not a regular file (a FIFO, a socket, a device such as /dev/zero) is never
yielded, so nothing can block a read.

A folder on a network drive that stops answering blocks `stat` and `scandir` in the kernel,
where no signal reaches them. Each folder is listed by a helper thread and given up on after
STALL_SECONDS (less once one has stalled): the walk goes on without it (`stalled`), and only the
folders in `listed` were seen whole, so a caller never takes an unlisted file for a deleted one.
"""

from __future__ import annotations

import os
import queue
import stat
import threading
from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

# (path, size, modification time in ns) of one file.
Stamp = tuple[str, int, int]
R = TypeVar("R")
# A folder that answers nothing for this long is taken to have stalled (a network drive): the
# same bound as any one file's reading (library/pool.py).
STALL_SECONDS = 15.0


# After one folder has stalled, each further folder is given this long, and after this many
# stalls the rest of the walk is given up: a whole drive gone costs seconds, not minutes.
AFTER_A_STALL_SECONDS = 1.0
MAX_STALLS = 5


class Stalled(Exception):
    """The file system did not answer in time."""


# A call, the list its outcome goes in ((True, value) or (False, exception)), and its signal.
_Request = tuple[Callable[[], Any], list[tuple[bool, Any]], threading.Event]


class _Caller:
    """A thread that makes file-system calls for one other thread. One stuck in the kernel is
    abandoned (it is a daemon: it never keeps the program from exiting) and a new one made."""

    def __init__(self) -> None:
        self.requests: queue.SimpleQueue[_Request] = queue.SimpleQueue()
        threading.Thread(target=self._serve, name="file system calls", daemon=True).start()

    def _serve(self) -> None:
        while True:
            fn, box, done = self.requests.get()
            try:
                box.append((True, fn()))
            except BaseException as exc:  # handed back to the caller's thread
                box.append((False, exc))
            done.set()


_callers = threading.local()


def within(fn: Callable[[], R], seconds: float | None = None) -> R:
    """fn(), or Stalled when it has not returned in `seconds` (default STALL_SECONDS)."""
    caller: _Caller | None = getattr(_callers, "caller", None)
    if caller is None:
        caller = _callers.caller = _Caller()
    box: list[tuple[bool, Any]] = []
    done = threading.Event()
    caller.requests.put((fn, box, done))
    if not done.wait(STALL_SECONDS if seconds is None else seconds):
        _callers.caller = None
        raise Stalled
    ok, value = box[0]
    if not ok:
        raise value
    result: R = value
    return result


@dataclass(slots=True)
class FolderWalk:
    """Iterate for the files under `root` whose extension is in `suffixes` (lower case, with
    the dot); afterwards `links_skipped` and `loops` say what was left out, and `stalled`
    which folders did not answer."""

    root: Path
    suffixes: Container[str]
    follow_links: bool = False
    links_skipped: int = 0
    loops: int = 0
    # Each folder walked, with its modification time (ns) taken before it was listed: a file
    # added, removed or renamed in it since changes that time (see Catalogue.refresh).
    folders: dict[str, int] = field(default_factory=dict)
    # The folders whose every entry was looked at: after a stall, what is not under one of
    # these was not seen, which is not the same as gone.
    listed: set[str] = field(default_factory=set)
    stalled: list[str] = field(default_factory=list)
    _seen: set[tuple[int, int]] = field(default_factory=set)

    def stable_folders(self) -> dict[str, int]:
        """The folders seen whole, with their times: what a later quick look may trust."""
        return {f: t for f, t in self.folders.items() if f in self.listed}

    def _answered(self, fn: Callable[[], R], where: str) -> R:
        if len(self.stalled) >= MAX_STALLS:
            raise Stalled
        try:
            return within(fn, AFTER_A_STALL_SECONDS if self.stalled else None)
        except Stalled:
            self.stalled.append(where)
            raise

    def __iter__(self) -> Iterator[Stamp]:
        try:
            # The root itself is the user's to name, link or not.
            info = self._answered(self.root.stat, str(self.root))
        except (OSError, Stalled):
            return
        if stat.S_ISREG(info.st_mode):
            yield str(self.root), info.st_size, info.st_mtime_ns
            return
        if not stat.S_ISDIR(info.st_mode):
            return
        self._seen.add((info.st_dev, info.st_ino))
        yield from self.walk([str(self.root)])

    def walk(self, stack: list[str]) -> Iterator[Stamp]:
        """The files under these folders (already known to be folders of the library); a
        folder that does not answer is passed over (see `stalled`)."""
        while stack:
            folder = stack.pop()
            try:
                files, subfolders = self.listing(folder)
            except (OSError, Stalled):
                continue
            stack += reversed(subfolders)
            yield from files

    def listing(self, folder: str) -> tuple[list[Stamp], list[str]]:
        """One folder's own files and its subfolders, without going into them. Raises
        Stalled when the folder does not answer in time."""
        mtime, files, subfolders = self._answered(lambda: self._list(folder), folder)
        self.folders[folder] = mtime
        self.listed.add(folder)
        return files, subfolders

    def _list(self, folder: str) -> tuple[int, list[Stamp], list[str]]:
        files: list[Stamp] = []
        subfolders: list[str] = []
        mtime = os.stat(folder).st_mtime_ns
        with os.scandir(folder) as listing:
            entries = list(listing)
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                found = self._look(entry)
            except OSError:  # gone since the listing, or a link to nothing
                continue
            if found is True:
                subfolders.append(entry.path)
            elif isinstance(found, tuple):
                files.append(found)
        return mtime, files, subfolders

    def _look(self, entry: os.DirEntry[str]) -> Stamp | bool | None:
        """A file's stamp, True for a folder to walk, None for anything else."""
        if entry.is_file(follow_symlinks=False):
            # The common case, answered from the listing's file type: one stat, for the stamp.
            if not self._wanted(entry.name):
                return None
            info = entry.stat(follow_symlinks=False)
            return entry.path, info.st_size, info.st_mtime_ns
        if entry.is_symlink():
            if not self.follow_links:
                self.links_skipped += 1
                return None
            info = entry.stat()  # the target
        elif entry.is_dir(follow_symlinks=False):
            if not self.follow_links:
                return True  # without links a folder cannot be reached twice
            info = entry.stat(follow_symlinks=False)
        else:
            if not self._wanted(entry.name):
                return None
            info = entry.stat(follow_symlinks=False)
        if stat.S_ISDIR(info.st_mode):
            key = (info.st_dev, info.st_ino)
            if key in self._seen:
                self.loops += 1
                return None
            self._seen.add(key)
            return True
        if stat.S_ISREG(info.st_mode) and self._wanted(entry.name):
            return entry.path, info.st_size, info.st_mtime_ns
        return None

    def _wanted(self, name: str) -> bool:
        dot = name.rfind(".")
        return dot > 0 and name[dot:].lower() in self.suffixes

    def notices(self) -> list[str]:
        """What the walk left out, in words, or nothing."""
        said = []
        if self.links_skipped:
            said.append(
                f"{self.links_skipped:,} link(s) in {self.root} not followed "
                "(--follow-links reads what they point to)"
            )
        if self.loops:
            said.append(f"{self.loops:,} folder link(s) in {self.root} lead back into it: skipped")
        said += [stall_notice(folder) for folder in self.stalled]
        if len(self.stalled) >= MAX_STALLS:
            said.append(f"the rest of {self.root} was not listed: it stopped answering")
        return said


def stall_notice(where: str) -> str:
    return (
        f"{where} stopped answering for {STALL_SECONDS:.0f} s (a network drive?): "
        "what was not listed is kept as last seen"
    )
