"""The first lines of the Assess view's Criteria tab while there is nothing to score: what
to do next, with a button that does it — add a startup or import founders' workbooks (an
empty portfolio), choose a startup (none chosen), or start an assessment (a startup without
one)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gui.widgets.empty_state import EmptyState, window_command

if TYPE_CHECKING:
    from gui.views.assess.view import AssessView


class NextStep(EmptyState):
    """What to do next in ``view`` (see the module notes); hidden while an assessment is
    shown."""

    def show_for(self, view: AssessView) -> None:
        """Say what to do next in ``view`` as it is now."""
        st, shown = view.current_startup(), view.current_assessment() is not None
        self.setVisible(not shown)
        if shown:
            return
        if st is not None:
            self.show_message(self.tr(
                "{name} has no assessment yet. Start one to score it criterion by "
                "criterion.").format(name=st.name),
                [(self.tr("New Assessment"), view.new_assessment)])
        elif view.doc.portfolio.startups:
            self.show_message(self.tr("Choose a startup in the list to score it."))
        else:
            self.show_message(self.tr(
                "No startups yet. Add one, or import the workbooks founders filled in: each "
                "becomes a startup with its scores."),
                [(self.tr("Add Startup…"), view.add_startup),
                 (self.tr("Import Founders' Workbooks…"),
                  window_command(view, "import_workbooks"))])
