"""The entrypoints of working and output files (Zou's files blueprint), as a mixin of
TasksService (nameko finds inherited entrypoints). Route rows:
slate_gateway.routes.FILE_ROUTES. The routes storing or serving file bytes are the
media service's (absent here)."""
from slate_common.nameko_support import rpc
from slate_common.replies import ok, params

from slate_tasks import file_paths


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
