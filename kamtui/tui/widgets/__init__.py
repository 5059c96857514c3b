"""Reusable widgets that know nothing of views: the view tabs (`tab_strip`) and pages
(`view_pages`), the title bar and key footer, the filter box and its line editor, the
line-drawn table of the portfolio views (`rows_table`), the row cursor every line-drawn
list moves with (`row_cursor`: keys, paging, scrolling, binding ids, style memo),
the problem panel, and chart widgets (`bar_chart`, `tier_shares`)."""
