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
| task:update | {task_id} | PUT /data/tasks/{id}, assignments |
| task:assign / task:unassign | {task_id, person_id} | assignments ({"id", "changes": {"assignees": [old, new]}}) |
| task:delete | {task_id} | DELETE /data/tasks/{id}, or its entity deleted in the catalog |
| search-filter:new / :update / :delete | {search_filter_id} | /data/user/filters, CRUD |
| search-filter-group:new / :update / :delete | {search_filter_group_id} | /data/user/filter-groups, CRUD |
| chat:new | {chat_id} | an entity's chat, first asked for (as Zou makes it) |
| chat:joined / chat:left | {chat_id, person_id} | /actions/user/chats/{id}/join ({"id", "changes": {"participants": [old, new]}}) |
| chat:update | {chat_id} | a message posted moves the chat's `last_message`; CRUD |
| chat:new-message | {chat_id, chat_message_id, last_message} | POST /data/entities/{id}/chat/messages |
| chat:deleted-message | {chat_id, chat_message_id} | DELETE .../chat/messages/{id} |
| chat-message:new / :update / :delete | {chat_message_id} | CRUD /data/chat-messages |
| internal:read-model:tasks.persons | {} | the persons read model applied auth events |
| internal:read-model:tasks.catalog | {} | the productions/entities read model applied catalog events |
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
CATALOG_EVENTS = tuple("%s:%s" % (family, kind) for family in CATALOG_FAMILIES
                       for kind in ("new", "update", "delete"))
