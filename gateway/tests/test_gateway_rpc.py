"""rpc.py and the revocation listener against real nameko services on the local RabbitMQ.

Each run gets a private vhost (made and deleted with rabbitmqctl); the services run in a
subprocess (`nameko_services.py`), so this process uses real threads.
"""
import concurrent.futures
import os
import shutil
import subprocess
import sys
import time
import uuid

import kombu
import pytest
from falcon import testing

from slate_gateway.app import create_app
from slate_gateway.revocations import EVENTS_EXCHANGE, RevocationListener, Revocations
from slate_gateway.routes import PUBLIC, Route
from slate_gateway.rpc import RemoteError, RpcClient, ServiceTimeout, ServiceUnavailable

HERE = os.path.dirname(os.path.abspath(__file__))
pytestmark = pytest.mark.skipif(not shutil.which("rabbitmqctl"), reason="needs rabbitmqctl")


def _ctl(*args):
    subprocess.run(["rabbitmqctl", "--quiet", *args], check=True, capture_output=True,
                   timeout=60)


@pytest.fixture(scope="module")
def amqp_uri():
    vhost = "slate-gateway-test-%s" % uuid.uuid4().hex[:8]
    _ctl("add_vhost", vhost)
    try:
        _ctl("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*")
        yield "amqp://guest:guest@127.0.0.1:5672/%s" % vhost
    finally:
        _ctl("delete_vhost", vhost)


@pytest.fixture(scope="module")
def services(amqp_uri):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    proc = subprocess.Popen([sys.executable, os.path.join(HERE, "nameko_services.py"),
                             amqp_uri], stdout=subprocess.PIPE, env=env, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        yield proc
    finally:
        proc.kill()
        proc.wait(10)


@pytest.fixture(scope="module")
def client(amqp_uri, services):
    rpc_client = RpcClient(amqp_uri, timeout=5).start()
    assert rpc_client.connected
    yield rpc_client
    rpc_client.stop()


def test_a_call_round_trips(client):
    request = {"params": {"x": "1"}, "body": {"name": "Ann \u00e9"}}
    assert client.call("echo", "echo", request) == {"status": 200, "body": request}


def test_context_travels_as_nameko_headers(client):
    context = {"person_id": "p-1", "jti": "j-1", "refresh_jti": None, "user_agent": "gazu"}
    body = client.call("echo", "whoami", {}, context=context)["body"]
    assert (body["person_id"], body["jti"], body["user_agent"]) == ("p-1", "j-1", "gazu")
    assert "refresh_jti" not in body
    assert body["call_id_stack"][0].startswith("slate_gateway.echo.whoami.")


def test_concurrent_calls_from_8_threads(client):
    def call(n):
        return client.call("echo", "echo", {"n": n})["body"]["n"]

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        assert list(pool.map(call, range(400))) == list(range(400))


@pytest.mark.parametrize("raised, status, body", [
    ({"type": "NotFound", "args": ["gone"]}, 404, {"error": True, "message": "gone"}),
    ({"type": "Invalid", "args": ["Malformed ID."]}, 400,
     {"error": True, "message": "Malformed ID.", "data": None}),
    ({"type": "WrongCredentials", "args": [None, {"too_many_failed_login_attempts": True}]},
     400, {"login": False, "message": "Wrong email or password.",
           "too_many_failed_login_attempts": True}),
])
def test_a_remote_slate_error_maps_back(client, raised, status, body):
    with pytest.raises(RemoteError) as caught:
        client.call("echo", "fail", {"body": raised})
    assert caught.value.http() == (status, body)


def test_an_unknown_method_is_a_500(client):
    with pytest.raises(RemoteError) as caught:
        client.call("echo", "no_such_method", {})
    assert caught.value.exc_type == "MethodNotFound"
    assert caught.value.http()[0] == 500


def test_a_missing_service_fails_fast(client):
    started = time.monotonic()
    with pytest.raises(ServiceUnavailable) as caught:
        client.call("nosuch", "login", {})
    assert time.monotonic() - started < 2
    assert caught.value.http() == (503, {"error": True,
                                         "message": "Service nosuch is unavailable."})


def test_a_slow_call_times_out(client):
    with pytest.raises(ServiceTimeout) as caught:
        client.call("echo", "slow", {"query": {"seconds": "2"}}, timeout=0.3)
    assert caught.value.http()[0] == 504
    assert client.call("echo", "echo", {"after": 1})["body"] == {"after": 1}


def test_reconnects_after_losing_the_broker_connection(amqp_uri, services):
    rpc_client = RpcClient(amqp_uri, timeout=5).start()
    try:
        assert rpc_client.call("echo", "echo", 1)["body"] == 1
        _ctl("close_all_connections", "--vhost", amqp_uri.rsplit("/", 1)[1], "test")
        deadline = time.monotonic() + 20
        while True:
            try:
                assert rpc_client.call("echo", "echo", 2)["body"] == 2
                break
            except (ServiceUnavailable, ServiceTimeout):
                assert time.monotonic() < deadline
                time.sleep(0.2)
    finally:
        rpc_client.stop()


def test_gateway_end_to_end(client):
    routes = (Route("GET", "/echo/{thing}", "echo", "echo", PUBLIC, {"kind": "x"}),
              Route("POST", "/fail", "echo", "fail", PUBLIC),
              Route("GET", "/gone", "nosuch", "x", PUBLIC))
    from slate_common.settings import Settings
    app = testing.TestClient(create_app(Settings(), client, Revocations(), routes))
    result = app.simulate_get("/api/echo/t-1/", query_string="a=1")
    assert result.json == {"params": {"thing": "t-1"}, "query": {"a": "1"}, "body": None,
                           "route": {"kind": "x", "policy": "public"}}
    failed = app.simulate_post("/fail", json={"type": "Forbidden"})
    assert failed.status_code == 403
    assert app.simulate_get("/gone").status_code == 503


def test_revocations_load_then_follow_events(amqp_uri, client):
    revocations = Revocations()
    listener = RevocationListener(revocations, amqp_uri, client).start()
    try:
        assert listener.loaded.wait(10)
        assert revocations.is_revoked("preloaded")
        _publish_revocation(amqp_uri, ["fresh-jti"])
        deadline = time.monotonic() + 5
        while not revocations.is_revoked("fresh-jti"):
            assert time.monotonic() < deadline
            time.sleep(0.05)
    finally:
        listener.stop()


def _publish_revocation(amqp_uri, jtis):
    exchange = kombu.Exchange(EVENTS_EXCHANGE, type="topic", durable=True)
    body = {"name": "internal:token-revoked",
            "payload": {"jtis": jtis, "expires_at": time.time() + 60}}
    with kombu.Connection(amqp_uri) as conn:
        kombu.Producer(conn.channel(), exchange).publish(
            body, routing_key="internal:token-revoked", serializer="json")
