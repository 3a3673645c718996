"""The store's side of the room: takes the phones' actions in arrival order on the thread
that owns the workshop file, turns each into a command pushed through the same path as a
local edit, and publishes the room's state after each batch.

It knows no web server and no Qt: the window wakes it through a queued signal, the headless
``room`` job from its own loop; the server only ever sees the plain data it publishes.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from mot_workshop.domain.rules import RuleError
from mot_workshop.editing.command import Command
from mot_workshop.room import actions
from mot_workshop.room import state
from mot_workshop.room.activity import Activity
from mot_workshop.room.batch import RoomBatch
from mot_workshop.room.checks import EDITS, Checker
from mot_workshop.room.vote_edits import VoteRows

if TYPE_CHECKING:
    from mot_workshop.persistence.store import Store

Push = Callable[[Command], bool]          # run and record a command; False if it failed


class RoomHost:
    def __init__(self, store: Callable[[], Store], push: Push, *, code: str, typed_names: bool = False,
                 activity: Activity | None = None):
        self.store = store
        self.push = push
        self.code = code
        self.typed_names = typed_names
        self.activity = activity or Activity()
        self.inbox: queue.SimpleQueue[tuple[str, Any, Future]] = queue.SimpleQueue()
        self.wake: Callable[[], None] = lambda: None      # set by whoever runs drain()
        self.published: Callable[[int, dict], None] = lambda version, data: None
        self.version = 0
        self.last: dict = {}
        self.blocked: set[str] = set()                    # devices the facilitator closed the room to
        self._lock = threading.Lock()

    # ---------------------------------------------------------------- any thread
    def submit(self, kind: str, payload: Any) -> Future:
        """Queue a phone's action (kind "action") or a control request; answered by drain()."""
        future: Future = Future()
        self.inbox.put((kind, payload, future))
        self.wake()
        return future

    # ---------------------------------------------------------------- the store's thread
    def drain(self) -> int:
        """Apply everything queued, in order, then publish once. Returns how many were answered.

        Edits that arrive together are checked one by one (budgets counted as they go) and
        the accepted ones saved as one batch command: one write to disk for a full room."""
        answers: list[tuple[Future, dict]] = []
        batch: list[tuple[Future, actions.Action]] = []
        checker = None
        while True:
            try:
                kind, payload, future = self.inbox.get_nowait()
            except queue.Empty:
                break
            if not future.set_running_or_notify_cancel():
                continue
            try:
                if kind == "action" and payload.op in EDITS:
                    checker = checker or Checker(self.store(), self.activity)
                    refusal = checker.check(payload)
                    if refusal is None:
                        batch.append((future, payload))
                    else:
                        answers.append((future, refusal))
                    continue
                answers += self._flush(batch)
                batch, checker = [], None
                answers.append((future, self._apply(kind, payload)))
            except Exception as exc:  # noqa: BLE001 - the phone gets an answer, the room goes on
                answers.append((future, {"ok": False, "code": "failed", "error": str(exc)}))
        answers += self._flush(batch)
        if answers:
            self.publish()              # first, so a phone that hears "saved" then reads sees it
        for future, answer in answers:
            future.set_result(answer)
        return len(answers)

    def _flush(self, batch: list[tuple[Future, actions.Action]]) -> list[tuple[Future, dict]]:
        if not batch:
            return []
        if self._push_batch([action for _, action in batch]):
            return [(future, {"ok": True}) for future, _ in batch]
        # something in it failed after all: each on its own, so only that one is refused
        return [(future, {"ok": True} if self._push_batch([action]) else {"ok": False, "code": "refused",
                                                                             "error": ""})
                for future, action in batch]

    def _push_batch(self, edits: list[actions.Action]) -> bool:
        activity = self.activity
        rows = VoteRows(activity.target)

        def build(store, action: actions.Action):
            if action.op in ("vote", "unvote"):         # checked already: budget, target, a dot to take
                return rows.command(store, action.voter, action.target_id, action.op == "vote")
            return actions.command_for(store, activity, action)

        builders = [(action.name, lambda store, a=action: build(store, a)) for action in edits]
        try:
            return bool(self.push(RoomBatch(builders)))
        except Exception:  # noqa: BLE001 - rolled back, never in the history; the phones are told
            return False

    def _apply(self, kind: str, payload: Any) -> dict:
        if kind == "activity":
            self.set_activity(payload, publish=False)
            return {"ok": True}
        action: actions.Action = payload
        store = self.store()
        if store.closed or store.read_only:
            return {"ok": False, "code": "closed", "error": "the workshop is not open for writing"}
        try:
            if action.op == "join":
                return self._join(store, action)
        except RuleError as exc:
            return {"ok": False, "code": "refused", "error": str(exc)}
        return {"ok": False, "code": "refused", "error": ""}

    def _join(self, store: Store, action: actions.Action) -> dict:
        if action.voter:                                  # picked from the list
            return {"ok": True, "voter": action.voter, "name": actions.voter_name(store, action.voter)}
        if not self.typed_names:
            return {"ok": False, "code": "pick-name", "error": ""}
        same = [p for p in store.select("participant") if p.name.casefold() == action.name.casefold()]
        if same:
            return {"ok": True, "voter": f"p:{same[0].id}", "name": same[0].name}
        command = actions.join(store, action.name)
        if not self.push(command):
            return {"ok": False, "code": "refused", "error": ""}
        return {"ok": True, "voter": f"p:{command.id}", "name": action.name}

    def set_activity(self, activity: Activity, *, publish: bool = True) -> None:
        self.activity = activity
        if publish:
            self.publish()

    def publish(self) -> dict:
        """Read the room's state now and hand it to the server (and to whoever listens)."""
        store = self.store()
        if store.closed:
            return self.last
        with self._lock:
            self.version += 1
            self.last = state.build(store, self.activity, code=self.code, typed_names=self.typed_names)
            self.last["version"] = self.version
            version, data = self.version, self.last
        self.published(version, data)
        return data
