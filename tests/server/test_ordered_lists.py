"""Adding to the same list at once: people appending to one sibling list on a team server
touch only their own new rows, so they never wait for each other."""

from __future__ import annotations

import threading

from mot_workshop.editing.entities import CreateEntity, DeleteEntity
from mot_workshop.editing.history import History, run_execute
from mot_workshop.persistence.server.server import Server


def test_two_people_appending_to_one_list_do_not_wait_for_each_other(pg_url):
    with Server(pg_url) as server:
        a = server.create(title="Appending", language="en")
        b = server.open("Appending")
        try:
            history_a = History(a)
            cycle = CreateEntity("cycle", {"name": "Parking"})
            history_a.push(cycle)
            for n in range(3):
                history_a.push(CreateEntity("touchpoint", {"cycle_id": cycle.id, "name": f"TP {n}"}))
            middle = a.select("touchpoint", cycle_id=cycle.id)[1].id
            history_a.push(DeleteEntity("touchpoint", middle))      # a gap in the numbering
            with a.transaction():                                    # A is still adding…
                CreateEntity("touchpoint", {"cycle_id": cycle.id, "name": "from A"}).execute(a)
                done = threading.Event()
                worker = threading.Thread(target=lambda: (run_execute(
                    b, CreateEntity("touchpoint", {"cycle_id": cycle.id, "name": "from B"})), done.set()))
                worker.start()
                assert done.wait(20), "B waited for A's transaction"    # …and B adds meanwhile
                worker.join()
            names = [t.name for t in b.select("touchpoint", cycle_id=cycle.id)]
            assert names[:2] == ["TP 0", "TP 2"] and sorted(names[2:]) == ["from A", "from B"]
        finally:
            a.close()
            b.close()
