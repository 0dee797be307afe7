"""The tasks service's entrypoints for subscriptions and notifications, a mixin of
TasksService (service.py): the rows of slate_gateway.routes' NOTIFICATION_ROUTES name
these methods. The notifications themselves are written by the projection the service
runs (`follow_notifications`, notification_feed.py), never here."""
from slate_common.nameko_support import rpc
from slate_common.replies import ok, params, query

from slate_tasks import notifications, subscriptions


class NotificationEntrypoints:
    # -- subscriptions ------------------------------------------------------------------
    @rpc
    def subscribe_to_task(self, request):
        return ok(subscriptions.subscribe_to_task(self.db, self.caller,
                                                  params(request)["task_id"]), 201)

    @rpc
    def unsubscribe_from_task(self, request):
        subscriptions.unsubscribe_from_task(self.db, self.caller, params(request)["task_id"])
        return ok(None, 204)

    @rpc
    def subscribe_to_tasks(self, request):
        return ok(subscriptions.subscribe_to_tasks(self.db, self.caller,
                                                   request.get("body")), 201)

    @rpc
    def unsubscribe_from_tasks(self, request):
        return ok(subscriptions.unsubscribe_from_tasks(self.db, self.caller,
                                                       request.get("body")))

    @rpc
    def task_subscribed(self, request):
        return ok(subscriptions.has_task_subscription(self.db, self.caller,
                                                      params(request)["task_id"]))

    @rpc
    def subscribe_to_sequence(self, request):
        where = params(request)
        return ok(subscriptions.subscribe_to_sequence(
            self.db, self.caller, where["sequence_id"], where["task_type_id"]), 201)

    @rpc
    def unsubscribe_from_sequence(self, request):
        where = params(request)
        subscriptions.unsubscribe_from_sequence(self.db, self.caller, where["sequence_id"],
                                                where["task_type_id"])
        return ok(None, 204)

    @rpc
    def sequence_subscribed(self, request):
        where = params(request)
        return ok(subscriptions.has_sequence_subscription(
            self.db, self.caller, where["sequence_id"], where["task_type_id"]))

    @rpc
    def project_subscriptions(self, request):
        return ok(subscriptions.project_subscriptions(self.db, self.caller,
                                                      params(request)["project_id"]))

    # -- notifications ------------------------------------------------------------------
    @rpc
    def user_notifications(self, request):
        return ok(notifications.last_notifications(self.db, self.caller, query(request)))

    @rpc
    def user_notification(self, request):
        return ok(notifications.notification(self.db, self.caller,
                                             params(request)["notification_id"]))

    @rpc
    def update_user_notification(self, request):
        return ok(notifications.set_read(self.db, self.caller,
                                         params(request)["notification_id"],
                                         request.get("body")))

    @rpc
    def mark_all_notifications_as_read(self, request):
        return ok(notifications.mark_all_as_read(self.db, self.caller))

    @rpc
    def project_notifications(self, request):
        return ok(notifications.project_notifications(
            self.db, self.caller, params(request)["project_id"], query(request)))
