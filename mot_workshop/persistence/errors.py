"""What can be wrong with a workshop file, each with a message a user can act on."""

from __future__ import annotations

from pathlib import Path

from mot_workshop.i18n import tr


class WorkshopFileError(Exception):
    """A file could not be opened or written as a workshop; the file is left as it was."""

    def __init__(self, path: Path | str, message: str):
        super().__init__(message)
        self.path = Path(path)


class FileMissing(WorkshopFileError):
    def __init__(self, path):
        super().__init__(path, tr("{name}: no such file.", name=Path(path).name))


class NotAWorkshopFile(WorkshopFileError):
    """Empty, random bytes, or not SQLite at all."""


class ForeignFile(WorkshopFileError):
    """A SQLite database, but another program's."""

    def __init__(self, path):
        super().__init__(path, tr("{name} is a database of another program, not a MOT Workshop file.",
                                  name=Path(path).name))


class NewerSchema(WorkshopFileError):
    def __init__(self, path, found: int, supported: int):
        super().__init__(path, tr("{name} was written by a newer MOT Workshop (file version {found}; "
                                  "this version reads up to {supported}). Update the app to open it.",
                                  name=Path(path).name, found=found, supported=supported))
        self.found = found


class CorruptFile(WorkshopFileError):
    def __init__(self, path, detail: str):
        super().__init__(path, tr("{name} is damaged and cannot be opened: {detail}",
                                  name=Path(path).name, detail=detail))


class ReadOnlyFile(WorkshopFileError):
    def __init__(self, path):
        super().__init__(path, tr("{name} is read-only. It can be opened for reading only; "
                                  "use Save As to keep working on a copy.", name=Path(path).name))


class FileLocked(WorkshopFileError):
    def __init__(self, path, owner: str):
        super().__init__(path, tr("{name} is already open in another MOT Workshop window ({owner}). "
                                  "It can be opened for reading only.", name=Path(path).name, owner=owner))
        self.owner = owner


class NeedsMigration(WorkshopFileError):
    def __init__(self, path, found: int):
        super().__init__(path, tr("{name} was written by an older MOT Workshop (file version {found}) "
                                  "and must be upgraded; open it for writing to upgrade it.",
                                  name=Path(path).name, found=found))
        self.found = found


class ReadOnlyStore(WorkshopFileError):
    def __init__(self, path):
        super().__init__(path, tr("{name} is open for reading only; changes are not possible.",
                                  name=Path(path).name))


class WriteFailed(WorkshopFileError):
    def __init__(self, path, detail: str):
        super().__init__(path, tr("The change could not be saved to {name}: {detail}",
                                  name=Path(path).name, detail=detail))
        self.detail = detail


class DamagedFile(CorruptFile):
    """Fails SQLite's integrity check: it may be read, never edited in place."""

    def __init__(self, path, problems: list[str]):
        WorkshopFileError.__init__(self, path, tr(
            "{name} is damaged ({detail}). It can be opened for reading only, and a recovered copy "
            "can be made of what is still readable.", name=Path(path).name, detail=problems[0] if problems else "?"))
        self.problems = problems


class BadValues(WorkshopFileError):
    """Holds a value of the wrong type or out of range, written by another program."""

    def __init__(self, path, where: str):
        super().__init__(path, tr(
            "{name} holds a value no version of MOT Workshop writes ({where}); another program changed "
            "the file, so it is not opened. A clean copy can be made of the rest.",
            name=Path(path).name, where=where))
        self.where = where


class ForeignSchema(WorkshopFileError):
    """Holds triggers, views, tables or indexes that MOT Workshop did not create."""

    def __init__(self, path, objects: list[str]):
        from mot_workshop.persistence.health import describe

        super().__init__(path, tr(
            "{name} holds database objects MOT Workshop did not create ({objects}); they could change "
            "or delete data on every edit, so the file is not opened. A clean copy can be made of its "
            "workshop.", name=Path(path).name, objects=describe(objects)))
        self.objects = objects


def recovery_command(exc: BaseException) -> str | None:
    """For a file whose readable part can be saved into a new one (damaged, holding values or
    schema objects another program wrote): the sentence naming the command line that does
    it, which the command line adds to its message. The window offers a button instead."""
    if not isinstance(exc, (CorruptFile, BadValues, ForeignSchema)):
        return None
    return recover_hint(exc.path)


def recover_hint(path: Path | str) -> str:
    import shlex
    import sys

    path = str(Path(path).absolute())
    quoted = f'"{path}"' if sys.platform == "win32" else shlex.quote(path)
    return tr("To save what is readable into a new file: mot-workshop recover {path}", path=quoted)
