"""The terminal app: a thin layer over the core that shows the portfolio and follows it live.

Where things live:

- `app.py`: `KamApp`, which composes the screen, routes keys and shows the live model
  that its base class, `live/folder_app.py`'s `FolderApp`, loads and keeps fresh;
  `palette.py` (ctrl+p), `editor.py` (`e`, `n`: $EDITOR), `locate.py` (the line the
  editor opens at), `user_config.py` (theme and keys from config.yaml).
- `views/`: every view the number keys switch between, one module each, and
  `registry.py`, the one list of them (key, title, widget) that the app, the tabs,
  the help and the palette read.
- `detail/`: the selected account's detail beside the accounts table, tab by tab.
- `widgets/`: reusable widgets that know nothing of views (tab strip, footer, filter
  box, line tables, chart widgets).
- `drawing/`: text and cell helpers shared by views and widgets; no widgets.
- `live/`: what keeps the screen equal to the disk: the model of the folder, the
  watcher, daemon threads for slow work, table rows and their orders, when to collect
  garbage.
- `screens/`: the main screen and modal screens (new account).
"""
