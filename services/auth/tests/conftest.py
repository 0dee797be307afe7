"""Factories and fixtures for the auth service's tests."""
import uuid

import pytest

from slate_common import db

from slate_auth import passwords
from slate_auth.models import Department, Person


@pytest.fixture
def create_person(clean_db):
    """`create_person(**overrides)` -> a committed Person (password 'secret123')."""
    def create(**overrides):
        values = {"first_name": "Jane", "last_name": "Doe", "role": "user",
                  "email": "%s@example.com" % uuid.uuid4().hex[:8], "active": True,
                  "password": passwords.hash_password(overrides.pop("password", "secret123"))}
        values.update(overrides)
        uow = db.unit_of_work(clean_db)
        person = Person(id=uuid.uuid4(), **values)
        uow.session.add(person)
        uow.commit()
        uow.close()
        return person
    return create


@pytest.fixture
def create_department(clean_db):
    def create(**overrides):
        uow = db.unit_of_work(clean_db)
        department = Department(id=uuid.uuid4(), **{"name": "Modeling", **overrides})
        uow.session.add(department)
        uow.commit()
        uow.close()
        return department
    return create


@pytest.fixture
def auth(service_processes, rpc_as, clean_db):
    """`auth(person)` -> the running auth service called as that person (None: anonymous)."""
    service_processes("auth")

    def as_person(person=None, **context):
        return rpc_as(person.id if person else None, **context).auth
    return as_person
