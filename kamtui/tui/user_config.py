"""The user's own settings for the TUI, in the platform's config folder (as posting does):

    # ~/.config/kamtui/config.yaml (Linux; `kamtui --help` names the folder elsewhere)
    theme: gruvbox            # remembered when you pick a theme from the palette
    keymap:                   # binding id: keys (the README lists the ids)
      app.quit: ctrl+q
      accounts.sort: o

A file that does not validate is reported on screen (file:line:col) and its
settings are not applied; a keymap id no binding has is reported at its line (with the
closest id), and the others are applied; the app starts anyway. Remembering a theme edits only the
`theme:` line, so the user's comments and other settings stay as written.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Collection
from pathlib import Path

import platformdirs
from pydantic import BaseModel, ConfigDict, Field

from kamtui.core.account.account_file import load_model_file
from kamtui.core.account.problem import Problem, display_path
from kamtui.core.account.yaml_source import YamlProblem, parse
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
    config, problems = load_model_file(path, UserConfig, allow_empty=True)
    return config or UserConfig(), problems


def unknown_keymap_ids(
    config: UserConfig, path: Path, known: Collection[str]
) -> tuple[dict[str, str], list[Problem]]:
    """The keymap's entries whose ids some binding has, and a problem at each other one:
    a key given to an id that nothing has would otherwise do nothing, unexplained."""
    unknown = [binding_id for binding_id in config.keymap if binding_id not in known]
    if not unknown:
        return dict(config.keymap), []
    shown = display_path(path)
    try:
        document = parse(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, YamlProblem):
        document = None
    problems = []
    for binding_id in unknown:
        line, column = 1, 1
        if document is not None:
            position = document.position(("keymap", binding_id), at_key=True)
            line, column = position.line, position.column
        close = _closest(binding_id, known)
        if close:
            hint = f"did you mean {' or '.join(map(repr, close))}?"
        else:
            hint = f"the ids are {', '.join(sorted(known))}"
        message = f"keymap: no binding has the id {binding_id!r}; {hint}"
        problems.append(Problem(shown, line, column, message))
    kept = {binding_id: keys for binding_id, keys in config.keymap.items() if binding_id in known}
    return kept, problems


def _closest(binding_id: str, known: Collection[str]) -> list[str]:
    """The ids for the same action in another part (`accounts.up` → `rows.up`, as the
    lists' keys were renamed), else the one spelt most alike."""
    action = binding_id.rpartition(".")[2]
    same_action = sorted(i for i in known if i.rpartition(".")[2] == action)
    return same_action or difflib.get_close_matches(binding_id, sorted(known), n=1)


def remember_theme(path: Path, theme: str) -> None:
    """Write `theme:` into the file, leaving every other line as it is."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    updated = set_value(text, ("theme",), theme) if text.strip() else f"theme: {theme}\n"
    if updated != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        # The user's own file: a link to their dotfiles stays a link.
        write_atomic(path, updated, overwrite=True, through_link=True)
