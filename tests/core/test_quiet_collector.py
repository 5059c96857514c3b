"""The collector stays out of loads and waits for the user to pause: nothing is lost,
only put off."""

from __future__ import annotations

import gc
import time
import weakref
from collections.abc import Iterator

import pytest

from kamtui.core.loading import quiet_collector
from kamtui.core.loading.quiet_collector import (
    OVERDUE,
    QUIET,
    WORTH_A_PASS,
    IdleCollection,
    keep_out_of_collections,
    paused_for_a_load,
    release_the_last_load,
)


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


@pytest.fixture
def collection() -> Iterator[IdleCollection]:
    gc.collect()
    collection = IdleCollection()
    collection.hold()
    yield collection
    collection.release()


def test_holding_turns_the_collector_off_and_release_restores_it() -> None:
    collection = IdleCollection()
    assert gc.isenabled()
    collection.hold()
    assert not gc.isenabled()
    collection.release()
    assert gc.isenabled()
    gc.disable()
    try:
        collection.hold()
        collection.release()
        assert not gc.isenabled()  # as it was found
    finally:
        gc.enable()


def test_a_cycle_waits_for_a_pause_then_goes(collection: IdleCollection) -> None:
    node = Node()
    gone = weakref.ref(node)
    del node
    _kept = [[] for _ in range(WORTH_A_PASS)]
    collection.input()
    assert collection.check(now=time.monotonic()) is None  # typing: not now
    assert gone() is not None
    assert collection.check(now=time.monotonic() + QUIET) == 2
    assert gone() is None
    # A full pass: the young generation, which `kept` had filled, is empty again.
    assert gc.get_count()[0] < WORTH_A_PASS


def test_a_pause_with_little_made_is_left_alone(collection: IdleCollection) -> None:
    collection.input()
    assert collection.check(now=time.monotonic() + QUIET) is None


def test_typing_on_gets_a_young_pass_once_objects_pile_up(collection: IdleCollection) -> None:
    _kept = [[] for _ in range(OVERDUE)]
    collection.input()
    assert gc.get_count()[0] >= OVERDUE  # `kept` (alive to the end) piled up
    assert collection.check(now=time.monotonic()) == 1
    assert gc.get_count()[0] < WORTH_A_PASS


def test_released_it_never_collects() -> None:
    collection = IdleCollection()
    _kept = [[] for _ in range(WORTH_A_PASS)]
    assert collection.check(now=time.monotonic() + QUIET) is None
    assert gc.isenabled()  # released: Python's own collector is back in charge


def test_a_load_runs_with_the_collector_off_and_leaves_its_work_frozen() -> None:
    gc.unfreeze()
    leftover = Node()
    leftover_ref = weakref.ref(leftover)
    del leftover
    try:
        with paused_for_a_load():
            assert not gc.isenabled()
            built = [Node() for _ in range(10)]
        assert gc.isenabled()
        assert leftover_ref() is None  # garbage before the load is not frozen with it
        assert gc.get_freeze_count() >= len(built)
    finally:
        gc.unfreeze()


def test_a_load_keeps_a_collector_it_found_off_off() -> None:
    gc.disable()
    try:
        with paused_for_a_load():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()


def test_what_is_kept_out_is_released_for_the_next_load() -> None:
    gc.unfreeze()
    keep_out_of_collections()
    assert gc.get_freeze_count() > 0
    release_the_last_load()
    assert gc.get_freeze_count() == 0


class TestTheEdges:
    """Exactly at each threshold, with the collector's count and the clock set."""

    @pytest.fixture
    def collected(self, monkeypatch: pytest.MonkeyPatch) -> list[int]:
        generations: list[int] = []
        monkeypatch.setattr(
            quiet_collector.gc, "collect", lambda generation=2: generations.append(generation)
        )
        monkeypatch.setattr(quiet_collector.time, "monotonic", lambda: 100.0)
        return generations

    def made(self, monkeypatch: pytest.MonkeyPatch, count: int) -> None:
        monkeypatch.setattr(quiet_collector.gc, "get_count", lambda: (count, 0, 0))

    def test_a_pause_of_exactly_quiet_with_a_pass_worth_doing_collects_all(
        self, collection: IdleCollection, collected: list[int], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        collection.input()
        self.made(monkeypatch, WORTH_A_PASS)
        assert collection.check(now=100.0 + QUIET) == 2
        assert collected == [2]

    def test_one_object_short_of_a_pass_waits(
        self, collection: IdleCollection, collected: list[int], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        collection.input()
        self.made(monkeypatch, WORTH_A_PASS - 1)
        assert collection.check(now=100.0 + QUIET) is None
        assert collected == []

    def test_typing_on_with_exactly_overdue_objects_gets_a_young_pass(
        self, collection: IdleCollection, collected: list[int], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        collection.input()
        self.made(monkeypatch, OVERDUE)
        assert collection.check(now=100.0) == 1
        assert collected == [1]
        self.made(monkeypatch, OVERDUE - 1)
        assert collection.check(now=100.0) is None
        assert collected == [1]
