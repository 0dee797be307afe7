"""The deployment files agree with the code: docker-compose runs the same processes as
`slate up`, with commands and build contexts that exist. (No Docker engine runs here.)"""
import importlib
import importlib.metadata
import pathlib
import re

import yaml

from slate_common import cli, launcher
from slate_common.settings import Settings

ROOT = pathlib.Path(__file__).resolve().parents[1]


def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def slate_services():
    return {name: spec for name, spec in compose()["services"].items() if "build" in spec}


def test_every_build_context_and_dockerfile_exists():
    for name, spec in slate_services().items():
        context = ROOT / spec["build"]["context"]
        assert context.is_dir(), name
        dockerfile = context / spec["build"]["dockerfile"]
        assert dockerfile.is_file(), name
        for source in re.findall(r"^COPY (.+) \S+$", dockerfile.read_text(), re.M):
            for path in source.split():
                assert (context / path).exists(), (name, path)


def _check_command(argv):
    if argv[:2] == ["sh", "-c"]:
        for part in re.findall(r"slate ([a-z-]+)", argv[2]):
            assert part in cli.parser()._subparsers._group_actions[0].choices, part
        return
    if argv[0] == "slate":
        assert argv[1] in cli.parser()._subparsers._group_actions[0].choices
        if argv[1] == "service":
            names = {ep.name for ep in importlib.metadata.entry_points(group="slate.services")}
            assert argv[2] in names
        return
    assert argv[:2] == ["python", "-m"], argv
    if argv[2] == "gunicorn":
        assert importlib.import_module(argv[argv.index("-c") + 1].split(":", 1)[1])
    else:
        assert importlib.util.find_spec(argv[2]), argv


def test_every_command_exists():
    for name, spec in slate_services().items():
        _check_command(spec["command"])


def test_compose_runs_every_process_of_slate_up():
    local = {tuple(argv[1:]) for _, argv in launcher.commands(Settings())}
    composed = set()
    for spec in slate_services().values():
        argv = spec["command"]
        if argv[0] == "slate":
            composed.add(("-m", "slate_common.cli", *argv[1:]))
        elif argv[0] == "python":
            composed.add(tuple(argv[1:]))
    assert local <= composed, local - composed
