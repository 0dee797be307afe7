"""Every event the catalog service emits, declared once (payload shapes: docs/CONTRACTS.md).

| name | data | when |
|---|---|---|
| project:new / :update / :delete | {project_id} | CRUD, team (members and their production roles: `team_roles` in the payload) and asset-type settings changes |
| project-status:new / :update / :delete | {project_status_id} | CRUD, `slate init-data` |
| asset-type:new / :update / :delete | {asset_type_id} | entity-type CRUD (Zou's names) |
| entity-type:new | {entity_type_id} | temporal types made by `slate init-data` |
| asset:new | {asset_id, asset_type} | POST /data/projects/{id}/asset-types/{id}/assets/new |
| episode:new | {episode_id} | POST /data/projects/{id}/episodes |
| sequence:new | {sequence_id} | POST /data/projects/{id}/sequences |
| shot:new | {shot_id, episode_id} | POST /data/projects/{id}/shots (episode of its sequence) |
| asset / episode / sequence / shot :update | {<type>_id} | PUT /data/entities/{id}; asset:update (no payload) also when an episode's casting gains or loses the asset |
| scene:new | {scene_id} | POST /data/projects/{id}/scenes |
| edit:new | {edit_id, parent_id} | POST /data/projects/{id}/edits (parent: its episode) |
| concept:new | {concept_id} | POST /data/projects/{id}/concepts |
| concept-folder:new / :update / :delete | {concept_folder_id} | concept folder routes |
| <type>:new | {<type>_id} | POST /data/entities (type: asset, shot, concept-folder...) |
| <type>:update | {<type>_id} | canceling delete of an entity with tasks, PUT /data/shots/{id}, moving concepts, sharing assets |
| <type>:delete | {<type>_id} | DELETE routes, delete-entities, forced deletes ({"old": row}) |
| scene:delete | {scene_id} | also when a scene with tasks is only canceled (payload: changes) |
| internal:read-model:catalog.persons | {} | the persons read model applied auth events |
| internal:read-model:catalog.tasks | {} | the tasks read model (entities' tasks, a production's task settings) applied the tasks service's events |
| entity-link:new | {entity_link_id, entity_in_id, entity_out_id, nb_occurences} | an asset cast in an entity (the `entity-links` CRUD: {entity_link_id}) |
| entity-link:update | {entity_link_id, nb_occurences} | its occurrences or label changed |
| entity-link:delete | {entity_link_id} | uncast (Zou drops these rows silently: Slate logs them) |
| shot / asset / episode :casting-update | {<kind>_id, nb_entities_out, added_asset_ids, removed_asset_ids} | a casting changed (payload: nb_entities_out change) |
| asset_instance:new | {scene_id, asset_id, asset_instance_id} or {asset_id, asset_instantiated, asset_instance_id} | an instance in a scene / an asset |
| asset_instance:add-to-shot / :remove-from-shot | {shot_id, asset_instance_id} | a shot's instance casting changed |
| asset-instance:new / :update / :delete | {asset_instance_id} | the `asset-instances` CRUD |
| shot:add-to-scene / :remove-from-scene | {scene_id, shot_id} | after shot:update of the shot's source_id |
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

It consumes `task:new`, `task:update` and `task:delete` (`entity_tasks.py`),
`task-type-link:*` and `task-status-link:*` (`task_settings.py`) and `task:assign`
(`assignee_teams.py`: the assignee joins the team, with `project:update`) from the tasks
service, and `person:new`, `person:update`, `person:delete` from the auth service.
"""
PROJECT = "project"
PROJECT_STATUS = "project-status"
ASSET_TYPE = "asset-type"
ENTITY_TYPE = "entity-type"
ASSET = "asset"
EPISODE = "episode"
SEQUENCE = "sequence"
SHOT = "shot"
SCENE = "scene"
EDIT = "edit"
CONCEPT = "concept"
CONCEPT_FOLDER = "concept-folder"
ENTITY_FAMILIES = (ASSET, EPISODE, SEQUENCE, SHOT, SCENE, EDIT, CONCEPT, CONCEPT_FOLDER)
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
TASK_NEW = "task:new"
TASK_UPDATE = "task:update"
TASK_DELETE = "task:delete"
TASK_EVENTS = (TASK_NEW, TASK_UPDATE, TASK_DELETE)
TASK_ASSIGN = "task:assign"
TASK_TYPE_LINK = "task-type-link"
TASK_STATUS_LINK = "task-status-link"
TASK_SETTING_EVENTS = tuple("%s:%s" % (family, kind)
                            for family in (TASK_TYPE_LINK, TASK_STATUS_LINK)
                            for kind in ("new", "update", "delete"))
ENTITY_LINK = "entity-link"
ASSET_INSTANCE = "asset-instance"   # the CRUD routes' name
BREAKDOWN_INSTANCE = "asset_instance"  # breakdown's name for the same rows (Zou's)
CASTING_UPDATE = ":casting-update"
INSTANCE_NEW = "asset_instance:new"
INSTANCE_ADDED_TO_SHOT = "asset_instance:add-to-shot"
INSTANCE_REMOVED_FROM_SHOT = "asset_instance:remove-from-shot"
SHOT_ADDED_TO_SCENE = "shot:add-to-scene"
SHOT_REMOVED_FROM_SCENE = "shot:remove-from-scene"
BREAKDOWN_FAMILIES = (ENTITY_LINK, ASSET_INSTANCE, BREAKDOWN_INSTANCE)
