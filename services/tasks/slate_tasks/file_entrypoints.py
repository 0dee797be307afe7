"""The entrypoints of working and output files (Zou's files blueprint), as a mixin of
TasksService (nameko finds inherited entrypoints). Route rows: FILE_ROUTES and
INSTANCE_FILE_ROUTES of slate_gateway/routes/tasks.py. The routes storing or serving file
bytes are the media service's (absent here)."""
from slate_common.nameko_support import rpc
from slate_common.replies import ok, params, query

from slate_tasks import file_paths, instance_outputs, output_files, output_publication, \
    path_guesses, working_files


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

    # -- output files -------------------------------------------------------------------
    @rpc
    def new_output_file(self, request):
        return ok(*output_publication.new_output_file(self.db, self.caller,
                                                      params(request)["entity_id"],
                                                      request.get("body")))

    @rpc
    def next_output_revision(self, request):
        return ok(output_files.next_revision(self.db, self.caller,
                                             params(request)["entity_id"],
                                             request.get("body")))

    @rpc
    def entity_output_files(self, request):
        return ok(output_files.entity_output_files(self.db, self.caller,
                                                   params(request)["entity_id"],
                                                   query(request)))

    @rpc
    def last_output_files(self, request):
        return ok(output_files.last_output_files(self.db, self.caller,
                                                 params(request)["entity_id"],
                                                 query(request)))

    @rpc
    def entity_output_types(self, request):
        return ok(output_files.entity_output_types(self.db, self.caller,
                                                   params(request)["entity_id"]))

    @rpc
    def output_type_files(self, request):
        where = params(request)
        return ok(output_files.output_type_files(self.db, self.caller, where["entity_id"],
                                                 where["output_type_id"], query(request)))

    @rpc
    def project_output_files(self, request):
        return ok(output_files.project_output_files(self.db, self.caller,
                                                    params(request)["project_id"],
                                                    query(request)))

    @rpc
    def get_file(self, request):
        return ok(output_files.get_file(self.db, self.caller, params(request)["file_id"]))

    # -- an asset instance's output files, in a shot or scene ---------------------------
    @rpc
    def instance_output_file_path(self, request):
        return ok(*instance_outputs.output_file_path(
            self.db, self.caller, *_instance_in(request), request.get("body")))

    @rpc
    def new_instance_output_file(self, request):
        return ok(*instance_outputs.new_output_file(
            self.db, self.caller, *_instance_in(request), request.get("body")))

    @rpc
    def next_instance_output_revision(self, request):
        return ok(instance_outputs.next_revision(self.db, self.caller, *_instance_in(request),
                                                 request.get("body")))

    @rpc
    def last_instance_output_files(self, request):
        return ok(instance_outputs.last_output_files(self.db, self.caller,
                                                     *_instance_in(request), query(request)))

    @rpc
    def instance_output_types(self, request):
        return ok(instance_outputs.output_types(self.db, self.caller, *_instance_in(request)))

    @rpc
    def instance_output_type_files(self, request):
        return ok(instance_outputs.output_type_files(
            self.db, self.caller, *_instance_in(request), params(request)["output_type_id"],
            query(request)))

    @rpc
    def instance_output_files(self, request):
        return ok(instance_outputs.instance_output_files(
            self.db, self.caller, params(request)["asset_instance_id"], query(request)))

    # -- the entities a path names ------------------------------------------------------
    @rpc
    def guess_from_path(self, request):
        return ok(path_guesses.guess_from_path(self.db, self.caller, request.get("body")))


def _instance_in(request):
    """The asset instance and the shot or scene (temporal entity) a route names."""
    where = params(request)
    return where["asset_instance_id"], where["temporal_entity_id"]
