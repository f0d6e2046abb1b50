"""Charts drawn axes-first on a matplotlib ``Figure`` (never pyplot), their labels laid out to
fit (``labels``), and the font fallback list for Chinese and symbols.

May import: everything in :mod:`models` below it (core, files, engine, analysis), matplotlib.
"""
