"""Validating request bodies the way Zou's pydantic schemas do: `validate(body, fields)`
gives the values or a 400 "Validation error." listing each field's problem."""
import uuid

from slate_common import errors

REQUIRED = object()


def _problem(field, message):
    return {"field": field, "message": message}


def _check(value, kind):
    """The value as the kind wants it, or the pydantic message refusing it."""
    if kind in ("name", "str"):
        if not isinstance(value, str):
            return None, "Input should be a valid string"
        if kind == "name" and not value:
            return None, "String should have at least 1 character"
        return value, None
    if kind == "uuid":
        try:
            return str(uuid.UUID(str(value))), None
        except ValueError:
            return None, "Input should be a valid UUID"
    if kind == "dict":
        return (value, None) if isinstance(value, dict) else \
            (None, "Input should be a valid dictionary")
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            return None, "Input should be a valid integer"
        try:
            number = float(value)
        except ValueError:
            return None, "Input should be a valid integer, unable to parse string as an " \
                         "integer"
        if number != int(number):
            return None, "Input should be a valid integer, got a number with a " \
                         "fractional part"
        return int(number), None
    if kind == "bool":
        words = {"true": True, "false": False, "1": True, "0": False, "yes": True,
                 "no": False, "on": True, "off": False, "t": True, "f": False,
                 "y": True, "n": False}
        if isinstance(value, bool):
            return value, None
        if isinstance(value, (int, str)) and str(value).lower() in words:
            return words[str(value).lower()], None
        return None, "Input should be a valid boolean"
    if kind == "float":
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            return None, "Input should be a valid number"
        try:
            return float(value), None
        except ValueError:
            return None, "Input should be a valid number, unable to parse string as a " \
                         "number"
    if kind == "strlist":
        if not isinstance(value, list):
            return None, "Input should be a valid list"
        if not all(isinstance(item, str) for item in value):
            return None, "Input should be a valid string"
        return value, None
    raise ValueError(kind)


def validate(body, fields):
    """Zou's request validation: `fields` are (name, kind, default); a default of
    REQUIRED makes it required, None values pass for optional fields. Unknown keys are
    ignored. 400 "Validation error." with each field's problem."""
    if body is None:
        body = {}
    if not isinstance(body, dict):
        raise errors.Invalid("Validation error.", {"errors": [
            _problem("", "Input should be a valid dictionary")]})
    values, problems = {}, []
    for name, kind, default in fields:
        if name not in body:
            if default is REQUIRED:
                problems.append(_problem(name, "Field required"))
            else:
                values[name] = default() if callable(default) else default
            continue
        value = body[name]
        if value is None and default is not REQUIRED:
            values[name] = None
            continue
        values[name], message = _check(value, kind)
        if message:
            problems.append(_problem(name, message))
    if problems:
        raise errors.Invalid("Validation error.", {"errors": problems})
    return values
