"""Charts drawn axes-first on a matplotlib ``Figure`` (never pyplot), and the font fallback
list for Chinese and symbols.

May import: everything in :mod:`models` below it (core, files, engine, analysis), matplotlib.
"""
