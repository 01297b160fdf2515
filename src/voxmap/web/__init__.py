"""The local dashboard: `voxmap serve --db FILE` (see voxmap.web.app)."""

from .app import create_app, missing_assets

__all__ = ["create_app", "missing_assets"]
