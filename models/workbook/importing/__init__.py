"""Reading founders' workbooks and Beachhead exports back: cells, sheets, readers per
workbook kind, reader processes, the import report and the merge into a portfolio.

May import: core, files, engine, :mod:`models.workbook` (layout, texts, words) and its guard.
"""
