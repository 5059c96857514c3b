"""The in-place editor: each kind of edit changes exactly the lines it means."""

from __future__ import annotations

import datetime as dt
import difflib
import math
from pathlib import Path

import pytest

from kamtui.core.account.account_file import load_account_bytes
from kamtui.core.account.model import Onboarding, PortfolioSettings
from kamtui.core.editing.account_edit import (
    EditError,
    append_item,
    item_index,
    plain_or_quoted,
    remove_item,
    set_value,
)
from tests.conftest import EXAMPLE_SETTINGS, EXAMPLES

COMMENTED = """\
# yaml-language-server: $schema=../schemas/account.schema.json
name: "Acme Corp"                 # the customer
owner: 'Dana Reyes'
tags: [emea, 'yes']
revenue:                          # per year
  2024: 100
  2026: 300                       # a good year

mrr: {basic: 0, standard: 10}
criteria:
  revenue_volume: 3               # what it pays
  revenue_potential:
    score: 4
    evidence: Two new plants      # said the CFO
  lifetime_value: 3
  product_fit: 4
  strategic_value: 2
health:
  nps: 20
  # churn is watched weekly
  churn_risk: low                 # fine

# The people
stakeholders:
- id: cfo                         # indentless list
  name: Alex Kim
  attitude: neutral               # the one to win
- id: cio
  name: Sam Park
  reports_to: cfo
  influences: [cfo]
# trailing words about stakeholders

objectives: []                    # none yet
notes: |
  Line one.
  Line two.
"""


def changes(before: str, after: str) -> tuple[list[str], list[str]]:
    """The removed and the added lines, as `git diff` counts them."""
    removed: list[str] = []
    added: list[str] = []
    for line in difflib.unified_diff(before.splitlines(), after.splitlines(), n=0, lineterm=""):
        if line.startswith("-") and not line.startswith("---"):
            removed.append(line[1:])
        elif line.startswith("+") and not line.startswith("+++"):
            added.append(line[1:])
    return removed, added


def valid(text: str) -> None:
    account, problems = load_account_bytes(text.encode(), "acme.yaml", PortfolioSettings())
    assert account is not None, problems


def test_the_fixture_is_a_valid_account() -> None:
    valid(COMMENTED)


@pytest.mark.parametrize(
    ("path", "value", "old", "new"),
    [
        (
            ("stakeholders", 0, "attitude"),
            "supporter",
            "  attitude: neutral               # the one to win",
            "  attitude: supporter             # the one to win",
        ),
        (
            ("health", "churn_risk"),
            "high",
            "  churn_risk: low                 # fine",
            "  churn_risk: high                # fine",
        ),
        (
            ("name",),
            "Acme: East",
            'name: "Acme Corp"                 # the customer',
            'name: "Acme: East"                # the customer',
        ),
        (("owner",), "Raj", "owner: 'Dana Reyes'", "owner: 'Raj'"),
        (("mrr", "basic"), 5.5, "mrr: {basic: 0, standard: 10}", "mrr: {basic: 5.5, standard: 10}"),
        (
            ("criteria", "revenue_potential", "score"),
            5,
            "    score: 4",
            "    score: 5",
        ),
        (
            ("criteria", "revenue_volume"),
            5,
            "  revenue_volume: 3               # what it pays",
            "  revenue_volume: 5               # what it pays",
        ),
        (("tags", 1), "no", "tags: [emea, 'yes']", "tags: [emea, 'no']"),
        (
            ("revenue", 2026),
            1234567,
            "  2026: 300                       # a good year",
            "  2026: 1234567                   # a good year",
        ),
    ],
)
def test_setting_a_value_changes_its_line_alone(
    path: tuple[str | int, ...], value: object, old: str, new: str
) -> None:
    after = set_value(COMMENTED, path, value)  # type: ignore[arg-type]
    assert changes(COMMENTED, after) == ([old], [new])
    valid(after)


def test_a_long_value_eats_the_spaces_before_a_comment_and_keeps_one() -> None:
    after = set_value(COMMENTED, ("health", "churn_risk"), "medium" * 6)
    assert changes(COMMENTED, after)[1] == [f"  churn_risk: {'medium' * 6} # fine"]


def test_text_that_yaml_would_read_as_another_type_is_quoted() -> None:
    for word in ("yes", "2026-01-01", "12", "null", "a: b", "#hash", " padded"):
        after = set_value(COMMENTED, ("stakeholders", 0, "name"), word)
        account, _ = load_account_bytes(after.encode(), "acme.yaml", PortfolioSettings())
        assert account is not None
        assert account.stakeholders[0].name == word.strip()


def test_a_missing_key_goes_where_the_model_orders_it() -> None:
    after = set_value(COMMENTED, ("industry",), "Retail")
    lines = after.splitlines()
    assert changes(COMMENTED, after) == ([], ["industry: Retail"])
    # Account fields: name, industry, owner.
    assert lines.index("industry: Retail") == lines.index("owner: 'Dana Reyes'") - 1


def test_a_missing_key_among_indented_keys_and_comments() -> None:
    after = set_value(COMMENTED, ("health", "csat"), 4.5)
    assert changes(COMMENTED, after) == ([], ["  csat: 4.5"])
    lines = after.splitlines()
    # Health fields: nps, csat, engagement, churn_risk: after nps, before the comment.
    assert lines[lines.index("  nps: 20") + 1] == "  csat: 4.5"
    valid(after)


def test_a_missing_key_in_a_flow_mapping() -> None:
    after = set_value(COMMENTED, ("mrr", "premium"), 7)
    assert changes(COMMENTED, after)[1] == ["mrr: {basic: 0, standard: 10, premium: 7}"]


def test_a_missing_key_of_a_list_item_is_indented_like_its_siblings() -> None:
    after = set_value(COMMENTED, ("stakeholders", 1, "title"), "CIO")
    assert changes(COMMENTED, after) == ([], ["  title: CIO"])
    lines = after.splitlines()
    assert lines[lines.index("  name: Sam Park") + 1] == "  title: CIO"
    valid(after)


def test_a_missing_mapping_is_made_with_its_key() -> None:
    after = set_value(COMMENTED, ("harmony", "culture"), 4)
    assert changes(COMMENTED, after) == ([], ["harmony:", "  culture: 4"])


def test_appending_to_a_block_list_adds_lines_only() -> None:
    item = {"id": "ceo", "name": "Jo Doe", "attitude": "supporter", "influences": ["cfo"]}
    after = append_item(COMMENTED, ("stakeholders",), item)
    assert changes(COMMENTED, after) == (
        [],
        ["- id: ceo", "  name: Jo Doe", "  attitude: supporter", "  influences: [cfo]"],
    )
    # After the last item, before the comment that closes the section.
    lines = after.splitlines()
    assert (
        lines[lines.index("  influences: [cfo]", lines.index("- id: ceo")) + 1]
        == "# trailing words about stakeholders"
    )
    valid(after)


def test_appending_to_an_empty_flow_list_writes_it_in_block_style() -> None:
    item = {"id": "grow", "what": "Grow", "due": dt.date(2027, 1, 31)}
    after = append_item(COMMENTED, ("objectives",), item)
    assert changes(COMMENTED, after) == (
        ["objectives: []                    # none yet"],
        [
            "objectives:                    # none yet",
            "  - id: grow",
            "    what: Grow",
            "    due: 2027-01-31",
        ],
    )
    valid(after)


def test_appending_to_a_flow_list() -> None:
    after = append_item(COMMENTED, ("tags",), "on")
    assert changes(COMMENTED, after)[1] == ["tags: [emea, 'yes', 'on']"]


def test_appending_to_a_missing_list_adds_its_key_in_model_order() -> None:
    item = {"id": "ai", "what": "AI add-on", "value": 1000}
    after = append_item(COMMENTED, ("needs",), item)
    assert changes(COMMENTED, after) == (
        [],
        ["needs:", "  - id: ai", "    what: AI add-on", "    value: 1000"],
    )
    lines = after.splitlines()
    # Account fields: objectives, stakeholders, needs, swot, notes.
    assert lines.index("needs:") > lines.index("objectives: []                    # none yet")
    assert lines.index("needs:") < lines.index("notes: |")
    valid(after)


def test_removing_an_item_removes_its_lines_only() -> None:
    after = remove_item(COMMENTED, ("stakeholders", 1))
    removed, added = changes(COMMENTED, after)
    assert added == []
    assert removed == ["- id: cio", "  name: Sam Park", "  reports_to: cfo", "  influences: [cfo]"]
    assert "# trailing words about stakeholders" in after


def test_removing_the_only_item_leaves_an_empty_list() -> None:
    text = COMMENTED.replace(
        "- id: cio\n  name: Sam Park\n  reports_to: cfo\n  influences: [cfo]\n", ""
    )
    after = remove_item(text, ("stakeholders", 0))
    assert changes(text, after) == (
        [
            "stakeholders:",
            "- id: cfo                         # indentless list",
            "  name: Alex Kim",
            "  attitude: neutral               # the one to win",
        ],
        ["stakeholders: []"],
    )
    valid(after)


def test_removing_from_a_flow_list() -> None:
    assert "tags: ['yes']" in remove_item(COMMENTED, ("tags", 0))
    assert "tags: [emea]" in remove_item(COMMENTED, ("tags", 1))


def test_item_index_finds_an_item_by_its_id() -> None:
    assert item_index(COMMENTED, ("stakeholders",), "cio") == 1
    with pytest.raises(EditError, match="no item with id 'ceo'"):
        item_index(COMMENTED, ("stakeholders",), "ceo")


def test_crlf_files_keep_their_line_endings() -> None:
    text = COMMENTED.replace("\n", "\r\n")
    after = append_item(text, ("stakeholders",), {"id": "ceo", "name": "Jo"})
    after = set_value(after, ("health", "csat"), 3)
    assert "\n" not in after.replace("\r\n", "")
    valid(after)


def test_a_file_without_a_final_line_break() -> None:
    text = "name: Acme\ncriteria: {revenue_volume: 1, revenue_potential: 1, lifetime_value: 1,"
    text += " product_fit: 1, strategic_value: 1}\ntags:\n  - a"
    after = append_item(text, ("tags",), "b")
    assert after == text + "\n  - b\n"
    assert set_value(text, ("tags", 0), "c").endswith("\n  - c")


def test_block_scalars_end_at_their_last_line_of_text() -> None:
    text = COMMENTED + "\n# the end\n"
    after = set_value(text, ("notes",), "Short")
    assert changes(text, after) == (["notes: |", "  Line one.", "  Line two."], ["notes: Short"])
    assert after.endswith("notes: Short\n\n# the end\n")


def test_every_example_account_takes_each_kind_of_edit() -> None:
    for path in sorted(EXAMPLES.rglob("*.yaml")):
        if path.name == "kam.yaml":
            continue
        text = path.read_text(encoding="utf-8")
        for edited in (
            set_value(text, ("health", "churn_risk"), "medium"),
            append_item(text, ("tags",), "new-tag"),
            append_item(text, ("needs",), {"id": "zz-new", "what": "Something new"}),
            set_value(text, ("criteria", "product_fit", "score"), 2)
            if "  product_fit:\n" in text
            else set_value(text, ("criteria", "product_fit"), 2),
        ):
            removed, _ = changes(text, edited)
            assert len(removed) <= 1, (path, removed)
            account, problems = load_account_bytes(edited.encode(), str(path), EXAMPLE_SETTINGS)
            assert account is not None, (path, problems)


def test_bad_paths_are_errors_that_say_where(tmp_path: Path) -> None:
    with pytest.raises(EditError, match="not a list"):
        append_item(COMMENTED, ("owner",), "x")
    with pytest.raises(EditError, match="no such item"):
        remove_item(COMMENTED, ("stakeholders", 9))
    with pytest.raises(EditError, match="does not name a list item"):
        remove_item(COMMENTED, ("stakeholders",))


def test_a_file_with_lone_crs_is_not_edited() -> None:
    with pytest.raises(EditError, match="lone CR") as refused:
        set_value("name: Acme\r\nowner: Dana\rtags: []\r\n", ("owner",), "Lee")
    assert (refused.value.position.line, refused.value.position.column) == (2, 12)


def test_flow_edits_keep_a_comment_in_its_column() -> None:
    text = "tags: [a, b]        # labels\n"
    assert append_item(text, ("tags",), "c") == "tags: [a, b, c]     # labels\n"
    assert remove_item(text, ("tags", 0)) == "tags: [b]           # labels\n"
    assert set_value("mrr: {}       # plans\n", ("mrr", "basic"), 5) == "mrr: {basic: 5} # plans\n"


@pytest.mark.parametrize("value", ["1e5", "0E0", "1.5e5", "-2E-3", ".5e1"])
def test_text_that_reads_as_a_number_here_is_quoted_though_pyyaml_would_not(value: str) -> None:
    """PyYAML (YAML 1.1) writes these plain, as text; kamtui reads them as numbers."""
    assert plain_or_quoted(value) == f"'{value}'"
    assert plain_or_quoted(value, flow=True) == f"'{value}'"
    assert plain_or_quoted("1e5 tonnes") == "1e5 tonnes"


# A block list whose dashes sit two in from their key, and one written at the key's column.
BLOCK_LISTS = COMMENTED.replace("tags: [emea, 'yes']\n", "tags:\n  - emea\n  - 'yes'\n")


def test_a_block_list_set_whole_stays_a_block_at_its_indentation() -> None:
    after = set_value(BLOCK_LISTS, ("tags",), ["apac", "public sector"])
    assert changes(BLOCK_LISTS, after) == (
        ["  - emea", "  - 'yes'"],
        ["  - apac", "  - public sector"],
    )
    # The indentless list of stakeholders keeps its dashes at the key's column.
    people = [{"id": "cfo", "name": "Alex Kim"}]
    after = set_value(COMMENTED, ("stakeholders",), people)
    assert "\nstakeholders:\n- id: cfo\n  name: Alex Kim\n# trailing" in after
    valid(after)


def test_a_block_mapping_set_whole_stays_a_block_at_its_indentation() -> None:
    after = set_value(COMMENTED, ("revenue",), {2025: 50, 2026: 70})
    assert "\nrevenue:                          # per year\n  2025: 50\n  2026: 70\n\nmrr:" in after
    valid(after)


def test_a_block_collection_set_to_a_word_or_emptied_goes_on_its_key_s_line() -> None:
    after = set_value(BLOCK_LISTS, ("tags",), [])
    assert changes(BLOCK_LISTS, after) == (["tags:", "  - emea", "  - 'yes'"], ["tags: []"])
    after = set_value(COMMENTED, ("criteria", "revenue_potential"), 5)
    # The comment of the value's last line is kept, in its column.
    [line] = changes(COMMENTED, after)[1]
    assert line == "  revenue_potential: 5" + " " * 12 + "# said the CFO"
    valid(after)


def test_a_list_set_where_a_flow_list_was_is_written_in_flow() -> None:
    after = set_value(COMMENTED, ("tags",), ["apac", "a, b"])
    assert changes(COMMENTED, after) == (["tags: [emea, 'yes']"], ["tags: [apac, 'a, b']"])


def test_text_inside_a_flow_collection_is_quoted_where_flow_needs_it() -> None:
    """A comma, a bracket or a brace ends a plain word in flow style, not in block style."""
    flow = COMMENTED.replace(
        "- id: cio\n  name: Sam Park\n", "- {id: cio, name: Sam Park}\n"
    ).replace("  reports_to: cfo\n  influences: [cfo]\n", "")
    valid(flow)
    for word in ("Park, Sam", "Sam [CIO]", "Sam {x}"):
        after = set_value(flow, ("stakeholders", 1, "name"), word)
        account, _ = load_account_bytes(after.encode(), "acme.yaml", PortfolioSettings())
        assert account is not None and account.stakeholders[1].name == word, after
    in_block = set_value(COMMENTED, ("stakeholders", 1, "name"), "Park, Sam")
    assert changes(COMMENTED, in_block)[1] == ["  name: Park, Sam"]


@pytest.mark.parametrize(
    ("value", "style", "flow", "written"),
    [
        ("Zürich — 東京", None, False, "Zürich — 東京"),  # never \u-escaped
        ("Zürich", '"', False, '"Zürich"'),  # the quotes the value had
        ("Zürich", "'", False, "'Zürich'"),
        ("it's", "'", False, "'it''s'"),
        ("two\nlines", None, False, '"two\\nlines"'),
        ("a, b", None, True, "'a, b'"),
        ("a, b", None, False, "a, b"),
        ("[x]", None, False, "'[x]'"),
        (("word " * 30).strip(), None, False, ("word " * 30).strip()),  # never folded
        (("a, " * 30).strip(), None, True, "'" + ("a, " * 30).strip() + "'"),
    ],
)
def test_text_is_written_plain_where_it_reads_back_else_quoted(
    value: str, style: str | None, flow: bool, written: str
) -> None:
    assert plain_or_quoted(value, style, flow=flow) == written


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (False, "false"),
        (True, "true"),
        (None, "null"),
        (5.0, "5"),
        (1.5, "1.5"),
        (1e16, "1e+16"),
        (-2.0, "-2"),
        (Onboarding.in_progress, "in_progress"),
        (dt.date(2026, 12, 31), "2026-12-31"),
    ],
)
def test_values_are_written_as_the_format_reads_them(value: object, written: str) -> None:
    after = set_value(COMMENTED, ("health", "churn_risk"), value)  # type: ignore[arg-type]
    # The comment stays in its column.
    assert changes(COMMENTED, after)[1] == [f"  churn_risk: {written}".ljust(34) + "# fine"]


def test_a_number_that_is_not_finite_is_refused() -> None:
    for value in (math.inf, -math.inf, math.nan):
        with pytest.raises(EditError, match="numbers must be finite"):
            set_value(COMMENTED, ("health", "nps"), value)


@pytest.mark.parametrize("null", ["", " ~", " null", " Null", " NULL"])
def test_a_key_holding_nothing_takes_a_new_mapping_or_list_in_its_place(null: str) -> None:
    text = COMMENTED.replace(
        "objectives: []                    # none yet\n", f"harmony:{null}\nobjectives: []\n"
    )
    after = set_value(text, ("harmony", "culture"), 4)
    assert "\nharmony:\n  culture: 4\nobjectives: []\n" in after
    listed = text.replace(f"harmony:{null}\n", f"tags:{null}\n").replace(
        "tags: [emea, 'yes']\n", ""
    )
    appended = append_item(listed, ("tags",), "apac")
    assert "\ntags: [apac]\nobjectives: []\n" in appended
    valid(appended)


def test_text_that_says_null_is_a_value_not_nothing() -> None:
    """Quoted, `'null'` is the word: a key holding it is not empty, so adding under it
    is refused rather than writing over the word."""
    text = COMMENTED.replace(
        "objectives: []                    # none yet\n", "harmony: 'null'\nobjectives: []\n"
    )
    with pytest.raises(EditError, match="holds a single value"):
        set_value(text, ("harmony", "culture"), 4)


@pytest.mark.parametrize(
    ("year", "before_line", "after_line"),
    [
        (2025, "  2024: 100", "  2026: 300                       # a good year"),
        (2023, "revenue:                          # per year", "  2024: 100"),
    ],
)
def test_a_missing_year_goes_between_the_years_around_it(
    year: int, before_line: str, after_line: str
) -> None:
    after = set_value(COMMENTED, ("revenue", str(year)), 200)
    lines = after.splitlines()
    at = lines.index(f"  {year}: 200")
    assert (lines[at - 1], lines[at + 1]) == (before_line, after_line)
    valid(after)


def test_a_missing_key_before_every_present_one_goes_above_the_first_and_its_comment() -> None:
    """The comment line above churn_risk is churn_risk's: nps goes above it."""
    text = COMMENTED.replace("  nps: 20\n", "")
    after = set_value(text, ("health", "nps"), 30)
    assert changes(text, after) == ([], ["  nps: 30"])
    assert "\nhealth:\n  nps: 30\n  # churn is watched weekly\n  churn_risk: low" in after


def test_a_missing_item_or_a_key_under_a_word_is_an_error_at_its_place() -> None:
    with pytest.raises(EditError) as no_item:
        set_value(COMMENTED, ("stakeholders", 5, "name"), "X")
    assert no_item.value.message == "stakeholders.5.name: no such item (the list holds 2)"
    assert (no_item.value.position.line, no_item.value.position.column) == (
        COMMENTED.splitlines().index("stakeholders:") + 2,
        1,
    )
    with pytest.raises(EditError) as under_a_word:
        set_value(COMMENTED, ("owner", "first"), "X")
    assert under_a_word.value.message == "owner holds a single value"
    assert (under_a_word.value.position.line, under_a_word.value.position.column) == (3, 8)


def test_a_mapping_set_where_a_flow_mapping_was_is_written_in_flow() -> None:
    after = set_value(COMMENTED, ("mrr",), {"basic": 1, "premium": 2.5})
    assert changes(COMMENTED, after) == (
        ["mrr: {basic: 0, standard: 10}"],
        ["mrr: {basic: 1, premium: 2.5}"],
    )


def test_text_in_flow_keeps_its_letters_and_two_lines_go_in_double_quotes() -> None:
    assert plain_or_quoted("Zürich, Genève", flow=True) == "'Zürich, Genève'"
    assert plain_or_quoted("Zürich", flow=True) == "Zürich"
    assert plain_or_quoted("it's, ok", flow=True) == "'it''s, ok'"
    assert plain_or_quoted("two\nlines", flow=True) == '"two\\nlines"'
    assert plain_or_quoted('say "hi"', '"') == '"say \\"hi\\""'


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("- a\n- b\n", "the file is not a mapping of 'key: value' lines", 1),
        ("name: [unclosed\n", None, 1),
    ],
)
def test_a_text_that_is_no_account_mapping_cannot_be_edited(
    text: str, message: str | None, line: int
) -> None:
    with pytest.raises(EditError) as refused:
        set_value(text, ("name",), "X")
    if message is not None:
        assert refused.value.message == message
    assert refused.value.position.line == line


def test_appending_to_a_value_that_is_no_list_is_an_error_at_the_value() -> None:
    with pytest.raises(EditError) as refused:
        append_item(COMMENTED, ("owner",), "x")
    assert refused.value.message == "owner is not a list"
    assert (refused.value.position.line, refused.value.position.column) == (3, 8)


def test_an_item_appended_lines_up_with_the_items_above() -> None:
    """Under an indentless list the new item's keys stand where the others' do; under an
    indented one, where its dashes are; an empty mapping is one line."""
    after = append_item(COMMENTED, ("stakeholders",), {"id": "ceo", "name": "Lee"})
    assert changes(COMMENTED, after) == ([], ["- id: ceo", "  name: Lee"])
    tags = append_item(BLOCK_LISTS, ("tags",), "apac")
    assert changes(BLOCK_LISTS, tags) == ([], ["  - apac"])
    # The text an item with nothing yet makes (the model then asks for its id and name).
    empty = append_item(COMMENTED, ("stakeholders",), {})
    assert "  influences: [cfo]\n- {}\n# trailing words" in empty


def test_a_folded_text_replaced_by_a_word_leaves_the_blank_line_after_it() -> None:
    text = COMMENTED.replace(
        "notes: |\n  Line one.\n  Line two.\n",
        "notes: >\n  Line one.\n  Line two.\n\nswot: {strengths: []}\n",
    )
    after = set_value(text, ("notes",), "Short.")
    assert "\nnotes: Short.\n\nswot: {strengths: []}\n" in after
    # Kept (`>+`), the blank line is the text's own: it goes with it, the line break stays.
    kept = text.replace("notes: >", "notes: >+")
    assert "\nnotes: Short.\nswot: {strengths: []}\n" in set_value(kept, ("notes",), "Short.")
    crlf = kept.replace("\n", "\r\n")
    assert "\r\nnotes: Short.\r\nswot:" in set_value(crlf, ("notes",), "Short.")


def test_a_mapping_or_a_list_set_inside_a_flow_mapping_is_written_in_flow() -> None:
    """Readings given to an MRR plan of `mrr: {…}`: block lines there broke the file."""
    readings = {dt.date(2026, 3, 31): 95000, dt.date(2026, 6, 30): 110000}
    after = set_value(COMMENTED, ("mrr", "standard"), readings)
    assert changes(COMMENTED, after) == (
        ["mrr: {basic: 0, standard: 10}"],
        ["mrr: {basic: 0, standard: {2026-03-31: 95000, 2026-06-30: 110000}}"],
    )
    valid(after)
    tags = set_value("name: A\ntags: [a, b]\n", ("tags", 1), ["x", "y"])
    assert tags == "name: A\ntags: [a, [x, y]]\n"


# Errors say exactly what and where -----------------------------------------------------


def test_a_yaml_error_is_reported_with_libyaml_s_words_and_place() -> None:
    with pytest.raises(EditError) as refused:
        set_value("name: [unclosed\n", ("name",), "X")
    assert refused.value.message == (
        "while parsing a flow sequence: did not find expected ',' or ']'"
    )
    assert (refused.value.position.line, refused.value.position.column) == (1, 16)


def test_an_error_about_the_path_alone_is_placed_at_the_file_s_start() -> None:
    with pytest.raises(EditError) as refused:
        remove_item(COMMENTED, ())
    assert refused.value.message == "the file does not name a list item"
    assert (refused.value.position.line, refused.value.position.column) == (1, 1)


def test_a_number_that_is_not_finite_is_refused_in_those_words() -> None:
    with pytest.raises(EditError) as refused:
        set_value(COMMENTED, ("health", "nps"), math.inf)
    assert refused.value.message == "numbers must be finite"


def test_the_item_just_past_the_end_of_a_list_is_no_such_item() -> None:
    with pytest.raises(EditError) as removing:
        remove_item(COMMENTED, ("stakeholders", 2))
    assert removing.value.message == "stakeholders.2: no such item"
    with pytest.raises(EditError) as setting:
        set_value(COMMENTED, ("stakeholders", 2, "name"), "X")
    assert setting.value.message == "stakeholders.2.name: no such item (the list holds 2)"


def test_an_item_of_a_list_not_written_yet_is_no_such_item_of_an_empty_list() -> None:
    with pytest.raises(EditError) as refused:
        set_value(COMMENTED, ("needs", 0, "what"), "X")
    assert refused.value.message == "needs.0.what: no such item (the list holds 0)"
    assert (refused.value.position.line, refused.value.position.column) == (2, 1)


def test_a_value_over_several_lines_cannot_become_a_block_list() -> None:
    text = "name: Acme\ntags: 'emea,\n  apac'\n"
    with pytest.raises(EditError) as refused:
        set_value(text, ("tags",), [{"region": "emea"}])
    assert refused.value.message == "a multi-line value cannot be replaced here"
    assert (refused.value.position.line, refused.value.position.column) == (2, 7)


# Where new text goes and how it lines up ------------------------------------------------


def test_a_comment_keeps_its_column_in_a_file_that_starts_with_a_blank_line() -> None:
    text = "\nname: Acme       # the customer\n"
    after = set_value(text, ("name",), "Acme Corp")
    assert after == "\nname: Acme Corp  # the customer\n"


def test_the_only_item_of_a_flow_list_removed_leaves_the_brackets() -> None:
    assert remove_item("tags: [emea]        # labels\n", ("tags", 0)) == (
        "tags: []            # labels\n"
    )


# Stakeholders whose influences are a block list, the last one of one item.
NESTED = COMMENTED.replace("  influences: [cfo]\n", "  influences:\n  - cfo\n  - ceo\n")


def test_an_item_of_a_nested_list_is_removed_from_that_list() -> None:
    after = remove_item(NESTED, ("stakeholders", 1, "influences", 1))
    assert changes(NESTED, after) == (["  - ceo"], [])


def test_the_only_item_of_a_nested_block_list_removed_leaves_that_list_empty() -> None:
    text = NESTED.replace("  - ceo\n", "")
    after = remove_item(text, ("stakeholders", 1, "influences", 0))
    assert changes(text, after) == (["  influences:", "  - cfo"], ["  influences: []"])
    valid(after)


# An objective whose last key holds a block text, then a blank line and a comment.
BLOCK_TEXT_LAST = """\
name: Acme
objectives:
- id: grow
  what: Grow
  how: |
    Step one.
    Step two.

# next: the people
stakeholders: []
"""


def test_an_item_appended_after_one_ending_in_a_block_text_goes_after_that_text() -> None:
    after = append_item(BLOCK_TEXT_LAST, ("objectives",), {"id": "keep", "what": "Keep"})
    assert after == BLOCK_TEXT_LAST.replace(
        "    Step two.\n", "    Step two.\n- id: keep\n  what: Keep\n"
    )


def test_an_item_ending_in_a_block_text_is_removed_up_to_that_text_s_end() -> None:
    text = BLOCK_TEXT_LAST.replace("objectives:\n", "objectives:\n- id: a\n  what: A\n")
    after = remove_item(text, ("objectives", 1))
    assert after == "name: Acme\nobjectives:\n- id: a\n  what: A\n\n# next: the people\n" + (
        "stakeholders: []\n"
    )


def test_a_key_added_after_one_holding_a_block_text_goes_after_that_text() -> None:
    after = set_value(BLOCK_TEXT_LAST, ("objectives", 0, "status"), "at_risk")
    assert after == BLOCK_TEXT_LAST.replace("    Step two.\n", "    Step two.\n  status: at_risk\n")


def test_a_plus_in_the_comment_of_a_block_text_does_not_make_it_kept() -> None:
    """`| # one+two` is clipped: replaced by a word, the blank line after it stays."""
    text = "name: Acme\nnotes: |  # one+two\n  Line one.\n\nswot: {strengths: []}\n"
    assert (
        set_value(text, ("notes",), "Short.")
        == "name: Acme\nnotes: Short.\n\nswot: {strengths: []}\n"
    )


def test_an_empty_kept_block_text_at_the_end_of_the_file_is_replaced_in_place() -> None:
    assert set_value("name: Acme\nnotes: |+", ("notes",), "Short") == "name: Acme\nnotes: Short"


def test_a_list_made_in_place_of_the_last_value_of_a_file_without_a_final_break() -> None:
    text = "name: Acme\nobjectives: []"
    after = append_item(text, ("objectives",), {"id": "grow", "what": "Grow"})
    assert after == "name: Acme\nobjectives:\n  - id: grow\n    what: Grow\n"


def test_a_comment_after_an_emptied_key_keeps_its_own_text() -> None:
    """Replaced by block lines, `[]` leaves the key's line; its comment stays as written,
    spaces after it and all."""
    item = {"id": "g", "what": "G"}
    spaced = append_item("name: Acme\nobjectives: []   # none yet  \n", ("objectives",), item)
    assert spaced == "name: Acme\nobjectives:   # none yet  \n  - id: g\n    what: G\n"
    named = append_item("name: Acme\nobjectives: []   # ask ALEX\n", ("objectives",), item)
    assert named == "name: Acme\nobjectives:   # ask ALEX\n  - id: g\n    what: G\n"


def test_an_empty_list_item_set_to_a_mapping_gets_its_keys_past_its_dash() -> None:
    after = set_value("stakeholders:\n  - {}\n", ("stakeholders", 0), {"id": "a", "name": "B"})
    assert after == "stakeholders:\n  -\n    id: a\n    name: B\n"


def test_a_file_of_an_empty_mapping_set_whole_gets_its_keys_at_the_left_edge() -> None:
    assert set_value("{}\n", (), {"name": "Acme"}) == "\nname: Acme\n"


def test_a_block_list_set_to_a_mapping_stays_block_at_its_indentation() -> None:
    after = set_value(BLOCK_LISTS, ("tags",), {"emea": 1})
    assert changes(BLOCK_LISTS, after) == (["  - emea", "  - 'yes'"], ["  emea: 1"])


def test_a_block_mapping_set_to_a_list_stays_block_at_its_indentation() -> None:
    after = set_value(COMMENTED, ("revenue",), [1, 2])
    assert changes(COMMENTED, after) == (
        ["  2024: 100", "  2026: 300                       # a good year"],
        ["  - 1", "  - 2"],
    )


def test_a_block_list_of_one_item_set_whole_keeps_its_dashes_in_place() -> None:
    assert set_value("tags:\n  - emea\n", ("tags",), ["apac", "latam"]) == (
        "tags:\n  - apac\n  - latam\n"
    )


# Items whose keys stand further from their dash than one space.
WIDE_ITEMS = "stakeholders:\n-   id: cfo\n    name: Alex Kim\n"


def test_items_written_wide_of_their_dash_keep_that_width() -> None:
    people = set_value(WIDE_ITEMS, ("stakeholders",), [{"id": "ceo", "name": "Lee"}])
    assert people == "stakeholders:\n-   id: ceo\n    name: Lee\n"
    appended = append_item(WIDE_ITEMS, ("stakeholders",), {"id": "ceo", "name": "Lee"})
    assert appended == WIDE_ITEMS + "-   id: ceo\n    name: Lee\n"


def test_a_new_value_ending_in_capitals_keeps_them_before_a_comment() -> None:
    after = set_value(COMMENTED, ("criteria", "revenue_potential", "evidence"), "Plant in TX")
    assert changes(COMMENTED, after)[1] == ["    evidence: Plant in TX         # said the CFO"]


def test_an_empty_mapping_appended_to_an_indented_list_is_one_line_at_its_dashes() -> None:
    text = "name: Acme\nstakeholders:\n  - id: cfo\n    name: Alex Kim\n"
    assert append_item(text, ("stakeholders",), {}) == text + "  - {}\n"


def test_a_field_left_empty_in_a_new_item_is_not_written_and_the_rest_are() -> None:
    item = {"id": "ceo", "title": None, "name": "Lee"}
    after = append_item(COMMENTED, ("stakeholders",), item)
    assert changes(COMMENTED, after) == ([], ["- id: ceo", "  name: Lee"])


# Where a missing key goes ---------------------------------------------------------------


def test_a_missing_key_goes_below_a_comment_kept_apart_by_a_blank_line() -> None:
    """A comment with a blank line under it is the file's, not the first key's."""
    text = "# Accounts of ACME\n\nowner: Dana\n"
    assert set_value(text, ("name",), "Acme") == "# Accounts of ACME\n\nname: Acme\nowner: Dana\n"


def test_a_missing_first_key_goes_above_a_key_holding_a_block_value() -> None:
    text = COMMENTED.replace("  revenue_volume: 3               # what it pays\n", "")
    after = set_value(text, ("criteria", "revenue_volume"), 3)
    assert "\ncriteria:\n  revenue_volume: 3\n  revenue_potential:\n    score: 4\n" in after


def test_keys_the_model_does_not_know_sort_after_every_known_one() -> None:
    """An unknown key (which validation then reports) goes after all written keys, and a
    known key still finds its place past one that is unknown."""
    text = "name: Acme\nowner: Dana\nextra: 1\n"
    assert set_value(text, ("zzz",), 1) == text + "zzz: 1\n"
    assert set_value(text, ("industry",), "Retail") == (
        "name: Acme\nindustry: Retail\nowner: Dana\nextra: 1\n"
    )


def test_a_key_under_a_mapping_the_model_does_not_know_goes_after_its_keys() -> None:
    text = "name: Acme\nextra:\n  a: 1\n"
    assert set_value(text, ("extra", "b"), 2) == text + "  b: 2\n"


def test_a_missing_year_goes_after_a_word_written_among_the_years() -> None:
    text = "name: Acme\nrevenue:\n  2024: 100\n  total: 400\n"
    assert set_value(text, ("revenue", "2025"), 200) == text + "  2025: 200\n"


def test_a_missing_key_of_an_item_in_a_nested_list_follows_that_item_s_model() -> None:
    """An action's owner goes between its `what` and `done`, as Action orders them."""
    text = (
        "name: Acme\nobjectives:\n- id: grow\n  what: Grow\n  actions:\n"
        "  - what: Call\n    done: false\n"
    )
    after = set_value(text, ("objectives", 0, "actions", 0, "owner"), "Dana")
    assert after == text.replace("    done: false\n", "    owner: Dana\n    done: false\n")


# Text as YAML writes it -----------------------------------------------------------------


def test_two_lines_of_text_go_in_one_line_of_double_quotes_however_long() -> None:
    value = "Line one\n" + "word " * 20
    assert plain_or_quoted(value) == '"Line one\\n' + "word " * 20 + '"'


def test_text_ending_in_capitals_is_written_plain_as_it_is() -> None:
    assert plain_or_quoted("Austin, TX") == "Austin, TX"
    assert plain_or_quoted("TX", flow=True) == "TX"


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("Dana\u2028Reyes", '"Dana\\LReyes"'),
        ("Dana\u2029Reyes", '"Dana\\PReyes"'),
        ("Dana\x85Reyes", '"Dana\\NReyes"'),
        ("Dana\rReyes", '"Dana\\rReyes"'),
    ],
)
def test_text_holding_an_odd_line_break_is_escaped_in_double_quotes(
    value: str, written: str
) -> None:
    """Written raw, NEL, LS or PS would end the file's line there: the file's next edit is
    refused (lone line breaks) and NEL would read back as a space."""
    assert plain_or_quoted(value) == written
    assert plain_or_quoted(value, "'", flow=True) == written
    after = set_value(COMMENTED, ("owner",), value)
    assert changes(COMMENTED, after) == (["owner: 'Dana Reyes'"], [f"owner: {written}"])
    account, _ = load_account_bytes(after.encode(), "acme.yaml", PortfolioSettings())
    assert account is not None and account.owner == value
    assert changes(after, set_value(after, ("industry",), "Retail")) == ([], ["industry: Retail"])


def test_text_ending_in_a_no_break_space_is_written_plain_as_it_is() -> None:
    """YAML trims spaces and tabs only: a no-break space (pasted from a web page) reads
    back, so the text is not quoted."""
    assert plain_or_quoted("Acme\xa0") == "Acme\xa0"


def test_a_kept_block_text_with_a_tag_is_kept_as_without_one() -> None:
    """`!!str |+` keeps its blank line: replaced by a word, it goes with the text."""
    text = "name: Acme\nnotes: !!str |+\n  Line one.\n\nswot: {strengths: []}\n"
    after = set_value(text, ("notes",), "Short.")
    assert after == "name: Acme\nnotes: Short.\nswot: {strengths: []}\n"


def test_a_comment_written_against_its_value_keeps_its_column_and_gets_a_space() -> None:
    """libyaml reads `'Acme'# the customer` as a value and a comment: a longer value
    pushes the comment right, one space after it; a shorter one leaves it in place."""
    text = "name: 'Acme'# the customer\nowner: Dana\n"
    assert set_value(text, ("name",), "Acme Corp") == (
        "name: 'Acme Corp' # the customer\nowner: Dana\n"
    )
    longer = "name: 'Acme Corp'# the customer\nowner: Dana\n"
    assert set_value(longer, ("name",), "Acme") == "name: 'Acme'     # the customer\nowner: Dana\n"
    assert set_value("tags: [a]# labels\n", ("tags",), ["a", "b"]) == "tags: [a, b] # labels\n"


def test_a_reading_added_goes_in_date_order_as_a_year_does() -> None:
    text = "name: A\nhealth:\n  nps: {2026-03-31: 20, 2026-09-30: 32}\nrevenue:\n  2024: 1\n  2026: 3\n"
    earlier = set_value(text, ("health", "nps", "2026-01-31"), 10)
    assert "  nps: {2026-01-31: 10, 2026-03-31: 20, 2026-09-30: 32}\n" in earlier
    between = set_value(text, ("health", "nps", "2026-06-30"), 26)
    assert "  nps: {2026-03-31: 20, 2026-06-30: 26, 2026-09-30: 32}\n" in between
    year = set_value(text, ("revenue", "2025"), 2)
    assert year.endswith("revenue:\n  2024: 1\n  2025: 2\n  2026: 3\n")
