from slate_common import eventstore
from slate_common.migrate import run_env

run_env(eventstore.metadata, eventstore.SCHEMA)
