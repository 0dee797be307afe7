"""When the catalog deletes a production (`project:delete`), what the tasks service keeps
of it goes too, as Zou's remove_project does: its tasks (each with Zou's `task:delete`;
their comments, notifications, subscriptions, time spents and working files go with them
in the database, their news by the news projection on that event), the output files of
its entities, the sequence subscriptions of its entities, its schedule items, its task
type and task status settings and its saved filters. Each row deleted here is recorded
with its `:delete` event (the old row), so `slate rebuild tasks` reaches the same tables
and other read models (the catalog's tasks) follow.

It runs in the read model's transaction, beside its position: applied once, and a
second delivery finds nothing left to delete.
"""
import sqlalchemy as sa

from slate_common import consumers, crud, db

from slate_tasks import file_crud, project_settings, schedule_items, search_filters, \
    subscriptions, task_batches
from slate_tasks.file_models import OutputFile
from slate_tasks.models import CastingLink, Entity, MetadataDescriptor, \
    ProjectTaskStatusLink, ProjectTaskTypeLink, ScheduleItem, Subscription, Task


def remove_project_data(session, project_id, actor_id=None):
    """Delete the production's rows of this service; store their events."""
    entity_ids = sa.select(Entity.id).where(Entity.project_id == project_id)
    tasks = session.scalars(sa.select(Task).where(Task.project_id == project_id)
                            .order_by(Task.created_at, Task.id)).all()
    uow = db.UnitOfWork(session, actor_id)
    uow.pending.extend(task_batches.deletions(session, tasks, actor_id))
    for spec, model, where in (
            (file_crud.OUTPUT_FILES, OutputFile, OutputFile.entity_id.in_(entity_ids)),
            (subscriptions.SUBSCRIPTIONS, Subscription,
             Subscription.entity_id.in_(entity_ids)),
            (schedule_items.SCHEDULE_ITEMS, ScheduleItem, ScheduleItem.project_id == project_id),
            (project_settings.TYPE_LINKS, ProjectTaskTypeLink,
             ProjectTaskTypeLink.project_id == project_id),
            (project_settings.STATUS_LINKS, ProjectTaskStatusLink,
             ProjectTaskStatusLink.project_id == project_id)):
        for row in session.scalars(sa.select(model).where(where).order_by(model.id)).all():
            crud.remove_row(uow, spec, row, project_id)
    uow.pending.extend(search_filters.removals(session, actor_id, project_id=project_id))
    consumers.emit(session, uow.pending)
    _forget_catalog_rows(session, project_id, entity_ids)


def _forget_catalog_rows(session, project_id, entity_ids):
    """The catalog's rows of the production went with it: so do their read models."""
    ids = list(session.scalars(entity_ids))
    session.execute(sa.delete(CastingLink).where(sa.or_(
        CastingLink.entity_in_id.in_(ids), CastingLink.entity_out_id.in_(ids))))
    session.execute(sa.delete(MetadataDescriptor).where(
        MetadataDescriptor.project_id == project_id))
    session.execute(sa.delete(Entity).where(Entity.project_id == project_id))
