"""The Mermaid flowchart: structure, styling, and user text that must never break it."""

from __future__ import annotations

import re

import pytest

from kamtui.core.loading.loader import load_folder
from kamtui.render.mermaid import escape, render_mermaid
from tests.conftest import EXAMPLES
from tests.core.stakeholder_builders import chart_of, hospital, map_of, person
from tests.render.mermaid_check import mermaid_problems

HOSTILE = [
    'Ann "The Axe" O\'Neil',
    "Bob [CTO] (acting) {interim}",
    "<script>alert(1)</script> & <b>bold</b>",
    "**Dana** _under_ `code` # 1 #35; ;",
    "[bold red]Eve[/bold red] :smile:",
    "\x1b[31mFrank\x1b[0m\nsecond line\ttab\x07",
    "end",
    "%% not a comment --> x",
    "Gil |pipe| -.-> ===",
]


def hostile_map() -> object:
    return map_of(
        *(
            person(f"p{i}", name=name, title=name, organization=name if i % 3 == 0 else None)
            for i, name in enumerate(HOSTILE)
        ),
        person("end", name="End", reports_to="p1", influences=["p2", "p0"]),
        person("a.b", name="Dots", reports_to="end"),
        person("a-b", name="Dash", reports_to="end", influences=["a.b"]),
        person("a_b", name="Underscore", reports_to="a-b"),
    )


def test_the_hospital_chart() -> None:
    assert render_mermaid(chart_of(hospital())) == (
        "flowchart TD\n"
        '    sh_ceo["Olivia Chen<br/>CEO<br/>medium#160;power · =#160;neutral · relationship#160;none"]\n'
        '    sh_evp["Morgan Lee<br/>EVP<br/>high#160;power · =#160;neutral · relationship#160;weak · ★#160;to#160;win"]\n'
        '    sh_it_director["Sam Patel<br/>IT Director<br/>medium#160;power · +#160;supporter · relationship#160;strong · ◆#160;touchpoint"]\n'
        '    sh_it_architect["Ada Novak<br/>Architect<br/>low#160;power · ++#160;champion · relationship#160;strong · ◆#160;touchpoint"]\n'
        '    subgraph org_1["Larch Advisory"]\n'
        '        sh_consultant["Jules Martin<br/>Partner<br/>++#160;champion · relationship#160;good"]\n'
        "    end\n"
        '    missing_buyer["missing: buyer"]\n'
        '    missing_champion["missing: champion"]\n'
        '    missing_decision_maker["missing: decision maker"]\n'
        "    sh_ceo --> sh_evp\n"
        "    sh_evp --> sh_it_director\n"
        "    sh_it_director --> sh_it_architect\n"
        "    sh_consultant -. influences .-> sh_evp\n"
        "    linkStyle 3 stroke-width:4px\n"
        '    subgraph legend["Legend"]\n'
        '        legend_rel_strong["relationship strong"]\n'
        '        legend_rel_good["relationship good"]\n'
        '        legend_rel_weak["relationship weak"]\n'
        '        legend_rel_none["relationship none"]\n'
        '        legend_champion["++ champion"]\n'
        '        legend_supporter["+ supporter"]\n'
        '        legend_neutral["= neutral"]\n'
        '        legend_skeptic["- skeptic"]\n'
        '        legend_blocker["-- blocker"]\n'
        '        legend_missing["missing: a required role"]\n'
        '        legend_path["bold lines: the path of influence to each person to win"]\n'
        "    end\n"
        "    classDef legend fill:#ffffff,color:#000\n"
        "    classDef rel_strong fill:#81c784,color:#000\n"
        "    classDef rel_good fill:#c8e6c9,color:#000\n"
        "    classDef rel_weak fill:#fff59d,color:#000\n"
        "    classDef rel_none fill:#eeeeee,color:#000\n"
        "    classDef champion stroke:#1b5e20,stroke-width:2px\n"
        "    classDef supporter stroke:#558b2f,stroke-width:2px\n"
        "    classDef neutral stroke:#f9a825,stroke-width:2px\n"
        "    classDef skeptic stroke:#e65100,stroke-width:2px\n"
        "    classDef blocker stroke:#b71c1c,stroke-width:2px\n"
        "    classDef touchpoint stroke-width:4px\n"
        "    classDef to_win stroke-width:3px,stroke-dasharray:6 3\n"
        "    classDef stale color:#b71c1c,font-weight:bold\n"
        "    classDef missing fill:#ffffff,stroke:#757575,stroke-dasharray:4 4,color:#757575\n"
        "    class sh_it_director,sh_it_architect rel_strong\n"
        "    class sh_consultant rel_good\n"
        "    class sh_evp rel_weak\n"
        "    class sh_ceo rel_none\n"
        "    class sh_it_architect,sh_consultant champion\n"
        "    class sh_it_director supporter\n"
        "    class sh_ceo,sh_evp neutral\n"
        "    class sh_it_director,sh_it_architect touchpoint\n"
        "    class sh_evp to_win\n"
        "    class missing_buyer,missing_champion,missing_decision_maker missing\n"
        "    class legend_rel_strong,legend_rel_good,legend_rel_weak,legend_rel_none,legend_champion,legend_supporter,legend_neutral,legend_skeptic,legend_blocker,legend_missing,legend_path legend\n"
        "    class legend_rel_strong rel_strong\n"
        "    class legend_rel_good rel_good\n"
        "    class legend_rel_weak rel_weak\n"
        "    class legend_rel_none rel_none\n"
        "    class legend_champion champion\n"
        "    class legend_supporter supporter\n"
        "    class legend_neutral neutral\n"
        "    class legend_skeptic skeptic\n"
        "    class legend_blocker blocker\n"
        "    class legend_missing missing\n"
    )


def test_hostile_user_text_cannot_break_the_chart() -> None:
    text = render_mermaid(chart_of(hostile_map()))  # type: ignore[arg-type]
    assert mermaid_problems(text) == []
    assert "\x1b" not in text and "\x07" not in text and "\t" not in text
    assert "<script>" not in text and "<b>" not in text
    assert "#60;script#62;alert(1)#60;/script#62; #38; #60;b#62;bold#60;/b#62;" in text
    assert "Ann #34;The Axe#34; O'Neil" in text
    assert "**Dana** _under_ #96;code#96; #35; 1 #35;35; ;" in text
    assert "Frank second line tab" in text


def test_ids_are_prefixed_sanitised_and_unique() -> None:
    text = render_mermaid(chart_of(hostile_map()))  # type: ignore[arg-type]
    declared = [line.split("[", 1)[0].strip() for line in text.splitlines() if '["' in line]
    assert {"sh_end", "sh_a_b", "sh_a_b_2", "sh_a_b_3"} <= set(declared)
    people = [node for node in declared if node.startswith("sh_")]
    assert len(declared) == len(set(declared))
    assert len(people) == len(HOSTILE) + 4


def test_escape_turns_every_dangerous_character_into_an_entity_code() -> None:
    assert escape('"#&<>`') == "#34;#35;#38;#60;#62;#96;"
    assert escape("[a](b){c}|d|") == "[a](b){c}|d|"


def test_an_empty_map_is_a_valid_chart() -> None:
    text = render_mermaid(chart_of(map_of()))
    assert mermaid_problems(text) == []
    people = [line for line in text.splitlines() if line.startswith("    class sh_")]
    assert people == []
    assert "    class missing_buyer,missing_champion,missing_decision_maker missing" in text


@pytest.mark.parametrize("account_id", sorted(load_folder(EXAMPLES).accounts))
def test_every_example_account_gives_a_well_formed_chart(account_id: str) -> None:
    account = load_folder(EXAMPLES).accounts[account_id]
    text = render_mermaid(chart_of(account))
    assert mermaid_problems(text) == []
    people = [line for line in text.splitlines() if re.match(r" +sh_\w+\[", line)]
    assert len(people) == len({p.id for p in account.stakeholders})


def test_the_checker_catches_what_it_is_for() -> None:
    good = render_mermaid(chart_of(hospital()))
    broken = {
        "leaked quote": good.replace("Olivia Chen", 'Olivia "Chen'),
        "raw tag": good.replace("Olivia Chen", "<i>Olivia</i>"),
        "undeclared edge": good + "    sh_ceo --> sh_ghost\n",
        "declared twice": good.replace("    end\n", '    end\n    sh_ceo["again"]\n'),
        "missing classDef": good.replace("    classDef blocker", "    %% "),
        "open subgraph": good.replace("    end\n", ""),
        "undefined class": good + "    class sh_ceo vip\n",
        "style of no link": good + "    linkStyle 99 stroke-width:4px\n",
    }
    assert mermaid_problems(good) == []
    for what, text in broken.items():
        assert mermaid_problems(text), what


def test_key_players_not_met_in_time_carry_the_marker_and_the_class() -> None:
    text = render_mermaid(chart_of(hospital(), stale=["evp", "it-director"]))
    assert "relationship#160;weak · ★#160;to#160;win · ⚠#160;not#160;met#160;in#160;time" in text
    assert "    class sh_evp,sh_it_director stale\n" in text
    assert mermaid_problems(text) == []
