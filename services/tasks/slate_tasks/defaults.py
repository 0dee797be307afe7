"""Zou's defaults for a new install (`slate init-data`), created idempotently: the task
statuses (todo, wip, wfa, retake, done, ready and the concept ones) and the default
task types per kind of entity. Departments are the auth service's: the default task
types are made without one."""
from slate_tasks import task_types

STATUSES = (
    dict(task_types.TODO),
    {"name": "Work In Progress", "short_name": "wip", "color": "#3273dc", "is_wip": True},
    {"name": "Waiting For Approval", "short_name": "wfa", "color": "#ab26ff",
     "is_feedback_request": True},
    {"name": "Retake", "short_name": "retake", "color": "#ff3860", "is_retake": True},
    {"name": "Done", "short_name": "done", "color": "#22d160", "is_done": True},
    {"name": "Ready To Start", "short_name": "ready", "color": "#fbc02d"},
    dict(task_types.NEUTRAL),
    {"name": "Approved", "short_name": "approved", "color": "#66BB6A", "for_concept": True},
    {"name": "Rejected", "short_name": "rejected", "color": "#E81123", "for_concept": True},
)
# (name, color, priority, for_entity): Zou's default domain.
TASK_TYPES = (
    ("Concept", "#8D6E63", 1, "Asset"), ("Modeling", "#78909C", 2, "Asset"),
    ("Shading", "#64B5F6", 3, "Asset"), ("Rigging", "#9CCC65", 4, "Asset"),
    ("Storyboard", "#43A047", 1, "Shot"), ("Layout", "#7CB342", 2, "Shot"),
    ("Animation", "#009688", 3, "Shot"), ("Lighting", "#F9A825", 4, "Shot"),
    ("FX", "#26C6DA", 5, "Shot"), ("Rendering", "#F06292", 6, "Shot"),
    ("Compositing", "#ff5252", 7, "Shot"), ("Edit", "#9b298c", 8, "Edit"),
    ("Concept", "#8D6E63", 1, "Concept"),
)


def init_data(uow):
    """Create what is missing, each with its `:new` event; return the names created."""
    created = []
    for name, color, priority, for_entity in TASK_TYPES:
        before = len(uow.pending)
        task_types.task_type_named(uow, name, for_entity, color=color, priority=priority)
        if len(uow.pending) > before:
            created.append("%s (%s)" % (name, for_entity))
    for status in STATUSES:
        before = len(uow.pending)
        if status.get("is_default"):
            task_types.default_status(uow, status.get("for_concept", False))
        else:
            task_types.status_named(uow, **status)
        if len(uow.pending) > before:
            created.append(status["name"])
    return created
