"""The Mermaid flowchart: structure, styling, and user text that must never break it."""

from __future__ import annotations

import pytest

from kamtui.core.loading.loader import load_folder
from kamtui.core.people.org_chart import org_chart
from kamtui.render.mermaid import escape, render_mermaid
from tests.conftest import EXAMPLES
from tests.core.stakeholder_builders import hospital, map_of, person
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
    assert render_mermaid(org_chart(hospital())) == (
        "flowchart TD\n"
        '    sh_ceo["Olivia Chen<br/>CEO<br/>medium#160;power · =#160;neutral · relationship#160;none"]\n'
        '    sh_evp["Morgan Lee<br/>EVP<br/>high#160;power · =#160;neutral · relationship#160;weak · ★#160;to#160;win"]\n'
        '    sh_it_director["Sam Patel<br/>IT Director<br/>medium#160;power · +#160;supporter · relationship#160;strong · ◆#160;touchpoint"]\n'
        '    sh_it_architect["Ada Novak<br/>Architect<br/>low#160;power · ++#160;champion · relationship#160;strong · ◆#160;touchpoint"]\n'
        '    subgraph org_1["Larch Advisory"]\n'
        '        sh_consultant["Jules Martin<br/>Partner<br/>++#160;champion · relationship#160;good"]\n'
        "    end\n"
        "    sh_ceo --> sh_evp\n"
        "    sh_evp --> sh_it_director\n"
        "    sh_it_director --> sh_it_architect\n"
        "    sh_consultant -. influences .-> sh_evp\n"
        "    classDef champion fill:#a5d6a7,stroke:#1b5e20,color:#000\n"
        "    classDef supporter fill:#dcedc8,stroke:#558b2f,color:#000\n"
        "    classDef neutral fill:#fff9c4,stroke:#f9a825,color:#000\n"
        "    classDef skeptic fill:#ffe0b2,stroke:#e65100,color:#000\n"
        "    classDef blocker fill:#ffcdd2,stroke:#b71c1c,color:#000\n"
        "    classDef touchpoint stroke-width:4px\n"
        "    classDef to_win stroke-width:3px,stroke-dasharray:6 3\n"
        "    classDef stale color:#b71c1c,font-weight:bold\n"
        "    class sh_it_architect,sh_consultant champion\n"
        "    class sh_it_director supporter\n"
        "    class sh_ceo,sh_evp neutral\n"
        "    class sh_it_director,sh_it_architect touchpoint\n"
        "    class sh_evp to_win\n"
    )


def test_hostile_user_text_cannot_break_the_chart() -> None:
    text = render_mermaid(org_chart(hostile_map()))  # type: ignore[arg-type]
    assert mermaid_problems(text) == []
    assert "\x1b" not in text and "\x07" not in text and "\t" not in text
    assert "<script>" not in text and "<b>" not in text
    assert "#60;script#62;alert(1)#60;/script#62; #38; #60;b#62;bold#60;/b#62;" in text
    assert "Ann #34;The Axe#34; O'Neil" in text
    assert "**Dana** _under_ #96;code#96; #35; 1 #35;35; ;" in text
    assert "Frank second line tab" in text


def test_ids_are_prefixed_sanitised_and_unique() -> None:
    text = render_mermaid(org_chart(hostile_map()))  # type: ignore[arg-type]
    declared = [line.split("[", 1)[0].strip() for line in text.splitlines() if '["' in line]
    assert {"sh_end", "sh_a_b", "sh_a_b_2", "sh_a_b_3"} <= set(declared)
    assert (
        len(declared)
        == len(set(declared))
        == len(HOSTILE) + 4 + len([i for i in range(len(HOSTILE)) if i % 3 == 0])
    )


def test_escape_turns_every_dangerous_character_into_an_entity_code() -> None:
    assert escape('"#&<>`') == "#34;#35;#38;#60;#62;#96;"
    assert escape("[a](b){c}|d|") == "[a](b){c}|d|"


def test_an_empty_map_is_a_valid_chart() -> None:
    text = render_mermaid(org_chart(map_of()))
    assert mermaid_problems(text) == []
    assert "class " not in text


@pytest.mark.parametrize("account_id", sorted(load_folder(EXAMPLES).accounts))
def test_every_example_account_gives_a_well_formed_chart(account_id: str) -> None:
    account = load_folder(EXAMPLES).accounts[account_id]
    text = render_mermaid(org_chart(account))
    assert mermaid_problems(text) == []
    assert text.count('["') == len({p.id for p in account.stakeholders}) + text.count("subgraph")


def test_the_checker_catches_what_it_is_for() -> None:
    good = render_mermaid(org_chart(hospital()))
    broken = {
        "leaked quote": good.replace("Olivia Chen", 'Olivia "Chen'),
        "raw tag": good.replace("Olivia Chen", "<i>Olivia</i>"),
        "undeclared edge": good + "    sh_ceo --> sh_ghost\n",
        "declared twice": good.replace("    end\n", '    end\n    sh_ceo["again"]\n'),
        "missing classDef": good.replace("    classDef blocker", "    %% "),
        "open subgraph": good.replace("    end\n", ""),
        "undefined class": good + "    class sh_ceo vip\n",
    }
    assert mermaid_problems(good) == []
    for what, text in broken.items():
        assert mermaid_problems(text), what


def test_key_players_not_met_in_time_carry_the_marker_and_the_class() -> None:
    text = render_mermaid(org_chart(hospital(), stale=["evp", "it-director"]))
    assert "relationship#160;weak · ★#160;to#160;win · ⚠#160;not#160;met#160;in#160;time" in text
    assert text.endswith("    class sh_evp,sh_it_director stale\n")
    assert mermaid_problems(text) == []
