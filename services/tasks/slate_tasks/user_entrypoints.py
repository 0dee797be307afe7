"""The entrypoints of a person's own context (/data/user/*), their saved filters and
the entities' chats, as a mixin of TasksService (nameko finds inherited entrypoints).
Route rows: slate_gateway/routes/tasks.py, USER_ROUTES; a row's `extra={"entity_kind": "Shot"}`
names the kind of entity a path holds."""
from slate_common.nameko_support import rpc
from slate_common.replies import ok, params, query

from slate_tasks import chats, search, search_filters, tasks_to_check, user_context, \
    user_home

CRUD_MODELS = {spec.name: spec for spec in (search_filters.FILTERS, search_filters.GROUPS,
                                            chats.CHATS, chats.MESSAGES)}


def entity_kind(request):
    return (request.get("route") or {})["entity_kind"]


class UserEntrypoints:
    """Uses the service's `db` and `caller`."""

    # -- the artist's context -----------------------------------------------------------
    @rpc
    def user_context(self, request):
        return ok(user_home.context(self.db, self.caller))

    @rpc
    def user_entity_tasks(self, request):
        return ok(user_context.entity_tasks(self.db, self.caller,
                                            params(request)["entity_id"],
                                            entity_kind(request)))

    @rpc
    def user_entity_task_types(self, request):
        return ok(user_context.entity_task_types(self.db, self.caller,
                                                 params(request)["entity_id"],
                                                 entity_kind(request)))

    @rpc
    def user_asset_type_assets(self, request):
        where = params(request)
        return ok(user_context.asset_type_assets(self.db, self.caller, where["project_id"],
                                                 where["asset_type_id"]))

    @rpc
    def user_project_asset_types(self, request):
        return ok(user_context.project_asset_types(self.db, self.caller,
                                                   params(request)["project_id"]))

    @rpc
    def user_project_sequences(self, request):
        return ok(user_context.project_sequences(self.db, self.caller,
                                                 params(request)["project_id"]))

    @rpc
    def user_project_episodes(self, request):
        return ok(user_context.project_episodes(self.db, self.caller,
                                                params(request)["project_id"]))

    @rpc
    def user_sequence_children(self, request):
        return ok(user_context.sequence_children(self.db, self.caller,
                                                 params(request)["sequence_id"],
                                                 entity_kind(request)))

    @rpc
    def user_tasks_to_check(self, request):
        return ok(tasks_to_check.tasks_to_check(self.db, self.caller, query(request)))

    @rpc
    def user_tasks_to_check_filter_values(self, request):
        return ok(tasks_to_check.filter_values(self.db, self.caller))

    @rpc
    def search(self, request):
        return ok(search.search(self.db, self.caller, request.get("body")))

    # -- saved filters ------------------------------------------------------------------
    @rpc
    def user_filters(self, request):
        return ok(search_filters.user_filters(self.db, self.caller))

    @rpc
    def create_user_filter(self, request):
        return ok(search_filters.create_filter(self.db, self.caller, request.get("body")),
                  201)

    @rpc
    def update_user_filter(self, request):
        return ok(search_filters.update_filter(self.db, self.caller,
                                               params(request)["filter_id"],
                                               request.get("body")))

    @rpc
    def delete_user_filter(self, request):
        search_filters.delete_filter(self.db, self.caller, params(request)["filter_id"])
        return ok(None, 204)

    @rpc
    def user_filter_groups(self, request):
        return ok(search_filters.user_filter_groups(self.db, self.caller))

    @rpc
    def user_filter_group(self, request):
        return ok(search_filters.user_filter_group(self.db, self.caller,
                                                   params(request)["filter_group_id"]))

    @rpc
    def create_user_filter_group(self, request):
        return ok(search_filters.create_filter_group(self.db, self.caller,
                                                     request.get("body")), 201)

    @rpc
    def update_user_filter_group(self, request):
        return ok(search_filters.update_filter_group(self.db, self.caller,
                                                     params(request)["filter_group_id"],
                                                     request.get("body")))

    @rpc
    def delete_user_filter_group(self, request):
        search_filters.delete_filter_group(self.db, self.caller,
                                           params(request)["filter_group_id"])
        return ok(None, 204)

    # -- chats --------------------------------------------------------------------------
    @rpc
    def entity_chat(self, request):
        return ok(chats.entity_chat(self.db, self.caller, params(request)["entity_id"]))

    @rpc
    def entity_chat_messages(self, request):
        return ok(chats.entity_chat_messages(self.db, self.caller,
                                             params(request)["entity_id"]))

    @rpc
    def post_chat_message(self, request):
        return ok(chats.post_message(self.db, self.caller, params(request)["entity_id"],
                                     request.get("body")), 201)

    @rpc
    def chat_message(self, request):
        where = params(request)
        return ok(chats.get_message(self.db, self.caller, where["entity_id"],
                                    where["chat_message_id"]))

    @rpc
    def delete_chat_message(self, request):
        where = params(request)
        chats.delete_message(self.db, self.caller, where["entity_id"],
                             where["chat_message_id"])
        return ok(None, 204)

    @rpc
    def user_chats(self, request):
        return ok(chats.user_chats(self.db, self.caller))

    @rpc
    def join_chat(self, request):
        return ok(chats.set_participation(self.db, self.caller, params(request)["entity_id"],
                                          joined=True))

    @rpc
    def leave_chat(self, request):
        chats.set_participation(self.db, self.caller, params(request)["entity_id"],
                                joined=False)
        return ok(None, 204)
