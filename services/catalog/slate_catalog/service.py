"""The catalog service's nameko entrypoints. Each takes the gateway's request dict, calls
a domain function and returns `{"status", "body"}` (docs/CONTRACTS.md); the rows of
slate_gateway.routes name these methods."""
from slate_common import crud, errors
from slate_common.nameko_support import Caller, Database, EventFollower, rpc
from slate_common.replies import ok, params, query

from slate_catalog import access, entities, entity_lists, entity_types, persons, projects, teams
from slate_catalog import asset_instances, casting, casting_links, casting_reads, scene_shots

MODELS = {spec.name: spec for spec in (projects.PROJECTS, projects.PROJECT_STATUSES,
                                       entity_types.ENTITY_TYPES, casting_links.ENTITY_LINKS,
                                       asset_instances.ASSET_INSTANCES)}


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
