"""New account files from the commented template."""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from pathlib import Path

from kamtui.core.account.problem import display_path
from kamtui.core.editing.account_edit import plain_or_quoted
from kamtui.core.editing.atomic_write import write_atomic
from kamtui.core.loading.account_discovery import account_files
from kamtui.core.loading.portfolio_root import (
    SETTINGS_NAMES,
    folders_up,
    portfolio_root,
    settings_file,
)

SCHEMA_FILE = Path("schemas") / "account.schema.json"
TEMPLATE = Path(__file__).parents[2] / "templates" / "account.yaml"


class AccountExists(ValueError):
    """The new account's id is taken: by a file anywhere in the tree, or by the settings file."""


def slugify(name: str) -> str:
    """The file name and account id of a customer's name, in any script.

    `Müller Logistik GmbH` → `muller-logistik-gmbh` (accents on Latin letters fall
    away, as people type ids), `Москва Ltd` → `москва-ltd`, `株式会社トヨタ` stays as
    it is. Letters and digits are kept, everything else becomes one hyphen, so no
    invisible or control character can reach a file name.
    """
    kept: list[str] = []
    # Casefolded after NFKD: 𝐗 (a mathematical capital) has no case of its own but
    # decomposes to a capital X.
    for character in unicodedata.normalize("NFKD", name).casefold():
        # Marks on an ASCII letter (é, ü, İ) fall away; on any other (ド, ή) they stay.
        if unicodedata.category(character) == "Mn" and kept and kept[-1].isascii():
            continue
        kept.append(character)
    text = unicodedata.normalize("NFC", "".join(kept))
    slug = re.sub(r"[\W_]+", "-", text).strip("-")
    if not slug:
        raise ValueError(f"{name!r} has no letters or digits to name a file after")
    return slug[:64].rstrip("-")


def new_account_path(
    folder: Path, name: str, root: Path | None = None, taken: dict[str, Path] | None = None
) -> Path:
    """Where the new account `name` goes in `folder`, refusing an id already used.

    `root` is the account folder `folder` lies in (default: its portfolio's root,
    `portfolio_root`): an id is one account across the whole tree, so
    `Zeta` is refused beside `zeta.yml` or `sub/zeta.yaml`, and no account may take
    the settings file's name. `taken` (from `taken_ids`) saves the walk of the tree
    when the same tree is asked many times (the TUI's dialog, as you type).
    """
    slug = slugify(name)
    path = folder / f"{slug}.yaml"
    if path.name in SETTINGS_NAMES:
        raise AccountExists(
            f"{name!r} would be named {path.name}, the portfolio's settings file; "
            "give the account a longer name"
        )
    if taken is None:
        taken = taken_ids(root if root is not None else _id_root(folder))
    existing = taken.get(slug.casefold())
    if existing is not None:
        raise AccountExists(
            f"the account id {slug!r} is taken by {display_path(existing)}; "
            "give the new account another name"
        )
    return path


def account_text(name: str, schema: str | None, today: dt.date) -> str:
    """The template for `name`, laid out as `kamtui fmt` lays it (the template file is,
    and the name is written as fmt writes text); the editor modeline only when `schema`
    (a path from the new file) exists: one that points nowhere makes the editor report
    an error."""
    template = TEMPLATE.read_text(encoding="utf-8")
    if schema is None:
        template = template.split("\n", 1)[1]
    return template.format(
        name=plain_or_quoted(name.strip()), schema=schema, today=today.isoformat()
    )


def new_account(
    folder: Path, name: str, today: dt.date, root: Path | None = None
) -> tuple[Path, str]:
    """The path and text of a new account file for `name` (nothing is written).

    Raises ValueError for a name with nothing to make a file name from, and
    AccountExists (a ValueError) for an id that is taken.
    """
    path = new_account_path(folder, name, root)
    return path, account_text(name, _schema_reference(folder), today)


def create_account(folder: Path, name: str, today: dt.date, root: Path | None = None) -> Path:
    """Write the new account file of `name` from the template and return its path.

    Raises FileExistsError rather than overwrite a file, ValueError for a name
    with nothing to make a file name from or an id that is taken.
    """
    path, text = new_account(folder, name, today, root)
    write_atomic(path, text, overwrite=False)
    return path


def _id_root(folder: Path) -> Path:
    """Where ids must be unique: the portfolio's root, or, in a git repository without a
    kam.yaml of its own, its top, where a load of the whole repository would meet both
    files of one id."""
    root = portfolio_root(folder)
    if settings_file(root) is not None:
        return root
    top = folders_up(folder.resolve())[-1]
    return top if (top / ".git").exists() else root


def taken_ids(root: Path) -> dict[str, Path]:
    """Every account id of the portfolio at `root` (the files a load of it reads),
    casefolded, with the first file (in path order) that has it."""
    taken: dict[str, Path] = {}
    for path in account_files(root)[0]:
        taken.setdefault(path.stem.casefold(), path)
    return taken


def _schema_reference(folder: Path) -> str | None:
    """The schema path relative to the new file, from the nearest folder that has one
    (`kamtui init` writes one); None when there is none."""
    for candidate in folders_up(folder.resolve()):
        if (candidate / SCHEMA_FILE).is_file():
            return Path(os.path.relpath(candidate / SCHEMA_FILE, folder.resolve())).as_posix()
    return None
