"""What Zou shows of a task on its entity boards, shared by the services that render
them (the tasks service's boards, the catalog's asset and shot pages)."""
ASSET_TASK_FIELDS = ("id", "due_date", "done_date", "duration", "entity_id", "estimation",
                     "end_date", "is_subscribed", "last_comment_date",
                     "last_preview_file_id", "priority", "real_start_date", "retake_count",
                     "start_date", "difficulty", "task_status_id", "task_type_id",
                     "assignees", "data")
SHOT_TASK_FIELDS = ("id", "duration", "due_date", "end_date", "done_date", "entity_id",
                    "estimation", "is_subscribed", "last_comment_date",
                    "last_preview_file_id", "nb_assets_ready", "priority",
                    "real_start_date", "retake_count", "start_date", "difficulty",
                    "nb_drawings", "task_status_id", "task_type_id", "assignees", "data")
# The studio side of a task, blank for a client (Zou's CLIENT_BLANK_TASK_VALUES).
CLIENT_BLANKS = {"assignees": [], "assigner_id": None, "completion_rate": 0,
                 "difficulty": None, "done_date": None, "due_date": None, "duration": 0,
                 "end_date": None, "estimation": 0, "last_comment_date": None,
                 "nb_assets_ready": 0, "nb_drawings": 0, "priority": 0,
                 "real_start_date": None, "retake_count": 0, "start_date": None}
