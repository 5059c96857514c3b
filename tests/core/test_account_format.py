"""The canonical layout: its rules on a written example, and properties over many styles."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from kamtui.core.account.account_file import load_account_bytes
from kamtui.core.account.model import Account, PortfolioSettings
from kamtui.core.account.yaml_source import parse
from kamtui.core.editing.account_format import FormatError, format_text
from tests.core.styled_yaml import styled_accounts

MESSY = """\
# yaml-language-server: $schema=schema.json
criteria:   # the five
    strategic_value: 2
    revenue_volume: {score: 3, evidence: "Pays on time"}
    product_fit: 4
    revenue_potential: 4
    lifetime_value: 3
owner: "Dana Reyes"        # the KAM
name: 'Acme, Inc.'
tags:
- emea
- "retail"
mrr: {premium: 5,
      basic: 1}
revenue: {2026: 300, 2024: 100}

# The people, most senior first
stakeholders:
  - name: Alex Kim
    id: cfo
    influences:
       - cio     # the dotted line
  - {id: cio, name: "Sam: Park"}
notes: |
    Line one.
      indented
    Line three.

# the end
"""

CANONICAL = """\
# yaml-language-server: $schema=schema.json
name: Acme, Inc.
owner: Dana Reyes          # the KAM
tags: [emea, retail]
revenue: {2024: 100, 2026: 300}
mrr: {basic: 1, premium: 5}

criteria:   # the five
  revenue_volume:
    score: 3
    evidence: Pays on time
  revenue_potential: 4
  lifetime_value: 3
  product_fit: 4
  strategic_value: 2

# The people, most senior first
stakeholders:
  - id: cfo
    name: Alex Kim
    influences:
      - cio      # the dotted line
  - id: cio
    name: 'Sam: Park'

notes: |
  Line one.
    indented
  Line three.

# the end
"""


def model(text: str) -> Account:
    account, problems = load_account_bytes(text.encode(), "acme.yaml", PortfolioSettings())
    assert account is not None, problems
    return account


def test_the_layout_rules_on_a_messy_file() -> None:
    assert format_text(MESSY, Account) == CANONICAL
    assert model(CANONICAL) == model(MESSY)


def test_formatting_twice_is_formatting_once() -> None:
    assert format_text(CANONICAL, Account) == CANONICAL


def test_crlf_stays_crlf() -> None:
    assert format_text(MESSY.replace("\n", "\r\n"), Account) == CANONICAL.replace("\n", "\r\n")


def test_a_commented_out_example_stays_below_its_entry() -> None:
    """Comment lines right below a top-level entry, a blank line after them, are an example
    of that entry (as the template writes them), not a comment on the key after it."""
    text = (
        "name: Acme\n"
        "# our goals\n"
        "objectives: []\n"
        "#  - id: grow\n"
        "\n"
        "stakeholders: []\n"
        "#  - id: cfo\n"
        "#    name: Alex Kim\n"
        "\n"
        "# the pipeline\n"
        "needs: []\n"
    )
    # Only the blank line before the first commented key is the layout's own.
    laid_out = text.replace("name: Acme\n", "name: Acme\n\n")
    assert format_text(text, Account) == laid_out
    assert format_text(laid_out, Account) == laid_out


def test_a_comment_between_two_entries_goes_with_the_one_below() -> None:
    """Touching both entries (no blank line), or only the one below, it is that one's."""
    text = (
        "owner: Dana\n# who pays\nname: Acme\nindustry: Retail\n\n# since when\nsince: 2026-01-01\n"
    )
    assert format_text(text, Account) == (
        "# who pays\nname: Acme\nindustry: Retail\nowner: Dana\n\n# since when\nsince: 2026-01-01\n"
    )


@pytest.mark.parametrize(
    ("text", "laid_out"),
    [
        # Two lines right below, then a blank line: both stay below.
        ("name: Acme\n# c1\n# c2\n\nowner: x\n", "name: Acme\n# c1\n# c2\n\nowner: x\n"),
        # Right below and touching the next key: the next key's.
        ("name: Acme\n# c1\n# c2\nowner: x\n", "name: Acme\n\n# c1\n# c2\nowner: x\n"),
        # Right below the last entry, at the end of the file: below it.
        ("name: Acme\n# c1", "name: Acme\n# c1\n"),
        # Inside a section: with the entry below, no blank line.
        ("health:\n  nps: 3\n  # c1\n\n  csat: 4\n", "health:\n  nps: 3\n  # c1\n  csat: 4\n"),
        # Gathered above a key written first, across another entry: no blank line between.
        ("# c1\nowner: Dana\n# c2\nname: Acme\n", "# c1\n# c2\nname: Acme\nowner: Dana\n"),
    ],
)
def test_where_comment_lines_go(text: str, laid_out: str) -> None:
    assert format_text(text, Account) == laid_out
    assert format_text(laid_out, Account) == laid_out


COMMENT_AT_30 = "name: Acme" + " " * 20 + "# "


@pytest.mark.parametrize(
    ("text", "laid_out"),
    [
        # Folded text stays folded, and a comment right below it goes with the key after.
        (
            "name: >\n  Acme\n  Corp\n# c\n\nowner: x\n",
            "name: >\n  Acme\n  Corp\n\n# c\nowner: x\n",
        ),
        # Single words written as block text are single words: one line, as a second
        # formatting would make it.
        (
            "name: Acme\ntags:\n  - |-\n    emea\n  - >-\n    retail\n",
            "name: Acme\ntags: [emea, retail]\n",
        ),
        # An empty key is written quoted.
        ("name: Acme\n'': x\n", "name: Acme\n'': x\n"),
        # A section ending in block text, a comment right below it, a blank line: below it.
        (
            "name: Acme\nobjectives:\n  - id: grow\n    what: |\n      Grow it\n# c\n\nstakeholders: []\n",
            "name: Acme\n\nobjectives:\n  - id: grow\n    what: |\n      Grow it\n# c\n\nstakeholders: []\n",
        ),
        # Text that keeps its trailing blank lines (`|+`): no blank line added after it.
        ("name: Acme\nnotes: |+\n  text\n\n# end\n", "name: Acme\n\nnotes: |+\n  text\n\n# end\n"),
        # Empty block text.
        ("name: Acme\nnotes: |\nowner: x\n", "name: Acme\nowner: x\nnotes: |\n"),
        # A comment of an item's first key (after ordering) goes above its dash.
        (
            "stakeholders:\n  - name: Alex\n    # the id\n    id: cfo\n",
            "stakeholders:\n  # the id\n  - id: cfo\n    name: Alex\n",
        ),
        # An end-of-line comment keeps its column while it ends within 100 columns.
        (COMMENT_AT_30 + "x" * 68 + "\n", COMMENT_AT_30 + "x" * 68 + "\n"),
        (COMMENT_AT_30 + "x" * 69 + "\n", "name: Acme  # " + "x" * 69 + "\n"),
    ],
)
def test_layout_edges(text: str, laid_out: str) -> None:
    assert format_text(text, Account) == laid_out
    assert format_text(laid_out, Account) == laid_out


def test_a_blank_line_between_two_runs_of_comments_is_kept() -> None:
    text = "name: Acme\n\n# first thought\n\n\n# second thought\n# goes on\ntags: [a]\n"
    once = format_text(text, Account)
    assert once == "name: Acme\n\n# first thought\n\n# second thought\n# goes on\ntags: [a]\n"
    assert format_text(once, Account) == once


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("name: &n Acme\nowner: *n\n", "an anchor"),
        ("name: !!str Acme\n", "a tag"),
        ("%YAML 1.1\n---\nname: Acme\n", "a directive"),
    ],
)
def test_what_the_layout_would_lose_is_refused(text: str, what: str) -> None:
    with pytest.raises(FormatError, match=f"uses {what}"):
        format_text(text, Account)


def test_a_lone_cr_is_refused_where_it_stands() -> None:
    # libyaml breaks the line at the CR; most editors show one line: rewriting would pick one.
    with pytest.raises(FormatError, match="lone CR") as refused:
        format_text("name: Acme\rtags: ['#x']\n", Account)
    assert (refused.value.line, refused.value.column) == (1, 11)


@given(styled_accounts())
@settings(
    max_examples=150,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
def test_any_style_formats_to_the_same_account_keeping_every_comment(
    case: tuple[dict[str, Any], str],
) -> None:
    _, text = case
    once = format_text(text, Account)
    assert model(once) == model(text)
    assert format_text(once, Account) == once
    assert sorted(re.findall(r"# c\d+\b", once)) == sorted(re.findall(r"# c\d+\b", text))


EDGES = """\
name: Acme
owner:
# who answers the phone
industry: Retail
tags:
- a, b
- c # the column is too close once indented
health:
  engagement: high
revenue_potential: # on the key
  1000 # on the value
harmony: {strategic_fit: 4,
  culture: 3, vision: 3, strategy: 2}  # after the closing brace
extra:
- [1, # first line
   2]  # last line
- [3, 4]
notes:    # before the bar
  |+  # after the bar
    kept

    blank inside

swot: {}
"""

EDGES_LAID_OUT = """\
name: Acme

# who answers the phone
industry: Retail
owner:

tags:
  - a, b
  - c  # the column is too close once indented

revenue_potential: 1000  # on the key # on the value

harmony:
  strategic_fit: 4
  culture: 3                           # after the closing brace
  vision: 3
  strategy: 2

health:
  engagement: high

swot: {}

notes: |+  # before the bar # after the bar
  kept

  blank inside

extra:
  - [1, 2]  # first line # last line
  - [3, 4]
"""


def test_the_layout_at_its_edges() -> None:
    """An empty value, a comment line after a one-line key, a comment pushed right by
    the indent, two sections of two lines, comments on a key's and its value's lines
    (and on the first and last lines of a list item), text kept with its blank lines
    (`|+`): no blank line is added after it, where it would be more of the text."""
    assert format_text(EDGES, Account) == EDGES_LAID_OUT
    assert format_text(EDGES_LAID_OUT, Account) == EDGES_LAID_OUT


@pytest.mark.parametrize("blank_lines", [0, 1])
def test_text_that_keeps_its_blank_lines_means_the_same_after_the_layout(
    blank_lines: int,
) -> None:
    text = "name: Acme\nowner: |+\n  Dana\n" + "\n" * blank_lines
    text += "tags: [a, b c]\ncriteria: {revenue_volume: 3}\n# the end\n"
    laid_out = format_text(text, Account)
    assert owner_of(laid_out) == owner_of(text) == "Dana\n" + "\n" * blank_lines


def owner_of(text: str) -> Any:
    document = parse(text)
    assert document is not None
    return document.data["owner"]


@pytest.mark.parametrize(("extra", "one_line"), [(0, True), (1, False)])
def test_a_list_goes_on_one_line_up_to_100_columns(extra: int, one_line: bool) -> None:
    tags = ["t" * 9] * 8 + ["u" * (100 - len("tags: [") - 8 * 11 - 1 + extra)]
    laid_out = format_text(f"name: Acme\ntags: [{', '.join(tags)}]\n", Account)
    assert (f"tags: [{', '.join(tags)}]" in laid_out.splitlines()) is one_line
    assert max(len(line) for line in laid_out.splitlines()) <= 100


def test_a_file_that_is_no_mapping_is_refused_at_its_start() -> None:
    with pytest.raises(FormatError) as refused:
        format_text("- a\n", Account)
    assert (refused.value.message, refused.value.line, refused.value.column) == (
        "the file is not a mapping of 'key: value' lines",
        1,
        1,
    )


def test_text_that_would_read_as_a_number_keeps_its_quotes() -> None:
    text = 'name: "1e3"\nindustry: \'0E0\'\ntags: ["2E5", x]\n'
    assert format_text(text, Account) == "name: '1e3'\nindustry: '0E0'\ntags: ['2E5', x]\n"


@pytest.mark.parametrize(
    ("text", "laid_out"),
    [
        # A flow mapping inside a flow list inside a list, text quoted for the flow.
        ("name: Acme\nextra:\n- [1, {a: 2, b: [x, 'y, z']}]\n",
         "name: Acme\n\nextra:\n  - [1, {a: 2, b: [x, 'y, z']}]\n"),
        ("name: Acme\nextra: {'': 1}\n", "name: Acme\nextra: {'': 1}\n"),
        # Floats count as numbers for a mapping on one line.
        ("name: Acme\nmrr:\n  basic: 1.5\n  premium: 2\n", "name: Acme\nmrr: {basic: 1.5, premium: 2}\n"),
        # Block text in a list is no single word: the list takes lines of its own.
        ("name: Acme\ntags: [two]\nnotes: x\nextra:\n- >\n  one\n- two\n",
         "name: Acme\ntags: [two]\nnotes: x\n\nextra:\n  - \"one\\n\"\n  - two\n"),
    ],
)  # fmt: skip
def test_flow_values_keep_their_shape(text: str, laid_out: str) -> None:
    assert format_text(text, Account) == laid_out


@pytest.mark.parametrize(
    ("text", "message", "line", "column"),
    [
        ("name: &n Acme\nowner: x\n", "the file uses an anchor, which the layout would lose; "
         "left as written", 1, 7),
        ("name: x\nowner: !!str Dana\n", "the file uses a tag, which the layout would lose; "
         "left as written", 2, 8),
        ("%YAML 1.1\n---\nname: Acme\n", "the file uses a directive, which the layout would "
         "lose; left as written", 1, 1),
        ("name: [unclosed\n", "while parsing a flow sequence: did not find expected ',' or ']'",
         1, 16),
    ],
)  # fmt: skip
def test_a_file_the_layout_cannot_take_is_refused_in_words_at_its_place(
    text: str, message: str, line: int, column: int
) -> None:
    with pytest.raises(FormatError) as refused:
        format_text(text, Account)
    assert (refused.value.message, refused.value.line, refused.value.column) == (
        message,
        line,
        column,
    )


def test_an_end_of_line_comment_keeps_its_column_only_while_it_ends_within_100_columns() -> None:
    """A long flow line turned into a short block key left its comment at column 150."""
    far = (
        "mrr:" + " " * 146 + "# fleets moving to premium\n  basic: 0\n  premium: {2026-03-31: 5}\n"
    )
    near = "owner: Dana" + " " * 19 + "# the column is kept\n"
    criteria = "criteria: {revenue_volume: 1, revenue_potential: 1, lifetime_value: 1, product_fit: 1, strategic_value: 1}\n"
    text = "name: A\n" + near + criteria + far
    formatted = format_text(text, Account)
    lines = formatted.splitlines()
    assert "owner: Dana                   # the column is kept" in lines
    assert "mrr:  # fleets moving to premium" in lines
    assert format_text(formatted, Account) == formatted


def test_a_dict_of_parts_is_ordered_by_its_keys_and_each_part_by_the_format() -> None:
    """`economics`: years ascending, each year's figures in the format's order."""
    text = (
        "name: Y\neconomics:\n  2027:\n    cost_to_serve: 2\n    gross_profit: 1\n"
        "  2025:\n    cost_to_serve: 5\n    gross_profit: 9\n"
    )
    assert format_text(text, Account) == (
        "name: Y\n\neconomics:\n"
        "  2025: {gross_profit: 9, cost_to_serve: 5}\n"
        "  2027: {gross_profit: 1, cost_to_serve: 2}\n"
    )
