"""Small widgets and helpers shared by the views: the idle-drawn matplotlib canvas (the one
chart canvas), painted pillar bars, the colour palette, the weight spin box, the idle-refresh
timer, the tables' view and column fitting, splitters of panes, and the filter of startups by
sector, stage, region, tags and status (``startup_filter``) every list of startups uses, what
a view shows while it has nothing to show (``empty_state``), and the welcome page's tiles.

May import: Qt and :mod:`models`; not the views.
"""
