"""Days and periods named in time-sheet routes, parsed the way Zou parses them: a bad
one is Zou's 400 `{error, message, data}` with the message each route gives."""
import datetime

from slate_common import errors

INVALID_DATE = "Invalid date format."
WRONG_DATE = "Wrong date format."
INVALID_MONTH = "Invalid month or year."


def day(text, message=WRONG_DATE):
    """A `YYYY-MM-DD` day."""
    try:
        return datetime.datetime.strptime(str(text), "%Y-%m-%d").date()
    except ValueError:
        raise errors.Invalid(message)


def range_of(query_args, message=None):
    """(start, end) days of `?start_date=&end_date=`, both or neither (None, None)."""
    start, end = arg(query_args, "start_date"), arg(query_args, "end_date")
    if not start and not end:
        return None, None
    if not start or not end:
        raise errors.Invalid("If querying for a range of dates, both a `start_date` and"
                             " an `end_date` must be given.")
    message = message or "Wrong date format for %s and/or %s" % (start, end)
    return day(start, message), day(end, message)


def _interval(build, message):
    try:
        start = build()
    except (ValueError, OverflowError, TypeError):
        raise errors.Invalid(message)
    return start


def year(value, message=INVALID_DATE):
    """[first day, first day of the next year[."""
    start = _interval(lambda: datetime.date(int(value), 1, 1), message)
    return start, _interval(lambda: start.replace(year=start.year + 1), message)


def month(year_value, month_value, message=INVALID_DATE):
    """[first day, first day of the next month[."""
    start = _interval(lambda: datetime.date(int(year_value), int(month_value), 1), message)
    following = _interval(lambda: (start + datetime.timedelta(days=31)).replace(day=1),
                          message)
    return start, following


def week(year_value, week_value, message=INVALID_DATE):
    """[monday, next monday[ of an ISO week."""
    start = _interval(lambda: datetime.date.fromisocalendar(int(year_value),
                                                            int(week_value), 1), message)
    return start, start + datetime.timedelta(days=7)


def one_day(year_value, month_value, day_value, message=INVALID_DATE):
    """[day, next day[."""
    start = _interval(lambda: datetime.date(int(year_value), int(month_value),
                                            int(day_value)), message)
    return start, start + datetime.timedelta(days=1)


def last_day(interval):
    """The interval with its end as the last day included."""
    start, end = interval
    return start, end - datetime.timedelta(days=1)


def arg(query_args, key):
    """One query-string argument (the first, when repeated), or None."""
    value = query_args.get(key)
    return value[0] if isinstance(value, list) else value


def optional_range(query_args):
    """(start, end) days of `?start_date=` and `?end_date=`, each optional (None)."""
    start, end = arg(query_args, "start_date"), arg(query_args, "end_date")
    message = "Wrong date format for %s and/or %s" % (start, end)
    return tuple(day(value, message) if value else None for value in (start, end))
