"""The tasks service's entrypoints for each person's day: time spents, time tables,
day offs, schedule items and desktop login logs (a mixin of TasksService, which
brings `db` and `caller`). Rows: slate_gateway/routes/tasks.py, TIME_ROUTES."""
from slate_common.nameko_support import rpc
from slate_common.replies import ok, params, query

from slate_tasks import day_offs, desktop_logins, periods, quota_shots, quotas, \
    schedule_items, time_sheets, time_spents, time_tables

PERIODS = {"year": periods.year, "month": periods.month, "week": periods.week,
           "day": periods.one_day}
# Zou's message for a bad period, per route.
PERIOD_MESSAGES = {"year": periods.INVALID_DATE, "month": periods.INVALID_DATE,
                   "week": periods.INVALID_MONTH, "day": periods.INVALID_MONTH}


def period_of(request, message=None):
    """The [start, end[ days of the period a route row names (`extra={"period": ...}`)."""
    kind = request["route"]["period"]
    where = params(request)
    values = [where[key] for key in ("year", "month", "week", "day") if key in where]
    return PERIODS[kind](*values, message=message or PERIOD_MESSAGES[kind])


class TimeEntrypoints:

    # -- time spents --------------------------------------------------------------------
    @rpc
    def set_time_spent(self, request):
        where = params(request)
        return ok(time_spents.log_time(self.db, self.caller, where["task_id"], where["date"],
                                       where["person_id"], request.get("body")), 201)

    @rpc
    def add_time_spent(self, request):
        where = params(request)
        return ok(time_spents.log_time(self.db, self.caller, where["task_id"], where["date"],
                                       where["person_id"], request.get("body"), add=True),
                  201)

    @rpc
    def remove_time_spent(self, request):
        where = params(request)
        return ok(time_spents.remove_time(self.db, self.caller, where["task_id"],
                                          where["date"], where["person_id"]), 201)

    @rpc
    def task_time_spents(self, request):
        where = params(request)
        return ok(time_spents.task_time_spents(self.db, self.caller, where["task_id"],
                                               where.get("date")))

    @rpc
    def person_time_spents(self, request):
        return ok(time_sheets.person_time_spents(self.db, self.caller,
                                                 params(request)["person_id"],
                                                 query(request)))

    @rpc
    def person_day_time_spents(self, request):
        where = params(request)
        return ok(time_sheets.person_day_time_spents(self.db, self.caller,
                                                     where["person_id"], where["date"]))

    @rpc
    def person_period_time_spents(self, request):
        return ok(time_sheets.person_period_time_spents(
            self.db, self.caller, params(request)["person_id"], period_of(request),
            query(request)))

    @rpc
    def person_month_all_time_spents(self, request):
        where = params(request)
        return ok(time_sheets.person_month_all(self.db, self.caller, where["person_id"],
                                               where["year"], where["month"]))

    @rpc
    def user_time_spents(self, request):
        return ok(time_sheets.user_time_spents(self.db, self.caller, query(request)))

    @rpc
    def user_day_time_spents(self, request):
        return ok(time_sheets.user_day_time_spents(self.db, self.caller,
                                                   params(request)["date"]))

    @rpc
    def user_task_time_spent(self, request):
        where = params(request)
        return ok(time_sheets.user_task_time_spent(self.db, self.caller, where["task_id"],
                                                   where["date"]))

    @rpc
    def entity_time_spents(self, request):
        return ok(time_sheets.entity_time_spents(self.db, self.caller,
                                                 params(request)["entity_id"]))

    @rpc
    def project_time_spents(self, request):
        return ok(time_sheets.project_time_spents(self.db, self.caller,
                                                  params(request)["project_id"]))

    @rpc
    def project_task_type_time_spents(self, request):
        where = params(request)
        return ok(time_sheets.project_task_type_time_spents(
            self.db, self.caller, where["project_id"], where["task_type_id"],
            query(request)))

    @rpc
    def project_month_time_spents(self, request):
        return ok(time_sheets.project_month_time_spents(self.db, self.caller,
                                                        params(request)["project_id"]))

    # -- time tables ----------------------------------------------------------------------
    @rpc
    def time_spents_year_table(self, request):
        return ok(time_tables.year_table(self.db, self.caller, query(request)))

    @rpc
    def time_spents_month_table(self, request):
        return ok(time_tables.month_table(self.db, self.caller, params(request)["year"],
                                          query(request)))

    @rpc
    def time_spents_week_table(self, request):
        return ok(time_tables.week_table(self.db, self.caller, params(request)["year"],
                                         query(request)))

    @rpc
    def time_spents_day_table(self, request):
        where = params(request)
        return ok(time_tables.day_table(self.db, self.caller, where["year"], where["month"],
                                        query(request)))

    # -- day offs -------------------------------------------------------------------------
    @rpc
    def person_day_offs(self, request):
        return ok(day_offs.person_day_offs(self.db, self.caller,
                                           params(request)["person_id"]))

    @rpc
    def person_period_day_offs(self, request):
        return ok(day_offs.person_day_offs(self.db, self.caller,
                                           params(request)["person_id"],
                                           periods.last_day(period_of(request))))

    @rpc
    def person_day_off(self, request):
        where = params(request)
        return ok(day_offs.person_day_off(self.db, self.caller, where["person_id"],
                                          where["date"]))

    @rpc
    def period_day_offs(self, request):
        return ok(day_offs.period_day_offs(self.db, self.caller, period_of(request)))

    @rpc
    def project_day_offs(self, request):
        return ok(day_offs.project_day_offs(self.db, self.caller,
                                            params(request)["project_id"], query(request)))

    @rpc
    def user_day_off(self, request):
        return ok(day_offs.user_day_off(self.db, self.caller, params(request)["date"]))

    # -- schedule items -----------------------------------------------------------------
    @rpc
    def project_schedule_items(self, request):
        return ok(schedule_items.project_schedule_items(self.db, self.caller,
                                                        params(request)["project_id"]))

    @rpc
    def task_types_schedule_items(self, request):
        return ok(schedule_items.task_types_schedule_items(self.db, self.caller,
                                                           params(request)["project_id"]))

    @rpc
    def objects_schedule_items(self, request):
        where = params(request)
        return ok(schedule_items.objects_schedule_items(
            self.db, self.caller, where["project_id"], where["task_type_id"],
            request["route"]["objects"], query(request)))

    # -- desktop login logs -------------------------------------------------------------
    @rpc
    def person_desktop_login_logs(self, request):
        return ok(desktop_logins.person_logs(self.db, self.caller,
                                             params(request)["person_id"]))

    @rpc
    def log_person_desktop_login(self, request):
        return ok(desktop_logins.log_person(self.db, self.caller,
                                            params(request)["person_id"],
                                            request.get("body")), 201)

    @rpc
    def user_desktop_login_logs(self, request):
        return ok(desktop_logins.user_logs(self.db, self.caller))

    @rpc
    def log_user_desktop_login(self, request):
        return ok(desktop_logins.log_user(self.db, self.caller, request.get("body")), 201)

    # -- quotas ---------------------------------------------------------------------------
    @rpc
    def project_quotas(self, request):
        where = params(request)
        return ok(quotas.project_quotas(self.db, self.caller, where["project_id"],
                                        where["task_type_id"], query(request)))

    @rpc
    def project_person_quotas(self, request):
        where = params(request)
        return ok(quotas.project_person_quotas(self.db, self.caller, where["project_id"],
                                               where["person_id"], query(request)))

    @rpc
    def person_quota_shots(self, request):
        return ok(quota_shots.person_quota_shots(
            self.db, self.caller, params(request)["person_id"],
            period_of(request, periods.INVALID_MONTH), query(request)))
