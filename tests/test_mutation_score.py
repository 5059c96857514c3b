"""The mutation score table (.ci/mutation_score.py) on made-up results: scored from
mutants/, kept in the record, and not trusted once the module's source changes."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / ".ci" / "mutation_score.py"
PREFIX = "kamtui.core.tiny.x_f__mutmut_"


@pytest.fixture
def score(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    spec = importlib.util.spec_from_file_location("mutation_score", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    (tmp_path / "kamtui" / "core").mkdir(parents=True)
    (tmp_path / "kamtui" / "core" / "tiny.py").write_text("def f(): return 1\n")
    (tmp_path / ".ci").mkdir()
    (tmp_path / ".ci" / "equivalent_mutants.txt").write_text(f"{PREFIX}3 no test can tell\n")
    monkeypatch.setattr(module, "ROOT", tmp_path)
    monkeypatch.setattr(module, "RESULTS", tmp_path / "mutants")
    monkeypatch.setattr(module, "EQUIVALENTS", tmp_path / ".ci" / "equivalent_mutants.txt")
    monkeypatch.setattr(module, "RECORD", tmp_path / ".ci" / "mutation_results.json")
    return module


def write_results(root: Path, codes: dict[int, int | None]) -> None:
    meta = root / "mutants" / "kamtui" / "core" / "tiny.py.meta"
    meta.parent.mkdir(parents=True, exist_ok=True)
    by_name = {f"{PREFIX}{n}": code for n, code in codes.items()}
    meta.write_text(json.dumps({"exit_code_by_key": by_name}))


def row(output: str) -> str:
    return next(line for line in output.splitlines() if line.startswith("| `core.tiny`"))


def test_a_module_is_scored_then_kept_until_its_source_changes(
    score: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 20 mutants: 18 killed (one by a timeout), one equivalent, one survivor: 18/19.
    codes: dict[int, int | None] = {n: 1 for n in range(1, 21)}
    codes.update({2: 36, 3: 0, 4: 0})
    write_results(tmp_path, codes)
    assert score.main(["core.tiny"]) == 1  # 94.7 % is under the floor
    live = capsys.readouterr().out
    assert row(live) == "| `core.tiny` | 20 | 18 | 1 | 1 | 94.7 % |"
    assert f"- `{PREFIX}4`" in live

    # A new checkout: no mutants/, the record alone gives the same row.
    (tmp_path / "mutants" / "kamtui" / "core" / "tiny.py.meta").unlink()
    assert score.main(["core.tiny"]) == 1
    assert row(capsys.readouterr().out) == row(live)

    (tmp_path / "kamtui" / "core" / "tiny.py").write_text("def f(): return 2\n")
    assert score.main(["core.tiny"]) == 0
    assert row(capsys.readouterr().out) == "| `core.tiny` | 20 | | | | changed since run |"


def test_unfinished_runs_are_not_recorded(
    score: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_results(tmp_path, {1: 1, 2: None})
    score.main(["core.tiny"])
    assert row(capsys.readouterr().out) == "| `core.tiny` | 2 | | | | not finished |"
    assert json.loads((tmp_path / ".ci" / "mutation_results.json").read_text()) == {}


def test_a_module_of_declarations_alone_has_nothing_to_mutate(
    score: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_results(tmp_path, {})
    assert score.main(["core.tiny"]) == 0
    assert row(capsys.readouterr().out) == "| `core.tiny` | 0 | | | | nothing to mutate |"
    (tmp_path / "mutants" / "kamtui" / "core" / "tiny.py.meta").unlink()
    assert score.main(["core.tiny"]) == 0  # kept in the record as well
    assert row(capsys.readouterr().out) == "| `core.tiny` | 0 | | | | nothing to mutate |"


def test_an_equivalent_killed_by_a_test_is_a_wrong_listing(
    score: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_results(tmp_path, {1: 1, 2: 1, 3: 1})
    assert score.main(["core.tiny"]) == 1
    assert "killed by a test:\n- " + PREFIX + "3" in capsys.readouterr().out
    (tmp_path / "mutants" / "kamtui" / "core" / "tiny.py.meta").unlink()
    assert score.main(["core.tiny"]) == 1  # and still from the record
    assert "killed by a test:\n- " + PREFIX + "3" in capsys.readouterr().out


def test_the_table_goes_between_the_markers_of_testing_md(
    score: ModuleType, tmp_path: Path
) -> None:
    (tmp_path / "docs").mkdir()
    docs = tmp_path / "docs" / "testing.md"
    docs.write_text("# T\n<!-- scores: generated x -->\n\nold\n\n<!-- /scores -->\nafter\n")
    score.write_docs("| new |\n")
    assert (
        docs.read_text()
        == "# T\n<!-- scores: generated x -->\n\n| new |\n\n<!-- /scores -->\nafter\n"
    )
