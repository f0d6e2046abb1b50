"""Analysis over many assessments: Monte Carlo uncertainty, weight sensitivity, pairwise
(AHP) weights, assessors' gaps and consensus, and the one analysis entry point
(:func:`models.analysis.run.run_uncertainty`, with :func:`models.analysis.run.analyze_portfolio`
around it) that the command line, the workbook, the report and the window all use.

May import: :mod:`models.core`, :mod:`models.files`, :mod:`models.engine`, numpy.
"""
