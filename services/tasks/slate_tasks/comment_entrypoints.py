"""The tasks service's entrypoints for comments and the news feed, as a mixin of
TasksService (service.py): each takes the gateway's request dict, calls a domain
function and returns the reply envelope. It also holds the two followers the
conversation needs: the departments read model (mentions) and the news feed projection.
"""
from slate_common.nameko_support import EventFollower, rpc
from slate_common.replies import ok, params, query

from slate_tasks import comment_actions, comment_batches, comment_crud, comment_mentions, \
    comment_reads, comments, news_feed, news_reads


class CommentEntrypoints:
    follow_departments = EventFollower(comment_mentions.DEPARTMENTS_CONSUMER,
                                       comment_mentions.apply_department_event,
                                       comment_mentions.DEPARTMENT_NAMES)
    follow_comments = EventFollower(news_feed.NEWS_CONSUMER, news_feed.apply_event,
                                     news_feed.NEWS_SOURCES)

    @rpc
    def post_comment(self, request):
        return ok(comments.post_comment(self.db, self.caller, params(request)["task_id"],
                                        request.get("body")), 201)

    @rpc
    def comment_many(self, request):
        return ok(comment_batches.comment_many(self.db, self.caller,
                                               params(request)["project_id"],
                                               request.get("body")), 201)

    @rpc
    def batch_comment(self, request):
        return ok(comment_batches.batch_comment(self.db, self.caller, request.get("body"),
                                                params(request).get("task_id")), 201)

    @rpc
    def copy_client_comments(self, request):
        return ok(comment_crud.copy_client_comments(self.db, self.caller,
                                                    params(request)["project_id"],
                                                    request.get("body")), 201)

    @rpc
    def task_comments(self, request):
        return ok(comment_reads.task_comments(self.db, self.caller,
                                              params(request)["task_id"]))

    @rpc
    def task_comment(self, request):
        where = params(request)
        return ok(comment_reads.task_comment(self.db, self.caller, where["task_id"],
                                             where["comment_id"]))

    @rpc
    def delete_task_comment(self, request):
        where = params(request)
        comment_actions.delete_comment(self.db, self.caller, where["comment_id"],
                                       where["task_id"])
        return ok(None, 204)

    @rpc
    def project_comments(self, request):
        return ok(comment_reads.project_comments(self.db, self.caller,
                                                 params(request)["project_id"],
                                                 query(request)))

    @rpc
    def acknowledge_comment(self, request):
        where = params(request)
        return ok(comment_actions.acknowledge(self.db, self.caller, where["task_id"],
                                              where["comment_id"]))

    @rpc
    def reply_comment(self, request):
        where = params(request)
        return ok(comment_actions.reply(self.db, self.caller, where["task_id"],
                                        where["comment_id"], request.get("body")))

    @rpc
    def delete_comment_reply(self, request):
        where = params(request)
        return ok(comment_actions.delete_reply(self.db, self.caller, where["task_id"],
                                               where["comment_id"], where["reply_id"]))

    @rpc
    def move_comment(self, request):
        where = params(request)
        return ok(comment_actions.move(self.db, self.caller, where["task_id"],
                                       where["comment_id"], request.get("body")))

    @rpc
    def project_news(self, request):
        return ok(news_reads.project_news(self.db, self.caller,
                                          params(request)["project_id"], query(request)))

    @rpc
    def open_projects_news(self, request):
        return ok(news_reads.open_projects_news(self.db, self.caller, query(request)))

    @rpc
    def one_news(self, request):
        where = params(request)
        return ok(news_reads.one_news(self.db, self.caller, where["project_id"],
                                      where["news_id"]))

    @rpc
    def entity_news(self, request):
        return ok(news_reads.entity_news(self.db, self.caller,
                                         params(request)["entity_id"]))
