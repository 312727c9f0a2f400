"""Where newsbrief keeps things: the user's data, caches and config, and the sample library.

Each folder follows the platform's convention (platformdirs) unless an environment variable
overrides it; the tests and benchmarks use the overrides so they never touch a user's files.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "newsbrief"


def _folder(variable: str, default: str) -> Path:
    override = os.environ.get(variable)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(getattr(platformdirs, default)(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """Reading state, subscriptions and the user's own library (NEWSBRIEF_DATA_DIR)."""
    return _folder("NEWSBRIEF_DATA_DIR", "user_data_path")


def cache_dir() -> Path:
    """Everything that can be computed again: catalogue, search indexes, analyses
    (NEWSBRIEF_CACHE_DIR)."""
    return _folder("NEWSBRIEF_CACHE_DIR", "user_cache_path")


def config_dir() -> Path:
    """config.toml (NEWSBRIEF_CONFIG_DIR)."""
    return _folder("NEWSBRIEF_CONFIG_DIR", "user_config_path")


def user_library_path() -> Path:
    """Where fetched and subscribed articles are saved unless told otherwise."""
    return data_dir() / "library"


def seeds_path() -> Path:
    """The bundled sample corpus: inside the package when installed from a wheel, at the top of
    the repository when running from a checkout or an editable install."""
    package = Path(__file__).resolve().parent.parent  # summarise/
    for candidate in (package / "seeds", package.parent / "seeds"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the bundled sample articles (seeds/) are missing from this install")


def screenshot_folder() -> Path:
    """Where screenshots go: the Downloads folder, made if it is missing, or else a folder in
    the data folder (a fresh HOME has no Downloads, and some cannot have one)."""
    import platformdirs

    return _writable((platformdirs.user_downloads_path(), data_dir() / "screenshots"))


def documents_folder() -> Path:
    """Where the reader offers to save a briefing: the user's documents folder
    ($XDG_DOCUMENTS_DIR, ~/Documents) when there is one, or else a folder in the data folder
    (made when something is saved there, not before)."""
    import platformdirs

    documents = platformdirs.user_documents_path()
    if documents.is_dir() and os.access(documents, os.W_OK):
        return documents
    return data_dir() / "briefings"


def _writable(folders: tuple[Path, ...]) -> Path:
    for folder in folders:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        if os.access(folder, os.W_OK):
            return folder
    return Path.cwd()
