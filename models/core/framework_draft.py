"""A framework being edited: :class:`FrameworkDraft`, the framework's JSON form
(``Framework.model_dump(mode="json")``), which may be invalid while the user works on it.

Drafts are immutable snapshots: every change (:meth:`~FrameworkDraft.with_value`,
:meth:`~FrameworkDraft.with_inserted`, :meth:`~FrameworkDraft.with_removed`,
:meth:`~FrameworkDraft.with_moved`) returns a new draft that shares every part it did not
change with the old one, so undo is a matter of keeping the draft before and the draft after.

A place in the draft is a *path*, a tuple of keys and list positions into the JSON form:
``("pillars", 2, "criteria", 0, "rubric", 3, "zh_CN")`` is the Chinese text of level 4 of the
first criterion of the third pillar. :meth:`~FrameworkDraft.problems` names each problem by the
path of the exact field at fault (:mod:`models.core.framework_checks` finds them), and
:meth:`~FrameworkDraft.framework` gives the :class:`~models.core.framework.Framework` once
there are none.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from pydantic import ValidationError

from models.core.framework import LANGUAGES, Framework
from models.core.framework_checks import DraftProblem as DraftProblem
from models.core.framework_checks import Path as Path
from models.core.framework_checks import draft_problems


class FrameworkDraft:
    """A framework being edited (see the module notes). ``changed`` is the path of the value
    that :meth:`with_value` set to make this draft (``None`` for a draft made otherwise): it
    tells an editor that typing goes on in the same field."""

    def __init__(self, data: dict[str, Any], changed: Path | None = None) -> None:
        self._data = data
        self.changed = changed

    @classmethod
    def from_framework(cls, fw: Framework) -> FrameworkDraft:
        """The draft of ``fw`` as it is."""
        return cls(fw.model_dump(mode="json"))

    @property
    def data(self) -> dict[str, Any]:
        """The JSON form (shared with other drafts: read it, never change it)."""
        return self._data

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FrameworkDraft) and self._data == other._data

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"FrameworkDraft({self._data.get('id')!r}, {self._data.get('version')!r})"

    # -- reading -----------------------------------------------------------------------------
    def get(self, path: Path, default: Any = None) -> Any:
        """The value at ``path`` (``default`` where there is none)."""
        node: Any = self._data
        for key in path:
            try:
                node = node[key]
            except (KeyError, IndexError, TypeError):
                return default
        return node

    # -- changing ----------------------------------------------------------------------------
    def with_value(self, path: Path, value: Any) -> FrameworkDraft:
        """A draft with ``value`` at ``path`` (a key of a mapping may be new)."""
        if not path:
            raise ValueError("with_value needs a path")

        def put(parent: Any) -> None:
            parent[path[-1]] = value

        return FrameworkDraft(self._edited(path[:-1], put), changed=path)

    def with_inserted(self, path: Path, index: int, item: Any) -> FrameworkDraft:
        """A draft with ``item`` inserted at ``index`` of the list at ``path``."""
        return FrameworkDraft(self._edited(path, lambda seq: seq.insert(index, item)))

    def with_removed(self, path: Path) -> FrameworkDraft:
        """A draft without the list item or mapping entry at ``path``."""
        if not path:
            raise ValueError("with_removed needs a path")
        return FrameworkDraft(self._edited(path[:-1], lambda parent: parent.pop(path[-1])))

    def with_moved(self, path: Path, src: int, dst: int) -> FrameworkDraft:
        """A draft whose list at ``path`` has its item ``src`` moved to position ``dst``."""
        return FrameworkDraft(self._edited(path, lambda seq: seq.insert(dst, seq.pop(src))))

    def _edited(self, path: Path, change: Any) -> dict[str, Any]:
        """A copy of the data whose containers along ``path`` are new (the rest is shared),
        with ``change`` applied to the container at ``path``. ``KeyError``/``IndexError``
        when ``path`` leads nowhere."""
        root = dict(self._data)
        node: Any = root
        for key in path:
            child = node[key]
            copy = list(child) if isinstance(child, list) else dict(child)
            node[key] = copy
            node = copy
        change(node)
        return root

    # -- checking ----------------------------------------------------------------------------
    @cached_property
    def _validated(self) -> tuple[Framework | None, list[Any]]:
        """The framework, or pydantic's errors about the data."""
        try:
            return Framework.model_validate(self._data), []
        except ValidationError as exc:
            return None, list(exc.errors())

    @cached_property
    def _problems(self) -> dict[str, list[DraftProblem]]:
        return {}

    def problems(self, lang: str = "en") -> list[DraftProblem]:
        """Every problem of the draft, each naming its field; empty when it is a valid
        framework. Messages in ``lang`` (``en`` or ``zh_CN``)."""
        fw, errors = self._validated
        if fw is not None:
            return []
        if lang not in self._problems:
            self._problems[lang] = draft_problems(self._data, errors, lang)
        return list(self._problems[lang])

    def framework(self) -> Framework | None:
        """The framework this draft describes, or ``None`` while it has problems."""
        return self._validated[0]

    def missing_translations(self) -> list[Path]:
        """The path of every text with an English text but no Chinese one (the path of the
        missing ``zh_CN``), in the order of the JSON form."""
        found: list[Path] = []
        _walk_texts(self._data, (), found)
        return found


def is_local_text(value: Any) -> bool:
    """True when ``value`` looks like a :data:`~models.core.framework.LocalText`: a mapping
    with an ``en`` key whose keys are languages and whose values are strings."""
    return (isinstance(value, dict) and "en" in value and set(value) <= set(LANGUAGES)
            and all(isinstance(v, str) for v in value.values()))


def _walk_texts(node: Any, path: Path, found: list[Path]) -> None:
    if is_local_text(node):
        if str(node.get("en", "")).strip() and not str(node.get("zh_CN", "")).strip():
            found.append((*path, "zh_CN"))
        return
    if isinstance(node, dict):
        for key, value in node.items():
            _walk_texts(value, (*path, key), found)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            _walk_texts(value, (*path, i), found)
