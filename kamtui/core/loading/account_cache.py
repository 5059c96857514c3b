"""The cache of validated accounts that makes a warm load skip YAML and validation.

Entries are keyed by content, the blake2b digest of a file's bytes, so a file
edited without its modification time moving still misses, and a renamed file
still hits. One cache file per account folder holds an encoded account
(`account_codec`) for each valid file of the last load; files with problems are
parsed every time, so their messages never go stale. The whole cache is dropped
when its format key differs: another Python, pydantic or PyYAML, or any change to
the modules that decide what a valid account is.

A write goes to a temporary file renamed over the old one, so two kamtui
processes at once each read a whole cache, the last writer's. A cache that
cannot be read or fails its checksum counts as empty and is written again.

Each cache file names its folder, and a write removes the cache files of folders that
no longer exist: without that the cache folder would grow with every checkout, branch
folder and temporary copy ever loaded.
"""

from __future__ import annotations

import contextlib
import functools
import marshal
import os
import sys
from hashlib import blake2b
from pathlib import Path
from types import ModuleType

import platformdirs
import pydantic
import pydantic_core
import yaml

from kamtui.core.account import (
    account_file,
    error_messages,
    integrity,
    invisible,
    model,
    written_text,
    yaml_source,
)
from kamtui.core.account.model import Account
from kamtui.core.editing.atomic_write import write_bytes_atomic
from kamtui.core.loading import account_codec
from kamtui.core.loading.account_codec import decode_account

Blob = bytes | memoryview

CACHE_DIR_ENV = "KAMTUI_CACHE_DIR"
_MAGIC = b"kamtui accounts cache 2\n"
_DIGEST_SIZE = 16
# Everything that turns bytes into a valid account, or an account into cache bytes.
# Every core module the loading of a file goes through (a test keeps this list whole):
# a change to any of them may change what a file loads as.
_FORMAT_MODULES: tuple[ModuleType, ...] = (
    model,
    integrity,
    invisible,
    yaml_source,
    account_file,
    account_codec,
    error_messages,
    written_text,
    sys.modules[__name__],
)


def cache_dir() -> Path:
    """$KAMTUI_CACHE_DIR, else the user's cache folder for kamtui."""
    return Path(os.environ.get(CACHE_DIR_ENV) or platformdirs.user_cache_dir("kamtui"))


def content_key(data: bytes) -> bytes:
    """The cache key of a file's bytes."""
    return blake2b(data, digest_size=_DIGEST_SIZE).digest()


@functools.cache
def format_key() -> bytes:
    """Changes whenever a cached account might no longer be what loading its file gives."""
    key = blake2b(digest_size=_DIGEST_SIZE)
    for version in (sys.version, pydantic.VERSION, pydantic_core.__version__, yaml.__version__):
        key.update(version.encode() + b"\0")
    for module in _FORMAT_MODULES:
        key.update(module.__name__.encode() + b"\0")
        if module.__file__ is not None:
            key.update(Path(module.__file__).read_bytes())
    return key.digest()


class AccountCache:
    """The cached accounts of one folder, and the entries this load will leave behind."""

    def __init__(self, path: Path, folder: bytes, entries: dict[bytes, Blob]) -> None:
        self.path = path
        self.folder = folder
        self._read = entries
        self._kept: dict[bytes, Blob] = {}
        self._added = False

    @classmethod
    def for_folder(cls, root: Path) -> AccountCache:
        folder = os.fsencode(root.resolve())
        name = blake2b(folder, digest_size=10).hexdigest()
        path = cache_dir() / f"folder-{name}.cache"
        return cls(path, folder, _read_entries(path, folder))

    def __len__(self) -> int:
        return len(self._read)

    def get(self, key: bytes) -> Account | None:
        blob = self._read.get(key)
        if blob is None:
            return None
        self._kept[key] = blob
        return decode_account(blob)

    def put(self, key: bytes, blob: bytes) -> None:
        """Remember an account (`encode_account` bytes) for the file whose content key is `key`."""
        self._kept[key] = blob
        self._added = True

    def save(self) -> None:
        """Keep exactly the accounts this load got or put; no write when that is what was read."""
        if not self._added and len(self._kept) == len(self._read):
            return
        index: dict[bytes, tuple[int, int]] = {}
        offset = 0
        for key, blob in self._kept.items():
            index[key] = (offset, offset + len(blob))
            offset += len(blob)
        index_bytes = marshal.dumps(index)
        body = [len(index_bytes).to_bytes(8, "little"), index_bytes, *self._kept.values()]
        checksum = blake2b(digest_size=_DIGEST_SIZE)
        for part in body:
            checksum.update(part)
        _replace(self.path, [*_header(self.folder), checksum.digest(), *body])
        prune_vanished_folders(self.path.parent)


def _header(folder: bytes) -> list[bytes]:
    # The folder comes before the format key, so that any version can tell whose it is.
    return [_MAGIC, len(folder).to_bytes(4, "little"), folder, format_key()]


def folder_of(path: Path) -> bytes | None:
    """The folder a cache file is for; None for a file that is not a kamtui cache."""
    try:
        with path.open("rb") as stream:
            head = stream.read(len(_MAGIC) + 4)
            if len(head) < len(_MAGIC) + 4 or head[: len(_MAGIC)] != _MAGIC:
                return None
            return stream.read(int.from_bytes(head[-4:], "little"))
    except OSError:
        return None


def prune_vanished_folders(folder: Path) -> None:
    """Remove the cache files (in `folder`) of account folders that no longer exist, and
    files there that are no kamtui cache of this layout."""
    for path in folder.glob("folder-*.cache"):
        named = folder_of(path)
        if named is None or not os.path.isdir(named):
            with contextlib.suppress(OSError):
                path.unlink()


def _read_entries(path: Path, folder: bytes) -> dict[bytes, Blob]:
    """Each entry as a view into the file's bytes: one allocation, handed back whole when done."""
    try:
        raw = path.read_bytes()
    except OSError:
        return {}
    view = memoryview(raw)
    header = b"".join(_header(folder))
    start = len(header) + _DIGEST_SIZE
    if view[: len(header)] != header:
        return {}
    if (
        blake2b(view[start:], digest_size=_DIGEST_SIZE).digest()
        != view[start - _DIGEST_SIZE : start]
    ):
        return {}
    index_size = int.from_bytes(view[start : start + 8], "little")
    index = marshal.loads(view[start + 8 : start + 8 + index_size])
    blobs = view[start + 8 + index_size :]
    return {key: blobs[begin:end] for key, (begin, end) in index.items()}


def _replace(path: Path, parts: list[Blob]) -> None:
    """Write the cache file atomically; a cache that cannot be written is skipped."""
    with contextlib.suppress(OSError):
        write_bytes_atomic(path, parts, overwrite=True, durable=False)
