"""The detail of the selected account, beside the accounts table: `AccountDetail` and
its tabs (overview, objectives, stakeholders, needs, SWOT, notes), the Overview's text
(`overview_lines`) and its score-history line (`score_history`)."""
