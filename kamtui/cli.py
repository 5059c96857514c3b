"""The `kamtui` command group.

Each subcommand lives in its own module under `kamtui.commands` and is imported
only when it runs, so `kamtui validate` in a pre-commit hook never pays for
importing Textual, and `kamtui` alone opens the TUI.
"""

from __future__ import annotations

import errno
import importlib
import io
import sys
from pathlib import Path

import click

from kamtui.commands.portfolio_folder import PortfolioFolder
from kamtui.render.safe_text import escaped

# name -> module under kamtui.commands; each module defines a click command `command`.
COMMANDS: dict[str, str] = {
    "agenda": "agenda",
    "validate": "validate",
    "report": "report",
    "graph": "graph",
    "diff": "diff",
    "check": "check",
    "export": "export",
    "fmt": "fmt",
    "show": "show",
    "history": "history",
    "import": "import_accounts",
    "log": "log",
    "set": "set",
    "git-setup": "git_setup",
    "new": "new",
    "init": "init",
    "schema": "schema",
    "serve": "serve",
}


def _is_folder(name: str) -> bool:
    """Whether `name` is a folder; a name the system refuses (too long) is not."""
    try:
        return Path(name).is_dir()
    except OSError:
        return False


class LazyGroup(click.Group):
    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except OSError as error:
            if error.errno != errno.ENAMETOOLONG:
                raise
            # A name typed too long for the file system (an account, a path): the user's
            # to fix, whichever command first asked the file system about it.
            raise click.UsageError(escaped(f"{error.filename}: {error.strerror}"), ctx) from None
        except click.ClickException as error:
            # Messages quote file names, folder names and git's output: user text, made
            # inert here for every command. (click types `message` Final, but only sets
            # it in __init__ and reads it in show(), after this; not Final before click 8.3.)
            error.message = escaped(error.message)  # type: ignore[misc, unused-ignore]
            raise

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError:
            # `kamtui accounts/` reads as "open this folder"; the folder is an option.
            if args and _is_folder(args[0]):
                raise click.UsageError(
                    f"No such command '{args[0]}'. To open the TUI on that folder: "
                    f"kamtui -d {args[0]}",
                    ctx,
                ) from None
            raise

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module_name = COMMANDS.get(cmd_name)
        if module_name is None:
            return None
        module = importlib.import_module(f"kamtui.commands.{module_name}")
        command: click.Command = module.command
        return command


@click.group(
    cls=LazyGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "-d",
    "--dir",
    "directory",
    type=PortfolioFolder(),
    default=".",
    envvar="KAMTUI_DIR",
    show_default=True,
    help="Account folder to open in the TUI (the portfolio it lies in; default: $KAMTUI_DIR, "
    "else here).",
)
@click.option(
    "--cache/--no-cache",
    "use_cache",
    default=True,
    show_default=True,
    help="In the TUI, reuse the validated accounts of files unchanged since the last run "
    "(each subcommand has its own --cache/--no-cache).",
)
@click.version_option(package_name="kamtui")
@click.pass_context
def main(ctx: click.Context, directory: Path, use_cache: bool) -> None:
    """kamtui: a terminal workbench for Key Account Management.

    With no command, opens the TUI on the account folder (-d DIR, default: here).
    """
    # A file name that is not UTF-8 reaches the output as lone surrogates; a strict
    # stdout (most UTF-8 locales) would stop on them with a traceback.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    if ctx.invoked_subcommand is not None:
        return
    from kamtui.commands.tui import run_tui

    ctx.exit(run_tui(directory, use_cache))
