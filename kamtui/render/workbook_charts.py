"""The workbook's Charts sheet: the seed's three pictures as native spreadsheet charts,
each beside the table it draws, so a reader can change a number and see it move.

- Pareto: the analysis year's revenue by account, largest first, as bars, and the
  cumulative share as a line on a second axis (0 to 100%).
- Revenue by ABC tier, each year: stacked columns, tier A at the bottom.
- Growth × harmony: one point per assessed account, both axes 0 to 100.
"""

from __future__ import annotations

from openpyxl.chart import BarChart, LineChart, Reference, ScatterChart, Series
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from kamtui.core.analysis.abc_analysis import Tier
from kamtui.core.analysis.portfolio import PortfolioAnalysis
from kamtui.render.workbook_cells import PERCENT, money_format, table

# Where each table starts (columns) and where its chart is anchored.
_PARETO, _TIERS, _MATRIX = 1, 5, 10
_CHART_COLUMN = "O"
_CHART_HEIGHT = 25  # rows between two charts


def _visible_axes(chart: BarChart | LineChart | ScatterChart) -> None:
    # openpyxl 3.1 writes axes marked deleted unless told otherwise; Excel then hides them.
    chart.x_axis.delete = False
    chart.y_axis.delete = False


def _pareto(sheet: Worksheet, analysis: PortfolioAnalysis, money: str) -> None:
    ranking = analysis.pareto.ranking
    names = {row.id: row.name for row in analysis.rows.values()}
    count = table(
        sheet,
        ["Account", f"Revenue {analysis.year or ''}".strip(), "Cumulative share"],
        (
            (names.get(account_id, account_id), amount, share)
            for account_id, amount, share in zip(
                ranking.accounts, ranking.revenue, ranking.cumulative_share, strict=True
            )
        ),
        {1: money, 2: PERCENT},
        _PARETO,
    )
    if not count:
        return
    end = count + 1
    bars = BarChart()
    bars.title = f"Pareto {analysis.year}"
    bars.y_axis.title = "Revenue"
    bars.add_data(
        Reference(sheet, min_col=_PARETO + 1, min_row=1, max_row=end), titles_from_data=True
    )
    bars.set_categories(Reference(sheet, min_col=_PARETO, min_row=2, max_row=end))
    line = LineChart()
    line.add_data(
        Reference(sheet, min_col=_PARETO + 2, min_row=1, max_row=end), titles_from_data=True
    )
    line.y_axis.axId = 200
    line.y_axis.title = "Cumulative share"
    line.y_axis.number_format = "0%"
    line.y_axis.scaling.min = 0
    line.y_axis.scaling.max = 1
    line.y_axis.crosses = "max"
    for chart in (bars, line):
        _visible_axes(chart)
    bars += line
    bars.width, bars.height = 24, 12
    sheet.add_chart(bars, f"{_CHART_COLUMN}1")


def _tiers(sheet: Worksheet, analysis: PortfolioAnalysis, money: str) -> None:
    summaries = analysis.abc_summary
    count = table(
        sheet,
        ["Year", *(f"Tier {tier.value}" for tier in Tier)],
        (
            # The year as text: a category, not a number to plot.
            (str(year), *(s.revenue if (s := summaries[year].get(tier)) else 0 for tier in Tier))
            for year in summaries
        ),
        dict.fromkeys(range(1, len(Tier) + 1), money),
        _TIERS,
    )
    if not count:
        return
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = "Revenue by ABC tier"
    chart.add_data(
        Reference(
            sheet, min_col=_TIERS + 1, max_col=_TIERS + len(Tier), min_row=1, max_row=count + 1
        ),
        titles_from_data=True,
    )
    chart.set_categories(Reference(sheet, min_col=_TIERS, min_row=2, max_row=count + 1))
    _visible_axes(chart)
    chart.width, chart.height = 16, 9
    sheet.add_chart(chart, f"{_CHART_COLUMN}{1 + _CHART_HEIGHT}")


def _matrix(sheet: Worksheet, analysis: PortfolioAnalysis) -> None:
    count = table(
        sheet,
        ["Account", "Growth", "Harmony"],
        (
            (row.name, round(growth, 1), round(harmony, 1))
            for row in map(analysis.rows.__getitem__, analysis.programme_ids)
            if (growth := row.figures.growth) is not None
            and (harmony := row.figures.harmony) is not None
        ),
        first_column=_MATRIX,
    )
    if not count:
        return
    chart = ScatterChart()
    chart.title = "Growth × harmony"
    chart.style = 13
    chart.x_axis.title = "Harmony"
    chart.y_axis.title = "Growth"
    for axis in (chart.x_axis, chart.y_axis):
        axis.scaling.min = 0
        axis.scaling.max = 100
    points = Series(
        Reference(sheet, min_col=_MATRIX + 1, min_row=2, max_row=count + 1),
        Reference(sheet, min_col=_MATRIX + 2, min_row=2, max_row=count + 1),
        title="Accounts",
    )
    points.marker.symbol = "circle"
    points.marker.size = 8
    points.marker.graphicalProperties = GraphicalProperties(solidFill="4472C4")
    points.graphicalProperties.line.noFill = True
    chart.series.append(points)
    _visible_axes(chart)
    chart.width, chart.height = 16, 12
    sheet.add_chart(chart, f"{_CHART_COLUMN}{1 + 2 * _CHART_HEIGHT}")


def add_charts(sheet: Worksheet, analysis: PortfolioAnalysis) -> None:
    # Printed, the sheet is one landscape page wide: the tables and the charts beside them.
    sheet.page_setup.orientation = "landscape"
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    money = money_format(analysis.currency)
    _pareto(sheet, analysis, money)
    _tiers(sheet, analysis, money)
    _matrix(sheet, analysis)
