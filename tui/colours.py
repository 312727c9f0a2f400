"""Entity colours that can be read on every theme.

Each entity type takes a colour from the theme (people the accent, places the success colour,
...). A theme's colour may be too pale or too dark against its own background (solarized-light's
yellow), so each is moved towards black or white, whichever reads better, until its contrast
with the background is at least 4.5:1 (WCAG's AA level for text). Themes made of ANSI colours
are left alone: those are the terminal's own palette, which only the terminal knows.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.color import Color
from textual.style import Style

from summarise.entities import EntityType

MINIMUM_CONTRAST = 4.5

# Which theme colour, and which text style, each entity type is shown in.
ENTITY_LOOK: dict[EntityType, tuple[str, str]] = {
    EntityType.PERSON: ("accent", "bold"),
    EntityType.ORG: ("secondary", "bold"),
    EntityType.GPE: ("success", ""),
    EntityType.NORP: ("warning", ""),
    EntityType.DATE: ("primary", "underline"),
    EntityType.MONEY: ("error", ""),
    EntityType.PERCENT: ("error", "italic"),
    EntityType.LAW: ("secondary", "underline"),
}


def _luminance(colour: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)


def contrast(first: Color, second: Color) -> float:
    """WCAG contrast ratio, 1 to 21."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def as_256(colour: Color) -> Color:
    """The colour a 256-colour terminal shows for `colour` (tmux, many SSH sessions): Rich
    picks the nearest of its palette, which can be paler than the colour asked for."""
    from rich.color import Color as RichColor
    from rich.color import ColorSystem

    shown = RichColor.from_rgb(colour.r, colour.g, colour.b).downgrade(ColorSystem.EIGHT_BIT)
    true = shown.get_truecolor()
    return Color(true.red, true.green, true.blue)


def shown_contrast(colour: Color, background: Color) -> float:
    """The worse of the contrast in true colour and in 256 colours."""
    return min(contrast(colour, background), contrast(as_256(colour), as_256(background)))


def readable(colour: Color, background: Color, minimum: float = MINIMUM_CONTRAST) -> Color:
    """`colour`, moved towards black or white just far enough to read on `background`, in a
    true-colour terminal and in a 256-colour one alike."""
    if shown_contrast(colour, background) >= minimum:
        return colour
    target = max((Color(0, 0, 0), Color(255, 255, 255)), key=lambda c: contrast(c, background))
    for step in range(1, 21):
        moved = colour.blend(target, step / 20)
        if shown_contrast(moved, background) >= minimum:
            return moved
    return target


def entity_colours(variables: Mapping[str, str]) -> dict[EntityType, Color] | None:
    """Each entity type's colour on the theme whose CSS variables are given; None for an ANSI
    theme, whose colours are the terminal's to decide."""
    if "ansi" in variables.get("background", "") or "ansi" in variables.get("accent", ""):
        return None
    background = Color.parse(variables["background"])
    surface = Color.parse(variables.get("surface", variables["background"]))
    found = {}
    for kind, (name, _) in ENTITY_LOOK.items():
        colour = readable(Color.parse(variables[name]), background)
        found[kind] = readable(colour, surface)  # the panel's background, a shade apart
    return found


def entity_styles(variables: Mapping[str, str]) -> dict[EntityType, Style]:
    """The Textual Style each entity type is highlighted with on this theme."""
    colours = entity_colours(variables)
    styles = {}
    for kind, (name, look) in ENTITY_LOOK.items():
        colour = colours[kind] if colours else Color.parse(variables[name])
        styles[kind] = Style(
            foreground=colour,
            bold="bold" in look,
            italic="italic" in look,
            underline="underline" in look,
        )
    return styles
