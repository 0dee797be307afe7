"""Paths of working and output files from a production's file tree (Zou's
file_tree_service): the tree's mode (`working`, `output`...) gives a mountpoint and a
root, then per kind of entity a folder path and a file name template whose `<Token>`s
(`<Shot>`, `<Sequence.short_name>`, `<Version>`...) are filled, slugified and styled.

A tree without the mode, its templates, or with an unknown token is malformed
(`MalformedTree`, Zou's 400). Entities, productions and departments come from the read
models; a `Ctx` gathers what one path names.
"""
import dataclasses
import re
import unicodedata
import uuid

from slate_tasks.models import Department, Entity, EntityType, Project, TaskType

ALLOWED_FIELDS = {"short_name", "name", "number", "id"}
UUID_PATTERN = re.compile(
    r"[a-f0-9]{8}-[a-f0-9]{4}-4[a-f0-9]{3}-[89aAbB][a-f0-9]{3}-[a-f0-9]{12}")
TOKEN = re.compile(r"<([\w\.]*)>")
TEMPLATE_KINDS = {"Shot": "shot", "Sequence": "sequence", "Scene": "scene",
                  "Episode": "episode"}


class MalformedTree(Exception):
    """Zou's MalformedFileTreeException: its message is the 400's `message`."""


@dataclasses.dataclass
class Ctx:
    """What a path is rendered for; rows are dicts (Zou's serialized rows)."""
    session: object
    entity: dict
    task: dict = None
    task_type: dict = None
    software: dict = None
    output_type: dict = None
    name: str = ""
    representation: str = ""
    revision: int = 1
    make_default: object = None  # (kind) -> the row a token needs when none is given
    # An asset instance's output: `entity` is the shot or scene it sits in, `asset` the
    # asset it instantiates (its <Asset> and <AssetType>).
    instance: dict = None
    asset: dict = None


def slugify(text):
    """python-slugify's `slugify(text, separator="_")`: ascii, lowercase, words joined."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    text = re.sub(r"[']+", "", text.lower())
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


def apply_style(text, style):
    return text.upper() if style == "uppercase" else \
        text.lower() if style == "lowercase" else text


def tree_of(ctx):
    project = ctx.session.get(Project, _id(ctx.entity["project_id"]))
    return (project.row or {}).get("file_tree") if project else None


def _section(tree, mode, section):
    try:
        return tree[mode][section]
    except (KeyError, TypeError):
        raise MalformedTree()


def folder_templates(tree, mode):
    """The mode's folder templates by kind (and their `style`)."""
    templates = _section(tree, mode, "folder_path")
    if not isinstance(templates, dict):
        raise MalformedTree()
    return templates


def template(ctx, tree, mode, section):
    """The template of the entity's kind (assets: `asset`); an asset instance's is
    `instance`, or `instance_asset` when it sits in another asset."""
    if ctx.instance is not None:
        kind = "instance_asset" if ctx.instance.get("target_asset_id") else "instance"
    else:
        kind = TEMPLATE_KINDS.get(_type_name(ctx, ctx.entity), "asset")
    try:
        return _section(tree, mode, section)[kind]
    except (KeyError, TypeError):
        raise MalformedTree()


def root_path(tree, mode, sep):
    if tree is None:
        raise MalformedTree("No tree can be found for given project.")
    if not isinstance(tree, dict) or mode not in tree:
        raise MalformedTree("Mode %s cannot be found on given tree." % mode)
    try:
        mountpoint, root = tree[mode]["mountpoint"], tree[mode]["root"]
    except (KeyError, TypeError):
        raise MalformedTree("Can't find given mode (%s) in given tree." % mode)
    return "%s%s%s%s" % (mountpoint, sep, root, sep) if root else "%s%s" % (mountpoint, sep)


def folder_path(ctx, mode, sep):
    """The folder: root path, then the folder template filled, `/` turned into `sep`."""
    tree = tree_of(ctx)
    root = root_path(tree, mode, sep)
    style = (_section(tree, mode, "folder_path") or {}).get("style", "")
    folder = fill(ctx, template(ctx, tree, mode, "folder_path"), style).replace("/", sep)
    return join_path(root, folder, "")


def file_name(ctx, mode):
    """The file name template filled, slugified and styled (ids kept verbatim)."""
    tree = tree_of(ctx)
    if tree is None:
        raise MalformedTree("No tree can be found for given project.")
    name = fill(ctx, template(ctx, tree, mode, "file_name"), "lowercase")
    style = (_section(tree, mode, "file_name") or {}).get("style", "")
    uuids = UUID_PATTERN.findall(name)
    name = apply_style(slugify(name), style)
    for found in uuids:
        name = name.replace(apply_style(slugify(found), style), found)
    return name


def join_path(left, right, sep):
    return right if left == "" else left if right == "" else "%s%s%s" % (left, sep, right)


def fill(ctx, text, style):
    """Replace each `<Token>` or `<Token.field>` by its value, slugified and styled
    (except ids)."""
    for variable in TOKEN.findall(text):
        kind, _, field = variable.partition(".")
        field = field if field in ALLOWED_FIELDS else "name"
        value = token_value(ctx, kind, field)
        if value is not None:
            value = str(value)
            if field != "id":
                value = apply_style(slugify(value), style)
            text = text.replace("<%s>" % variable, value)
    return text


def token_value(ctx, kind, field):
    """The value a token stands for (Zou's get_folder_from_datatype)."""
    entity = ctx.entity
    simple = {"Task": ctx.task, "Shot": entity, "TemporalEntity": entity,
              "Asset": ctx.asset or entity, "Scene": entity}
    if kind in simple:
        return (simple[kind] or {}).get(field, "")
    if kind in ("Name", "OutputFile", "WorkingFile"):
        return ctx.name
    if kind in ("Version", "Revision"):
        return str(ctx.revision).zfill(3)
    if kind == "Representation":
        return ctx.representation
    if kind == "Instance":
        return _instance(ctx, field)
    if kind not in RESOLVERS:
        raise MalformedTree("Unknown data type: %s." % kind)
    return RESOLVERS[kind](ctx, field)


def _project(ctx, field):
    project = ctx.session.get(Project, _id(ctx.entity["project_id"]))
    return {**(project.row or {}), "id": str(project.id), "name": project.name}.get(field)


def _task_type(ctx):
    if ctx.task_type is not None:
        return ctx.task_type
    if ctx.task is None:
        return None
    found = ctx.session.get(TaskType, _id(ctx.task["task_type_id"]))
    return found and {"id": str(found.id), "name": found.name, "short_name": found.short_name,
                      "department_id": found.department_id}


def _task_type_value(ctx, field):
    return (_task_type(ctx) or {}).get(field, "")


def _department(ctx, field):
    task_type = _task_type(ctx)
    department = task_type and task_type.get("department_id") and ctx.session.get(
        Department, _id(task_type["department_id"]))
    return {"id": str(department.id), "name": department.name}.get(field) \
        if department else ""


def _entity_type_row(ctx, entity):
    found = ctx.session.get(EntityType, _id(entity["entity_type_id"]))
    return {**(found.row or {}), "id": str(found.id), "name": found.name} if found else {}


def _entity(ctx, entity_id):
    return entity_dict(ctx.session, entity_id)


def entity_dict(session, entity_id):
    """An entity of the read model as Zou's row (None: unknown)."""
    found = entity_id and session.get(Entity, _id(entity_id))
    return {**(found.row or {}), "id": str(found.id), "name": found.name,
            "entity_type_id": str(found.entity_type_id),
            "parent_id": found.parent_id and str(found.parent_id)} if found else None


def _type_name(ctx, entity):
    return _entity_type_row(ctx, entity).get("name")


def _sequence_of(ctx, entity):
    kind = _type_name(ctx, entity)
    if kind in ("Shot", "Scene"):
        return _entity(ctx, entity.get("parent_id"))
    return entity if kind == "Sequence" else None


def _sequence(ctx, field):
    sequence = _sequence_of(ctx, ctx.entity)
    name = str((sequence or {}).get(field, "")) if sequence else ""
    return "S%s" % name[3:].zfill(3) if "Seq" in name else name


def _episode(ctx, field):
    if _type_name(ctx, ctx.entity) == "Episode":
        episode = ctx.entity
    else:
        sequence = _sequence_of(ctx, ctx.entity)
        episode = sequence and _entity(ctx, sequence.get("parent_id"))
    return (episode or {}).get(field) or "e001"


def _instance(ctx, field):
    """The instance's name, else (another field, or no name) its number on 4 digits."""
    if ctx.instance is None:
        return ""
    number = str(ctx.instance.get("number", 0)).zfill(4)
    name = ctx.instance.get("name")
    return name if field == "name" and name is not None else number


def _output_type(ctx, field):
    output_type = ctx.output_type or ctx.make_default("OutputType")
    return str(output_type.get(field, "")).lower()


def _software(ctx, field):
    return (ctx.software or ctx.make_default("Software")).get(field, "")


RESOLVERS = {
    "Project": _project, "TaskType": _task_type_value, "Department": _department,
    "TemporalEntityType": lambda ctx, field: str(
        _entity_type_row(ctx, ctx.entity).get(field, "")).lower(),
    "AssetType": lambda ctx, field: _entity_type_row(ctx, ctx.asset or ctx.entity).get(
        field, ""),
    "Sequence": _sequence, "Episode": _episode, "OutputType": _output_type,
    "Software": _software,
}


def _id(value):
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
