"""Entity highlights can be read on every built-in theme."""

from __future__ import annotations

import pytest
from textual.app import App
from textual.color import Color

from tui.colours import MINIMUM_CONTRAST, as_256, contrast, entity_colours, readable

THEMES = list(App().available_themes)


@pytest.mark.parametrize("theme", THEMES)
def test_every_entity_colour_has_enough_contrast(theme: str) -> None:
    app = App()
    app.theme = theme
    variables = app.get_css_variables()
    colours = entity_colours(variables)
    if theme.startswith("ansi"):
        # The terminal's own palette: its colours are the terminal's to choose.
        assert colours is None
        return
    assert colours is not None
    for surface in ("background", "surface"):
        behind = Color.parse(variables[surface])
        for kind, colour in colours.items():
            ratio = contrast(colour, behind)
            assert ratio >= MINIMUM_CONTRAST, f"{theme}: {kind.value} on {surface}: {ratio:.2f}"
            # tmux and many terminals show 256 colours: the nearest may be paler (orange 214).
            ratio = contrast(as_256(colour), as_256(behind))
            assert ratio >= MINIMUM_CONTRAST, f"{theme} (256): {kind.value}: {ratio:.2f}"


def test_a_pale_colour_is_darkened_just_enough() -> None:
    cream, yellow = Color.parse("#FDF6E3"), Color.parse("#E5C07B")
    assert contrast(yellow, cream) < MINIMUM_CONTRAST
    fixed = readable(yellow, cream)
    assert contrast(fixed, cream) >= MINIMUM_CONTRAST
    assert fixed.brightness < yellow.brightness and fixed != Color(0, 0, 0)
