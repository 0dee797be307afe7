"""A process running only an EventFollower of the persons read model, for
test_read_model: `python follower_process.py CONSUMER POLL_SECONDS` (settings from the
SLATE_* environment). It answers `<name>.health` once its container runs."""
import eventlet

eventlet.monkey_patch()

import sys  # noqa: E402

from slate_common.nameko_support import EventFollower, rpc  # noqa: E402
from slate_common.runner import run_service  # noqa: E402
from slate_common.settings import load_settings  # noqa: E402

from slate_catalog import persons  # noqa: E402


def follower_service(consumer, poll_seconds):
    class Follower:
        name = consumer.replace(".", "_")
        feed = EventFollower(consumer, persons.apply_event, persons.NAMES,
                             poll_seconds=poll_seconds)

        @rpc
        def health(self):
            return {"service": self.name}
    return Follower


if __name__ == "__main__":
    run_service(load_settings(), follower_service(sys.argv[1], float(sys.argv[2])))
