"""Every view the number keys switch between, listed once in `registry.py`.

- `AccountsView` (`accounts.py`): the accounts table (`account_table.py`) with the
  filter box, beside the selected account's detail (`kamtui.tui.detail`).

The portfolio views are widgets that each show one `PortfolioAnalysis`:

- `ParetoView` (`pareto.py`): accounts by revenue as bars, highest first, beside the
  cumulative-share curve, the A cut-off marked; the vital few starred and ruled off.
- `AbcView` (`abc.py`): each year's revenue split into tiers A / B / C, the tier of
  every account per year as a heat map, and the movements between tiers (▲ B→A, ▼ A→C).
- `MatrixView` (`matrix.py`): growth against harmony (0..100 each), the four quadrants
  (strategic, develop, opportunistic, maintain) split at 50, each account a labelled point.
- `DashboardView` (`dashboard.py`): totals, revenue by year, MRR by plan with the premium
  upsell line, onboarding status, the at-risk queue, the accounts going cold and the
  endangerment column.
- `TeamView` (`team.py`): each key account manager's book (accounts, revenue, MRR, at
  risk, going cold, actions overdue); enter posts `TeamView.OwnerChosen`, and the app
  shows the accounts table filtered on that owner.
- `WhitespaceView` (`whitespace.py`), `AgendaView` (`agenda.py`): the cross-sell grid and
  the week's agenda.
- `ProfitView` (`profit.py`): the programme's return and the profit matrix, each key
  account by revenue against margin after cost to serve.

Mounting: construct without arguments (an `id` or `classes` may be passed), mount
anywhere, and call
`view.update_analysis(analysis, settings)` after every load or reload. It only
stores the analysis: a view draws it when it is on screen, so views in hidden tabs
cost nothing on a reload. `settings` (the `PortfolioSettings` of kam.yaml) give the
A/B cut-offs and the growth weight the views name; omit it to keep the last ones.
Each view lays its parts side by side from 110 columns and stacks them below.

    from kamtui.tui.views.pareto import ParetoView

    yield ParetoView()
    ...
    for view in self.query(PortfolioView):
        view.update_analysis(model.analysis, model.settings)

Account names are user text: every view cleans them (`kamtui.render.safe_text`) and
shows them literally, never as markup. The views' tables (`kamtui.tui.widgets.rows_table`:
the ABC grid
and movements, the dashboard's at-risk queue and accounts) draw only the rows on
screen. Those tables, the Pareto chart's rows and the matrix's points carry a cursor
(arrow keys; in the matrix, to the nearest point that way); enter or a click posts
`AccountChosen` with the account id as `key`, so the app can open that account
(`on_account_chosen`).
"""
