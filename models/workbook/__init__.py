"""Excel workbooks: the export with live formulas, the founder template, their layout (the
contract with the importer), and the import side in :mod:`models.workbook.guard` and
:mod:`models.workbook.importing`.

May import: core, files, engine, analysis, charts; never report or cli.
"""
