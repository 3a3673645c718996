"""The workshop's tables as a team server holds them: the file's model (persistence/schema.py)
with 64-bit integers — SQLite's INTEGER is 64-bit, PostgreSQL's 32-bit, and a value the file
holds must fit on the server — and references a command may have checked at commit."""

from __future__ import annotations

import sqlalchemy as sa

from mot_workshop.persistence.schema import metadata


def _server_metadata() -> sa.MetaData:
    copy = sa.MetaData()
    for table in metadata.sorted_tables:
        table.to_metadata(copy)
    for table in copy.sorted_tables:
        for column in table.columns:
            if type(column.type) is sa.Integer:
                column.type = sa.BigInteger()
        for fk in table.foreign_key_constraints:
            fk.deferrable, fk.initially = True, "IMMEDIATE"
    return copy


server_metadata = _server_metadata()
TABLES: dict[str, sa.Table] = {name: table for name, table in server_metadata.tables.items()
                               if name != "alembic_version"}
