"""The loader turns every kind of bad account file into located, plain-worded problems."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kamtui.core.account import yaml_source
from kamtui.core.account.account_file import (
    MAX_FILE_BYTES,
    load_account_bytes,
    load_account_file,
    read_limited,
    too_large,
)
from kamtui.core.account.model import PortfolioSettings
from kamtui.core.account.problem import Problem
from kamtui.core.loading.loader import load_folder
from tests.conftest import MINIMAL
from tests.hang_guard import time_limit


def problems_of(text: str | bytes) -> list[Problem]:
    data = text.encode() if isinstance(text, str) else text
    account, problems = load_account_bytes(data, "a.yaml", PortfolioSettings())
    assert account is None, "expected the file to be rejected"
    return problems


def only(text: str | bytes) -> Problem:
    problems = problems_of(text)
    assert len(problems) == 1, problems
    return problems[0]


def test_minimal_account_is_valid() -> None:
    account, problems = load_account_bytes(MINIMAL.encode(), "a.yaml", PortfolioSettings())
    assert problems == []
    assert account is not None
    assert account.name == "Acme Corp"
    assert account.criteria.product_fit.score == 4
    assert account.criteria.product_fit.evidence is None


def test_criterion_with_evidence() -> None:
    text = MINIMAL.replace("product_fit: 4", "product_fit: {score: 5, evidence: Ideal profile}")
    account, problems = load_account_bytes(text.encode(), "a.yaml", PortfolioSettings())
    assert problems == [] and account is not None
    assert account.criteria.product_fit.score == 5
    assert account.criteria.product_fit.evidence == "Ideal profile"


def test_unknown_field_points_at_the_key_and_suggests_the_right_one() -> None:
    problem = only(MINIMAL + "stakholders: []\n")
    assert (problem.line, problem.column) == (8, 1)
    assert "unknown field 'stakholders'" in problem.message
    assert "did you mean 'stakeholders'" in problem.message
    assert str(problem).startswith("a.yaml:8:1: error: ")


def test_value_out_of_range_says_the_range() -> None:
    problem = only(MINIMAL.replace("lifetime_value: 3", "lifetime_value: 9"))
    assert (problem.line, problem.column) == (5, 19)
    assert problem.message == "criteria.lifetime_value: 9 is out of range: must be between 1 and 5"


def test_value_outside_its_set_lists_the_allowed_values() -> None:
    problem = only(MINIMAL + "health:\n  engagement: meduim\n")
    assert (problem.line, problem.column) == (9, 15)
    assert "use one of: low, medium, high" in problem.message
    assert "did you mean 'medium'" in problem.message


def test_wrong_type() -> None:
    problem = only(MINIMAL.replace("product_fit: 4", "product_fit: great"))
    assert (problem.line, problem.column) == (6, 16)
    assert problem.message == "criteria.product_fit: expected a number, got 'great'"


def test_missing_required_fields_are_each_named() -> None:
    problems = problems_of("name: X\ncriteria:\n  revenue_volume: 3\n")
    messages = [p.message for p in problems]
    for field in ("revenue_potential", "lifetime_value", "product_fit", "strategic_value"):
        assert f"criteria: missing required field '{field}'" in messages
    assert all(p.line == 2 for p in problems)


def test_missing_name() -> None:
    problem = only(MINIMAL.replace("name: Acme Corp\n", ""))
    assert problem.message == "missing required field 'name'"


def test_impossible_date() -> None:
    problem = only(MINIMAL + "since: 2026-02-30\n")
    assert (problem.line, problem.column) == (8, 8)
    assert problem.message == "since: 2026-02-30 is not a date on the calendar"


def test_an_impossible_date_hides_none_of_the_file_s_other_problems() -> None:
    text = MINIMAL.replace("product_fit: 4", "product_fit: 9") + (
        "since: 2026-02-30\nhealth: {at_risk_since: 2026-13-01}\n"
    )
    _, problems = load_account_bytes(text.encode(), "acme.yaml", PortfolioSettings())
    assert [(p.line, p.column, p.message) for p in problems] == [
        (6, 16, "criteria.product_fit: 9 is out of range: must be between 1 and 5"),
        (8, 8, "since: 2026-02-30 is not a date on the calendar"),
        (9, 25, "health.at_risk_since: 2026-13-01 is not a date on the calendar"),
    ]


def test_duplicate_key_is_an_error_not_silently_last_wins() -> None:
    problem = only(MINIMAL + "name: Other\n")
    assert (problem.line, problem.column) == (8, 1)
    assert "duplicate key 'name' (first written at line 1)" in problem.message


@pytest.mark.parametrize(
    ("added", "where", "key"),
    [
        # In a list item, a flow mapping, and two levels down: never only at the top.
        ("stakeholders:\n  - id: evp\n    name: A\n    name: B\n", (11, 5), "name"),
        ("health: {nps: 10, csat: 4, nps: 20}\n", (8, 28), "nps"),
        ("objectives:\n  - id: o\n    what: Grow\n    actions:\n      - what: Call\n"
         "        what: Write\n", (13, 9), "what"),
    ],
)  # fmt: skip
def test_duplicate_keys_are_errors_at_any_depth(
    added: str, where: tuple[int, int], key: str
) -> None:
    problem = only(MINIMAL + added)
    assert (problem.line, problem.column) == where
    assert problem.message.startswith(f"duplicate key '{key}' (first written at line")


@pytest.mark.parametrize("section", ["stakeholders", "objectives", "needs", "customer_goals"])
def test_duplicate_ids_in_a_list(section: str) -> None:
    fields = {"stakeholders": "name: A", "customer_goals": "what: A"}.get(section, "what: A")
    text = MINIMAL + f"{section}:\n  - id: x\n    {fields}\n  - id: x\n    {fields}\n"
    problem = only(text)
    assert (problem.line, problem.column) == (11, 9)
    assert f"{section}[x].id: duplicate" in problem.message


@pytest.mark.parametrize(
    ("section", "noun", "fields"),
    [
        ("stakeholders", "stakeholder", "name: A"),
        ("objectives", "objective", "what: A"),
        ("needs", "need", "what: A"),
        ("customer_goals", "customer goal", "what: A"),
    ],
)
def test_a_duplicate_id_names_the_item_it_repeats(section: str, noun: str, fields: str) -> None:
    items = "".join(f"  - id: {item_id}\n    {fields}\n" for item_id in ("w", "x", "y", "x"))
    problem = only(MINIMAL + f"{section}:\n{items}")
    assert problem.message == f"{section}[x].id: duplicate {noun} id 'x' (also item 2)"


ACTIVITY_WITH = MINIMAL + (
    "stakeholders:\n"
    "  - {id: dana, name: Dana}\n"
    "  - {id: evp, name: Morgan}\n"
    "activities:\n"
    "  - {date: 2026-11-02, summary: Kick-off, with: [evp, %s]}\n"
)


def test_an_activity_with_an_unknown_person_suggests_the_closest_id() -> None:
    problem = only(ACTIVITY_WITH % "danna")
    assert (problem.line, problem.column) == (12, 55)
    assert problem.message.endswith(
        "'danna' names no stakeholder in this file; did you mean 'dana'? (ids: dana, evp)"
    )


def test_an_activity_with_an_unknown_person_and_nobody_close_lists_the_ids() -> None:
    problem = only(ACTIVITY_WITH % "zed")
    assert problem.message.endswith("'zed' names no stakeholder in this file (ids: dana, evp)")
    nobody = MINIMAL + "activities:\n  - {date: 2026-11-02, summary: Call, with: [zed]}\n"
    assert only(nobody).message.endswith("'zed' names no stakeholder in this file (ids: none)")


SERVES = MINIMAL + (
    "customer_goals:\n"
    "  - {id: consolidate-dc, what: Close two data centres}\n"
    "objectives:\n"
    "  - {id: move, what: Move the workloads, serves: [consolidate-dc, %s]}\n"
)


def test_an_objective_serving_an_unknown_goal_is_named_at_the_id() -> None:
    problem = only(SERVES % "consolidate-d")
    assert (problem.line, problem.column) == (11, 67)
    assert problem.message == (
        "objectives[move].serves[2]: 'consolidate-d' names no customer goal in this file; "
        "did you mean 'consolidate-dc'? (ids: consolidate-dc)"
    )
    twice = only(SERVES % "consolidate-dc")
    assert (twice.line, twice.column) == (11, 67)
    assert twice.message.endswith("'consolidate-dc' is named twice")


def test_an_objective_serving_a_goal_of_none_lists_none() -> None:
    problem = only(MINIMAL + "objectives:\n  - {id: move, what: Move, serves: [dc]}\n")
    assert problem.message.endswith("'dc' names no customer goal in this file (ids: none)")


def test_a_next_step_date_without_the_step_is_named_at_its_activity() -> None:
    problem = only(
        MINIMAL + "activities:\n  - date: 2026-11-02\n    summary: Call\n    next_due: 2026-12-01\n"
    )
    assert (problem.line, problem.column) == (9, 5)  # the activity's first key
    assert problem.message == "activities[1]: next_due dates a next step: write it under next"


def test_a_person_named_twice_in_one_activity_is_named_at_the_second() -> None:
    problem = only(ACTIVITY_WITH % "evp")
    assert (problem.line, problem.column) == (12, 55)
    assert problem.message == "activities[1].with[2]: 'evp' is named twice"


def test_a_person_who_reports_to_or_influences_themselves_is_named_where_written() -> None:
    text = MINIMAL + (
        "stakeholders:\n"
        "  - {id: dana, name: Dana, reports_to: dana}\n"
        "  - {id: evp, name: Morgan, influences: [dana, evp]}\n"
    )
    loaded, problems = load_account_bytes(text.encode(), "acme.yaml", PortfolioSettings())
    assert loaded is None
    assert [(p.line, p.column, p.message) for p in problems] == [
        (9, 40, "stakeholders[dana].reports_to: reports to themselves"),
        (10, 48, "stakeholders[evp].influences[2]: influences themselves"),
    ]


def test_a_cycle_is_told_once_from_its_first_person_in_the_file_without_its_lead_in() -> None:
    text = MINIMAL + (
        "stakeholders:\n"
        "  - id: x\n    name: X\n    reports_to: c\n"
        "  - id: c\n    name: C\n    reports_to: a\n"
        "  - id: a\n    name: A\n    reports_to: b\n"
        "  - id: b\n    name: B\n    reports_to: c\n"
    )
    problem = only(text)
    assert (problem.line, problem.column) == (14, 17)
    assert problem.message == (
        "stakeholders[c].reports_to: reporting lines form a cycle: c → a → b → c"
    )


def test_an_unknown_influence_names_the_id_and_lists_the_known_ones() -> None:
    text = MINIMAL + (
        "stakeholders:\n  - {id: d, name: Dee}\n  - {id: c, name: Jules, influences: [evp]}\n"
    )
    assert only(text).message == (
        "stakeholders[c].influences[1]: 'evp' names no stakeholder in this file (ids: c, d)"
    )


def _ring(size: int) -> str:
    people = "".join(
        f"  - {{id: p{i:02d}, name: P, reports_to: p{(i + 1) % size:02d}}}\n" for i in range(size)
    )
    return MINIMAL + "stakeholders:\n" + people


def test_a_long_reporting_cycle_is_shown_whole_up_to_twelve_names() -> None:
    names = " → ".join(f"p{i:02d}" for i in [*range(11), 0])
    assert only(_ring(11)).message.endswith(f"reporting lines form a cycle: {names}")


def test_a_longer_reporting_cycle_leaves_out_its_middle() -> None:
    first = " → ".join(f"p{i:02d}" for i in range(6))
    last = " → ".join(f"p{i:02d}" for i in [7, 8, 9, 10, 11, 0])
    assert only(_ring(12)).message.endswith(
        f"reporting lines form a cycle: {first} → … 1 more … → {last}"
    )


def test_reports_to_an_unknown_stakeholder() -> None:
    text = MINIMAL + "stakeholders:\n  - id: evp\n    name: Morgan\n    reports_to: ceo\n"
    problem = only(text)
    assert (problem.line, problem.column) == (11, 17)
    assert "'ceo' names no stakeholder in this file (ids: evp)" in problem.message


def test_influences_an_unknown_stakeholder() -> None:
    text = MINIMAL + "stakeholders:\n  - id: c\n    name: Jules\n    influences: [evp]\n"
    problem = only(text)
    assert problem.line == 11
    assert "stakeholders[c].influences[1]" in problem.message


def test_reporting_cycle() -> None:
    text = MINIMAL + (
        "stakeholders:\n"
        "  - {id: a, name: A, reports_to: b}\n"
        "  - {id: b, name: B, reports_to: c}\n"
        "  - {id: c, name: C, reports_to: a}\n"
    )
    problem = only(text)
    assert "reporting lines form a cycle: a → b → c → a" in problem.message
    assert problem.line == 9


def test_top_level_not_a_mapping() -> None:
    problem = only("- name: Acme\n")
    assert problem.message == "the file must be a mapping of 'key: value' lines, not a list"


def test_empty_file() -> None:
    problem = only("# only a comment\n")
    assert (problem.line, problem.column) == (1, 1)
    assert "file is empty" in problem.message


def test_not_utf8_names_the_position_of_the_bad_byte() -> None:
    problem = only(b"name: Acme\nnotes: caf\xe9\n")
    assert (problem.line, problem.column) == (2, 11)
    assert "not UTF-8 text (byte 0xe9)" in problem.message


def test_yaml_syntax_error_is_located() -> None:
    """Exactly where libyaml gives up: the `:` after `criteria`, inside the open `[`."""
    problem = only("name: [unclosed\ncriteria: 3\n")
    assert (problem.line, problem.column) == (2, 9)
    assert problem.message == ("while parsing a flow sequence: did not find expected ',' or ']'")


def test_python_tags_are_rejected_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = f"name: !!python/object/apply:os.system ['touch {marker}']\n"
    problem = only(text)
    assert "is not allowed: account files hold plain data only" in problem.message
    assert not marker.exists()


def test_billion_laughs_is_rejected_fast() -> None:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    with time_limit():  # expanded, 9**10 values would never finish
        problem = only("\n".join(lines) + "\n")
    assert problem.message == (
        "YAML aliases expand to too many values (a 'billion laughs' file?); "
        "write the values out instead"
    )


def test_deep_nesting_is_rejected_without_crashing() -> None:
    problem = only("name: " + "[" * 200_000 + "]" * 200_000 + "\n")
    assert "nested more than" in problem.message


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("name: Acme\nowner: a\x07b\n", 2, 9),
        ("a\x07: 1\n", 1, 2),
        # libyaml counts bytes: each "ø" before the character is two of them.
        ("name: Acme\nowner: øø\x07\n", 2, 10),
        ("name: " + "ø" * 30 + "\n\x07: 1\n", 2, 1),
    ],
)
def test_a_control_character_is_located_in_characters(text: str, line: int, column: int) -> None:
    problem = only(text)
    assert problem.message == "control character U+0007 is not allowed in YAML text"
    assert (problem.line, problem.column) == (line, column)


class TestDepthBeforeComposing:
    """Where libyaml does not stop deep nesting itself, the event stream is checked
    first: composing a tree 10,000 levels deep crashes the process (C stack)."""

    @pytest.fixture(autouse=True)
    def libyaml_without_a_limit(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(yaml_source, "_libyaml_limits_nesting", lambda: False)
        monkeypatch.setattr(yaml_source, "NESTING_CHARACTERS_CHECKED", 10)

    def test_one_level_too_deep_is_refused_before_it_is_composed(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        def never(self: object) -> None:
            raise AssertionError("composed a file nested too deep")

        monkeypatch.setattr(yaml_source._Loader, "get_single_node", never)
        depth = yaml_source.MAX_DEPTH + 1
        problem = only("name: Acme\nx: " + "[" * depth + "]" * depth + "\n")
        assert problem.message == f"nested more than {yaml_source.MAX_DEPTH} levels deep"
        # The mapping is level 1: the 65th level is the 64th "[", after "x: ".
        assert (problem.line, problem.column) == (2, 3 + yaml_source.MAX_DEPTH)

    @pytest.mark.parametrize(
        "nested",
        [
            "x: " + "{a: " * yaml_source.MAX_DEPTH + "1" + "}" * yaml_source.MAX_DEPTH,
            "x:\n" + "- " * yaml_source.MAX_DEPTH + "1",
            # The first "?" is a key of the file's own mapping; each further one nests.
            "? " * (yaml_source.MAX_DEPTH + 1) + "a",
        ],
        ids=["flow mappings", "block lists", "complex keys"],
    )
    def test_every_way_of_nesting_counts_towards_the_check(
        self, monkeypatch: pytest.MonkeyPatch, nested: str
    ) -> None:
        def never(self: object) -> None:
            raise AssertionError("composed a file nested too deep")

        monkeypatch.setattr(yaml_source._Loader, "get_single_node", never)
        problem = only(f"name: Acme\n{nested}\n")
        assert problem.message == f"nested more than {yaml_source.MAX_DEPTH} levels deep"

    def test_the_deepest_allowed_file_loads(self) -> None:
        depth = yaml_source.MAX_DEPTH - 1  # inside the top-level mapping
        assert only(MINIMAL + "x: " + "[" * depth + "]" * depth + "\n").message.startswith(
            "unknown field 'x'"
        )

    def test_a_level_closed_counts_down_by_one(self) -> None:
        """63 lists deep (64 levels), one closed, two opened: 65 levels at the second."""
        depth = yaml_source.MAX_DEPTH - 1
        text = "name: Acme\nx: " + "[" * depth + "], [[" + "]" * (depth + 1) + "\n"
        problem = only(text)
        assert problem.message == f"nested more than {yaml_source.MAX_DEPTH} levels deep"
        assert (problem.line, problem.column) == (2, len("x: ") + depth + len("], [["))

    def test_closing_levels_are_counted_down(self) -> None:
        """Many shallow lists one after another are not one deep one."""
        wide = "[" + ", ".join(["[[1]]"] * 100) + "]"
        assert only(MINIMAL + f"x: {wide}\n").message.startswith("unknown field 'x'")


def test_merge_conflict_markers() -> None:
    text = MINIMAL + "<<<<<<< HEAD\nnotes: ours\n=======\nnotes: theirs\n>>>>>>> branch\n"
    problem = only(text)
    assert (problem.line, problem.column) == (8, 1)
    assert "unresolved merge conflict at line 8" in problem.message


def test_file_over_the_size_limit(write) -> None:
    text = MINIMAL + "notes: |\n" + ("  " + "x" * 99 + "\n") * 5_300
    path = write("big.yaml", text)
    loaded = load_account_file(path, PortfolioSettings())
    assert loaded.account is None
    size = len(text.encode())
    assert loaded.problems[0].message == (
        f"file is {size:,} bytes; the limit is 524,288 bytes (512 KiB)"
    )


def test_file_at_the_size_limit_loads(write) -> None:
    notes = "notes: |\n" + ("  " + "x" * 99 + "\n") * 5_300
    text = MINIMAL + notes[: 512 * 1024 - len(MINIMAL.encode()) - 1] + "\n"
    path = write("edge.yaml", text)
    assert len(text.encode()) == 512 * 1024
    assert load_account_file(path, PortfolioSettings()).account is not None


def test_folder_loads_good_files_beside_bad_ones(write, tmp_path: Path) -> None:
    write("good.yaml", MINIMAL)
    write("sub/other.yml", MINIMAL.replace("Acme Corp", "Other"))
    write("bad.yaml", MINIMAL + "oops: 1\n")
    write(".hidden/ignored.yaml", "not: valid")
    write("README.md", "# not an account")
    write("kam.yaml", "currency: EUR\n")
    folder = load_folder(tmp_path)
    assert list(folder.accounts) == ["good", "other"]
    assert folder.settings.currency == "EUR"
    assert [Path(p.path).name for p in folder.problems] == ["bad.yaml"]


def test_duplicate_account_ids_across_folders(write, tmp_path: Path) -> None:
    write("emea/acme.yaml", MINIMAL)
    write("us/acme.yaml", MINIMAL)
    folder = load_folder(tmp_path)
    assert list(folder.accounts) == ["acme"]
    (problem,) = folder.problems
    assert problem.path.endswith("us/acme.yaml")
    assert "duplicate account id 'acme'" in problem.message


def test_invalid_settings_fall_back_to_defaults_with_a_problem(write, tmp_path: Path) -> None:
    write("kam.yaml", "abc: {a: 0.9, b: 0.5}\n")
    write("good.yaml", MINIMAL)
    folder = load_folder(tmp_path)
    assert folder.settings.abc.a == 0.80
    (problem,) = folder.problems
    assert problem.path.endswith("kam.yaml")
    assert "b (0.5) must not be below a (0.9)" in problem.message


def test_symlink_out_of_the_folder_is_refused(write, tmp_path: Path) -> None:
    outside = write("outside/acme.yaml", MINIMAL)
    root = tmp_path / "accounts"
    root.mkdir()
    (root / "acme.yaml").symlink_to(outside)
    (root / "loop").symlink_to(root)
    folder = load_folder(root)
    assert folder.accounts == {}
    messages = " ".join(p.message for p in folder.problems)
    assert "points outside the folder" in messages
    assert "loop" in messages


def test_an_empty_settings_file_means_the_defaults(write, tmp_path: Path) -> None:
    write("kam.yaml", "# nothing set yet\n")
    write("acme.yaml", MINIMAL)
    folder = load_folder(tmp_path)
    assert folder.problems == [] and folder.settings.abc.a == 0.80


def test_a_settings_file_too_large_is_named_in_its_problem(
    write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write("kam.yaml", "currency: EUR\n" + "#" * 600_000 + "\n")
    monkeypatch.chdir(tmp_path)
    folder = load_folder(tmp_path)
    assert folder.settings.currency == "USD"
    [problem] = folder.problems
    assert (problem.path, problem.line, problem.column) == ("kam.yaml", 1, 1)
    assert problem.message.startswith("file is 600,015 bytes; the limit is")


def test_a_folder_load_reports_its_progress(write, tmp_path: Path) -> None:
    write("acme.yaml", MINIMAL)
    write("globex.yaml", MINIMAL)
    seen: list[tuple[int, int]] = []
    load_folder(tmp_path, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 2), (2, 2)]


def test_a_duplicate_id_loses_its_account_to_the_first_file(
    write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write("emea/acme.yaml", MINIMAL)
    write("us/acme.yaml", MINIMAL.replace("Acme Corp", "Acme US"))
    monkeypatch.chdir(tmp_path)
    folder = load_folder(tmp_path)
    first, second = folder.files
    assert folder.accounts["acme"].name == "Acme Corp"
    assert (first.ok, second.ok, second.account) == (True, False, None)
    assert second.problems == [
        Problem("us/acme.yaml", 1, 1, "duplicate account id 'acme': emea/acme.yaml has it too")
    ]


def test_a_file_name_with_an_invisible_character_is_its_first_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before what is wrong inside it: the name is what the reader must fix first."""
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "acme\u200b.yaml"
    path.write_text(MINIMAL.replace("product_fit: 4", "product_fit: 6"), encoding="utf-8")
    loaded = load_account_file(path, PortfolioSettings())
    assert [problem.message.split(":")[0] for problem in loaded.problems] == [
        "the file name holds an invisible character, U+200B ZERO WIDTH SPACE, after 'acme'",
        "criteria.product_fit",
    ]


def _file_seen_smaller(monkeypatch: pytest.MonkeyPatch, size: int) -> list[int]:
    """fstat says `size` bytes (the file grew after it), and the bytes each read returns."""
    real_fstat, real_read = os.fstat, os.read
    returned: list[int] = []

    def smaller(descriptor: int) -> os.stat_result:
        fields = list(real_fstat(descriptor))
        fields[6] = size  # st_size
        return os.stat_result(fields)

    def counting(descriptor: int, wanted: int) -> bytes:
        part = real_read(descriptor, wanted)
        returned.append(len(part))
        return part

    monkeypatch.setattr(os, "fstat", smaller)
    monkeypatch.setattr(os, "read", counting)
    return returned


def test_a_file_that_grew_since_its_size_was_taken_is_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = MINIMAL + "notes: |\n" + "  a line of notes\n" * 10_000
    path = tmp_path / "acme.yaml"
    path.write_text(text, encoding="utf-8")
    returned = _file_seen_smaller(monkeypatch, 10)
    data, error = read_limited(path)
    assert error is None and data == text.encode()
    assert returned[:3] == [11, 65536, 65536]  # size + 1, then the rest in chunks of 64 KiB


def test_a_file_that_grew_past_the_limit_is_read_no_further_than_one_byte_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "acme.yaml"
    path.write_bytes(b"#" * (2 * MAX_FILE_BYTES))
    returned = _file_seen_smaller(monkeypatch, MAX_FILE_BYTES - 1)
    data, error = read_limited(path)
    assert (data, error) == (b"", too_large(None))
    assert returned == [MAX_FILE_BYTES, 1]


@pytest.mark.parametrize(
    ("data", "line"),
    [(b"\nname: \xff\n", 2), (b"\n\nname: \xff\n", 3), (b"name: ok\nowner: \xff\n", 2)],
)
def test_a_byte_that_is_not_utf8_is_placed_exactly(data: bytes, line: int) -> None:
    """Counted from the file's first byte, whether or not a line break is the first."""
    [problem] = load_account_bytes(data, "x.yaml", PortfolioSettings())[1]
    column = 8 if data.startswith(b"name: ok") else 7
    assert problem == Problem(
        "x.yaml", line, column, "not UTF-8 text (byte 0xff); save the file as UTF-8"
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_named_like_an_account_is_no_file(tmp_path: Path) -> None:
    pipe = tmp_path / "acme.yaml"
    os.mkfifo(pipe)
    assert read_limited(pipe) == (
        b"",
        "not a regular file (a folder, pipe, socket or device); skipped",
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "file is empty; an account needs at least name and criteria"),
        (
            b"just a sentence\n",
            "the file must be a mapping of 'key: value' lines, not a single value",
        ),
        (b"- name: Acme\n", "the file must be a mapping of 'key: value' lines, not a list"),
    ],
)
def test_a_file_that_holds_no_mapping_says_what_it_holds(data: bytes, message: str) -> None:
    assert load_account_bytes(data, "x.yaml", PortfolioSettings())[1] == [
        Problem("x.yaml", 1, 1, message)
    ]


def test_a_conflict_marker_after_a_blank_first_line_is_placed_on_its_line() -> None:
    data = b"\n<<<<<<< HEAD\nname: Acme\n=======\nname: Acme Corp\n>>>>>>> theirs\n"
    assert load_account_bytes(data, "x.yaml", PortfolioSettings())[1] == [
        Problem(
            "x.yaml",
            2,
            1,
            "unresolved merge conflict at line 2: resolve it and remove the markers",
        )
    ]
