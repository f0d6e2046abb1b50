"""Pairwise weights: the analytic hierarchy process (AHP) for pillar and criterion weights.

A pairwise comparison matrix ``A`` says how much more important item ``i`` is than item ``j``:
``a_ij`` on Saaty's 1–9 scale (1 equal, 3 moderately, 5 strongly, 7 very strongly, 9 extremely
more important; 2, 4, 6, 8 in between), with ``a_ji = 1 / a_ij`` and ones on the diagonal.

* The **weights** are the principal (Perron) eigenvector of ``A``, normalised to sum to 1
  (Saaty, T. L., *The Analytic Hierarchy Process*, McGraw-Hill, 1980).
* The **consistency index** is ``CI = (λmax − n) / (n − 1)``, where ``λmax`` is the principal
  eigenvalue (``λmax = n`` exactly when every ``a_ij · a_jk = a_ik``).
* The **consistency ratio** is ``CR = CI / RI(n)``, with Saaty's random indices ``RI`` (the mean
  CI of random reciprocal matrices on the 1–9 scale) from Saaty, T. L., *Theory and Applications
  of the Analytic Network Process*, RWS Publications, 2005, p. 31; the values for n ≤ 10 are
  also those of Saaty, T. L., "Decision making with the analytic hierarchy process",
  *Int. J. Services Sciences* 1(1), 2008, pp. 83–98. For ``n = 1, 2`` a reciprocal matrix is
  always consistent and ``CR = 0``. Saaty's rule of thumb accepts ``CR ≤ 0.10``.

Above that threshold :func:`most_inconsistent` names the judgement that disagrees most with the
derived weights, Saaty's way: the pair ``(i, j)`` with the largest ``|ln(a_ij · w_j / w_i)|``.
As the value to consider instead it suggests what the other judgements say about the pair: the
geometric mean of the indirect comparisons ``a_ik · a_kj`` over every third item ``k``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

#: Saaty's random consistency indices by matrix size (Saaty 2005, p. 31; Saaty 2008, n ≤ 10).
RANDOM_INDEX: dict[int, float] = {
    1: 0.0, 2: 0.0, 3: 0.52, 4: 0.89, 5: 1.11, 6: 1.25, 7: 1.35, 8: 1.40, 9: 1.45, 10: 1.49,
    11: 1.52, 12: 1.54, 13: 1.56, 14: 1.58, 15: 1.59,
}
#: Consistency ratios above this call for revising a judgement (Saaty's 10 % rule).
CR_THRESHOLD = 0.10
MAX_SIZE = 15
#: Relative tolerance for ``a_ij · a_ji = 1`` (accepts 0.333 for 1/3, not 0.3).
RECIPROCAL_TOLERANCE = 0.01
#: Saaty's fundamental scale and its reciprocals, smallest first.
SAATY_SCALE: tuple[float, ...] = tuple([1 / v for v in range(9, 1, -1)] + list(range(1, 10)))


def check_pairwise(matrix: object) -> np.ndarray:
    """Validate a pairwise comparison matrix and return it as exact reciprocals.

    Entries above the diagonal are kept and those below are replaced by their reciprocals
    once they are checked to agree within :data:`RECIPROCAL_TOLERANCE`.

    Returns:
        ``(n, n)`` float array.

    Raises:
        ValueError: not a square 2-D matrix of numbers, size outside 1–15, an entry that is
            not a finite number > 0, a diagonal entry other than 1, or ``a_ij · a_ji`` not 1.
    """
    try:
        a = np.array(matrix, dtype=float)
    except (TypeError, ValueError):
        raise ValueError("a pairwise matrix must be a square table of numbers") from None
    if a.ndim != 2 or a.shape[0] != a.shape[1]:
        raise ValueError(f"a pairwise matrix must be square, got shape {a.shape}")
    n = a.shape[0]
    if not 1 <= n <= MAX_SIZE:
        raise ValueError(f"a pairwise matrix must have 1 to {MAX_SIZE} rows, got {n}")
    bad = ~np.isfinite(a) | (a <= 0)
    if bad.any():
        i, j = map(int, np.argwhere(bad)[0])
        raise ValueError(f"entry ({i + 1}, {j + 1}) is {float(a[i, j])!r}; every entry must be > 0")
    diag = np.abs(np.diag(a) - 1.0) > RECIPROCAL_TOLERANCE
    if diag.any():
        i = int(np.flatnonzero(diag)[0])
        raise ValueError(f"diagonal entry ({i + 1}, {i + 1}) is {float(a[i, i])!r}; it must be 1")
    off = np.abs(a * a.T - 1.0) > RECIPROCAL_TOLERANCE
    np.fill_diagonal(off, False)  # the diagonal was checked above (and is set to 1 below)
    if off.any():
        i, j = map(int, np.argwhere(off)[0])
        raise ValueError(
            f"entries ({i + 1}, {j + 1}) = {float(a[i, j])!r} and ({j + 1}, {i + 1}) = "
            f"{float(a[j, i])!r} "
            "are not reciprocals (their product must be 1)"
        )
    return np.triu(a, 1) + np.tril(1.0 / a.T, -1) + np.eye(n)


def _principal(a: np.ndarray) -> tuple[np.ndarray, float]:
    values, vectors = np.linalg.eig(a)
    k = int(np.argmax(values.real))
    w = np.abs(vectors[:, k].real)
    return w / w.sum(), float(values[k].real)


@dataclass(frozen=True)
class Judgement:
    """One pairwise judgement: item ``i`` against item ``j`` (0-based, ``i < j``).

    Attributes:
        value: the judgement ``a_ij`` as entered.
        implied: ``w_i / w_j``, the ratio of the derived weights.
        deviation: ``|ln(value / implied)|``, 0 when the judgement agrees with the weights.
        suggested: the geometric mean of the indirect comparisons ``a_ik · a_kj`` over the
            other items ``k`` (what the rest of the matrix says about this pair); equal to
            ``implied`` for a 2 × 2 matrix.
    """

    i: int
    j: int
    value: float
    implied: float
    deviation: float
    suggested: float


@dataclass(frozen=True)
class PairwiseResult:
    """Weights and consistency of a pairwise comparison matrix.

    Attributes:
        weights: ``(n,)`` principal eigenvector, each > 0, summing to 1.
        lambda_max: principal eigenvalue (≥ n). consistency_index: ``CI`` (≥ 0).
        random_index: Saaty's ``RI(n)``. consistency_ratio: ``CR`` (0 for n ≤ 2).
        worst: the judgement that disagrees most with the weights (``None`` for n = 1).
    """

    weights: np.ndarray
    lambda_max: float
    consistency_index: float
    random_index: float
    consistency_ratio: float
    worst: Judgement | None

    @property
    def acceptable(self) -> bool:
        """True when ``CR`` is at most :data:`CR_THRESHOLD` (0.10)."""
        return self.consistency_ratio <= CR_THRESHOLD


def pairwise(matrix: object) -> PairwiseResult:
    """Weights, ``λmax``, ``CI``, ``CR`` and the most inconsistent judgement of ``matrix``.

    Raises:
        ValueError: see :func:`check_pairwise`.
    """
    a = check_pairwise(matrix)
    n = a.shape[0]
    w, lam = _principal(a)
    ci = max(0.0, (lam - n) / (n - 1)) if n > 2 else 0.0
    ri = RANDOM_INDEX[n]
    cr = ci / ri if ri > 0 else 0.0
    return PairwiseResult(w, lam, ci, ri, cr, most_inconsistent(a, w) if n > 1 else None)


def most_inconsistent(matrix: object, weights: np.ndarray | None = None) -> Judgement:
    """The judgement ``(i, j)``, ``i < j``, with the largest ``|ln(a_ij · w_j / w_i)|``.

    ``weights`` default to the matrix's own principal eigenvector. Ties go to the first pair
    in row order.

    Raises:
        ValueError: see :func:`check_pairwise`, or a 1 × 1 matrix (no judgement).
    """
    a = check_pairwise(matrix)
    n = a.shape[0]
    if n < 2:
        raise ValueError("a 1 × 1 matrix holds no judgement")
    w = _principal(a)[0] if weights is None else np.asarray(weights, dtype=float)
    implied = w[:, None] / w[None, :]
    dev = np.abs(np.log(a / implied))
    iu = np.triu_indices(n, 1)
    k = int(np.argmax(dev[iu]))
    i, j = int(iu[0][k]), int(iu[1][k])
    others = [x for x in range(n) if x not in (i, j)]
    suggested = float(np.exp(np.mean(np.log(a[i, others] * a[others, j])))) if others \
        else float(implied[i, j])
    return Judgement(i, j, float(a[i, j]), float(implied[i, j]), float(dev[i, j]), suggested)


def format_judgement(value: float) -> str:
    """A judgement as people write it: ``3``, ``1/5``, ``2.5``, ``1/2.5``."""
    big = value if value >= 1 else 1.0 / value
    r = round(big)
    txt = str(int(r)) if abs(big - r) < 1e-6 else f"{big:.2f}".rstrip("0").rstrip(".")
    return txt if value >= 1 or txt == "1" else f"1/{txt}"


def ratio_text(ratio: float, threshold: float = CR_THRESHOLD) -> tuple[str, str]:
    """``ratio`` and ``threshold`` as texts with enough decimals to tell them apart (at least
    two): 0.1012 against 0.10 reads "0.101" and "0.100", never "0.10 is above 0.10"."""
    from models.core.rounding import fixed

    decimals = 2
    while decimals < 6 and fixed(ratio, decimals) == fixed(threshold, decimals):
        decimals += 1
    return fixed(ratio, decimals), fixed(threshold, decimals)


def consistency_warning(
    result: PairwiseResult, names: Sequence[str], lang: str = "en"
) -> str | None:
    """A one-sentence warning when ``CR`` exceeds 0.10, naming the judgement to revisit.

    Returns ``None`` when the matrix is acceptably consistent. ``names`` label the items in
    matrix order; ``lang`` is ``en`` or ``zh_CN``.
    """
    if result.acceptable or result.worst is None:
        return None
    j = result.worst
    a, b = names[j.i], names[j.j]
    given, implied = format_judgement(j.value), format_judgement(j.suggested)
    cr, limit = ratio_text(result.consistency_ratio)
    if lang == "zh_CN":
        return (f"一致性比率 {cr} 超过 {limit}：最不一致的判断是"
                f"“{a}”对“{b}”（{given}），其余判断意味着约 {implied}。")
    return (f"Consistency ratio {cr} is above {limit}: the least "
            f"consistent judgement is {a} vs {b} ({given}); the other judgements suggest "
            f"about {implied}.")


def matrix_from_weights(weights: Sequence[float]) -> np.ndarray:
    """The perfectly consistent matrix ``a_ij = w_i / w_j`` for positive ``weights``.

    Useful to start a pairwise editor from the current weights (its ``CR`` is 0).

    Raises:
        ValueError: empty, more than 15 weights, or a weight not > 0.
    """
    w = np.asarray(weights, dtype=float)
    if w.ndim != 1 or not 1 <= len(w) <= MAX_SIZE:
        raise ValueError(f"need 1 to {MAX_SIZE} weights")
    if not np.all(np.isfinite(w) & (w > 0)):
        raise ValueError("every weight must be > 0")
    ratios: np.ndarray = w[:, None] / w[None, :]
    return ratios
