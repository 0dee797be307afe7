"""pytest plugin: a scratch database and RabbitMQ vhost per test session, and helpers.

Load with `-p slate_common.testing` (pytest.ini does). Every run creates its own database
`slate_test_<random>` and vhost of the same name, migrates, and drops both at the end, so
runs on the same machine never collide.
"""
import ast
import os
import subprocess
import sys
import time
import uuid

import psycopg2
import pytest
import sqlalchemy as sa
from nameko.exceptions import RemoteError
from sqlalchemy.engine import make_url

from slate_common import db, eventstore, migrate
from slate_common.settings import Settings, nameko_config, to_environ


def _server_connection(database_url):
    url = make_url(database_url).set(database="postgres")
    connection = psycopg2.connect(url.render_as_string(hide_password=False))
    connection.autocommit = True
    return connection


def drop_database(database_url):
    name = make_url(database_url).database
    connection = _server_connection(database_url)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                       "WHERE datname = %s AND pid <> pg_backend_pid()", (name,))
        cursor.execute('DROP DATABASE IF EXISTS "%s"' % name)
    connection.close()


def rabbitmqctl(*args):
    subprocess.run(["rabbitmqctl", *args], check=True, capture_output=True, timeout=60)


def create_vhost(name):
    rabbitmqctl("add_vhost", name)
    rabbitmqctl("set_permissions", "-p", name, "guest", ".*", ".*", ".*")


def scratch_settings(name, base=None):
    """Settings pointing at database `name` and vhost `name` on the local servers."""
    base = base or Settings()
    db_url = make_url(base.database_url).set(database=name).render_as_string(False)
    amqp = base.amqp_uri.rstrip("/") + "/" + name
    return Settings(database_url=db_url, amqp_uri=amqp, secret_key="slate-test-secret-of-at-least-32-bytes",
                    rpc_timeout=10.0, login_lockout_seconds=2,
                    # service tests run no relay: their followers learn of events by polling
                    follow_poll_seconds=1.0)


@pytest.fixture(scope="session")
def slate_settings():
    """Settings for this test session, on a migrated scratch database and vhost."""
    name = "slate_test_" + uuid.uuid4().hex[:10]
    settings = scratch_settings(name)
    create_vhost(name)
    migrate.upgrade(settings)
    yield settings
    drop_database(settings.database_url)
    rabbitmqctl("delete_vhost", name)


@pytest.fixture(scope="session")
def engine(slate_settings):
    engine = db.create_engine(slate_settings, pool_size=10)
    yield engine
    engine.dispose()


def truncate_all(engine, attempts=5):
    """Empty every table of every Slate schema (not the migration versions). Running
    services' event followers may hold locks in another order: a deadlock is retried."""
    for attempt in range(attempts):
        try:
            return _truncate(engine)
        except sa.exc.OperationalError as exc:
            if "deadlock" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.1)


def _truncate(engine):
    with engine.begin() as connection:
        rows = connection.execute(sa.text(
            "SELECT schemaname, tablename FROM pg_tables WHERE schemaname IN :schemas "
            "AND tablename <> 'alembic_version'").bindparams(
                sa.bindparam("schemas", expanding=True)),
            {"schemas": [schema for schema, _ in migrate.targets()]}).all()
        if rows:
            names = ", ".join('"%s"."%s"' % tuple(row) for row in rows)
            connection.execute(sa.text("TRUNCATE %s CASCADE" % names))


@pytest.fixture
def clean_db(engine):
    truncate_all(engine)
    yield engine


@pytest.fixture
def uow(clean_db):
    """A unit of work on the clean scratch database (commit it yourself)."""
    unit = db.unit_of_work(clean_db)
    yield unit
    unit.close()


def child_env(settings, **extra):
    """The environment of a child process running with these settings."""
    env = dict(os.environ)
    env.update(to_environ(settings))
    env.update({key: str(value) for key, value in extra.items()})
    return env


def wait_for_service(settings, name, timeout=30):
    """Block until service `name` answers its `health` RPC."""
    from nameko.standalone.rpc import ClusterRpcProxy
    deadline = time.time() + timeout
    with ClusterRpcProxy(nameko_config(settings), timeout=1) as proxy:
        while True:
            try:
                return getattr(proxy, name).health()
            except Exception:
                if time.time() > deadline:
                    raise
                time.sleep(0.2)


@pytest.fixture(scope="session")
def service_processes(slate_settings):
    """`service_processes("auth", ...)`: real service processes on the scratch database
    and vhost, started once per test session and stopped at its end."""
    processes = {}

    def start(*names):
        wanted = [name for name in names if name not in processes]
        for name in wanted:
            processes[name] = subprocess.Popen(
                [sys.executable, "-m", "slate_common.cli", "service", name],
                env=child_env(slate_settings))
        for name in wanted:
            wait_for_service(slate_settings, name)

    yield start
    for proc in processes.values():
        proc.terminate()
    for proc in processes.values():
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture
def rpc_as(slate_settings):
    """`rpc_as(person_id)` -> a nameko cluster proxy calling with that caller identity."""
    from nameko.standalone.rpc import ClusterRpcProxy
    proxies = []

    def open_proxy(person_id=None, **context):
        if person_id:
            context["person_id"] = str(person_id)
        proxy = ClusterRpcProxy(nameko_config(slate_settings), context_data=context,
                                timeout=slate_settings.rpc_timeout)
        proxies.append(proxy)
        return proxy.start()

    yield open_proxy
    for proxy in proxies:
        proxy.stop()


# -- helpers for service tests over RPC ------------------------------------------------

ANNOUNCEMENT_PREFIX = eventstore.INTERNAL_PREFIX + "read-model:"


def logged_events(engine, name=None, since=0):
    """The stored events after position `since` (of this name), oldest first. Without a
    name, read models' `internal:read-model:*` announcements are left out: followers
    append them on their own schedule, so a test counting its writes' events would
    count them by chance."""
    with engine.connect() as connection:
        found = eventstore.read(connection, since, 100000)
    if name is None:
        return [event for event in found
                if not event["name"].startswith(ANNOUNCEMENT_PREFIX)]
    return [event for event in found if event["name"] == name]


def refused(call, *args, **kwargs):
    """The nameko exc_type and message a remote call fails with."""
    with pytest.raises(RemoteError) as error:
        call(*args, **kwargs)
    return error.value.exc_type, ast.literal_eval(error.value.value)[0]
