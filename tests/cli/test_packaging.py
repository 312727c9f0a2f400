"""The distribution: the engine stays free of the UI, and an installed wheel has its seeds."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import ROOT, SEEDS


def test_engine_imports_without_textual() -> None:
    code = (
        "import sys, summarise.readers, summarise.language.summarisers;"
        "import summarise.library.listing, summarise.language.text;"
        "import summarise.language.ranking;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'tui')];"
        "print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_list_pays_nothing_for_the_reader() -> None:
    # `newsbrief list` must not import Textual (nor the summarisers' heavy libraries).
    code = (
        "import sys, contextlib, io; from tui.cli import main;"
        f"out = io.StringIO(); ctx = contextlib.redirect_stdout(out);"
        f"ctx.__enter__(); main(['list', {str(SEEDS)!r}]); ctx.__exit__(None, None, None);"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich', 'nltk',"
        " 'sumy', 'scipy'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_a_search_of_an_unchanged_library_loads_only_what_it_uses(tmp_path: Path) -> None:
    """A search's start-up is most of its time: once the library is catalogued and indexed,
    `newsbrief search` reads no file, analyses nothing and starts no workers, so it loads
    none of the readers, the feeds, the analysis or multiprocessing (together about half
    of its start-up)."""
    env = {
        **os.environ,
        "NEWSBRIEF_CACHE_DIR": str(tmp_path / "cache"),
        "NEWSBRIEF_DATA_DIR": str(tmp_path / "data"),
    }
    search = [sys.executable, "-m", "tui.cli", "search", "harbour", str(SEEDS)]
    subprocess.run(search, env=env, capture_output=True, check=False, timeout=120)  # builds
    code = (
        "import sys, contextlib, io; from tui.cli import main;"
        "ctx = contextlib.redirect_stdout(io.StringIO()); ctx.__enter__();"
        f"main(['search', 'harbour', {str(SEEDS)!r}]); ctx.__exit__(None, None, None);"
        "heavy = ('summarise.readers.common', 'summarise.feeds.subscriptions',"
        " 'summarise.library.analysis', 'summarise.library.pool', 'multiprocessing',"
        " 'summarise.briefing.model', 'tomllib');"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_wheel_carries_the_seeds_and_finds_them_installed(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        timeout=300,
    )
    (wheel,) = tmp_path.glob("newsbrief-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for seed in SEEDS.glob("*.txt"):
        assert f"summarise/seeds/{seed.name}" in names
    # Unpack the wheel as site-packages would hold it and run from elsewhere: the default
    # library must resolve inside the installed package, not the checkout.
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from summarise.library.listing import default_library_path as d; print(d())"
    )
    out = subprocess.run(
        [sys.executable, "-I", "-c", code, str(site)],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    assert Path(out.stdout.strip()) == site / "summarise" / "seeds"
