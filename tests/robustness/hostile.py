"""Hostile text in every text field of the file format, and the checks that rendered
output shows that text literally and safely.

The fields are not listed by hand: `text_fields` walks the pydantic models (`Account`
and everything nested in it, `PortfolioSettings`) and finds every field that holds
free text, so a field added to the format is tried the day it is added. Each one gets
its own payload, told apart by a label made from its path (`STAKEHOLDERS.1.TITLE`):

- Rich / Textual markup: a style, a stray closing tag, a link, a click action;
- ANSI escapes: a colour, an OSC 8 hyperlink, an OSC 52 clipboard write, clear-screen;
- control characters: bell, backspace, carriage return;
- what GitHub Markdown turns into a notification or a link: `@org/team`, `@user`, a
  bare `https://` URL, a `www.` address, an issue reference, an e-mail address.

YAML's double-quoted escapes (`\\e`, `\\a`) put the raw characters into the loaded
strings; PyYAML writes them so.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from kamtui.core.account.model import Account, PortfolioSettings
from tests.account_yaml import as_yaml
from tests.conftest import MINIMAL
from tests.git_repo import GitRepo, git_env

FieldPath = tuple[str | int, ...]

# The markup part of a field: what must be shown literally, with the field's own label.
MARKUP = "[bold red]{label}[/] [/] [link=https://evil.example]click[/link] [@click=app.quit]q[/]"
# What GitHub would turn into a notification, a cross-reference or a link.
MENTIONS = "@org/team @user https://x.example www.x.example #12 a@b.example"
# What must never reach a terminal.
ESCAPES = (
    "\x1b[31m \x1b]8;;http://evil.example\x1b\\L\x1b]8;;\x1b\\ "
    "\x1b]52;c;cHduZWQ=\x07 \x1b[2J \u202eRTL\u202c \x07\x08"
)
# Fields that must stay on one line (an activity's summary) get the payload without it.
LINE_BREAK = "\r end"

# A valid account with one item in each list (two stakeholders, so that one reports to
# nobody and the other, an adviser, influences them). The text fields are filled in by
# `hostile_account_data`; a key set to None here stays unset on purpose.
BASE_ACCOUNT: dict[str, Any] = {
    "stage": "cooperative",
    "revenue": {2025: 100000, 2026: 150000},
    "revenue_potential": 400000,
    "mrr": {"basic": 0, "standard": 1000, "premium": 0},
    "criteria": {
        "revenue_volume": {"score": 4},
        "revenue_potential": {"score": 4},
        "lifetime_value": {"score": 3},
        "product_fit": {"score": 4},
        "strategic_value": {"score": 5},
    },
    "harmony": {"strategic_fit": 4, "culture": 3, "vision": 5, "strategy": 4},
    "health": {
        "churn_risk": "high",
        "engagement": "low",
        "at_risk_since": dt.date(2026, 6, 1),
        "onboarding": "in_progress",
        "csat": 2.5,
        "nps": -20,
    },
    "status": "under_review",
    "team": [{"role": "service"}],
    "economics": {2026: {"gross_profit": 60000, "cost_to_serve": 20000}},
    "customer_goals": [{"id": "goal"}],
    "objectives": [
        {
            "id": "win",
            "serves": ["goal"],
            "status": "at_risk",
            "due": dt.date(2026, 1, 31),
            "actions": [{"due": dt.date(2026, 2, 1)}],
        }
    ],
    "stakeholders": [
        {"id": "boss", "decision_power": "high", "attitude": "neutral", "organization": None},
        {"id": "adviser", "attitude": "champion", "influences": ["boss"]},
    ],
    "needs": [{"id": "upsell", "kind": "upsell", "value": 50000}],
    "divisions": [{"id": "north"}],
    "activities": [{"date": dt.date(2026, 11, 2), "kind": "meeting", "with": ["boss"]}],
}


def label(path: FieldPath) -> str:
    """`("stakeholders", 1, "title")` → `STAKEHOLDERS.1.TITLE`."""
    return ".".join(str(part) for part in path).upper()


def shown(field_label: str) -> str:
    """The literal markup of a field as every output must show it."""
    return MARKUP.format(label=field_label)


def literal(field_label: str) -> str:
    """The first, unmistakable piece of the field's markup: `[bold red]LABEL[/]`."""
    return f"[bold red]{field_label}[/]"


def payload(field_label: str, *, one_line: bool = False) -> str:
    text = f"{shown(field_label)} {MENTIONS} {ESCAPES}"
    return text + (" end" if one_line else LINE_BREAK)


def text_fields(model: type[BaseModel]) -> Iterator[tuple[str, str]]:
    """(file key, kind) of each field of `model` that holds free text or a model:
    kind is "text", "texts" (a list of text), "model" or "models" (a list of models).
    Ids are left out: their pattern admits no markup or escape."""
    for name, field in model.model_fields.items():
        key = field.alias or name
        kind = _kind(field.annotation, field.metadata)
        if kind is not None:
            yield key, kind


def _kind(annotation: Any, metadata: list[Any]) -> str | None:
    annotation, metadata = _unwrapped(annotation, metadata)
    if annotation is str:
        return None if any(getattr(m, "pattern", None) for m in metadata) else "text"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "model"
    if typing.get_origin(annotation) is list:
        item = _kind(typing.get_args(annotation)[0], [])
        return None if item is None else item + "s"
    return None


def _unwrapped(annotation: Any, metadata: list[Any]) -> tuple[Any, list[Any]]:
    """`X | None` → X, `Annotated[X, ...]` → X with the metadata."""
    while True:
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if origin in {typing.Union, types.UnionType}:
            annotation = next(arg for arg in args if arg is not type(None))
        elif origin is typing.Annotated:
            metadata = [*metadata, *annotation.__metadata__]
            annotation = args[0]
            for meta in metadata:
                metadata.extend(getattr(meta, "metadata", []))
        else:
            return annotation, metadata


def _model_of(model: type[BaseModel], key: str) -> type[BaseModel]:
    field = next(f for n, f in model.model_fields.items() if (f.alias or n) == key)
    annotation, _ = _unwrapped(field.annotation, [])
    if typing.get_origin(annotation) is list:
        annotation, _ = _unwrapped(typing.get_args(annotation)[0], [])
    assert isinstance(annotation, type) and issubclass(annotation, BaseModel)
    return annotation


def _filled(model: type[BaseModel], base: dict[str, Any], path: FieldPath) -> dict[str, Any]:
    data = dict(base)
    for key, kind in text_fields(model):
        if key in base and base[key] is None:
            del data[key]
        elif kind == "text":
            data[key] = payload(label((*path, key)))
        elif kind == "texts":
            data[key] = [payload(label((*path, key, 0)))]
        elif kind == "model":
            data[key] = _filled(_model_of(model, key), base.get(key) or {}, (*path, key))
        else:
            items = base.get(key) or [{}]
            data[key] = [
                _filled(_model_of(model, key), item, (*path, key, index))
                for index, item in enumerate(items)
            ]
    return data


def hostile_data(model: type[BaseModel], base: dict[str, Any]) -> dict[str, Any]:
    """`base` with every text field of `model` holding its payload; fields that must
    be one line get it without the carriage return. Validates, or fails saying why."""
    data = _filled(model, base, ())
    try:
        model.model_validate(data)
    except ValidationError as error:
        for detail in error.errors():
            *parents, last = detail["loc"]
            owner: Any = data
            for part in parents:
                owner = owner[part]
            owner[last] = payload(label(tuple(detail["loc"])), one_line=True)
    model.model_validate(data)
    return data


def paths(data: Any, path: FieldPath = ()) -> Iterator[FieldPath]:
    """The path of every string in `data` that holds a payload."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from paths(value, (*path, index))
    elif isinstance(data, str) and data.startswith("[bold red]"):
        yield path


ACCOUNT_DATA = hostile_data(Account, BASE_ACCOUNT)
# A KPI's id and bands and a factor's and an offering's id are no text: given, so that their names, the
# KPI's unit and the axes' labels get the payload.
SETTINGS_DATA = hostile_data(
    PortfolioSettings,
    {
        "kpis": [{"id": "nps", "bands": {"red": 0, "amber": 30}}],
        "matrix": {"factors": [{"id": "market_growth"}]},
        "offerings": [{"id": "cloud"}],
    },
)
# Every text field, by label: what `show` and the diff must each show literally.
ACCOUNT_LABELS = tuple(label(path) for path in paths(ACCOUNT_DATA))
SETTINGS_LABELS = tuple(label(path) for path in paths(SETTINGS_DATA))
# A file name is user text too; `/` cannot be in it, so no closing tag.
FILE_STEM = "[bold red]FILE [@click=app.quit]q @user www.x.example"


def hostile_account() -> str:
    """The YAML text of a valid account with hostile text in every text field."""
    return as_yaml(ACCOUNT_DATA)


def hostile_settings() -> str:
    """The YAML text of a valid `kam.yaml` with hostile text in every text field."""
    return as_yaml(SETTINGS_DATA)


# What git keeps of the payload in a subject and an author: a subject is one line, and
# an author's name loses `<`, `>` and line breaks.
SUBJECT = f"{shown('SUBJECT')} {MENTIONS} {ESCAPES}"
AUTHOR = f"{shown('AUTHOR')} {ESCAPES}"


def hostile_repo(root: Path, folder: str, file_name: str) -> GitRepo:
    """A git repository whose account `folder` holds the hostile account (as
    `file_name`), a plain one and the hostile `kam.yaml`, committed; then a commit with
    a hostile subject and author that changes both accounts' scores."""
    repo = GitRepo(root, folder)
    repo.write(file_name, hostile_account())
    repo.write("plain.yaml", MINIMAL)
    repo.write("kam.yaml", hostile_settings())
    repo.commit("Start")
    repo.edit(file_name, "score: 4", "score: 2")
    repo.edit("plain.yaml", "revenue_volume: 3", "revenue_volume: 5")
    people = {
        f"GIT_{role}_{part}": value
        for role in ("AUTHOR", "COMMITTER")
        for part, value in (
            ("NAME", AUTHOR),
            ("EMAIL", "a@b.example"),
            ("DATE", "2026-02-01T12:00:00+00:00"),
        )
    }
    subprocess.run(
        ["git", "commit", "-q", "-a", "-m", SUBJECT],
        cwd=repo.root,
        env={**git_env(), **people},
        check=True,
    )
    return repo


# What a colour terminal legitimately receives from Rich: SGR colour and style codes.
_RICH_SGR = re.compile(r"\x1b\[[0-9;]*m")
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x9b\u202a-\u202e\u2066-\u2069]")


def unsafe_characters(output: str, *, coloured: bool = False) -> list[str]:
    """Control characters in `output` other than newline and tab; with `coloured`, the
    SGR codes Rich writes itself are allowed (and only those: no OSC 8 link, no clear)."""
    if coloured:
        output = _RICH_SGR.sub("", output)
    return sorted({repr(c) for c in _UNSAFE.findall(output)})


# Outside code spans, GitHub Markdown notifies on `@name`, links `#12`, bare URLs,
# `www.` addresses and e-mail addresses.
_FENCED = re.compile(r"^```.*?^```", re.M | re.S)
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_LIVE_IN_MARKDOWN = re.compile(r"@[A-Za-z0-9]|(?<!&)#[0-9]|\b[a-z][a-z0-9+.-]*://|\bwww\.", re.I)


def live_in_markdown(markdown: str) -> list[str]:
    """What GitHub would make a mention, a reference or a link of, outside code."""
    prose = _CODE_SPAN.sub("``", _FENCED.sub("", markdown))
    return _LIVE_IN_MARKDOWN.findall(prose)
