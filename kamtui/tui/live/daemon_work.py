"""Slow work (loading the folder, reading saved files) in daemon threads.

Textual's thread workers run in threads that Python joins when it exits, so `q`
pressed during the load of a big folder waited for the load to end (35 s at
10,000 accounts on a busy machine). A daemon thread ends with the process. Work
here never touches a widget: it returns a message, which is posted to the app;
an exception becomes a `WorkFailed` message, so that no failure is fatal.
A message that arrives while the app shuts down is dropped (`while_running`).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from textual.app import App
from textual.message import Message

AppT = TypeVar("AppT", bound=App[Any])
MessageT = TypeVar("MessageT", bound=Message)


@dataclass
class WorkFailed(Message):
    """Work in a daemon thread raised: `what` names the work, for the user."""

    what: str
    error: BaseException


def run_in_daemon(app: App[Any], what: str, work: Callable[[], Message | None]) -> None:
    """Run `work` in a daemon thread and post the message it returns to `app`."""

    def run() -> None:
        try:
            message = work()
        except Exception as error:  # shown to the user by the app's WorkFailed handler
            message = WorkFailed(what, error)
        if message is not None:
            app.post_message(message)

    threading.Thread(target=run, name=f"kamtui {what}", daemon=True).start()


def while_running(
    handler: Callable[[AppT, MessageT], None],
) -> Callable[[AppT, MessageT], None]:
    """Drop a daemon's message handled after the app began to shut down: it was
    posted before `q`, and the widgets it would fill are already gone (a save read
    as the app quit raised NoMatches, seen when the suite ran slowly)."""

    @functools.wraps(handler)
    def handle_if_running(app: AppT, message: MessageT) -> None:
        if app.is_running:
            handler(app, message)

    return handle_if_running
