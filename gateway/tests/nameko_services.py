"""Tiny nameko services for the RPC integration tests, run as a subprocess:

    python nameko_services.py AMQP_URI

Starts one ServiceContainer per class below, prints "ready" once they consume, and runs
until killed. Kept out of the test process so that the process under test uses real threads
(nameko needs eventlet's monkey patch).
"""
import eventlet

eventlet.monkey_patch()  # noqa: E402  (must precede every other import)

import sys  # noqa: E402

from nameko.containers import ServiceContainer  # noqa: E402
from nameko.extensions import DependencyProvider  # noqa: E402
from nameko.rpc import rpc  # noqa: E402

from slate_common import errors  # noqa: E402


class ContextData(DependencyProvider):
    """The caller's nameko context data (the `nameko.*` headers)."""

    def get_dependency(self, worker_ctx):
        return worker_ctx.context_data


class EchoService:
    name = "echo"
    context = ContextData()

    @rpc
    def echo(self, request):
        return {"status": 200, "body": request}

    @rpc
    def whoami(self, request):
        return {"status": 200, "body": dict(self.context)}

    @rpc
    def fail(self, request):
        raise errors.ERRORS[request["body"]["type"]](*request["body"].get("args", ()))

    @rpc
    def slow(self, request):
        eventlet.sleep(float(request["query"]["seconds"]))
        return {"status": 200, "body": "late"}


class AuthService:
    name = "auth"

    @rpc
    def revoked_tokens(self, request):
        return {"status": 200, "body": [{"jti": "preloaded", "expires_at": 2 ** 40}]}


def main(amqp_uri):
    containers = [ServiceContainer(cls, {"AMQP_URI": amqp_uri})
                  for cls in (EchoService, AuthService)]
    for container in containers:
        container.start()
    print("ready", flush=True)
    containers[0].wait()


if __name__ == "__main__":
    main(sys.argv[1])
