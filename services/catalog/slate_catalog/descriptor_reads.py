"""Which metadata descriptors a person may read, and the short form productions carry
in their `descriptors` list (Zou's `_serialize_descriptor`)."""
from collections import defaultdict

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY

from slate_catalog import access
from slate_catalog.settings_models import MetadataDescriptor

SHORT_FIELDS = ("id", "name", "field_name", "data_type", "choices", "for_client",
                "entity_type", "task_type_id", "position", "departments")


def narrowing(person):
    """Zou's descriptor narrowing: clients read the published ones, vendors those of
    their departments or of no department, everyone else all of them."""
    if person.role == "client":
        return MetadataDescriptor.for_client.is_(True)
    if person.role == "vendor":
        mine = sa.literal(access.departments_of(person), type_=ARRAY(sa.Text))
        return sa.or_(sa.func.jsonb_array_length(MetadataDescriptor.departments) == 0,
                      MetadataDescriptor.departments.has_any(mine))
    return sa.true()


def short(row):
    return {"id": str(row.id), "name": row.name, "field_name": row.field_name,
            "data_type": row.data_type, "choices": row.choices,
            "for_client": row.for_client or False, "entity_type": row.entity_type,
            "task_type_id": str(row.task_type_id) if row.task_type_id else None,
            "position": row.position, "departments": list(row.departments or [])}


def by_project(uow, person, project_ids, entity_type=None):
    """{project id: [short descriptors this person may read]}, in one query."""
    if not project_ids:
        return {}
    table = MetadataDescriptor.__table__
    query = sa.select(table).where(MetadataDescriptor.project_id.in_(project_ids),
                                   narrowing(person))
    if entity_type is not None:
        query = query.where(MetadataDescriptor.entity_type == entity_type)
    grouped = defaultdict(list)
    for row in uow.session.connection().execute(query.order_by(
            MetadataDescriptor.position, MetadataDescriptor.name)).all():
        grouped[row.project_id].append(short(row))
    return grouped
