"""Long work in worker processes: the process runner, the Qt-free functions that run in the
worker, and the File menu's import, export and report jobs.

May import: :mod:`gui.dialogs`, :mod:`gui.widgets`, and :mod:`models`.
"""
