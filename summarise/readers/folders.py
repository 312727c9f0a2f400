"""Walking a library's folders: every article file once, nothing outside it, in bounded time.

One `stat` per file, from the directory listing where the system gives it. Hidden files and
folders are skipped. Links are not followed unless asked: a library holding `etc -> /etc` or
`passwd.txt -> /etc/passwd` lists neither, and a loop (`self -> .`) cannot keep the walk going.
With `follow_links` the targets are read, each folder once by device and inode, so loops end.
Anything that is not a regular file (a FIFO, a socket, a device such as /dev/zero) is never
yielded, so nothing can block a read.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Container, Iterator
from dataclasses import dataclass, field
from pathlib import Path

# (path, size, modification time in ns) of one file.
Stamp = tuple[str, int, int]


@dataclass(slots=True)
class FolderWalk:
    """Iterate for the files under `root` whose extension is in `suffixes` (lower case, with
    the dot); afterwards `links_skipped` and `loops` say what was left out."""

    root: Path
    suffixes: Container[str]
    follow_links: bool = False
    links_skipped: int = 0
    loops: int = 0
    # Each folder walked, with its modification time (ns) taken before it was listed: a file
    # added, removed or renamed in it since changes that time (see Catalogue.refresh).
    folders: dict[str, int] = field(default_factory=dict)
    _seen: set[tuple[int, int]] = field(default_factory=set)

    def __iter__(self) -> Iterator[Stamp]:
        try:
            info = self.root.stat()  # the root itself is the user's to name, link or not
        except OSError:
            return
        if stat.S_ISREG(info.st_mode):
            yield str(self.root), info.st_size, info.st_mtime_ns
            return
        if not stat.S_ISDIR(info.st_mode):
            return
        self._seen.add((info.st_dev, info.st_ino))
        yield from self.walk([str(self.root)])

    def walk(self, stack: list[str]) -> Iterator[Stamp]:
        """The files under these folders (already known to be folders of the library)."""
        while stack:
            folder = stack.pop()
            try:
                self.folders[folder] = os.stat(folder).st_mtime_ns
                with os.scandir(folder) as listing:
                    entries = list(listing)
            except OSError:
                continue
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                try:
                    found = self._look(entry)
                except OSError:  # gone since the listing, or a link to nothing
                    continue
                if found is True:
                    stack.append(entry.path)
                elif isinstance(found, tuple):
                    yield found

    def listing(self, folder: str) -> tuple[list[Stamp], list[str]]:
        """One folder's own files and its subfolders, without going into them."""
        files: list[Stamp] = []
        subfolders: list[str] = []
        self.folders[folder] = os.stat(folder).st_mtime_ns
        with os.scandir(folder) as listing:
            entries = list(listing)
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                found = self._look(entry)
            except OSError:
                continue
            if found is True:
                subfolders.append(entry.path)
            elif isinstance(found, tuple):
                files.append(found)
        return files, subfolders

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
        return said
