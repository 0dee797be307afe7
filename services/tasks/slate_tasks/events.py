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
| comment:new | {comment_id, task_id, task_status_id, person_id, for_client} | comments.py |
| comment:update, :reply, :delete-reply, :(un)acknowledge | {comment_id, ...} | comment_actions |
| comment:delete | {comment_id, task_id} | comment_actions.py (also a move) |
| task:status-changed | {task_id, new/previous_task_status_id, person_id} | a comment |
| task:to-review | the same and comment_id | a comment asking for feedback |
| news:new / :update / :delete | {news_id, ...} | news_feed.py (projection), news CRUD |
| internal:read-model:tasks.departments | {} | the departments read model applied events |
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
COMMENT = "comment"
COMMENT_NEW = "comment:new"
COMMENT_UPDATE = "comment:update"
COMMENT_DELETE = "comment:delete"
COMMENT_REPLY = "comment:reply"
COMMENT_DELETE_REPLY = "comment:delete-reply"
COMMENT_ACKNOWLEDGE = "comment:acknowledge"
COMMENT_UNACKNOWLEDGE = "comment:unacknowledge"
TASK_STATUS_CHANGED = "task:status-changed"
TASK_TO_REVIEW = "task:to-review"
NEWS = "news"
NEWS_NEW = "news:new"
NEWS_DELETE = "news:delete"

# What the read models follow (persons: slate_common.person_model.NAMES).
ENTITY_FAMILIES = ("asset", "episode", "sequence", "shot", "edit", "scene", "concept")
TYPE_FAMILIES = ("entity-type", "asset-type")
CATALOG_FAMILIES = ("project", "project-status") + TYPE_FAMILIES + ENTITY_FAMILIES
CATALOG_EVENTS = tuple("%s:%s" % (family, kind) for family in CATALOG_FAMILIES
                       for kind in ("new", "update", "delete"))
DEPARTMENT_EVENTS = ("department:new", "department:update", "department:delete")
# What the news feed follows (news_feed.py).
NEWS_SOURCES = (COMMENT_NEW, COMMENT_DELETE, TASK_DELETE)
