"""The tasks service's entrypoints for production follow-up: the open tasks pool, its
stats and burndown, episodes' stats, people's task dates and related tasks, tasks
created per entity type, and task type / link reorders (a mixin of TasksService, which
brings `db` and `caller`). Rows: slate_gateway/routes/tasks.py, TASK_STATS_ROUTES."""
from slate_common.nameko_support import rpc
from slate_common.replies import ok, params, query

from slate_tasks import burndown, entity_type_tasks, episode_stats, open_tasks, \
    person_schedule, reorders


class StatsEntrypoints:

    @rpc
    def open_tasks(self, request):
        return ok(open_tasks.open_tasks(self.db, self.caller, query(request)))

    @rpc
    def open_tasks_stats(self, request):
        return ok(open_tasks.open_tasks_stats(self.db, self.caller))

    @rpc
    def open_tasks_burndown(self, request):
        return ok(burndown.burndown(self.db, self.caller, query(request)))

    @rpc
    def episodes_stats(self, request):
        return ok(episode_stats.episode_stats(self.db, self.caller,
                                              params(request)["project_id"]))

    @rpc
    def episodes_retake_stats(self, request):
        return ok(episode_stats.retake_stats(self.db, self.caller,
                                             params(request)["project_id"]))

    @rpc
    def persons_task_dates(self, request):
        return ok(person_schedule.task_dates(self.db, self.caller, query(request)))

    @rpc
    def person_related_tasks(self, request):
        where = params(request)
        return ok(person_schedule.related_tasks(self.db, self.caller, where["person_id"],
                                                where["task_type_id"]))

    @rpc
    def create_entity_type_tasks(self, request):
        return ok(entity_type_tasks.create_entity_type_tasks(
            self.db, self.caller, params(request), request.get("body"), query(request)), 201)

    @rpc
    def create_concept_tasks(self, request):
        return ok(entity_type_tasks.create_concept_tasks(
            self.db, self.caller, params(request), request.get("body")), 201)

    @rpc
    def reorder_task_types(self, request):
        return ok(reorders.reorder_task_types(self.db, self.caller, request.get("body")))

    @rpc
    def reorder_task_type_links(self, request):
        return ok(reorders.reorder_task_type_links(
            self.db, self.caller, params(request)["project_id"], request.get("body")))

    @rpc
    def reorder_task_status_links(self, request):
        return ok(reorders.reorder_task_status_links(
            self.db, self.caller, params(request)["project_id"], request.get("body")))
