"""The hostile-file guard: before python-calamine reads a workbook, these modules inspect
exactly the parts it will read and bound what it may allocate.

May import: :mod:`models.core` (errors), :mod:`models.workbook.layout` (column letters),
defusedxml.
"""
