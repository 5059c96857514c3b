"""IdOrder behaves as the list it stands for, and an order never changes once made."""

from __future__ import annotations

import random

import pytest

from kamtui.core.analysis.id_order import CHUNK, IdOrder


def test_inserts_and_deletes_match_a_list_and_leave_earlier_orders_alone() -> None:
    rng = random.Random(3)
    expected: list[str] = []
    order = IdOrder()
    history: list[tuple[IdOrder, list[str]]] = []
    # Growing past the size that splits a chunk, then shrinking to empty the order.
    for step in range(8 * CHUNK):
        if not expected or rng.random() < (0.8 if step < 4 * CHUNK else 0.1):
            position = rng.randint(0, len(expected))
            expected.insert(position, f"id-{step}")
            order = order.inserted(position, f"id-{step}")
        else:
            position = rng.randrange(len(expected))
            del expected[position]
            order = order.deleted(position)
        if step % 97 == 0:
            history.append((order, list(expected)))
    assert list(order) == expected
    assert len(order) == len(expected)
    for earlier, then in history:
        assert list(earlier) == then


def test_indexing_and_slicing() -> None:
    ids = [f"a{n:04}" for n in range(3 * CHUNK + 7)]
    order = IdOrder(ids)
    for index in (0, 1, CHUNK - 1, CHUNK, 2 * CHUNK + 3, len(ids) - 1, -1, -len(ids)):
        assert order[index] == ids[index]
    for start, stop in ((0, 0), (5, CHUNK + 9), (CHUNK, 2 * CHUNK), (len(ids) - 3, len(ids) + 5)):
        assert order[start:stop] == ids[start:stop]
    assert order[::2] == ids[::2]
    assert order == IdOrder(ids) and order != IdOrder(ids[1:])
    with pytest.raises(IndexError):
        order[len(ids)]
    with pytest.raises(IndexError):
        order.deleted(len(ids))


def test_an_empty_order() -> None:
    assert list(IdOrder()) == [] and len(IdOrder()) == 0
    assert list(IdOrder().inserted(0, "only")) == ["only"]
    assert list(IdOrder(["only"]).deleted(0)) == []


def test_orders_of_one_length_with_other_ids_differ() -> None:
    assert IdOrder(["a", "b"]) != IdOrder(["a", "c"])
    assert IdOrder(["a", "b"]) == IdOrder(["a", "b"])
    assert repr(IdOrder(["a", "b"])) == "IdOrder(['a', 'b'])"


@pytest.mark.parametrize("index", [3, -4, 10])
def test_an_index_past_either_end_is_an_index_error_naming_it(index: int) -> None:
    order = IdOrder(["a", "b", "c"])
    with pytest.raises(IndexError) as raised:
        order[index]
    assert raised.value.args == (index + 3 if index < 0 else index,)


def test_deleting_past_the_end_is_an_index_error_naming_the_position() -> None:
    with pytest.raises(IndexError) as raised:
        IdOrder(["a", "b", "c"]).deleted(3)
    assert raised.value.args == (3,)
