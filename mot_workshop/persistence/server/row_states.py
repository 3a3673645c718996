"""Which state of a row each of this client's undo steps expects (the optimistic check).

Every row version PostgreSQL writes carries the id of the transaction that wrote it
(``xmin``). This client labels the versions it writes with the state they stand for:
"after step S" when S executes or is redone, and, when S is undone, the state the row was
in before S (which may be someone else's). Undoing S is allowed only on rows still in the
state "after S"; redoing S only on rows still in the state "before S". So after A edits a
row, B edits it, and A edits it again, A may undo the second edit (back to B's text) but
not the first (it would overwrite B's): the row is then in B's state, not "after A's
first edit". Deleted rows have the state of whoever deleted them last. The rows are
checked (and locked) before the step writes anything: the server's own cascades (a
reference set to NULL with its parent's deletion) make versions of their own.
"""

from __future__ import annotations

from collections.abc import Hashable

Key = tuple[str, int]
Label = tuple


class RowStates:
    def __init__(self) -> None:
        self._labels: dict[tuple, Label] = {}     # (kind, id, xmin or None when deleted) → state
        self._before: dict[int, dict[Key, Label]] = {}   # step → each row's state before it
        self._alias: dict[int, int] = {}            # a step merged into an older one → that one
        self._step: int | None = None
        self._mode = ""                              # "execute", "undo" or "redo"
        self._seen: set[Key] = set()                 # rows already written in this transaction
        self._new_labels: dict[tuple, Label] = {}
        self._new_before: dict[Key, Label] = {}
        self._latest: dict[Key, Label] = {}         # the state of the last version we know of
        self._xid: str | None = None                 # this transaction's id, once a write told it

    # ------------------------------------------------------------------ one transaction
    def begin(self, step: Hashable | None, mode: str) -> None:
        if mode == "execute":          # a new step (an id of a step long gone may come again)
            self._alias.pop(step, None)
            self._before.pop(step, None)
        self._step, self._mode = (self._root(step), mode) if step is not None else (None, "")
        self._seen, self._new_labels, self._new_before, self._xid = set(), {}, {}, None

    def commit(self) -> None:
        self._labels.update(self._new_labels)
        for (kind, id, _), label in self._new_labels.items():
            self._latest[(kind, id)] = label
        if self._step is not None and self._new_before:
            before = self._before.setdefault(self._step, {})
            for key, label in self._new_before.items():
                before.setdefault(key, label)
        self.begin(None, "")

    def abort(self) -> None:
        self.begin(None, "")

    # ------------------------------------------------------------------ checking and writing
    def to_check(self) -> list[Key]:
        """Undo and redo: the rows the step wrote before, to check before it writes again."""
        if self._mode not in ("undo", "redo"):
            return []
        return sorted(self._before.get(self._step, {}))

    def matches(self, key: Key, xmin: str | None) -> bool:
        return self._resolve(self.label(key, xmin)) == self._resolve(self._expected(key))

    def saw_xid(self, xid: str) -> None:
        self._xid = xid

    def wrote(self, key: Key, old: str | None, new: str | None) -> None:
        """This transaction wrote ``key``: its version before (``old``) and now (``new``;
        None when deleted). The xmin of all versions written in one transaction is the same."""
        if self._step is None:
            return
        first = key not in self._seen
        self._seen.add(key)
        if first and self._mode != "undo":
            # a version this very transaction made (the server's cascade) hides the one before
            before = self._latest.get(key, ("foreign", key, old)) if old == self._xid else self.label(key, old)
            self._new_before.setdefault(key, before)
        if self._mode == "undo":
            label = self._before.get(self._step, {}).get(key)
        else:
            label = ("after", self._step, key)
        if label is not None:
            self._new_labels[(*key, new)] = label

    def label(self, key: Key, xmin: str | None) -> Label:
        found = self._new_labels.get((*key, xmin)) or self._labels.get((*key, xmin))
        if found is not None:
            return found
        return ("absent", key) if xmin is None else ("foreign", key, xmin)

    # ------------------------------------------------------------------ merged steps
    def merged(self, older: Hashable, newer: Hashable) -> None:
        """``newer`` was absorbed into ``older`` (typing in one field is one undo step)."""
        older, newer = self._root(older), self._root(newer)
        if older == newer:
            return
        self._alias[newer] = older
        before = self._before.setdefault(older, {})
        for key, label in self._before.pop(newer, {}).items():
            before.setdefault(key, label)

    def _root(self, step: Hashable) -> Hashable:
        while step in self._alias:
            step = self._alias[step]
        return step

    def _expected(self, key: Key) -> Label | None:
        if self._mode == "undo":
            return ("after", self._step, key)
        return self._before.get(self._step, {}).get(key)

    def _resolve(self, label: Label | None) -> Label | None:
        if label is not None and label[0] == "after":
            return ("after", self._root(label[1]), label[2])
        return label
