"""Caller identity from the request's JWT, checked locally: no RPC per request.

Tokens are looked for where flask-jwt-extended looks in Zou (cookies, then the
`Authorization: Bearer` header) and rejected with Zou's statuses and messages.
"""
import re

from slate_common import errors, tokens

from slate_gateway.routes import PUBLIC, REFRESH

ACCESS_COOKIE = "access_token_cookie"
REFRESH_COOKIE = "refresh_token_cookie"
BAD_HEADER = "Bad Authorization header. Expected 'Authorization: Bearer <JWT>'"
REVOKED = "Token has been revoked"


class Authenticator:
    """Turns a request and a route policy into the RPC context of its caller."""

    def __init__(self, secret_key, revocations):
        self.secret_key = secret_key
        self.revocations = revocations

    def identify(self, req, policy):
        """Return (context, claims); claims is None on a public route.

        context holds `user_agent` and `ip_address` (the first hop of the forwarding
        headers, else the peer), and for a token `person_id`, `jti` and `refresh_jti` (on a
        refresh route both are the refresh token's jti). Raises Unauthorized,
        UnprocessableToken or Expired the way Zou answers them.
        """
        route = req.access_route
        context = {"user_agent": req.user_agent,
                   "ip_address": route[0] if route else req.remote_addr}
        if policy == PUBLIC:
            return context, None
        kind = "refresh" if policy == REFRESH else "access"
        token = find_token(req, REFRESH_COOKIE if kind == "refresh" else ACCESS_COOKIE)
        claims = tokens.verify(self.secret_key, token, kind)
        refresh_jti = claims["jti"] if kind == "refresh" else claims.get("refresh_jti")
        if self.revocations.is_revoked(claims["jti"], refresh_jti):
            raise errors.Unauthorized(REVOKED)
        context.update(person_id=claims["sub"], jti=claims["jti"], refresh_jti=refresh_jti)
        return context, claims


def find_token(req, cookie_name):
    """The raw JWT from the cookie, else from the Bearer header; Zou's 401/422 if neither."""
    token = req.cookies.get(cookie_name)
    if token:
        return token
    header = (req.get_header("Authorization") or "").strip().strip(",")
    if not header:
        raise _missing(cookie_name, "Missing Authorization Header")
    bearers = [v for v in re.split(r",\s*", header) if v.split()[:1] == ["Bearer"]]
    if len(bearers) != 1:
        raise _missing(cookie_name, "Missing 'Bearer' type in 'Authorization' header.")
    parts = bearers[0].split()
    if len(parts) != 2:
        raise errors.UnprocessableToken(BAD_HEADER)
    return parts[1]


def _missing(cookie_name, header_problem):
    return errors.Unauthorized('Missing JWT in cookies or headers (Missing cookie "%s"; %s)'
                               % (cookie_name, header_problem))
