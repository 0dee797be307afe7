"""Every row of the gateway's route table names an RPC entrypoint that exists in an
installed service (DESIGN.md: the route table is data, checked against the code)."""
import importlib.metadata

from slate_gateway.routes import ROUTES
from slate_gateway.testing import check_routes_against


def installed_services():
    return [ep.load() for ep in importlib.metadata.entry_points(group="slate.services")]


def test_every_row_names_an_existing_rpc_method():
    check_routes_against(installed_services())


def test_every_row_names_an_installed_service():
    names = {cls.name for cls in installed_services()}
    assert {row.service for row in ROUTES} <= names
