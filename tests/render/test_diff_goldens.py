"""One review that moves every part a diff can tell, pinned whole in each format.

The assertions of the other diff tests look for words; a word changed or a line left
out elsewhere in the output passed them. Here the whole text, Markdown and JSON are
compared (`--snapshot-update` after an intended change; read the diff of the .ambr).
"""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from rich.console import Console
from syrupy.assertion import SnapshotAssertion

from kamtui.core.account.account_file import load_account_bytes
from kamtui.core.account.model import Account, PortfolioSettings
from kamtui.core.review.changes import PortfolioDiff, Side
from kamtui.core.review.diff import diff_portfolios
from kamtui.render.diff_json import render_diff_json
from kamtui.render.diff_md import render_diff_md
from kamtui.render.diff_text import render_diff_text
from tests.conftest import TODAY
from tests.git_repo import ACME, HARBOR, TINY


def account(text: str) -> Account:
    found, problems = load_account_bytes(text.encode(), "test.yaml", PortfolioSettings())
    assert found is not None, problems
    return found


def edited(text: str, *replacements: tuple[str, str]) -> str:
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    return text


# Harbor: a criterion up, the EVP won over, an objective on track, another added and one
# gone, a need won, one lost, one added, a meeting logged with a next step, an action
# done; acme grows past harbor, so tiers and the vital few move; tiny leaves; a new
# account arrives; the weights change; a broken file is not compared.
NEW_HARBOR = edited(
    HARBOR,
    ("product_fit: 4            # BAA signed", "product_fit: 5"),
    ("attitude: neutral\n    relationship: weak", "attitude: supporter\n    relationship: good"),
    (
        "    status: at_risk\n",
        "    status: on_track\n    actions:\n      - {what: Book the workshop, done: true}\n",
    ),
    (
        "  - id: hipaa-audit\n    what: Pass the HIPAA audit\n    due: 2026-05-31\n    status: done\n",
        "  - id: nps\n    what: Lift clinician NPS\n    due: 2026-06-30\n    status: planned\n",
    ),
    ("    value: 400000\n    status: open", "    value: 400000\n    status: won"),
    ("    value: 150000\n    status: open", "    value: 150000\n    status: lost"),
)
# Harbor's needs are the last section of its file: a new need and the log go after it.
NEW_HARBOR += "  - {id: ehr, what: EHR hosting, value: 900000, status: open}\n" + (
    "activities:\n"
    "  - date: 2026-11-20\n    kind: meeting\n    with: [evp]\n    summary: Lunch with the EVP\n"
    "    next: Send the model\n    next_due: 2026-12-01\n"
)
NEW_ACME = edited(ACME, ("2026: 1000000", "2026: 9000000"))
NEWCO = "name: Newco\ncriteria: {revenue_volume: 1, revenue_potential: 1, lifetime_value: 1, product_fit: 1, strategic_value: 1}\n"


def review() -> PortfolioDiff:
    old = Side(
        {"acme": account(ACME), "harbor": account(HARBOR), "tiny": account(TINY)},
        PortfolioSettings(),
        frozenset({"broken"}),
    )
    new = Side(
        {"acme": account(NEW_ACME), "harbor": account(NEW_HARBOR), "newco": account(NEWCO)},
        PortfolioSettings.model_validate({"weights": {"product_fit": 2}}),
    )
    return diff_portfolios(old, new, TODAY)


def test_the_review_as_json(snapshot: SnapshotAssertion) -> None:
    assert render_diff_json(review(), "main", "working tree") == snapshot


# The people and the totals: the CEO leaves and a CFO who blocks arrives (a key player
# now to win), the voice need is dropped, Acme's MRR grows, two accounts arrive and one
# of them books 2027, which moves the analysis year.
PEOPLE_HARBOR = edited(
    HARBOR,
    (
        "  - id: ceo\n    name: Evelyn Carter\n    title: CEO\n    decision_power: medium\n"
        "    attitude: neutral\n    relationship: good\n    touchpoint: true\n",
        "  - id: cfo\n    name: Rita Gomez\n    title: CFO\n    decision_power: high\n"
        "    attitude: blocker\n    relationship: weak\n",
    ),
    ("    reports_to: ceo\n", "    reports_to: cfo\n"),
    ("  - id: voice\n    what: Voice transcription\n    value: 150000\n    status: open\n", ""),
)
GROWN_ACME = edited(ACME, ("mrr: {standard: 10000}", "mrr: {standard: 12500}"))
LATER = NEWCO.replace("Newco", "Later Ltd") + "revenue: {2027: 50000}\n"


def people_and_totals() -> PortfolioDiff:
    old = Side(
        {"acme": account(ACME), "harbor": account(HARBOR), "tiny": account(TINY)},
        PortfolioSettings(),
    )
    new = Side(
        {
            "acme": account(GROWN_ACME),
            "harbor": account(PEOPLE_HARBOR),
            "tiny": account(TINY),
            "newco": account(NEWCO),
            "later": account(LATER),
        },
        PortfolioSettings(),
    )
    return diff_portfolios(old, new, TODAY)


REVIEWS = pytest.mark.parametrize("made", [review, people_and_totals], ids=lambda f: f.__name__)


@REVIEWS
def test_the_review_in_the_terminal(
    made: Callable[[], PortfolioDiff], snapshot: SnapshotAssertion
) -> None:
    console = Console(width=120, file=io.StringIO(), record=True, color_system=None)
    console.print(render_diff_text(made(), "main", "working tree"))
    assert console.export_text() == snapshot


@REVIEWS
def test_the_review_in_markdown(
    made: Callable[[], PortfolioDiff], snapshot: SnapshotAssertion
) -> None:
    assert render_diff_md(made(), "main", "working tree") == snapshot
