"""The review gates of the working tree against HEAD, judged off the event loop.

What `kamtui check --base HEAD` would say of the folder as it is on screen: the app
asks after every load and save (`request`), a daemon thread reads HEAD through git and
judges, and the report comes back as a `GatesReviewed` message. One review runs at a
time; saves meanwhile ask for one more, of the latest model. Outside a git repository,
before the first commit or when git fails, the rules that need a base are left out;
nothing here raises into the app.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.message import Message

from kamtui.tui.live.daemon_work import run_in_daemon

if TYPE_CHECKING:
    from kamtui.core.review.gate_memo import GateMemo
    from kamtui.core.review.gates import GateReport
    from kamtui.core.review.git_source import Repository
    from kamtui.tui.live.portfolio_model import PortfolioModel


@dataclass
class GatesReviewed(Message):
    """The working tree judged by the gates; `error` says why there is no report."""

    report: GateReport | None
    error: str | None = None


class GateReviewer:
    """Runs the reviews of one app's folder, one at a time."""

    def __init__(self, app: App[Any]) -> None:
        self._app = app
        self._running = False
        # The model of a request made while a review ran: reviewed when it ends.
        self._waiting: PortfolioModel | None = None
        # Found once: its parses of HEAD's files are kept between reviews.
        self._repository: Repository | None = None
        self._looked = False
        # The last review's findings, reused for the accounts a save did not touch.
        self._memo: GateMemo | None = None

    def request(self, model: PortfolioModel) -> None:
        if self._running:
            self._waiting = model
            return
        self._running = True
        # Taken on the event loop, which alone changes the model.
        head, figures = model.working_tree()
        today = model.today

        def review() -> GatesReviewed:
            from kamtui.core.review.gate_memo import GateMemo
            from kamtui.core.review.gates import review_against_head

            if self._memo is None:
                self._memo = GateMemo()
            repository = self._find_repository(head.root)
            try:
                return GatesReviewed(
                    review_against_head(head, today, repository, figures, self._memo)
                )
            except Exception as error:  # the panel says so; the app goes on
                return GatesReviewed(None, f"{type(error).__name__}: {error}")

        run_in_daemon(self._app, "reviewing the gates", review)

    def finished(self) -> None:
        """A review came back: run the one asked for meanwhile, if any."""
        self._running = False
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            self.request(waiting)

    def _find_repository(self, root: Path) -> Repository | None:
        from kamtui.core.review.git_source import GitError, Repository

        if not self._looked:
            self._looked = True
            try:
                self._repository = Repository.find(root)
            except GitError:
                self._repository = None
        return self._repository
