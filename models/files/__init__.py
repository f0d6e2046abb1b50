"""Files on disk: the one atomic writer, reading and writing portfolio documents and
framework files, and the framework Beachhead ships; their messages (and the workspace's
when it is opened or created) in English and Chinese (:mod:`~models.files.texts`).

May import: :mod:`models.core`.
"""
