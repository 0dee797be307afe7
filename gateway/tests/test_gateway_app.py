"""The generic resource: request building, replies, conventions and Zou's error bodies."""
import datetime
import json

import pytest

from slate_common import errors
from slate_gateway.rpc import RemoteError, ServiceTimeout, ServiceUnavailable

BAD_REQUEST = {"error": True, "message": errors.BAD_REQUEST}
NOT_FOUND = {"error": True, "message": errors.NOT_FOUND}
NOT_ALLOWED = {"error": True, "message": errors.NOT_ALLOWED}


def test_root_answers_zou_without_auth(client):
    for path in ("/", "/api", "/api/"):
        assert client.simulate_get(path).json == {"api": "Zou", "version": "1.0.97"}
    head = client.simulate_head("/")
    assert head.status_code == 200 and head.content == b""


def test_request_carries_params_query_body_route_and_identity(client, rpc, auth, pair):
    client.simulate_put("/data/persons/abc", headers=auth, body='{"first_name": "Ann"}',
                        query_string="a=1&b=2&b=3&empty=&col=%5B%22x%22%5D")
    call = rpc.last
    assert (call["service"], call["method"]) == ("auth", "crud_update")
    assert call["args"] == ({
        "params": {"instance_id": "abc"},
        "query": {"a": "1", "b": ["2", "3"], "empty": "", "col": '["x"]'},
        "body": {"first_name": "Ann"},
        "route": {"model": "persons", "policy": "admin"},
    },)
    claims = pair[1]
    assert call["context"] == {"user_agent": "falcon-client/4.4.0", "ip_address": "127.0.0.1",
                               "person_id": "p-1",
                               "jti": claims["jti"], "refresh_jti": claims["refresh_jti"]}


def test_ip_address_is_the_first_forwarded_hop(client, rpc):
    client.simulate_post("/auth/login", headers={"X-Forwarded-For": "10.1.2.3, 10.0.0.1"})
    assert rpc.last["context"]["ip_address"] == "10.1.2.3"


def test_params_keep_each_rows_names_beside_other_names(client, rpc, auth):
    client.simulate_get("/data/departments/d-1/persons", headers=auth)
    assert rpc.last["args"][0]["params"] == {"department_id": "d-1"}
    client.simulate_get("/data/departments/d-2", headers=auth)
    assert rpc.last["args"][0]["params"] == {"instance_id": "d-2"}
    client.simulate_delete("/actions/persons/p/departments/d", headers=auth)
    assert rpc.last["args"][0]["params"] == {"person_id": "p", "department_id": "d"}


@pytest.mark.parametrize("path", ["/data/persons", "/data/persons/", "/api/data/persons",
                                  "/api/data/persons/"])
def test_api_prefix_and_trailing_slash_are_optional(client, rpc, auth, path):
    assert client.simulate_get(path, headers=auth).status_code == 200
    assert rpc.last["method"] == "crud_list"


def test_unknown_path_is_zous_404(client):
    for path in ("/data/no-such-model", "/api/nope/", "/apix"):
        result = client.simulate_get(path)
        assert (result.status_code, result.json) == (404, NOT_FOUND)


def test_method_not_in_table_is_zous_405(client):
    result = client.simulate_delete("/data/persons")
    assert (result.status_code, result.json) == (405, NOT_ALLOWED)
    assert "GET" in result.headers["allow"]
    assert client.simulate_patch("/auth/login").status_code == 405


def test_head_follows_get_rows(client, rpc, auth):
    assert client.simulate_head("/data/persons", headers=auth).status_code == 200
    assert rpc.last["method"] == "crud_list"


@pytest.mark.parametrize("body", ["{bad", "[1,", "\xff", "[" * 100000])
def test_malformed_json_is_zous_400(client, rpc, body):
    result = client.simulate_post("/auth/login", body=body)
    assert (result.status_code, result.json) == (400, BAD_REQUEST)
    assert rpc.calls == []


def test_empty_body_is_none_and_non_object_json_is_passed_on(client, rpc):
    client.simulate_post("/auth/login")
    assert rpc.last["args"][0]["body"] is None
    client.simulate_post("/auth/login", body="[1, 2]")
    assert rpc.last["args"][0]["body"] == [1, 2]


def test_form_body_becomes_a_dict(client, rpc):
    client.simulate_post("/auth/login", body="email=a%40b.c&password=x",
                         content_type="application/x-www-form-urlencoded")
    assert rpc.last["args"][0]["body"] == {"email": "a@b.c", "password": "x"}


def test_body_over_the_limit_is_413(client, rpc, settings):
    result = client.simulate_post("/auth/login", body=json.dumps({"x": "y" * 300_000}))
    assert result.status_code == 413
    assert result.json == {"error": True, "message": errors.PayloadTooLarge.default_message}
    assert rpc.calls == []


def test_reply_status_body_and_204(client, rpc, auth):
    rpc.reply = {"status": 201, "body": {"id": "x"}}
    result = client.simulate_post("/data/persons", headers=auth, body="{}")
    assert (result.status_code, result.json) == (201, {"id": "x"})
    assert result.headers["content-type"] == "application/json"
    rpc.reply = {"status": 204, "body": None}
    result = client.simulate_delete("/data/persons/x", headers=auth)
    assert (result.status_code, result.content) == (204, b"")


def test_ndjson_reply_is_one_document_per_line(client, rpc, auth):
    rpc.reply = {"status": 200, "body": [{"compact": False}, {"id": "a"}, {"id": "b"}],
                 "content_type": "application/x-ndjson"}
    result = client.simulate_get("/data/shots/with-tasks", headers=auth,
                                 query_string="stream=true")
    assert result.status_code == 200
    assert result.headers["content-type"] == "application/x-ndjson"
    assert result.content == b'{"compact":false}\n{"id":"a"}\n{"id":"b"}\n'
    assert [json.loads(line) for line in result.text.splitlines()] == rpc.reply["body"]


def test_a_reply_encoded_by_the_service_is_written_as_is(client, rpc, auth):
    rpc.reply = {"status": 200, "body_json": '[{"id":"a","tasks":[]}]'}
    result = client.simulate_get("/data/shots/with-tasks", headers=auth)
    assert result.headers["content-type"] == "application/json"
    assert result.json == [{"id": "a", "tasks": []}]
    rpc.reply = {"status": 200, "body_json": '{"compact":true}\n[1]\n',
                 "content_type": "application/x-ndjson"}
    result = client.simulate_get("/data/shots/with-tasks", headers=auth)
    assert result.headers["content-type"] == "application/x-ndjson"
    assert result.content == b'{"compact":true}\n[1]\n'


def test_login_sets_httponly_cookies_and_logout_clears_them(client, rpc, auth):
    rpc.reply = {"status": 200, "body": {"login": True}, "cookies": {"set": {
        "access_token_cookie": {"value": "A", "path": "/", "max_age": 60},
        "refresh_token_cookie": {"value": "R", "path": "/auth/refresh-token"}}}}
    cookies = {c.name: c for c in client.simulate_post("/auth/login", body="{}").cookies.values()}
    assert cookies["access_token_cookie"].value == "A"
    assert cookies["access_token_cookie"].http_only and cookies["access_token_cookie"].path == "/"
    assert cookies["access_token_cookie"].max_age == 60
    assert cookies["refresh_token_cookie"].path == "/auth/refresh-token"
    assert not cookies["access_token_cookie"].secure
    prefixed = client.simulate_post("/api/auth/login", body="{}").cookies
    assert prefixed["refresh_token_cookie"].path == "/api/auth/refresh-token"
    assert prefixed["access_token_cookie"].path == "/"
    rpc.reply = {"status": 200, "body": {"logout": True}, "cookies": {"clear": [
        {"name": "access_token_cookie", "path": "/"}]}}
    result = client.simulate_get("/auth/logout", headers=auth)
    assert result.cookies["access_token_cookie"].value == ""
    expires = result.cookies["access_token_cookie"].expires
    assert expires <= datetime.datetime.now(datetime.timezone.utc)


@pytest.mark.parametrize("exc, status, body", [
    (RemoteError("NotFound", ["x", None]), 404, {"error": True, "message": "x"}),
    (RemoteError("Invalid", ["Malformed ID.", None]), 400,
     {"error": True, "message": "Malformed ID.", "data": None}),
    (RemoteError("Forbidden", []), 403, {"error": True, "message": errors.FORBIDDEN}),
    (RemoteError("WrongCredentials", [None, {"too_many_failed_login_attempts": True}]), 400,
     {"login": False, "message": "Wrong email or password.",
      "too_many_failed_login_attempts": True}),
    (RemoteError("Conflict", []), 400, {"message": errors.Conflict.default_message}),
    (RemoteError("KeyError", ["boom"]), 500, {"error": True, "message": "Internal error."}),
    (RemoteError("MethodNotFound", ["x"]), 500, {"error": True, "message": "Internal error."}),
    (ServiceUnavailable("auth"), 503, {"error": True, "message": "Service auth is unavailable."}),
    (ServiceTimeout("auth"), 504,
     {"error": True, "message": "Service auth did not answer in time."}),
    (RuntimeError("bug"), 500, {"error": True, "message": "Internal error."}),
])
def test_errors_map_to_zous_status_and_body(client, rpc, auth, exc, status, body):
    rpc.reply = exc
    result = client.simulate_get("/data/persons", headers=auth)
    assert (result.status_code, result.json) == (status, body)


@pytest.mark.parametrize("reply", [None, [], {"status": "200"}, "ok"])
def test_a_malformed_reply_is_a_500(client, rpc, auth, reply):
    rpc.reply = reply
    result = client.simulate_get("/data/persons", headers=auth)
    assert (result.status_code, result.json) == (500, {"error": True,
                                                       "message": "Internal error."})
