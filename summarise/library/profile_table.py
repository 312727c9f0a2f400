"""Many articles' profiles in columns: what story detection and the library-wide name counts
read of a whole library.

A Profile as Python tuples costs about 8 KB (forty terms, each a tuple holding its own string
and float): a million of them did not fit in 12 GB. Here each term or name is a number in a
vocabulary that holds each distinct string once, beside its weight or count in an array: 8
bytes a term (32-bit numbers: the weights are sums of whole and half numbers, exact in 32
bits), and the work on them is array arithmetic.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from summarise.library.analysis import Profile

Ints = npt.NDArray[np.integer[Any]]
Floats = npt.NDArray[np.floating[Any]]
# (article id, terms, people, organisations): a Profile's fields, as the cache stores them.
ProfileRow = tuple[
    str,
    Sequence[tuple[str, float]],
    Sequence[tuple[str, int]],
    Sequence[tuple[str, int]],
]


@dataclass(frozen=True, slots=True)
class Column:
    """For each article, pairs of (vocabulary number, value): article i's are those from
    `starts[i]` to `starts[i + 1]`."""

    starts: npt.NDArray[np.int64]
    keys: Ints
    values: Floats

    def __len__(self) -> int:
        return len(self.starts) - 1

    def rows(self) -> npt.NDArray[np.int64]:
        """The article of every pair."""
        return np.repeat(np.arange(len(self), dtype=np.int64), np.diff(self.starts))

    def take(self, rows: npt.NDArray[np.int64]) -> Column:
        """The column of these articles, in this order."""
        lengths = np.diff(self.starts)[rows]
        starts = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum(lengths, out=starts[1:])
        where = np.repeat(self.starts[rows] - starts[:-1], lengths) + np.arange(
            starts[-1], dtype=np.int64
        )
        return Column(starts, self.keys[where], self.values[where])

    @classmethod
    def of_rows(cls, rows: Ints, keys: Ints, values: Floats, count: int) -> Column:
        """The column of pairs already in order of their article."""
        starts = np.zeros(count + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=count), out=starts[1:])
        return cls(starts, keys, values)


def summed_by(cells: Ints, values: Floats) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """The distinct cells, in order, and the values of each summed."""
    found, where = np.unique(cells, return_inverse=True)
    summed = np.bincount(where, weights=values, minlength=len(found)).astype(np.float64)
    return found.astype(np.int64, copy=False), summed


class _Filling:
    """A column being filled one article at a time, in compact arrays."""

    def __init__(self, vocabulary: dict[str, int]) -> None:
        self.vocabulary = vocabulary
        self.starts = array("q", [0])
        self.keys = array("i")
        self.values = array("f")

    def add(self, pairs: Sequence[tuple[str, float]]) -> None:
        number = self.vocabulary.setdefault
        vocabulary = self.vocabulary
        self.keys.extend([number(word, len(vocabulary)) for word, _ in pairs])
        self.values.extend([value for _, value in pairs])
        self.starts.append(len(self.keys))

    def column(self) -> Column:
        return Column(
            np.frombuffer(self.starts, dtype=np.int64),
            np.frombuffer(self.keys, dtype=np.int32),
            np.frombuffer(self.values, dtype=np.float32),
        )


@dataclass(frozen=True, slots=True)
class ProfileTable:
    """The profiles of many articles. `terms` and `names` are the vocabularies; people and
    organisations share `names`."""

    article_ids: list[str]
    terms: list[str]
    term_weights: Column
    names: list[str]
    people: Column
    organisations: Column

    def __len__(self) -> int:
        return len(self.article_ids)

    @classmethod
    def build(cls, profiles: Iterable[ProfileRow]) -> ProfileTable:
        terms: dict[str, int] = {}
        names: dict[str, int] = {}
        ids: list[str] = []
        weights, people, organisations = _Filling(terms), _Filling(names), _Filling(names)
        for article_id, article_terms, article_people, article_organisations in profiles:
            ids.append(article_id)
            weights.add(article_terms)
            people.add(article_people)
            organisations.add(article_organisations)
        return cls(
            ids,
            list(terms),
            weights.column(),
            list(names),
            people.column(),
            organisations.column(),
        )

    @classmethod
    def of(cls, profiles: Iterable[Profile]) -> ProfileTable:
        return cls.build((p.article_id, p.terms, p.people, p.organisations) for p in profiles)

    def take(self, article_ids: Iterable[str]) -> ProfileTable:
        """The profiles of these articles that the table holds, in this order."""
        position = {article_id: row for row, article_id in enumerate(self.article_ids)}
        rows = [row for i in article_ids if (row := position.get(i)) is not None]
        chosen = np.array(rows, dtype=np.int64)
        return ProfileTable(
            [self.article_ids[row] for row in rows],
            self.terms,
            self.term_weights.take(chosen),
            self.names,
            self.people.take(chosen),
            self.organisations.take(chosen),
        )

    def mentions(self, column: Column) -> dict[str, int]:
        """Name -> mentions in all the articles, for the people or organisations column."""
        sums = np.bincount(column.keys, weights=column.values, minlength=len(self.names)).tolist()
        present = np.flatnonzero(np.bincount(column.keys, minlength=len(self.names))).tolist()
        return {self.names[k]: round(sums[k]) for k in present}

    def articles_naming(self, column: Column) -> dict[str, int]:
        """Name -> articles that name it, for the people or organisations column."""
        pairs = np.unique(column.rows() * len(self.names) + column.keys)
        counted = np.bincount(pairs % len(self.names), minlength=len(self.names))
        counts = counted.tolist()
        return {self.names[k]: counts[k] for k in np.flatnonzero(counted).tolist()}

    def together(self) -> Iterator[list[str]]:
        """Each article's people and organisations."""
        names = self.names
        people, organisations = self.people, self.organisations
        people_keys, people_starts = people.keys.tolist(), people.starts.tolist()
        org_keys, org_starts = organisations.keys.tolist(), organisations.starts.tolist()
        for row in range(len(self)):
            yield [
                names[k]
                for k in (
                    *people_keys[people_starts[row] : people_starts[row + 1]],
                    *org_keys[org_starts[row] : org_starts[row + 1]],
                )
            ]
