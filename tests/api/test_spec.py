"""The API's request models and table columns agree with the one definition of the fields
(declaration_spec.fields): a field added or changed there and not here fails this test."""

from __future__ import annotations

import typing

import pytest
from pydantic import BaseModel

from api import models, schemas
from declaration_spec.fields import ESTABLISHMENT_FIELDS, GUEST_FIELDS, STAY_FIELDS, Field


def _max_length(model: type[BaseModel], name: str) -> int | None:
    """From the published JSON schema (what API clients see); optional fields nest it in anyOf."""
    prop = model.model_json_schema()["properties"][name]
    for option in [prop, *prop.get("anyOf", [])]:
        if "maxLength" in option:
            return int(option["maxLength"])
    return None


def _required(model: type[BaseModel], name: str) -> bool:
    return model.model_fields[name].is_required()


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        (schemas.GuestIn, GUEST_FIELDS),
        (schemas.DeclarationCreate, (*STAY_FIELDS,)),
        (schemas.EstablishmentCreate, ESTABLISHMENT_FIELDS),
    ],
    ids=["guest", "stay", "establishment"],
)
def test_request_models_have_exactly_the_specified_fields(
    model: type[BaseModel], fields: tuple[Field, ...]
) -> None:
    own = set(model.model_fields) - ({"guest"} if model is schemas.DeclarationCreate else set())
    assert own == {f.name for f in fields}
    for field in fields:
        assert _required(model, field.name) == field.required, field.name
        if field.max_length is not None and field.kind in ("text", "code", "phone"):
            assert _max_length(model, field.name) == field.max_length, field.name


@pytest.mark.parametrize("field", [*GUEST_FIELDS, *STAY_FIELDS], ids=lambda f: f.name)
def test_declaration_columns_hold_the_specified_lengths(field: Field) -> None:
    column = models.Declaration.__table__.columns[field.name]
    length = getattr(column.type, "length", None)
    if field.max_length is not None and field.kind == "text":
        assert length == field.max_length
    assert column.nullable == (not field.required and field.default is None), field.name


@pytest.mark.parametrize(
    ("enum", "choices"),
    [
        (schemas.Sex, "SEXES"),
        (schemas.DocumentType, "DOCUMENT_TYPES"),
        (schemas.Purpose, "PURPOSES"),
        (schemas.EstablishmentKind, "ESTABLISHMENT_KINDS"),
    ],
)
def test_enums_match_the_specified_choices(enum: type, choices: str) -> None:
    from declaration_spec import fields

    assert tuple(member.value for member in typing.cast(typing.Iterable[typing.Any], enum)) == getattr(
        fields, choices
    )
