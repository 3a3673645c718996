"""Budget: start to first painted main window on the sample workshop ≤ 2.5 × a bare window.

Each run is a fresh process, as a user starts the app: ``python -m mot_workshop SAMPLE``
(``--quit-after-paint``: the window opens on the Korean sample workshop, shows its overview,
prints the wall-clock time of its first full paint, then of the moment it is complete — side
panels built and the real store open — and closes), and, in the same run, a bare
PySide6 ``QMainWindow`` of the same size shown and closed the same way. Both are timed from
just before the process is spawned to the first paint (interpreter start, imports, building
the window, opening the file), and to the process's exit. The runs alternate so both see the
same machine state. Budget: median app first paint ≤ 2.5 × median bare first paint. The
"complete" column is reported, not budgeted: it is what the user waits for before the side
panels react.

    python benchmarks/bench_startup.py            # 9 runs of each
    python benchmarks/bench_startup.py --quick    # 2 runs of each
    python benchmarks/bench_startup.py --imports  # also: which imports the window costs

Exit status 0, or 1 with --strict when over budget.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BUDGET_RATIO = 2.5

BARE = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1440, 900)
class FirstPaint(QObject):
    done = False
    def eventFilter(self, obj, event):
        if obj is window and event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, self.fire)
        return False
    def fire(self):
        print(f"painted {time.time():.6f}", flush=True)
        window.close()
        app.quit()
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
sys.exit(app.exec())
"""


def run_child(args: list[str], env: dict) -> tuple[float, float, float]:
    """(ms to first paint, ms to complete, ms to exit) of one fresh process."""
    started = time.time()
    result = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120)
    ended = time.time()
    painted = [line for line in result.stdout.splitlines() if line.startswith("painted ")]
    ready = [line for line in result.stdout.splitlines() if line.startswith("ready ")] or painted
    if result.returncode != 0 or not painted:
        raise RuntimeError(f"{args} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return ((float(painted[0].split()[1]) - started) * 1000, (float(ready[0].split()[1]) - started) * 1000,
            (ended - started) * 1000)


def import_costs(env: dict) -> str:
    """The heaviest imports of the app's start (python -X importtime)."""
    code = ("import sys; sys.argv=['mot-workshop', '--help'];"
            "import mot_workshop.ui.main_window, mot_workshop.persistence.store")
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", code], env=env,
                            capture_output=True, text=True, timeout=120)
    rows = []
    for line in result.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((int(parts[1]), parts[2].rstrip()))
    rows.sort(reverse=True)
    heavy = [name for _, name in rows]
    banned = [m for m in ("matplotlib", "reportlab", "networkx") if any(n.strip() == m for n in heavy)]
    lines = [f"  {us / 1000:8.1f} ms  {name}" for us, name in rows[:12]]
    lines.append("  heavy libraries loaded at start: " + (", ".join(banned) if banned else "none"))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Start to first painted window, vs a bare QMainWindow.")
    parser.add_argument("--quick", action="store_true", help="2 runs of each instead of 9")
    parser.add_argument("--runs", type=int, default=None)
    parser.add_argument("--strict", action="store_true", help="exit 1 when over budget")
    parser.add_argument("--imports", action="store_true", help="list the costliest imports of the start")
    args = parser.parse_args(argv)
    runs = args.runs or (2 if args.quick else 9)

    with tempfile.TemporaryDirectory(prefix="mot-bench-start-") as tmp:
        folder = Path(tmp)
        # An installed app runs from compiled bytecode (and its compiled dataclass methods,
        # kept beside it): let the children cache both (in the temporary folder, not in the
        # source tree), and warm the cache before timing.
        env = dict(os.environ, MOT_WORKSHOP_SETTINGS=str(folder / "settings.ini"),
                   MOT_WORKSHOP_DATA=str(folder / "data"), PYTHONPYCACHEPREFIX=str(folder / "pycache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
            env.setdefault("QT_QPA_PLATFORM", "offscreen")
        sample = folder / "sample.motw"
        from mot_workshop.sample import build_sample

        build_sample(sample, "ko")
        app_cmd = [sys.executable, "-m", "mot_workshop", str(sample), "--quit-after-paint"]
        bare_cmd = [sys.executable, "-c", BARE]
        run_child(bare_cmd, env)          # warm the file cache for both (untimed)
        run_child(app_cmd, env)
        bare, app = [], []
        for _ in range(runs):
            bare.append(run_child(bare_cmd, env))
            app.append(run_child(app_cmd, env))

        bare_paint = statistics.median(p for p, _, _ in bare)
        app_paint = statistics.median(p for p, _, _ in app)
        ratio = app_paint / bare_paint
        ok = ratio <= BUDGET_RATIO
        print(f"platform: {env.get('QT_QPA_PLATFORM', 'default')}, {runs} runs each, medians")
        print(f"{'':34}{'first paint':>14}{'complete':>12}{'to exit':>12}")
        for name, runs_ in (("bare QMainWindow", bare), ("MOT Workshop on the sample", app)):
            paint, ready, ended = (statistics.median(r[i] for r in runs_) for i in range(3))
            print(f"{name:34}{paint:11.1f} ms{ready:9.1f} ms{ended:9.1f} ms")
        print(f"ratio (first paint): {ratio:.2f} × — budget ≤ {BUDGET_RATIO} × — {'PASS' if ok else 'FAIL'}")
        if args.imports:
            print("costliest imports at start:")
            print(import_costs(env))
    return 1 if args.strict and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
