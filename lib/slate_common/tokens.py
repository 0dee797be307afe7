"""JWT access and refresh tokens with Zou's claims (flask-jwt-extended's layout), HS256.

The auth service issues them; every gateway verifies them locally with the shared secret.
"""
import datetime
import uuid

import jwt

from slate_common import errors

ALGORITHM = "HS256"


def _now():
    return datetime.datetime.now(datetime.timezone.utc)


def issue(secret, person_id, kind, lifetime_days, refresh_jti=None, fresh=False):
    """Return (token, claims) for a person; kind is 'access' or 'refresh'."""
    now = _now()
    claims = {
        "fresh": fresh,
        "iat": now,
        "jti": str(uuid.uuid4()),
        "type": kind,
        "sub": str(person_id),
        "nbf": now,
        "exp": now + datetime.timedelta(days=lifetime_days),
        "identity_type": "person",
    }
    if refresh_jti:
        claims["refresh_jti"] = refresh_jti
    token = jwt.encode(claims, secret, algorithm=ALGORITHM)
    return token, {**claims, "iat": int(now.timestamp()),
                   "exp": int(claims["exp"].timestamp()), "nbf": int(now.timestamp())}


def issue_pair(secret, person_id, access_days=7, refresh_days=15):
    """A fresh access token and its refresh token, linked by `refresh_jti`."""
    refresh, refresh_claims = issue(secret, person_id, "refresh", refresh_days)
    access, access_claims = issue(secret, person_id, "access", access_days,
                                  refresh_jti=refresh_claims["jti"], fresh=True)
    return access, access_claims, refresh, refresh_claims


def verify(secret, token, kind="access"):
    """Decode and check a token; raise Zou's errors (401 expired, 422 undecodable)."""
    try:
        claims = jwt.decode(token, secret, algorithms=[ALGORITHM],
                            options={"require": ["exp", "sub", "jti", "type"]})
    except jwt.ExpiredSignatureError:
        raise errors.Expired()
    except jwt.InvalidSignatureError:
        raise errors.UnprocessableToken("Signature verification failed")
    except jwt.DecodeError as exc:
        raise errors.UnprocessableToken(_decode_message(exc))
    except jwt.InvalidTokenError as exc:
        raise errors.UnprocessableToken(str(exc))
    if claims.get("type") != kind:
        raise errors.UnprocessableToken("Only %s tokens are allowed" % kind)
    return claims


def _decode_message(exc):
    text = str(exc)
    return text if text.startswith("Invalid") else "Invalid header string: %s" % text
