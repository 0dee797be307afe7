"""The stream process: Zou's socket.io event stream and a resumable NDJSON stream.

`python -m slate_gateway.stream` runs `main`. Modules: feed (ordered, gap-free delivery of
the log), wakeups (RabbitMQ consumer and table poll), auth (tokens, as Zou checks them),
sockets and rooms (socket.io namespace `/events`), ndjson (`GET /events/stream`), process
(wiring, signals).
"""
import logging


def main(settings=None):
    """Run the stream process until SIGTERM/SIGINT; settings from the environment if None."""
    import eventlet
    eventlet.monkey_patch()  # before the heavy imports below, so their I/O is green
    from slate_common.settings import load_settings
    from slate_gateway.stream import process
    logging.basicConfig(level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    process.run(settings or load_settings())
