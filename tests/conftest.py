from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from summarise.article import Article
from summarise.readers import read_article

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def seed(prefix: str) -> Article:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return read_article(path)


@pytest.fixture(autouse=True, scope="session")
def private_folders(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never read or write the developer's own library, state or caches; subprocesses
    inherit the same folders through the environment."""
    import os

    os.environ["NEWSBRIEF_DATA_DIR"] = str(tmp_path_factory.mktemp("data"))
    os.environ["NEWSBRIEF_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    os.environ["NEWSBRIEF_CONFIG_DIR"] = str(tmp_path_factory.mktemp("config"))


@pytest.fixture(scope="session")
def seeds() -> dict[str, Article]:
    return {p.name[:3]: read_article(p) for p in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The test site: pages and feeds from tests/data, failures on purpose (see loopback.py)."""
    from tests.loopback import PagesHandler, serve

    yield from serve(PagesHandler)
