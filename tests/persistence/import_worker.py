"""Runs one `mot-workshop` import in this process and says how far it got, for the test that
kills it half-way (tests/persistence/test_crash_import.py).

Usage: python import_worker.py ARG ... (the arguments after "mot-workshop")

Prints on stdout ``["progress", DONE, TOTAL]`` each time the import command reports progress (every
few hundred rows, the same reports the window's progress dialog shows; the last one comes
just before the transaction commits) and ``["exit", CODE]`` when the command has returned.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mot_workshop.cli import main  # noqa: E402
from mot_workshop.editing.linked import CreateLinked  # noqa: E402


REPORTS = sys.stdout          # the command's own output goes to stderr (below)


def emit(*parts) -> None:
    print(json.dumps(parts), file=REPORTS, flush=True)


def report(done: int, total: int) -> bool:
    emit("progress", done, total)
    return True


_init = CreateLinked.__init__


def _reporting_init(self, *args, **kwargs) -> None:
    _init(self, *args, **kwargs)
    self.progress = report


if __name__ == "__main__":
    CreateLinked.__init__ = _reporting_init
    sys.stdout = sys.stderr
    code = main(sys.argv[1:])
    emit("exit", code)
