"""Reusable widgets that know nothing of views: the view tabs (`tab_strip`) and pages
(`view_pages`), the title bar and key footer, the filter box and its line editor, the
line-drawn table of the portfolio views (`rows_table`), what it shares with the accounts
table (`line_table`: colours; `focus_lines`: a focus change that repaints two lines, not
the table) and with every line-drawn list (`row_cursor`: keys, paging, scrolling, binding ids),
the problem panel, and chart widgets (`bar_chart`, `tier_shares`)."""
