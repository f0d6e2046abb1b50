"""The PDF report: the startups ranked under a perspective, then a page per startup, drawn
with matplotlib.

May import: core, files, engine, analysis, charts; never workbook or cli.
"""
