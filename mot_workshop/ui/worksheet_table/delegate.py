"""Editors per column type: a drop-down list for choices, a line for the rest."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QStyledItemDelegate

from mot_workshop.ui.worksheet_table.cells import choices


class CellDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):
        info = index.model().info(index.column())
        if info is not None and info.is_enum:
            combo = QComboBox(parent)
            for label, value in choices(info):
                combo.addItem(label, value)
            return combo
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor, index):
        if isinstance(editor, QComboBox):
            current = index.model().data(index, 256)    # Qt.UserRole: the stored value
            found = editor.findData(None if current is None else str(current))
            editor.setCurrentIndex(max(0, found))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData() or "")
            return
        super().setModelData(editor, model, index)
