"""Drawing helpers shared by views and widgets: cell-exact text fitting and bars
(`chart`), the matrix's character grid (`plot_grid`), user text as literal Rich text
(`text`), numbers for narrow columns (`format`), an account's warning flags as words
(`account_flags`). No widgets live here."""
