"""The dashboard's listening socket: bound before the address is announced, so that a busy port is
one clear error naming it, not a URL printed and then a traceback."""

from __future__ import annotations

import errno
import socket

from ..errors import PortBusy


def bound_socket(host: str, port: int) -> socket.socket:
    """A socket bound to (host, port) and ready for uvicorn; PortBusy when it cannot be."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listening = socket.socket(family, socket.SOCK_STREAM)
    listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listening.bind((host, port))
    except OSError as error:
        listening.close()
        reason = "another server listens there" if error.errno == errno.EADDRINUSE else (error.strerror or str(error))
        raise PortBusy(f"cannot listen on {host} port {port}: {reason}") from None
    listening.set_inheritable(True)
    return listening
