"""The cache of validated accounts that makes a warm load skip YAML and validation.

Entries are keyed by content, the blake2b digest of a file's bytes, so a file
edited without its modification time moving still misses, and a renamed file
still hits. One cache file per account folder holds an encoded account
(`account_codec`) for each valid file of the last load; files with problems are
parsed every time, so their messages never go stale. The whole cache is dropped
when its format key differs (`cache_files.format_key`): another Python, pydantic or
PyYAML, or any change to the modules that decide what a valid account is.

A write goes to a temporary file renamed over the old one, so two kamtui
processes at once each read a whole cache, the last writer's. A cache that
cannot be read or fails its checksum counts as empty and is written again.

Each cache file names its folder, and a write removes the cache files of folders that
no longer exist (`cache_files.prune_vanished_folders`): without that the cache folder
would grow with every checkout, branch folder and temporary copy ever loaded.
"""

from __future__ import annotations

import contextlib
import marshal
from hashlib import blake2b
from pathlib import Path

from kamtui.core.account.model import Account
from kamtui.core.editing.atomic_write import write_bytes_atomic
from kamtui.core.loading.account_codec import decode_account
from kamtui.core.loading.cache_files import cache_file, header, prune_vanished_folders

Blob = bytes | memoryview

_SUFFIX = ".cache"
_DIGEST_SIZE = 16


def content_key(data: bytes) -> bytes:
    """The cache key of a file's bytes."""
    return blake2b(data, digest_size=_DIGEST_SIZE).digest()


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
        path, folder = cache_file(root, _SUFFIX)
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
        _replace(self.path, [header(_SUFFIX, self.folder), checksum.digest(), *body])
        prune_vanished_folders(self.path.parent)


def _read_entries(path: Path, folder: bytes) -> dict[bytes, Blob]:
    """Each entry as a view into the file's bytes: one allocation, handed back whole when done."""
    try:
        raw = path.read_bytes()
    except OSError:
        return {}
    view = memoryview(raw)
    expected = header(_SUFFIX, folder)
    start = len(expected) + _DIGEST_SIZE
    if view[: len(expected)] != expected:
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
