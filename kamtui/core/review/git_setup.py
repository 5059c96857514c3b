"""Make plain `git diff` and `git log -p` show account files by meaning.

Two settings do it: `.gitattributes` lines giving account files a kamtui diff
driver (shared with everyone through the repository), and the repository-local
`diff.<driver>.textconv` telling git to render them with `kamtui show`. Each
account folder has a driver of its own (`kamtui` for the top, `kamtui-<folder>`
below), so two portfolios in one repository are each weighed by their own kam.yaml.
The command runs kamtui through the absolute path of this Python, so it works in a
shell whose PATH does not hold kamtui (a venv that is not activated, an IDE, a GUI).

`diff.kamtui.cachetextconv` is deliberately left off: the rendering includes
figures weighted by kam.yaml, and git's cache is keyed by the account file's
content only, so it would keep showing old scores after a change of weights.
"""

from __future__ import annotations

import re
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

from kamtui.core.editing.atomic_write import write_atomic
from kamtui.core.loading.account_discovery import ACCOUNT_SUFFIXES
from kamtui.core.loading.portfolio_root import SETTINGS_NAMES
from kamtui.core.review.git_source import Repository

DRIVER = "kamtui"
ATTRIBUTES_HEADER = "# kamtui: git diff shows account files by meaning (kamtui git-setup)"
# Characters a folder name cannot carry into a gitattributes pattern unambiguously.
_UNSAFE_FOR_PATTERN = re.compile(r'[*?\[\]\\"\n\r\t!#]')


@dataclass(frozen=True, slots=True)
class SetupChange:
    """One thing `git_setup` changed, said the way a person checks it."""

    what: str
    detail: str

    def __str__(self) -> str:
        return f"{self.what}: {self.detail}"


def attribute_lines(folder: str) -> list[str]:
    """The .gitattributes lines for the account folder `folder` ("" for the top).

    Account files get the driver; the settings file and hidden files and folders
    (`.github/workflows/*.yml`, `.pre-commit-config.yaml`) keep git's plain diff,
    because they are not accounts, exactly as the loader skips them.
    """
    if _UNSAFE_FOR_PATTERN.search(folder):
        raise ValueError(
            f"the folder name {folder!r} holds characters a .gitattributes pattern cannot "
            'carry plainly (* ? [ ] \\ " ! # or a control character); rename it or write '
            ".gitattributes by hand"
        )
    prefix = f"{folder}/" if folder else ""
    driver = driver_name(folder)
    patterns = [
        *(f"{prefix}**/*{suffix} diff={driver}" for suffix in ACCOUNT_SUFFIXES),
        *(f"/{prefix}{name} !diff" for name in SETTINGS_NAMES),
        f"{prefix}**/.* !diff",
        f"{prefix}**/.*/** !diff",
    ]
    return [_quoted(line) if " " in folder else line for line in patterns]


def driver_name(folder: str) -> str:
    """`kamtui` for the repository's top, `kamtui-key-accounts` for `key accounts/`."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", folder).strip("-").lower()
    return f"{DRIVER}-{slug}" if slug else DRIVER


def textconv_key(folder: str) -> str:
    return f"diff.{driver_name(folder)}.textconv"


def textconv_command(folder: str) -> str:
    """`/path/to/python -m kamtui show -d FOLDER`: git runs it from the repository's
    top, and the account folder's kam.yaml weighs the figures."""
    return f"{shlex.quote(sys.executable)} -m kamtui show -d {shlex.quote(folder or '.')}"


def git_setup(repository: Repository, folder: Path) -> list[SetupChange]:
    """Write what is missing for the account folder `folder`; an empty list: nothing was.

    Existing .gitattributes lines are kept as they are, and new ones appended.
    """
    inside = repository.relative(folder)
    wanted = attribute_lines(inside)
    changes: list[SetupChange] = []
    attributes = repository.top / ".gitattributes"
    if attributes.is_symlink():
        # Checked before anything is set, so that a refused setup changes nothing.
        raise ValueError(
            f"{attributes} is a symbolic link: git ignores a .gitattributes that is a link, "
            "and kamtui never writes through one (a commit can aim it at any file); "
            "replace it with a plain file and run git-setup again"
        )
    text = _read_attributes(attributes)
    present = {line.strip() for line in text.splitlines()}
    missing = [line for line in wanted if line not in present]
    if missing:
        block = ([ATTRIBUTES_HEADER] if ATTRIBUTES_HEADER not in present else []) + missing
        separator = "" if not text or text.endswith("\n") else "\n"
        write_atomic(attributes, text + separator + "\n".join(block) + "\n", overwrite=True)
        changes.extend(SetupChange(".gitattributes", f"added {line}") for line in missing)
    command, key = textconv_command(inside), textconv_key(inside)
    current = repository.config(key)
    if current != command:
        repository.set_config(key, command)
        was = "" if current is None else f" (was {current!r})"
        changes.append(SetupChange("git config --local", f"set {key} to {command!r}{was}"))
    return changes


def _read_attributes(path: Path) -> str:
    """The file as it is, line endings included, so that appending keeps every user line."""
    if not path.exists():
        return ""
    try:
        with path.open(encoding="utf-8", newline="") as stream:
            return stream.read()
    except UnicodeDecodeError:
        raise ValueError(f"{path} is not UTF-8 text; kamtui will not rewrite it") from None


def _quoted(line: str) -> str:
    pattern, _, attribute = line.rpartition(" ")
    return f'"{pattern}" {attribute}'
