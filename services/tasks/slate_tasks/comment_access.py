"""Zou's rules for comments (permissions_service), from the local read models.

- Acting on a task (commenting, changing its status): admins; in the production's team,
  managers and clients, the task's assignees, supervisors of its department (or of
  none), the entity's creator. Someone mentioned in its conversation may answer there
  (not vendors), without changing the status.
- Statuses: an artist may only set statuses allowed to artists, a client those allowed
  to clients (the production's setting wins over the status's).
- A closed production takes no more comments (but from admins).
- Reading a comment: the production's team; clients only what is meant for them.

Every role read here is the one held in the task's production (`access.member`): the
caller's, and a comment author's when the rule asks whether they are a client.
"""
import sqlalchemy as sa

from slate_common import errors

from slate_tasks import access, tasks
from slate_tasks.models import Comment, Entity, Person, Project, ProjectStatus, \
    ProjectTaskStatusLink, comment_department_mentions, comment_mentions

MANAGERS = ("admin", "manager")


def may_act_on_task(uow, me, task):
    """Zou's check_task_action_access, as a boolean, for `me` as `access.member` gives
    them in the task's production (None: not in its team)."""
    if me is None:
        return False
    if me.role in ("admin", "manager", "client") or me in task.assignees:
        return True
    if me.role == "supervisor" and tasks.in_departments(uow, me, task.task_type_id):
        return True
    entity = uow.session.get(Entity, task.entity_id)
    return entity is not None and entity.row.get("created_by") == str(me.id)


def member_for(uow, caller, task):
    """The caller as `access.member` gives them in the task's production."""
    return access.member(uow, caller, access.current_person(uow, caller), task.project_id)


def check_task_action(uow, caller, task):
    """The caller in the task's production, if they may act on the task; else 403."""
    me = member_for(uow, caller, task)
    if not may_act_on_task(uow, me, task):
        raise errors.Forbidden()
    return me


def is_mentioned(uow, person, task_id):
    """Named in a comment or a reply of the task, or through one of their departments."""
    departments = person.profile.get("departments") or []
    conditions = [Comment.id.in_(sa.select(comment_mentions.c.comment_id).where(
                      comment_mentions.c.person_id == person.id)),
                  Comment.replies.contains([{"mentions": [str(person.id)]}])]
    if departments:
        conditions.append(Comment.id.in_(sa.select(
            comment_department_mentions.c.comment_id).where(
            comment_department_mentions.c.department_id.in_(departments))))
        conditions.extend(Comment.replies.contains([{"department_mentions": [department]}])
                          for department in departments)
    query = sa.select(Comment.id).where(Comment.object_id == task_id, sa.or_(*conditions))
    return uow.session.scalar(query.limit(1)) is not None


def pulled_in(uow, me, task):
    """Zou's check_task_mention_access: a team member (no vendor there) mentioned on the
    task; `me` as `access.member` gives them (None: not in the team)."""
    return me is not None and me.role != "vendor" and is_mentioned(uow, me, task.id)


def check_comment_on_task(uow, caller, task, task_status_id):
    """Who may post on a task: task action access, or a mention keeping the status."""
    me = member_for(uow, caller, task)
    if may_act_on_task(uow, me, task):
        return me
    if str(task_status_id).lower() == str(task.task_status_id) \
            and pulled_in(uow, me, task):
        return me
    raise errors.Forbidden()


def check_status_allowed(uow, me, status, project_id):
    """Artists set only artist-allowed statuses, clients client-allowed ones."""
    if me.role == "user" and not status.is_artist_allowed:
        raise errors.Forbidden()
    if me.role == "client":
        link = uow.session.scalar(sa.select(ProjectTaskStatusLink.is_client_allowed).where(
            ProjectTaskStatusLink.project_id == project_id,
            ProjectTaskStatusLink.task_status_id == status.id))
        if not (status.is_client_allowed if link is None else link):
            raise errors.Forbidden()


def check_open_production(uow, me, project_id):
    """Comments on the tasks of a closed production: refused but to admins."""
    if me.role == "admin":
        return
    name = uow.session.scalar(sa.select(ProjectStatus.name).join(
        Project, Project.project_status_id == ProjectStatus.id).where(
        Project.id == project_id))
    if name not in access.OPEN_NAMES:
        raise errors.Forbidden("The production is closed.")


def check_comment_read(uow, caller, comment, task):
    """Zou's check_comment_access: the caller in the task's production, or 403."""
    me = access.check_project_access(uow, caller, task.project_id)
    if me.role == "admin":
        return me
    access.check_entity_access(uow, me, task.entity_id)
    if me.role in ("supervisor", "manager"):
        return me
    author_role = role_of(uow, comment.person_id, task.project_id)
    if me.role == "client":
        project = uow.session.get(Project, task.project_id)
        if project.row.get("is_clients_isolated") and comment.person_id != me.id \
                and not comment.for_client:
            raise errors.Forbidden()
        if author_role == "client" or comment.for_client:
            return me
        raise errors.Forbidden()
    if author_role == "client":
        raise errors.Forbidden()
    return me


def role_of(uow, person_id, project_id):
    """Someone's role in a production (their global one outside its team)."""
    return uow.session.scalar(sa.select(access.role_in(Person, project_id)).where(
        Person.id == person_id))
