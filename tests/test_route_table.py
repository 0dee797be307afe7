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


def test_every_contract_a_row_names_resolves_into_the_openapi_document():
    from slate_gateway.openapi import build_openapi, schema_json
    for row in ROUTES:
        for schema in (row.request_schema, row.response_schema):
            if schema:
                assert schema_json(schema)["properties"], (row.path, schema)
    document = build_openapi(ROUTES, "1.0.97")
    person = document["paths"]["/data/persons/{instance_id}"]["get"]
    reply = person["responses"]["2XX"]["content"]["application/json"]["schema"]
    assert "password" not in reply["properties"] and "full_name" in reply["properties"]
