"""gunicorn settings for the Slate gateway: `gunicorn -c python:slate_gateway.gunicorn_conf`.

gthread workers (gunicorn 26+ has no eventlet worker). The app is built by the factory in
each worker after fork (`preload_app` stays off) so each worker has its own RPC client.
Environment: SLATE_HTTP_HOST (0.0.0.0), SLATE_HTTP_PORT (8080), SLATE_GATEWAY_WORKERS (2),
SLATE_GATEWAY_THREADS (8), SLATE_GATEWAY_TIMEOUT (120 s: long downloads stream through).
"""
import os

# Made here, in the master, so that every forked worker shares the same write floor.
from slate_gateway import floor  # noqa: F401  pylint: disable=unused-import

wsgi_app = "slate_gateway.wsgi:create()"
worker_class = "gthread"
workers = int(os.environ.get("SLATE_GATEWAY_WORKERS", "2"))
threads = int(os.environ.get("SLATE_GATEWAY_THREADS", "8"))
bind = "%s:%s" % (os.environ.get("SLATE_HTTP_HOST", "0.0.0.0"),
                  os.environ.get("SLATE_HTTP_PORT", "8080"))
preload_app = False
timeout = int(os.environ.get("SLATE_GATEWAY_TIMEOUT", "120"))
graceful_timeout = 30
keepalive = 5
accesslog = os.environ.get("SLATE_GATEWAY_ACCESS_LOG") or None
