"""Validating create bodies of assets, episodes, sequences and shots the way Zou's
pydantic schemas do: `validate(body, NEW_SHOT)` gives the values or a 400
"Validation error." listing each field's problem."""
from slate_common.validation import REQUIRED, validate  # noqa: F401 (used by importers)

NEW_ASSET = (("name", "name", REQUIRED), ("description", "str", ""),
             ("data", "dict", dict), ("is_shared", "bool", False),
             ("episode_id", "uuid", None))
NEW_EPISODE = (("name", "name", REQUIRED), ("status", "str", "running"),
               ("description", "str", ""), ("data", "dict", dict))
NEW_SEQUENCE = (("name", "name", REQUIRED), ("episode_id", "uuid", None),
                ("description", "str", ""), ("data", "dict", dict))
NEW_SHOT = (("name", "name", REQUIRED), ("sequence_id", "uuid", None),
            ("data", "dict", None), ("nb_frames", "int", None),
            ("description", "str", None))
NEW_SCENE = (("name", "name", REQUIRED), ("sequence_id", "uuid", None))
NEW_EDIT = (("name", "name", REQUIRED), ("description", "str", ""),
            ("data", "dict", None), ("episode_id", "uuid", None))
NEW_CONCEPT = (("name", "name", REQUIRED), ("data", "dict", None),
               ("description", "str", None), ("parent_id", "uuid", None))
CONCEPT_FOLDER = (("name", "name", REQUIRED),)
