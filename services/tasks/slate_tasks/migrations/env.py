from slate_tasks import models
from slate_common.migrate import run_env

run_env(models.Base.metadata, models.SCHEMA)
