"""Functions that run inside a worker process (see :mod:`gui.jobs`). No Qt here: the worker
starts fast and the functions can be tested directly.

Each writes its output into ``work_dir`` (a private folder next to the final destination),
so the parent can move the result into place when the job succeeds, or remove the whole folder
when it is cancelled: nothing half-written is ever left where the user looks.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

Progress = Callable[[int, int], None]


def export_workbook_job(portfolio_json: str, work_dir: str, name: str, lang: str,
                        progress: Progress) -> dict[str, object]:
    """Export a portfolio (given as ``.beachhead`` JSON text) to ``work_dir/name``.

    Returns ``{"path": str, "assessments": int, "warnings": [str, ...]}``.
    """
    import json

    from models.storage import parse_portfolio
    from models.workbook_export import export_workbook

    portfolio = parse_portfolio(json.loads(portfolio_json), "portfolio")
    out = Path(work_dir) / name
    result = export_workbook(portfolio, out, lang=lang, progress=progress)
    return {"path": str(out), "assessments": result.assessments,
            "warnings": [str(w) for w in result.warnings]}
