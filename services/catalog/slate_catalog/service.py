"""The catalog service's nameko entrypoints. Each takes the gateway's request dict, calls
a domain function and returns `{"status", "body"}` (docs/CONTRACTS.md); the rows of
slate_gateway.routes name these methods."""
from slate_common.crud_entrypoints import CrudEntrypoints
from slate_common.nameko_support import Caller, Database, EventFollower, rpc
from slate_common.replies import ok, params, query

from slate_catalog import access, asset_instances, budgets, casting_links, descriptors, \
    entity_types, persons, planning, projects, task_followers, teams, templates
from slate_catalog.breakdown_entrypoints import BreakdownEntrypoints
from slate_catalog.entity_entrypoints import EntityEntrypoints
from slate_catalog.settings_entrypoints import SettingsEntrypoints

MODELS = {spec.name: spec for spec in (
    projects.PROJECTS, projects.PROJECT_STATUSES, entity_types.ENTITY_TYPES,
    casting_links.ENTITY_LINKS, asset_instances.ASSET_INSTANCES,
    descriptors.DESCRIPTORS, planning.MILESTONES, planning.SCHEDULE_VERSIONS,
    planning.STATUS_AUTOMATIONS, planning.CUSTOM_ACTIONS, budgets.BUDGETS,
    budgets.BUDGET_ENTRIES, templates.PROJECT_TEMPLATES)}
# Productions are read, created, updated and deleted by their own rules.
OVERRIDES = {
    ("projects", "get"): projects.get_project,
    ("projects", "create"): projects.create_project,
    ("projects", "update"): projects.update_project,
    ("projects", "delete"): lambda uow, caller, row_id, args: projects.delete_project(
        uow, caller, row_id),
}


class CatalogService(CrudEntrypoints, EntityEntrypoints, BreakdownEntrypoints,
                     SettingsEntrypoints):
    """Productions, their team and settings here; entities, the breakdown and planning
    in the mixins (entity_entrypoints.py, breakdown_entrypoints.py,
    settings_entrypoints.py); the five generic CRUD entrypoints from CrudEntrypoints."""
    name = "catalog"
    crud_models = MODELS
    crud_overrides = OVERRIDES

    db = Database()
    identity = Caller()
    refresh_persons = EventFollower(persons.CONSUMER, persons.apply_event, persons.NAMES,
                                    announce=True)
    refresh_entity_tasks = EventFollower(task_followers.CONSUMER, task_followers.apply_event,
                                         task_followers.NAMES, announce=True)

    @property
    def caller(self):
        """The caller, able to refresh the persons read model once on a miss."""
        return access.with_refresh(self.identity, self.refresh_persons)

    @rpc
    def health(self):
        """Answers once the service consumes its queue (start-up and tests wait on it)."""
        return {"service": self.name}

    # -- productions --------------------------------------------------------------------
    @rpc
    def open_projects(self, request):
        return ok(projects.open_projects(self.db, self.caller, query(request)))

    @rpc
    def all_projects(self, request):
        return ok(projects.all_projects(self.db, self.caller, query(request)))

    @rpc
    def team(self, request):
        return ok(teams.get_team(self.db, self.caller, params(request)["project_id"]))

    @rpc
    def add_team_member(self, request):
        return ok(teams.add_team_member(self.db, self.caller, params(request)["project_id"],
                                        request.get("body")), 201)

    @rpc
    def set_team_member_role(self, request):
        where = params(request)
        return ok(teams.set_team_member_role(self.db, self.caller, where["project_id"],
                                             where["person_id"], request.get("body")))

    @rpc
    def remove_team_member(self, request):
        teams.remove_team_member(self.db, self.caller, params(request)["project_id"],
                                 params(request)["person_id"])
        return ok(None, 204)

    @rpc
    def add_asset_type_setting(self, request):
        return ok(teams.add_asset_type(self.db, self.caller, params(request)["project_id"],
                                       request.get("body")), 201)

    @rpc
    def remove_asset_type_setting(self, request):
        teams.remove_asset_type(self.db, self.caller, params(request)["project_id"],
                                params(request)["asset_type_id"])
        return ok(None, 204)

    # -- asset types --------------------------------------------------------------------
    @rpc
    def asset_types(self, request):
        return ok(entity_types.list_asset_types(self.db, self.caller, query(request)))

    @rpc
    def asset_type(self, request):
        return ok(entity_types.get_asset_type(self.db, self.caller,
                                              params(request)["asset_type_id"]))
