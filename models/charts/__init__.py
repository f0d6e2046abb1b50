"""Charts drawn axes-first on a matplotlib ``Figure`` (never pyplot), their labels laid out to
fit and placed without overlaps (``labels``), the 2×2 position map readable with thousands of
points (``position_map``), and the font fallback list for Chinese and symbols.

May import: everything in :mod:`models` below it (core, files, engine, analysis), matplotlib.
"""
