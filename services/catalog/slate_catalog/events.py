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
PERSON_EVENTS = ("person:new", "person:update", "person:delete")
