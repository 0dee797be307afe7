"""Test helpers the service packages call: does the route table match their services?"""
from slate_gateway.routes import ROUTES


def rpc_entrypoints(service_class):
    """Names of the `@rpc`-decorated methods of a nameko service class."""
    from nameko.extensions import ENTRYPOINT_EXTENSIONS_ATTR
    from nameko.rpc import Rpc

    return {name for name in dir(service_class)
            if any(isinstance(ext, Rpc) for ext in
                   getattr(getattr(service_class, name, None), ENTRYPOINT_EXTENSIONS_ATTR, ()))}


def check_routes_against(service_classes, routes=ROUTES):
    """Assert that each row served by one of these classes names one of its @rpc methods.

    A class serves the rows whose `service` equals its `name`; other rows are not checked
    (each service's tests check their own). Raises AssertionError listing every bad row.
    """
    served = {cls.name: rpc_entrypoints(cls) for cls in service_classes}
    missing = ["%s %s -> %s.%s" % (row.method, row.path, row.service, row.rpc)
               for row in routes
               if row.service in served and row.rpc not in served[row.service]]
    assert not missing, "routes naming no @rpc entrypoint:\n  " + "\n  ".join(missing)
