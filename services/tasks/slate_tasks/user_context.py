"""What an artist's own pages list (/data/user/*), as Zou's user_service does: the
entities, entity types and tasks of the open productions that hold a task assigned to
the caller. The named production, asset type or entity must exist (404), and the
lists hold only what the caller's assigned tasks reach — nobody sees anything else
through them. One SQL query each on the service's tables and read models.
"""
import sqlalchemy as sa
from sqlalchemy import orm

from slate_common import errors, schemas

from slate_tasks import access, task_lists, tasks
from slate_tasks.models import Entity, EntityType, Project, ProjectStatus, Task, TaskType, \
    task_person_links

Shot = orm.aliased(Entity, name="shot")
Sequence = orm.aliased(Entity, name="sequence")


def _my_open_tasks(me):
    """Ids of the tasks assigned to this person in open productions."""
    return (sa.select(Task.id)
            .join(task_person_links, task_person_links.c.task_id == Task.id)
            .join(Project, Project.id == Task.project_id)
            .join(ProjectStatus, ProjectStatus.id == Project.project_status_id)
            .where(task_person_links.c.person_id == me.id,
                   ProjectStatus.name.in_(access.OPEN_NAMES)))


def _entity_json(entity, type_name):
    return {**entity.row, "type": type_name}


def _entity_of_kind(uow, caller, entity_id, kind):
    """The entity if it is of this kind (any asset type for "Asset"), else 404."""
    entity = access.entity_or_404(uow, caller, entity_id)
    if tasks.entity_kind(uow, entity) != kind:
        raise errors.NotFound()
    return entity


def entity_tasks(uow, caller, entity_id, kind):
    """GET /data/user/{assets|shots|scenes|sequences}/{id}/tasks: the caller's tasks on
    it (bare task rows)."""
    me = access.current_person(uow, caller)
    entity = _entity_of_kind(uow, caller, entity_id, kind)
    query = (sa.select(Task.__table__).where(Task.entity_id == entity.id,
                                             Task.id.in_(_my_open_tasks(me)))
             .order_by(Task.created_at, Task.id))
    return [task_lists.task_json(row) for row in uow.session.execute(query).mappings()]


def entity_task_types(uow, caller, entity_id, kind):
    """GET /data/user/{assets|shots|scenes|sequences}/{id}/task-types: the types of the
    caller's tasks on it."""
    me = access.current_person(uow, caller)
    entity = _entity_of_kind(uow, caller, entity_id, kind)
    query = (sa.select(TaskType).where(TaskType.id.in_(
        sa.select(Task.task_type_id).where(Task.entity_id == entity.id,
                                           Task.id.in_(_my_open_tasks(me)))))
        .order_by(TaskType.priority, TaskType.name))
    return [schemas.render(row) for row in uow.session.scalars(query)]


def _entities(uow, query, type_name):
    rows = uow.session.scalars(query.order_by(Entity.name, Entity.id)).all()
    return [_entity_json(entity, type_name) for entity in rows]


def _with_my_tasks(me, holder=Entity):
    return holder.id.in_(sa.select(Task.entity_id).where(Task.id.in_(_my_open_tasks(me))))


def _typed(name):
    return sa.select(EntityType.id).where(EntityType.name == name).scalar_subquery()


def asset_type_assets(uow, caller, project_id, asset_type_id):
    """GET /data/user/projects/{id}/asset-types/{id}/assets."""
    me = access.current_person(uow, caller)
    project = access.project_or_404(uow, caller, project_id)
    asset_type = uow.session.get(EntityType, access.as_uuid(asset_type_id, errors.NotFound))
    if asset_type is None or asset_type.name in tasks.TEMPORAL_TYPES:
        raise errors.NotFound()
    return _entities(uow, sa.select(Entity).where(
        Entity.project_id == project.id, Entity.entity_type_id == asset_type.id,
        _with_my_tasks(me)), "Asset")


def project_asset_types(uow, caller, project_id):
    """GET /data/user/projects/{id}/asset-types: types of the assets holding my tasks."""
    me = access.current_person(uow, caller)
    project = access.project_or_404(uow, caller, project_id)
    query = (sa.select(EntityType).where(
        EntityType.name.notin_(tasks.TEMPORAL_TYPES),
        EntityType.id.in_(sa.select(Entity.entity_type_id).where(
            Entity.project_id == project.id, _with_my_tasks(me))))
        .order_by(EntityType.name))
    return [{**row.row, "type": "AssetType"} for row in uow.session.scalars(query)]


def project_sequences(uow, caller, project_id):
    """GET /data/user/projects/{id}/sequences: sequences of shots holding my tasks."""
    me = access.current_person(uow, caller)
    project = access.project_or_404(uow, caller, project_id)
    shots = sa.select(Shot.parent_id).where(Shot.entity_type_id == _typed("Shot"),
                                            _with_my_tasks(me, Shot))
    return _entities(uow, sa.select(Entity).where(
        Entity.project_id == project.id, Entity.entity_type_id == _typed("Sequence"),
        Entity.id.in_(shots)), "Sequence")


def project_episodes(uow, caller, project_id):
    """GET /data/user/projects/{id}/episodes: episodes of shots holding my tasks."""
    me = access.current_person(uow, caller)
    project = access.project_or_404(uow, caller, project_id)
    sequences = (sa.select(Sequence.parent_id).join(Shot, Shot.parent_id == Sequence.id)
                 .where(Shot.entity_type_id == _typed("Shot"),
                        Sequence.entity_type_id == _typed("Sequence"),
                        _with_my_tasks(me, Shot)))
    return _entities(uow, sa.select(Entity).where(
        Entity.project_id == project.id, Entity.entity_type_id == _typed("Episode"),
        Entity.id.in_(sequences)), "Episode")


def sequence_children(uow, caller, sequence_id, kind):
    """GET /data/user/sequences/{id}/shots (or scenes): those holding my tasks."""
    me = access.current_person(uow, caller)
    sequence = _entity_of_kind(uow, caller, sequence_id, "Sequence")
    return _entities(uow, sa.select(Entity).where(
        Entity.parent_id == sequence.id, Entity.entity_type_id == _typed(kind),
        _with_my_tasks(me)), kind)
