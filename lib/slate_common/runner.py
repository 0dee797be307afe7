"""Running a nameko service in the foreground, the way `nameko run` does, with Slate's
settings instead of a YAML file. The caller must have monkey-patched with eventlet."""
import logging
import signal

import eventlet
from nameko.runners import ServiceRunner

from slate_common.settings import nameko_config

log = logging.getLogger(__name__)


def run_service(settings, service_cls):
    """Start one service and block until SIGINT/SIGTERM, then stop it gracefully."""
    runner = ServiceRunner(nameko_config(settings))
    runner.add_service(service_cls)
    stopping = eventlet.event.Event()

    def request_stop(*_):
        if not stopping.ready():
            stopping.send(True)

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    runner.start()
    log.info("service %s running", service_cls.name)
    stopping.wait()
    log.info("service %s stopping", service_cls.name)
    runner.stop()
