"""Watching the account folder: what changed, as messages the app handles.

The watcher never touches the store or a widget: it only says which paths
changed. The folder itself may vanish (a branch switch, an unmounted drive) and
come back, or be a symbolic link switched to another folder; the watcher says so
and starts again on the new folder. A watch that fails (a folder it may not
read, too many folders for the system's watch limit) is announced, never silent,
and retried.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

from textual.message import Message
from watchfiles import Change, DefaultFilter, awatch

# How long a burst of events may gather before it is reported, and how long the
# folder must be quiet to end the burst (ms): an editor's save-by-rename is one batch.
DEBOUNCE_MS = 400
STEP_MS = 30
# How often to look for a vanished folder coming back (seconds).
MISSING_POLL_SECONDS = 0.5
# How often a quiet watch checks that its folder is still the one at the path (ms):
# a root that is a symbolic link may be switched to another folder without an event.
IDENTITY_CHECK_MS = 1000
# A failed watch is retried after this long, doubling up to the maximum (seconds).
RETRY_SECONDS = 2.0
MAX_RETRY_SECONDS = 60.0


@dataclass
class FilesChanged(Message):
    """Paths created, changed or deleted under the folder since the last message."""

    paths: set[Path] = field(default_factory=set)

    def can_replace(self, message: Message) -> bool:
        # A newer FilesChanged queued right behind this one takes over its paths,
        # so a burst of batches reaches the app as one reload and no path is lost.
        if isinstance(message, FilesChanged):
            message.paths |= self.paths
            return True
        return False


@dataclass
class FolderMissing(Message):
    """The account folder no longer exists."""

    root: Path


@dataclass
class FolderBack(Message):
    """The account folder exists again (perhaps a different one): reload everything.

    `switched`: it never went away, but the path now leads to another folder.
    """

    root: Path
    switched: bool = False


@dataclass
class WatchFailed(Message):
    """Watching the folder failed: saves are not seen until it is retried and works."""

    root: Path
    error: str
    retry_seconds: float


@dataclass
class WatchRestored(Message):
    """Watching works again after a failure; what changed meanwhile must be read again."""

    root: Path


class _AccountFilter(DefaultFilter):
    """watchfiles' default ignores (.git, editor swap files) plus anything hidden under the root."""

    def __init__(self, root: Path) -> None:
        super().__init__()
        self.root = root

    def __call__(self, change: Change, path: str) -> bool:
        try:
            relative = Path(path).relative_to(self.root)
        except ValueError:
            return False
        if any(part.startswith(".") for part in relative.parts):
            return False
        return super().__call__(change, path)


def _identity(root: Path) -> tuple[int, int] | None:
    try:
        stat = os.stat(root)
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino)


async def folder_events(root: Path) -> AsyncIterator[Message]:
    """Messages about `root`, forever: FilesChanged per batch, FolderMissing, FolderBack,
    WatchFailed and WatchRestored."""
    root = root.absolute()
    missing = False
    watched: tuple[int, int] | None = None
    failed = False
    retry = RETRY_SECONDS
    while True:
        identity = _identity(root) if root.is_dir() else None
        if identity is None:
            if not missing:
                missing = True
                yield FolderMissing(root)
            await asyncio.sleep(MISSING_POLL_SECONDS)
            continue
        if missing or (watched is not None and identity != watched):
            yield FolderBack(root, switched=not missing)
            missing = False
        watched = identity
        try:
            async for changes in awatch(
                root,
                watch_filter=_AccountFilter(root),
                debounce=DEBOUNCE_MS,
                step=STEP_MS,
                rust_timeout=IDENTITY_CHECK_MS,
                yield_on_timeout=True,
                ignore_permission_denied=True,
            ):
                if failed:
                    failed, retry = False, RETRY_SECONDS
                    yield WatchRestored(root)
                paths = {Path(path) for _, path in changes}
                if paths:
                    yield FilesChanged(paths)
                if _identity(root) != identity:
                    # Deleted, made again, or switched: the old watch sees nothing more.
                    break
        except Exception as error:  # whatever stops the watch is told, then retried
            if _identity(root) is None:
                continue  # the folder vanished as the watch started: reported above
            failed = True
            yield WatchFailed(root, str(error) or type(error).__name__, retry)
            await asyncio.sleep(retry)
            retry = min(retry * 2, MAX_RETRY_SECONDS)
