"""The user's own settings for the TUI, in the platform's config folder (as posting does):

    # ~/.config/kamtui/config.yaml (Linux; `kamtui --help` names the folder elsewhere)
    theme: gruvbox            # remembered when you pick a theme from the palette
    keymap:                   # binding id: keys (see `?` for the ids)
      app.quit: ctrl+q
      accounts.sort: o

A file that does not validate is reported on screen (file:line:col) and its
settings are not applied; the app starts anyway. Remembering a theme edits only the
`theme:` line, so the user's comments and other settings stay as written.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
from pydantic import BaseModel, ConfigDict, Field

from kamtui.core.account.account_file import load_model, read_bounded
from kamtui.core.account.problem import Problem, display_path
from kamtui.core.editing.account_edit import set_value
from kamtui.core.editing.atomic_write import write_atomic

CONFIG_ENV = "KAMTUI_CONFIG"


class UserConfig(BaseModel):
    """What config.yaml may hold; unknown keys are errors, as in every kamtui file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    theme: str | None = Field(None, description="The Textual theme, e.g. textual-dark, nord")
    keymap: dict[str, str] = Field(
        default_factory=dict, description="Binding id → keys, e.g. app.quit: ctrl+q"
    )


def config_path() -> Path:
    """$KAMTUI_CONFIG, else config.yaml in the platform's config folder for kamtui."""
    given = os.environ.get(CONFIG_ENV)
    return Path(given) if given else Path(platformdirs.user_config_dir("kamtui")) / "config.yaml"


def load_user_config(path: Path) -> tuple[UserConfig, list[Problem]]:
    """The settings at `path` (defaults when there is no file), and what is wrong with it."""
    if not path.exists():
        return UserConfig(), []
    shown = display_path(path)
    data, problem = read_bounded(path, shown)
    if problem is not None:
        return UserConfig(), [problem]
    config, problems = load_model(data, shown, UserConfig, allow_empty=True)
    return config or UserConfig(), problems


def remember_theme(path: Path, theme: str) -> None:
    """Write `theme:` into the file, leaving every other line as it is."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    updated = set_value(text, ("theme",), theme) if text.strip() else f"theme: {theme}\n"
    if updated != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        # The user's own file: a link to their dotfiles stays a link.
        write_atomic(path, updated, overwrite=True, through_link=True)
