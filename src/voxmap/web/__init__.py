"""The local dashboard: `voxmap serve --db FILE` (see voxmap.web.app)."""

from .app import create_app, missing_assets
from .server import bound_socket

__all__ = ["bound_socket", "create_app", "missing_assets"]
