"""The footer: every shown key binding on one line, drawn by one widget.

Textual's Footer composes a widget per key (17 on the Accounts view) and recomposes
them whenever the focus moves. Every widget on a screen adds to the cost of each key
press, hidden or not (about 0.15 ms each, measured: a ten-row table app went from 1.3
to 11.4 ms a key with 70 hidden widgets added; the Accounts screen had 73), so this
footer draws the same line itself: keys and their
descriptions, a group's keys run together before the group's label, the command
palette key at the right. A click on a key presses it; hovering shows its tooltip.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import groupby
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget


@dataclass(frozen=True, slots=True)
class FooterKey:
    """One clickable key: where it is drawn on the line and what it does."""

    start: int
    end: int
    key: str
    enabled: bool
    tooltip: str


class KeyFooter(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-footer--key",
        "key-footer--description",
        "key-footer--separator",
        "key-footer--hover",
    }
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .key-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-footer--separator { color: $foreground 20%; }
        & > .key-footer--hover { background: $block-hover-background; }
    }
    """

    compact = reactive(False)
    """Less space around the keys, for narrow terminals."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._keys: list[FooterKey] = []
        self._hovered: FooterKey | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen:
            self.refresh()

    def render(self) -> Text:
        line, self._keys = self._line()
        if self._hovered is not None:
            hovered = next((key for key in self._keys if key.key == self._hovered.key), None)
            if hovered is not None:
                line.stylize(
                    self.get_component_rich_style("key-footer--hover", partial=True),
                    hovered.start,
                    hovered.end,
                )
        return line

    def _line(self) -> tuple[Text, list[FooterKey]]:
        """The footer's text and where each key is on it."""
        key_style = self.get_component_rich_style("key-footer--key")
        description_style = self.get_component_rich_style("key-footer--description")
        line = Text(no_wrap=True, overflow="crop", end="")
        keys: list[FooterKey] = []

        def add_key(binding: Binding, enabled: bool, tooltip: str, description: str) -> None:
            padding = "" if self.compact or not description else " "
            start = line.cell_len
            dim = Style() if enabled else Style(dim=True)
            line.append(f"{padding}{self.app.get_key_display(binding)}{padding}", key_style + dim)
            if description:
                text = f" {description}" if self.compact else f"{description} "
                line.append(text, description_style + dim)
            keys.append(FooterKey(start, line.cell_len, binding.key, enabled, tooltip))

        active = self.screen.active_bindings
        by_action: defaultdict[str, list[tuple[Binding, bool, str]]] = defaultdict(list)
        for _, binding, enabled, tooltip in active.values():
            if binding.show:
                by_action[binding.action].append((binding, enabled, tooltip))
        for group, runs in groupby(by_action.values(), lambda run: run[0][0].group):
            actions = list(runs)
            if group is not None and len(actions) > 1:
                line.append(" ")
                for binding, enabled, tooltip in (run[0] for run in actions):
                    add_key(binding, enabled, tooltip or binding.description, "")
                line.append(" ")
                line.append(group.description, description_style)
                line.append(" ")
            else:
                for binding, enabled, tooltip in (run[0] for run in actions):
                    add_key(binding, enabled, tooltip, binding.description)
                    if self.compact:
                        line.append(" ")
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        if palette is None or not self.app.ENABLE_COMMAND_PALETTE:
            return line, keys
        _, binding, enabled, tooltip = palette
        width = self.size.width
        right = Text.assemble(
            ("▏", self.get_component_rich_style("key-footer--separator")),
            (self.app.get_key_display(binding), key_style),
            (f" {binding.description} ", description_style),
        )
        # The palette key stays at the right edge, over whatever does not fit.
        line.truncate(max(0, width - right.cell_len), pad=True)
        start = line.cell_len + 1
        line.append_text(right)
        keys.append(
            FooterKey(start, line.cell_len, binding.key, enabled, tooltip or binding.description)
        )
        return line, keys

    def _key_at(self, x: int) -> FooterKey | None:
        return next((key for key in self._keys if key.start <= x < key.end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hovered = self._key_at(event.x)
        if hovered != self._hovered:
            self._hovered = hovered
            self.tooltip = hovered.tooltip if hovered is not None and hovered.tooltip else None
            self.refresh()

    def on_leave(self) -> None:
        if self._hovered is not None:
            self._hovered = None
            self.tooltip = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self._key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()
