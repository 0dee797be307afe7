"""Which of the tasks service's tables each event rebuilds (`slate rebuild tasks`).

The read models (persons, departments, productions and their teams, entity types,
entities) are not rebuilt here: they follow other services' events with their own tracked
positions (`read_models.py`, `comment_mentions.py`), and assignees and mentions replay
against them. The news feed is rebuilt from the `news:*` events its projection recorded.
"""
import types

from slate_tasks import events
from slate_tasks.models import READ_MODELS, Base, Comment, DayOff, Department, \
    DesktopLoginLog, News, Notification, ProjectTaskStatusLink, ProjectTaskTypeLink, \
    ScheduleItem, Subscription, Task, TaskStatus, TaskType, TimeSpent, team_links, \
    project_status_automation_links
from slate_tasks.file_models import FileStatus, OutputFile, OutputType, Software, \
    WorkingFile
from slate_tasks.user_models import Chat, ChatMessage, SearchFilter, SearchFilterGroup

BY_FAMILY = {events.TASK: Task, events.TASK_TYPE: TaskType, events.TASK_STATUS: TaskStatus,
             events.TASK_TYPE_LINK: ProjectTaskTypeLink,
             events.TASK_STATUS_LINK: ProjectTaskStatusLink,
             events.SUBSCRIPTION: Subscription, events.NOTIFICATION: Notification,
             events.TIME_SPENT: TimeSpent, events.DAY_OFF: DayOff,
             events.SCHEDULE_ITEM: ScheduleItem, events.DESKTOP_LOGIN_LOG: DesktopLoginLog,
             events.COMMENT: Comment, events.NEWS: News,
             events.SEARCH_FILTER: SearchFilter, events.SEARCH_FILTER_GROUP: SearchFilterGroup,
             events.CHAT: Chat, events.CHAT_MESSAGE: ChatMessage,
             events.SOFTWARE: Software, events.OUTPUT_TYPE: OutputType,
             events.FILE_STATUS: FileStatus, events.WORKING_FILE: WorkingFile,
             events.OUTPUT_FILE: OutputFile}
# Zou's chat message events are named in the chat family; their rows are messages.
BY_NAME = {events.CHAT_NEW_MESSAGE: ChatMessage, events.CHAT_DELETED_MESSAGE: ChatMessage}
_READ_TABLES = {model.__table__ for model in READ_MODELS + (Department,)} | {
    team_links, project_status_automation_links}
TABLES = types.SimpleNamespace(sorted_tables=[
    table for table in Base.metadata.sorted_tables if table not in _READ_TABLES])


def event_models(name):
    """The model an event of this name changes, or None if it is not the service's."""
    return BY_NAME.get(name) or BY_FAMILY.get(name.rsplit(":", 1)[0])
