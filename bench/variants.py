"""Libraries made from the shared newswire, formatted unlike it, for checking what was tuned.

A rule keyed to how one set is formatted fails on the next set. These variants keep the words of
DUC 2003 and DUC 2006 and change everything else a reader keys on:

- `stripped`: no front matter at all (no title, date or outlet), plain .txt files;
- `restyled`: the dateline rewritten in another agency's style ("SEOUL, South Korea (AP) _",
  "LONDON --", "WASHINGTON (Reuters) -", "BEIJING, Dec. 3 (Xinhua) --"), chosen per article;
- `shuffled`: file names replaced by random ones, every article in one folder.

    python bench/variants.py ../shared/data OUT_DIR   # writes OUT_DIR/<set>-<variant>/

`make_variant` is what the other benches call. The true story of each file is kept beside it in
`truth.json` (file name -> cluster or topic).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

from summarise.language.datelines import find_dateline

SEED = 20261202
_FRONT = re.compile(r"\A---\n(.*?)\n---\n+", re.S)
_MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct."]


def _restyle(place: str, rng: random.Random) -> str:
    """The dateline of `place` in one agency's style, picked at random."""
    town = place.split(",")[0].strip().upper()
    styles = [
        f"{town}, {rng.choice(['South Korea', 'Calif.', 'Texas', 'Kenya', 'N.Y.'])} (AP) _",
        f"{town} --",
        f"{town} (Reuters) -",
        f"{town}, {rng.choice(_MONTHS)} {rng.randint(1, 28)} (Xinhua) --",
        f"{town} (AP) —",
    ]
    return rng.choice(styles)


def _body(text: str) -> tuple[dict[str, str], str]:
    found = _FRONT.match(text)
    if not found:
        return {}, text
    fields = {}
    for line in found.group(1).splitlines():
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip().strip('"')
    return fields, text[found.end() :]


def make_variant(
    files: dict[Path, str], out: Path, *, strip: bool, restyle: bool, shuffle: bool
) -> dict[str, str]:
    """Write `files` (path -> true story) into `out` as asked; file name -> true story."""
    rng = random.Random(SEED)
    out.mkdir(parents=True, exist_ok=True)
    truth = {}
    for path, story in sorted(files.items()):
        fields, body = _body(path.read_text("utf-8"))
        paragraphs = body.strip().split("\n\n")
        if restyle and paragraphs:
            found = find_dateline(paragraphs[0])
            if found is not None and found.place:
                rest = paragraphs[0][found.end :]
                paragraphs[0] = f"{_restyle(found.place.title(), rng)} {rest}"
        text = "\n\n".join(paragraphs) + "\n"
        if not strip:
            head = [f"{k}: {json.dumps(v)}" for k, v in fields.items() if v]
            text = "---\n" + "\n".join(head) + "\n---\n\n" + text if head else text
        name = f"{rng.getrandbits(48):012x}" if shuffle else path.stem
        suffix = ".txt" if strip else ".md"
        (out / f"{name}{suffix}").write_text(text, "utf-8")
        truth[f"{name}{suffix}"] = story
    (out / "truth.json").write_text(json.dumps(truth, indent=1))
    return truth


def duc2003(data: Path) -> dict[Path, str]:
    root = data / "duc2003"
    stories = json.loads((root / "stories.json").read_text())
    return {root / "clusters" / name: story for name, story in stories.items()}


def duc2006(data: Path) -> dict[Path, str]:
    root = data / "duc2006" / "topics"
    return {path: path.parent.name for path in sorted(root.glob("*/*.md"))}


VARIANTS = {
    "plain": dict(strip=False, restyle=False, shuffle=True),
    "stripped": dict(strip=True, restyle=False, shuffle=True),
    "restyled": dict(strip=True, restyle=True, shuffle=True),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    for label, files in (("duc2003", duc2003(args.data)), ("duc2006", duc2006(args.data))):
        for variant, how in VARIANTS.items():
            folder = args.out / f"{label}-{variant}"
            truth = make_variant(files, folder, **how)
            print(f"{folder}: {len(truth)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
