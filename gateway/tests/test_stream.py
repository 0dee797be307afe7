"""The stream process against real PostgreSQL and RabbitMQ, driven by real socket.io and HTTP
clients the way gazu and Kitsu use them.

A scratch database and RabbitMQ vhost per module. The main server polls the table only every
60 s, so an event that arrives within seconds came through RabbitMQ (and the gap filling).
"""
import json
import os
import queue
import signal
import socket
import subprocess
import sys
import time
import uuid

import gazu
import kombu
import psycopg2
import pytest
import requests
import socketio
import sqlalchemy as sa

from slate_common import eventstore, tokens
from slate_gateway.stream import auth

SECRET = "stream-test-secret-" + uuid.uuid4().hex
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PYTHONPATH = os.pathsep.join([os.path.join(ROOT, "lib"), os.path.join(ROOT, "gateway")])
EXCHANGE = kombu.Exchange("slate.events", type="topic", durable=True)
RUN_WITH_SLOW_POLL = (
    "import eventlet; eventlet.monkey_patch()\n"
    "from slate_common.settings import load_settings\n"
    "from slate_gateway.stream import process\n"
    "process.run(load_settings(), poll_seconds=60, heartbeat_seconds=1)\n")
MISSING = ('Missing access token: send the Kitsu cookie, an Authorization header, '
           'or {"token": "<access token>"} in the socket.io auth payload.')


@pytest.fixture(scope="module")
def database():
    name = "slate_test_stream_" + uuid.uuid4().hex[:12]
    admin = psycopg2.connect("postgresql://postgres@127.0.0.1:5432/postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute('CREATE DATABASE "%s"' % name)
    url = "postgresql://postgres@127.0.0.1:5432/" + name
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg2://"))
    with engine.begin() as connection:
        connection.execute(sa.text("CREATE SCHEMA events"))
        eventstore.metadata.create_all(connection)
    yield url, engine
    engine.dispose()
    with admin.cursor() as cursor:
        cursor.execute('DROP DATABASE "%s" WITH (FORCE)' % name)
    admin.close()


@pytest.fixture(scope="module")
def amqp_uri():
    vhost = "slate_test_stream_" + uuid.uuid4().hex[:12]
    subprocess.run(["rabbitmqctl", "-q", "add_vhost", vhost], check=True)
    subprocess.run(["rabbitmqctl", "-q", "set_permissions", "-p", vhost, "guest",
                    ".*", ".*", ".*"], check=True)
    yield "amqp://guest:guest@127.0.0.1:5672/" + vhost
    subprocess.run(["rabbitmqctl", "-q", "delete_vhost", vhost], check=True)


def start_server(database, amqp_uri, args):
    """Start a stream process; return (process, base URL) once it serves and consumes."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": PYTHONPATH, "SLATE_DATABASE_URL": database[0],
           "SLATE_AMQP_URI": amqp_uri, "SLATE_STREAM_PORT": str(port),
           "SLATE_SECRET_KEY": SECRET}
    process = subprocess.Popen([sys.executable, *args], env=env)
    url = "http://127.0.0.1:%d" % port
    wait_until(lambda: serving(url), "the stream process to serve")
    wait_until(lambda: consumers(amqp_uri) > 0, "the stream process to consume")
    return process, url


@pytest.fixture(scope="module")
def server(database, amqp_uri):
    process, url = start_server(database, amqp_uri, ["-c", RUN_WITH_SLOW_POLL])
    yield url
    process.terminate()
    process.wait(10)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serving(url):
    try:
        return requests.get(url + "/", timeout=1).ok
    except requests.ConnectionError:
        return False


def consumers(amqp_uri):
    vhost = amqp_uri.rsplit("/", 1)[1]
    out = subprocess.run(["rabbitmqctl", "-q", "list_queues", "-p", vhost, "name"],
                         capture_output=True, text=True, check=True).stdout
    return sum(1 for line in out.split() if line.startswith("slate.stream."))


def wait_until(condition, what, timeout=20):
    deadline = time.time() + timeout
    while not condition():
        if time.time() > deadline:
            raise AssertionError("timed out waiting for " + what)
        time.sleep(0.1)


def commit(database, name="task:new", project_id=None, payload=None, **data):
    """Append one event in its own transaction; return its wire form (what the relay sends)."""
    event = eventstore.new_event(name, {"marker": uuid.uuid4().hex, **data}, payload,
                                 project_id=project_id)
    with database[1].begin() as connection:
        position, = eventstore.append(connection, [event])
    return eventstore.to_wire({**event, "position": position})


def publish(amqp_uri, *wires):
    """Publish relay messages, as slate_common.relay does."""
    with kombu.Connection(amqp_uri) as connection:
        producer = connection.Producer()
        for wire in wires:
            producer.publish(json.dumps(wire), exchange=EXCHANGE, routing_key=wire["name"],
                             content_type="application/json", declare=[EXCHANGE])


def access_token(person_id=None):
    return tokens.issue_pair(SECRET, person_id or uuid.uuid4())[0]


class Listener:
    """A socket.io client on /events recording every event, connected like gazu."""

    def __init__(self, url, token=None, cookie=None, auth=None):
        self.received, self.names, self.errors = queue.Queue(), [], []
        self.client = socketio.Client(reconnection=False)
        self.client.on("*", self._record, namespace="/events")
        self.client.on("connect_error", self.errors.append, namespace="/events")
        headers = {"User-Agent": "CGWire Gazu test"}
        if token:
            headers["Authorization"] = "Bearer " + token
        if cookie:
            headers["Cookie"] = "access_token_cookie=" + cookie
        self.client.connect(url, headers=lambda: headers, auth=auth, namespaces=["/events"],
                            wait_timeout=5)

    def _record(self, name, data):
        self.names.append(name)
        self.received.put((name, data))

    def received_of(self, *wires, timeout=10):
        """[(name, payload)] of the events of `wires` in arrival order (repeats kept), once
        all arrived; other tests' events (unpublished ones a catch-up delivers) are skipped."""
        expected, found = {wire["data"]["marker"] for wire in wires}, []
        deadline = time.time() + timeout
        while not expected <= {data["marker"] for _, data in found}:
            name, data = self.received.get(timeout=max(0.01, deadline - time.time()))
            if isinstance(data, dict) and data.get("marker") in expected:
                found.append((name, data))
        return found

    def delivered(self, *wires, timeout=10):
        """(markers received, markers expected): equal when delivered once each, in order."""
        found = self.received_of(*wires, timeout=timeout)
        return [data["marker"] for _, data in found], [w["data"]["marker"] for w in wires]

    def close(self):
        self.client.disconnect()


@pytest.fixture
def listen(server):
    listeners = []

    def connect(**credentials):
        listener = Listener(server, **credentials)
        listeners.append(listener)
        return listener
    yield connect
    for listener in listeners:
        listener.close()


def test_connect_without_token_is_refused(server):
    client = socketio.Client(reconnection=False)
    errors = []
    client.on("connect_error", errors.append, namespace="/events")
    with pytest.raises(socketio.exceptions.ConnectionError):
        client.connect(server, namespaces=["/events"], wait_timeout=5)
    assert errors == [{"message": MISSING}]


@pytest.mark.parametrize("token, message", [
    ("not-a-jwt", "Invalid access token."),
    (tokens.issue_pair(SECRET, uuid.uuid4())[2],
     "A refresh token was given: send the access token."),
    (tokens.issue(SECRET, uuid.uuid4(), "access", -1)[0], "Access token expired."),
])
def test_connect_with_a_bad_token_is_refused_with_zous_reason(server, token, message):
    client = socketio.Client(reconnection=False)
    errors = []
    client.on("connect_error", errors.append, namespace="/events")
    with pytest.raises(socketio.exceptions.ConnectionError):
        client.connect(server, headers={"Authorization": "Bearer " + token},
                       namespaces=["/events"], wait_timeout=5)
    assert errors == [{"message": message}]


@pytest.mark.parametrize("way", ["token", "cookie", "auth"])
def test_events_arrive_with_zous_payload(database, amqp_uri, listen, way):
    token = access_token()
    listener = listen(**{way: {"token": token} if way == "auth" else token})
    project_id = uuid.uuid4()
    internal = commit(database, "internal:something")
    event = commit(database, "task:new", project_id=project_id, task_id="t1")
    publish(amqp_uri, internal, event)
    assert listener.received_of(event) == [("task:new", {**event["data"],
                                                 "project_id": str(project_id)})]
    assert "internal:something" not in listener.names


def test_a_gap_is_filled_from_the_table_in_order(database, amqp_uri, listen):
    listener = listen(token=access_token())
    first, second, third = (commit(database, "comment:new", n=n) for n in range(3))
    publish(amqp_uri, third)
    found, expected = listener.delivered(first, second, third, timeout=5)
    assert found == expected


def test_duplicates_are_delivered_once(database, amqp_uri, listen):
    listener = listen(token=access_token())
    first = commit(database)
    publish(amqp_uri, first, first)
    second = commit(database)
    publish(amqp_uri, second, first, second)
    last = commit(database)
    publish(amqp_uri, last)
    found, expected = listener.delivered(first, second, last)
    assert found == expected


def test_gazu_listens_unmodified(database, amqp_uri, server):
    gazu.set_host(server + "/api")
    gazu.set_event_host(server)  # gazu's default client has a placeholder event host
    gazu.client.set_tokens({"access_token": access_token()})
    received = queue.Queue()
    client = gazu.events.init(reconnection=False)
    try:
        gazu.events.add_listener(client, "task:update", received.put)
        event = commit(database, "task:update", project_id=uuid.uuid4(), task_id="t")
        publish(amqp_uri, event)
        assert received.get(timeout=10) == {**event["data"],
                                            "project_id": event["project_id"]}
    finally:
        client.disconnect()


def test_a_revoked_token_is_disconnected_and_refused(database, amqp_uri, server, listen):
    token = access_token()
    listener = listen(token=token)
    claims = tokens.verify(SECRET, token)  # as slate_auth.sessions.logout emits it:
    revocation = commit(database, "internal:token-revoked", person_id=claims["sub"], payload={
        "jtis": [claims["jti"], claims["refresh_jti"]], "expires_at": int(time.time()) + 60})
    publish(amqp_uri, revocation)
    wait_until(lambda: not listener.client.connected, "the disconnection", timeout=10)
    with pytest.raises(socketio.exceptions.ConnectionError):
        Listener(server, token=token)


def ndjson(server, token=None, **params):
    headers = {"Authorization": "Bearer " + token} if token else {}
    return requests.get(server + "/events/stream", params=params, headers=headers,
                        stream=True, timeout=10)


def event_lines(response):
    """The event lines of an NDJSON response, heartbeats skipped."""
    return (line for line in response.iter_lines() if line)


def read_events(lines, count):
    return [json.loads(next(lines)) for _ in range(count)]


def test_ndjson_requires_a_token(server):
    response = ndjson(server)
    assert response.status_code == 401
    assert response.json() == {"msg": "Missing JWT in cookies or headers"}


def test_ndjson_rejects_a_bad_cursor(server):
    response = ndjson(server, access_token(), after="soon")
    assert response.status_code == 400 and response.json()["error"] is True


def test_ndjson_streams_from_a_cursor_then_live_and_resumes(database, amqp_uri, server):
    token = access_token()
    before = commit(database, "asset:new", project_id=uuid.uuid4())
    hidden = commit(database, "internal:hidden")
    after = commit(database, "asset:update")
    publish(amqp_uri, before, hidden, after)
    with ndjson(server, token, after=before["position"] - 1) as response:
        assert response.headers["Content-Type"] == "application/x-ndjson"
        lines = event_lines(response)
        first, second = read_events(lines, 2)
        live = commit(database, "shot:new")
        publish(amqp_uri, live)
        third, = read_events(lines, 1)
    assert first == {"position": before["position"], "id": before["id"], "name": "asset:new",
                     "created_at": before["created_at"], "user_id": None,
                     "project_id": before["project_id"], "data": before["data"]}
    assert [second["position"], third["position"]] == [after["position"], live["position"]]
    missed = commit(database, "shot:update")
    publish(amqp_uri, missed)
    with ndjson(server, token, after=third["position"]) as response:
        assert read_events(event_lines(response), 1)[0]["id"] == missed["id"]


def test_ndjson_without_cursor_starts_now_and_sends_heartbeats(database, amqp_uri, server):
    publish(amqp_uri, commit(database, "task:new"))
    time.sleep(0.5)
    with ndjson(server, access_token()) as response:
        lines = response.iter_lines()
        assert next(lines) == b""  # the test server's heartbeat is 1 s
        event = commit(database, "task:new")
        publish(amqp_uri, event)
        assert json.loads(next(line for line in lines if line))["id"] == event["id"]


def test_module_entry_polls_the_table_and_stops_on_sigterm(database, amqp_uri):
    process, url = start_server(database, amqp_uri, ["-m", "slate_gateway.stream"])
    try:
        listener = Listener(url, token=access_token())
        unpublished = commit(database, "task:new")  # as if RabbitMQ were down
        assert listener.delivered(unpublished, timeout=8)[0] == [unpublished["data"]["marker"]]
        listener.close()
    finally:
        started = time.time()
        process.send_signal(signal.SIGTERM)
        assert process.wait(5) == 0
    assert time.time() - started < 2


def test_the_consumer_reconnects_and_catches_up(database, amqp_uri, listen):
    listener = listen(token=access_token())
    vhost = amqp_uri.rsplit("/", 1)[1]
    subprocess.run(["rabbitmqctl", "-q", "close_all_connections", "-p", vhost, "test"],
                   check=True)
    while_down = commit(database)
    publish(amqp_uri, while_down)  # may find no queue bound: only the table has it
    wait_until(lambda: consumers(amqp_uri) > 0, "the consumer to reconnect")
    after = commit(database)
    publish(amqp_uri, after)
    found, expected = listener.delivered(while_down, after)
    assert found == expected


def test_the_feed_survives_lost_database_connections(database, amqp_uri, listen):
    listener = listen(token=access_token())
    name = database[0].rsplit("/", 1)[1]
    with database[1].connect() as connection:
        connection.execute(sa.text(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = :name AND pid <> pg_backend_pid()"), {"name": name})
    first, second = commit(database), commit(database)
    publish(amqp_uri, second)  # a gap: the feed must read the table again
    found, expected = listener.delivered(first, second)
    assert found == expected


def test_revocations_are_loaded_from_the_log(database):
    live, expired = "jti-live-" + uuid.uuid4().hex, "jti-expired-" + uuid.uuid4().hex
    commit(database, "internal:token-revoked",
           payload={"jtis": [live], "expires_at": int(time.time()) + 60})
    commit(database, "internal:token-revoked",
           payload={"jtis": [expired], "expires_at": int(time.time()) - 60})
    with database[1].connect() as connection:
        head = eventstore.head(connection)
    revocations = auth.load_revocations(database[1], head, batch=1)
    assert revocations.is_revoked(live) and not revocations.is_revoked(expired)
