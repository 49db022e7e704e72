"""One window per data folder: a second start hands over to the first, which comes forward.

A local socket (named pipe on Windows) keyed by the database location; no network involved.
"""

from __future__ import annotations

import logging
import zlib

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

MESSAGE = b"raise"
TIMEOUT_MS = 1000


def server_name(location: str) -> str:
    # Two 32-bit checksums, not hashlib: this runs before the first paint, and hashlib's
    # import (OpenSSL) costs 14 ms there. 64 bits keep a handful of databases apart.
    data = location.encode("utf-8")
    return f"ProposalDesk-{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def notify_running(name: str) -> bool:
    """Ask a running instance to come forward; True if one answered."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(TIMEOUT_MS):
        return False
    socket.write(MESSAGE)
    socket.flush()
    socket.waitForBytesWritten(TIMEOUT_MS)
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later starts; `activate_requested` asks the window to come forward."""

    activate_requested = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_connection)

    def listen(self) -> bool:
        if self._server.listen(self.name):
            return True
        # A server file left behind by a crashed run: nobody answers on it, so take it over.
        QLocalServer.removeServer(self.name)
        ok = self._server.listen(self.name)
        if not ok:
            log.warning("single-instance server not started: %s", self._server.errorString())
        return ok

    def close(self) -> None:
        self._server.close()

    @Slot()
    def _on_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.setParent(self)
            socket.readyRead.connect(self._on_ready)
            socket.disconnected.connect(self._on_ready)
            self._read(socket)

    @Slot()
    def _on_ready(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if socket.bytesAvailable() and bytes(socket.readAll().data()).startswith(MESSAGE):
            self.activate_requested.emit()
        if socket.state() == QLocalSocket.LocalSocketState.UnconnectedState:
            socket.deleteLater()


def acquire(location: str) -> InstanceServer | None:
    """None if another instance holds this location (it was told to come forward)."""
    name = server_name(location)
    if notify_running(name):
        return None
    server = InstanceServer(name)
    server.listen()
    return server
