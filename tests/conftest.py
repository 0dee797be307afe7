"""End-to-end fixtures: the whole suite started the way `deploy/up` starts it (the
`slate up` launcher), on the session's scratch database and vhost and on free ports."""
import os
import signal
import socket
import subprocess
import sys
import time

import pytest
import requests

from slate_common.testing import child_env, truncate_all

ADMIN_EMAIL, ADMIN_PASSWORD = "admin@studio.example", "admin-password"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_http(url, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if requests.get(url, timeout=2).status_code < 500:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    raise TimeoutError(url)


class Suite:
    admin_email, admin_password = ADMIN_EMAIL, ADMIN_PASSWORD

    def __init__(self, http_port, stream_port, process):
        self.url = "http://127.0.0.1:%d" % http_port
        self.stream_url = "http://127.0.0.1:%d" % stream_port
        self.process = process

    def login(self, email=ADMIN_EMAIL, password=ADMIN_PASSWORD):
        reply = requests.post(self.url + "/auth/login",
                              json={"email": email, "password": password}, timeout=10)
        reply.raise_for_status()
        return reply.json()

    def headers(self, email=ADMIN_EMAIL, password=ADMIN_PASSWORD):
        return {"Authorization": "Bearer " + self.login(email, password)["access_token"]}


@pytest.fixture(scope="session")
def suite(slate_settings, engine):
    """The running suite (relay, services, gateway with 2 gunicorn workers, stream) with
    one admin, ADMIN_EMAIL / ADMIN_PASSWORD. Tests share it: they make their own data
    with unique names rather than truncating a log that running consumers follow."""
    truncate_all(engine)
    env = child_env(slate_settings)
    subprocess.run([sys.executable, "-m", "slate_common.cli", "create-admin", ADMIN_EMAIL,
                    "--password", ADMIN_PASSWORD], env=env, check=True, capture_output=True)
    http_port, stream_port = free_port(), free_port()
    env.update(SLATE_HTTP_PORT=str(http_port), SLATE_STREAM_PORT=str(stream_port),
               SLATE_HTTP_HOST="127.0.0.1")
    process = subprocess.Popen([sys.executable, "-m", "slate_common.cli", "up"], env=env,
                               start_new_session=True)
    running = Suite(http_port, stream_port, process)
    try:
        wait_http(running.url + "/")
        wait_http(running.stream_url + "/socket.io/?EIO=4&transport=polling")
        yield running
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture
def client(suite, slate_settings):
    """gazu logged in as the admin, after `slate init-data` (idempotent) has run."""
    import gazu
    subprocess.run([sys.executable, "-m", "slate_common.cli", "init-data"],
                   env=child_env(slate_settings), check=True, capture_output=True)
    gazu.set_host(suite.url + "/api")
    gazu.log_in(suite.admin_email, suite.admin_password)
    yield gazu
    try:
        gazu.log_out()
    except Exception:
        pass
