"""Every event the catalog service emits, declared once (payload shapes: docs/CONTRACTS.md).

| name | data | when |
|---|---|---|
| project:new / :update / :delete | {project_id} | CRUD, team and asset-type settings changes |
| project-status:new / :update / :delete | {project_status_id} | CRUD, `slate init-data` |
| asset-type:new / :update / :delete | {asset_type_id} | entity-type CRUD (Zou's names) |
| entity-type:new | {entity_type_id} | temporal types made by `slate init-data` |
| asset:new | {asset_id, asset_type} | POST /data/projects/{id}/asset-types/{id}/assets/new |
| episode:new | {episode_id} | POST /data/projects/{id}/episodes |
| sequence:new | {sequence_id} | POST /data/projects/{id}/sequences |
| shot:new | {shot_id, episode_id} | POST /data/projects/{id}/shots (episode of its sequence) |
| asset / episode / sequence / shot :update | {<type>_id} | PUT /data/entities/{id} |
| internal:read-model:catalog.persons | {} | the persons read model applied auth events |
| metadata-descriptor:new / :update / :delete | {metadata_descriptor_id} | CRUD, project and all-projects descriptor routes, template application |
| milestone:new / :update / :delete | {milestone_id} | CRUD |
| production-schedule-version:new / :update / :delete | {production_schedule_version_id} | CRUD |
| status-automation:new / :update / :delete | {status_automation_id} | CRUD |
| budget:new / :update / :delete | {budget_id} | CRUD |
| budget:create / :update / :delete | {budget_id} | /data/projects/{id}/budgets routes (Zou's names) |
| budget-entry:new / :update / :delete | {budget_entry_id} | CRUD |
| budget-entry:create / :update / :delete | {budget_id, budget_entry_id} | /data/projects/{id}/budgets/{id}/entries routes |
| custom-action:new / :update / :delete | {custom_action_id} | CRUD |
| project-template:new / :update / :delete | {project_template_id} | CRUD, from-project, link and descriptor routes |
| project:update | {project_id} | status automation settings, template application |

Removing or renaming a descriptor moves values in its entities' (or project's) `data`:
each rewritten row emits `<asset|shot|...>:update` / `project:update` with the change,
where Zou writes silently, so the log still rebuilds the data.

It consumes `person:new`, `person:update`, `person:delete` from the auth service.
"""
PROJECT = "project"
PROJECT_STATUS = "project-status"
ASSET_TYPE = "asset-type"
ENTITY_TYPE = "entity-type"
ASSET = "asset"
EPISODE = "episode"
SEQUENCE = "sequence"
SHOT = "shot"
ENTITY_FAMILIES = (ASSET, EPISODE, SEQUENCE, SHOT)
PROJECT_STATUS_NEW = "project-status:new"
METADATA_DESCRIPTOR = "metadata-descriptor"
MILESTONE = "milestone"
PRODUCTION_SCHEDULE_VERSION = "production-schedule-version"
STATUS_AUTOMATION = "status-automation"
BUDGET = "budget"
BUDGET_ENTRY = "budget-entry"
CUSTOM_ACTION = "custom-action"
PROJECT_TEMPLATE = "project-template"
BUDGET_CREATE = "budget:create"          # the production routes' name for a new budget
BUDGET_ENTRY_CREATE = "budget-entry:create"
PERSON_EVENTS = ("person:new", "person:update", "person:delete")
