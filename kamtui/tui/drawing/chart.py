"""Drawing pieces shared by the portfolio charts: cell-exact text fitting and block bars.

The charts are drawn cell by cell rather than through a plotting library so that
every label lands exactly where it is meant to, at any terminal size, and the
same data always gives the same screen (snapshot tests rely on that).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip
from textual.widget import Widget

from kamtui.render.safe_text import one_line

# A bar's end is drawn to an eighth of a cell.
_EIGHTHS = " ▏▎▍▌▋▊▉"
FULL = "█"
ELLIPSIS = "…"


def shorten(text: str, width: int) -> str:
    """`text` (made safe) cut to at most `width` cells, an ellipsis marking a cut."""
    text = one_line(text)
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, max(0, width - 1)) + ELLIPSIS if width > 0 else ""


def fit(text: str, width: int) -> str:
    """`text` (made safe) padded or cut to exactly `width` cells."""
    return set_cell_size(shorten(text, width), width) if width > 0 else ""


def hbar(fraction: float, width: int) -> str:
    """A bar of `fraction` × `width` cells, padded with spaces to `width`."""
    eighths = round(max(0.0, min(1.0, fraction)) * width * 8)
    full, rest = divmod(eighths, 8)
    bar = FULL * full + (_EIGHTHS[rest] if rest else "")
    return bar.ljust(width)


SPARK_BLOCKS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float]) -> str:
    """One block per value, from the lowest (▁) to the highest (█); flat when all equal."""
    low, high = min(values), max(values)
    if high == low:
        return SPARK_BLOCKS[len(SPARK_BLOCKS) // 2] * len(values)
    top = len(SPARK_BLOCKS) - 1
    return "".join(SPARK_BLOCKS[round((value - low) / (high - low) * top)] for value in values)


def fraction_of(value: float, maximum: float) -> float:
    """`value` as a share of the chart's scale; an empty scale draws nothing."""
    return value / maximum if maximum > 0 else 0.0


def strip(parts: Iterable[tuple[str, Style]], width: int, base: Style) -> Strip:
    """One screen line from (text, style) pieces, cut or padded to `width` in `base` style."""
    segments = [Segment(text, style) for text, style in parts if text]
    return Strip(segments).crop_extend(0, width, base)


def legend(widget: Widget, *entries: tuple[str, str, str]) -> Text:
    """ "█ revenue  ★ vital few …": each symbol in the style of `widget`'s component class."""
    text = Text(no_wrap=True, overflow="ellipsis")
    for symbol, label, component in entries:
        text.append(symbol, widget.get_component_rich_style(component))
        text.append(f" {label}   ")
    text.rstrip()
    return text
