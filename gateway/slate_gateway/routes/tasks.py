"""The tasks service's rows: tasks and their settings, comments and news, notifications
and subscriptions, time sheets, an artist's own context, boards, stats and files."""
import types

from slate_gateway.routes.catalog import PROJECT, WITH_TASKS
from slate_gateway.routes.core import ADMIN, AUTHENTICATED, MANAGER, NO_EXTRA, Route, crud


# What the tasks service's reads depend on: its own data, and its read models (persons;
# productions, teams and entities), which announce each batch they apply.
TASKS = ("task", "task-type", "task-status", "task-type-link", "task-status-link",
         "comment", "person", "internal:read-model:tasks.persons", "internal:read-model:tasks.catalog")
PROJECT_ACTIONS = "/actions/projects/{project_id}"
ENTITY_KINDS = ("shots", "assets", "sequences", "episodes", "edits", "scenes", "concepts")


def _entity_task_rows(kind):
    extra = types.MappingProxyType({"kind": kind})
    return (Route("GET", "/data/%s/{entity_id}/tasks" % kind, "tasks", "entity_tasks",
                  extra=extra, cache=TASKS),
            Route("GET", "/data/%s/{entity_id}/task-types" % kind, "tasks",
                  "entity_task_types", extra=extra, cache=TASKS))


def _create_tasks_row(kind):
    return Route("POST", PROJECT_ACTIONS + "/task-types/{task_type_id}/%s/create-tasks" % kind,
                 "tasks", "create_tasks_for_type", MANAGER,
                 types.MappingProxyType({"kind": kind}))


TASKS_ROUTES = (
    *crud("tasks", "task-types", cache=TASKS),
    *crud("tasks", "task-status", cache=TASKS),
    *crud("tasks", "tasks", cache=TASKS),
    Route("POST", "/data/task-type-links", "tasks", "create_task_type_link", MANAGER),
    Route("POST", "/data/task-status-links", "tasks", "create_task_status_link", MANAGER),
    Route("GET", PROJECT + "/task-types", "tasks", "project_task_types", cache=TASKS),
    Route("POST", PROJECT + "/settings/task-types", "tasks", "add_task_type_setting",
          MANAGER),
    Route("DELETE", PROJECT + "/settings/task-types/{task_type_id}", "tasks",
          "remove_task_type_setting", MANAGER),
    Route("GET", PROJECT + "/settings/task-status", "tasks", "project_task_statuses",
          cache=TASKS),
    Route("POST", PROJECT + "/settings/task-status", "tasks", "add_task_status_setting",
          MANAGER),
    Route("PUT", PROJECT + "/settings/task-status/{task_status_id}", "tasks",
          "update_task_status_setting", MANAGER),
    Route("DELETE", PROJECT + "/settings/task-status/{task_status_id}", "tasks",
          "remove_task_status_setting", MANAGER),
    Route("POST", "/data/entities/{entity_id}/tasks", "tasks", "create_entity_tasks"),
    _create_tasks_row("shots"),
    _create_tasks_row("assets"),
    _create_tasks_row("edits"),
    *(row for kind in ENTITY_KINDS for row in _entity_task_rows(kind)),
    Route("GET", "/data/sequences/{sequence_id}/shot-tasks", "tasks",
          "sequence_shot_tasks", cache=TASKS),
    Route("GET", "/data/episodes/{episode_id}/shot-tasks", "tasks", "episode_shot_tasks",
          cache=TASKS),
    Route("GET", "/data/episodes/{episode_id}/asset-tasks", "tasks",
          "episode_asset_tasks", cache=TASKS),
    Route("GET", "/data/entities/{entity_id}/task-types/{task_type_id}/tasks", "tasks",
          "entity_tasks_of_type", cache=TASKS),
    Route("GET", PROJECT + "/tasks", "tasks", "project_tasks", cache=TASKS),
    Route("GET", "/data/tasks/{task_id}/full", "tasks", "full_task", cache=TASKS),
    Route("GET", "/data/user/tasks", "tasks", "user_tasks", cache=TASKS),
    Route("GET", "/data/user/done-tasks", "tasks", "user_done_tasks", cache=TASKS),
    Route("GET", "/data/persons/{person_id}/tasks", "tasks", "person_tasks", cache=TASKS),
    Route("GET", "/data/persons/{person_id}/done-tasks", "tasks", "person_done_tasks",
          cache=TASKS),
    Route("PUT", "/actions/persons/{person_id}/assign", "tasks", "assign_tasks_to_person"),
    Route("PUT", "/actions/tasks/{task_id}/assign", "tasks", "assign_task"),
    Route("PUT", "/actions/tasks/clear-assignation", "tasks", "clear_assignations"),
    Route("PUT", "/actions/tasks/set-priority", "tasks", "set_tasks_priority"),
    Route("POST", PROJECT_ACTIONS + "/delete-tasks", "tasks", "delete_tasks", MANAGER),
    Route("DELETE", PROJECT_ACTIONS + "/task-types/{task_type_id}/delete-tasks", "tasks",
          "delete_tasks_of_type", ADMIN),
)

# Subscriptions and notifications (the tasks service; notifications are its projection of
# the log, announced by `notification:*`). Comments change what a notification shows.
NOTIFYING = ("notification", "subscription", "comment") + TASKS
USER_SEQUENCE = "/sequences/{sequence_id}/task-types/{task_type_id}"

NOTIFICATION_ROUTES = (
    *crud("tasks", "notifications", read=ADMIN, cache=NOTIFYING),
    *crud("tasks", "subscriptions", read=ADMIN, cache=NOTIFYING),
    Route("GET", "/data/user/notifications", "tasks", "user_notifications", cache=NOTIFYING),
    Route("GET", "/data/user/notifications/{notification_id}", "tasks", "user_notification",
          cache=NOTIFYING),
    Route("PUT", "/data/user/notifications/{notification_id}", "tasks",
          "update_user_notification"),
    Route("POST", "/actions/user/notifications/mark-all-as-read", "tasks",
          "mark_all_notifications_as_read"),
    Route("GET", "/data/user/tasks/{task_id}/subscribed", "tasks", "task_subscribed",
          cache=NOTIFYING),
    Route("POST", "/actions/user/tasks/subscribe", "tasks", "subscribe_to_tasks"),
    Route("POST", "/actions/user/tasks/unsubscribe", "tasks", "unsubscribe_from_tasks"),
    Route("POST", "/actions/user/tasks/{task_id}/subscribe", "tasks", "subscribe_to_task"),
    Route("DELETE", "/actions/user/tasks/{task_id}/unsubscribe", "tasks",
          "unsubscribe_from_task"),
    Route("GET", "/data/user" + USER_SEQUENCE + "/subscribed", "tasks",
          "sequence_subscribed", cache=NOTIFYING),
    Route("GET", "/data/user/entities/{sequence_id}/task-types/{task_type_id}/subscribed",
          "tasks", "sequence_subscribed", cache=NOTIFYING),
    Route("POST", "/actions/user" + USER_SEQUENCE + "/subscribe", "tasks",
          "subscribe_to_sequence"),
    Route("DELETE", "/actions/user" + USER_SEQUENCE + "/unsubscribe", "tasks",
          "unsubscribe_from_sequence"),
    Route("GET", PROJECT + "/notifications", "tasks", "project_notifications", ADMIN,
          cache=NOTIFYING),
    Route("GET", PROJECT + "/subscriptions", "tasks", "project_subscriptions", ADMIN,
          cache=NOTIFYING),
)

# What each person's day reads depend on: time spents, day offs, schedule items (and the
# tasks, task types and read models they are read with). Desktop login logs are not cached.
TIME = TASKS + ("time-spent", "day-off", "schedule-item")
PERSON_TIME = "/data/persons/{person_id}/time-spents"
PERSON_DAY_OFFS = "/data/persons/{person_id}/day-offs"
TIME_SPENT_ACTION = "/actions/tasks/{task_id}/time-spents/{date}/persons/{person_id}"


def _time_row(path, rpc, policy=AUTHENTICATED, **extra):
    return Route("GET", path, "tasks", rpc, policy, types.MappingProxyType(extra),
                 cache=TIME)


TIME_ROUTES = (
    *crud("tasks", "time-spents", cache=TIME),
    *crud("tasks", "day-offs", write=AUTHENTICATED, cache=TIME),
    *crud("tasks", "schedule-items", write=AUTHENTICATED, cache=TIME),
    Route("POST", TIME_SPENT_ACTION, "tasks", "set_time_spent"),
    Route("DELETE", TIME_SPENT_ACTION, "tasks", "remove_time_spent"),
    Route("POST", TIME_SPENT_ACTION + "/add", "tasks", "add_time_spent"),
    _time_row("/actions/tasks/{task_id}/time-spents", "task_time_spents"),
    _time_row("/actions/tasks/{task_id}/time-spents/{date}", "task_time_spents"),
    _time_row(PERSON_TIME, "person_time_spents"),
    _time_row(PERSON_TIME + "/{date}", "person_day_time_spents"),
    _time_row(PERSON_TIME + "/year/{year}", "person_period_time_spents", period="year"),
    _time_row(PERSON_TIME + "/month/{year}/{month}", "person_period_time_spents",
              period="month"),
    _time_row(PERSON_TIME + "/week/{year}/{week}", "person_period_time_spents",
              period="week"),
    _time_row(PERSON_TIME + "/day/{year}/{month}/{day}", "person_period_time_spents",
              period="day"),
    _time_row(PERSON_TIME + "/month/all/{year}/{month}", "person_month_all_time_spents"),
    _time_row("/data/persons/time-spents/year-table", "time_spents_year_table"),
    _time_row("/data/persons/time-spents/month-table/{year}", "time_spents_month_table"),
    _time_row("/data/persons/time-spents/week-table/{year}", "time_spents_week_table"),
    _time_row("/data/persons/time-spents/day-table/{year}/{month}",
              "time_spents_day_table"),
    _time_row("/data/user/time-spents", "user_time_spents"),
    _time_row("/data/user/time-spents/{date}", "user_day_time_spents"),
    _time_row("/data/user/tasks/{task_id}/time-spents/{date}", "user_task_time_spent"),
    _time_row("/data/entities/{entity_id}/time-spents", "entity_time_spents"),
    _time_row(PROJECT + "/time-spents", "project_time_spents"),
    _time_row(PROJECT + "/task-types/{task_type_id}/time-spents",
              "project_task_type_time_spents", MANAGER),
    _time_row(PROJECT + "/budgets/time-spents", "project_month_time_spents", ADMIN),
    _time_row(PERSON_DAY_OFFS, "person_day_offs"),
    _time_row(PERSON_DAY_OFFS + "/{date}", "person_day_off"),
    _time_row(PERSON_DAY_OFFS + "/week/{year}/{week}", "person_period_day_offs",
              period="week"),
    _time_row(PERSON_DAY_OFFS + "/month/{year}/{month}", "person_period_day_offs",
              period="month"),
    _time_row(PERSON_DAY_OFFS + "/year/{year}", "person_period_day_offs", period="year"),
    _time_row("/data/persons/day-offs/{year}", "period_day_offs", period="year"),
    _time_row("/data/persons/day-offs/{year}/{month}", "period_day_offs", period="month"),
    _time_row(PROJECT + "/day-offs", "project_day_offs"),
    _time_row("/data/user/day-offs/{date}", "user_day_off"),
    _time_row(PROJECT + "/schedule-items", "project_schedule_items"),
    _time_row(PROJECT + "/schedule-items/task-types", "task_types_schedule_items"),
    *(_time_row(PROJECT + "/schedule-items/{task_type_id}/%s" % objects,
                "objects_schedule_items", objects=objects)
      for objects in ("asset-types", "episodes", "sequences", "edits")),
    _time_row(PROJECT + "/quotas/{task_type_id}", "project_quotas"),
    _time_row(PROJECT + "/quotas/persons/{person_id}", "project_person_quotas"),
    _time_row("/data/persons/{person_id}/quota-shots/month/{year}/{month}",
              "person_quota_shots", period="month"),
    _time_row("/data/persons/{person_id}/quota-shots/week/{year}/{week}",
              "person_quota_shots", period="week"),
    _time_row("/data/persons/{person_id}/quota-shots/day/{year}/{month}/{day}",
              "person_quota_shots", period="day"),
    Route("GET", "/data/persons/{person_id}/desktop-login-logs", "tasks",
          "person_desktop_login_logs"),
    Route("POST", "/data/persons/{person_id}/desktop-login-logs", "tasks",
          "log_person_desktop_login"),
    Route("GET", "/data/user/desktop-login-logs", "tasks", "user_desktop_login_logs"),
    Route("POST", "/data/user/desktop-login-logs", "tasks", "log_user_desktop_login"),
)

# Comments and the news feed (tasks service): conversations depend on their tasks and
# people (TASKS names comments), the feed on its projection's news events.
COMMENTS = TASKS
NEWS = TASKS + ("news",)
TASK_COMMENT = "/data/tasks/{task_id}/comments/{comment_id}"

COMMENT_ROUTES = (
    *crud("tasks", "comments", cache=COMMENTS),
    *crud("tasks", "news", cache=NEWS),
    Route("POST", "/actions/tasks/{task_id}/comment", "tasks", "post_comment"),
    Route("POST", PROJECT_ACTIONS + "/tasks/comment-many", "tasks", "comment_many"),
    Route("POST", PROJECT_ACTIONS + "/tasks/copy-client-comments", "tasks",
          "copy_client_comments", MANAGER),
    Route("POST", "/actions/tasks/batch-comment", "tasks", "batch_comment"),
    Route("POST", "/actions/tasks/{task_id}/batch-comment", "tasks", "batch_comment"),
    Route("POST", "/actions/tasks/{task_id}/comments/{comment_id}/move", "tasks",
          "move_comment", MANAGER),
    Route("GET", "/data/tasks/{task_id}/comments", "tasks", "task_comments", cache=COMMENTS),
    Route("GET", TASK_COMMENT, "tasks", "task_comment", cache=COMMENTS),
    Route("DELETE", TASK_COMMENT, "tasks", "delete_task_comment"),
    Route("POST", TASK_COMMENT + "/ack", "tasks", "acknowledge_comment"),
    Route("POST", TASK_COMMENT + "/reply", "tasks", "reply_comment"),
    Route("DELETE", TASK_COMMENT + "/reply/{reply_id}", "tasks", "delete_comment_reply"),
    Route("GET", PROJECT + "/comments", "tasks", "project_comments", cache=COMMENTS),
    Route("GET", "/data/projects/news", "tasks", "open_projects_news", cache=NEWS),
    Route("GET", PROJECT + "/news", "tasks", "project_news", cache=NEWS),
    Route("GET", PROJECT + "/news/{news_id}", "tasks", "one_news", cache=NEWS),
    Route("GET", "/data/entities/{entity_id}/news", "tasks", "entity_news", cache=NEWS),
)

# What an artist's own context, saved filters and chats depend on: the tasks service's
# data and read models, and its filter and chat events.
USER = TASKS + ("search-filter", "search-filter-group", "chat", "chat-message")
USER_DATA = "/data/user"
CHAT = "/data/entities/{entity_id}/chat"


def _user_entity_rows(kind, entity_kind):
    extra = types.MappingProxyType({"entity_kind": entity_kind})
    path = "%s/%s/{entity_id}" % (USER_DATA, kind)
    return (Route("GET", path + "/tasks", "tasks", "user_entity_tasks", extra=extra,
                  cache=USER),
            Route("GET", path + "/task-types", "tasks", "user_entity_task_types",
                  extra=extra, cache=USER))


def _user_sequence_row(kind, entity_kind):
    return Route("GET", USER_DATA + "/sequences/{sequence_id}/" + kind, "tasks",
                 "user_sequence_children",
                 extra=types.MappingProxyType({"entity_kind": entity_kind}), cache=USER)


USER_ROUTES = (
    *crud("tasks", "search-filters", read=ADMIN, cache=USER),
    *crud("tasks", "search-filter-groups", read=ADMIN, cache=USER),
    *crud("tasks", "chats", read=ADMIN, cache=USER),
    *crud("tasks", "chat-messages", read=ADMIN, cache=USER),
    Route("GET", USER_DATA + "/context", "tasks", "user_context", cache=USER),
    # Zou serves the same list on both paths (user_service.get_open_projects).
    Route("GET", USER_DATA + "/projects/open", "catalog", "open_projects",
          cache=WITH_TASKS),
    *_user_entity_rows("assets", "Asset"),
    *_user_entity_rows("shots", "Shot"),
    *_user_entity_rows("scenes", "Scene"),
    *_user_entity_rows("sequences", "Sequence"),
    _user_sequence_row("shots", "Shot"),
    _user_sequence_row("scenes", "Scene"),
    Route("GET", USER_DATA + "/projects/{project_id}/asset-types", "tasks",
          "user_project_asset_types", cache=USER),
    Route("GET", USER_DATA + "/projects/{project_id}/asset-types/{asset_type_id}/assets",
          "tasks", "user_asset_type_assets", cache=USER),
    Route("GET", USER_DATA + "/projects/{project_id}/sequences", "tasks",
          "user_project_sequences", cache=USER),
    Route("GET", USER_DATA + "/projects/{project_id}/episodes", "tasks",
          "user_project_episodes", cache=USER),
    Route("GET", USER_DATA + "/tasks-to-check", "tasks", "user_tasks_to_check", cache=USER),
    Route("GET", USER_DATA + "/tasks-to-check/filter-values", "tasks",
          "user_tasks_to_check_filter_values", cache=USER),
    Route("POST", "/data/search", "tasks", "search"),
    Route("GET", USER_DATA + "/filters", "tasks", "user_filters", cache=USER),
    Route("POST", USER_DATA + "/filters", "tasks", "create_user_filter"),
    Route("PUT", USER_DATA + "/filters/{filter_id}", "tasks", "update_user_filter"),
    Route("DELETE", USER_DATA + "/filters/{filter_id}", "tasks", "delete_user_filter"),
    Route("GET", USER_DATA + "/filter-groups", "tasks", "user_filter_groups", cache=USER),
    Route("POST", USER_DATA + "/filter-groups", "tasks", "create_user_filter_group"),
    Route("GET", USER_DATA + "/filter-groups/{filter_group_id}", "tasks",
          "user_filter_group", cache=USER),
    Route("PUT", USER_DATA + "/filter-groups/{filter_group_id}", "tasks",
          "update_user_filter_group"),
    Route("DELETE", USER_DATA + "/filter-groups/{filter_group_id}", "tasks",
          "delete_user_filter_group"),
    # Reading a chat makes it the first time (chat:new): not cached.
    Route("GET", CHAT, "tasks", "entity_chat"),
    Route("GET", CHAT + "/messages", "tasks", "entity_chat_messages"),
    Route("POST", CHAT + "/messages", "tasks", "post_chat_message"),
    Route("GET", CHAT + "/messages/{chat_message_id}", "tasks", "chat_message"),
    Route("DELETE", CHAT + "/messages/{chat_message_id}", "tasks", "delete_chat_message"),
    Route("GET", USER_DATA + "/chats", "tasks", "user_chats", cache=USER),
    Route("POST", "/actions/user/chats/{entity_id}/join", "tasks", "join_chat"),
    Route("DELETE", "/actions/user/chats/{entity_id}/join", "tasks", "leave_chat"),
)

def _board_row(kind, rpc, extra=NO_EXTRA):
    """A "with tasks" board: its read models (casting links too) announce their batches
    with internal:read-model:tasks.catalog, in TASKS."""
    return Route("GET", "/data/%s/with-tasks" % kind, "tasks", rpc, extra=extra,
                 cache=TASKS)


WITH_TASKS_ROUTES = (
    _board_row("assets", "assets_with_tasks"),
    _board_row("shots", "shots_with_tasks"),
    *(_board_row(kind, "entities_with_tasks", types.MappingProxyType({"kind": kind}))
      for kind in ("sequences", "episodes", "scenes")),
    _board_row("edits", "edits_with_tasks"),
    _board_row("concepts", "concepts_with_tasks"),
)

TASK_STATS_ROUTES = (
    Route("GET", "/data/tasks/open-tasks", "tasks", "open_tasks", cache=TASKS),
    Route("GET", "/data/tasks/open-tasks/stats", "tasks", "open_tasks_stats", cache=TASKS),
    Route("GET", "/data/tasks/open-tasks/burndown", "tasks", "open_tasks_burndown",
          cache=TASKS),
    Route("GET", "/data/projects/{project_id}/episodes/stats", "tasks", "episodes_stats",
          cache=TASKS),
    Route("GET", "/data/projects/{project_id}/episodes/retake-stats", "tasks",
          "episodes_retake_stats", cache=TASKS),
    Route("GET", "/data/persons/task-dates", "tasks", "persons_task_dates", cache=TASKS),
    Route("GET", "/data/persons/{person_id}/related-tasks/{task_type_id}", "tasks",
          "person_related_tasks", cache=TASKS),
    Route("POST", PROJECT_ACTIONS + "/task-types/{task_type_id}/create-tasks/{entity_type}",
          "tasks", "create_entity_type_tasks", MANAGER),
    Route("POST", PROJECT_ACTIONS + "/task-types/{task_type_id}/concepts/create-tasks",
          "tasks", "create_concept_tasks"),
    Route("POST", "/actions/task-types/reorder", "tasks", "reorder_task_types", ADMIN),
    Route("POST", PROJECT_ACTIONS + "/task-type-links/reorder", "tasks",
          "reorder_task_type_links", MANAGER),
    Route("POST", PROJECT_ACTIONS + "/task-status-links/reorder", "tasks",
          "reorder_task_status_links", MANAGER),
)

# The files a pipeline tracks (slate_tasks.file_crud, file_entrypoints): studio settings
# (admins write), working and output files (the service checks who acts on their task).
FILES = TASKS + ("software", "output-type", "file-status", "working-file", "output-file")
TASK_FILES = "/data/tasks/{task_id}/working-files"
WORKING_FILE_ACTIONS = "/actions/working-files/{working_file_id}"
ENTITY_OUTPUTS = "/data/entities/{entity_id}/output-files"

FILE_ROUTES = (
    *crud("tasks", "softwares", cache=FILES),
    *crud("tasks", "output-types", cache=FILES),
    *crud("tasks", "file-status", cache=FILES),
    *crud("tasks", "working-files", write=AUTHENTICATED, cache=FILES),
    *crud("tasks", "output-files", write=AUTHENTICATED, cache=FILES),
    Route("POST", "/data/tasks/{task_id}/working-file-path", "tasks", "working_file_path"),
    Route("POST", "/data/entities/{entity_id}/output-file-path", "tasks",
          "output_file_path"),
    Route("GET", TASK_FILES, "tasks", "task_working_files", cache=FILES),
    Route("GET", TASK_FILES + "/last-revisions", "tasks", "last_working_files",
          cache=FILES),
    Route("POST", TASK_FILES + "/new", "tasks", "new_working_file"),
    Route("GET", "/data/entities/{entity_id}/working-files", "tasks",
          "entity_working_files", cache=FILES),
    Route("PUT", WORKING_FILE_ACTIONS + "/comment", "tasks", "comment_working_file"),
    Route("PUT", WORKING_FILE_ACTIONS + "/modified", "tasks", "modified_working_file"),
    Route("POST", ENTITY_OUTPUTS + "/new", "tasks", "new_output_file"),
    Route("POST", ENTITY_OUTPUTS + "/next-revision", "tasks", "next_output_revision"),
    Route("GET", ENTITY_OUTPUTS, "tasks", "entity_output_files", cache=FILES),
    Route("GET", ENTITY_OUTPUTS + "/last-revisions", "tasks", "last_output_files",
          cache=FILES),
    Route("GET", "/data/entities/{entity_id}/output-types", "tasks", "entity_output_types",
          cache=FILES),
    Route("GET", "/data/entities/{entity_id}/output-types/{output_type_id}/output-files",
          "tasks", "output_type_files", cache=FILES),
    Route("GET", PROJECT + "/output-files", "tasks", "project_output_files", cache=FILES),
    Route("GET", "/data/files/{file_id}", "tasks", "get_file", cache=FILES),
)

# An asset instance's output files in a shot or scene (the temporal entity), and the
# entities a path names (services/tasks/slate_tasks/instance_outputs.py, path_guesses.py).
# The tasks service's catalog read model keeps the asset instances: `FILES` holds its
# `internal:read-model:tasks.catalog`.
INSTANCE = "/data/asset-instances/{asset_instance_id}"
INSTANCE_OUTPUTS = INSTANCE + "/entities/{temporal_entity_id}"

INSTANCE_FILE_ROUTES = (
    Route("POST", INSTANCE_OUTPUTS + "/output-file-path", "tasks",
          "instance_output_file_path"),
    Route("GET", INSTANCE_OUTPUTS + "/output-files/last-revisions", "tasks",
          "last_instance_output_files", cache=FILES),
    Route("POST", INSTANCE_OUTPUTS + "/output-files/new", "tasks", "new_instance_output_file"),
    Route("POST", INSTANCE_OUTPUTS + "/output-files/next-revision", "tasks",
          "next_instance_output_revision"),
    Route("GET", INSTANCE_OUTPUTS + "/output-types", "tasks", "instance_output_types",
          cache=FILES),
    Route("GET", INSTANCE_OUTPUTS + "/output-types/{output_type_id}/output-files", "tasks",
          "instance_output_type_files", cache=FILES),
    Route("GET", INSTANCE + "/output-files", "tasks", "instance_output_files", cache=FILES),
    Route("POST", "/data/entities/guess-from-path", "tasks", "guess_from_path"),
    Route("POST", "/data/entities/guess_from_path", "tasks", "guess_from_path"),
)
