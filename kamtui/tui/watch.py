"""Watching the account folder: what changed, as messages the app handles.

The watcher never touches the store or a widget: it only says which paths
changed. The folder itself may vanish (a branch switch, an unmounted drive) and
come back; the watcher says so and starts again on the new folder.
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
    """The account folder exists again (perhaps a different one): reload everything."""

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
    """Messages about `root`, forever: FilesChanged per batch, FolderMissing, FolderBack."""
    root = root.absolute()
    missing = False
    while True:
        identity = _identity(root) if root.is_dir() else None
        if identity is None:
            if not missing:
                missing = True
                yield FolderMissing(root)
            await asyncio.sleep(MISSING_POLL_SECONDS)
            continue
        if missing:
            missing = False
            yield FolderBack(root)
        try:
            async for changes in awatch(
                root, watch_filter=_AccountFilter(root), debounce=DEBOUNCE_MS, step=STEP_MS
            ):
                paths = {Path(path) for _, path in changes}
                if paths:
                    yield FilesChanged(paths)
                if _identity(root) != identity:
                    # Deleted, or deleted and made again: the old watch sees nothing more.
                    break
        except (FileNotFoundError, RuntimeError):
            # The folder vanished as the watch started (watchfiles reports it either way).
            await asyncio.sleep(MISSING_POLL_SECONDS)
