"""Account folders and files as they were at a git revision, read through the `git` command.

A folder at a revision loads into the same `Folder` the loader gives for the
working tree, so everything downstream (analytics, diff) cannot tell them apart.
Blobs are read in one `git cat-file --batch` per request and parsed once per
content (a history walk sees the same unchanged files at every commit).
Problems name files the way git does: `REV:PATH:LINE:COL`.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from kamtui.core.account.account_file import (
    MAX_FILE_BYTES,
    LoadedFile,
    load_account_bytes,
    load_model,
    too_large,
)
from kamtui.core.account.integrity import ValidityKey, validity_key
from kamtui.core.account.model import Account, PortfolioSettings
from kamtui.core.account.problem import Problem
from kamtui.core.loading.account_discovery import ACCOUNT_SUFFIXES, nested_portfolio
from kamtui.core.loading.loader import Folder, drop_duplicate_ids
from kamtui.core.loading.portfolio_root import SETTINGS_NAMES

_LINK_MODE = "120000"
# The size of a blob git cannot read (a damaged or missing object).
_DAMAGED = -1
_COMMIT_ID = re.compile(r"[0-9a-f]{40}(?:[0-9a-f]{24})?")


def parse_log(output: bytes, path: str) -> list[Commit]:
    """`git log --follow -z --name-only --format=LOG_FORMAT -- path` as commits, newest
    first, each with the file's path in it (`path` for a commit that names none, as a
    merge does: the file stays where the commit after it had it)."""
    tokens = output.decode("utf-8", "surrogateescape").split("\0")
    commits: list[Commit] = []
    current = path
    index = 0
    while index < len(tokens):
        if not (tokens[index : index + 2] == ["", ""] and index + 6 < len(tokens)):
            index += 1
            continue
        full, short, date, stamp, subject = tokens[index + 2 : index + 7]
        if not _COMMIT_ID.fullmatch(full):
            index += 1
            continue
        index += 7
        names: list[str] = []
        while index < len(tokens) and tokens[index] != "":
            # git puts one line break between a commit's header and its names.
            names.append(tokens[index].removeprefix("\n") if not names else tokens[index])
            index += 1
        current = names[0] if names else current
        commits.append(Commit(full, short, _commit_date(date, stamp), subject, current))
    return commits


class GitError(Exception):
    """git is missing or refused; the message is meant for the user."""


# Every field ends at a NUL, and two NULs open a commit: nothing a subject or a path may
# hold (any byte but NUL) can be taken for the next field.
LOG_FORMAT = "%x00%x00%H%x00%h%x00%aI%x00%at%x00%s"


@dataclass(frozen=True, slots=True)
class Commit:
    """One commit that touched an account file, with the file's path in that commit."""

    hash: str
    short: str
    date: dt.datetime
    subject: str
    # From the repository's top, in git's form (forward slashes); follows renames.
    path: str


@dataclass(frozen=True, slots=True)
class _TreeEntry:
    mode: str
    sha: str
    size: int


Parsed = tuple[Account | None, list[Problem]]


class Repository:
    """A git working copy, driven through the `git` command."""

    def __init__(self, top: Path) -> None:
        self.top = top
        # By blob and the settings' `validity_key`: a blob valid under one kam.yaml may
        # name a KPI another does not declare.
        self._parsed: dict[tuple[str, ValidityKey], Parsed] = {}

    @classmethod
    def find(cls, path: Path) -> Repository | None:
        """The repository holding `path` (a file or folder), or None outside any."""
        folder = path if path.is_dir() else path.parent
        try:
            output = _git(folder, "rev-parse", "--show-toplevel")
        except GitError as error:
            if "safe.directory" in str(error):
                raise GitError(_refused(folder)) from None
            return None
        return cls(Path(output.decode("utf-8", "surrogateescape").strip()))

    def commit(self, revision: str) -> str | None:
        """The commit a revision names (`HEAD~2`, `origin/main`, a hash), or None."""
        try:
            output = self._run(
                "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"
            )
        except GitError:
            return None
        return output.decode().strip() or None

    def relative(self, path: Path) -> str:
        """`path` from the repository's top in git's form; "" for the top itself."""
        relative = path.resolve().relative_to(self.top.resolve()).as_posix()
        return "" if relative == "." else relative

    def read_folder(self, revision: str, folder: str, label: str | None = None) -> Folder:
        """The account folder `folder` (from the top) as it was at `revision`.

        `label` names the revision in problems (default: the revision itself).
        """
        commit = self.commit(revision)
        if commit is None:
            raise GitError(f"{revision!r} is not a revision of {self.top}")
        label = label or revision
        tree = self._tree(commit, folder)
        problems: list[Problem] = []
        settings = self._settings(tree, folder, label, problems)
        nested = _nested_portfolios(tree, folder)
        problems += [
            Problem(f"{label}:{inner}", 1, 1, nested_portfolio(inner), "warning")
            for inner in sorted(nested)
        ]
        paths = [
            p
            for p in tree
            if _is_account_path(p, folder) and not any(p.startswith(f"{n}/") for n in nested)
        ]
        blobs = self._resolve_links(tree, paths, label, problems)
        key = validity_key(settings)
        self._parse({sha for sha in blobs.values() if sha is not None}, tree_sizes(tree), settings)
        files: list[LoadedFile] = []
        for path in paths:
            shown = f"{label}:{path}"
            sha = blobs[path]
            account, found = (None, []) if sha is None else self._parsed[sha, key]
            files.append(
                LoadedFile(Path(shown), _stem(path), account, [_relocate(p, shown) for p in found])
            )
        drop_duplicate_ids(files)
        return Folder(self.top / folder, settings, files, problems)

    def adopt(self, revision: str, folder: str, worktree: Folder) -> None:
        """Take the working tree's valid accounts as the parse of every file git
        reports unchanged since `revision`, so a review parses only what changed."""
        commit = self.commit(revision)
        if commit is None:
            return
        spec = [folder] if folder else []
        changed = self._run("diff", "--name-only", "--no-renames", "-z", commit, "--", *spec)
        changed_paths = set(changed.decode("utf-8", "surrogateescape").split("\0"))
        tree = self._tree(commit, folder)
        key = validity_key(worktree.settings)
        for loaded in worktree.files:
            try:
                path = self.relative(loaded.path)
            except ValueError:
                continue
            entry = tree.get(path)
            if (
                entry is not None
                and entry.mode != _LINK_MODE
                and path not in changed_paths
                and loaded.account is not None
                and not loaded.problems
            ):
                self._parsed.setdefault((entry.sha, key), (loaded.account, []))

    def log(self, path: str) -> list[Commit]:
        """Commits that touched the file at `path` (from the top), newest first, across renames."""
        if self.commit("HEAD") is None:
            return []  # a repository without commits yet
        output = self._run(
            "log",
            "--follow",
            "-z",
            "--name-only",
            f"--format={LOG_FORMAT}",
            "--",
            path,
        )
        return parse_log(output, path)

    def account_versions(
        self, commits: Sequence[Commit], folder: str
    ) -> list[tuple[Account | None, PortfolioSettings]]:
        """The account file at each commit (None when missing or invalid) with the
        kam.yaml of the account folder `folder` at that commit, read in one batch."""
        per_commit = 1 + len(SETTINGS_NAMES)
        names: list[str] = []
        for commit in commits:
            names.append(f"{commit.hash}:{commit.path}")
            names.extend(f"{commit.hash}:{posixpath.join(folder, n)}" for n in SETTINGS_NAMES)
        blobs = self.read_blobs(names)
        settings_of: dict[bytes, PortfolioSettings] = {}
        versions: list[tuple[Account | None, PortfolioSettings]] = []
        for start in range(0, len(names), per_commit):
            account_blob, *settings_blobs = blobs[start : start + per_commit]
            blob = next((b for b in settings_blobs if b is not None), b"")
            if blob not in settings_of:
                found, _ = load_model(blob, names[start], PortfolioSettings, allow_empty=True)
                settings_of[blob] = found or PortfolioSettings()
            settings = settings_of[blob]
            account = None
            if account_blob is not None:
                account = load_account_bytes(account_blob, names[start], settings)[0]
            versions.append((account, settings))
        return versions

    def config(self, key: str) -> str | None:
        """A repository-local setting; None when unset."""
        try:
            return self._run("config", "--local", "--get", key).decode().rstrip("\n")
        except GitError:
            return None

    def set_config(self, key: str, value: str) -> None:
        self._run("config", "--local", key, value)

    def read_blobs(self, names: Sequence[str]) -> list[bytes | None]:
        """The contents of each object (`SHA` or `REV:PATH`), None for those that do not exist."""
        if not names:
            return []
        # NUL-terminated names: a path may hold a line break.
        request = "".join(f"{name}\0" for name in names).encode("utf-8", "surrogateescape")
        output = self._run("cat-file", "--batch", "-z", stdin=request)
        blobs: list[bytes | None] = []
        position = 0
        for _ in names:
            end = output.index(b"\n", position)
            header = output[position:end].split(b" ")
            position = end + 1
            if header[-1] == b"missing" or header[-1] == b"ambiguous" or len(header) != 3:
                blobs.append(None)
                continue
            size = int(header[2])
            blobs.append(output[position : position + size] if header[1] == b"blob" else None)
            position += size + 1
        return blobs

    def _tree(self, commit: str, folder: str) -> dict[str, _TreeEntry]:
        """Every blob under `folder` at `commit`, by path from the top."""
        spec = [folder] if folder else []
        output = self._run("ls-tree", "-r", "-z", "-l", "--full-tree", commit, "--", *spec)
        tree: dict[str, _TreeEntry] = {}
        for line in output.decode("utf-8", "surrogateescape").split("\0"):
            if not line:
                continue
            info, _, path = line.partition("\t")
            mode, kind, sha, size = info.split()
            if kind == "blob":
                # git prints "BAD" for the size of an object it cannot read.
                tree[path] = _TreeEntry(mode, sha, int(size) if size.isdigit() else _DAMAGED)
        return tree

    def _settings(
        self, tree: dict[str, _TreeEntry], folder: str, label: str, problems: list[Problem]
    ) -> PortfolioSettings:
        for name in SETTINGS_NAMES:
            path = posixpath.join(folder, name)
            if path in tree:
                shown = f"{label}:{path}"
                blob = self.read_blobs([tree[path].sha])[0] or b""
                settings, found = load_model(blob, shown, PortfolioSettings, allow_empty=True)
                problems.extend(found)
                return settings or PortfolioSettings()
        return PortfolioSettings()

    def _resolve_links(
        self,
        tree: dict[str, _TreeEntry],
        paths: list[str],
        label: str,
        problems: list[Problem],
    ) -> dict[str, str | None]:
        """The blob each account path holds; a symbolic link to another file of the tree
        holds that file's blob, as the working tree's loader follows links inside the folder."""
        blobs: dict[str, str | None] = {p: tree[p].sha for p in paths}
        links = [p for p in paths if tree[p].mode == _LINK_MODE]
        targets = self.read_blobs([tree[p].sha for p in links])
        for path, target in zip(links, targets, strict=True):
            resolved = posixpath.normpath(
                posixpath.join(
                    posixpath.dirname(path), (target or b"").decode("utf-8", "surrogateescape")
                )
            )
            entry = tree.get(resolved)
            if entry is None or entry.mode == _LINK_MODE:
                problems.append(
                    Problem(
                        f"{label}:{path}",
                        1,
                        1,
                        "symbolic link to something outside the folder or not a file; skipped",
                    )
                )
                blobs[path] = None
            else:
                blobs[path] = entry.sha
        return blobs

    def _parse(self, shas: set[str], sizes: dict[str, int], settings: PortfolioSettings) -> None:
        """Validate every blob not parsed before under such settings; problems are
        relocated by the caller."""
        key = validity_key(settings)
        todo = sorted(sha for sha in shas if (sha, key) not in self._parsed)
        small = [sha for sha in todo if 0 <= sizes.get(sha, 0) <= MAX_FILE_BYTES]
        for sha in todo:
            if sizes.get(sha) == _DAMAGED:
                message = "git cannot read this file's object (damaged?); `git fsck` says more"
                self._parsed[sha, key] = (None, [Problem(sha, 1, 1, message)])
            elif sha not in small:
                self._parsed[sha, key] = (None, [Problem(sha, 1, 1, too_large(sizes[sha]))])
        for sha, blob in zip(small, self.read_blobs(small), strict=True):
            self._parsed[sha, key] = load_account_bytes(blob or b"", sha, settings)

    def _run(self, *args: str, stdin: bytes | None = None) -> bytes:
        return _git(self.top, *args, stdin=stdin)


def _refused(folder: Path) -> str:
    return (
        f"git refuses to read the repository at {folder}: it belongs to another user "
        "(git's safe.directory check). If you trust it: "
        f"git config --global --add safe.directory {folder.resolve()}"
    )


def _commit_date(iso: str, stamp: str) -> dt.datetime:
    """The author date; git accepts time-zone offsets Python does not (beyond ±24 h), and
    such a date is taken in UTC."""
    try:
        return dt.datetime.fromisoformat(iso)
    except ValueError:
        return dt.datetime.fromtimestamp(int(stamp or 0), tz=dt.UTC)


def tree_sizes(tree: dict[str, _TreeEntry]) -> dict[str, int]:
    return {entry.sha: entry.size for entry in tree.values()}


def _is_account_path(path: str, folder: str) -> bool:
    inside = path[len(folder) + 1 :] if folder else path
    parts = inside.split("/")
    if any(part.startswith(".") for part in parts):
        return False
    if len(parts) == 1 and parts[0] in SETTINGS_NAMES:
        return False
    return path.endswith(ACCOUNT_SUFFIXES)


def _nested_portfolios(tree: Iterable[str], folder: str) -> set[str]:
    """Folders below `folder` that hold a settings file: portfolios of their own, which
    a load of `folder` skips, as the loader does on disk."""
    found = set()
    for path in tree:
        if posixpath.basename(path) in SETTINGS_NAMES:
            parent = posixpath.dirname(path)
            if parent != folder and (not folder or parent.startswith(f"{folder}/")):
                found.add(parent)
    return found


def _stem(path: str) -> str:
    return posixpath.splitext(posixpath.basename(path))[0]


def _relocate(problem: Problem, path: str) -> Problem:
    return replace(problem, path=path)


def _git(cwd: Path, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        result = subprocess.run(
            # Paths are paths: `acme[1].yaml` must not match `acme1.yaml` as a glob would.
            ["git", "--literal-pathspecs", *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        raise GitError("git is not installed or not on PATH") from None
    except OSError as error:
        raise GitError(f"cannot run git: {error.strerror or error}") from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed"
        raise GitError(message)
    return result.stdout
