"""The [DIR] argument of every command: the portfolio the folder lies in.

Its own module, light to import: the CLI uses it before it loads the core.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from kamtui.core.loading.portfolio_root import FOLDER_VARIABLE, portfolio_root


class PortfolioFolder(click.Path):
    """A folder, taken to the root of the portfolio it lies in (`portfolio_root`): every
    command finds its portfolio the same way, from any folder inside it."""

    def __init__(self) -> None:
        super().__init__(file_okay=False, path_type=Path)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        path = super().convert(value, param, ctx)
        try:
            return portfolio_root(path) if isinstance(path, Path) and path.is_dir() else path
        except OSError as error:
            # A name the file system refuses (too long, say) is the user's to fix.
            self.fail(f"{value!r}: {error.strerror}", param, ctx)


def portfolio_argument(command: Callable[..., None]) -> Callable[..., None]:
    """The [DIR] argument: the portfolio there (default: $KAMTUI_DIR, else here)."""
    return click.argument(
        "directory", metavar="[DIR]", default=".", envvar=FOLDER_VARIABLE, type=PortfolioFolder()
    )(command)
