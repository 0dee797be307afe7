"""Every event the tasks service emits, and those it follows, declared once
(payload shapes: docs/CONTRACTS.md).

| name | data | when |
|---|---|---|
| task-type:new / :update / :delete | {task_type_id} | CRUD, `slate init-data` |
| task-status:new / :update / :delete | {task_status_id} | CRUD, `slate init-data` |
| task-type-link:new / :update / :delete | {project_id, task_type_id} | production settings |
| task-status-link:new / :update / :delete | {project_id, task_status_id} | production settings |
| project:update | {project_id} | after a settings change, as Zou (payload empty: the link events carry the change) |
| task:new | {task_id} | POST /data/tasks, create-tasks routes |
| task:update | {task_id} | PUT /data/tasks/{id}, assignments, time spents (duration) |
| task:assign / task:unassign | {task_id, person_id} | assignments ({"id", "changes": {"assignees": [old, new]}}) |
| task:delete | {task_id} | DELETE /data/tasks/{id}, or its entity or production deleted in the catalog |
| subscription:new / :delete | {subscription_id} | subscribe / unsubscribe routes, CRUD (payload: the row) |
| subscription:update | {subscription_id} | CRUD |
| notification:new | {notification_id, person_id} | the notifications projection (notification_feed.py), CRUD |
| notification:read / :unread | {notification_id, person_id} | PUT /data/user/notifications/{id} ({"id", "changes": {"read": ...}}) |
| notification:all-read | {person_id} | mark-all-as-read ({"new": [the rows marked read]}) |
| notification:update / :delete | {notification_id} | CRUD; :delete also when its comment or reply goes |
| time-spent:new / :update / :delete | {time_spent_id} | time-spent routes (a new one: `last_presence` beside the row, for auth), day offs |
| day-off:new / :update / :delete | {day_off_id} | CRUD |
| schedule-item:new / :update / :delete | {schedule_item_id} | CRUD, schedule reads |
| internal:desktop-login-log:new | {desktop_login_log_id} | desktop logins (Zou: none) |
| comment:new | {comment_id, task_id, task_status_id, person_id, for_client} | comments.py |
| comment:update, :reply, :delete-reply, :(un)acknowledge | {comment_id, ...} | comment_actions |
| comment:delete | {comment_id, task_id} | comment_actions.py (also a move) |
| task:status-changed | {task_id, new/previous_task_status_id, person_id} | a comment |
| task:to-review | the same and comment_id | a comment asking for feedback |
| news:new / :update / :delete | {news_id, ...} | news_feed.py (projection), news CRUD |
| search-filter:new / :update / :delete | {search_filter_id} | /data/user/filters, CRUD |
| search-filter-group:new / :update / :delete | {search_filter_group_id} | /data/user/filter-groups, CRUD |
| chat:new | {chat_id} | an entity's chat, first asked for (as Zou makes it) |
| chat:joined / chat:left | {chat_id, person_id} | /actions/user/chats/{id}/join ({"id", "changes": {"participants": [old, new]}}) |
| chat:update | {chat_id} | a message posted moves the chat's `last_message`; CRUD |
| chat:new-message | {chat_id, chat_message_id, last_message} | POST /data/entities/{id}/chat/messages |
| chat:deleted-message | {chat_id, chat_message_id} | DELETE .../chat/messages/{id} |
| chat-message:new / :update / :delete | {chat_message_id} | CRUD /data/chat-messages |
| software:new / :update / :delete | {software_id} | CRUD /data/softwares |
| output-type:new / :update / :delete | {output_type_id} | CRUD /data/output-types |
| file-status:new / :update / :delete | {file_status_id} | CRUD /data/file-status |
| working-file:new / :update / :delete | {working_file_id} | CRUD, working-file routes (file_entrypoints.py) |
| output-file:new / :update / :delete | {output_file_id} | CRUD |
| internal:read-model:tasks.persons | {} | the persons read model applied auth events |
| internal:read-model:tasks.catalog | {} | the productions/entities read model applied catalog events (casting links and counts too, for the boards; asset instances, for their output files) |
"""
TASK = "task"
TASK_TYPE = "task-type"
TASK_STATUS = "task-status"
TASK_TYPE_LINK = "task-type-link"
TASK_STATUS_LINK = "task-status-link"
TASK_NEW = "task:new"
TASK_UPDATE = "task:update"
TASK_ASSIGN = "task:assign"
TASK_UNASSIGN = "task:unassign"
TASK_DELETE = "task:delete"
PROJECT_UPDATE = "project:update"
SUBSCRIPTION = "subscription"
NOTIFICATION = "notification"
NOTIFICATION_NEW = "notification:new"
NOTIFICATION_READ = "notification:read"
NOTIFICATION_UNREAD = "notification:unread"
NOTIFICATION_ALL_READ = "notification:all-read"
NOTIFICATION_DELETE = "notification:delete"
COMMENT = "comment"
COMMENT_NEW = "comment:new"
COMMENT_UPDATE = "comment:update"
COMMENT_DELETE = "comment:delete"
COMMENT_REPLY = "comment:reply"
COMMENT_DELETE_REPLY = "comment:delete-reply"
COMMENT_ACKNOWLEDGE = "comment:acknowledge"
COMMENT_UNACKNOWLEDGE = "comment:unacknowledge"
TASK_STATUS_CHANGED = "task:status-changed"  # beside a comment: its notifications' `change`
TASK_TO_REVIEW = "task:to-review"
NEWS = "news"
NEWS_NEW = "news:new"
NEWS_DELETE = "news:delete"
# What the notifications projection follows (notification_feed.py).
NOTIFYING_EVENTS = (TASK_ASSIGN, COMMENT_NEW, COMMENT_REPLY, COMMENT_DELETE,
                    COMMENT_DELETE_REPLY)
SEARCH_FILTER = "search-filter"
SEARCH_FILTER_GROUP = "search-filter-group"
CHAT = "chat"
CHAT_MESSAGE = "chat-message"
CHAT_JOINED = "chat:joined"
CHAT_LEFT = "chat:left"
CHAT_NEW_MESSAGE = "chat:new-message"
CHAT_DELETED_MESSAGE = "chat:deleted-message"

# What the read models follow (persons: slate_common.person_model.NAMES).
ENTITY_FAMILIES = ("asset", "episode", "sequence", "shot", "edit", "scene", "concept")
TYPE_FAMILIES = ("entity-type", "asset-type")
CATALOG_FAMILIES = ("project", "project-status") + TYPE_FAMILIES + ENTITY_FAMILIES
ENTITY_LINK = "entity-link"
METADATA_DESCRIPTOR = "metadata-descriptor"
# The catalog's asset instances: its CRUD names them `asset-instance`, its breakdown
# routes `asset_instance` (the shot casting events of the latter are not needed here).
ASSET_INSTANCE = "asset-instance"
BREAKDOWN_INSTANCE = "asset_instance"
STATUS_AUTOMATION = "status-automation"
CATALOG_EVENTS = tuple("%s:%s" % (family, kind)
                       for family in CATALOG_FAMILIES + (METADATA_DESCRIPTOR, ASSET_INSTANCE,
                                                         STATUS_AUTOMATION)
                       for kind in ("new", "update", "delete")) + (
    # the boards read casting counts and the episodes assets are cast in
    "asset:casting-update", "episode:casting-update", "shot:casting-update",
    ENTITY_LINK + ":new", ENTITY_LINK + ":delete", BREAKDOWN_INSTANCE + ":new")
TIME_SPENT = "time-spent"
DAY_OFF = "day-off"
SCHEDULE_ITEM = "schedule-item"
# Zou emits nothing for desktop logins; the log still needs them to rebuild the table.
DESKTOP_LOGIN_LOG = "internal:desktop-login-log"
DEPARTMENT_EVENTS = ("department:new", "department:update", "department:delete")
# What the news feed follows (news_feed.py).
NEWS_SOURCES = (COMMENT_NEW, COMMENT_DELETE, TASK_DELETE)
SOFTWARE = "software"
OUTPUT_TYPE = "output-type"
FILE_STATUS = "file-status"
WORKING_FILE = "working-file"
OUTPUT_FILE = "output-file"
FILE_FAMILIES = (SOFTWARE, OUTPUT_TYPE, FILE_STATUS, WORKING_FILE, OUTPUT_FILE)
