"""nameko glue written once: the unit-of-work provider, the caller, and the entrypoints
that commit before they reply.

nameko sends an RPC reply *before* calling providers' `worker_result`, so committing there
could acknowledge a change that then fails to commit. Our `rpc` entrypoint finishes every
unit of work first and replies with the commit's outcome.
"""
import sys
import weakref

import nameko.rpc
from nameko.extensions import DependencyProvider
from sqlalchemy import exc as sa_exc

from slate_common import db, errors
from slate_common.settings import settings_from_config


class Database(DependencyProvider):
    """Injects a `UnitOfWork`; one engine per container, one session per worker."""

    def setup(self):
        self.settings = settings_from_config(self.container.config)
        self.engine = db.create_engine(
            self.settings, pool_size=self.container.max_workers)
        self.active = weakref.WeakKeyDictionary()

    def stop(self):
        self.engine.dispose()

    def get_dependency(self, worker_ctx):
        uow = db.unit_of_work(self.engine, actor_id=worker_ctx.data.get("person_id"))
        self.active[worker_ctx] = uow
        return uow

    def finish(self, worker_ctx, exc_info):
        """Commit if the worker succeeded, else roll back; return the final exc_info."""
        uow = self.active.get(worker_ctx)
        if uow is None:
            return exc_info
        if exc_info is not None:
            uow.rollback()
            return exc_info
        try:
            positions = uow.commit()
        except sa_exc.IntegrityError:
            uow.rollback()
            return _exc_info(errors.Conflict())
        except Exception:
            uow.rollback()
            return sys.exc_info()
        if positions:
            uow.memo["position"] = positions[-1]
        return None

    def worker_teardown(self, worker_ctx):
        uow = self.active.pop(worker_ctx, None)
        if uow is not None:
            uow.close()


class Config(DependencyProvider):
    """Injects the Settings built at start-up."""

    def setup(self):
        self.settings = settings_from_config(self.container.config)

    def get_dependency(self, worker_ctx):
        return self.settings


class Caller(DependencyProvider):
    """Injects the caller's identity from the RPC context: a dict or None."""

    def get_dependency(self, worker_ctx):
        data = worker_ctx.data
        if not data.get("person_id"):
            return None
        return {key: data.get(key) for key in
                ("person_id", "jti", "refresh_jti", "user_agent")}


class RequestContext(DependencyProvider):
    """Injects what the gateway knows of the HTTP request: user agent and client address."""

    def get_dependency(self, worker_ctx):
        return {key: worker_ctx.data.get(key) for key in ("user_agent", "ip_address")}


def finish_units_of_work(worker_ctx, result, exc_info):
    """Commit (or roll back) every unit of work of this worker. A reply envelope of a
    call that stored events gets `position`: the log position of its last event, so the
    gateway can wait until that change has reached every replica's caches."""
    for provider in worker_ctx.container.dependencies:
        if isinstance(provider, Database):
            exc_info = provider.finish(worker_ctx, exc_info)
            uow = provider.active.get(worker_ctx)
            position = uow.memo.get("position") if uow is not None else None
            if position and isinstance(result, dict) and "status" in result:
                result = {**result, "position": position}
    return (None if exc_info else result), exc_info


class Rpc(nameko.rpc.Rpc):
    """nameko's RPC entrypoint, committing the unit of work before replying."""

    def __init__(self, expected_exceptions=errors.SlateError, **kwargs):
        super().__init__(expected_exceptions=expected_exceptions, **kwargs)

    def handle_result(self, message, worker_ctx, result, exc_info):
        result, exc_info = finish_units_of_work(worker_ctx, result, exc_info)
        return super().handle_result(message, worker_ctx, result, exc_info)


rpc = Rpc.decorator


def _exc_info(exc):
    try:
        raise exc
    except Exception:
        return sys.exc_info()
