"""File ▸ Open Team Workspace…: the address of a team workspace on a PostgreSQL server,
pasted whole (``postgresql://ann@db.example.com/deals``) or put together from its host,
port, database and user, or chosen among the addresses opened before.

No password is asked for: PostgreSQL's own password file (``~/.pgpass``) or a service file
supplies it, as for ``psql``. A password pasted in an address is used to connect and never
remembered (:func:`gui.settings.without_password`).

:class:`TeamWorkspaceDialog` asks; :data:`team_ask` is the seam that shows it, which tests
replace with a scripted answer. :func:`short_name` names a workspace by its address in the
window's title ("deals@db.example.com").
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

#: The address shown greyed in an empty address field.
EXAMPLE = "postgresql://USER@HOST/DATABASE"
#: libpq's host and port when none is given.
DEFAULT_HOST, DEFAULT_PORT = "localhost", "5432"


@dataclass(frozen=True)
class AddressParts:
    """The parts of an address the dialog shows, as text ('' when absent)."""

    host: str = ""
    port: str = ""
    database: str = ""
    user: str = ""
    password: bool = False


def address_parts(address: str) -> AddressParts:
    """The host (a socket folder given as ``?host=`` too), port, database and user of
    ``address``, and whether it holds a password; empty parts when it cannot be read."""
    import sqlalchemy as sa

    try:
        url = sa.make_url(address.strip())
    except (sa.exc.ArgumentError, ValueError):  # ValueError: a port that is no number
        return AddressParts()
    host = url.host or str(url.query.get("host", "") or "")
    port = url.port or url.query.get("port", "")
    return AddressParts(host, str(port or ""), url.database or "", url.username or "",
                        bool(url.password or "password" in url.query))


def with_parts(address: str, parts: AddressParts) -> str:
    """``address`` with its host, port, database and user replaced by ``parts`` (empty ones
    left out); its scheme, password and other parameters (``sslmode=``…) are kept."""
    import sqlalchemy as sa

    try:
        url = sa.make_url(address.strip())
    except (sa.exc.ArgumentError, ValueError):  # ValueError: a port that is no number
        url = sa.make_url("postgresql://")
    if url.drivername not in ("postgresql", "postgres", "postgresql+psycopg"):
        url = sa.make_url("postgresql://")
    query = {k: v for k, v in url.query.items() if k not in ("host", "port")}
    host = parts.host.strip() or None
    if host is not None and host.startswith("/"):  # a socket folder on this machine
        query["host"], host = parts.host.strip(), None
    port = int(parts.port) if parts.port.strip().isdigit() else None
    bare = sa.URL.create(url.drivername, parts.user.strip() or None, url.password, host, port,
                         parts.database.strip() or None, query)
    return bare.render_as_string(hide_password=False)


def short_name(address: str) -> str:
    """A team workspace as the window names it: ``database@host`` (``localhost`` for a
    socket on this machine), or the service's name."""
    import sqlalchemy as sa

    try:
        url = sa.make_url(address.strip())
    except (sa.exc.ArgumentError, ValueError):  # ValueError: a port that is no number
        return address
    parts = address_parts(address)
    if not parts.database and url.query.get("service"):
        return str(url.query["service"])
    host = parts.host if parts.host and not parts.host.startswith("/") else DEFAULT_HOST
    return f"{parts.database}@{host}"


def problem(address: str) -> str:
    """What keeps ``address`` from being opened: ``not_address``, ``invalid``,
    ``no_database``, or '' when nothing."""
    import sqlalchemy as sa

    from models.store.server import is_server_address, server_url

    if not address.strip():
        return ""
    if not is_server_address(address):
        return "not_address"
    try:
        sa.make_url(address.strip())
    except (sa.exc.ArgumentError, ValueError):
        return "invalid"
    try:
        server_url(address)
    except ValueError:
        return "no_database"
    return ""


class TeamWorkspaceDialog(QDialog):
    """Asks for a team workspace's address.

    Args:
        recent: addresses opened before, most recent first (the first fills the fields).
        login: the name libpq connects as when no user is given (shown as a hint).

    Attributes:
        address_edit: the whole address; host_edit, port_edit, database_edit, user_edit: its
            parts, each kept in step with it; recent_combo: the addresses opened before;
        problem_label: what is wrong with the address; open_button: enabled when it can be
            opened.
    """

    def __init__(self, parent: QWidget | None, recent: list[str], login: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open Team Workspace"))
        self.recent_combo = QComboBox()
        for address in recent:
            self.recent_combo.addItem(address, address)
        self.recent_combo.activated.connect(
            lambda i: self._set_address(str(self.recent_combo.itemData(i))))
        self.address_edit = QLineEdit()
        self.address_edit.setPlaceholderText(EXAMPLE)
        self.address_edit.textEdited.connect(self._set_address)
        self.host_edit, self.port_edit = QLineEdit(), QLineEdit()
        self.database_edit, self.user_edit = QLineEdit(), QLineEdit()
        self.host_edit.setPlaceholderText(DEFAULT_HOST)
        self.port_edit.setPlaceholderText(DEFAULT_PORT)
        self.port_edit.setValidator(QIntValidator(1, 65535, self))
        self.port_edit.setMaximumWidth(80)
        self.user_edit.setPlaceholderText(login)
        for edit in (self.host_edit, self.port_edit, self.database_edit, self.user_edit):
            edit.textEdited.connect(self._parts_edited)
        self.problem_label = QLabel()
        self.problem_label.setObjectName("addressProblem")
        self.problem_label.setStyleSheet("color: #b3261e;")
        self.problem_label.setWordWrap(True)
        self.hint_label = QLabel(self.tr(
            "No password is asked for or remembered: PostgreSQL reads it from your password "
            "file (~/.pgpass; on Windows %APPDATA%\\postgresql\\pgpass.conf) or from a "
            "service file (postgresql:///?service=NAME), as psql does."))
        self.hint_label.setObjectName("addressHint")
        self.hint_label.setStyleSheet("color: #555;")
        self.hint_label.setWordWrap(True)
        self._lay_out(bool(recent))
        self._set_address(recent[0] if recent else "")

    def _lay_out(self, has_recent: bool) -> None:
        form = QFormLayout()
        if has_recent:
            form.addRow(self.tr("Recent:"), self.recent_combo)
        form.addRow(self.tr("Address:"), self.address_edit)
        form.addRow(QLabel(self.tr("or fill in its parts:")))
        host_row = QHBoxLayout()
        host_row.addWidget(self.host_edit, 1)
        host_row.addWidget(QLabel(self.tr("Port:")))
        host_row.addWidget(self.port_edit)
        form.addRow(self.tr("Host:"), host_row)
        form.addRow(self.tr("Database:"), self.database_edit)
        form.addRow(self.tr("User:"), self.user_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setDefault(True)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.hint_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _set_address(self, address: str) -> None:
        """Show ``address`` and its parts (typed or pasted whole, or chosen among the
        recent ones)."""
        if self.address_edit.text() != address:
            self.address_edit.setText(address)
        parts = address_parts(address)
        for edit, value in ((self.host_edit, parts.host), (self.port_edit, parts.port),
                            (self.database_edit, parts.database),
                            (self.user_edit, parts.user)):
            if edit.text() != value:
                edit.setText(value)
        self._check()

    def _parts_edited(self) -> None:
        parts = AddressParts(self.host_edit.text(), self.port_edit.text(),
                             self.database_edit.text(), self.user_edit.text())
        self.address_edit.setText(with_parts(self.address_edit.text(), parts))
        self._check()

    def _check(self) -> None:
        address = self.address()
        found = problem(address)
        text = {"not_address": self.tr("A team workspace's address starts with "
                                       "postgresql:// (a file opens with File ▸ Open)."),
                "invalid": self.tr("This address cannot be read: check the port (a number) "
                                   "and the characters after postgresql://."),
                "no_database": self.tr("Name the database that holds the workspace.")
                }.get(found, "")
        if not text and address_parts(address).password:
            text = self.tr("The password in this address is used to connect now and never "
                           "remembered; keep it in ~/.pgpass to connect next time.")
        self.problem_label.setText(text)
        self.problem_label.setVisible(bool(text))
        self.open_button.setEnabled(bool(address) and not found)

    def address(self) -> str:
        """The address as it stands now."""
        return self.address_edit.text().strip()


class TeamAsk:
    """The seam through which the window asks for a team workspace's address."""

    def address(self, parent: QWidget | None, recent: list[str]) -> str | None:
        """The address chosen, or None when cancelled."""
        from models.store.opening import default_user

        dialog = TeamWorkspaceDialog(parent, recent, default_user())
        return dialog.address() if dialog.exec() == QDialog.DialogCode.Accepted else None


#: The window's way to ask for an address; tests assign a scripted replacement.
team_ask = TeamAsk()
