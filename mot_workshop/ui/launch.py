"""Starting the window from the command line's arguments (and taking screenshots of it)."""

from __future__ import annotations

import argparse
import os
import sys


def _headless_default(args: argparse.Namespace) -> None:
    """A screenshot needs no screen: without a display, draw offscreen."""
    if (args.screenshot or args.quit_after_paint) and sys.platform.startswith("linux"):
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


READY_TIMEOUT_MS = 20_000


def _size(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    w, _, h = text.lower().partition("x")
    return int(w), int(h)


def ui_language(args: argparse.Namespace, remembered: str) -> str:
    """--lang, else the sample's language (``--sample en`` opens in English), else the last one."""
    return args.lang or getattr(args, "sample", None) or remembered


def launch(args: argparse.Namespace) -> int:
    from mot_workshop import dataclass_code
    from mot_workshop.i18n import DEFAULT_LANGUAGE, set_language

    dataclass_code.install()       # before the modules whose dataclasses the window needs
    _headless_default(args)
    from mot_workshop.ui.platform_check import check

    if problem := check():         # before Qt, which would abort with a misleading message
        print(problem.message(), file=sys.stderr)
        return 1
    batch = bool(args.screenshot or args.quit_after_paint)
    from mot_workshop.ui import plain_import

    plain_import.restore()         # PySide loads here; what is imported after needs no source read
    from mot_workshop.ui.settings import Settings

    settings = Settings()
    lang = ui_language(args, settings.language or DEFAULT_LANGUAGE)
    set_language(lang)
    from mot_workshop.ui import messages
    from mot_workshop.ui.app import create_app

    messages.batch_mode = batch
    app = create_app(lang)
    from mot_workshop.ui.qt_translations import install as install_qt_translations

    install_qt_translations(app, lang)
    from mot_workshop.ui.main_window import DEFAULT_SIZE, MainWindow

    window = MainWindow(settings, remember=not batch)
    from mot_workshop.ui.file_open_events import open_files_sent_by_the_system

    open_files_sent_by_the_system(app, window)
    opened = True
    if args.sample:
        opened = window.files.open_sample(args.sample)
    elif args.file and str(args.file).startswith(("postgresql://", "postgres://")):
        from mot_workshop.ui.team_server.opening import connect_and_choose

        window.show()
        opened = connect_and_choose(window, args.file)      # choose a workshop on that server
    elif args.file:
        # a screenshot waits for nothing; otherwise paint first and open the store right after
        opened = window.files.open_path(args.file, read_only=args.read_only, quick=not args.screenshot)
    if batch:
        if (args.sample or args.file) and not opened:
            return 1
        from mot_workshop.ui.views import ViewError

        try:
            show_view(window, args.view)
        except ViewError as exc:
            print(f"mot-workshop: error: {exc}", file=sys.stderr)
            return 2
        window.resize(*(_size(args.size) or DEFAULT_SIZE))
        if args.screenshot:
            window.complete_now()      # a picture shows the window complete, not its first frame
    window.show()
    if batch:
        return _run_batch(app, window, args)
    return app.exec()


def show_view(window, view: str | None) -> None:
    from mot_workshop.ui.views import ViewError, find_cycle, parse_view

    spec = parse_view(view)
    if spec.kind == "start":
        return
    if window.session is None:
        raise ViewError("a cycle view needs a workshop file")
    if spec.kind == "step":
        window.wizard_host.open_step(int(spec.target))
        return
    if spec.kind == "present":
        if spec.target:
            show_view(window, spec.target)
        window.wizard_host.toggle_presentation(full_screen=False)
        return
    if spec.kind == "map":
        from mot_workshop.ui.views import find_map

        window.open_map(find_map(window.session.store, spec.target).id)
        return
    cycle = find_cycle(window.session.store, spec.target)
    window.open_cycle(cycle.id, mode="journey" if spec.kind == "journey" else "ring")


def _run_batch(app, window, args) -> int:
    from mot_workshop.ui.screenshot import after_first_paint, save_window

    result = {"code": 0}

    def painted() -> None:
        if args.quit_after_paint:          # benchmarks: when the first full paint happened…
            import time

            print(f"painted {time.time():.6f}", flush=True)
            _when_ready(window, done)
        else:
            done()

    def done() -> None:
        if args.quit_after_paint:          # …and when every panel was built and the file opened
            import time

            print(f"ready {time.time():.6f}", flush=True)
        if args.screenshot:
            if not save_window(window, args.screenshot):
                print(f"mot-workshop: error: could not write {args.screenshot}", file=sys.stderr)
                result["code"] = 1
            else:
                print(f"wrote {args.screenshot}")
        window.close()
        app.exit(result["code"])

    after_first_paint(window, painted, settle_ms=0 if args.quit_after_paint and not args.screenshot else 80)
    code = app.exec()
    return result["code"] or code


def _when_ready(window, callback, waited_ms: int = 0) -> None:
    """Call ``callback`` once the window has built its panels and opened its file for real
    (or after READY_TIMEOUT_MS: a batch run never hangs)."""
    from PySide6.QtCore import QTimer

    session = window.session
    if (window.panels_built and (session is None or not session.pending)) or waited_ms >= READY_TIMEOUT_MS:
        callback()
    else:
        QTimer.singleShot(2, lambda: _when_ready(window, callback, waited_ms + 2))
