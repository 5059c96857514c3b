"""File churn in bursts, as many editors, git and sync tools make it, and the state a
fresh load of the folder gives, to compare what a live store or app shows with.

Every burst is a plain function that changes files and returns the paths it
touched (what a watcher would report). The random choices come from a seeded
generator, so every run makes the same changes.
"""

from __future__ import annotations

import os
import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kamtui.core.loading.loader import load_folder
from kamtui.render.safe_text import one_line
from tests.conftest import MINIMAL

Burst = Callable[[], set[Path]]
# Per file as a table shows it: the account's name, or BROKEN for a file with problems
# (a fresh load shows it invalid; a live one may show its last good version, marked stale).
BROKEN = "<broken>"
State = dict[str, str]


def account_text(name: str, *, valid: bool = True) -> str:
    text = MINIMAL.replace("Acme Corp", name)
    return text if valid else text.replace("  lifetime_value: 3\n", "  lifetime_value: [\n")


@dataclass
class Churn:
    """Bursts of changes to an account folder: creates, saves by rename, partial writes,
    renames, deletes, and a subfolder deleted and made again."""

    root: Path
    seed: int = 8
    operations: int = 0
    rng: random.Random = field(init=False)
    _serial: int = 0
    _partial: dict[Path, str] = field(default_factory=dict)
    _deleted: list[Path] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    def files(self) -> list[Path]:
        """The real account files: never one reached through a link the churn made."""
        found = []
        for folder, folders, names in os.walk(self.root):
            folders[:] = [name for name in folders if not name.startswith(".")]
            for name in names:
                path = Path(folder) / name
                if name.endswith(".yaml") and not name.startswith(".") and not path.is_symlink():
                    found.append(path)
        return sorted(found)

    def _name(self) -> str:
        self._serial += 1
        return f"Account {self._serial:04d} [b]{self.rng.choice('ABCDEFGH')}"

    def _write(self, path: Path, text: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        self.operations += 1

    def seed_folder(self, count: int = 60) -> set[Path]:
        touched = set()
        for index in range(count):
            folder = self.root / "emea" if index % 3 == 0 else self.root
            path = folder / f"seed-{index:03d}.yaml"
            self._write(path, account_text(self._name()))
            touched.add(path)
        return touched

    def create(self, count: int = 150) -> set[Path]:
        touched = set()
        for _ in range(count):
            folder = self.rng.choice([self.root, self.root / "emea", self.root / "apac"])
            path = folder / f"new-{self._serial:04d}.yaml"
            self._write(path, account_text(self._name(), valid=self.rng.random() > 0.1))
            touched.add(path)
        # The same id in two folders: the later path is a duplicate.
        twin = self.root / "apac" / "seed-001.yaml"
        self._write(twin, account_text(self._name()))
        return touched | {twin}

    def save_by_rename(self, count: int = 100) -> set[Path]:
        """What vim, VS Code and most editors do: write a temporary file, rename it over."""
        touched = set()
        for path in self.rng.sample(self.files(), min(count, len(self.files()))):
            hidden = self.rng.random() < 0.5
            temp = path.with_name(f".{path.name}.swp" if hidden else f"{path.name}.tmp")
            self._write(temp, account_text(self._name(), valid=self.rng.random() > 0.1))
            os.replace(temp, path)
            self.operations += 1
            touched |= {temp, path}
        return touched

    def start_partial_writes(self, count: int = 50) -> set[Path]:
        """The first half of each file, as a slow writer (a sync tool, a network drive) leaves it."""
        self._partial.clear()
        for path in self.rng.sample(self.files(), min(count, len(self.files()))):
            text = account_text(self._name())
            self._partial[path] = text
            self._write(path, text[: len(text) // 2])
        return set(self._partial)

    def finish_partial_writes(self) -> set[Path]:
        """Most writers finish; one in five never does (the file stays cut short)."""
        for path, text in self._partial.items():
            if self.rng.random() < 0.8:
                self._write(path, text)
        return set(self._partial)

    def rename(self, count: int = 50) -> set[Path]:
        touched = set()
        for path in self.rng.sample(self.files(), min(count, len(self.files()))):
            # A new name in the same folder, or the same name moved to another folder.
            if self.rng.random() < 0.5:
                target = path.with_name(f"renamed-{path.name}")
            else:
                folder = self.root / "latam" if path.parent != self.root / "latam" else self.root
                folder.mkdir(exist_ok=True)
                target = folder / path.name
                if target.exists():
                    continue
            path.rename(target)
            self.operations += 1
            touched |= {path, target}
        return touched

    def delete(self, count: int = 50) -> set[Path]:
        self._deleted = self.rng.sample(self.files(), min(count, len(self.files())))
        for path in self._deleted:
            path.unlink()
            self.operations += 1
        return set(self._deleted)

    def replace_folder(self, count: int = 30) -> set[Path]:
        """A subfolder deleted and made again with other files (a branch switch)."""
        folder = self.root / "emea"
        self.operations += len(list(folder.rglob("*.yaml")))
        shutil.rmtree(folder)
        for index in range(count):
            self._write(folder / f"emea-{index:03d}.yaml", account_text(self._name()))
        return {folder}

    def recreate(self, count: int = 25) -> set[Path]:
        touched = set()
        for path in self._deleted[:count]:
            self._write(path, account_text(self._name()))
            touched.add(path)
        return touched

    def make_links(self) -> set[Path]:
        """Symbolic links made while watched: to a file inside the folder (the account
        must not show twice), to one outside (not shown), a loop (`ln -s . loop`) and a
        second path to a subfolder."""
        outside = self.root.parent / f"{self.root.name}-outside.yaml"
        outside.write_text(account_text("Outside Account"), encoding="utf-8")
        inside = self.files()[0]
        (self.root / "apac").mkdir(exist_ok=True)
        links = {
            self.root / "alias.yaml": inside,
            self.root / "outside.yaml": outside,
            self.root / "loop": Path("."),
            self.root / "mirror": self.root / "apac",
        }
        for link, target in links.items():
            if os.path.lexists(link):
                link.unlink()
            os.symlink(target, link)
            self.operations += 1
        return set(links)

    def remove_links(self) -> set[Path]:
        links = {self.root / name for name in ("alias.yaml", "outside.yaml", "loop", "mirror")}
        for link in links:
            if link.is_symlink():
                link.unlink()
                self.operations += 1
        return links

    def file_to_folder(self) -> set[Path]:
        """A file replaced by a folder of the same name (with an account inside)."""
        path = self.files()[-1]
        path.unlink()
        path.mkdir()
        self._write(path / "inside.yaml", account_text(self._name()))
        return {path, path / "inside.yaml"}

    def bursts(self) -> list[tuple[str, Burst]]:
        return [
            ("create", self.create),
            ("save by rename", self.save_by_rename),
            ("partial writes begin", self.start_partial_writes),
            ("partial writes end", self.finish_partial_writes),
            ("rename", self.rename),
            ("delete", self.delete),
            ("folder replaced", self.replace_folder),
            ("re-create", self.recreate),
            ("links made", self.make_links),
            ("file replaced by a folder", self.file_to_folder),
            ("save by rename, with links", self.save_by_rename),
            ("links removed", self.remove_links),
        ]


def fresh_state(root: Path) -> State:
    """What a first load of the folder shows, per file."""
    folder = load_folder(root)
    return {
        str(file.path): BROKEN
        if file.problems or file.account is None
        else one_line(file.account.name)
        for file in folder.files
    }
