"""The files of kamtui's cache folder: where they live, which account folder each is
for, the key of the code that made them, their checked reading and writing, and the
pruning of those whose folder is gone.

Every cache file is a header (its kind, its folder, the format key), a checksum of the
rest, and the rest. A write goes to a temporary file renamed over the old one, so two
kamtui processes at once each read a whole file, the last writer's; a file that cannot
be read, is of another kind, folder or code, or fails its checksum reads as none.

Light on purpose (no pydantic, no PyYAML): the warm check of `kamtui validate`
(`validity_record`) reads its file before it knows whether anything needs parsing.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import os
import sys
from collections.abc import Sequence
from hashlib import blake2b
from pathlib import Path

import platformdirs

from kamtui.core.editing.atomic_write import write_bytes_atomic

CACHE_DIR_ENV = "KAMTUI_CACHE_DIR"
# Each kind of cache file: its name's ending → the first line of its layout. A file of
# an older layout names no folder, so the next write of any cache file prunes it.
MAGIC = {
    ".cache": b"kamtui accounts cache 2\n",
    ".valid": b"kamtui validity record 1\n",
}
# Every module a check of a folder goes through (a test keeps this list whole): a change
# to any of them may change what a file loads as or what a check finds, so nothing the
# old code cached or recorded is trusted.
FORMAT_MODULES = (
    "kamtui.core.account.account_file",
    "kamtui.core.account.error_messages",
    "kamtui.core.account.gate_settings",
    "kamtui.core.account.integrity",
    "kamtui.core.account.invisible",
    "kamtui.core.account.model",
    "kamtui.core.account.problem",
    "kamtui.core.account.strict",
    "kamtui.core.account.written_text",
    "kamtui.core.account.yaml_source",
    "kamtui.core.editing.atomic_write",
    "kamtui.core.loading.account_cache",
    "kamtui.core.loading.account_codec",
    "kamtui.core.loading.account_discovery",
    "kamtui.core.loading.bulk_load",
    "kamtui.core.loading.folder_check",
    "kamtui.core.loading.loader",
    "kamtui.core.loading.portfolio_root",
    "kamtui.core.loading.quiet_collector",
    "kamtui.core.loading.validity_record",
    __name__,
)
# The libraries validation runs on, known by their package files without importing
# them (pydantic alone takes 0.2 s): an upgrade rewrites these files.
FORMAT_PACKAGES = ("pydantic", "pydantic_core", "yaml")
CHECKSUM_SIZE = 16


def cache_dir() -> Path:
    """$KAMTUI_CACHE_DIR, else the user's cache folder for kamtui."""
    return Path(os.environ.get(CACHE_DIR_ENV) or platformdirs.user_cache_dir("kamtui"))


@functools.cache
def format_key() -> bytes:
    """Changes whenever a cached account or check might no longer be what loading gives."""
    key = blake2b(digest_size=16)
    key.update(sys.version.encode() + b"\0")
    for package in FORMAT_PACKAGES:
        origin = _origin(package)
        status = os.stat(origin)
        key.update(f"{origin} {status.st_size} {status.st_mtime_ns}\0".encode())
    for module in FORMAT_MODULES:
        key.update(module.encode() + b"\0" + Path(_origin(module)).read_bytes())
    return key.digest()


def _origin(module: str) -> str:
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        raise ImportError(f"{module} is not installed")
    return spec.origin


def cache_file(root: Path, suffix: str) -> tuple[Path, bytes]:
    """The cache file of this kind for an account folder, and the folder as it names it."""
    folder = os.fsencode(root.resolve())
    name = blake2b(folder, digest_size=10).hexdigest()
    return cache_dir() / f"folder-{name}{suffix}", folder


def header(suffix: str, folder: bytes) -> bytes:
    # The folder comes before the format key, so that any version can tell whose it is.
    return MAGIC[suffix] + len(folder).to_bytes(4, "little") + folder + format_key()


def write_checked(root: Path, suffix: str, body: Sequence[bytes | memoryview]) -> None:
    """Replace the account folder's cache file of this kind with `body` (the parts
    written one after the other), then prune; a cache that cannot be written is skipped."""
    path, folder = cache_file(root, suffix)
    checksum = blake2b(digest_size=CHECKSUM_SIZE)
    for part in body:
        checksum.update(part)
    with contextlib.suppress(OSError):
        write_bytes_atomic(
            path, [header(suffix, folder), checksum.digest(), *body], overwrite=True, durable=False
        )
        prune_vanished_folders(path.parent)


def read_checked(root: Path, suffix: str) -> memoryview | None:
    """The body of the account folder's cache file of this kind, as `write_checked` wrote
    it: a view into one allocation of the file's bytes. None when there is none whole."""
    path, folder = cache_file(root, suffix)
    try:
        view = memoryview(path.read_bytes())
    except OSError:
        return None
    expected = header(suffix, folder)
    start = len(expected) + CHECKSUM_SIZE
    if view[: len(expected)] != expected:
        return None
    body = view[start:]
    if blake2b(body, digest_size=CHECKSUM_SIZE).digest() != view[len(expected) : start]:
        return None
    return body


def folder_of(path: Path) -> bytes | None:
    """The folder a cache file is for; None for a file that is no kamtui cache of this layout."""
    magic = MAGIC.get(path.suffix)
    if magic is None:
        return None
    try:
        with path.open("rb") as stream:
            head = stream.read(len(magic) + 4)
            if len(head) < len(magic) + 4 or head[: len(magic)] != magic:
                return None
            return stream.read(int.from_bytes(head[-4:], "little"))
    except OSError:
        return None


def prune_vanished_folders(folder: Path) -> None:
    """Remove the cache files (in `folder`) of account folders that no longer exist, and
    files there that are no kamtui cache of this layout."""
    for path in folder.glob("folder-*"):
        named = folder_of(path)
        if named is None or not os.path.isdir(named):
            with contextlib.suppress(OSError):
                path.unlink()
