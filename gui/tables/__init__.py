"""Qt item models: thin adapters over :mod:`models` objects, columns declared once as data.

May import: Qt, :mod:`gui.widgets`, :mod:`models`; not the views.
"""
