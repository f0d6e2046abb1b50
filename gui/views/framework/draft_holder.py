"""The framework being edited in the framework editor, and its undo history.

:class:`DraftHolder` keeps the current :class:`~models.core.framework_draft.FrameworkDraft`
and an undo stack of its own (the editor's edits are not the portfolio's until the user uses
the framework in the portfolio). Every edit is a snapshot: the draft before and the draft
after, so undoing is showing the draft before again. Typing on in one text field merges into
the step before it, so one Undo takes back a typed phrase; :meth:`DraftHolder.end_typing`
(the field lost the focus) starts a new step. A step is named as the document's are
(:class:`gui.undo_texts.NamedStep`): by words said again in the new language after a switch,
the item they name too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from gui.i18n import language
from gui.undo_texts import NamedStep
from models.core.framework import text
from models.core.framework_draft import FrameworkDraft
from models.core.portfolio import Portfolio

_MERGE_TYPING = 1601


class DraftEdit(NamedStep):
    """One edit of the draft: ``before`` and ``after``. Merges with the next edit when both
    set the same text field (see the module notes)."""

    def __init__(self, holder: DraftHolder, before: FrameworkDraft, after: FrameworkDraft,
                 words: Callable[[], str]) -> None:
        super().__init__()
        self.set_words(words)
        self.holder = holder
        self.before = before
        self.after = after
        self.typing = holder.typing_key(before, after)

    def redo(self) -> None:
        self.holder._show(self.after)

    def undo(self) -> None:
        self.holder._show(self.before)

    def id(self) -> int:
        return _MERGE_TYPING if self.typing is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, DraftEdit) or other.typing != self.typing or \
                other.before is not self.after:
            return False
        self.after = other.after
        if self.after == self.before:  # typed and erased again: no step left
            self.setObsolete(True)
        return True


class DraftHolder(QObject):
    """The draft being edited (:attr:`draft`), told to every panel of the editor by
    :attr:`changed`.

    Attributes:
        undo_stack: the editor's own history of edits (clean when the draft is as it
            was opened or last saved).
        portfolio: the portfolio whose framework is edited, for previews of rules and
            scenarios.
        lang: the interface language (``en``, ``zh_CN``).
        perspective, ignore_gates: how the window ranks the portfolio, which the previews
            follow (:meth:`rank_as`).

    Signals:
        changed(): the draft changed.
        rankingChanged(): the previews' perspective or gates setting changed.
    """

    changed = Signal()
    rankingChanged = Signal()

    def __init__(self, draft: FrameworkDraft, portfolio: Portfolio | None = None,
                 lang: str = "en", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._draft = draft
        self.portfolio = portfolio
        self.lang = lang
        self.perspective, self.ignore_gates = "investor", False
        self.undo_stack = QUndoStack(self)
        self._typing_round = 0

    @property
    def draft(self) -> FrameworkDraft:
        """The draft as it is now (an immutable snapshot)."""
        return self._draft

    def edit(self, new_draft: FrameworkDraft, words: Callable[[], str]) -> None:
        """Make ``new_draft`` the draft, as an undoable step named by ``words`` in the
        interface language (nothing when it changes nothing)."""
        if new_draft == self._draft:
            return
        self.undo_stack.push(DraftEdit(self, self._draft, new_draft, words))

    def rank_as(self, perspective: str, ignore_gates: bool) -> None:
        """Preview under ``perspective``, gates ignored or not (as the window ranks)."""
        if (perspective, ignore_gates) != (self.perspective, self.ignore_gates):
            self.perspective, self.ignore_gates = perspective, ignore_gates
            self.rankingChanged.emit()

    def end_typing(self) -> None:
        """The next edit of a text starts a new undo step, even in the same field."""
        self._typing_round += 1

    def typing_key(self, before: FrameworkDraft,
                   after: FrameworkDraft) -> tuple[object, ...] | None:
        """What makes two edits one typing: the text field set and the typing round, or
        ``None`` when ``after`` is not ``before`` with one text changed."""
        path = after.changed
        if path is None or not isinstance(after.get(path), str) or \
                not isinstance(before.get(path, ""), str):
            return None
        return (path, self._typing_round)

    def ids_in_use(self) -> set[str]:
        """The pillar and criterion ids the portfolio has used (its framework's, and those
        its scores name): a new pillar or criterion never gets one of them."""
        if self.portfolio is None:
            return set()
        fw = self.portfolio.framework
        used = {p.id for p in fw.pillars} | set(fw.criterion_ids)
        return used | {cid for _st, a in self.portfolio.assessments() for cid in a.scores}

    def is_modified(self) -> bool:
        """True when the draft differs from the one opened or last marked saved."""
        return not self.undo_stack.isClean()

    def mark_saved(self) -> None:
        """The draft as it is now was saved."""
        self.undo_stack.setClean()

    def _show(self, draft: FrameworkDraft) -> None:
        self._draft = draft
        self.changed.emit()


def rule_name(rule: Any, lang: str, fallback: str) -> str:
    """A pillar's, criterion's, rule's or scenario's name in ``lang`` (``fallback`` while its
    English name is empty)."""
    name = rule.get("name") if isinstance(rule, dict) else None
    if isinstance(name, dict) and str(name.get("en", "")).strip():
        return text(name, lang)
    return fallback


def item_name(item: Any, context: str) -> str:
    """The name of a draft's ``item`` (a pillar, criterion, rule or scenario) in an undo
    step: in the interface language, or "(no name)" in ``context``'s words."""
    return rule_name(item, language(), QCoreApplication.translate(context, "(no name)"))
