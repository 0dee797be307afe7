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
| internal:read-model:tasks.persons | {} | the persons read model applied auth events |
| internal:read-model:tasks.catalog | {} | the productions/entities read model applied catalog events (casting links and counts too, for the boards) |
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

# What the read models follow (persons: slate_common.person_model.NAMES).
ENTITY_FAMILIES = ("asset", "episode", "sequence", "shot", "edit", "scene", "concept")
TYPE_FAMILIES = ("entity-type", "asset-type")
CATALOG_FAMILIES = ("project", "project-status") + TYPE_FAMILIES + ENTITY_FAMILIES
ENTITY_LINK = "entity-link"
METADATA_DESCRIPTOR = "metadata-descriptor"
CATALOG_EVENTS = tuple("%s:%s" % (family, kind)
                       for family in CATALOG_FAMILIES + (METADATA_DESCRIPTOR,)
                       for kind in ("new", "update", "delete")) + (
    # the boards read casting counts and the episodes assets are cast in
    "asset:casting-update", "episode:casting-update", "shot:casting-update",
    ENTITY_LINK + ":new", ENTITY_LINK + ":delete")
