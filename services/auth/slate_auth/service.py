"""The auth service's nameko entrypoints. Each takes the gateway's request dict, calls a
domain function and returns `{"status", "body"}` (docs/CONTRACTS.md); the rows of
slate_gateway.routes name these methods."""
from slate_common import crud, eventstore
from slate_common.nameko_support import (Caller, Config, Database, EventFollower,
                                         RequestContext, rpc)
from slate_common.replies import is_true, ok, params, query

from slate_auth import event_log, people, presence, productions, resets, sessions


class AuthService:
    name = "auth"

    db = Database()
    settings = Config()
    caller = Caller()
    context = RequestContext()
    follow_productions = EventFollower(productions.CONSUMER, productions.apply_event,
                                       productions.NAMES, announce=True)
    follow_presence = EventFollower(presence.CONSUMER, presence.apply_event, presence.NAMES)

    @rpc
    def health(self):
        """Answers once the service consumes its queue (start-up and tests wait on it)."""
        return {"service": self.name}

    @rpc
    def config(self, request):
        """GET /config (public): what the Kitsu UI reads before anyone logs in."""
        return ok(people.public_config(self.db, self.settings))

    # -- sessions -----------------------------------------------------------------------
    @rpc(sensitive_arguments=("request.body",))
    def login(self, request):
        return sessions.login(self.db, self.settings, request.get("body"), self.context)

    @rpc
    def logout(self, request):
        return sessions.logout(self.db, self.settings, self.caller)

    @rpc
    def authenticated(self, request):
        return ok(sessions.authenticated(self.db, self.caller))

    @rpc
    def refresh_token(self, request):
        return sessions.refresh(self.db, self.settings, self.caller)

    @rpc
    def revoked_tokens(self, request):
        """What a starting gateway worker loads, with the log position it is current to."""
        return {**ok(sessions.revoked_tokens(self.db)),
                "log_position": eventstore.head(self.db.session.connection())}

    @rpc(sensitive_arguments=("request.body",))
    def change_password(self, request):
        return resets.change_own_password(self.db, self.settings, self.caller,
                                          request.get("body"))

    @rpc(sensitive_arguments=("request.body",))
    def reset_password_request(self, request):
        return ok(resets.request_reset(self.db, self.settings, request.get("body")))

    @rpc(sensitive_arguments=("request.body",))
    def reset_password(self, request):
        return ok(resets.reset(self.db, request.get("body")))

    @rpc(sensitive_arguments=("request.body",))
    def person_change_password(self, request):
        return ok(resets.change_person_password(
            self.db, self.caller, params(request)["person_id"], request.get("body")))

    @rpc
    def person_reset_password_link(self, request):
        return ok(resets.reset_password_link(self.db, self.settings, self.caller,
                                             params(request)["person_id"]))

    # -- generic CRUD -------------------------------------------------------------------
    @rpc
    def crud_list(self, request):
        spec = people.spec_for(request.get("route"))
        if spec is people.PERSONS:
            return ok(people.list_persons(self.db, self.caller, query(request)))
        rows = crud.list_rows(self.db, spec, self.caller, query(request))
        return ok(self._organisation_view(spec, rows))

    @rpc
    def crud_get(self, request):
        spec = people.spec_for(request.get("route"))
        instance_id = params(request)["instance_id"]
        if spec is people.PERSONS:
            return ok(people.get_person(self.db, self.caller, instance_id, query(request)))
        row = crud.get_row(self.db, spec, self.caller, instance_id, query(request))
        return ok(self._organisation_view(spec, row))

    @rpc
    def crud_create(self, request):
        spec = people.spec_for(request.get("route"))
        return ok(crud.create_row(self.db, spec, self.caller, request.get("body")), 201)

    @rpc
    def crud_update(self, request):
        spec = people.spec_for(request.get("route"))
        instance_id, body = params(request)["instance_id"], request.get("body")
        if spec is people.PERSONS:
            return ok(people.update_person(self.db, self.caller, instance_id, body))
        return ok(crud.update_row(self.db, spec, self.caller, instance_id, body))

    @rpc
    def crud_delete(self, request):
        spec = people.spec_for(request.get("route"))
        instance_id = params(request)["instance_id"]
        if spec is people.PERSONS:
            people.delete_person(self.db, self.caller, instance_id,
                                 is_true(query(request).get("force")))
        else:
            crud.delete_row(self.db, spec, self.caller, instance_id)
        return ok(None, 204)

    def _organisation_view(self, spec, body):
        if spec is not people.ORGANISATIONS:
            return body
        return people.visible_organisations(self.db, self.caller, body)

    # -- persons and departments --------------------------------------------------------
    @rpc
    def person_add_department(self, request):
        body = request.get("body") if isinstance(request.get("body"), dict) else {}
        return ok(people.add_department(self.db, self.caller, params(request)["person_id"],
                                        body.get("department_id")), 201)

    @rpc
    def person_remove_department(self, request):
        people.remove_department(self.db, self.caller, params(request)["person_id"],
                                 params(request)["department_id"])
        return ok(None, 204)

    @rpc
    def department_persons(self, request):
        return ok(people.department_persons(self.db, self.caller,
                                            params(request)["department_id"]))

    # -- the event log ------------------------------------------------------------------
    @rpc
    def events_last(self, request):
        return ok(event_log.last_events(self.db, self.caller, query(request)))

    @rpc
    def event_names(self, request):
        return ok(event_log.event_names(self.db, self.caller))

    @rpc
    def events_list(self, request):
        return ok(event_log.list_events(self.db, self.caller, query(request)))

    @rpc
    def events_get(self, request):
        return ok(event_log.get_event(self.db, self.caller, params(request)["instance_id"]))

    @rpc
    def login_logs_last(self, request):
        return ok(event_log.last_login_logs(self.db, self.caller, query(request)))
