"""Zou's defaults for a new install (`slate init-data`), created idempotently."""
from slate_catalog import entity_types, events, projects

ASSET_TYPES = ("Character", "Prop", "Environment", "FX")  # Zou's 3d (default) domain
TEMPORAL_TYPES = ("Episode", "Sequence", "Shot", "Edit")


def init_data(uow):
    """Create the Open and Closed project statuses, the default asset types and the
    temporal entity types when missing; each creation emits its `:new` event.
    Returns the names created."""
    created = []
    for name in (projects.OPEN, projects.CLOSED):
        if projects.status_named(uow, name, create=False) is None:
            projects.status_named(uow, name)
            created.append(name)
    for names, event in ((ASSET_TYPES, events.ASSET_TYPE), (TEMPORAL_TYPES, events.ENTITY_TYPE)):
        for name in names:
            before = len(uow.pending)
            entity_types.entity_type_named(uow, name, event)
            if len(uow.pending) > before:
                created.append(name)
    return created
