"""The route table as data, its OpenAPI document and the check against service classes."""
import pytest
from marshmallow import Schema, fields
from nameko.rpc import rpc

from slate_gateway.openapi import build_openapi, schema_json
from slate_gateway.resource import canonical_template
from slate_gateway.routes import AUTH_ROUTES, ROUTES, SERVICES, Route, check_table, crud
from slate_gateway.testing import check_routes_against, rpc_entrypoints


def _auth_service_class(skip=()):
    names = {row.rpc for row in AUTH_ROUTES} - set(skip)
    body = {name: rpc(lambda self, request: None) for name in names}
    body["helper"] = lambda self: None
    return type("AuthService", (), {"name": "auth", **body})


def test_table_is_well_formed():
    check_table(ROUTES)
    assert {row.service for row in ROUTES} <= SERVICES
    assert all(row.rpc.isidentifier() for row in ROUTES)


@pytest.mark.parametrize("row", [Route("FETCH", "/x", "auth", "x"),
                                 Route("GET", "x", "auth", "x")])
def test_check_table_refuses_bad_rows(row):
    with pytest.raises(ValueError):
        check_table((row,))


def test_check_table_refuses_duplicates_even_with_other_param_names():
    with pytest.raises(ValueError, match="duplicate"):
        check_table((Route("GET", "/a/{x}", "auth", "a"), Route("GET", "/a/{y}", "auth", "b")))


def test_crud_rows_pass_the_model():
    rows = crud("catalog", "projects")
    assert [(r.method, r.path, r.rpc) for r in rows] == [
        ("GET", "/data/projects", "crud_list"), ("POST", "/data/projects", "crud_create"),
        ("GET", "/data/projects/{instance_id}", "crud_get"),
        ("PUT", "/data/projects/{instance_id}", "crud_update"),
        ("DELETE", "/data/projects/{instance_id}", "crud_delete")]
    assert rows[0].route_info() == {"model": "projects", "policy": "authenticated"}


def test_canonical_templates_rename_params_by_position():
    assert canonical_template("/a/{x}/b/{y}.png") == "/a/{p0}/b/{p1}.png"
    assert canonical_template("/data/departments/{department_id}/persons") == \
        canonical_template("/data/departments/{instance_id}") + "/persons"


def test_check_routes_against_a_complete_service():
    cls = _auth_service_class()
    assert "helper" not in rpc_entrypoints(cls)
    check_routes_against([cls])


def test_check_routes_against_reports_missing_entrypoints():
    with pytest.raises(AssertionError, match=r"GET /auth/logout -> auth\.logout"):
        check_routes_against([_auth_service_class(skip={"logout"})])


def test_check_routes_against_ignores_other_services():
    other = type("Media", (), {"name": "media"})
    check_routes_against([other])


def test_openapi_lists_every_row(client):
    doc = client.simulate_get("/openapi.json").json
    listed = {(m.upper(), p) for p, ops in doc["paths"].items() for m in ops}
    assert listed == {(row.method, row.path) for row in ROUTES}
    assert len({op["operationId"] for ops in doc["paths"].values() for op in ops.values()}) \
        == len(ROUTES)


def test_openapi_security_params_and_policy():
    doc = build_openapi(ROUTES, "1")
    login = doc["paths"]["/auth/login"]["post"]
    assert login["security"] == [] and "requestBody" in login
    refresh = doc["paths"]["/auth/refresh-token"]["get"]
    assert {"refreshCookie": []} in refresh["security"]
    remove = doc["paths"]["/actions/persons/{person_id}/departments/{department_id}"]["delete"]
    assert [p["name"] for p in remove["parameters"]] == ["person_id", "department_id"]
    assert remove["x-slate-policy"] == "admin"
    assert remove["x-slate-rpc"] == "auth.person_remove_department"


class _Dept(Schema):
    id = fields.UUID(dump_only=True)
    name = fields.String(required=True)


class _Person(Schema):
    email = fields.Email(allow_none=True)
    departments = fields.List(fields.Nested(_Dept))
    password = fields.String(load_only=True)


def test_openapi_uses_a_rows_marshmallow_schemas():
    row = Route("POST", "/data/persons", "auth", "crud_create", request_schema=_Person,
                response_schema=_Person(many=True))
    op = build_openapi((row,), "1")["paths"]["/data/persons"]["post"]
    response = op["responses"]["2XX"]["content"]["application/json"]["schema"]
    assert response["type"] == "array"
    props = response["items"]["properties"]
    assert props["email"] == {"type": "string", "format": "email", "nullable": True}
    assert props["departments"]["items"]["required"] == ["name"]
    assert "password" not in props
    assert schema_json("no.such.module:Schema") == {}
