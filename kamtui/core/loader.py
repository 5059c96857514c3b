"""Account files on disk → validated accounts, or problems that name file, line and column.

Nothing here raises for a bad file: every way a file can be wrong ends as a
`Problem`, and the other files keep loading.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ValidationError

from kamtui.core.error_messages import describe, field_label
from kamtui.core.integrity import reference_problems
from kamtui.core.model import Account, PortfolioSettings
from kamtui.core.yaml_source import Document, Position, YamlProblem, parse

MAX_FILE_BYTES = 1024 * 1024
SETTINGS_NAMES = ("kam.yaml", "kam.yml")
ACCOUNT_SUFFIXES = (".yaml", ".yml")
_CONFLICT_MARKER = re.compile(rb"^(<{7}|={7}|>{7}|\|{7})(?:[ \t].*)?\r?$", re.MULTILINE)

Severity = Literal["error", "warning"]
ModelT = TypeVar("ModelT", bound=BaseModel)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a file, located the way compilers and linters do."""

    path: str
    line: int
    column: int
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"


@dataclass(slots=True)
class LoadedFile:
    """One account file: its account when valid, and whatever is wrong with it."""

    path: Path
    account_id: str
    account: Account | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.account is not None


@dataclass(slots=True)
class Folder:
    """An account folder as loaded: settings, every account file, and folder-level problems."""

    root: Path
    settings: PortfolioSettings
    files: list[LoadedFile]
    folder_problems: list[Problem] = field(default_factory=list)

    @property
    def accounts(self) -> dict[str, Account]:
        """Valid accounts by id, in id order."""
        valid = {f.account_id: f.account for f in self.files if f.account is not None}
        return dict(sorted(valid.items()))

    @property
    def problems(self) -> list[Problem]:
        found = list(self.folder_problems)
        for loaded in self.files:
            found.extend(loaded.problems)
        return found


def display_path(path: Path) -> str:
    """The path as a person would type it: relative to the current folder when inside it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def load_account_bytes(data: bytes, path: str) -> tuple[Account | None, list[Problem]]:
    """Validate the bytes of one account file; `path` only names it in problems."""
    return _load_model(data, path, Account)


def load_account_file(path: Path, root: Path | None = None) -> LoadedFile:
    shown = display_path(path)
    data, problem = read_bounded(path, shown)
    if problem is not None:
        return LoadedFile(path, path.stem, None, [problem])
    account, problems = load_account_bytes(data, shown)
    return LoadedFile(path, path.stem, account, problems)


def load_settings(root: Path) -> tuple[PortfolioSettings, list[Problem]]:
    """The portfolio settings at the root; defaults (and problems) when absent or invalid."""
    for name in SETTINGS_NAMES:
        path = root / name
        if path.is_file():
            shown = display_path(path)
            data, problem = read_bounded(path, shown)
            if problem is not None:
                return PortfolioSettings(), [problem]
            settings, problems = _load_model(data, shown, PortfolioSettings, allow_empty=True)
            return settings or PortfolioSettings(), problems
    return PortfolioSettings(), []


def load_folder(root: Path) -> Folder:
    settings, problems = load_settings(root)
    paths, discovery_problems = account_files(root)
    problems.extend(discovery_problems)
    files = [load_account_file(path, root) for path in paths]
    problems.extend(duplicate_id_problems(files))
    return Folder(root, settings, files, problems)


def read_bounded(path: Path, shown: str) -> tuple[bytes, Problem | None]:
    """The file's bytes, or a problem when it cannot be read or is too large."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return b"", Problem(
                shown, 1, 1, f"file is {size / 1048576:.1f} MiB; the limit is 1 MiB"
            )
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        return b"", Problem(shown, 1, 1, f"cannot read the file: {error.strerror or error}")
    if len(data) > MAX_FILE_BYTES:
        return b"", Problem(shown, 1, 1, "file is larger than the 1 MiB limit")
    return data, None


def account_files(root: Path) -> tuple[list[Path], list[Problem]]:
    """Every account file under `root`, in path order.

    Hidden entries and the settings file are skipped. Symbolic links are followed
    while they stay inside `root`; links out of it, broken links and loops are problems.
    """
    found: list[Path] = []
    problems: list[Problem] = []
    real_root = root.resolve()
    visited: set[Path] = set()

    def walk(folder: Path) -> None:
        real = folder.resolve()
        if real in visited:
            problems.append(Problem(display_path(folder), 1, 1, "symbolic link loop; skipped"))
            return
        visited.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            problems.append(
                Problem(display_path(folder), 1, 1, f"cannot read folder: {error.strerror}")
            )
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            if entry.is_symlink() and not _link_inside(path, real_root, problems):
                continue
            if entry.is_dir():
                walk(path)
            elif entry.name.endswith(ACCOUNT_SUFFIXES) and not (
                folder == root and entry.name in SETTINGS_NAMES
            ):
                found.append(path)

    walk(root)
    return found, problems


def _link_inside(path: Path, real_root: Path, problems: list[Problem]) -> bool:
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        problems.append(Problem(display_path(path), 1, 1, "broken symbolic link; skipped"))
        return False
    if not target.is_relative_to(real_root):
        problems.append(
            Problem(
                display_path(path),
                1,
                1,
                f"symbolic link points outside the folder ({target}); skipped",
            )
        )
        return False
    return True


def duplicate_id_problems(files: list[LoadedFile]) -> list[Problem]:
    """Two files with one id: the later ones (in path order) are dropped with a problem."""
    first: dict[str, LoadedFile] = {}
    problems: list[Problem] = []
    for loaded in files:
        earlier = first.setdefault(loaded.account_id, loaded)
        if earlier is loaded:
            continue
        problem = duplicate_id_problem(loaded.path, loaded.account_id, earlier.path)
        loaded.account = None
        loaded.problems.append(problem)
    return problems


def duplicate_id_problem(path: Path, account_id: str, owner: Path) -> Problem:
    return Problem(
        display_path(path),
        1,
        1,
        f"duplicate account id {account_id!r}: {display_path(owner)} has it too",
    )


def _load_model(
    data: bytes, path: str, model: type[ModelT], *, allow_empty: bool = False
) -> tuple[ModelT | None, list[Problem]]:
    text, problem = _decode(data, path)
    if problem is not None:
        return None, [problem]
    try:
        document = parse(text)
    except YamlProblem as error:
        return None, [_at(path, error.position, error.message)]
    if document is None:
        if allow_empty:
            return model(), []
        return None, [
            Problem(path, 1, 1, "file is empty; an account needs at least name and criteria")
        ]
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
    if isinstance(instance, Account):
        references = reference_problems(instance)
        if references:
            return None, [
                _at(path, document.position(loc), f"{field_label(loc, document.data)}: {message}")
                for loc, message in references
            ]
    return instance, []


def _validation_problems(
    error: ValidationError, document: Document, path: str, model: type[BaseModel]
) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple[int, int, str]] = set()
    for detail in error.errors(include_url=False):
        loc = _file_loc(detail["loc"], document.data)
        kind = detail["type"]
        position = document.position(loc, at_key=kind in {"extra_forbidden", "missing"})
        # A missing or unknown field is a fault of the mapping that should (not) hold it.
        owner_loc = loc[:-1] if kind in {"extra_forbidden", "missing"} else loc
        label = field_label(owner_loc, document.data)
        message = describe(detail, model)
        if loc and loc[-1] == "[key]":
            message = f"invalid key: {message}"
        text = f"{label}: {message}" if label else message
        key = (position.line, position.column, text)
        if key not in seen:
            seen.add(key)
            problems.append(_at(path, position, text))
    return sorted(problems, key=lambda p: (p.line, p.column))


def _file_loc(loc: tuple[Any, ...], data: Any) -> tuple[str | int, ...]:
    """Pydantic's location with the parts the file does not have removed.

    `criteria.product_fit: 7` fails at `criteria.product_fit.score` because 7 is
    shorthand for `{score: 7}`; the file's location ends at `product_fit`.
    """
    kept: list[str | int] = []
    node = data
    for part in loc:
        if part == "[key]":
            kept.append(part)
            break
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif (
            isinstance(node, dict)
            and isinstance(part, str)
            and part.isdigit()
            and int(part) in node
        ):
            node = node[int(part)]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        elif not isinstance(node, dict):
            break
        kept.append(part)
    return tuple(kept)


def _decode(data: bytes, path: str) -> tuple[str, Problem | None]:
    marker = _CONFLICT_MARKER.search(data)
    if marker is not None:
        line = data.count(b"\n", 0, marker.start()) + 1
        return "", Problem(
            path,
            line,
            1,
            f"unresolved merge conflict at line {line}: resolve it and remove the markers",
        )
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
