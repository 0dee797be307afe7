"""Creating tasks of one type for the entities of any entity type, as Zou does:

- POST /actions/projects/{id}/task-types/{id}/create-tasks/{entity_type} [ids]: for the
  given entities of that type (its name, capitalized: `shot`, `character`...) in the
  production, or all of them (`?episode_id=` keeps those whose parent is that episode).
  Managers of the production; an unknown entity type is a 404.
- POST /actions/projects/{id}/task-types/{id}/concepts/create-tasks [ids]: for the given
  concepts of the production, or all of them; the production's team may, not vendors or
  clients.
Both reuse task_creation's bulk creation (existing main tasks skipped, `task:new` each).
"""
import sqlalchemy as sa

from slate_common import errors

from slate_tasks import access, task_creation, task_types
from slate_tasks.models import Entity, EntityType


def _entity_type(uow, caller, name):
    query = sa.select(EntityType).where(EntityType.name == name)
    return access.refreshed(uow, caller, lambda: uow.session.scalar(query))


def _in_production(project, entity_type):
    return sa.select(Entity).where(Entity.project_id == project.id,
                                   Entity.entity_type_id == entity_type.id)


def create_entity_type_tasks(uow, caller, where, body, args):
    ids = task_creation.id_list(body)
    project = access.project_or_404(uow, caller, where["project_id"])
    me = access.check_manager_project_access(uow, caller, project.id)
    task_type = task_types.task_type_or_404(uow, where["task_type_id"])
    entity_type = _entity_type(uow, caller, where["entity_type"].capitalize())
    if entity_type is None:
        raise errors.NotFound()
    query = _in_production(project, entity_type)
    if ids is None and args.get("episode_id"):
        query = query.where(Entity.parent_id == access.as_uuid(args["episode_id"],
                                                               errors.NotFound))
    return task_creation.create_in_scope(uow, caller, me, query, ids, task_type)


def create_concept_tasks(uow, caller, where, body):
    ids = task_creation.id_list(body)
    project = access.project_or_404(uow, caller, where["project_id"])
    me = access.check_project_access(uow, caller, project.id)
    access.block_vendors_and_clients(me)
    task_type = task_types.task_type_or_404(uow, where["task_type_id"])
    concept_type = _entity_type(uow, caller, "Concept")
    if concept_type is None:  # no concept yet in the studio
        return []
    query = _in_production(project, concept_type)
    return task_creation.create_in_scope(uow, caller, me, query, ids, task_type)
