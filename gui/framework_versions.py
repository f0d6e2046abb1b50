"""The identity of the document's framework after an edit in the window: the frameworks whose
id and version are taken (every shipped one, and every one a workspace holds), the framework
an edit makes (:func:`models.core.framework_identity.successor`), and the identity a framework
read from a file is given when its id and version name other content."""

from __future__ import annotations

from gui.document import Document
from models.core.framework import Framework
from models.core.framework_identity import Lookup, lookup_in, successor
from models.core.framework_identity import own_identity as identity_of
from models.files.framework_file import shipped_frameworks


def known_frameworks(doc: Document, passed: list[Framework] | None = None) -> Lookup:
    """The framework an id and version name for ``doc``: a shipped one, or one the workspace
    holds (read only when asked for). ``passed`` do not count."""
    shipped = lookup_in(shipped_frameworks())
    rows = doc.workspace.framework_identities() if doc.workspace is not None else {}

    def find(framework_id: str, version: str) -> Framework | None:
        found = shipped(framework_id, version)
        row = rows.get((framework_id, version))
        if found is None and row is not None and doc.workspace is not None:
            found = doc.workspace.framework_version(row)
        return None if found is None or any(found == p for p in passed or []) else found

    return find


def edited(doc: Document, base: Framework, content: Framework,
           passed: list[Framework] | None = None) -> Framework:
    """``content`` (``base`` changed in the window) under its own identity: ``base`` again when
    nothing differs, else the next version of ``base`` with a changelog entry. ``passed`` are
    the frameworks the same undo step went through on its way (the steps of one weight's spin
    box, merged): they do not take the version, so the whole step is one version."""
    return successor(base, content, known_frameworks(doc, passed))


def own_identity(doc: Document, framework: Framework) -> Framework:
    """``framework`` (read from a file) as it is, or, when its id and version name another
    content for ``doc`` (a hand-edited copy of the shipped framework, say), as the next
    version of the framework they name."""
    return identity_of(framework, known_frameworks(doc))
