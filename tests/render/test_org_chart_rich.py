"""The org chart in the terminal: readable without colour, coloured when there is colour,
and user text shown exactly as typed."""

from __future__ import annotations

from rich.console import Console

from kamtui.render.org_chart_rich import render_org_chart
from tests.core.stakeholder_builders import chart_of, hospital, map_of, person

HOSPITAL = """\
Map status 1 of 3: Name who holds the missing roles: buyer, champion, decision maker.

Harbor Health
├── Olivia Chen, CEO · medium power · = neutral · relationship none
│   └── Morgan Lee, EVP · high power · = neutral · relationship weak · ★ to win
│       ├── ┄ influenced by Larch Advisory (Jules Martin) · ++ champion
│       └── Sam Patel, IT Director · medium power · + supporter · relationship strong · ◆ touchpoint
│           └── Ada Novak, Architect · low power · ++ champion · relationship strong · ◆ touchpoint
├── ◌ missing: buyer
├── ◌ missing: champion
└── ◌ missing: decision maker

Outside the hierarchy
└── Larch Advisory
    └── Jules Martin, Partner · ++ champion · relationship good

To win
★ Larch Advisory (Jules Martin, champion) → Morgan Lee, EVP (neutral, high power)

Coverage: 0% of the high-power stakeholders have a strong or good relationship with us
Touchpoints: 2
"""


def plain(renderable: object, width: int = 120) -> str:
    console = Console(width=width, color_system=None, record=True, highlight=False)
    console.print(renderable)
    return "\n".join(line.rstrip() for line in console.export_text().splitlines()) + "\n"


def test_the_hospital_chart_reads_without_colour() -> None:
    assert plain(render_org_chart(chart_of(hospital()))) == HOSPITAL


def test_key_players_not_met_in_time_are_marked() -> None:
    text = plain(render_org_chart(chart_of(hospital(), stale=["evp"])))
    assert (
        "│   └── Morgan Lee, EVP · high power · = neutral · relationship weak · ★ to win"
        " · ⚠ not met in time\n"
    ) in text
    assert text.count("not met in time") == 1


def test_attitudes_are_coloured_champion_green_to_blocker_red() -> None:
    account = map_of(
        *(person(a, attitude=a) for a in ("champion", "supporter", "neutral", "skeptic", "blocker"))
    )
    console = Console(width=200, color_system="truecolor", highlight=False)
    segments = list(console.render(render_org_chart(chart_of(account))))
    colour = {s.text: s.style.color.name for s in segments if s.style and s.style.color}
    assert colour["++ champion"] == "green"
    assert colour["+ supporter"] == "green"
    assert colour["= neutral"] == "yellow"
    assert colour["- skeptic"] == "dark_orange"
    assert colour["-- blocker"] == "red"


def test_user_text_is_shown_literally_without_escapes_or_control_characters() -> None:
    account = map_of(
        person(
            "a",
            name="[bold]Ann[/bold] :smile: \x1b[31mred\x1b]8;;http://x\x07link\x1b]8;;\x07",
            title="line\nbreak\u202eevil",
        ),
        name="[red]Acme[/]",
    )
    console = Console(width=200, force_terminal=True, color_system="truecolor")
    with console.capture() as capture:
        console.print(render_org_chart(chart_of(account)))
    raw = capture.get()
    assert "[bold]Ann[/bold] :smile: redlink, line breakevil" in plain(
        render_org_chart(chart_of(account)), 200
    )
    assert "[red]Acme[/]" in raw
    assert "\x1b[31mred" not in raw and "\x1b]8" not in raw and "\u202e" not in raw


def test_warnings_and_single_threading_are_shown() -> None:
    account = map_of(
        person("cfo", name="Dana Cruz", title="CFO", decision_power="high", attitude="blocker"),
    )
    text = plain(render_org_chart(chart_of(account)))
    assert text.endswith(
        "To win\n"
        "★ Dana Cruz, CFO (blocker, high power): no ally reaches them yet\n"
        "\n"
        "Coverage: 0% of the high-power stakeholders have a strong or good relationship with us\n"
        "Touchpoints: 0 (single-threaded: one contact leaves and the account goes dark)\n"
        "⚠ Dana Cruz, CFO is a blocker with high decision power and no ally reaches them.\n"
        "⚠ No stakeholder is marked as a touchpoint: who is our contact?\n"
    )


def test_an_empty_map_says_so() -> None:
    assert plain(render_org_chart(chart_of(map_of()))) == (
        "Map status 0 of 3: Record the stakeholders, and who holds each required role.\n"
        "\n"
        "Acme\n"
        "├── No stakeholders recorded.\n"
        "├── ◌ missing: buyer\n"
        "├── ◌ missing: champion\n"
        "└── ◌ missing: decision maker\n"
        "\n"
        "Coverage: nobody with high decision power on record\n"
        "Touchpoints: 0 (single-threaded: one contact leaves and the account goes dark)\n"
        "⚠ Nobody with high decision power is recorded: who decides?\n"
        "⚠ No stakeholder is marked as a touchpoint: who is our contact?\n"
    )


def test_roles_notes_a_missing_role_and_a_path_through_a_blocker() -> None:
    account = map_of(
        person("ceo", name="Ines Roy", title="CEO", decision_power="high", role="decision_maker"),
        person(
            "cto",
            name="Sam Roe",
            title="CTO",
            reports_to="ceo",
            attitude="blocker",
            relationship="weak",
            notes="Backs the incumbent",
        ),
        person(
            "architect",
            name="Ada Novak",
            reports_to="cto",
            attitude="champion",
            relationship="strong",
            touchpoint=True,
            role="champion",
        ),
    )
    assert plain(render_org_chart(chart_of(account)), width=140) == (
        "Map status 1 of 3: Name who holds the missing roles: buyer.\n"
        "\n"
        "Acme\n"
        "├── Ines Roy, CEO · high power · = neutral · relationship none · decision maker · ★ to win · "
        "⚠ path through a skeptic or blocker\n"
        "│   └── Sam Roe, CTO · -- blocker · relationship weak\n"
        "│       ├── ✎ Backs the incumbent\n"
        "│       └── Ada Novak · ++ champion · relationship strong · champion · ◆ touchpoint\n"
        "└── ◌ missing: buyer\n"
        "\n"
        "To win\n"
        "★ Ada Novak (champion) → Sam Roe, CTO (blocker) → Ines Roy, CEO (neutral, high power)\n"
        "  ⚠ through a skeptic or blocker: Sam Roe, CTO (blocker)\n"
        "\n"
        "Coverage: 0% of the high-power stakeholders have a strong or good relationship with us\n"
        "Touchpoints: 1 (single-threaded: one contact leaves and the account goes dark)\n"
    )
