"""The baseline of ``bench_score``: what ``beachhead score FILE`` prints, computed by a bare
script with nothing but the standard library and numpy (no Beachhead code, no validation).

Usage: ``python bench/score_baseline.py json|workspace FILE``. It loads the portfolio
(``json.load`` of the file, or a raw ``sqlite3`` ``SELECT`` of the workspace's rows), takes each
startup's investor view (the latest assessment of each investor, the median of their levels),
scores it (pillars, overall, completeness), ranks the startups, draws 2,000 Monte Carlo
draws of every level from its confidence in chunks for the P10–P90 bands, and prints one line
per startup: rank, name, overall, the pillars, completeness, P10 and P90.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from typing import Any

import numpy as np

DRAWS = 2000
#: Probability of one level down / up for each confidence (low, medium, high).
SPREAD = {"low": (0.2, 0.2), "medium": (0.1, 0.1), "high": (0.0, 0.0)}


def from_json(path: str) -> tuple[dict[str, Any], list[tuple[str, list[dict[str, Any]]]]]:
    """The framework and (name, assessments) per startup of a JSON portfolio."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    return data["framework"], [(s["name"], s["assessments"]) for s in data["startups"]]


def from_workspace(path: str) -> tuple[dict[str, Any], list[tuple[str, list[dict[str, Any]]]]]:
    """The same from a workspace's tables."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    (doc,) = db.execute("SELECT document FROM framework_versions WHERE id = "
                        "(SELECT framework_version_id FROM portfolio)").fetchone()
    startups = {sid: (name, []) for sid, name in db.execute(
        "SELECT id, name FROM startups ORDER BY position")}
    by_id: dict[str, dict[str, Any]] = {}
    for aid, sid, assessor, role, date in db.execute(
            "SELECT id, startup_id, assessor, role, date FROM assessments ORDER BY position"):
        a = {"assessor": assessor, "role": role, "date": date, "scores": {}}
        by_id[aid] = a
        startups[sid][1].append(a)
    for aid, cid, value, confidence in db.execute(
            "SELECT assessment_id, criterion_id, value, confidence FROM scores"):
        by_id[aid]["scores"][cid] = {"value": value, "confidence": confidence}
    return json.loads(doc), list(startups.values())


def main() -> None:
    kind, path = sys.argv[1], sys.argv[2]
    fw, startups = (from_json if kind == "json" else from_workspace)(path)
    crits = [(c, p) for p in fw["pillars"] for c in p["criteria"]]
    col = {c["id"]: j for j, (c, _) in enumerate(crits)}
    n, m = len(startups), len(crits)
    pillar_of = np.array([fw["pillars"].index(p) for _, p in crits])
    member = np.zeros((m, len(fw["pillars"])))
    member[np.arange(m), pillar_of] = 1.0
    benefit = np.array([c["direction"] == "benefit" for c, _ in crits])
    cw = np.array([c["weight"] for c, _ in crits])
    pw = np.array([p["weight"] if p["enabled"] else 0.0 for p in fw["pillars"]])
    levels, down, up = np.full((n, m), np.nan), np.zeros((n, m)), np.zeros((n, m))
    for i, (_, assessments) in enumerate(startups):
        latest: dict[str, dict[str, Any]] = {}
        for a in assessments:
            if a["role"] == "investor" and (a["assessor"] not in latest
                                            or a["date"] >= latest[a["assessor"]]["date"]):
                latest[a["assessor"]] = a
        values: dict[str, list[tuple[int, str]]] = {}
        for a in latest.values():
            for cid, s in a["scores"].items():
                if s["value"] is not None:
                    values.setdefault(cid, []).append((s["value"], s["confidence"]))
        for cid, given in values.items():
            j = col[cid]
            given.sort()
            levels[i, j], confidence = given[(len(given) - 1) // 2]  # the lower median
            down[i, j], up[i, j] = SPREAD[confidence]
    scored = ~np.isnan(levels)
    fav = np.where(benefit, (levels - 1) / 4, (5 - levels) / 4)
    w = np.where(scored, cw, 0.0)
    den = w @ member
    with np.errstate(invalid="ignore", divide="ignore"):
        pillars = 100 * (np.nan_to_num(fav) * w @ member) / den
        pws = np.where(den > 0, pw, 0.0)
        overall = np.nansum(pillars * pws, axis=1) / pws.sum(axis=1)
        share = (cw / (cw @ member)[pillar_of]) * (pw / pw.sum())[pillar_of]
        completeness = np.where(scored, share, 0.0).sum(axis=1)
        coef = np.nan_to_num(np.where(benefit, 25.0, -25.0) * w / den[:, pillar_of]
                             * (pws / pws.sum(axis=1, keepdims=True))[:, pillar_of])
    lo = np.where(np.nan_to_num(levels) > 1, down, 0.0).astype(np.float32)
    hi = (1 - np.where(np.nan_to_num(levels, nan=5) < 5, up, 0.0)).astype(np.float32)
    rng = np.random.default_rng(0)
    samples = np.empty((n, DRAWS))
    chunk = max(1, 4_000_000 // (n * m))
    # thresholds tiled to a chunk's shape once, so that every comparison is contiguous
    lo, hi = (np.repeat(t[:, None, :], chunk, axis=1) for t in (lo, hi))
    for start in range(0, DRAWS, chunk):
        c = min(chunk, DRAWS - start)
        u = rng.random((n, c, m), dtype=np.float32)
        shift = (u > hi[:, :c]).view(np.int8) - (u < lo[:, :c]).view(np.int8)
        samples[:, start:start + c] = overall[:, None] + np.matmul(
            shift.astype(float), coef[:, :, None])[:, :, 0]
    p10, p90 = np.percentile(samples, [10.0, 90.0], axis=1)
    order = np.lexsort((np.arange(n), -np.nan_to_num(overall, nan=-1.0)))
    out = [f"{rank} {startups[i][0]} {overall[i]:.1f} "
           + " ".join(f"{x:.1f}" for x in pillars[i])
           + f" {completeness[i]:.0%} {p10[i]:.1f} {p90[i]:.1f}"
           for rank, i in enumerate(order.tolist(), start=1)]
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
