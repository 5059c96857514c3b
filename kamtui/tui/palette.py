"""The command palette (ctrl+p): every view, every action and every account by name."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Protocol

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from kamtui.render.safe_text import one_line
from kamtui.tui.views.registry import VIEWS

if TYPE_CHECKING:
    from kamtui.tui.app import KamApp


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


def app_commands(app: KamApp) -> list[PaletteCommand]:
    """Every view and action of the app, and every account by name."""
    from kamtui.tui.detail.account_detail import TABS
    from kamtui.tui.live.account_rows import COLUMNS

    view = app.accounts_view
    commands = [
        PaletteCommand(f"View: {view.title}", partial(app.action_view, view.key), f"key {n}")
        for n, view in enumerate(VIEWS, start=1)
    ]
    commands += [
        PaletteCommand("Edit the selected account", app.action_edit, "key e: opens $EDITOR"),
        PaletteCommand("New account", app.action_new_account, "key n"),
        PaletteCommand(
            "Log an activity", app.action_log_activity, "key l: a meeting, call or note"
        ),
        PaletteCommand("Reload every file", app.action_reload, "key r"),
        PaletteCommand("Filter accounts", partial(_palette_filter, app), "key /"),
        PaletteCommand("Reverse the sort order", view.action_reverse_sort, "key S"),
        PaletteCommand("Show every key binding", app.action_help, "key ?"),
    ]
    commands += [
        PaletteCommand(
            f"Sort by {column.label}",
            partial(_palette_sort, app, column.key),
            "key s cycles",
        )
        for column in COLUMNS
    ]
    commands += [
        PaletteCommand(f"Detail: {title}", partial(_palette_tab, app, pane), "keys [ and ]")
        for pane, title, _ in TABS
    ]
    if app.model is not None:
        for key, file in sorted(app.model.files.items(), key=lambda item: item[1].name.casefold()):
            owner = file.account.owner if file.account and file.account.owner else ""
            commands.append(
                PaletteCommand(
                    f"Account: {file.name}",
                    partial(_palette_account, app, key),
                    " · ".join(part for part in (owner, app.model.relative(file.path)) if part),
                    discoverable=False,
                )
            )
    return commands


def _palette_filter(app: KamApp) -> None:
    app.action_view("accounts")
    app.accounts_view.action_filter()


def _palette_sort(app: KamApp, column: str) -> None:
    app.action_view("accounts")
    app.accounts_view.table.sort_by(column)


def _palette_tab(app: KamApp, pane: str) -> None:
    app.action_view("accounts")
    app.accounts_view.detail.activate(pane)


def _palette_account(app: KamApp, key: str) -> None:
    app.action_view("accounts")
    app.accounts_view.select(key)
