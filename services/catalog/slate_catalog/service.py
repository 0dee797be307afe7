"""The catalog service's nameko entrypoints. Each takes the gateway's request dict, calls
a domain function and returns `{"status", "body"}` (docs/CONTRACTS.md); the rows of
slate_gateway.routes name these methods."""
from slate_common import crud, errors
from slate_common.nameko_support import Caller, Database, EventFollower, rpc
from slate_common.replies import ok, params, query

from slate_catalog import access, entities, entity_lists, entity_types, persons, projects, teams
from slate_catalog import budgets, descriptors, descriptors_all, planning, templates

MODELS = {spec.name: spec for spec in (
    projects.PROJECTS, projects.PROJECT_STATUSES, entity_types.ENTITY_TYPES,
    descriptors.DESCRIPTORS, planning.MILESTONES, planning.SCHEDULE_VERSIONS,
    planning.STATUS_AUTOMATIONS, planning.CUSTOM_ACTIONS, budgets.BUDGETS,
    budgets.BUDGET_ENTRIES, templates.PROJECT_TEMPLATES)}


def spec_for(request):
    """The CrudModel a route row names, or 404 for an unknown one."""
    spec = MODELS.get((request.get("route") or {}).get("model"))
    if spec is None:
        raise errors.NotFound()
    return spec


class CatalogService:
    name = "catalog"

    db = Database()
    identity = Caller()
    refresh_persons = EventFollower(persons.CONSUMER, persons.apply_event, persons.NAMES)

    @property
    def caller(self):
        """The caller, able to refresh the persons read model once on a miss."""
        return access.with_refresh(self.identity, self.refresh_persons)

    @rpc
    def health(self):
        """Answers once the service consumes its queue (start-up and tests wait on it)."""
        return {"service": self.name}

    # -- generic CRUD -------------------------------------------------------------------
    @rpc
    def crud_list(self, request):
        spec = spec_for(request)
        return ok(crud.list_rows(self.db, spec, self.caller, query(request)))

    @rpc
    def crud_get(self, request):
        spec, instance_id = spec_for(request), params(request)["instance_id"]
        if spec is projects.PROJECTS:
            return ok(projects.get_project(self.db, self.caller, instance_id, query(request)))
        return ok(crud.get_row(self.db, spec, self.caller, instance_id, query(request)))

    @rpc
    def crud_create(self, request):
        spec, body = spec_for(request), request.get("body")
        if spec is projects.PROJECTS:
            return ok(projects.create_project(self.db, self.caller, body), 201)
        return ok(crud.create_row(self.db, spec, self.caller, body), 201)

    @rpc
    def crud_update(self, request):
        spec, instance_id = spec_for(request), params(request)["instance_id"]
        if spec is projects.PROJECTS:
            return ok(projects.update_project(self.db, self.caller, instance_id,
                                              request.get("body")))
        return ok(crud.update_row(self.db, spec, self.caller, instance_id,
                                  request.get("body")))

    @rpc
    def crud_delete(self, request):
        spec, instance_id = spec_for(request), params(request)["instance_id"]
        if spec is projects.PROJECTS:
            projects.delete_project(self.db, self.caller, instance_id)
        else:
            crud.delete_row(self.db, spec, self.caller, instance_id)
        return ok(None, 204)

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

    # -- assets -------------------------------------------------------------------------
    @rpc
    def new_asset(self, request):
        where = params(request)
        return ok(entities.create_asset(self.db, self.caller, where["project_id"],
                                        where["asset_type_id"], request.get("body")), 201)

    @rpc
    def asset(self, request):
        return ok(entities.get_asset(self.db, self.caller, params(request)["asset_id"]))

    @rpc
    def project_assets(self, request):
        return ok(entity_lists.project_assets(self.db, self.caller,
                                          params(request)["project_id"], query(request)))

    @rpc
    def assets(self, request):
        return ok(entity_lists.all_assets(self.db, self.caller, query(request)))

    # -- episodes, sequences, shots -----------------------------------------------------
    @rpc
    def new_episode(self, request):
        return ok(entities.create_episode(self.db, self.caller, params(request)["project_id"],
                                          request.get("body")), 201)

    @rpc
    def new_sequence(self, request):
        return ok(entities.create_sequence(self.db, self.caller,
                                           params(request)["project_id"],
                                           request.get("body")), 201)

    @rpc
    def new_shot(self, request):
        return ok(entities.create_shot(self.db, self.caller, params(request)["project_id"],
                                       request.get("body")), 201)

    @rpc
    def project_episodes(self, request):
        return ok(entity_lists.project_entities(self.db, self.caller,
                                            params(request)["project_id"], entities.EPISODE))

    @rpc
    def project_sequences(self, request):
        return ok(entity_lists.project_entities(self.db, self.caller,
                                            params(request)["project_id"], entities.SEQUENCE))

    @rpc
    def project_shots(self, request):
        return ok(entity_lists.project_entities(self.db, self.caller,
                                            params(request)["project_id"], entities.SHOT))

    @rpc
    def episode(self, request):
        return ok(entities.get_episode(self.db, self.caller, params(request)["episode_id"]))

    @rpc
    def sequence(self, request):
        return ok(entities.get_sequence(self.db, self.caller, params(request)["sequence_id"]))

    @rpc
    def shot(self, request):
        return ok(entities.get_shot(self.db, self.caller, params(request)["shot_id"]))

    @rpc
    def episodes(self, request):
        return ok(entity_lists.all_episodes(self.db, self.caller, query(request)))

    @rpc
    def sequences(self, request):
        return ok(entity_lists.all_sequences(self.db, self.caller, query(request)))

    @rpc
    def shots(self, request):
        return ok(entity_lists.all_shots(self.db, self.caller, query(request)))

    # -- any entity ---------------------------------------------------------------------
    @rpc
    def entity(self, request):
        return ok(entities.get_entity(self.db, self.caller, params(request)["instance_id"]))

    @rpc
    def update_entity(self, request):
        return ok(entities.update_entity(self.db, self.caller, params(request)["instance_id"],
                                         request.get("body")))

    # -- production settings and planning (descriptors, milestones, automations, budgets,
    #    templates) --------------------------------------------------------------------
    @rpc
    def project_descriptors(self, request):
        return ok(descriptors.project_descriptors(self.db, self.caller,
                                                  params(request)["project_id"]))

    @rpc
    def new_project_descriptor(self, request):
        return ok(descriptors.create_project_descriptor(
            self.db, self.caller, params(request)["project_id"], request.get("body")), 201)

    @rpc
    def project_descriptor(self, request):
        where = params(request)
        return ok(descriptors.get_project_descriptor(
            self.db, self.caller, where["project_id"], where["metadata_descriptor_id"]))

    @rpc
    def update_project_descriptor(self, request):
        where = params(request)
        return ok(descriptors.update_project_descriptor(
            self.db, self.caller, where["project_id"], where["metadata_descriptor_id"],
            request.get("body")))

    @rpc
    def delete_project_descriptor(self, request):
        where = params(request)
        descriptors.delete_project_descriptor(self.db, self.caller, where["project_id"],
                                              where["metadata_descriptor_id"])
        return ok(None, 204)

    @rpc
    def reorder_project_descriptors(self, request):
        return ok(descriptors.reorder_project_descriptors(
            self.db, self.caller, params(request)["project_id"], request.get("body")))

    @rpc
    def new_descriptor_on_all(self, request):
        return ok(descriptors_all.create_on_all(self.db, self.caller,
                                                request.get("body")), 201)

    @rpc
    def update_descriptor_on_all(self, request):
        return ok(descriptors_all.update_on_all(
            self.db, self.caller, params(request)["field_name"], request.get("body")))

    @rpc
    def delete_descriptor_on_all(self, request):
        return ok(descriptors_all.delete_on_all(
            self.db, self.caller, params(request)["field_name"], query(request)))

    @rpc
    def reorder_descriptors_on_all(self, request):
        return ok(descriptors_all.reorder_on_all(self.db, self.caller, request.get("body")))

    @rpc
    def project_milestones(self, request):
        return ok(planning.project_milestones(self.db, self.caller,
                                              params(request)["project_id"]))

    @rpc
    def project_status_automations(self, request):
        return ok(planning.project_status_automations(self.db, self.caller,
                                                      params(request)["project_id"]))

    @rpc
    def add_status_automation_setting(self, request):
        return ok(planning.add_status_automation(
            self.db, self.caller, params(request)["project_id"], request.get("body")), 201)

    @rpc
    def remove_status_automation_setting(self, request):
        where = params(request)
        planning.remove_status_automation(self.db, self.caller, where["project_id"],
                                          where["status_automation_id"])
        return ok(None, 204)

    @rpc
    def project_budgets(self, request):
        return ok(budgets.project_budgets(self.db, self.caller,
                                          params(request)["project_id"]))

    @rpc
    def new_budget(self, request):
        return ok(budgets.create_budget(self.db, self.caller, params(request)["project_id"],
                                        request.get("body")))

    @rpc
    def budget(self, request):
        where = params(request)
        return ok(budgets.get_budget(self.db, self.caller, where["project_id"],
                                     where["budget_id"]))

    @rpc
    def update_budget(self, request):
        where = params(request)
        return ok(budgets.update_budget(self.db, self.caller, where["project_id"],
                                        where["budget_id"], request.get("body")))

    @rpc
    def delete_budget(self, request):
        where = params(request)
        budgets.delete_budget(self.db, self.caller, where["project_id"], where["budget_id"])
        return ok(None, 204)

    @rpc
    def budget_entries(self, request):
        where = params(request)
        return ok(budgets.budget_entries(self.db, self.caller, where["project_id"],
                                         where["budget_id"]))

    @rpc
    def new_budget_entry(self, request):
        where = params(request)
        return ok(budgets.create_entry(self.db, self.caller, where["project_id"],
                                       where["budget_id"], request.get("body")))

    @rpc
    def budget_entry(self, request):
        where = params(request)
        return ok(budgets.get_entry(self.db, self.caller, where["project_id"],
                                    where["budget_id"], where["entry_id"]))

    @rpc
    def update_budget_entry(self, request):
        where = params(request)
        return ok(budgets.update_entry(self.db, self.caller, where["project_id"],
                                       where["budget_id"], where["entry_id"],
                                       request.get("body")))

    @rpc
    def delete_budget_entry(self, request):
        where = params(request)
        budgets.delete_entry(self.db, self.caller, where["project_id"], where["budget_id"],
                             where["entry_id"])
        return ok(None, 204)

    @rpc
    def template_from_project(self, request):
        return ok(templates.template_from_project(
            self.db, self.caller, params(request)["project_id"], request.get("body")), 201)

    @rpc
    def apply_template(self, request):
        where = params(request)
        return ok(templates.apply_template(self.db, self.caller, where["project_id"],
                                           where["project_template_id"]))

    @rpc
    def template_asset_types(self, request):
        return ok(templates.template_asset_types(
            self.db, self.caller, params(request)["project_template_id"]))

    @rpc
    def add_template_asset_type(self, request):
        return ok(templates.add_template_asset_type(
            self.db, self.caller, params(request)["project_template_id"],
            request.get("body")), 201)

    @rpc
    def remove_template_asset_type(self, request):
        where = params(request)
        templates.remove_template_asset_type(self.db, self.caller,
                                             where["project_template_id"],
                                             where["asset_type_id"])
        return ok(None, 204)

    @rpc
    def template_status_automations(self, request):
        return ok(templates.template_status_automations(
            self.db, self.caller, params(request)["project_template_id"]))

    @rpc
    def add_template_status_automation(self, request):
        return ok(templates.add_template_status_automation(
            self.db, self.caller, params(request)["project_template_id"],
            request.get("body")), 201)

    @rpc
    def remove_template_status_automation(self, request):
        where = params(request)
        templates.remove_template_status_automation(self.db, self.caller,
                                                    where["project_template_id"],
                                                    where["status_automation_id"])
        return ok(None, 204)

    @rpc
    def set_template_descriptors(self, request):
        return ok(templates.set_template_descriptors(
            self.db, self.caller, params(request)["project_template_id"],
            request.get("body")))
