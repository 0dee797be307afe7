"""Gateway test fixtures: a Falcon TestClient over create_app with a fake RPC client."""
import pytest
from falcon import testing

from slate_common import tokens
from slate_common.settings import Settings
from slate_gateway.app import create_app
from slate_gateway.revocations import Revocations

SECRET = "gateway-tests-secret-of-at-least-32-bytes"


class FakeRpc:
    """Records calls; answers with `reply` (a dict, or an exception to raise)."""

    def __init__(self):
        self.calls = []
        self.reply = {"status": 200, "body": {"ok": True}}

    def call(self, service, method, *args, context=None, timeout=None):
        self.calls.append({"service": service, "method": method, "args": args,
                           "context": context})
        if isinstance(self.reply, Exception):
            raise self.reply
        return self.reply

    @property
    def last(self):
        return self.calls[-1]


@pytest.fixture
def settings():
    return Settings(secret_key=SECRET, max_body_bytes=200_000)


@pytest.fixture
def rpc():
    return FakeRpc()


@pytest.fixture
def revocations():
    return Revocations()


@pytest.fixture
def client(settings, rpc, revocations):
    return testing.TestClient(create_app(settings, rpc, revocations))


@pytest.fixture
def pair(settings):
    """(access token, access claims, refresh token, refresh claims) for person p-1."""
    return tokens.issue_pair(settings.secret_key, "p-1")


@pytest.fixture
def auth(pair):
    return {"Authorization": "Bearer " + pair[0]}


@pytest.fixture(autouse=True)
def no_broker_wait_on_logout(monkeypatch):
    """Unit tests have no broker to bring the revocation event back: don't wait for it."""
    monkeypatch.setattr("slate_gateway.resource.BROADCAST_WAIT_SECONDS", 0.01)
