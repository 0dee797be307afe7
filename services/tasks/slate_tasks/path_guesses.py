"""POST /data/entities/guess-from-path {project_id, file_path, sep}: which templates of
the production's file tree a path matches, with what its folders name (Zou's
file_tree_service.guess_from_path), from the read models.

Each mode whose root, styled like its folders, starts the path is tried; each of its
folder templates whose plain folders match the path's gives `{"Template": name,
<Token>: id or value...}`, filled from left to right until a folder names nothing
known: a token is looked up within those before it (a shot in its sequence, an asset
of its type), and a <Project> other than the one asked for stops it. Folder values
have `_` read as spaces and match names case-insensitively (SQL `ILIKE`), as Zou.
<Instance> is never found (Zou looks instances up by an episode they do not have).
A production without a tree matches nothing; a mode without mountpoint, root or
folder templates is a malformed tree (400; Zou fails with a 500)."""
import re
import uuid

import sqlalchemy as sa

from slate_common import errors, validation
from slate_common.validation import REQUIRED

from slate_tasks import access, file_trees
from slate_tasks.file_models import OutputType
from slate_tasks.models import Department, Entity, EntityType, Project, Task, TaskType

BODY = (("project_id", "name", REQUIRED), ("file_path", "name", REQUIRED),
        ("sep", "name", "/"))
FOLDER = re.compile(r"(?P<prefix>\w*)<(?P<token>\w*)>(?P<suffix>\w*)")


def guess_from_path(uow, caller, body):
    """The matching templates, in the tree's order, without duplicates."""
    values = validation.validate(body, BODY)
    access.check_project_access(uow, caller, access.as_uuid(values["project_id"], None))
    project = access.project_or_404(uow, caller, values["project_id"])
    tree = (project.row or {}).get("file_tree") or {}
    guesses = []
    try:
        for mode in tree:
            for guess in _mode_guesses(uow, project, tree, mode, values):
                if guess not in guesses:
                    guesses.append(guess)
    except file_trees.MalformedTree as exc:
        raise errors.Invalid(str(exc) or "Malformed file tree.")
    return guesses


def _mode_guesses(uow, project, tree, mode, values):
    sep = values["sep"]
    templates = file_trees.folder_templates(tree, mode)
    style = templates.get("style", "")
    root = file_trees.apply_style(file_trees.root_path(tree, mode, sep), style)
    path = file_trees.apply_style(values["file_path"], style)
    if not path.startswith(root):
        return
    folders = path[len(root):].split(sep)
    for name, template in templates.items():
        parts = str(template).split(sep)
        tokens = _token_values(folders, parts)
        if tokens:
            yield _filled(uow, project, name, parts, tokens)


def _token_values(folders, parts):
    """{token: the value its folder holds} (prefix and suffix around the token cut
    off, the first non-empty value of a token kept), or None when a plain folder of
    the template differs."""
    values = {}
    for folder, part in zip(folders, parts):
        found = FOLDER.search(part)
        if found is None:
            if part != folder:
                return None
            continue
        value = folder.replace("_", " ")
        value = value[len(found["prefix"]):len(value) - len(found["suffix"])]
        if not values.get(found["token"]):
            values[found["token"]] = value
    return values


def _filled(uow, project, name, parts, tokens):
    guess = {"Template": name}
    for part in parts:
        token = next((token for token in tokens if "<%s>" % token in part), None)
        if token is None:
            continue
        lookup = LOOKUPS.get(token)
        found = lookup(uow, tokens[token], guess) if lookup else None
        if not found or (token == "Project" and found != str(project.id)):
            break
        guess[token] = found
    return guess


# -- what a token's value names: an id, the value itself, or None (unknown) ---------

def _first_id(uow, model, value, *conditions):
    found = uow.session.scalar(sa.select(model.id).where(
        model.name.ilike(value), *conditions).limit(1))
    return found and str(found)


def _named(model):
    return lambda uow, value, guess: _first_id(uow, model, value)


def _of_kind(kind):
    return Entity.entity_type_id.in_(sa.select(EntityType.id).where(EntityType.name == kind))


def _in_project(uow, value, guess, *conditions):
    """An entity of the path's production (none when the path named no production)."""
    if not guess.get("Project"):
        return None
    return _first_id(uow, Entity, value, Entity.project_id == uuid.UUID(guess["Project"]),
                     *conditions)


def _child(kind, parent):
    """A sequence or scene: in its parent when the path named one."""
    def lookup(uow, value, guess):
        conditions = [_of_kind(kind)]
        if guess.get(parent):
            conditions.append(Entity.parent_id == uuid.UUID(guess[parent]))
        return _in_project(uow, value, guess, *conditions)
    return lookup


def _typed(type_token):
    """An asset or temporal entity: of the entity type the path named."""
    def lookup(uow, value, guess):
        if not guess.get(type_token):
            return None
        return _in_project(uow, value, guess,
                           Entity.entity_type_id == uuid.UUID(guess[type_token]))
    return lookup


def _episode(uow, value, guess):
    return _in_project(uow, value, guess, _of_kind("Episode"))


def _shot(uow, value, guess):
    if not guess.get("Sequence"):
        return None
    return _in_project(uow, value, guess, _of_kind("Shot"),
                       Entity.parent_id == uuid.UUID(guess["Sequence"]))


def _task(uow, value, guess):
    entity = next((guess[token] for token in ("Scene", "Asset", "Shot")
                   if guess.get(token)), None)
    if not guess.get("Project") or not guess.get("TaskType") or entity is None:
        return None
    return _first_id(uow, Task, value, Task.project_id == uuid.UUID(guess["Project"]),
                     Task.task_type_id == uuid.UUID(guess["TaskType"]),
                     Task.entity_id == uuid.UUID(entity))


def _version(uow, value, guess):
    try:
        number = int(value)
    except ValueError:
        return None
    return str(number) if number else None


LOOKUPS = {
    "Project": _named(Project), "AssetType": _named(EntityType),
    "TemporalEntityType": _named(EntityType), "Department": _named(Department),
    "OutputType": _named(OutputType), "TaskType": _named(TaskType),
    "Episode": _episode, "Sequence": _child("Sequence", "Episode"),
    "Scene": _child("Scene", "Sequence"), "Shot": _shot, "Task": _task,
    "Asset": _typed("AssetType"), "TemporalEntity": _typed("TemporalEntityType"),
    "Name": lambda uow, value, guess: value, "Representation": lambda uow, value, guess: value,
    "Version": _version,
}
