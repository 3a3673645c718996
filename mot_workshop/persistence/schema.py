"""Tables built from the domain's entity classes, so fields are declared once.

Migrations (``migrations/versions``) are frozen history; ``tests/persistence`` checks that
running them all from an empty file gives exactly these tables.
"""

from __future__ import annotations

import sqlalchemy as sa

from mot_workshop.domain.base import Entity, FieldInfo, field_infos
from mot_workshop.domain.registry import ENTITY_CLASSES

from mot_workshop.persistence.marks import (  # noqa: F401 - bump them in marks.py
    APPLICATION_ID,
    HEAD_REVISION,
    SCHEMA_VERSION,
)

metadata = sa.MetaData()

_ON_DELETE = {"cascade": "CASCADE", "set-null": "SET NULL", "guard": "RESTRICT"}


def _column(info: FieldInfo) -> sa.Column:
    if info.type is bool:
        col_type: sa.types.TypeEngine = sa.Boolean(create_constraint=False)
    elif info.type is int:
        col_type = sa.Integer()
    elif info.type is float:
        col_type = sa.Float()
    else:                                  # str and StrEnum values
        col_type = sa.Text()
    args = []
    if info.ref is not None:
        args.append(sa.ForeignKey(f"{info.ref.kind}.id", ondelete=_ON_DELETE[info.ref.on_delete]))
    return sa.Column(info.name, col_type, *args, nullable=info.optional, index=info.ref is not None)


def _table(cls: type[Entity]) -> sa.Table:
    return sa.Table(
        cls.KIND, metadata,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        *(_column(info) for info in field_infos(cls)),
        sqlite_autoincrement=True,         # ids are never reused, so undo can restore them
    )


TABLES: dict[str, sa.Table] = {cls.KIND: _table(cls) for cls in ENTITY_CLASSES}

alembic_version = sa.Table(
    "alembic_version", metadata,
    sa.Column("version_num", sa.String(32), primary_key=True),
)
