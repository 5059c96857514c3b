"""Account ids in an order (a ranking, a queue) that shares its storage with the order it
was made from, so that moving one account copies a few hundred ids, not all of them.

Copying a list of 10,000 ids increments the count of every string in it; spread over
the heap of a loaded portfolio, those strings cost about 1 ms of cache misses per copy,
which was most of a live save. Here the ids sit in chunks, and a change copies the
chunk it touches and the short list of chunks.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate, chain, islice
from typing import overload

# Chunks are cut at this size when made, and split when they grow to twice it.
CHUNK = 256


class IdOrder(Sequence[str]):
    """An immutable sequence of ids; `inserted` and `deleted` give new orders."""

    __slots__ = ("_chunks", "_starts")

    def __init__(self, ids: Iterable[str] = ()) -> None:
        ids = list(ids)
        self._set([ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)])

    def _set(self, chunks: list[list[str]]) -> None:
        self._chunks = chunks
        # Where each chunk starts, and the length at the end.
        self._starts = list(accumulate(map(len, chunks), initial=0))

    @classmethod
    def _of_chunks(cls, chunks: list[list[str]]) -> IdOrder:
        order = cls.__new__(cls)
        order._set(chunks)
        return order

    def __len__(self) -> int:
        return self._starts[-1]

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step != 1:
                return list(self)[index]
            return list(islice(self._from(start), max(0, stop - start)))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        chunk = bisect_right(self._starts, index) - 1
        return self._chunks[chunk][index - self._starts[chunk]]

    def _from(self, start: int) -> Iterator[str]:
        """The ids from position `start` on."""
        if start >= len(self):
            return iter(())
        chunk = bisect_right(self._starts, start) - 1
        first = islice(self._chunks[chunk], start - self._starts[chunk], None)
        return chain(first, chain.from_iterable(self._chunks[chunk + 1 :]))

    def __iter__(self) -> Iterator[str]:
        return chain.from_iterable(self._chunks)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, IdOrder):
            return len(self) == len(other) and list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"IdOrder({list(self)!r})"

    def inserted(self, position: int, account_id: str) -> IdOrder:
        """This order with `account_id` put at `position` (0 … len)."""
        chunks = list(self._chunks)
        if not chunks:
            return IdOrder._of_chunks([[account_id]])
        chunk = min(bisect_right(self._starts, position) - 1, len(chunks) - 1)
        ids = list(chunks[chunk])
        ids.insert(position - self._starts[chunk], account_id)
        chunks[chunk : chunk + 1] = [ids] if len(ids) < 2 * CHUNK else [ids[:CHUNK], ids[CHUNK:]]
        return IdOrder._of_chunks(chunks)

    def deleted(self, position: int) -> IdOrder:
        """This order without the id at `position`."""
        if not 0 <= position < len(self):
            raise IndexError(position)
        chunks = list(self._chunks)
        chunk = bisect_right(self._starts, position) - 1
        ids = list(chunks[chunk])
        del ids[position - self._starts[chunk]]
        chunks[chunk : chunk + 1] = [ids] if ids else []
        return IdOrder._of_chunks(chunks)
