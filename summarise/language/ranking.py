"""Our own sentence rankers, all over graphs of the sentences' shared terms.

- rank_sentences: PageRank over TextRank's edges (shared terms over the sum of the log
  lengths) with a prior toward the top of the article, where news writing puts what matters.
  Briefings rank every article's sentences with it (summarise/analysis.py).
- directed_centrality: a sentence's links to later sentences minus some of its links to
  earlier ones (after PACSUM): short summaries, the top of the story.
- lexical_centrality: plain PageRank over the cosine of plain terms: long summaries, the
  whole article.

Sparse matrices keep each near-linear in the number of sentences past a few hundred, and the
longest documents are ranked in windows, so the same code ranks one article or a library.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from scipy import sparse


@dataclass(frozen=True, slots=True)
class RankerSettings:
    # Measured on 320 BBC articles (bench/summary_quality.py): damping 0.99 with a position power
    # of 0.1 or 0.25 scored best (ROUGE-2 78.3); 0.85 was 78.2 without a prior, 77.8 with 0.25.
    # We keep 0.25: a real pull toward the lead, which human-written summaries reward.
    damping: float = 0.99
    # Weight of sentence i in the teleport vector is 1 / (i + 1) ** position_power: 0 is plain
    # PageRank, larger values trust the lead more.
    position_power: float = 0.25
    iterations: int = 300
    tolerance: float = 1e-8


DEFAULT_SETTINGS = RankerSettings()


def _coordinates(term_lists: Sequence[Sequence[str]]) -> tuple[list[int], list[int], int]:
    """(sentence, term) coordinates of every term use, and how many distinct terms (at least 1
    so an all-empty input still makes a matrix)."""
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for row, terms in enumerate(term_lists):
        for term in terms:
            rows.append(row)
            cols.append(vocabulary.setdefault(term, len(vocabulary)))
    return rows, cols, max(len(vocabulary), 1)


def term_counts(term_lists: Sequence[Sequence[str]]) -> sparse.csr_matrix:
    """Rows are sentences, columns terms, values how often the sentence uses the term."""
    from scipy import sparse

    rows, cols, width = _coordinates(term_lists)
    shape = (len(term_lists), width)
    counts = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape)
    counts.sum_duplicates()
    return counts


def overlap_similarity(term_lists: Sequence[Sequence[str]]) -> sparse.csr_matrix:
    """TextRank's edge weight, shared terms / (log|a| + log|b|), as a sparse matrix with an
    empty diagonal. Repeated terms count as often as they occur (as in sumy, where this scored
    0.5 ROUGE-2 above sets). Only pairs that share a term are ever materialised."""
    from scipy import sparse

    counts = term_counts(term_lists)
    shared = (counts @ counts.T).tocoo()
    log_len = np.log(np.maximum(np.asarray(counts.sum(axis=1)).ravel(), 1.0))
    norm = log_len[shared.row] + log_len[shared.col]
    # Two one-term sentences have norm 0: TextRank counts their overlap as is.
    norm[norm == 0] = 1.0
    n = len(term_lists)
    similarity = sparse.csr_matrix((shared.data / norm, (shared.row, shared.col)), shape=(n, n))
    similarity.setdiag(0.0)
    similarity.eliminate_zeros()
    return similarity


# Below this many sentences (every article but the longest) plain arrays beat sparse matrices,
# whose overhead is most of the cost at this size; an n x n of 300 is 90,000 floats.
DENSE_LIMIT = 300


def _dense_counts(term_lists: Sequence[Sequence[str]]) -> np.ndarray:
    """term_counts as a plain array."""
    rows, cols, width = _coordinates(term_lists)
    counts = np.zeros((len(term_lists), width))
    np.add.at(counts, (rows, cols), 1.0)
    return counts


def _dense_overlap(term_lists: Sequence[Sequence[str]]) -> np.ndarray:
    """overlap_similarity as a plain array: the same arithmetic."""
    counts = _dense_counts(term_lists)
    shared = counts @ counts.T
    log_len = np.log(np.maximum(counts.sum(axis=1), 1.0))
    norm = log_len[:, None] + log_len[None, :]
    norm[norm == 0] = 1.0
    similarity: np.ndarray = shared / norm
    np.fill_diagonal(similarity, 0.0)
    return similarity


def _dense_cosine(term_lists: Sequence[Sequence[str]]) -> np.ndarray:
    """Cosine of term-count vectors between every pair of sentences, empty diagonal."""
    counts = _dense_counts(term_lists)
    norms = np.linalg.norm(counts, axis=1)
    norms[norms == 0] = 1.0
    unit = counts / norms[:, None]
    similarity: np.ndarray = unit @ unit.T
    np.fill_diagonal(similarity, 0.0)
    return similarity


def cosine_similarity(term_lists: Sequence[Sequence[str]]) -> sparse.csr_matrix:
    """_dense_cosine as a sparse matrix, for documents too long for an n x n array."""
    from scipy import sparse

    counts = term_counts(term_lists)
    norms = np.sqrt(np.asarray(counts.multiply(counts).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    unit = sparse.diags(1.0 / norms) @ counts
    similarity = (unit @ unit.T).tocsr()
    similarity.setdiag(0.0)
    similarity.eliminate_zeros()
    return similarity


def position_prior(positions: Sequence[int], power: float) -> np.ndarray:
    weights = 1.0 / np.power(np.asarray(positions, dtype=float) + 1.0, power)
    prior: np.ndarray = weights / weights.sum()
    return prior


def pagerank(
    similarity: sparse.csr_matrix,
    teleport: np.ndarray,
    damping: float,
    iterations: int,
    tolerance: float,
) -> np.ndarray:
    from scipy import sparse

    n = similarity.shape[0]
    out_weight = np.asarray(similarity.sum(axis=1)).ravel()
    dangling = out_weight == 0
    out_weight[dangling] = 1.0
    transition = (sparse.diags(1.0 / out_weight) @ similarity).T.tocsr()
    scores = np.full(n, 1.0 / n)
    for _ in range(iterations):
        leaked = scores[dangling].sum()
        updated: np.ndarray = (
            damping * (transition @ scores + leaked * teleport) + (1 - damping) * teleport
        )
        if np.abs(updated - scores).sum() < tolerance:
            return updated
        scores = updated
    return scores


def _solve_pagerank(similarity: np.ndarray, teleport: np.ndarray, damping: float) -> np.ndarray:
    """PageRank's fixed point solved exactly: x = d (T + t dangling') x + (1 - d) t. With a
    damping of 0.99 the power iteration converges too slowly to reach it in 300 steps."""
    out_weight = similarity.sum(axis=1)
    dangling = out_weight == 0
    out_weight[dangling] = 1.0
    walk = (similarity / out_weight[:, None]).T + np.outer(teleport, dangling.astype(float))
    system = np.eye(len(teleport)) - damping * walk
    return np.linalg.solve(system, (1.0 - damping) * teleport)


def rank_sentences(
    term_lists: Sequence[Sequence[str]],
    positions: Sequence[int] | None = None,
    settings: RankerSettings = DEFAULT_SETTINGS,
) -> np.ndarray:
    """A score per sentence (higher is more central). `positions` is each sentence's place in
    its own article (0 = first), which differs from its row when many articles are ranked
    together."""
    n = len(term_lists)
    if n == 0:
        return np.zeros(0)
    if positions is None:
        positions = range(n)
    teleport = position_prior(positions, settings.position_power)
    if n > WINDOW:
        return _rank_in_windows(
            term_lists, teleport, overlap_similarity, settings.damping, settings
        )
    if n <= DENSE_LIMIT:
        return _solve_pagerank(_dense_overlap(term_lists), teleport, settings.damping)
    return pagerank(
        overlap_similarity(term_lists),
        teleport,
        settings.damping,
        settings.iterations,
        settings.tolerance,
    )


# A graph over every pair of an article's sentences grows with the square of its length: a
# 2 MB article held 1.1 GB. Past this many sentences (hundreds of pages; no news article) the
# sentences are ranked in consecutive windows of this many, so time and memory grow linearly.
WINDOW = 1000


def _rank_in_windows(
    term_lists: Sequence[Sequence[str]],
    teleport: np.ndarray,
    similarity: Callable[[Sequence[Sequence[str]]], sparse.csr_matrix],
    damping: float,
    settings: RankerSettings = DEFAULT_SETTINGS,
) -> np.ndarray:
    """Each window ranked on its own graph, its scores (which sum to one) scaled by the share
    of the teleport vector it holds, so a lead prior still counts most across windows."""
    scores = np.zeros(len(term_lists))
    for start in range(0, len(term_lists), WINDOW):
        window = slice(start, start + WINDOW)
        mass = float(teleport[window].sum())
        local = teleport[window] / mass
        ranked = pagerank(
            similarity(term_lists[window]),
            local,
            damping,
            settings.iterations,
            settings.tolerance,
        )
        scores[window] = ranked * mass
    return scores


# Directed centrality (after PACSUM, Zheng and Lapata 2019): news puts what matters first, so a
# sentence that later sentences echo is central, and one that echoes earlier sentences is
# background. Links to later sentences count in full, links to earlier ones against, at this
# weight: tuned on the 85 CNN/DailyMail articles kept for tuning (bench/summary_quality.py),
# where -0.5 scored best of -2, -1, -0.5, 0 and 0.5.
BACKWARD_WEIGHT = -0.5


def directed_centrality(term_lists: Sequence[Sequence[str]]) -> np.ndarray:
    """A score per sentence: its links to later sentences minus half its links to earlier ones."""
    n = len(term_lists)
    if n == 0:
        return np.zeros(0)
    if n <= DENSE_LIMIT:
        similarity = _dense_overlap(term_lists)
        forward = np.triu(similarity, 1).sum(axis=1)
        backward = np.tril(similarity, -1).sum(axis=1)
    else:
        from scipy import sparse

        matrix = overlap_similarity(term_lists)
        forward = np.asarray(sparse.triu(matrix, 1).sum(axis=1)).ravel()
        backward = np.asarray(sparse.tril(matrix, -1).sum(axis=1)).ravel()
    directed: np.ndarray = forward + BACKWARD_WEIGHT * backward
    return directed


# Centrality for long summaries (three tenths of the article or more): plain PageRank over the
# cosine of the sentences' plain terms (text.plain_terms), as LexRank does without its IDF. On
# BBC's 1,208 tuning articles (bench/summary_sweep.py) this scored 83.7 ROUGE-2 against 76.6 for
# rank_sentences; damping 0.85 beat 0.7 (83.0) and 0.95 (83.6), and a position prior of 0.1
# (83.6) or 0.25 (83.2) did not help, so the walk is uniform.
CENTRALITY_DAMPING = 0.85


def lexical_centrality(term_lists: Sequence[Sequence[str]]) -> np.ndarray:
    """A score per sentence: PageRank over the cosine similarity of its terms."""
    n = len(term_lists)
    if n == 0:
        return np.zeros(0)
    uniform = np.full(n, 1.0 / n)
    if n <= DENSE_LIMIT:
        return _solve_pagerank(_dense_cosine(term_lists), uniform, CENTRALITY_DAMPING)
    return _rank_in_windows(term_lists, uniform, cosine_similarity, CENTRALITY_DAMPING)
