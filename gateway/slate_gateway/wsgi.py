"""Process entry point for gunicorn: `slate_gateway.wsgi:create()`.

gunicorn calls `create()` in each worker after fork, so every worker builds its own
settings, RPC client and revocation listener (a broker connection must not cross a fork).
"""
import logging

from slate_common.settings import load_settings

from slate_gateway.app import create_app


def create():
    """Build the gateway app from the environment."""
    logging.basicConfig(level=logging.INFO,
                        format="%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s")
    return create_app(load_settings())
