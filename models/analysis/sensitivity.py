"""Weight sensitivity: where the leader changes as one pillar's weight moves, and tornado data.

A pillar's **share** is its weight divided by the total weight of the enabled pillars (0–1).
Varying pillar ``j``'s share to ``t`` rescales the other enabled pillars proportionally, so they
keep their ratios and fill ``1 - t``; disabled pillars stay out.

For an assessment with pillar scores ``P`` the overall at share ``t`` is

    overall(t) = (t · P_j + (1 - t) · h · r) / (t + (1 - t) · h)

where ``h`` is the share of the *other* enabled pillars' weight that is scored for this
assessment and ``r`` the weighted mean of those scored pillars. When every pillar is scored
(``h = 1``) this is the straight line ``t · P_j + (1 - t) · r``; otherwise it is a ratio of two
linear functions. An assessment with no score in pillar ``j`` stays at ``r`` for every ``t < 1``,
and one scored only in pillar ``j`` stays at ``P_j`` for every ``t > 0``. So the points where two
assessments swap order solve a quadratic exactly, and :func:`leader_reversals` walks the upper
envelope from ``t = 0`` to ``t = 1`` without sampling.

The **leader** is the assessment with the highest overall. Where several tie, the one that pulls
ahead as ``t`` grows leads (then the earlier row), which is what rescoring just above a reversal
point shows.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from models.engine.scores import overall_from_pillars

#: Default tornado step: ± 10 percentage points of share.
TORNADO_STEP = 0.10
#: Values of two assessments closer than this (points) at a crossing count as equal.
_VALUE_TOLERANCE = 1e-9
#: Crossings closer than this to the current position (share) are not new.
_T_TOLERANCE = 1e-12


def shares(pillar_weight: np.ndarray) -> np.ndarray:
    """``(k,)`` each pillar's share of the enabled weight (0 for disabled pillars), summing to 1.

    Raises:
        ValueError: no pillar has a positive weight.
    """
    pw = np.asarray(pillar_weight, dtype=float)
    if not np.any(pw > 0):
        raise ValueError("at least one pillar needs a positive weight")
    share: np.ndarray = np.where(pw > 0, pw, 0.0) / pw[pw > 0].sum()
    return share


def reweighted(pillar_weight: np.ndarray, j: int, t: float | np.ndarray) -> np.ndarray:
    """Pillar weights with pillar ``j`` at share ``t`` and the others rescaled proportionally.

    Args:
        pillar_weight: ``(k,)`` current weights (0 = disabled).
        j: index of an enabled pillar.
        t: a share 0–1, or an array of shares of any shape ``S``.

    Returns:
        ``S + (k,)`` weights summing to 1 (disabled pillars stay 0). With ``j`` the only
        enabled pillar the others have nothing to fill ``1 - t``.

    Raises:
        ValueError: ``j`` is disabled or ``t`` lies outside 0–1.
    """
    base = shares(pillar_weight)
    if base[j] <= 0:
        raise ValueError(f"pillar {j} is disabled")
    t = np.asarray(t, dtype=float)
    if np.any((t < 0) | (t > 1)):
        raise ValueError("a share must lie between 0 and 1")
    others = base.copy()
    others[j] = 0.0
    rest = others.sum()
    others = others / rest if rest > 0 else others
    out: np.ndarray = (1.0 - t)[..., None] * others
    out[..., j] = t
    return out


def overall_at_share(
    pillars: np.ndarray, pillar_weight: np.ndarray, j: int, t: float | np.ndarray
) -> np.ndarray:
    """Overall scores with pillar ``j`` at share ``t`` (others rescaled).

    Args:
        pillars: ``(n, k)`` pillar scores (NaN = no score), e.g. ``ScoreTable.pillars``.
        t: a share or an array of shares of shape ``S``.

    Returns:
        ``S + (n,)`` overall scores 0–100; NaN where an assessment has no scored pillar with a
        positive weight at that share (e.g. at ``t = 1`` when pillar ``j`` is not scored).
    """
    w = reweighted(pillar_weight, j, t)  # S + (k,)
    return overall_from_pillars(np.asarray(pillars, float), w[..., None, :])


@dataclass(frozen=True)
class Reversal:
    """The leader changes when ``pillar``'s share passes ``weight`` (0–1), growing.

    ``previous_leader`` and ``new_leader`` are row indices of the assessments given.
    """

    pillar: str
    weight: float
    previous_leader: int
    new_leader: int


@dataclass(frozen=True)
class PillarSweep:
    """One pillar's share swept from 0 to 1.

    Attributes:
        pillar: the pillar id. current: its current share (0–1).
        leader_at_start: the leader just above share 0.
        leader_now: the leader at the current share.
        reversals: every change of leader, by increasing share.
    """

    pillar: str
    current: float
    leader_at_start: int
    leader_now: int
    reversals: list[Reversal]


def _fractional_forms(
    pillars: np.ndarray, share: np.ndarray, j: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``overall(t) = (a + b·t) / (c + d·t)`` for every row, valid on the open interval 0–1.

    Returns ``a, b, c, d`` and a mask of rows that have an overall at all.
    """
    has = ~np.isnan(pillars)
    filled = np.where(has, pillars, 0.0)
    others = share.copy()
    others[j] = 0.0
    total = others.sum()
    others = others / total if total > 0 else others
    h = (has * others).sum(axis=1)  # scored share of the other pillars
    s = (filled * others).sum(axis=1)  # = h · r
    pj = filled[:, j]
    has_j = has[:, j]
    both = has_j & (h > 0)
    only_j = has_j & ~(h > 0)
    only_rest = ~has_j & (h > 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        a = np.select([both, only_j, only_rest], [s, pj, s / h], np.nan)
    b = np.where(both, pj - s, 0.0)
    c = np.where(both, h, 1.0)
    d = np.where(both, 1.0 - h, 0.0)
    return a, b, c, d, both | only_j | only_rest


def _value(a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray, t: float) -> np.ndarray:
    """``(a + b·t) / (c + d·t)``: each row's overall at share ``t``."""
    value: np.ndarray = (a + b * t) / (c + d * t)
    return value


def _slope(a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray, t: float) -> np.ndarray:
    """The derivative of :func:`_value` in ``t``."""
    slope: np.ndarray = (b * c - a * d) / (c + d * t) ** 2
    return slope


def _first_crossing(
    a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray, lead: int, t0: float
) -> float | None:
    """Smallest ``t`` in ``(t0, 1)`` where some row's value meets the leader's, or ``None``."""
    # N_i·D_L − N_L·D_i = A t² + B t + C  (positive D on 0–1, so its sign is f_i − f_L)
    qa = b * d[lead] - b[lead] * d
    qb = a * d[lead] + b * c[lead] - a[lead] * d - b[lead] * c
    qc = a * c[lead] - a[lead] * c
    scale = np.maximum.reduce([np.abs(qa), np.abs(qb), np.abs(qc), np.ones_like(qa)])
    qa, qb, qc = qa / scale, qb / scale, qc / scale
    roots = np.full((len(a), 2), np.nan)
    with np.errstate(invalid="ignore", divide="ignore"):
        quad = np.abs(qa) > 1e-12
        disc = qb * qb - 4.0 * qa * qc
        sq = np.sqrt(np.where(disc >= 0, disc, np.nan))
        q = -0.5 * (qb + np.copysign(sq, qb))
        r1 = np.where(quad, q / qa, np.where(np.abs(qb) > 1e-15, -qc / qb, np.nan))
        r2 = np.where(quad, qc / q, np.nan)
    roots[:, 0] = r1
    roots[:, 1] = r2
    roots[lead] = np.nan
    ok = np.isfinite(roots) & (roots > t0 + _T_TOLERANCE) & (roots < 1.0 - _T_TOLERANCE)
    if not ok.any():
        return None
    return float(roots[ok].min())


def _leader_at(
    a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray, valid: np.ndarray,
    t: float, incumbent: int | None = None,
) -> int:
    """The row leading just above ``t``: highest value, then steepest rise, then incumbent."""
    vals = np.where(valid, _value(a, b, c, d, t), -np.inf)
    best = vals.max()
    tied = np.flatnonzero(vals >= best - _VALUE_TOLERANCE * max(1.0, abs(best)))
    if len(tied) == 1:
        return int(tied[0])
    slopes = _slope(a[tied], b[tied], c[tied], d[tied], t)
    steep = tied[slopes >= slopes.max() - 1e-9 * max(1.0, abs(slopes.max()))]
    if incumbent is not None and incumbent in steep:
        return incumbent
    return int(steep[0])


def sweep_pillar(
    pillars: np.ndarray, pillar_weight: np.ndarray, j: int, pillar_id: str = ""
) -> PillarSweep:
    """Sweep pillar ``j``'s share from 0 to 1 and find every change of leader.

    Args:
        pillars: ``(n, k)`` pillar scores (NaN = no score), e.g. ``ScoreTable.pillars``.
        pillar_weight: ``(k,)`` the current pillar weights (0 = disabled).
        j: index of an enabled pillar; pillar_id: its id, copied into the results.

    Returns:
        A :class:`PillarSweep`; no reversals when fewer than two assessments have an overall
        or ``j`` is the only enabled pillar. Leader indices are -1 when nobody has an overall.

    Raises:
        ValueError: ``j`` is disabled.
    """
    pillars = np.asarray(pillars, dtype=float)
    share = shares(pillar_weight)
    if share[j] <= 0:
        raise ValueError(f"pillar {j} is disabled")
    a, b, c, d, valid = _fractional_forms(pillars, share, j)
    current = float(share[j])
    if not valid.any():
        return PillarSweep(pillar_id, current, -1, -1, [])
    if valid.sum() < 2 or np.count_nonzero(share) < 2:
        lead = _leader_at(a, b, c, d, valid, current)
        return PillarSweep(pillar_id, current, lead, lead, [])
    # rows without an overall never lead: give them a constant far below every score
    a = np.where(valid, a, -1e9)
    b, c, d = (np.where(valid, x, y) for x, y in ((b, 0.0), (c, 1.0), (d, 0.0)))
    t = 0.0
    lead = _leader_at(a, b, c, d, valid, t)
    start = lead
    out: list[Reversal] = []
    for _ in range(4 * len(a) + 4):  # each step passes a root; a pair has at most two
        nxt = _first_crossing(a, b, c, d, lead, t)
        if nxt is None:
            break
        new = _leader_at(a, b, c, d, valid, nxt, incumbent=lead)
        if new != lead:
            out.append(Reversal(pillar_id, nxt, lead, new))
            lead = new
        t = nxt
    now = start
    for r in out:
        if r.weight <= current:
            now = r.new_leader
    return PillarSweep(pillar_id, current, start, now, out)


def leader_reversals(
    pillars: np.ndarray, pillar_weight: np.ndarray, pillar_ids: list[str]
) -> list[PillarSweep]:
    """:func:`sweep_pillar` for every enabled pillar, in framework order.

    Args:
        pillars: ``(n, k)`` pillar scores; pillar_weight: ``(k,)``; pillar_ids: ``k`` ids
            (e.g. ``FrameworkArrays.pillar_ids``).
    """
    pw = np.asarray(pillar_weight, dtype=float)
    return [
        sweep_pillar(pillars, pw, j, pid) for j, pid in enumerate(pillar_ids) if pw[j] > 0
    ]


@dataclass(frozen=True)
class Tornado:
    """Each assessment's overall with one pillar's share moved down and up.

    Attributes:
        pillar_ids: the ``p`` enabled pillars (columns below), in framework order.
        base: ``(n,)`` overall at the current weights.
        share: ``(p,)`` current shares; low_share, high_share: ``(p,)`` the shares tried,
            ``share ∓ step`` clamped to 0–1.
        low, high: ``(n, p)`` overall at those shares (others rescaled); NaN where the
            assessment has no overall there.
    """

    pillar_ids: list[str]
    base: np.ndarray
    share: np.ndarray
    low_share: np.ndarray
    high_share: np.ndarray
    low: np.ndarray
    high: np.ndarray

    def swing(self) -> np.ndarray:
        """``(n, p)`` ``|high - low|``: how far each pillar's weight moves each assessment."""
        swing: np.ndarray = np.abs(self.high - self.low)
        return swing


def tornado(
    pillars: np.ndarray, pillar_weight: np.ndarray, pillar_ids: list[str],
    step: float = TORNADO_STEP,
) -> Tornado:
    """Tornado data: overall at each enabled pillar's share ``± step`` (clamped to 0–1).

    Args:
        pillars: ``(n, k)`` pillar scores (NaN = no score).
        pillar_weight: ``(k,)`` current weights (0 = disabled).
        pillar_ids: ``k`` ids. step: share points, 0–1 (default 0.10 = ten points).

    Raises:
        ValueError: ``step`` outside 0–1.
    """
    if not 0 <= step <= 1:
        raise ValueError("step must lie between 0 and 1")
    pillars = np.asarray(pillars, dtype=float)
    pw = np.asarray(pillar_weight, dtype=float)
    share = shares(pw)
    enabled = [j for j in range(len(pw)) if pw[j] > 0]
    low_share = np.clip(share[enabled] - step, 0.0, 1.0)
    high_share = np.clip(share[enabled] + step, 0.0, 1.0)
    low = np.column_stack(
        [overall_at_share(pillars, pw, j, t) for j, t in zip(enabled, low_share, strict=True)]
    ) if enabled else np.empty((len(pillars), 0))
    high = np.column_stack(
        [overall_at_share(pillars, pw, j, t) for j, t in zip(enabled, high_share, strict=True)]
    ) if enabled else np.empty((len(pillars), 0))
    return Tornado(
        pillar_ids=[pillar_ids[j] for j in enabled],
        base=overall_from_pillars(pillars, pw),
        share=share[enabled], low_share=low_share, high_share=high_share, low=low, high=high,
    )
