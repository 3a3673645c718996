"""Starting the window from the command line's arguments."""

from __future__ import annotations

import argparse
import sys


def launch(args: argparse.Namespace) -> int:
    from mot_workshop.i18n import set_language

    if args.lang:
        set_language(args.lang)
    path = args.file
    if args.sample:
        from mot_workshop.paths import sample_copy_path
        from mot_workshop.sample import build_sample

        path = sample_copy_path(args.sample)
        build_sample(path, args.sample, overwrite=True)
    from PySide6.QtWidgets import QApplication

    from mot_workshop.ui.minimal_window import MinimalWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = MinimalWindow(path, read_only=args.read_only)
    window.show()
    return app.exec()
