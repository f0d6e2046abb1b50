"""The File menu's jobs that run inside a worker process (see :mod:`gui.jobs.process`; the
Compare view's analysis is :mod:`gui.jobs.analysis`). No Qt here: the worker starts fast and the
functions can be tested directly.

Each writes its file through the one atomic writer (:mod:`models.files.atomic`): the
destination changes only when the job succeeds, and a temporary file left by a cancelled
(terminated) job is removed by the parent, or by the next save of the same file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

Progress = Callable[[int, int], None]


def export_workbook_job(portfolio_json: str, target: str, lang: str, perspective: str,
                        ignore_gates: bool, scenario_id: str | None, draws: int, seed: int,
                        progress: Progress) -> dict[str, object]:
    """Export a portfolio (given as ``.beachhead`` JSON text) to ``target``, its Summary
    ranking the startups under ``perspective`` (and ``ignore_gates``), with ``scenario_id``
    applied (``None``: no scenario), its P10–P90 and Analysis sheet drawn ``draws`` times
    from ``seed``.

    Returns ``{"path": str, "assessments": int, "startups": int, "warnings": [str, ...]}``.
    """
    import json

    from models.files.portfolio_file import parse_portfolio
    from models.workbook.export import export_workbook

    portfolio = parse_portfolio(json.loads(portfolio_json), "portfolio")
    result = export_workbook(portfolio, Path(target), lang=lang, perspective=perspective,
                             ignore_gates=ignore_gates, scenario=scenario_id,
                             analysis_draws=draws, analysis_seed=seed, progress=progress)
    return {"path": target, "assessments": result.assessments, "startups": result.startups,
            "warnings": [str(w) for w in result.warnings]}


def import_workbooks_job(paths: list[str], framework_json: str, lang: str,
                         progress: Progress) -> object:
    """Read workbooks against a framework (given as JSON); returns the
    :class:`~models.workbook.importing.batch.ImportReport` (nothing is written), its problems
    and notes in ``lang`` (the interface language).

    Each workbook is read in a reader process of its own, started from this job's process
    (:mod:`models.workbook.importing.pool`): a workbook that makes its reader die is a problem
    in the report, naming the file, and the others are read; this job's process never reads one."""
    import json

    from models.files.framework_file import parse_framework
    from models.workbook.importing.batch import import_workbooks

    framework = parse_framework(json.loads(framework_json), "framework")
    return import_workbooks(paths, framework, skip_bad=False, progress=progress, lang=lang)


def report_job(portfolio_json: str, target: str, lang: str, startups: list[str] | None,
               top: int | None, perspective: str, ignore_gates: bool, scenario_id: str | None,
               draws: int, seed: int, progress: Progress) -> dict[str, object]:
    """Write the PDF report of a portfolio (given as JSON) to ``target``: the startups named
    by id in ``startups`` (None: all), or the ``top`` best of them, ranked under
    ``perspective`` (and ``ignore_gates``), with ``scenario_id`` applied, its P10–P90 bands
    drawn ``draws`` times from ``seed`` (:func:`models.report.document.write_report`).

    Returns ``{"path": str, "pages": int, "startups": int}``.
    """
    import json

    from models.files.portfolio_file import parse_portfolio
    from models.report.document import write_report

    portfolio = parse_portfolio(json.loads(portfolio_json), "portfolio")
    result = write_report(portfolio, Path(target), startups=startups, top=top,
                          perspective=perspective, ignore_gates=ignore_gates, lang=lang,
                          draws=draws, seed=seed, scenario=scenario_id, progress=progress)
    return {"path": target, "pages": result.pages, "startups": result.startups}


def template_job(framework_json: str, target: str, lang: str,
                 progress: Progress) -> dict[str, object]:
    """Write the founder template for a framework (given as JSON) to ``target``, wholly in
    ``lang`` (:func:`models.workbook.template.write_template`).

    Returns ``{"path": str, "warnings": [str, ...]}``.
    """
    import json

    from models.files.framework_file import parse_framework
    from models.workbook.template import write_template

    framework = parse_framework(json.loads(framework_json), "framework")
    warnings = write_template(framework, Path(target), lang=lang)
    progress(1, 1)
    return {"path": target, "warnings": [str(w) for w in warnings]}
