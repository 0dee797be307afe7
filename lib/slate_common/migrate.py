"""Alembic migrations, one history per schema (events first, then each service's).

Each migrations folder has an `env.py` that calls `run_env(metadata, schema)`; targets are
found through the `slate.migrations` entry point group (name = schema, value = the
package holding `env.py`).
"""
import importlib
import os
from importlib import metadata as importlib_metadata

import psycopg2
import sqlalchemy as sa
from alembic import command, context
from alembic.config import Config
from psycopg2 import sql
from sqlalchemy.engine import make_url

from slate_common import db

FIRST = "events"


def targets():
    """(schema, migrations package) pairs in the order they must run."""
    found = {ep.name: ep.value for ep in importlib_metadata.entry_points(group="slate.migrations")}
    return sorted(found.items(), key=lambda item: (item[0] != FIRST, item[0]))


def alembic_config(settings, package, schema):
    module = importlib.import_module(package)
    config = Config()
    config.set_main_option("script_location", os.path.dirname(module.__file__))
    config.attributes["settings"] = settings
    config.attributes["schema"] = schema
    return config


def create_database(settings):
    """Create the database named in the URL if it does not exist yet."""
    url = make_url(settings.database_url)
    server = url.set(database="postgres").render_as_string(hide_password=False)
    connection = psycopg2.connect(server.replace("postgresql+psycopg2", "postgresql"))
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", (url.database,))
            if cursor.fetchone() is None:
                cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(url.database)))
    finally:
        connection.close()


def upgrade(settings):
    """Create the database if needed and bring every schema to its head revision."""
    create_database(settings)
    for schema, package in targets():
        command.upgrade(alembic_config(settings, package, schema), "head")


def run_env(target_metadata, schema):
    """The body of every migrations/env.py: migrate one schema, versioned inside it."""
    settings = context.config.attributes["settings"]
    engine = db.create_engine(settings, pool_size=1)
    with engine.begin() as connection:
        connection.execute(sa.text('CREATE SCHEMA IF NOT EXISTS "%s"' % schema))
    with engine.connect() as connection:
        context.configure(
            connection=connection, target_metadata=target_metadata,
            version_table_schema=schema, include_schemas=True,
            include_name=lambda name, kind, parent: kind != "schema" or name == schema)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()
