"""Every binding id of kamtui's app, screens, views and widgets: what a keymap in
config.yaml may name, and what `?` lists."""

from __future__ import annotations

import functools
import importlib
import pkgutil

from textual.binding import BindingsMap
from textual.dom import DOMNode

import kamtui.tui


def our_classes() -> list[type[DOMNode]]:
    """kamtui's widget, screen and app classes, every module of the TUI imported first
    (a screen imported only when it opens has bindings all the same)."""
    for module in pkgutil.walk_packages(kamtui.tui.__path__, "kamtui.tui."):
        importlib.import_module(module.name)
    found: list[type[DOMNode]] = []
    todo: list[type[DOMNode]] = [DOMNode]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.startswith("kamtui."):
            found.append(cls)
    return found


@functools.cache
def binding_ids() -> frozenset[str]:
    """The ids of the bindings of kamtui's classes, and those they inherit."""
    ids: set[str] = set()
    for cls in our_classes():
        for base in cls.__mro__:
            if issubclass(base, DOMNode) and "BINDINGS" in base.__dict__:
                for bindings in BindingsMap(base.__dict__["BINDINGS"]).key_to_bindings.values():
                    ids.update(binding.id for binding in bindings if binding.id)
    return frozenset(ids)
