"""Creating the first admin from the command line."""
import uuid

import sqlalchemy as sa

from slate_common import schemas

from slate_auth import events, passwords, people
from slate_auth.models import Person


def create_admin(uow, email, password, first_name="Super", last_name="Admin"):
    """Create an active admin unless that email exists; emits person:new. True if created."""
    email = email.strip().lower()
    if uow.session.scalar(sa.select(Person.id).where(sa.func.lower(Person.email) == email)):
        return False
    passwords.validate_new_password(password)
    person = Person(id=uuid.uuid4(), email=email, first_name=first_name,
                    last_name=last_name, role="admin", active=True,
                    password=passwords.hash_password(password))
    uow.session.add(person)
    uow.session.flush()
    uow.session.refresh(person)
    uow.emit(events.PERSON_NEW, people.PERSONS.public_data(person),
             {"new": schemas.render(person, relations=True)})
    people.organisation(uow)
    return True
