"""The catalog's entrypoints for entities: assets, episodes, sequences, shots, any entity,
and deleting them, scenes, edits, concepts, child lists and shared assets."""
from slate_common.nameko_support import rpc
from slate_common.replies import is_true, ok, params, query

from slate_catalog import entities, entity_lists
from slate_catalog import asset_sharing, concepts, deletions, edits, entity_crud, scenes, \
    shots


class EntityEntrypoints:
    """Mixed into CatalogService, which provides db, caller and refresh_entity_tasks."""

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

