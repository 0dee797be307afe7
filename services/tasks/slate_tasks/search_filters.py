"""Saved search filters and filter groups, as Zou keeps them.

- /data/user/filters and /data/user/filter-groups: a person lists their own filters and
  the shared ones, of open productions or of none, grouped by list type then production
  ("all" for none), those of a department only to its members (managers: all); creates
  theirs; updates and deletes their own (admins: anyone's; else 404). Sharing is for
  admins and the production's managers, and only with a production: otherwise
  `is_shared` silently stays false. A filter shares as its group does (400 otherwise);
  a group's sharing change carries its filters along; deleting a group deletes its
  filters.
- /data/search-filters, /data/search-filter-groups: Zou's generic CRUD (admins).
Departments are the auth service's: a department id is checked for form only.
"""
import uuid

import sqlalchemy as sa

from slate_common import crud, db, errors, schemas
from slate_common.validation import REQUIRED, validate

from slate_tasks import access, events
from slate_tasks.models import Project, ProjectStatus
from slate_tasks.user_models import SearchFilter, SearchFilterGroup



def admin_crud(name, model, event):
    """Zou's generic CRUD of a model, for admins only."""
    return crud.CrudModel(name=name, model=model, event=event,
                          check_read=access.require_admin, check_create=access.require_admin,
                          check_update=access.require_admin,
                          check_delete=access.require_admin)


FILTERS = admin_crud("search-filters", SearchFilter, events.SEARCH_FILTER)
GROUPS = admin_crud("search-filter-groups", SearchFilterGroup, events.SEARCH_FILTER_GROUP)
NEW_FILTER = (("name", "name", REQUIRED), ("query", "name", REQUIRED),
              ("list_type", "str", "todo"), ("project_id", "uuid", None),
              ("entity_type", "str", None), ("is_shared", "bool", False),
              ("search_filter_group_id", "uuid", None), ("department_id", "uuid", None))
FILTER_CHANGES = (("name", "str", None), ("search_query", "str", None),
                  ("search_filter_group_id", "uuid", None), ("is_shared", "bool", None),
                  ("project_id", "uuid", None), ("department_id", "uuid", None))
NEW_GROUP = (("name", "name", REQUIRED), ("color", "str", ""), ("list_type", "str", "todo"),
             ("project_id", "uuid", None), ("is_shared", "bool", False),
             ("entity_type", "str", None), ("department_id", "uuid", None))
GROUP_CHANGES = (("name", "str", None), ("color", "str", None), ("is_shared", "bool", None),
                 ("project_id", "uuid", None), ("department_id", "uuid", None))
SAME_SHARING = ("A search filter should have the same value for is_shared than its search "
                "filter group.")


# -- reading ---------------------------------------------------------------------------

def _visible(uow, me, model):
    """The person's own and the shared rows of open productions or none, by their
    department rule, oldest first (groups: newest first, as Zou)."""
    open_projects = sa.select(Project.id).join(
        ProjectStatus, ProjectStatus.id == Project.project_status_id).where(
        ProjectStatus.name.in_(access.OPEN_NAMES))
    order = model.created_at.desc() if model is SearchFilterGroup else model.created_at
    query = sa.select(model).where(
        sa.or_(model.person_id == me.id, model.is_shared.is_(True)),
        sa.or_(model.project_id.is_(None), model.project_id.in_(open_projects))
    ).order_by(order, model.id)
    departments = me.profile.get("departments") or []
    roles = {} if me.role == "admin" else access.production_roles(uow, me)
    return [row for row in uow.session.scalars(query)
            if row.department_id is None or str(row.department_id) in departments
            or roles.get(row.project_id, me.role) in access.STAFF]


def _by_list_and_project(rows):
    result = {}
    for row in rows:
        project = "all" if row.project_id is None else str(row.project_id)
        result.setdefault(row.list_type, {}).setdefault(project, []).append(
            schemas.render(row))
    return result


def user_filters(uow, caller):
    """GET /data/user/filters."""
    me = access.current_person(uow, caller)
    return _by_list_and_project(_visible(uow, me, SearchFilter))


def user_filter_groups(uow, caller):
    """GET /data/user/filter-groups."""
    me = access.current_person(uow, caller)
    return _by_list_and_project(_visible(uow, me, SearchFilterGroup))


def _own_or_as_admin(uow, me, model, row_id):
    row = uow.session.get(model, access.as_uuid(row_id, errors.NotFound))
    if row is None or (row.person_id != me.id and me.role != "admin"):
        raise errors.NotFound()
    return row


def user_filter_group(uow, caller, group_id):
    """GET /data/user/filter-groups/{id}: one's own (admins: any)."""
    me = access.current_person(uow, caller)
    return schemas.render(_own_or_as_admin(uow, me, SearchFilterGroup, group_id))


# -- sharing ---------------------------------------------------------------------------

def _may_share(uow, caller, me, project_id):
    """Zou's can_share_filter: admins, or managers of the production's team (their
    role there)."""
    if project_id is None:
        return False
    member = access.member(uow, caller, me, access.as_uuid(project_id))
    return member is not None and member.role in access.STAFF


def _kept_sharing(uow, caller, me, values, row):
    """A sharing change the caller may not make turns into `false`, as Zou does."""
    wanted = values.get("is_shared")
    if wanted is not None and wanted != row.is_shared and not _may_share(
            uow, caller, me, values.get("project_id")):
        values["is_shared"] = False
    return values


def _check_project(uow, caller, values):
    """The production named must be known (404), the read model caught up if needed."""
    if values.get("project_id") is not None:
        access.project_or_404(uow, caller, values["project_id"])


def _check_group(uow, group_id, is_shared):
    group = uow.session.get(SearchFilterGroup, access.as_uuid(group_id))
    if group is None:
        raise errors.NotFound("Search filter group not found.")
    if bool(is_shared) != group.is_shared:
        raise errors.Invalid(SAME_SHARING)


def _new_values(uow, caller, body, fields):
    """(caller, validated values of a new filter or group), unshared if they may not."""
    me = access.current_person(uow, caller)
    values = validate(body, fields)
    _check_project(uow, caller, values)
    if not _may_share(uow, caller, me, values["project_id"]):
        values["is_shared"] = False
    return me, values


# -- filters ---------------------------------------------------------------------------

def create_filter(uow, caller, body):
    """POST /data/user/filters: 201, the filter; emits search-filter:new."""
    me, values = _new_values(uow, caller, body, NEW_FILTER)
    if values["search_filter_group_id"] is not None:
        _check_group(uow, values["search_filter_group_id"], values["is_shared"])
    values["search_query"] = values.pop("query")
    row = SearchFilter(id=uuid.uuid4(), person_id=me.id,
                       **schemas.load(SearchFilter, values))
    return schemas.render(crud.insert_row(uow, FILTERS, row, project_id=row.project_id))


def update_filter(uow, caller, filter_id, body):
    """PUT /data/user/filters/{id}: emits search-filter:update."""
    me = access.current_person(uow, caller)
    row = _own_or_as_admin(uow, me, SearchFilter, filter_id)
    given = validate(body, FILTER_CHANGES)
    values = {key: value for key, value in given.items() if value is not None}
    _check_project(uow, caller, values)
    if "search_filter_group_id" in body:  # null takes the filter out of its group
        values["search_filter_group_id"] = given["search_filter_group_id"]
    values = _kept_sharing(uow, caller, me, values, row)
    group_id = values.get("search_filter_group_id", row.search_filter_group_id)
    if group_id is not None:
        _check_group(uow, group_id, values.get("is_shared", row.is_shared))
    _change(uow, FILTERS, row, values)
    return schemas.render(row)


def _change(uow, spec, row, values):
    loaded = schemas.load(spec.model, values, partial=True)
    crud.record_update(uow, spec, row, lambda: [setattr(row, key, value)
                                                for key, value in loaded.items()])


def delete_filter(uow, caller, filter_id):
    """DELETE /data/user/filters/{id}: emits search-filter:delete."""
    me = access.current_person(uow, caller)
    crud.remove_row(uow, FILTERS, _own_or_as_admin(uow, me, SearchFilter, filter_id))


# -- groups ----------------------------------------------------------------------------

def create_filter_group(uow, caller, body):
    """POST /data/user/filter-groups: 201, the group; emits search-filter-group:new."""
    me, values = _new_values(uow, caller, body, NEW_GROUP)
    row = SearchFilterGroup(id=uuid.uuid4(), person_id=me.id,
                            **schemas.load(SearchFilterGroup, values))
    return schemas.render(crud.insert_row(uow, GROUPS, row, project_id=row.project_id))


def update_filter_group(uow, caller, group_id, body):
    """PUT /data/user/filter-groups/{id}: its filters follow a sharing change."""
    me = access.current_person(uow, caller)
    row = _own_or_as_admin(uow, me, SearchFilterGroup, group_id)
    values = {key: value for key, value in validate(body, GROUP_CHANGES).items()
              if value is not None}
    _check_project(uow, caller, values)
    _change(uow, GROUPS, row, _kept_sharing(uow, caller, me, values, row))
    if "is_shared" in values:
        for search_filter in _filters_of(uow, row):
            _change(uow, FILTERS, search_filter, {"is_shared": row.is_shared})
    return schemas.render(row)


def _filters_of(uow, group):
    return uow.session.scalars(sa.select(SearchFilter).where(
        SearchFilter.search_filter_group_id == group.id).order_by(SearchFilter.id)).all()


def delete_filter_group(uow, caller, group_id):
    """DELETE /data/user/filter-groups/{id}: with its filters, each with its event."""
    me = access.current_person(uow, caller)
    row = _own_or_as_admin(uow, me, SearchFilterGroup, group_id)
    for search_filter in _filters_of(uow, row):
        crud.remove_row(uow, FILTERS, search_filter)
    crud.remove_row(uow, GROUPS, row)


# -- cascades --------------------------------------------------------------------------

def removals(session, actor_id=None, **owner):
    """Delete the filters and groups of a production or person that is gone (with the
    filters of their groups), as Zou's cascade does; return their `:delete` events, to
    store in the read model's transaction."""
    groups = session.scalars(sa.select(SearchFilterGroup).filter_by(**owner)).all()
    filters = session.scalars(sa.select(SearchFilter).where(sa.or_(
        SearchFilter.search_filter_group_id.in_([group.id for group in groups]),
        sa.and_(*(getattr(SearchFilter, key) == value for key, value in owner.items())))
    ).order_by(SearchFilter.id)).all()
    uow = db.UnitOfWork(session, actor_id)
    for spec, rows in ((FILTERS, filters), (GROUPS, groups)):
        for row in rows:
            crud.remove_row(uow, spec, row)
    return uow.pending
