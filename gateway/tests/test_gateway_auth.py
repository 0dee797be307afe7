"""Token checks in the gateway: Zou's statuses and messages, revocation, refresh vs access."""
import datetime
import time

import jwt
import pytest

from slate_common import tokens

MISSING = ('Missing JWT in cookies or headers (Missing cookie "access_token_cookie"; '
           'Missing Authorization Header)')


def _get(client, token=None, path="/data/persons", **kw):
    headers = {"Authorization": "Bearer " + token} if token else {}
    return client.simulate_get(path, headers=headers, **kw)


def test_missing_token_is_401_with_zous_text(client, rpc):
    result = _get(client)
    assert (result.status_code, result.json) == (401, {"msg": MISSING})
    assert rpc.calls == []


def test_refresh_route_names_the_refresh_cookie(client):
    result = _get(client, path="/auth/refresh-token")
    assert result.status_code == 401
    assert 'Missing cookie "refresh_token_cookie"' in result.json["msg"]


def test_public_route_needs_no_token(client, rpc):
    assert client.simulate_post("/auth/login", body="{}").status_code == 200
    assert "person_id" not in rpc.last["context"]


def test_access_token_from_cookie(client, rpc, pair):
    result = client.simulate_get("/data/persons", cookies={"access_token_cookie": pair[0]})
    assert result.status_code == 200
    assert rpc.last["context"]["person_id"] == "p-1"


@pytest.mark.parametrize("header, status, msg", [
    ("Basic abc", 401, ("Missing JWT in cookies or headers (Missing cookie "
                        "\"access_token_cookie\"; Missing 'Bearer' type in 'Authorization' "
                        "header.)")),
    ("Bearer a b", 422, "Bad Authorization header. Expected 'Authorization: Bearer <JWT>'"),
    ("Bearer garbage", 422, None),
    ("Bearer \u00b7\u00b7\u00b7.abc.def", 422, None),
])
def test_bad_headers_and_garbage_tokens(client, header, status, msg):
    result = client.simulate_get("/data/persons", headers={"Authorization": header})
    assert result.status_code == status
    assert set(result.json) == {"msg"}
    if msg:
        assert result.json["msg"] == msg


def test_bad_signature_is_422(client):
    token, _ = tokens.issue("another-secret-of-at-least-32-bytes!!", "p-1", "access", 1)
    result = _get(client, token)
    assert (result.status_code, result.json) == (422, {"msg": "Signature verification failed"})


def test_expired_token_is_401_error_message(client, settings):
    past = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=1)
    claims = {"sub": "p-1", "jti": "j", "type": "access", "exp": past}
    token = jwt.encode(claims, settings.secret_key, algorithm="HS256")
    result = _get(client, token)
    assert (result.status_code, result.json) == (401, {"error": True,
                                                       "message": "Signature has expired"})


def test_refresh_token_is_refused_where_access_is_needed(client, pair):
    result = _get(client, pair[2])
    assert (result.status_code, result.json) == (422, {"msg": "Only access tokens are allowed"})


def test_access_token_is_refused_on_the_refresh_route(client, pair):
    result = _get(client, pair[0], path="/auth/refresh-token")
    assert result.status_code == 422
    assert result.json == {"msg": "Only refresh tokens are allowed"}


def test_refresh_route_passes_the_refresh_jti(client, rpc, pair):
    result = client.simulate_get("/auth/refresh-token",
                                 cookies={"refresh_token_cookie": pair[2]})
    assert result.status_code == 200
    context = rpc.last["context"]
    assert context["jti"] == context["refresh_jti"] == pair[3]["jti"]
    assert context["person_id"] == "p-1"


@pytest.mark.parametrize("which", ["jti", "refresh_jti"])
def test_revoked_token_is_401(client, revocations, pair, which):
    revocations.add([pair[1][which]], time.time() + 60)
    result = _get(client, pair[0])
    assert (result.status_code, result.json) == (401, {"msg": "Token has been revoked"})


def test_logout_revokes_the_callers_tokens_at_once(client, rpc, pair):
    rpc.reply = {"status": 200, "body": {"logout": True}}
    assert _get(client, pair[0], path="/auth/logout").status_code == 200
    assert _get(client, pair[0]).json == {"msg": "Token has been revoked"}
    refresh = client.simulate_get("/auth/refresh-token",
                                  cookies={"refresh_token_cookie": pair[2]})
    assert refresh.json == {"msg": "Token has been revoked"}


def test_failed_logout_revokes_nothing(client, rpc, revocations, pair):
    rpc.reply = {"status": 500, "body": {}}
    _get(client, pair[0], path="/auth/logout")
    assert len(revocations) == 0
