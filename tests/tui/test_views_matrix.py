"""The scoring matrix: quadrants, points on the right side of the 50 lines, labels that never collide."""

from __future__ import annotations

from rich.cells import cell_len

from kamtui.core.account.model import Account, PortfolioSettings
from kamtui.tui.drawing.plot_grid import GridCell, PlotGrid
from kamtui.tui.views.matrix import CURSOR, POINT, MatrixChart, MatrixView
from tests.core.portfolio_builders import make_account
from tests.tui.views_support import ViewApp, analyse, lines

# growth = mean of the three revenue criteria, harmony = mean of the four facets, both on 0..100.
CORNERS = {
    "star": make_account("Star Corp", (5, 5, 5, 5, 5), (5, 5, 5, 5)),  # 100, 100: strategic
    "grow": make_account("Grow Ltd", (5, 5, 5, 1, 1), (1, 1, 1, 1)),  # 100, 0: opportunistic
    "fit": make_account("Fit Inc", (1, 1, 1, 5, 5), (5, 5, 5, 5)),  # 0, 100: develop
    "low": make_account("Low plc", (1, 1, 1, 1, 1), (1, 1, 1, 1)),  # 0, 0: maintain
    "mid": make_account("Mid AG", (3, 3, 3, 3, 3), (3, 3, 3, 3)),  # 50, 50: strategic
}


async def drawn(
    accounts: dict[str, Account], size=(100, 30), settings: PortfolioSettings | None = None
) -> tuple[list[str], str]:
    app = ViewApp(MatrixView(), analyse(accounts, settings), settings)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.pause()
        screen = lines(app.query_one(MatrixChart))
        notes = str(app.query_one("#matrix-notes").render())
    return screen, notes


def divider(screen: list[str]) -> tuple[int, int]:
    """(column, row) where the two 50 lines cross."""
    row = next(y for y, line in enumerate(screen) if "┼" in line)
    return screen[row].index("┼"), row


async def test_the_four_quadrants_are_named_in_their_corners() -> None:
    screen, _ = await drawn(CORNERS)
    column, row = divider(screen)
    top = next(line for line in screen if "OPPORTUNISTIC" in line)
    bottom = next(line for line in screen if "MAINTAIN" in line)
    assert top.index("OPPORTUNISTIC") < column < top.index("STRATEGIC")
    assert bottom.index("MAINTAIN") < column < bottom.index("DEVELOP")
    assert screen.index(top) < row < screen.index(bottom)


async def test_each_account_is_a_labelled_point_in_its_quadrant() -> None:
    screen, _ = await drawn(CORNERS)
    column, row = divider(screen)
    # One of them is the cursor's ◉ (the highest priority).
    assert sum(line.count(POINT) + line.count(CURSOR) for line in screen) == 5
    assert sum(line.count(CURSOR) for line in screen) == 1
    for name, right, up in (
        ("Star Corp", True, True),
        ("Grow Ltd", False, True),
        ("Fit Inc", True, False),
        ("Low plc", False, False),
    ):
        y = next(y for y, line in enumerate(screen) if name in line)
        x = screen[y].index(name)
        assert (x > column) == right, name
        assert (y < row) == up, name


async def test_an_account_at_exactly_50_50_sits_in_the_strategic_quadrant() -> None:
    screen, _ = await drawn(CORNERS)
    column, row = divider(screen)
    # The core calls 50 high: the point is just right of and just above the lines.
    assert screen[row - 1][column + 1] == POINT
    assert "Mid AG" in screen[row - 1]


async def test_axes_run_from_0_to_100_with_the_50_marks() -> None:
    screen, _ = await drawn(CORNERS)
    column, _ = divider(screen)
    assert screen[0].startswith("Growth ↑")
    assert screen[1].startswith("100 ┤")
    assert screen[-1].split() == ["0", "50", "Harmony", "→", "100"]
    assert screen[-1].index("50") == column - 1


async def test_accounts_without_harmony_are_listed_not_plotted() -> None:
    accounts = {**CORNERS, "new": make_account("Newcomer")}
    screen, notes = await drawn(accounts)
    assert not any("Newcomer" in line for line in screen)
    assert "Not plotted, no harmony scores: Newcomer" in notes
    assert "priority = 50% Growth + 50% Harmony" in notes


async def test_accounts_on_one_spot_share_a_point_named_only_for_the_selected() -> None:
    twins = {
        "a": make_account("Alpha", (4, 4, 4, 4, 4), (4, 4, 4, 4)),
        "b": make_account("Beta", (4, 4, 4, 4, 4), (4, 4, 4, 4)),
        "c": make_account("Gamma", (2, 2, 2, 2, 2), (2, 2, 2, 2)),
        "d": make_account("Delta", (2, 2, 2, 2, 2), (2, 2, 2, 2)),
        "e": make_account("Epsilon", (2, 2, 2, 2, 2), (2, 2, 2, 2)),
    }
    screen, notes = await drawn(twins)
    # The cursor (on Alpha, the highest priority) covers the first spot; the other
    # shows how many accounts share it, and none of their names.
    assert sum(line.count(CURSOR) for line in screen) == 1
    assert sum(line.count("3") for line in screen) == 1 and not any(
        POINT in line for line in screen
    )
    assert any("Alpha" in line for line in screen)
    assert not any(name in line for line in screen for name in ("Beta", "Gamma", "Delta"))
    assert (
        "Not labelled, no room: Beta (Growth 75, Harmony 75); Gamma (Growth 25, Harmony 25)"
        in notes
    )
    assert "2-9 or + (ten or more): accounts on one spot" in notes


async def test_ten_or_more_on_one_spot_show_a_plus() -> None:
    crowd = {f"k{n}": make_account(f"K{n}", (2, 2, 2, 2, 2), (2, 2, 2, 2)) for n in range(10)}
    crowd["star"] = make_account("Star Corp", (5, 5, 5, 5, 5), (5, 5, 5, 5))
    screen, _ = await drawn(crowd)
    plotted = "".join(line[4:] for line in screen).replace("Star Corp", "")
    assert plotted.count("+") == 1 and plotted.count(CURSOR) == 1


async def test_names_that_find_no_room_are_listed_under_a_small_chart() -> None:
    crowd = {
        f"k{n}": make_account(f"Kappa {n}", (4, 4, 4 - n % 2, 4, 4), (4, 4, 4, 4 - n // 2))
        for n in range(8)
    }
    screen, notes = await drawn(crowd, size=(30, 12))
    on_chart = {
        name for name in (f"Kappa {n}" for n in range(8)) if any(name in line for line in screen)
    }
    listed = {name for name in (f"Kappa {n}" for n in range(8)) if f"{name} (Growth" in notes}
    # Every name is somewhere, and the small size leaves some of them to the list.
    assert on_chart | listed == {f"Kappa {n}" for n in range(8)}
    assert listed and not on_chart & listed


async def test_names_are_shown_literally() -> None:
    accounts = {"x": make_account("[bold red]Evil\x1b[2J Corp", (5, 5, 5, 5, 5), (5, 5, 5, 5))}
    screen, _ = await drawn(accounts)
    assert any("[bold red]Evil Corp" in line for line in screen)


# The grid on its own: 25 × 14 with 5 columns of y axis, one row above, two below.
def grid() -> PlotGrid:
    return PlotGrid(25, 14, left=5, top=1, bottom=2, split=50)


def test_values_below_the_split_land_left_of_and_below_the_lines() -> None:
    plot = grid()
    assert (plot.half_column, plot.half_line) == (15, 6)
    assert [plot.place(x, 0)[0] for x in (0, 49.9, 50, 100)] == [5, 14, 16, 24]
    assert [plot.place(0, y)[1] for y in (0, 49.9, 50, 100)] == [11, 7, 5, 1]


def test_a_label_goes_right_of_its_point_then_left_then_above() -> None:
    plot = grid()
    plot.put(10, 3, GridCell(POINT, solid=True))
    assert plot.label(10, 3, "abc", "")
    assert plot.row(3) == [(" " * 10 + POINT + " abc" + " " * 10, "")]
    plot.put(12, 8, GridCell(POINT, solid=True))
    plot.put(16, 8, GridCell(POINT, solid=True))  # right of it, a label would touch this one
    assert plot.label(12, 8, "xyz", "")
    assert "".join(text for text, _ in plot.row(8))[8:17] == "xyz" + " " + POINT + "   " + POINT


def test_a_label_is_written_whole_or_reported_when_there_is_no_room() -> None:
    plot = grid()
    plot.divide("")
    plot.put(7, 3, GridCell(POINT, solid=True))
    # Right of the point (9..14) it would touch the dividing line at 15: above it then.
    assert plot.label(7, 3, "abcdef", "")
    assert "".join(text for text, _ in plot.row(2)) == " " * 7 + "abcdef  ┆" + " " * 9
    assert not plot.label(7, 3, "a label too long", "")
    narrow = PlotGrid(12, 14, left=5, top=1, bottom=2, split=50)
    narrow.put(6, 3, GridCell(POINT, solid=True))
    assert not narrow.label(6, 3, "far too long for this", "")


def test_labels_keep_a_cell_from_each_other_and_from_the_lines() -> None:
    plot = grid()
    plot.divide("")
    plot.axes("")
    plot.put(6, 3, GridCell(POINT, solid=True))
    plot.put(10, 3, GridCell(POINT, solid=True))
    assert plot.label(6, 3, "ab", "")  # not right (at 8..9 it would touch the next point)
    row = "".join(text for text, _ in plot.row(2))
    assert row[5:9] == " ab " and plot.at(4, 2).char == "│"
    # Nothing is written on the 50 lines, whatever room is left.
    plot.put(16, 5, GridCell(POINT, solid=True))
    assert plot.label(16, 5, "xy", "")
    assert "".join(text for text, _ in plot.row(plot.half_line)).strip(" ┄┼│") == ""


def test_wide_characters_keep_the_row_its_width() -> None:
    plot = grid()
    plot.text(6, 2, "東京 Ltd", "", solid=True)
    assert cell_len("".join(text for text, _ in plot.row(2))) == 25


async def test_the_axes_are_called_as_kam_yaml_says_and_the_selected_account_s_factors_shown() -> (
    None
):
    """Attractiveness weighs revenue potential twice and an extra factor; the account
    under the cursor shows the scores each axis came from."""
    settings = PortfolioSettings.model_validate(
        {
            "matrix": {
                "growth": {"revenue_volume": 1, "revenue_potential": 2, "market_growth": 1},
                "factors": [{"id": "market_growth", "name": "Market growth"}],
                "axes": {"growth": "Attractiveness", "harmony": "Strength"},
            }
        }
    )
    accounts = {
        "a": make_account("Alpha", (3, 5, 1, 1, 1), (4, 4, 4, 4), factors={"market_growth": 1})
    }
    screen, notes = await drawn(accounts, settings=settings)
    assert screen[0].startswith("Attractiveness ↑")
    assert screen[-1].split()[2:4] == ["Strength", "→"]
    # (1 × 2 + 2 × 4 + 1 × 0) / (4 × 4) = 62.5 growth; harmony 75.
    assert "Alpha (Attractiveness 62, Strength 75)" in notes
    assert (
        "Attractiveness: revenue volume 3 · revenue potential 5 ×2 · Market growth 1"
        " | Strength: strategic fit 4 · culture 4 · vision 4 · strategy 4"
    ) in notes
    assert "priority = 50% Attractiveness + 50% Strength" in notes
