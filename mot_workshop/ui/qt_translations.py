"""Qt's own texts (file dialogs, message box buttons, context menus of text fields) in the UI
language: PySide6 ships qtbase_<lang>.qm; it is loaded with a QTranslator and swapped on a
language switch."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QTranslator

_installed: QTranslator | None = None


def install(app, lang: str) -> bool:
    """Load Qt's translation for ``lang`` (English needs none). True when one is active."""
    global _installed
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    if lang == "en":
        return False
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(f"qtbase_{lang}", folder):
        return False
    app.installTranslator(translator)
    _installed = translator
    return True
