"""The chat of an entity, as Zou keeps it: made the first time it is asked for
(`chat:new`), joined and left by the people of the production (`chat:joined`,
`chat:left`), holding messages its participants post (`chat:new-message`, moving the
chat's `last_message`: `chat:update`) and their authors or admins delete
(`chat:deleted-message`). Reading or writing needs access to the entity's production
(vendors: only entities they have a task on). Attachments are the media service's:
messages carry none. /data/chats and /data/chat-messages are Zou's generic CRUD
(admins)."""
import dataclasses
import uuid

import sqlalchemy as sa

from slate_common import crud, errors, schemas
from slate_common.db import utcnow
from slate_common.validation import REQUIRED, validate

from slate_tasks import access, events, search_filters
from slate_tasks.models import Entity, EntityType, Project, ProjectStatus
from slate_tasks.user_models import Chat, ChatMessage, chat_participants


def _render_message(row):
    return {**schemas.render(row), "attachment_files": []}


CHATS = search_filters.admin_crud("chats", Chat, events.CHAT)
MESSAGES = search_filters.admin_crud("chat-messages", ChatMessage, events.CHAT_MESSAGE)
NEW_MESSAGE = (("message", "str", REQUIRED),)


def _entity(uow, caller, entity_id):
    """The entity, if the caller may reach it; and the caller."""
    entity = access.entity_or_404(uow, caller, entity_id)
    me = access.check_project_access(uow, caller, entity.project_id)
    access.check_entity_access(uow, me, entity.id)
    return entity, me


def chat_of(uow, entity):
    """The entity's chat, made (with `chat:new`) when it has none yet."""
    chat = uow.session.scalar(sa.select(Chat).where(Chat.object_id == entity.id))
    if chat is None:
        chat = crud.insert_row(uow, CHATS, Chat(id=uuid.uuid4(), object_id=entity.id),
                               project_id=entity.project_id)
    return chat


def _messages(uow, chat):
    return [_render_message(row) for row in uow.session.scalars(
        sa.select(ChatMessage).where(ChatMessage.chat_id == chat.id)
        .order_by(ChatMessage.created_at, ChatMessage.id))]


def entity_chat(uow, caller, entity_id):
    """GET /data/entities/{id}/chat: the chat, its participants and messages."""
    entity, _ = _entity(uow, caller, entity_id)
    chat = chat_of(uow, entity)
    return {**schemas.render(chat), "messages": _messages(uow, chat)}


def entity_chat_messages(uow, caller, entity_id):
    """GET /data/entities/{id}/chat/messages: oldest first."""
    entity, _ = _entity(uow, caller, entity_id)
    return _messages(uow, chat_of(uow, entity))


def post_message(uow, caller, entity_id, body):
    """POST /data/entities/{id}/chat/messages: participants only (400 otherwise)."""
    entity, me = _entity(uow, caller, entity_id)
    text = validate(body, NEW_MESSAGE)["message"]
    chat = chat_of(uow, entity)
    if me not in chat.participants:
        raise errors.Invalid("You are not a participant of this chat")
    now = utcnow()
    message = ChatMessage(id=uuid.uuid4(), chat_id=chat.id, person_id=me.id, text=text,
                          created_at=now, updated_at=now)
    crud.insert_row(uow, MESSAGES, message, name=events.CHAT_NEW_MESSAGE,
                    project_id=entity.project_id, data={
                        "chat_id": str(chat.id), "chat_message_id": str(message.id),
                        "last_message": schemas.to_json(now)})
    crud.record_update(uow, CHATS, chat, lambda: setattr(
        chat, "last_message", message.created_at), project_id=entity.project_id)
    return _render_message(message)


def _message_of_chat(uow, caller, entity_id, message_id):
    entity, me = _entity(uow, caller, entity_id)
    chat = chat_of(uow, entity)
    message = crud.fetch_or_404(uow, ChatMessage, message_id)
    if message.chat_id != chat.id:
        raise errors.Forbidden()
    return entity, me, message


def get_message(uow, caller, entity_id, message_id):
    """GET /data/entities/{id}/chat/messages/{id}: 403 for another chat's message."""
    return _render_message(_message_of_chat(uow, caller, entity_id, message_id)[2])


def delete_message(uow, caller, entity_id, message_id):
    """DELETE .../chat/messages/{id}: its author or an admin; `chat:deleted-message`."""
    entity, me, message = _message_of_chat(uow, caller, entity_id, message_id)
    if message.person_id != me.id and me.role != "admin":
        raise errors.Forbidden()
    old = schemas.render(message)
    uow.session.delete(message)
    uow.session.flush()
    uow.emit(events.CHAT_DELETED_MESSAGE, {"chat_id": old["chat_id"],
                                           "chat_message_id": old["id"]},
             {"old": old}, project_id=entity.project_id)


def set_participation(uow, caller, entity_id, joined):
    """POST (join) / DELETE (leave) /actions/user/chats/{entity_id}/join."""
    entity, _ = _entity(uow, caller, entity_id)
    me = access.current_person(uow, caller)  # the row itself: it joins a relation
    chat = chat_of(uow, entity)
    if (me in chat.participants) != joined:
        spec = dataclasses.replace(CHATS, event_data=lambda row: {
            "chat_id": str(row.id), "person_id": str(me.id)})
        crud.record_update(uow, spec, chat, lambda: chat.participants.append(me) if joined
                           else chat.participants.remove(me),
                           event=events.CHAT_JOINED if joined else events.CHAT_LEFT,
                           project_id=entity.project_id)
    return schemas.render(chat, relations=False)


def user_chats(uow, caller):
    """GET /data/user/chats: the chats the caller joined, of open productions."""
    me = access.current_person(uow, caller)
    query = (sa.select(Chat, Entity).join(Entity, Entity.id == Chat.object_id)
             .join(Project, Project.id == Entity.project_id)
             .join(ProjectStatus, ProjectStatus.id == Project.project_status_id)
             .join(chat_participants, chat_participants.c.chat_id == Chat.id)
             .where(chat_participants.c.person_id == me.id,
                    ProjectStatus.name.in_(access.OPEN_NAMES))
             .order_by(Chat.created_at, Chat.id))
    return [{"id": str(chat.id), "object_id": str(chat.object_id),
             "last_message": schemas.to_json(chat.last_message),
             "entity_name": full_entity_name(uow, entity),
             "project_id": str(entity.project_id),
             "preview_file_id": entity.row.get("preview_file_id")}
            for chat, entity in uow.session.execute(query)]


def full_entity_name(uow, entity):
    """Zou's full name: "Episode / Sequence / Shot", "Episode / Sequence", or
    "Asset type / Asset"."""
    kind = uow.session.get(EntityType, entity.entity_type_id)
    kind_name = kind.name if kind else ""
    if kind_name in ("Shot", "Sequence"):
        names, parent_id = [entity.name], entity.parent_id
        while parent_id is not None and len(names) < 3:
            parent = uow.session.get(Entity, parent_id)
            if parent is None:
                break
            names.insert(0, parent.name)
            parent_id = parent.parent_id
        return " / ".join(names)
    if kind_name in ("Episode",):
        return entity.name
    return "%s / %s" % (kind_name, entity.name)
