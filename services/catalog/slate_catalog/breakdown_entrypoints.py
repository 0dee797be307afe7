"""The catalog's entrypoints for the breakdown: casting, entity links, asset instances and
scenes' shots."""
from slate_common.nameko_support import rpc
from slate_common.replies import ok, params, query

from slate_catalog import scenes, shots
from slate_catalog import asset_instances, casting, casting_reads, scene_shots


class BreakdownEntrypoints:
    """Mixed into CatalogService, which provides db and caller."""

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

