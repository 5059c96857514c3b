"""The scoring matrix: quadrants, points on the right side of the 50 lines, labels that never collide."""

from __future__ import annotations

from rich.cells import cell_len

from kamtui.core.account.model import Account
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


async def drawn(accounts: dict[str, Account], size=(100, 30)) -> tuple[list[str], str]:
    app = ViewApp(MatrixView(), analyse(accounts))
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
    assert screen[0].startswith("growth ↑")
    assert screen[1].startswith("100 ┤")
    assert screen[-1].split() == ["0", "50", "harmony", "→", "100"]
    assert screen[-1].index("50") == column - 1


async def test_accounts_without_harmony_are_listed_not_plotted() -> None:
    accounts = {**CORNERS, "new": make_account("Newcomer")}
    screen, notes = await drawn(accounts)
    assert not any("Newcomer" in line for line in screen)
    assert "Not plotted, no harmony scores: Newcomer" in notes
    assert "priority = 50% growth + 50% harmony" in notes


async def test_accounts_on_one_spot_share_a_point_and_are_all_named() -> None:
    twins = {
        "a": make_account("Alpha", (4, 4, 4, 4, 4), (4, 4, 4, 4)),
        "b": make_account("Beta", (4, 4, 4, 4, 4), (4, 4, 4, 4)),
    }
    screen, notes = await drawn(twins)
    assert sum(line.count(POINT) + line.count(CURSOR) for line in screen) == 1
    assert any("Alpha +1" in line for line in screen)
    assert "Not labelled, no room: Beta (growth 75, harmony 75)" in notes


async def test_names_that_find_no_room_are_listed_under_a_small_chart() -> None:
    crowd = {
        f"k{n}": make_account(f"Kappa {n}", (4, 4, 4 - n % 2, 4, 4), (4, 4, 4, 4 - n // 2))
        for n in range(8)
    }
    screen, notes = await drawn(crowd, size=(30, 12))
    on_chart = {
        name for name in (f"Kappa {n}" for n in range(8)) if any(name in line for line in screen)
    }
    listed = {name for name in (f"Kappa {n}" for n in range(8)) if f"{name} (growth" in notes}
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
    assert plot.label(10, 3, "abc", "", shortest=3)
    assert plot.row(3) == [(" " * 10 + POINT + " abc" + " " * 10, "")]
    plot.put(12, 8, GridCell(POINT, solid=True))
    plot.put(14, 8, GridCell(POINT, solid=True))  # right of it is taken
    assert plot.label(12, 8, "xyz", "", shortest=3)
    assert "".join(text for text, _ in plot.row(8))[8:15] == "xyz" + " " + POINT + " " + POINT


def test_a_label_is_cut_with_an_ellipsis_or_reported_when_there_is_no_room() -> None:
    plot = grid()
    plot.put(14, 3, GridCell(POINT, solid=True))
    # 12 cells fit nowhere beside a point in the middle of 20 columns; 11 fit above it,
    # which beats 9 on its right.
    assert plot.label(14, 3, "a long label", "", shortest=4)
    assert "".join(text for text, _ in plot.row(2)) == " " * 14 + "a long lab…"
    narrow = PlotGrid(12, 14, left=5, top=1, bottom=2, split=50)
    narrow.put(6, 3, GridCell(POINT, solid=True))
    assert not narrow.label(6, 3, "far too long for this", "", shortest=8)


def test_wide_characters_keep_the_row_its_width() -> None:
    plot = grid()
    plot.text(6, 2, "東京 Ltd", "", solid=True)
    assert cell_len("".join(text for text, _ in plot.row(2))) == 25
