"""The catalog's one follower of the tasks service's events (one tracked position, one
connection): each event goes to the read model or policy that takes it.

- `task:new` / `:update` / `:delete`: the tasks of each entity (`entity_tasks.py`);
- `task-type-link:*` / `task-status-link:*`: a production's task settings
  (`task_settings.py`);
- `task:assign`: the assignee joins the production's team (`assignee_teams.py`).
"""
from slate_catalog import assignee_teams, entity_tasks, task_settings

CONSUMER = "catalog.tasks"
HANDLERS = {name: module.apply_event
            for module in (entity_tasks, task_settings, assignee_teams)
            for name in module.NAMES}
NAMES = tuple(HANDLERS)


def apply_event(session, event):
    HANDLERS[event["name"]](session, event)
