"""The catalog service's nameko entrypoints. Each takes the gateway's request dict, calls
a domain function and returns `{"status", "body"}` (docs/CONTRACTS.md); the rows of
slate_gateway.routes name these methods."""
from slate_common import crud, errors
from slate_common.nameko_support import Caller, Database, EventFollower, rpc
from slate_common.replies import is_true, ok, params, query

from slate_catalog import access, entities, entity_lists, entity_types, persons, projects, teams
from slate_catalog import asset_sharing, concepts, deletions, edits, entity_crud, \
    entity_tasks, scenes, shots
from slate_catalog import asset_instances, casting, casting_links, casting_reads, scene_shots
from slate_catalog import budgets, descriptors, descriptors_all, planning, templates
from slate_catalog import task_followers

MODELS = {spec.name: spec for spec in (
    projects.PROJECTS, projects.PROJECT_STATUSES, entity_types.ENTITY_TYPES,
    casting_links.ENTITY_LINKS, asset_instances.ASSET_INSTANCES,
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
    refresh_entity_tasks = EventFollower(task_followers.CONSUMER, task_followers.apply_event,
                                         task_followers.NAMES)

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

    # -- deleting entities, scenes, edits, concepts, lists and shares -------------------
    @property
    def deleter(self):
        """The caller, once the entity-tasks read model has caught up: deletions read
        which entities have tasks."""
        self.refresh_entity_tasks()
        return self.caller

    @rpc
    def delete_entity_of_kind(self, request):
        """DELETE /data/<kind>s/{id}: the kind is the route's `kind`."""
        (entity_id,) = params(request).values()
        deletions.delete_entity(self.db, self.deleter, request["route"]["kind"], entity_id,
                                is_true(query(request).get("force")))
        return ok(None, 204)

    @rpc
    def delete_entities(self, request):
        return ok(deletions.delete_entities(
            self.db, self.deleter, params(request)["project_id"], request.get("body"),
            is_true(query(request).get("force"))))

    @rpc
    def entities(self, request):
        return ok(entity_crud.list_entities(self.db, self.caller, query(request)))

    @rpc
    def new_entity(self, request):
        return ok(entity_crud.create_entity(self.db, self.caller, request.get("body")), 201)

    @rpc
    def delete_any_entity(self, request):
        entity_crud.delete_entity(self.db, self.deleter, params(request)["instance_id"])
        return ok(None, 204)

    @rpc
    def new_scene(self, request):
        return ok(scenes.create_scene(self.db, self.caller, params(request)["project_id"],
                                      request.get("body")), 201)

    @rpc
    def scene(self, request):
        return ok(scenes.get_scene(self.db, self.caller, params(request)["scene_id"]))

    @rpc
    def scenes(self, request):
        return ok(scenes.all_scenes(self.db, self.caller, query(request)))

    @rpc
    def project_scenes(self, request):
        return ok(scenes.project_scenes(self.db, self.caller, params(request)["project_id"]))

    @rpc
    def sequence_scenes(self, request):
        return ok(scenes.sequence_scenes(self.db, self.caller,
                                         params(request)["sequence_id"]))

    @rpc
    def new_edit(self, request):
        return ok(edits.create_edit(self.db, self.caller, params(request)["project_id"],
                                    request.get("body")), 201)

    @rpc
    def edit(self, request):
        return ok(edits.get_edit(self.db, self.caller, params(request)["edit_id"]))

    @rpc
    def edits(self, request):
        return ok(edits.all_edits(self.db, self.caller, query(request)))

    @rpc
    def project_edits(self, request):
        return ok(edits.project_edits(self.db, self.caller, params(request)["project_id"]))

    @rpc
    def episode_edits(self, request):
        return ok(edits.episode_edits(self.db, self.caller, params(request)["episode_id"],
                                      query(request)))

    @rpc
    def new_concept(self, request):
        return ok(concepts.create_concept(self.db, self.caller,
                                          params(request)["project_id"],
                                          request.get("body")), 201)

    @rpc
    def concept(self, request):
        return ok(concepts.get_concept(self.db, self.caller, params(request)["concept_id"]))

    @rpc
    def concepts(self, request):
        return ok(concepts.all_concepts(self.db, self.caller, query(request)))

    @rpc
    def project_concepts(self, request):
        return ok(concepts.project_concepts(self.db, self.caller,
                                            params(request)["project_id"]))

    @rpc
    def project_concept_folders(self, request):
        return ok(concepts.project_concept_folders(self.db, self.caller,
                                                   params(request)["project_id"]))

    @rpc
    def new_concept_folder(self, request):
        return ok(concepts.create_concept_folder(self.db, self.caller,
                                                 params(request)["project_id"],
                                                 request.get("body")), 201)

    @rpc
    def rename_concept_folder(self, request):
        return ok(concepts.rename_concept_folder(self.db, self.caller,
                                                 params(request)["concept_folder_id"],
                                                 request.get("body")))

    @rpc
    def delete_concept_folder(self, request):
        concepts.delete_concept_folder(self.db, self.caller,
                                       params(request)["concept_folder_id"])
        return ok(None, 204)

    @rpc
    def move_concepts(self, request):
        return ok(concepts.move_concepts(self.db, self.caller, params(request)["project_id"],
                                         request.get("body")))

    @rpc
    def episode_sequences(self, request):
        return ok(shots.episode_sequences(self.db, self.caller,
                                          params(request)["episode_id"], query(request)))

    @rpc
    def episode_shots(self, request):
        return ok(shots.episode_shots(self.db, self.caller, params(request)["episode_id"],
                                      query(request)))

    @rpc
    def sequence_shots(self, request):
        return ok(shots.sequence_shots(self.db, self.caller,
                                       params(request)["sequence_id"], query(request)))

    @rpc
    def update_shot(self, request):
        return ok(shots.update_shot(self.db, self.caller, params(request)["shot_id"],
                                    request.get("body")))

    @rpc
    def project_asset_types(self, request):
        return ok(asset_sharing.project_asset_types(self.db, self.caller,
                                                    params(request)["project_id"]))

    @rpc
    def project_type_assets(self, request):
        where = params(request)
        return ok(asset_sharing.project_type_assets(
            self.db, self.caller, where["project_id"], where["asset_type_id"],
            query(request)))

    @rpc
    def share_assets(self, request):
        return ok(asset_sharing.share_assets(self.db, self.caller, request.get("body")))

    @rpc
    def share_project_assets(self, request):
        where = params(request)
        return ok(asset_sharing.share_project_assets(
            self.db, self.caller, where["project_id"], request.get("body"),
            where.get("asset_type_id")))

    # -- breakdown: casting, entity links, asset instances, scenes' shots -----------------
    @rpc
    def entity_casting(self, request):
        where = params(request)
        return ok(casting_reads.entity_casting(self.db, self.caller, where["project_id"],
                                               where["entity_id"]))

    @rpc
    def update_entity_casting(self, request):
        where = params(request)
        return ok(casting.update_entity_casting(self.db, self.caller, where["project_id"],
                                                where["entity_id"], request.get("body")))

    @rpc
    def update_entities_casting(self, request):
        return ok(casting.update_entities_casting(self.db, self.caller,
                                                  params(request)["project_id"],
                                                  request.get("body")))

    @rpc
    def cast_asset_in_entities(self, request):
        where = params(request)
        return ok(casting.cast_asset_in_entities(self.db, self.caller, where["project_id"],
                                                 where["asset_id"], request.get("body")))

    @rpc
    def asset_type_casting(self, request):
        where = params(request)
        return ok(casting_reads.asset_type_casting(self.db, self.caller, where["project_id"],
                                                   where["asset_type_id"]))

    @rpc
    def episodes_casting(self, request):
        return ok(casting_reads.episodes_casting(self.db, self.caller,
                                                 params(request)["project_id"]))

    @rpc
    def sequence_casting(self, request):
        where = params(request)
        return ok(casting_reads.sequence_casting(self.db, self.caller, where["project_id"],
                                                 where["sequence_id"]))

    @rpc
    def all_sequences_casting(self, request):
        where = params(request)
        return ok(casting_reads.all_sequences_casting(
            self.db, self.caller, where["project_id"], where.get("episode_id")))

    @rpc
    def project_entity_links(self, request):
        return ok(casting_reads.project_entity_links(
            self.db, self.caller, params(request)["project_id"], query(request)))

    @rpc
    def remove_entity_link(self, request):
        where = params(request)
        return ok(casting.remove_entity_link(self.db, self.caller, where["project_id"],
                                             where["entity_link_id"]))

    @rpc
    def asset_casting(self, request):
        asset = casting_reads.readable_entity(self.db, self.caller,
                                              params(request)["asset_id"], "Asset")
        return ok(casting_reads.casting_of(self.db, asset.id))

    @rpc
    def update_asset_casting(self, request):
        return ok(casting.update_asset_casting(self.db, self.caller,
                                               params(request)["asset_id"],
                                               request.get("body")))

    @rpc
    def asset_cast_in(self, request):
        return ok(casting_reads.cast_in(self.db, self.caller, params(request)["asset_id"]))

    @rpc
    def asset_assets(self, request):
        return ok(casting_reads.asset_assets(self.db, self.caller,
                                             params(request)["asset_id"]))

    @rpc
    def shot_assets(self, request):
        return ok(casting_reads.shot_assets(self.db, self.caller, params(request)["shot_id"]))

    @rpc
    def shot_asset_types(self, request):
        return ok(casting_reads.shot_asset_types(self.db, self.caller,
                                                 params(request)["shot_id"]))

    @rpc
    def shared_assets_used(self, request):
        where = params(request)
        return ok(casting_reads.shared_assets_used(self.db, self.caller, where["project_id"],
                                                   where.get("episode_id")))

    @rpc
    def scene_asset_instances(self, request):
        return ok(asset_instances.scene_instances(self.db, self.caller,
                                                  params(request)["scene_id"]))

    @rpc
    def scene_camera_instances(self, request):
        return ok(asset_instances.scene_instances(self.db, self.caller,
                                                  params(request)["scene_id"], "Camera"))

    @rpc
    def add_scene_asset_instance(self, request):
        return ok(asset_instances.add_to_scene(self.db, self.caller,
                                               params(request)["scene_id"],
                                               request.get("body")), 201)

    @rpc
    def shot_asset_instances(self, request):
        return ok(asset_instances.shot_instances(self.db, self.caller,
                                                 params(request)["shot_id"]))

    @rpc
    def add_shot_asset_instance(self, request):
        return ok(asset_instances.add_to_shot(self.db, self.caller,
                                              params(request)["shot_id"],
                                              request.get("body")), 201)

    @rpc
    def remove_shot_asset_instance(self, request):
        where = params(request)
        asset_instances.remove_from_shot(self.db, self.caller, where["shot_id"],
                                         where["asset_instance_id"])
        return ok(None, 204)

    @rpc
    def asset_asset_instances(self, request):
        return ok(asset_instances.asset_instances(self.db, self.caller,
                                                  params(request)["asset_id"]))

    @rpc
    def add_asset_asset_instance(self, request):
        return ok(asset_instances.add_to_asset(self.db, self.caller,
                                               params(request)["asset_id"],
                                               request.get("body")), 201)

    @rpc
    def asset_shot_asset_instances(self, request):
        return ok(asset_instances.shot_instances_of_asset(self.db, self.caller,
                                                          params(request)["asset_id"]))

    @rpc
    def asset_scene_asset_instances(self, request):
        return ok(asset_instances.scene_instances_of_asset(self.db, self.caller,
                                                           params(request)["asset_id"]))

    @rpc
    def scene_shots(self, request):
        return ok(scene_shots.scene_shots(self.db, self.caller, params(request)["scene_id"]))

    @rpc
    def add_scene_shot(self, request):
        return ok(scene_shots.add_shot(self.db, self.caller, params(request)["scene_id"],
                                       request.get("body")), 201)

    @rpc
    def remove_scene_shot(self, request):
        where = params(request)
        scene_shots.remove_shot(self.db, self.caller, where["scene_id"], where["shot_id"])
        return ok(None, 204)

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
