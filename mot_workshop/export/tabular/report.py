"""What a table import did, in words, for the command line and the window alike."""

from __future__ import annotations

from mot_workshop.i18n import plural


def imported_rows(count: int, skipped: int) -> str:
    """"Imported 1 row." / "Imported 3 rows. Skipped 1 bad row." """
    done = plural(count, "Imported {count} row.", "Imported {count} rows.")
    if not skipped:
        return done
    return done + " " + plural(skipped, "Skipped {count} bad row.", "Skipped {count} bad rows.")


def bad_rows_question(bad: int, good: int) -> str:
    return plural(bad, "1 row has errors.", "{count} rows have errors.") + " " + plural(
        good, "Import the good row and skip the others?", "Import the {count} good rows and skip the others?")
