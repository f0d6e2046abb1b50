"""Small widgets and helpers shared by the views: the idle-drawn matplotlib canvas, painted
pillar bars, the colour palette, the weight spin box and the idle-refresh timer.

May import: Qt and :mod:`models`; not the views.
"""
