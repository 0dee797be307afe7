"""The entrypoints of working and output files (Zou's files blueprint), as a mixin of
TasksService (nameko finds inherited entrypoints). Route rows:
slate_gateway.routes.FILE_ROUTES. The routes storing or serving file bytes are the
media service's (absent here)."""
from slate_common.nameko_support import rpc
from slate_common.replies import ok, params, query

from slate_tasks import file_paths, working_files


class FileEntrypoints:
    """Uses the service's `db` and `caller`."""

    # -- paths from the production's file tree ------------------------------------------
    @rpc
    def working_file_path(self, request):
        return ok(*file_paths.working_file_path(self.db, self.caller,
                                                params(request)["task_id"],
                                                request.get("body")))

    @rpc
    def output_file_path(self, request):
        return ok(*file_paths.output_file_path(self.db, self.caller,
                                               params(request)["entity_id"],
                                               request.get("body")))

    # -- working files ------------------------------------------------------------------
    @rpc
    def task_working_files(self, request):
        return ok(working_files.task_working_files(self.db, self.caller,
                                                   params(request)["task_id"]))

    @rpc
    def last_working_files(self, request):
        return ok(working_files.last_working_files(self.db, self.caller,
                                                   params(request)["task_id"]))

    @rpc
    def new_working_file(self, request):
        return ok(working_files.new_working_file(self.db, self.caller,
                                                 params(request)["task_id"],
                                                 request.get("body")), 201)

    @rpc
    def entity_working_files(self, request):
        return ok(working_files.entity_working_files(self.db, self.caller,
                                                     params(request)["entity_id"],
                                                     query(request)))

    @rpc
    def comment_working_file(self, request):
        return ok(working_files.comment_working_file(self.db, self.caller,
                                                     params(request)["working_file_id"],
                                                     request.get("body")))

    @rpc
    def modified_working_file(self, request):
        return ok(working_files.modified_working_file(self.db, self.caller,
                                                      params(request)["working_file_id"]))
