"""A person's last presence as Zou computes it (persons_service.
update_person_last_presence): the later of the day of their last desktop login and the
day of their last time spent. The field is the auth service's: when a time spent is
created through the time-spent routes, or a desktop login is logged (where Zou updates
it), the tasks service puts the value in that event's payload (`last_presence`), and
auth's follower sets it (slate_auth/presence.py).
"""
import sqlalchemy as sa

from slate_tasks.models import DesktopLoginLog, TimeSpent


def payload(uow, person_id, day):
    """`{"last_presence": "YYYY-MM-DD"}` once a login or time spent of `day` is in."""
    login = uow.session.scalar(sa.select(sa.func.max(DesktopLoginLog.date)).where(
        DesktopLoginLog.person_id == person_id))
    spent = uow.session.scalar(sa.select(sa.func.max(TimeSpent.date)).where(
        TimeSpent.person_id == person_id))
    days = [value for value in (login and login.date(), spent, day) if value is not None]
    return {"last_presence": max(days).isoformat()}
