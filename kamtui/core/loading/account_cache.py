"""The cache of validated accounts that makes a warm load skip YAML and validation.

Entries are keyed by content, the blake2b digest of a file's bytes, so a file
edited without its modification time moving still misses, and a renamed file
still hits. One cache file per account folder holds an encoded account
(`account_codec`) for each valid file of the last load; files with problems are
parsed every time, so their messages never go stale. The whole cache is dropped
when its format key differs (`cache_files.format_key`): another Python, pydantic or
PyYAML, or any change to the modules that decide what a valid account is.

The file is written and read whole and checked (`cache_files.write_checked`): a cache
that cannot be read or fails its checksum counts as empty and is written again. Each
cache file names its folder, and a write removes the cache files of folders that no
longer exist (`cache_files.prune_vanished_folders`): without that the cache folder would
grow with every checkout, branch folder and temporary copy ever loaded.
"""

from __future__ import annotations

import marshal
from hashlib import blake2b
from pathlib import Path

from kamtui.core.account.model import Account
from kamtui.core.loading.account_codec import decode_account
from kamtui.core.loading.cache_files import read_checked, write_checked

Blob = bytes | memoryview

_SUFFIX = ".cache"
_KEY_SIZE = 16


def content_key(data: bytes) -> bytes:
    """The cache key of a file's bytes."""
    return blake2b(data, digest_size=_KEY_SIZE).digest()


class AccountCache:
    """The cached accounts of one folder, and the entries this load will leave behind."""

    def __init__(self, root: Path, entries: dict[bytes, Blob]) -> None:
        self.root = root
        self._read = entries
        self._kept: dict[bytes, Blob] = {}
        self._added = False

    @classmethod
    def for_folder(cls, root: Path) -> AccountCache:
        return cls(root, _entries(read_checked(root, _SUFFIX)))

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
        write_checked(
            self.root,
            _SUFFIX,
            [len(index_bytes).to_bytes(8, "little"), index_bytes, *self._kept.values()],
        )


def _entries(body: memoryview | None) -> dict[bytes, Blob]:
    """Each entry as a view into the file's bytes: one allocation, handed back whole when done."""
    if body is None:
        return {}
    index_size = int.from_bytes(body[:8], "little")
    index = marshal.loads(body[8 : 8 + index_size])
    blobs = body[8 + index_size :]
    return {key: blobs[begin:end] for key, (begin, end) in index.items()}
