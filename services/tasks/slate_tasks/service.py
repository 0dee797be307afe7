"""The tasks service's nameko entrypoints. Each takes the gateway's request dict, calls
a domain function and returns `{"status", "body"}` (docs/CONTRACTS.md); the rows of
slate_gateway.routes (TASKS_ROUTES) name these methods."""
from slate_common.crud_entrypoints import CrudEntrypoints
from slate_common.nameko_support import Caller, Database, EventFollower, rpc
from slate_common.replies import ok, params, query

from slate_tasks import boards, entity_boards
from slate_tasks import access, assignments, comment_crud, day_offs, news_reads, \
    project_settings, read_models, schedule_items, task_batches, task_creation, task_lists, \
    task_types, task_views, tasks, time_spents
from slate_tasks import notification_feed, notifications, subscriptions
from slate_tasks.file_crud import CRUD_MODELS as FILE_CRUD_MODELS
from slate_tasks.comment_entrypoints import CommentEntrypoints
from slate_tasks.file_entrypoints import FileEntrypoints
from slate_tasks.notification_entrypoints import NotificationEntrypoints
from slate_tasks.stats_entrypoints import StatsEntrypoints
from slate_tasks.time_entrypoints import TimeEntrypoints
from slate_tasks.user_entrypoints import CRUD_MODELS as USER_CRUD_MODELS, UserEntrypoints

MODELS = {spec.name: spec for spec in (task_types.TASK_TYPES, task_types.TASK_STATUSES,
                                       tasks.TASKS, subscriptions.SUBSCRIPTIONS,
                                       notifications.NOTIFICATIONS, time_spents.TIME_SPENTS,
                                       day_offs.DAY_OFFS, schedule_items.SCHEDULE_ITEMS,
                                       comment_crud.COMMENTS, news_reads.NEWS)}
MODELS.update(USER_CRUD_MODELS)
MODELS.update(FILE_CRUD_MODELS)
OVERRIDES = {("tasks", "list"): tasks.list_tasks, ("tasks", "get"): tasks.get_task,
             ("tasks", "create"): tasks.create_task, ("tasks", "update"): tasks.update_task,
             ("task-types", "delete"): project_settings.delete_task_type,
             ("time-spents", "list"): time_spents.list_time_spents,
             ("time-spents", "create"): time_spents.create_time_spent,
             ("time-spents", "update"): time_spents.update_time_spent,
             ("time-spents", "delete"): time_spents.delete_time_spent,
             ("day-offs", "create"): day_offs.create_day_off,
             ("day-offs", "get"): day_offs.get_day_off,
             ("day-offs", "update"): day_offs.update_day_off,
             ("day-offs", "delete"): day_offs.delete_day_off,
             ("schedule-items", "update"): schedule_items.update_schedule_item,
             ("comments", "get"): comment_crud.get_comment,
             ("comments", "update"): comment_crud.update_comment,
             ("comments", "delete"): comment_crud.delete_comment}
KINDS = {"shots": "Shot", "assets": "Asset", "sequences": "Sequence",
         "episodes": "Episode", "edits": "Edit", "scenes": "Scene", "concepts": "Concept"}


def kind_of(request):
    """The kind of entity a route row names (`extra={"kind": "shots"}`)."""
    return KINDS[(request.get("route") or {})["kind"]]


class TasksService(CrudEntrypoints, NotificationEntrypoints, TimeEntrypoints,
                   CommentEntrypoints, UserEntrypoints, StatsEntrypoints, FileEntrypoints):
    """The generic CRUD entrypoints come from CrudEntrypoints; notifications' and
    subscriptions' from NotificationEntrypoints; time sheets' from TimeEntrypoints;
    comments' and the news feed's from CommentEntrypoints; an artist's own context,
    filters, chats and search from UserEntrypoints; production follow-up (open tasks,
    stats) from StatsEntrypoints; working and output files' from FileEntrypoints."""
    name = "tasks"
    crud_models = MODELS
    crud_overrides = OVERRIDES

    db = Database()
    identity = Caller()
    follow_persons = EventFollower(read_models.PERSONS_CONSUMER,
                                   read_models.apply_person_event, read_models.PERSON_NAMES,
                                   announce=True)
    follow_catalog = EventFollower(read_models.CATALOG_CONSUMER,
                                   read_models.apply_catalog_event, read_models.CATALOG_NAMES,
                                   announce=True)
    follow_notifications = EventFollower(notification_feed.CONSUMER,
                                         notification_feed.apply_event, notification_feed.NAMES)

    @property
    def caller(self):
        """The caller, able to refresh the read models once on a miss."""
        return access.with_refresh(self.identity, self._refresh)

    def _refresh(self):
        self.follow_persons()
        self.follow_catalog()

    @rpc
    def health(self):
        """Answers once the service consumes its queue (start-up and tests wait on it)."""
        return {"service": self.name}

    # -- production settings ------------------------------------------------------------
    @rpc
    def project_task_types(self, request):
        return ok(project_settings.project_task_types(self.db, self.caller,
                                                      params(request)["project_id"]))

    @rpc
    def add_task_type_setting(self, request):
        return ok(project_settings.add_task_type(self.db, self.caller,
                                                 params(request)["project_id"],
                                                 request.get("body")), 201)

    @rpc
    def remove_task_type_setting(self, request):
        where = params(request)
        project_settings.remove_setting(self.db, self.caller, where["project_id"],
                                        project_settings.TYPE_LINKS, "task_type_id",
                                        where["task_type_id"])
        return ok(None, 204)

    @rpc
    def project_task_statuses(self, request):
        return ok(project_settings.project_task_statuses(self.db, self.caller,
                                                         params(request)["project_id"]))

    @rpc
    def add_task_status_setting(self, request):
        return ok(project_settings.add_task_status(self.db, self.caller,
                                                   params(request)["project_id"],
                                                   request.get("body")), 201)

    @rpc
    def update_task_status_setting(self, request):
        where = params(request)
        return ok(project_settings.set_status_client_allowed(
            self.db, self.caller, where["project_id"], where["task_status_id"],
            request.get("body")))

    @rpc
    def remove_task_status_setting(self, request):
        where = params(request)
        project_settings.remove_setting(self.db, self.caller, where["project_id"],
                                        project_settings.STATUS_LINKS, "task_status_id",
                                        where["task_status_id"])
        return ok(None, 204)

    @rpc
    def create_task_type_link(self, request):
        return ok(project_settings.create_type_link(self.db, self.caller,
                                                    request.get("body")), 201)

    @rpc
    def create_task_status_link(self, request):
        return ok(project_settings.create_status_link(self.db, self.caller,
                                                      request.get("body")), 201)

    # -- creating tasks -----------------------------------------------------------------
    @rpc
    def create_entity_tasks(self, request):
        return ok(task_creation.create_tasks_for_entity(
            self.db, self.caller, params(request)["entity_id"], request.get("body")), 201)

    @rpc
    def create_tasks_for_type(self, request):
        where = params(request)
        return ok(task_creation.create_tasks_for_type(
            self.db, self.caller, where["project_id"], where["task_type_id"],
            kind_of(request), request.get("body")), 201)

    # -- task queries -------------------------------------------------------------------
    @rpc
    def entity_tasks(self, request):
        return ok(task_lists.entity_tasks(self.db, self.caller, params(request)["entity_id"],
                                          kind_of(request), query(request)))

    @rpc
    def entity_task_types(self, request):
        return ok(task_lists.entity_task_types(self.db, self.caller,
                                               params(request)["entity_id"],
                                               kind_of(request)))

    @rpc
    def sequence_shot_tasks(self, request):
        return ok(task_lists.sequence_shot_tasks(self.db, self.caller,
                                                 params(request)["sequence_id"],
                                                 query(request)))

    @rpc
    def episode_shot_tasks(self, request):
        return ok(task_lists.episode_shot_tasks(self.db, self.caller,
                                                params(request)["episode_id"],
                                                query(request)))

    @rpc
    def episode_asset_tasks(self, request):
        return ok(task_lists.episode_asset_tasks(self.db, self.caller,
                                                 params(request)["episode_id"],
                                                 query(request)))

    @rpc
    def entity_tasks_of_type(self, request):
        where = params(request)
        return ok(task_lists.entity_tasks_of_type(self.db, self.caller, where["entity_id"],
                                                  where["task_type_id"]))

    @rpc
    def project_tasks(self, request):
        return ok(task_lists.project_tasks(self.db, self.caller, params(request)["project_id"],
                                           query(request)))

    @rpc
    def full_task(self, request):
        return ok(task_views.full_task(self.db, self.caller, params(request)["task_id"]))

    @rpc
    def user_tasks(self, request):
        return ok(task_views.user_tasks(self.db, self.caller))

    @rpc
    def user_done_tasks(self, request):
        return ok(task_views.user_tasks(self.db, self.caller, done=True))

    @rpc
    def person_tasks(self, request):
        return ok(task_views.person_tasks(self.db, self.caller, params(request)["person_id"]))

    @rpc
    def person_done_tasks(self, request):
        return ok(task_views.person_tasks(self.db, self.caller, params(request)["person_id"],
                                          done=True))

    @rpc
    def set_tasks_priority(self, request):
        return ok(task_batches.set_priority(self.db, self.caller, request.get("body")))

    @rpc
    def delete_tasks(self, request):
        return ok(task_batches.delete_tasks(self.db, self.caller,
                                            params(request)["project_id"],
                                            request.get("body")))

    @rpc
    def delete_tasks_of_type(self, request):
        where = params(request)
        task_batches.delete_tasks_of_type(self.db, self.caller, where["project_id"],
                                          where["task_type_id"])
        return ok(None, 204)

    # -- assignments --------------------------------------------------------------------
    @rpc
    def assign_tasks_to_person(self, request):
        return ok(assignments.assign_tasks_to_person(
            self.db, self.caller, params(request)["person_id"], request.get("body")))

    @rpc
    def assign_task(self, request):
        return ok(assignments.assign_task(self.db, self.caller, params(request)["task_id"],
                                          request.get("body")))

    @rpc
    def clear_assignations(self, request):
        return ok(assignments.clear_assignations(self.db, self.caller, request.get("body")))

    # -- boards: every entity of a kind with its tasks (boards.py, entity_boards.py) -------
    @rpc
    def assets_with_tasks(self, request):
        return boards.assets_with_tasks(self.db, self.caller, query(request))

    @rpc
    def shots_with_tasks(self, request):
        return boards.shots_with_tasks(self.db, self.caller, query(request))

    @rpc
    def entities_with_tasks(self, request):
        return ok(entity_boards.entities_with_tasks(self.db, self.caller, kind_of(request),
                                                    query(request)))

    @rpc
    def edits_with_tasks(self, request):
        return ok(entity_boards.edits_with_tasks(self.db, self.caller, query(request)))

    @rpc
    def concepts_with_tasks(self, request):
        return ok(entity_boards.concepts_with_tasks(self.db, self.caller, query(request)))
