"""`kamtui show`: one fact per line, and as git's textconv driver through a real `git diff`."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from kamtui.cli import main
from tests.conftest import kamtui
from tests.git_repo import ACME, HARBOR, portfolio_repo


def show(*args: str) -> tuple[int, str, str]:
    return kamtui("show", *args)


def test_figures_then_one_fact_per_line(write) -> None:
    code, out, err = show(str(write("harbor.yaml", HARBOR)))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:20] == [
        "# figures",
        "score: 85.0",
        "growth: 83.3",
        "harmony: 75.0",
        "priority: 79.2",
        "quadrant: strategic",
        "status: key",
        "mrr: 0",
        "pipeline_weighted: 55000",
        "pipeline_growth: 0",
        "pipeline_renewals: 0",
        "open_value: 0",
        "contract_end: —",
        "map_status: 1",
        "missing_roles: buyer, champion, decision maker",
        "goals_unserved: none",
        "flags: none",
        "open pipeline: 550000",
        "to win: evp",
        "# facts",
    ]
    for line in [
        "name: Harbor Health System",
        "tags: cloud-migration",
        "tags: healthcare",
        "revenue.2026: 3000000",
        "criteria.product_fit: 4",
        "criteria.revenue_potential: 5",
        "criteria.revenue_potential.evidence: Two new hospitals in 2027",
        "stakeholders[evp].attitude: neutral",
        "stakeholders[consultant].influences: evp",
        "objectives[hipaa-audit].status: done",
        "needs[pacs].value: 400000",
    ]:
        assert line in lines, line
    # Items in id order, whatever the order in the file.
    assert lines.index("stakeholders[ceo].name: Evelyn Carter") < lines.index(
        "stakeholders[consultant].name: Jules Martin"
    )


def test_layout_does_not_change_the_output(write) -> None:
    reordered = HARBOR.replace("# BAA signed", "").replace("\n  ", "\n    ")
    reordered = reordered.replace("[healthcare, cloud-migration]", "[cloud-migration, healthcare]")
    assert show(str(write("a.yaml", HARBOR)))[1] == show(str(write("b.yaml", reordered)))[1]


def test_the_nearest_kam_yaml_weighs_the_figures(write) -> None:
    write("kam.yaml", "weights: {product_fit: 2}\n")
    path = write("sub/harbor.yaml", HARBOR)
    # (17 + 3) / 24 points.
    assert "score: 83.3" in show(str(path))[1].splitlines()
    assert "score: 85.0" in show(str(path), "-d", str(path.parent))[1].splitlines()


def test_a_broken_file_shows_its_problems_and_its_text(write) -> None:
    text = ACME.replace("churn_risk: low", "churn_risk: extreme")
    code, out, _ = show(str(write("acme.yaml", text)))
    assert code == 0
    assert out == (
        "# this account file is invalid:\n"
        "# line 5, column 22: health.churn_risk: 'extreme' is not allowed; "
        "use one of: low, medium, high\n"
        "# its text as written:\n" + text
    )


def test_git_diff_shows_meaning_after_git_setup(tmp_path: Path) -> None:
    repo = portfolio_repo(tmp_path)
    CliRunner().invoke(main, ["git-setup", str(repo.folder)], catch_exceptions=False)
    # A meaningless edit (comment, indentation) and a meaningful one in one file.
    repo.edit("harbor.yaml", "# BAA signed", "# BAA signed in March")
    repo.edit(
        "harbor.yaml",
        "attitude: neutral\n    relationship: weak",
        "attitude: supporter\n    relationship: weak",
    )
    repo.edit(
        "harbor.yaml",
        "tags: [healthcare, cloud-migration]",
        "tags:\n  - cloud-migration\n  - healthcare",
    )
    diff = repo.git("diff", "--no-color", "-U0", "accounts/harbor.yaml")
    changed = [
        line
        for line in diff.splitlines()
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert changed == [
        "-to win: evp",
        "+to win: nobody",
        "-stakeholders[evp].attitude: neutral",
        "+stakeholders[evp].attitude: supporter",
    ]
    # git runs the driver from the repository's top: the same from inside the folder.
    assert repo.git("-C", "accounts", "diff", "--no-color", "-U0") == diff
    # kam.yaml keeps git's own diff.
    repo.write("kam.yaml", "currency: EUR\n")
    repo.git("add", "accounts/kam.yaml")
    assert "+currency: EUR" in repo.git("diff", "--cached", "--no-color")


def test_git_log_p_shows_meaning_too(tmp_path: Path) -> None:
    repo = portfolio_repo(tmp_path)
    CliRunner().invoke(main, ["git-setup", str(repo.folder)], catch_exceptions=False)
    repo.edit("acme.yaml", "status: planned", "status: on_track")
    repo.commit("Renewal on track")
    log = repo.git("log", "-p", "--no-color", "-1", "--", "accounts/acme.yaml")
    assert "-objectives[renewal].status: planned" in log.splitlines()
    assert "+objectives[renewal].status: on_track" in log.splitlines()
