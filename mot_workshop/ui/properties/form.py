"""A form for one entity, or for several of the same kind (then only the fields that make
sense for all). Every change is a command: text typed into a field merges into one undo
step; a reorder or a move to another cycle is a Reorder. Invalid input is refused: the
message shows above the form, the field turns red, nothing is saved."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from mot_workshop.domain.registry import entity_class
from mot_workshop.domain.rules import RuleError, normalise
from mot_workshop.editing.command import Macro
from mot_workshop.editing.entities import UpdateEntities, UpdateEntity
from mot_workshop.ui.undo_text import edit_text
from mot_workshop.editing.ordering import Reorder
from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import enum_name
from mot_workshop.ui.properties import fields as F
from mot_workshop.ui.properties.choices import enum_choices, marker_choices, ref_choices
from mot_workshop.ui.properties.kinds import LEVEL_NAMES, SCALE_NAMES, Spec, specs_for

END = 1_000_000     # "at the end" for a Reorder into another list


FIELD_CHARS = 18        # a text field narrower than this shows a word or two; it wraps below its label

class EntityForm(QWidget):
    def __init__(self, session, kind: str, ids: Sequence[int], parent=None):
        super().__init__(parent)
        self.session = session
        self.kind = kind
        self.ids = list(ids)
        self.cls = entity_class(kind)
        self.specs = [s for s in specs_for(kind) if len(self.ids) == 1 or s.multi]
        self.fields: dict[str, F.Field] = {}
        self.message = QLabel()
        self.message.setObjectName("formMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for spec in self.specs:
            field = self._make_field(spec)
            self.fields[spec.name] = field
            if spec.editor in ("text", "long"):      # room for a few words: a narrow panel puts it under its label
                field.widget.setMinimumWidth(field.widget.fontMetrics().averageCharWidth() * FIELD_CHARS)
            field.commit.connect(lambda f=field: self.commit(f))
            field.finished.connect(self.session.undoer.break_merge)
            if spec.editor == "bool":
                form.addRow("", field.widget)
            else:
                label = QLabel(tr(spec.label))
                label.setBuddy(field.widget)
                if spec.editor == "long":       # sentences: the panel's whole width, under the label
                    form.addRow(label)
                    form.addRow(field.widget)
                else:
                    form.addRow(label, field.widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addStretch(1)
        self.refresh()
        if session.read_only:
            for field in self.fields.values():
                field.widget.setEnabled(False)

    def _make_field(self, spec: Spec) -> F.Field:
        info = {i.name: i for i in _infos(self.cls)}.get(spec.name)
        if spec.editor == "text":
            return F.TextField(spec.name, max_len=info.max_len or 500, placeholder=tr(spec.hint) if spec.hint else "")
        if spec.editor == "long":
            return F.LongTextField(spec.name)
        if spec.editor == "level":
            return F.ScoreField(spec.name, {k: tr(v) for k, v in LEVEL_NAMES.items()})
        if spec.editor == "score":
            return F.ScoreField(spec.name, {k: tr(v) for k, v in SCALE_NAMES.items()})
        if spec.editor == "bool":
            return F.BoolField(spec.name, tr(spec.label))
        if spec.editor == "order":
            return F.OrderField(spec.name)
        if spec.editor == "choice":
            return F.ChoiceField(spec.name, enum_choices(info, enum_name))
        if spec.editor == "ref":
            return F.ChoiceField(spec.name, [])
        if spec.editor == "colour":
            from mot_workshop.ui.properties.colour_field import ColourField

            return ColourField(spec.name)
        return F.TextField(spec.name, max_len=40)

    # ------------------------------------------------------------------ reading
    def entities(self) -> list:
        store = self.session.store
        return [e for e in (store.get(self.kind, id) for id in self.ids) if e is not None]

    def refresh(self) -> None:
        """Show the stored values; a field the user is still typing in is left alone."""
        entities = self.entities()
        if not entities:
            return
        for spec in self.specs:
            field = self.fields[spec.name]
            if spec.editor == "ref":
                field.set_choices(ref_choices(self.session.store, self.kind, spec.name, entities))
            if self.kind == "step" and spec.name == "marker":      # the types the shape can carry
                field.set_choices(marker_choices(entities, enum_name))
            if spec.editor == "order":
                scope = {n: getattr(entities[0], n) for n in self.cls.ORDER_SCOPE}
                field.set_count(len(self.session.store.select(self.kind, **scope)))
            if field.dirty and field.widget.hasFocus():
                continue
            values = {_comparable(getattr(e, spec.name)) for e in entities}
            value = getattr(entities[0], spec.name) if len(values) == 1 else F.MIXED
            if spec.editor == "order" and value is not F.MIXED:
                siblings = self.session.store.select(self.kind, **{n: getattr(entities[0], n) for n in self.cls.ORDER_SCOPE})
                value = next((i + 1 for i, s in enumerate(siblings) if s.id == entities[0].id), 1)
            field.set_value(value)
            field.dirty = False
            field.set_invalid(False)

    def show_entities(self, ids: Sequence[int]) -> None:
        """Show other entities of this form's kind (their number on the same side of one):
        what was typed for the ones before is saved or dropped by the caller, so every field
        shows the new values and no refusal is left standing."""
        self.ids = list(ids)
        self.message.hide()
        for field in self.fields.values():
            field.dirty = False
            field.widget.setToolTip("")
        self.refresh()

    # ------------------------------------------------------------------ writing
    def commit(self, field: F.Field) -> bool:
        try:
            command = self.command_for(field.name, field.raw())
        except RuleError as exc:
            self.show_error(str(exc), field)
            return False
        field.dirty = False
        if command is None:
            self.clear_error(field)
            return True
        if self.session.push(command) is None:
            self.refresh()
            return False
        self.clear_error(field)
        return True

    def command_for(self, name: str, raw: Any):
        entities = self.entities()
        if name == "seq":
            index = int(raw) - 1
            scope = {n: getattr(entities[0], n) for n in self.cls.ORDER_SCOPE}
            order = [e.id for e in self.session.store.select(self.kind, **scope)]
            if order.index(self.ids[0]) == index:
                return None
            return Reorder(self.kind, self.ids[0], index, text=tr("Move {kind}", kind=_kind(self.kind)))
        value = normalise(self.cls, {name: raw})[name]
        if all(getattr(e, name) == value for e in entities):
            return None
        if (self.kind, name) in (("touchpoint", "cycle_id"), ("cycle", "parent_id")):
            moves = [Reorder(self.kind, e.id, END, new_scope={name: value}) for e in entities]
            return moves[0] if len(moves) == 1 else Macro(tr("Move {kind}", kind=_kind(self.kind)), moves)
        text = edit_text(self.kind, entities, name, value)
        if len(entities) == 1:
            return UpdateEntity(self.kind, entities[0].id, {name: value}, mergeable=True, text=text)
        return UpdateEntities(self.kind, {e.id: {name: value} for e in entities}, mergeable=True, text=text)

    def show_error(self, text: str, field: F.Field) -> None:
        self.message.setText(text)
        self.message.show()
        field.set_invalid(True)
        field.widget.setToolTip(text)

    def clear_error(self, field: F.Field) -> None:
        if not any(f.widget.property("invalid") for f in self.fields.values() if f is not field):
            self.message.hide()
        field.set_invalid(False)
        field.widget.setToolTip("")

    def flush(self) -> None:
        """Save whatever is still being typed (the selection is about to change)."""
        for field in self.fields.values():
            if field.dirty:
                self.commit(field)


def _infos(cls):
    from mot_workshop.domain.base import field_infos

    return field_infos(cls)


def _kind(kind: str) -> str:
    from mot_workshop.i18n.labels import kind_name

    return kind_name(kind)


def _comparable(value: Any) -> Any:
    return str(value) if value is not None else None
