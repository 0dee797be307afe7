"""`slate`: the command line to set up and run Slate.

    slate init-db                      create the database and migrate every schema
    slate create-admin EMAIL --password P [--first-name F --last-name L]
    slate init-data                    create each service's defaults (idempotent)
    slate service NAME                 run one nameko service (auth, ...) in the foreground
    slate relay                        run the event relay (PostgreSQL -> RabbitMQ)
    slate services                     list the installed services
    slate up                           run the whole suite in the foreground
    slate rebuild NAME                 rebuild a service's tables from the event log

Settings come from the environment (see slate_common.settings). Imports stay inside the
commands: `slate service` must monkey-patch with eventlet before anything else loads.
"""
import argparse
import logging
import signal
import sys


def _settings():
    from slate_common.settings import load_settings
    return load_settings()


def init_db(args):
    from slate_common import migrate
    migrate.upgrade(_settings())
    print("database ready")


def create_admin(args):
    from slate_common import db
    from slate_auth import admin
    settings = _settings()
    engine = db.create_engine(settings, pool_size=1)
    uow = db.unit_of_work(engine)
    created = admin.create_admin(uow, args.email, args.password, args.first_name,
                                 args.last_name)
    uow.commit()
    print(("created admin %s" if created else "admin %s already exists") % args.email)
    engine.dispose()


def init_data(args):
    """Run every installed `slate.init_data` entry point (`init_data(uow) -> [names]`),
    each in its own unit of work, so a new install is usable at once."""
    from importlib import metadata
    from slate_common import db
    engine = db.create_engine(_settings(), pool_size=1)
    for entry in sorted(metadata.entry_points(group="slate.init_data"), key=lambda e: e.name):
        uow = db.unit_of_work(engine)
        try:
            created = entry.load()(uow) or []
            uow.commit()
        finally:
            uow.close()
        print("%s: %s" % (entry.name, ", ".join(created) if created else "nothing to create"))
    engine.dispose()


def service_classes():
    from importlib import metadata
    return {ep.name: ep for ep in metadata.entry_points(group="slate.services")}


def run_service(args):
    from slate_common.runner import run_service as run
    run(_settings(), service_classes()[args.name].load())


def run_relay(args):
    import threading
    from slate_common import relay
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    relay.run(_settings(), stop)


def rebuild(args):
    """Empty a service's tables and rebuild them from the event log, in one transaction."""
    from importlib import metadata
    from sqlalchemy import orm
    from slate_common import db, projections
    found = {ep.name: ep for ep in metadata.entry_points(group="slate.projections")}
    module = found[args.name].load()
    engine = db.create_engine(_settings(), pool_size=1)
    with orm.Session(engine) as session, session.begin():
        for table in reversed(module.TABLES.sorted_tables):
            session.execute(table.delete())
        applied = projections.replay(session, module.event_models)
    print("rebuilt %s from %d events" % (args.name, applied))


def up(args):
    from slate_common import launcher
    sys.exit(launcher.run(_settings()))


def list_services(args):
    print("\n".join(sorted(service_classes())))


def parser():
    top = argparse.ArgumentParser(prog="slate", description=__doc__.split("\n")[0])
    commands = top.add_subparsers(dest="command", required=True)
    commands.add_parser("init-db").set_defaults(func=init_db)
    commands.add_parser("init-data").set_defaults(func=init_data)
    admin = commands.add_parser("create-admin")
    admin.add_argument("email")
    admin.add_argument("--password", required=True)
    admin.add_argument("--first-name", default="Super")
    admin.add_argument("--last-name", default="Admin")
    admin.set_defaults(func=create_admin)
    service = commands.add_parser("service")
    service.add_argument("name")
    service.set_defaults(func=run_service)
    commands.add_parser("relay").set_defaults(func=run_relay)
    commands.add_parser("services").set_defaults(func=list_services)
    commands.add_parser("up").set_defaults(func=up)
    rebuild_parser = commands.add_parser("rebuild")
    rebuild_parser.add_argument("name")
    rebuild_parser.set_defaults(func=rebuild)
    return top


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["service"]:
        import eventlet
        eventlet.monkey_patch()
    logging.basicConfig(level=logging.INFO,
                        format="%(asctime)s %(name)s %(levelname)s %(message)s")
    args = parser().parse_args(argv)
    args.func(args)


if __name__ == "__main__":
    main()
