"""Every file kamtui writes goes through here: a temp file beside it, then a rename.

The temp file is `.NAME.XXXXXXXX.tmp` in the same folder: the same file system, so
the rename is atomic; hidden, so the loader and the watcher pass over it.

A reader (an editor, the watcher, another kamtui) sees the old file or the new
one, never half of one, and a crash mid-write leaves the old file intact.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

# Read once: os.umask can only be read by setting it, which is not thread-safe later.
_UMASK = os.umask(0o022)
os.umask(_UMASK)


class LinkRefused(OSError):
    """A file kamtui owns is a symbolic link: writing through it could change any file."""

    def __init__(self, path: Path) -> None:
        target = os.readlink(path) if os.path.islink(path) else "?"
        super().__init__(
            f"{path} is a symbolic link (to {target}); kamtui writes this file itself and "
            "never through a link: replace the link with a plain file"
        )


def write_atomic(path: Path, text: str, *, overwrite: bool, through_link: bool = False) -> None:
    """Write `text` to `path` atomically, as UTF-8 with its line breaks as they are;
    see write_bytes_atomic."""
    write_bytes_atomic(path, [text.encode("utf-8")], overwrite=overwrite, through_link=through_link)


def write_bytes_atomic(
    path: Path,
    parts: Iterable[bytes | memoryview],
    *,
    overwrite: bool,
    through_link: bool = False,
    durable: bool = True,
) -> None:
    """Write `parts`, one after the other, to `path` atomically.

    With `overwrite=False` an existing file is never replaced: FileExistsError,
    even when another process creates it while we write. A symbolic link at `path`
    raises LinkRefused, unless `through_link`: an account file the user linked is
    theirs to link, and is written where the link leads (the link stays a link).
    Files kamtui owns (.gitattributes, schemas, new files) are never written
    through a link, which a hostile commit could aim anywhere. `durable=False` skips the
    fsync, for a file that is only ever rebuilt if lost (the load cache: a few MB synced
    would cost a warm start more than it saves).
    """
    if os.path.islink(path):
        if not through_link:
            raise LinkRefused(path)
        path = Path(os.path.realpath(path))
    if not overwrite and os.path.lexists(path):
        raise FileExistsError(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temp_name = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
    )
    temp = Path(temp_name)
    try:
        # mkstemp makes the file private (0600); give it the mode a plain save would.
        mode = path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_UMASK
        os.fchmod(descriptor, mode)
        with os.fdopen(descriptor, "wb") as stream:
            stream.writelines(parts)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        if overwrite:
            os.replace(temp, path)
        else:
            # link() fails if the target exists, unlike rename(): no window to clobber a file.
            os.link(temp, path)
            temp.unlink()
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
