"""New account files from the commented template."""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from pathlib import Path

import yaml

from kamtui.core.atomic_write import write_atomic

SCHEMA_FILE = Path("schemas") / "account.schema.json"
TEMPLATE = Path(__file__).parent.parent / "templates" / "account.yaml"


def slugify(name: str) -> str:
    """`Müller Logistik GmbH` → `muller-logistik-gmbh`: the file name and account id."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    if not slug:
        raise ValueError(f"{name!r} has no letters or digits to name a file after")
    return slug[:64].rstrip("-")


def account_text(name: str, schema: str, today: dt.date) -> str:
    template = TEMPLATE.read_text(encoding="utf-8")
    # Quoted through the YAML emitter so names like "Acme: East" or "#1 Corp" stay one string.
    quoted_name = yaml.safe_dump(name.strip(), default_style='"', allow_unicode=True).strip()
    return template.format(name=quoted_name, schema=schema, today=today.isoformat())


def new_account(folder: Path, name: str, today: dt.date) -> tuple[Path, str]:
    """The path and text of a new account file for `name` (nothing is written).

    Raises ValueError for a name with nothing to make a file name from.
    """
    return folder / f"{slugify(name)}.yaml", account_text(name, _schema_reference(folder), today)


def create_account(folder: Path, name: str, today: dt.date) -> Path:
    """Write the new account file of `name` from the template and return its path.

    Raises FileExistsError rather than overwrite a file, ValueError for a name
    with nothing to make a file name from.
    """
    path, text = new_account(folder, name, today)
    write_atomic(path, text, overwrite=False)
    return path


def _schema_reference(folder: Path) -> str:
    """The schema path relative to the new file, from the nearest folder that has one."""
    for candidate in (folder.resolve(), *folder.resolve().parents):
        if (candidate / SCHEMA_FILE).is_file():
            return Path(os.path.relpath(candidate / SCHEMA_FILE, folder.resolve())).as_posix()
    return SCHEMA_FILE.as_posix()
