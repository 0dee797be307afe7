"""The five generic CRUD entrypoints a service serves for the gateway's `crud(...)` rows,
written once as a mixin for nameko service classes.

The class mixing it in has `db` (a unit of work), `caller`, `crud_models` (route model
name -> CrudModel) and, optionally, `crud_overrides`: {(model name, action): domain
function} replacing the generic function for one model. Their signatures:
list(uow, caller, query), get(uow, caller, id, query), create(uow, caller, body),
update(uow, caller, id, body), delete(uow, caller, id, query).
"""
from slate_common import crud, errors
from slate_common.nameko_support import rpc
from slate_common.replies import ok, params, query

GENERIC = {
    "list": lambda spec: lambda uow, caller, args: crud.list_rows(uow, spec, caller, args),
    "get": lambda spec: lambda uow, caller, row_id, args: crud.get_row(
        uow, spec, caller, row_id, args),
    "create": lambda spec: lambda uow, caller, body: crud.create_row(uow, spec, caller, body),
    "update": lambda spec: lambda uow, caller, row_id, body: crud.update_row(
        uow, spec, caller, row_id, body),
    "delete": lambda spec: lambda uow, caller, row_id, args: crud.delete_row(
        uow, spec, caller, row_id),
}


class CrudEntrypoints:
    crud_models = {}
    crud_overrides = {}

    def _crud(self, request, action):
        """The domain function serving this route's model and action (404: no model)."""
        name = (request.get("route") or {}).get("model")
        spec = self.crud_models.get(name)
        if spec is None:
            raise errors.NotFound()
        return self.crud_overrides.get((name, action)) or GENERIC[action](spec)

    @rpc
    def crud_list(self, request):
        return ok(self._crud(request, "list")(self.db, self.caller, query(request)))

    @rpc
    def crud_get(self, request):
        return ok(self._crud(request, "get")(self.db, self.caller,
                                             params(request)["instance_id"], query(request)))

    @rpc
    def crud_create(self, request):
        return ok(self._crud(request, "create")(self.db, self.caller, request.get("body")),
                  201)

    @rpc
    def crud_update(self, request):
        return ok(self._crud(request, "update")(self.db, self.caller,
                                                params(request)["instance_id"],
                                                request.get("body")))

    @rpc
    def crud_delete(self, request):
        self._crud(request, "delete")(self.db, self.caller, params(request)["instance_id"],
                                      query(request))
        return ok(None, 204)
