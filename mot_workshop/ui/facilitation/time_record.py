"""Booking the timer's run time on a step (StepProgress.seconds_spent).

The time is recorded with a command run outside the undo stack: it is bookkeeping, not an
edit the facilitator made, and if it were on the stack, Ctrl+Z right after a pause would
silently take back minutes instead of the facilitator's last real edit. Other undo steps
never touch ``seconds_spent`` (updates revert only their own fields), so they stay correct.
"""

from __future__ import annotations

from mot_workshop.editing.entities import CreateEntity, UpdateEntity
from mot_workshop.editing.history import run_execute


def book_time(session, step_no: int, seconds: float, process_id: int | None = None) -> None:
    if session is None or seconds <= 0 or session.read_only or session.pending or session.store.closed:
        return
    rows = session.store.select("step_progress", step_no=step_no)
    if rows:
        command = UpdateEntity("step_progress", rows[0].id, {"seconds_spent": rows[0].seconds_spent + seconds})
    else:
        command = CreateEntity("step_progress", {"step_no": step_no, "seconds_spent": seconds,
                                                 "process_id": process_id})
    try:
        changes = run_execute(session.store, command)
    except Exception:  # noqa: BLE001 - a failed booking must never stop the workshop
        return
    session.bus.changed.emit(changes)
