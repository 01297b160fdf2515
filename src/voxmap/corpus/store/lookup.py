"""A mapping read from the store as it is asked: a corpus stage that reaches a few thousand rows of a
table holding hundreds of thousands looks those up, instead of reading the table whole."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .db import chunks


class StoreLookup(dict):
    """Entries read when first asked for (`read` fetches many at once) and kept, with the keys found
    absent: `fetch(keys)` gives the (key, value) pairs the store holds for a chunk of keys. None is
    never a key."""

    def __init__(self, fetch: Callable[[list], Iterable[tuple]]):
        super().__init__()
        self._fetch = fetch
        self._absent: set = set()

    def read(self, wanted: Iterable) -> None:
        missing = sorted({k for k in wanted if k is not None and not dict.__contains__(self, k)} - self._absent)
        for chunk in chunks(missing):
            self.update(self._fetch(chunk))
        self._absent.update(k for k in missing if not dict.__contains__(self, k))

    def __missing__(self, wanted):
        self.read([wanted])
        if not dict.__contains__(self, wanted):
            raise KeyError(wanted)  # the store holds none (dict.__getitem__ would ask __missing__ again)
        return dict.__getitem__(self, wanted)

    def __contains__(self, wanted: object) -> bool:
        self.read([wanted])
        return dict.__contains__(self, wanted)

    def get(self, wanted, default=None):
        # dict.get reads neither __contains__ nor __missing__: it would answer from what was read so far
        return self[wanted] if wanted in self else default  # noqa: SIM401
