"""A small dated library for update briefings: a flood that goes on for a week, and an
election that starts in its second half."""

from __future__ import annotations

from pathlib import Path

EARLIER = "2026-03-05"  # the day the reader last looked: articles before it are known

_FLOOD = [
    (
        "2026-03-02",
        "River Lune rises as rain continues",
        "LANCASTER -- The River Lune rose above its banks in Lancaster on Monday after three "
        "days of heavy rain, flooding the quay and closing two bridges. The Environment Agency "
        "issued a severe flood warning for the Lune valley and told residents of the quay to "
        "move valuables upstairs. Council workers stacked sandbags along the quay wall through "
        "the night.",
    ),
    (
        "2026-03-03",
        "Lancaster quay evacuated as Lune keeps rising",
        "LANCASTER -- About 400 residents of the Lancaster quay were evacuated on Tuesday as "
        "the River Lune kept rising. The Environment Agency said the river stood at 6.1 metres "
        "at the Skerton weir, the highest since 2015. Council workers stacked sandbags along "
        "the quay wall through the night. Schools in the Lune valley were closed.",
    ),
    (
        "2026-03-04",
        "Army called to Lancaster flood",
        "LANCASTER -- Soldiers joined council workers on the Lancaster quay on Wednesday to "
        "shore up the flood defences as the River Lune reached 6.4 metres. The Environment "
        "Agency said the river stood at 6.1 metres at the Skerton weir on Tuesday, the "
        "highest since 2015. Residents of the quay spent a second night in the town hall.",
    ),
    (
        "2026-03-06",
        "Lancaster flood wall breached",
        "LANCASTER -- The flood wall on the Lancaster quay gave way on Thursday, sending the "
        "River Lune into the old town and the market square. Two people were rescued from a "
        "car by firefighters in a boat. The Environment Agency said the river stood at 6.1 "
        "metres at the Skerton weir on Tuesday, the highest since 2015. Engineers blamed a "
        "gap left by repair work in the autumn.",
    ),
    (
        "2026-03-07",
        "Lune falls as Lancaster counts the cost",
        "LANCASTER -- The River Lune began to fall on Saturday, two days after the flood wall "
        "on the Lancaster quay gave way. The council put the cost of the damage to the old "
        "town and the market square at 12 million pounds. Shopkeepers on the market square "
        "began clearing mud from their shops. The Environment Agency lifted its severe flood "
        "warning for the Lune valley.",
    ),
]

_ELECTION = [
    (
        "2026-03-06",
        "Mayor calls snap election in Preston",
        "PRESTON -- The mayor of Preston, Priya Okafor, called a snap election for the city "
        "council on Friday, saying voters should judge its spending on libraries and buses. "
        "Opposition councillors said the election was a distraction from the budget. Polling "
        "stations will open on April 2.",
    ),
    (
        "2026-03-07",
        "Preston election campaign opens",
        "PRESTON -- Campaigning for the Preston city council election began on Saturday with "
        "candidates for the mayor's party promising to keep the libraries open. Opposition "
        "councillors said the snap election would cost the city 300,000 pounds. Priya Okafor, "
        "the mayor, said the council's spending on buses had doubled ridership.",
    ),
]


def write_library(folder: Path, undated: bool = False) -> Path:
    """The library as Markdown files with front matter; `undated` adds one with no date."""
    folder.mkdir(parents=True, exist_ok=True)
    for n, (day, title, body) in enumerate([*_FLOOD, *_ELECTION]):
        text = f'---\ntitle: "{title}"\ndate: {day}\nsource: Lancaster Guardian\n---\n\n'
        paragraphs = body.split(". ")
        text += ".\n\n".join(p.rstrip(".") for p in paragraphs) + ".\n"
        (folder / f"{n:02d}.md").write_text(text, encoding="utf-8")
    if undated:
        (folder / "undated.md").write_text(
            "# Ferry service to Heysham resumes\n\nThe ferry service from Heysham to the "
            "Isle of Man resumed after repairs to the harbour gates, the operator said. "
            "Passengers had waited for a week for the harbour gates to be repaired.\n",
            encoding="utf-8",
        )
    return folder


EARLIER_SENTENCE = (
    "The Environment Agency said the river stood at 6.1 metres at the Skerton weir on Tuesday, "
    "the highest since 2015."
)
