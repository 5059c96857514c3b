"""`kamtui init [DIR]`: a new portfolio that validates in the editor with no other setup."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from kamtui.core.account.problem import display_path
from kamtui.core.account.schema import schema_texts, stale_schemas
from kamtui.core.editing.atomic_write import write_atomic
from kamtui.core.editing.template import create_account
from kamtui.core.loading.account_discovery import account_files
from kamtui.core.loading.portfolio_root import settings_file
from kamtui.core.review.git_setup import git_setup
from kamtui.core.review.git_source import GitError, Repository

SETTINGS_TEMPLATE = Path(__file__).parent.parent / "templates" / "kam.yaml"
EXAMPLE_NAME = "Example Account"
PRE_COMMIT = """\
# kamtui init: validate the whole portfolio before each commit (see kamtui's README).
repos:
  - repo: local
    hooks:
      - id: kamtui-validate
        name: kamtui validate
        entry: kamtui validate {folder}
        language: system
        pass_filenames: false
        require_serial: true
        files: {files}
"""


@click.command()
@click.argument("directory", metavar="[DIR]", default=".", type=click.Path(path_type=Path))
def command(directory: Path) -> None:
    """Start a portfolio in DIR (default: here): kam.yaml, the JSON Schemas editors use,
    git's diff driver, a pre-commit hook and one example account.

    Safe to run twice: what exists is kept as it is, and each line says what was done.
    """
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for line in _init(directory):
            click.echo(line)
    except (OSError, ValueError, GitError) as error:
        raise click.ClickException(str(error)) from None


def _init(folder: Path) -> list[str]:
    said: list[str] = []
    kept = settings_file(folder)
    if kept is not None:
        said.append(f"kept {display_path(kept)}")
    else:
        write_atomic(folder / "kam.yaml", SETTINGS_TEMPLATE.read_text("utf-8"), overwrite=False)
        said.append(f"created {display_path(folder / 'kam.yaml')}")
    schemas = folder / "schemas"
    texts = schema_texts()
    for name in stale_schemas(schemas):
        write_atomic(schemas / name, texts[name], overwrite=True)
        said.append(f"wrote {display_path(schemas / name)}")
    repository = Repository.find(folder)
    if repository is None:
        said.append("not in a git repository: run `git init`, then `kamtui git-setup`")
    else:
        said.extend(str(change) for change in git_setup(repository, folder))
        said.append(_pre_commit(repository, folder))
    if not account_files(folder)[0]:
        created = create_account(folder, EXAMPLE_NAME, dt.date.today(), root=folder)
        said.append(f"created {display_path(created)} (an example: rename it or delete it)")
    return said


def _pre_commit(repository: Repository, folder: Path) -> str:
    config = repository.top / ".pre-commit-config.yaml"
    if config.exists():
        has_hook = "kamtui-validate" in config.read_text(encoding="utf-8", errors="replace")
        advice = "" if has_hook else " (add the kamtui-validate hook: see the README)"
        return f"kept {display_path(config)}{advice}"
    inside = repository.relative(folder) or "."
    files = f"^{inside}/" if inside != "." else r"\.ya?ml$"
    write_atomic(config, PRE_COMMIT.format(folder=inside, files=files), overwrite=False)
    return f"created {display_path(config)} (run `pre-commit install` to use it)"
