"""One account file: bytes → a validated account, or problems that name line and column.

Nothing here raises for a bad file: every way a file can be wrong ends as a `Problem`.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from kamtui.core.account.error_messages import describe, field_label, without_measure_tags
from kamtui.core.account.integrity import reference_problems, settings_problems
from kamtui.core.account.invisible import invisible_in
from kamtui.core.account.model import Account, PortfolioSettings
from kamtui.core.account.problem import Problem, display_path
from kamtui.core.account.yaml_source import (
    Document,
    Loc,
    Position,
    YamlProblem,
    key_named,
    parse,
)

# Every shape of account file this size validates in well under a second (bench/cost.py;
# libyaml composes about 1 MiB a second here); the richest example account is 7 KB.
MAX_FILE_BYTES = 512 * 1024
# Non-blocking: opening a FIFO named like an account file would wait for a writer forever.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
# At a line's start, or after the byte order mark some Windows editors write first.
_CONFLICT_MARKER = re.compile(
    rb"^(?:\xef\xbb\xbf)?(<{7}|={7}|>{7}|\|{7})(?:[ \t].*)?\r?$", re.MULTILINE
)

ModelT = TypeVar("ModelT", bound=BaseModel)


@dataclass(slots=True)
class LoadedFile:
    """One account file: its account when valid, and whatever is wrong with it."""

    path: Path
    account_id: str
    account: Account | None
    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        # The id is the file's name: every way of loading a file (a folder, one file,
        # the cache, git) makes a LoadedFile, so the name is checked once, here.
        hidden = invisible_in(self.account_id)
        if hidden is not None:
            self.account = None
            message = f"the file name holds {hidden}: rename the file, or its id looks like another"
            self.problems.insert(0, Problem(display_path(self.path), 1, 1, message))

    @property
    def ok(self) -> bool:
        return self.account is not None


def load_account_bytes(
    data: bytes, path: str, settings: PortfolioSettings
) -> tuple[Account | None, list[Problem]]:
    """Validate the bytes of one account file of the portfolio `settings` are of (its
    custom KPIs are checked against them); `path` only names it in problems."""
    return load_model(
        data, path, Account, check=lambda account: account_problems(account, settings)
    )


def load_account_file(path: Path, settings: PortfolioSettings) -> LoadedFile:
    shown = display_path(path)
    data, problem = read_bounded(path, shown)
    if problem is not None:
        return LoadedFile(path, path.stem, None, [problem])
    return LoadedFile(path, path.stem, *load_account_bytes(data, shown, settings))


def account_problems(account: Account, settings: PortfolioSettings) -> list[tuple[Loc, str]]:
    """What is wrong with a schema-valid account: within the file, then against the settings."""
    return reference_problems(account) + settings_problems(account, settings)


def load_model_file(
    path: Path, model: type[ModelT], *, allow_empty: bool = False
) -> tuple[ModelT | None, list[Problem]]:
    """Read (`read_bounded`) and validate a YAML file of `model`: an account, the
    settings, the user's configuration or a CRM map."""
    shown = display_path(path)
    data, problem = read_bounded(path, shown)
    if problem is not None:
        return None, [problem]
    return load_model(data, shown, model, allow_empty=allow_empty)


def read_bounded(path: Path, shown: str) -> tuple[bytes, Problem | None]:
    """The file's bytes, or a problem when it cannot be read or is too large."""
    data, error = read_limited(path)
    return data, None if error is None else Problem(shown, 1, 1, error)


def read_limited(path: Path) -> tuple[bytes, str | None]:
    """The file's bytes, or why they cannot be had (the caller knows how to name the file)."""
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
        try:
            status = os.fstat(descriptor)
            if not stat.S_ISREG(status.st_mode):
                return b"", "not a regular file (a folder, pipe, socket or device); skipped"
            size = status.st_size
            if size > MAX_FILE_BYTES:
                return b"", too_large(size)
            data = _read_to_end(descriptor, size)
        finally:
            os.close(descriptor)
    except OSError as error:
        return b"", f"cannot read the file: {error.strerror or error}"
    if len(data) > MAX_FILE_BYTES:
        return b"", too_large(None)
    return data, None


def too_large(size: int | None) -> str:
    """Exact sizes: "1.0 MiB; the limit is 1 MiB" told nobody how far over a file was."""
    limit = f"the limit is {MAX_FILE_BYTES:,} bytes ({MAX_FILE_BYTES // 1024} KiB)"
    if size is None:
        return f"file grew while it was read and is now larger than the limit; {limit}"
    return f"file is {size:,} bytes; {limit}"


def _read_to_end(descriptor: int, size: int) -> bytes:
    """At most MAX_FILE_BYTES + 1 bytes, asking for the size the file had first.

    A buffered `read(limit)` allocates the whole limit for every file; asking for
    the expected size makes reading 10,000 files three times faster.
    """
    parts: list[bytes] = []
    total = 0
    wanted = size + 1
    while total <= MAX_FILE_BYTES:
        part = os.read(descriptor, min(wanted, MAX_FILE_BYTES + 1 - total))
        if not part:
            break
        parts.append(part)
        total += len(part)
        wanted = 65536
    return b"".join(parts)


def load_model(
    data: bytes,
    path: str,
    model: type[ModelT],
    *,
    allow_empty: bool = False,
    check: Callable[[ModelT], list[tuple[Loc, str]]] | None = None,
) -> tuple[ModelT | None, list[Problem]]:
    """Validate YAML bytes as `model`; `check` finds what the schema cannot (the places
    and messages of what is wrong across fields)."""
    conflict, lone_separator = _conflict(data, path)
    if conflict is not None and not lone_separator:
        return None, [conflict]
    text, problem = _decode(data, path)
    if problem is not None:
        return None, [problem]
    try:
        document = parse(text)
    except YamlProblem as error:
        return None, [conflict or _at(path, error.position, error.message)]
    if document is None:
        if allow_empty:
            return model(), []
        return None, [Problem(path, 1, 1, f"file is empty; {_needs(model)}")]
    if not isinstance(document.data, dict):
        kind = "a list" if isinstance(document.data, list) else "a single value"
        return None, [
            _at(
                path,
                Position(1, 1),
                f"the file must be a mapping of 'key: value' lines, not {kind}",
            )
        ]
    try:
        instance = model.model_validate(document.data)
    except ValidationError as error:
        return None, _validation_problems(error, document, path, model)
    found = check(instance) if check is not None else []
    if found:
        return None, [
            _at(path, document.position(loc), f"{field_label(loc, document.data)}: {message}")
            for loc, message in found
        ]
    return instance, []


def _needs(model: type[BaseModel]) -> str:
    """ "an account needs at least name and criteria": what an empty file lacks."""
    required = [
        field.alias or name for name, field in model.model_fields.items() if field.is_required()
    ]
    what = "an account" if model is Account else "it"
    listed = " and ".join(required) if len(required) <= 2 else ", ".join(required)
    return f"{what} needs at least {listed}"


def _validation_problems(
    error: ValidationError, document: Document, path: str, model: type[BaseModel]
) -> list[Problem]:
    problems: list[Problem] = []
    for detail in error.errors(include_url=False):
        loc = _file_loc(detail["loc"], document.data)
        kind = detail["type"]
        # A missing, unknown or misread key is a fault of the mapping that should (not) hold it.
        of_key = kind in {"extra_forbidden", "missing", "invalid_key"}
        # An error about one key of a mapping (written twice) names it: found at that key.
        key = (detail.get("ctx") or {}).get("key")
        position = document.position(
            loc if key is None else (*loc, key), at_key=of_key or key is not None
        )
        owner_loc = loc[:-1] if of_key else loc
        label = field_label(owner_loc, document.data)
        written = document.written((*loc, "[key]") if kind == "invalid_key" else loc)
        message = describe(detail, model, written)
        if loc and loc[-1] == "[key]":
            message = f"invalid key: {message}"
        problems.append(_at(path, position, f"{label}: {message}" if label else message))
    return sorted(problems, key=lambda p: (p.line, p.column))


def _file_loc(loc: tuple[Any, ...], data: Any) -> tuple[str | int, ...]:
    """Pydantic's location with the parts the file does not have removed.

    `criteria.product_fit: 7` fails at `criteria.product_fit.score` because 7 is
    shorthand for `{score: 7}`; the file's location ends at `product_fit`.
    """
    kept: list[str | int] = []
    node = data
    for part in without_measure_tags(loc):
        if part == "[key]":
            kept.append(part)
            break
        if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        elif isinstance(node, dict):
            # Pydantic names a reading's date key by its repr: the file's key is the date.
            part = next((key for key in node if key_named(key, part)), part)
            # A key the mapping lacks (a missing field, a year written "2025") still
            # names the place, as the last part of it.
            node = node.get(part)
        else:
            break
        kept.append(part)
    return tuple(kept)


def _conflict(data: bytes, path: str) -> tuple[Problem | None, bool]:
    """The first merge-conflict marker, and whether it is only a lone `=======`.

    A lone separator may be a Markdown underline in a quoted multi-line scalar: it is
    a conflict only if the file does not parse (a resolution that left it behind).
    """
    markers = list(_CONFLICT_MARKER.finditer(data))
    if not markers:
        return None, False
    line = data.count(b"\n", 0, markers[0].start()) + 1
    problem = Problem(
        path,
        line,
        1,
        f"unresolved merge conflict at line {line}: resolve it and remove the markers",
    )
    return problem, all(marker.group(1) == b"=======" for marker in markers)


def _decode(data: bytes, path: str) -> tuple[str, Problem | None]:
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        start = error.start
        line = data.count(b"\n", 0, start) + 1
        column = start - (data.rfind(b"\n", 0, start) + 1) + 1
        byte = data[start : start + 1].hex()
        return "", Problem(
            path, line, column, f"not UTF-8 text (byte 0x{byte}); save the file as UTF-8"
        )


def _at(path: str, position: Position, message: str) -> Problem:
    return Problem(path, position.line, position.column, message)
