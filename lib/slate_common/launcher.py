"""Run the whole suite as local processes in the foreground (what `deploy/up` ends with).

Starts the relay, every installed service, the gateway (gunicorn) and the stream; prints
the URLs; on Ctrl-C or SIGTERM stops them all (SIGTERM, then SIGKILL after a grace
period). If one process dies, the others are stopped and the launcher exits non-zero.
"""
import importlib.metadata
import os
import signal
import subprocess
import sys
import time

GRACE_SECONDS = 10


def commands(settings):
    """(name, argv) of every process of the suite: each service runs
    `settings.service_replicas` times (replicas share its queue, one per core helps)."""
    python = sys.executable
    procs = [("relay", [python, "-m", "slate_common.cli", "relay"])]
    for entry in sorted(importlib.metadata.entry_points(group="slate.services"),
                        key=lambda ep: ep.name):
        for replica in range(1, settings.service_replicas + 1):
            procs.append(("%s-%d" % (entry.name, replica),
                          [python, "-m", "slate_common.cli", "service", entry.name]))
    procs.append(("gateway", [python, "-m", "gunicorn", "-c",
                              "python:slate_gateway.gunicorn_conf"]))
    procs.append(("stream", [python, "-m", "slate_gateway.stream"]))
    return procs


def start(settings, env=None):
    """Start every process; return {name: Popen}."""
    env = dict(os.environ if env is None else env)
    return {name: subprocess.Popen(argv, env=env) for name, argv in commands(settings)}


def stop(processes, grace=GRACE_SECONDS):
    """SIGTERM everything, wait up to `grace` seconds, SIGKILL what is left."""
    for proc in processes.values():
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
    deadline = time.time() + grace
    for proc in processes.values():
        try:
            proc.wait(timeout=max(0.1, deadline - time.time()))
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def run(settings):
    """Foreground supervisor: returns the exit code."""
    stopping = []
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stopping.append(True))
    processes = start(settings)
    print("Slate is starting:\n  API     http://127.0.0.1:%d/  (also under /api)\n"
          "  events  http://127.0.0.1:%d/socket.io  (namespace /events)\n"
          "Ctrl-C stops everything." % (settings.http_port, settings.stream_port), flush=True)
    code = 0
    while not stopping:
        dead = [name for name, proc in processes.items() if proc.poll() is not None]
        if dead:
            print("slate: %s exited; stopping the suite" % ", ".join(dead), flush=True)
            code = 1
            break
        time.sleep(0.2)
    stop(processes)
    return code
