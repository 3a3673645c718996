"""A client that is shown as connected to a shared workshop until it is killed
(tests/ui/test_team_server.py).

    python -m tests.server.presence_worker URL WORKSHOP_ID NAME MARKER
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from mot_workshop.persistence.server.address import ServerAddress
from mot_workshop.persistence.server.listener import Listener


def main(url: str, workshop_id: str, name: str, marker: str) -> int:
    listener = Listener(ServerAddress.parse(url), int(workshop_id), "worker", lambda *_: None,
                        presence=(name, "Red team")).start()
    assert listener.connected
    Path(marker).write_text("present")
    time.sleep(120)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
