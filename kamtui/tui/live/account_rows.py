"""One account file → the cells, sort keys and searchable fields of its row in the accounts table.

Pure (no widgets), so the table widget only places rows and tests can check
every cell without running the app.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from rich.text import Text

from kamtui.core.account.model import ProgrammeStatus
from kamtui.core.analysis.scoring import Quadrant
from kamtui.render.report_format import percent
from kamtui.render.safe_text import one_line
from kamtui.tui.drawing.account_flags import Flag, account_flags
from kamtui.tui.drawing.format import MISSING, arrow_percent, compact, number
from kamtui.tui.live.portfolio_model import AccountFile


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    label: str
    # Fixed width in cells; None: the column takes the width left over.
    width: int | None
    numeric: bool = False
    # Sorting this column puts the largest first, as a KAM reads scores and revenue.
    descending: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("name", "Account", None),
    Column("owner", "Owner", 14),
    Column("tier", "Tier", 6),
    Column("status", "Status", 9),
    Column("score", "Score", 7, numeric=True, descending=True),
    Column("quadrant", "Quadrant", 13),
    Column("revenue", "Revenue", 9, numeric=True, descending=True),
    Column("growth", "Growth", 8, numeric=True, descending=True),
    Column("mrr", "MRR", 6, numeric=True, descending=True),
    Column("health", "Health", 8, numeric=True, descending=True),
    Column("priority", "Priority", 10, numeric=True, descending=True),
    Column("nrr", "NRR", 7, numeric=True, descending=True),
    Column("flags", "Flags", 30),
)
# Widths leave room for the header's sort arrow ("Score ▼").
COLUMN_KEYS = tuple(column.key for column in COLUMNS)
# Fields a filter term can name (`tier:a`); a bare term searches all of them.
FILTER_FIELDS = ("name", "owner", "industry", "tier", "status", "quadrant", "flags", "tags")
QUADRANT_ORDER = (Quadrant.strategic, Quadrant.develop, Quadrant.opportunistic, Quadrant.maintain)
# Dropped, in this order, when the table is too narrow for every column.
OPTIONAL_COLUMNS = ("status", "quadrant", "owner")
# The programme's statuses in the order the column sorts them, with what the cell says
# (`under_review` in 9 cells) and the words a filter finds (`status:review`).
STATUS_CELLS: dict[ProgrammeStatus, tuple[str, str]] = {
    ProgrammeStatus.key: ("key", "key"),
    ProgrammeStatus.under_review: ("in review", "under_review under review in review"),
    ProgrammeStatus.candidate: ("candidate", "candidate"),
    ProgrammeStatus.former: ("former", "former"),
}
STATUS_ORDER = tuple(STATUS_CELLS)
# Shown only when every other column has its widest useful width, one by one in this
# order as the terminal widens: a long name in full matters more than a figure the
# detail and the dashboard show too.
SPARE_COLUMNS = ("health", "priority", "nrr")
# (narrowest, comfortable, widest useful) widths: the name gets comfortable before
# the flags grow, the flags get comfortable before the name grows further.
NAME_WIDTHS = (14, 24, 36)
FLAGS_WIDTHS = (12, 30)


def column_layout(width: int, padding: int = 1) -> tuple[tuple[Column, int], ...]:
    """The columns that fit in `width` cells and the width of each.

    Fixed-width columns keep their width and the least needed go first when space
    is short (the spare ones first of all); the account name and the flags share what
    is left, the flags taking any surplus.
    """

    def spare_with(columns: list[Column]) -> int:
        fixed = [column for column in columns if column.key not in {"name", "flags"}]
        return width - sum((column.width or 0) + 2 * padding for column in fixed) - 4 * padding

    columns = list(COLUMNS)
    # The spare columns go one by one, the last first, until the others are comfortable.
    for dropped in reversed(SPARE_COLUMNS):
        if spare_with(columns) >= NAME_WIDTHS[2] + FLAGS_WIDTHS[1]:
            break
        columns = [column for column in columns if column.key != dropped]
    for optional in (None, *OPTIONAL_COLUMNS):
        columns = [column for column in columns if column.key != optional]
        spare = spare_with(columns)
        if spare >= NAME_WIDTHS[0] + FLAGS_WIDTHS[0]:
            break
    name = max(NAME_WIDTHS[0], min(NAME_WIDTHS[1], spare - FLAGS_WIDTHS[0]))
    flags = max(FLAGS_WIDTHS[0], min(FLAGS_WIDTHS[1], spare - name))
    name = max(name, min(NAME_WIDTHS[2], spare - flags))
    widths = {"name": name, "flags": max(flags, spare - name)}
    return tuple((column, widths.get(column.key, column.width or 0)) for column in columns)


class Cell(Text):
    """A table cell that knows its row and how it sorts (the table sorts on cells only)."""

    def __init__(self, text: Text, row_key: str, sort_key: Any) -> None:
        super().__init__(
            text.plain,
            style=text.style,
            justify=text.justify,
            no_wrap=True,
            overflow="ellipsis",
            end="",
            spans=list(text.spans),
        )
        self.row_key = row_key
        self.sort_key = sort_key


@dataclass(frozen=True, slots=True)
class TableRow:
    key: str
    cells: dict[str, Cell]
    fields: dict[str, str]

    def matches(self, terms: Iterable[Term]) -> bool:
        """Every term found, case-insensitively, in its field (or in any field)."""
        for term in terms:
            haystacks = [self.fields[term.field]] if term.field else self.fields.values()
            if not any(term.finds(haystack) for haystack in haystacks):
                return False
        return True


class Term(NamedTuple):
    """One word (or quoted phrase) of a filter, casefolded: found in `field`, or in
    any field when None; `exact`, the field is the phrase and nothing else."""

    field: str | None
    needle: str
    exact: bool = False

    def finds(self, haystack: str) -> bool:
        return haystack == self.needle if self.exact else self.needle in haystack


_SPACES = re.compile(" {2,}")
# A word, or `"a phrase"` (the closing quote may still be to come), after an optional `field:`.
_FILTER_WORD = re.compile(r'(?:(?P<field>[^\s:"]+):)?"(?P<phrase>[^"]*)(?P<closed>"?)|\S+')


def parse_filter(query: str) -> list[Term]:
    """ "tier:a dana" → [Term("tier", "a"), Term(None, "dana")].

    Quotes keep a phrase together (`"acme corp"`); after a field they also ask for the
    whole field (`owner:"dana reyes"`, and `owner:""` for none), once closed. A field
    kamtui does not know is part of the word, which is searched for everywhere.
    """
    terms: list[Term] = []
    for match in _FILTER_WORD.finditer(query.casefold()):
        field, phrase = match["field"], match["phrase"]
        if phrase is None:
            field, colon, needle = match[0].partition(":")
            if colon and field in FILTER_FIELDS:
                if needle:
                    terms.append(Term(field, needle))
            else:
                terms.append(Term(None, match[0]))
        elif field is None or field in FILTER_FIELDS:
            exact = field is not None and bool(match["closed"])
            # As in the fields: runs of spaces folded, and a whole field has no outer ones.
            phrase = " ".join(phrase.split()) if exact else _SPACES.sub(" ", phrase)
            if phrase or exact:
                terms.append(Term(field, phrase, exact))
        else:
            terms.append(Term(None, match[0]))
    return terms


def table_row(file: AccountFile) -> TableRow:
    flags = account_flags(file)
    values = _values(file, flags)
    cells = {key: Cell(text, file.key, sort_key) for key, (text, sort_key) in values.items()}
    account = file.account
    fields = {
        "name": file.name,
        "owner": account.owner or "" if account else "",
        "industry": account.industry or "" if account else "",
        "tier": file.row.tier.value if file.row and file.row.tier else "",
        "status": STATUS_CELLS[account.status][1] if account else "",
        "quadrant": values["quadrant"][0].plain,
        "flags": " ".join(flag.words for flag in flags),
        "tags": " ".join(account.tags) if account else "",
    }
    return TableRow(file.key, cells, {k: one_line(v).casefold() for k, v in fields.items()})


def _values(file: AccountFile, flags: list[Flag]) -> dict[str, tuple[Text, Any]]:
    """Each column's text and sort key; a sort key of None sorts last either way."""
    name = Text(one_line(file.name))
    if file.invalid:
        name = Text.assemble(("✗ ", "bold red"), (one_line(file.path.name), "red"))
    elif file.stale:
        name = Text.assemble(("⟳ ", "bold yellow"), name)
    flag_text = Text(" · ").join(Text(flag.label, style=flag.style) for flag in flags)
    row = file.row
    account = file.account
    if row is None or account is None:
        blank = (Text(MISSING, style="dim"), None)
        return {
            "name": (name, file.name.casefold()),
            **dict.fromkeys(("owner", "tier", "status", "score", "quadrant"), blank),
            **dict.fromkeys(("revenue", "growth", "mrr", "health", "priority", "nrr"), blank),
            "flags": (flag_text, len(flags)),
        }
    figures = row.figures
    owner = one_line(account.owner or "")
    quadrant = figures.quadrant.value if figures.quadrant is not None else ""
    return {
        "name": (name, one_line(file.name).casefold()),
        "owner": (Text(owner or MISSING), owner.casefold() or None),
        "tier": (
            Text(row.tier.value if row.tier else MISSING),
            row.tier.value if row.tier else None,
        ),
        # Only the accounts outside plain `key` stand out: most rows are key accounts.
        "status": (
            Text(
                STATUS_CELLS[figures.status][0],
                "dim" if figures.status is ProgrammeStatus.key else "bold",
            ),
            STATUS_ORDER.index(figures.status),
        ),
        "score": (_right(number(figures.score)), figures.score),
        # Quadrants sort in the scoring matrix's order of priority, strategic first.
        "quadrant": (
            Text(quadrant or MISSING),
            QUADRANT_ORDER.index(figures.quadrant) if figures.quadrant else None,
        ),
        "revenue": (_right(compact(row.revenue)), row.revenue),
        "growth": (_right(arrow_percent(row.revenue_growth)), row.revenue_growth),
        "mrr": (_right(compact(figures.mrr) if figures.mrr else MISSING), figures.mrr or None),
        "health": (_right(number(figures.health_score)), figures.health_score),
        "priority": (_right(number(figures.priority)), figures.priority),
        # Net revenue retention of the analysis year (`retention.py`).
        "nrr": (_right(percent(row.net_retention)), row.net_retention),
        "flags": (flag_text, len(flags) or None),
    }


def _right(value: str) -> Text:
    return Text(value, justify="right")
