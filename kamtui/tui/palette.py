"""The command palette (ctrl+p): every view, every action and every account by name."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from kamtui.render.safe_text import one_line


@dataclass(frozen=True, slots=True)
class PaletteCommand:
    title: str
    run: Callable[[], object]
    help: str = ""
    # Accounts are found by searching; listing them all before a word is typed buries the rest.
    discoverable: bool = True


class HasPaletteCommands(Protocol):
    def palette_commands(self) -> Iterable[PaletteCommand]: ...


def literal_highlight(matcher: Matcher, candidate: str) -> Content:
    """The candidate with the matched letters highlighted, never read as markup
    (the textual helper parses the candidate as markup, and account names are user text)."""
    content = Content(candidate)
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    if score:
        for offset in offsets:
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class KamCommands(Provider):
    def _commands(self) -> list[PaletteCommand]:
        app: HasPaletteCommands = self.app  # type: ignore[assignment]
        return [
            PaletteCommand(one_line(c.title), c.run, one_line(c.help), c.discoverable)
            for c in app.palette_commands()
        ]

    async def discover(self) -> Hits:
        for command in self._commands():
            if command.discoverable:
                yield DiscoveryHit(
                    Content(command.title), command.run, text=command.title, help=_help(command)
                )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(
                    score,
                    literal_highlight(matcher, command.title),
                    command.run,
                    text=command.title,
                    help=_help(command),
                )


def _help(command: PaletteCommand) -> str | None:
    # The palette reads help as markup: escape the square brackets user text may hold.
    return command.help.replace("[", "\\[") if command.help else None
