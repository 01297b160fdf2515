"""What every response carries and every write must show.

- Content-Security-Policy: scripts, styles, images and requests only from the app itself; no inline
  script and no eval (charts use Vega's expression interpreter instead).
- CSRF: a double-submit token. The first response sets it in a SameSite=Strict cookie; pages embed
  it in forms and in htmx's request headers; a write whose token does not match the cookie is refused.
"""

from __future__ import annotations

import hmac
import secrets

from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request

CSRF_COOKIE = "voxmap_csrf"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf"

POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


class Guard(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next):
        token = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(32)
        request.state.csrf = token
        response = await call_next(request)
        if request.cookies.get(CSRF_COOKIE) != token:
            response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", path="/")
        response.headers["Content-Security-Policy"] = POLICY
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["X-Frame-Options"] = "DENY"
        return response


async def csrf_ok(request: Request) -> bool:
    """The write carries the token its cookie holds (in the header htmx sends, or a form field)."""
    cookie = request.cookies.get(CSRF_COOKIE)
    if not cookie:
        return False
    sent = request.headers.get(CSRF_HEADER)
    if sent is None:
        form = await request.form()
        sent = form.get(CSRF_FIELD)
    return isinstance(sent, str) and hmac.compare_digest(sent, cookie)
