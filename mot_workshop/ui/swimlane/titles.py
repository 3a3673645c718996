"""The names of process maps as the user reads them: "불만품을 교환한다 · As-Is"."""

from __future__ import annotations

from mot_workshop.i18n.labels import enum_name


def map_title(process, process_map) -> str:
    kind = enum_name(process_map.kind)
    name = process.name if process is not None else ""
    if process_map.title:
        title = process_map.title
        return title if kind.casefold() in title.casefold() or str(process_map.kind) in title.casefold() \
            else f"{title} · {kind}"
    return f"{name} · {kind}" if name else kind
