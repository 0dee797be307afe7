"""The auth service's JSON contracts as marshmallow schemas, built from its models: what
create/update bodies accept and what replies hold. The gateway's /openapi.json names them
("slate_auth.contracts:Person")."""
from marshmallow import fields

from slate_common import schemas

from slate_auth import people
from slate_auth.models import Department, Organisation, Person, Studio

PersonInput = schemas.input_schema(Person)
Person = schemas.output_schema(Person, people.PERSON_HIDDEN,
                               (("full_name", fields.String()),))
DepartmentInput = schemas.input_schema(Department)
Department = schemas.output_schema(Department)
StudioInput = schemas.input_schema(Studio)
Studio = schemas.output_schema(Studio)
OrganisationInput = schemas.input_schema(Organisation)
Organisation = schemas.output_schema(Organisation)
