"""`kamtui graph` through the CLI entry point."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from kamtui.cli import main
from kamtui.core.account.model import CRITERIA
from tests.account_yaml import as_yaml
from tests.conftest import EXAMPLES, MINIMAL
from tests.render.mermaid_check import mermaid_problems

HARBOR = EXAMPLES / "harbor-health.yaml"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_tree_is_the_default_format() -> None:
    code, out, err = run("graph", "harbor-health", str(EXAMPLES))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:3] == [
        "Map status 1 of 3: Name who holds the missing roles: buyer.",
        "",
        "Harbor Health System",
    ]
    assert "Outside the hierarchy" in lines and "To win" in lines
    assert "influenced by Larch Advisory (Jules Martin) · ++ champion" in out
    # The dotted line and advice up the reporting line tie: "cio" comes before "consultant".
    assert "★ Angela Brooks, Chief Information Officer (supporter, medium power)" in out
    assert "└── ◌ missing: buyer\n" in out

    assert "\x1b" not in out


def test_an_account_is_found_in_subfolders_and_by_path() -> None:
    code, out, _ = run("graph", "tokai-motor", str(EXAMPLES))
    assert code == 0 and out.splitlines()[2] == "Tōkai Motor Components K.K."
    by_id = run("graph", "harbor-health", str(EXAMPLES), "--format", "dot")
    by_path = run("graph", str(HARBOR), "--format", "dot")
    assert by_id == by_path and by_id[0] == 0


def test_mermaid_format() -> None:
    code, out, err = run("graph", str(HARBOR), "--format", "mermaid")
    assert (code, err) == (0, "")
    assert out.startswith("flowchart TD\n")
    assert "    sh_consultant -. influences .-> sh_evp\n" in out
    assert mermaid_problems(out) == []


def test_dot_format() -> None:
    code, out, err = run("graph", str(HARBOR), "--format", "dot")
    assert (code, err) == (0, "")
    assert out.startswith("digraph stakeholders {\n") and out.endswith("}\n")
    assert '    "consultant" -> "evp" [style=dashed, constraint=false, label="influences"];' in out


def test_an_unknown_account_lists_close_matches_and_exits_2() -> None:
    code, out, err = run("graph", "harbour-health", str(EXAMPLES))
    assert (code, out) == (2, "")
    assert "Error: no account 'harbour-health' in " in err
    assert "did you mean harbor-health?" in err


def test_with_no_close_match_the_accounts_are_listed(write, tmp_path: Path) -> None:
    write("alpha.yaml", MINIMAL)
    write("beta/gamma.yaml", MINIMAL)
    code, _, err = run("graph", "zzz", str(tmp_path))
    assert code == 2
    assert "its accounts are alpha, gamma" in err
    code, _, err = run("graph", "zzz", str(tmp_path / "beta" / "gamma.yaml"))
    assert code == 2 and "gamma.yaml' is a file" in err


def test_a_missing_file_or_folder_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run("graph", str(tmp_path / "gone.yaml"))
    assert code == 2 and "gone.yaml: no such account file" in err
    code, _, err = run("graph", "acme", str(tmp_path / "nowhere"))
    assert code == 2 and "no such folder" in err


def test_an_invalid_account_prints_its_problems_and_exits_1(write) -> None:
    path = write("bad.yaml", MINIMAL + "stakeholders:\n  - {id: a, name: A, reports_to: nobody}\n")
    code, out, err = run("graph", "bad", str(path.parent))
    assert (code, out) == (1, "")
    assert err.startswith(f"{path}:9:")
    assert ": error: " in err and "'nobody'" in err
    assert "Traceback" not in err


def test_hostile_text_in_a_file_reaches_no_output_raw(write) -> None:
    path = write(
        "evil.yaml",
        MINIMAL.replace("Acme Corp", '"[red]Evil\\e[2J"')
        + 'stakeholders:\n  - {id: end, name: "Ann \\"Q\\" <b>\\e[31m", title: "a\\nb"}\n',
    )
    for output_format in ("tree", "mermaid", "dot"):
        code, out, err = run("graph", str(path), "--format", output_format)
        assert (code, err) == (0, ""), output_format
        assert "\x1b" not in out and "a\nb" not in out, output_format
    assert mermaid_problems(run("graph", str(path), "--format", "mermaid")[1]) == []
    assert '\n[red]Evil\n├── Ann "Q" <b>, a b' in run("graph", str(path))[1]


def test_a_key_player_is_marked_by_the_cadence_of_the_accounts_tier(write, tmp_path: Path) -> None:
    """Met 40 days before --today: stale at the A account (30 days), not at the C one
    (90), and judged so from the portfolio's folder, a subfolder or the file's path."""
    write("kam.yaml", "cadence: {A: 30, B: 60, C: 90}\n")
    for account_id, revenue in (("big", 500), ("other", 300), ("mid", 150), ("small", 50)):
        write(
            f"team/{account_id}.yaml",
            as_yaml(
                {
                    "name": account_id.title(),
                    "criteria": dict.fromkeys(CRITERIA, 3),
                    "revenue": {2026: revenue},
                    "stakeholders": [
                        {"id": "ceo", "name": "Ceo", "decision_power": "high"},
                        {"id": "cfo", "name": "Cfo"},
                    ],
                    "activities": [{"date": "2026-10-15", "with": ["ceo"], "summary": "Met"}],
                }
            ),
        )
    today = ("--today", "2026-11-24")
    big = run("graph", "big", str(tmp_path), *today)[1]
    # The tree wraps at the terminal's width, which rich versions measure differently,
    # and a wrapped line starts with the tree's guides: the words are compared alone.
    words = " ".join(word for word in big.split() if word.strip("│├└─ "))
    assert (
        "Ceo · high power · = neutral · relationship none · ★ to win · ⚠ not met in time" in words
    )
    assert words.count("not met in time") == 1  # the CFO is no key player
    assert "not met in time" not in run("graph", "small", str(tmp_path), *today)[1]
    assert run("graph", "big", str(tmp_path / "team"), *today)[1] == big
    assert run("graph", str(tmp_path / "team" / "big.yaml"), *today)[1] == big
    # Met in time as of a day nearer the meeting.
    assert "not met in time" not in run("graph", "big", str(tmp_path), "--today", "2026-11-01")[1]
    mermaid = run("graph", "big", str(tmp_path), *today, "--format", "mermaid")[1]
    assert "    class sh_ceo stale\n" in mermaid
