"""`kamtui log` appends one activity and changes nothing else in the file."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from kamtui.core.account.account_file import load_account_file
from kamtui.core.account.model import PortfolioSettings
from tests.conftest import EXAMPLES, kamtui
from tests.core.test_account_edit import COMMENTED, changes
from tests.git_repo import GitRepo


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "acme.yaml").write_text(COMMENTED, encoding="utf-8")
    return tmp_path


def test_the_first_activity_adds_its_key_and_lines_only(folder: Path) -> None:
    code, out, err = kamtui(
        "log", "acme", str(folder), "--with", "cfo,cio", "--kind", "meeting",
        "--date", "2026-11-12", "--next", "Send the TCO model", "--next-due", "2026-11-20",
        "Walked the CFO through the savings case",
    )  # fmt: skip
    assert (code, err) == (0, "")
    after = (folder / "acme.yaml").read_text(encoding="utf-8")
    new_lines = [
        "activities:",
        "  - date: 2026-11-12",
        "    kind: meeting",
        "    with: [cfo, cio]",
        "    summary: Walked the CFO through the savings case",
        "    next: Send the TCO model",
        "    next_due: 2026-11-20",
    ]
    assert changes(COMMENTED, after) == ([], new_lines)
    assert out.splitlines() == [f"{folder / 'acme.yaml'}:", *(f"+{line}" for line in new_lines)]
    account = load_account_file(folder / "acme.yaml", PortfolioSettings()).account
    assert account is not None
    assert [a.summary for a in account.activities] == ["Walked the CFO through the savings case"]


def test_later_activities_are_appended_after_the_last(folder: Path) -> None:
    for day in ("2026-11-01", "2026-11-02"):
        assert kamtui("log", "acme", str(folder), "--date", day, f"Call on {day}")[0] == 0
    before = (folder / "acme.yaml").read_text(encoding="utf-8")
    assert kamtui("log", "acme", str(folder), "--date", "2026-10-01", "Earlier note")[0] == 0
    after = (folder / "acme.yaml").read_text(encoding="utf-8")
    assert changes(before, after) == ([], ["  - date: 2026-10-01", "    summary: Earlier note"])


def test_every_example_account_takes_an_activity_as_added_lines_only(tmp_path: Path) -> None:
    # The accounts' custom KPIs are declared there.
    (tmp_path / "kam.yaml").write_bytes((EXAMPLES / "kam.yaml").read_bytes())
    for path in sorted(EXAMPLES.rglob("*.yaml")):
        if path.name == "kam.yaml":
            continue
        copy = tmp_path / path.name
        copy.write_bytes(path.read_bytes())
        before = copy.read_text(encoding="utf-8")
        code, _, err = kamtui("log", str(copy), "--date", "2026-12-01", "Quarterly review")
        assert (code, err) == (0, ""), path
        removed, added = changes(before, copy.read_text(encoding="utf-8"))
        # `activities: []` written inline is the one line that may change.
        assert removed in ([], ["activities: []"]), path
        assert added[-2:] == ["  - date: 2026-12-01", "    summary: Quarterly review"], path


def test_git_sees_only_added_lines(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path)
    (tmp_path / "acme.yaml").write_text(COMMENTED, encoding="utf-8")
    repo.commit("Acme")
    assert kamtui("log", "acme", str(tmp_path), "--with", "cfo", "Lunch")[0] == 0
    numstat = subprocess.run(
        ["git", "diff", "--numstat"], cwd=tmp_path, capture_output=True, text=True, check=True
    ).stdout.split()
    assert numstat[:2] == ["4", "0"]  # the key, the date, with, the summary; nothing removed


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--with", "cfoo", "Lunch"], "no stakeholder 'cfoo'; did you mean 'cfo'?"),
        (["--next-due", "2026-12-01", "Lunch"], "--next-due needs --next"),
        (["--date", "2026-02-30", "Lunch"], "'2026-02-30' is not a date"),
        (["   "], "the summary is empty"),
        (["Lunch", "with", "Alex"], "put the summary in quotes"),
        (["Two\nlines"], "must be one line"),
    ],
)
def test_bad_input_is_refused_and_the_file_untouched(
    folder: Path, args: list[str], message: str
) -> None:
    code, _, err = kamtui("log", str(folder / "acme.yaml"), *args)
    assert code != 0
    assert message in err
    assert (folder / "acme.yaml").read_text(encoding="utf-8") == COMMENTED


def test_an_unknown_account_suggests_the_near_one(folder: Path) -> None:
    code, _, err = kamtui("log", "acmee", str(folder), "Lunch")
    assert code == 2
    assert "did you mean acme?" in err


def test_dry_run_prints_the_diff_and_writes_nothing(folder: Path) -> None:
    code, out, _ = kamtui("log", "acme", str(folder), "--dry-run", "--date", "2026-12-01", "Lunch")
    assert code == 0
    assert "+  - date: 2026-12-01\n+    summary: Lunch\n" in out
    assert (folder / "acme.yaml").read_text(encoding="utf-8") == COMMENTED


def test_a_broken_file_is_reported_not_edited(folder: Path) -> None:
    broken = COMMENTED.replace("nps: 20", "nps: [20")
    (folder / "acme.yaml").write_text(broken, encoding="utf-8")
    code, _, err = kamtui("log", "acme", str(folder), "Lunch")
    assert code == 1
    assert "acme.yaml:" in err
    assert (folder / "acme.yaml").read_text(encoding="utf-8") == broken


def test_the_account_is_found_in_the_portfolio_as_every_command_finds_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From a subfolder, the whole portfolio (up to its kam.yaml); with no DIR,
    $KAMTUI_DIR before the folder here, even when here holds a file of that id."""
    portfolio = tmp_path / "portfolio"
    (portfolio / "europe").mkdir(parents=True)
    (portfolio / "kam.yaml").write_text("currency: EUR\n", encoding="utf-8")
    (portfolio / "acme.yaml").write_text(COMMENTED, encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "acme.yaml").write_text(COMMENTED, encoding="utf-8")
    monkeypatch.chdir(portfolio / "europe")
    assert kamtui("log", "acme", "From the subfolder")[0] == 0
    monkeypatch.chdir(elsewhere)
    monkeypatch.setenv("KAMTUI_DIR", str(portfolio))
    assert kamtui("log", "acme", "With KAMTUI_DIR")[0] == 0
    assert kamtui("log", "acme", str(portfolio / "europe"), "With the subfolder named")[0] == 0
    logged = load_account_file(portfolio / "acme.yaml", PortfolioSettings()).account
    assert logged is not None
    assert [a.summary for a in logged.activities] == [
        "From the subfolder",
        "With KAMTUI_DIR",
        "With the subfolder named",
    ]
    assert (elsewhere / "acme.yaml").read_text(encoding="utf-8") == COMMENTED


def test_a_new_account_takes_its_first_activity_under_its_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The template has an empty log with a commented example: the first entry goes
    there, not under another section's example."""
    monkeypatch.chdir(tmp_path)
    assert kamtui("new", "Acme Corp")[0] == 0
    assert kamtui("log", "acme-corp", "--date", "2026-11-02", "First call")[0] == 0
    lines = (tmp_path / "acme-corp.yaml").read_text(encoding="utf-8").splitlines()
    at = lines.index("activities:")
    assert lines[at + 1 : at + 4] == [
        "  - date: 2026-11-02",
        "    summary: First call",
        "#  - date: 2026-11-12",
    ]
    account = load_account_file(tmp_path / "acme-corp.yaml", PortfolioSettings()).account
    assert account is not None and [a.summary for a in account.activities] == ["First call"]
