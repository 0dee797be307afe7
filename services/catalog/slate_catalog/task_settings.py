"""The task types and statuses each production uses, known without asking the tasks
service: a read model fed by its `task-type-link:*` and `task-status-link:*` events
(full rows on `:new`, changes on `:update`, the old row on `:delete`), applied as
`slate rebuild` applies the log. A production's JSON lists them as Zou does
(`task_types`, `task_statuses`; with its extra data `task_type_links`,
`task_types_priority`, `task_statuses_link`).
"""
import uuid

import sqlalchemy as sa

from slate_common import projections

from slate_catalog import events
from slate_catalog.models import TaskStatusSetting, TaskTypeSetting

NAMES = events.TASK_SETTING_EVENTS
MODELS = {events.TASK_TYPE_LINK: TaskTypeSetting, events.TASK_STATUS_LINK: TaskStatusSetting}


def model_of(name):
    return MODELS.get(name.split(":", 1)[0])


def apply_event(session, event):
    """Apply one link event (updates of links older than the read model are skipped)."""
    payload = event["payload"] or {}
    model = model_of(event["name"])
    if "changes" in payload and session.get(model, uuid.UUID(payload["id"])) is None:
        return
    projections.apply(session, model_of, event)


def _links(session, model, project_ids):
    return session.scalars(sa.select(model).where(model.project_id.in_(project_ids))
                           .order_by(model.created_at, model.id)).all()


def empty():
    """The task settings of a production that has none."""
    return {"task_types": [], "task_statuses": [], "task_type_links": {},
            "task_types_priority": {}, "task_statuses_link": {}}


def by_project(session, project_ids):
    """{project id: its task settings as Zou's project JSON shows them}."""
    found = {project_id: empty() for project_id in project_ids}
    if not found:
        return found
    for link in _links(session, TaskTypeSetting, project_ids):
        settings, type_id = found[link.project_id], str(link.task_type_id)
        settings["task_types"].append(type_id)
        settings["task_type_links"][type_id] = {
            "priority": link.priority, "hd_bitrate_compression": link.hd_bitrate_compression,
            "ld_bitrate_compression": link.ld_bitrate_compression,
            "is_client_visible": link.is_client_visible}
        settings["task_types_priority"][type_id] = link.priority
    for link in _links(session, TaskStatusSetting, project_ids):
        settings, status_id = found[link.project_id], str(link.task_status_id)
        settings["task_statuses"].append(status_id)
        settings["task_statuses_link"][status_id] = {
            "priority": link.priority, "roles_for_board": link.roles_for_board,
            "is_client_allowed": link.is_client_allowed}
    return found
