"""The PDF report: a ranking page, then a page per assessment, drawn with matplotlib.

May import: core, files, engine, analysis, charts; never workbook or cli.
"""
