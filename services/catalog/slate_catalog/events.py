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
| scene:new | {scene_id} | POST /data/projects/{id}/scenes |
| edit:new | {edit_id, parent_id} | POST /data/projects/{id}/edits (parent: its episode) |
| concept:new | {concept_id} | POST /data/projects/{id}/concepts |
| concept-folder:new / :update / :delete | {concept_folder_id} | concept folder routes |
| <type>:new | {<type>_id} | POST /data/entities (type: asset, shot, concept-folder...) |
| <type>:update | {<type>_id} | canceling delete of an entity with tasks, PUT /data/shots/{id}, moving concepts, sharing assets |
| <type>:delete | {<type>_id} | DELETE routes, delete-entities, forced deletes ({"old": row}) |
| scene:delete | {scene_id} | also when a scene with tasks is only canceled (payload: changes) |
| internal:read-model:catalog.persons | {} | the persons read model applied auth events |

It consumes `task:new` and `task:delete` from the tasks service (`entity_tasks.py`), and
`person:new`, `person:update`, `person:delete` from the auth service.
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
PERSON_EVENTS = ("person:new", "person:update", "person:delete")
TASK_NEW = "task:new"
TASK_DELETE = "task:delete"
TASK_EVENTS = (TASK_NEW, TASK_DELETE)
