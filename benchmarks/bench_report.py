"""Budget: the full session report of a sample-sized workshop, in process, ≤ 2 s.

Builds the sample workshop (``mot_workshop.sample`` when it is installed, else the
sample-like workshop of ``sample_like.py``), reads it once, then times ``export_report``
(analysis, charts, maps, tables, contents, every page) end to end. The first run also pays
the one-time imports (matplotlib, reportlab) and font loading; it is printed apart.

Both wall time and the process's CPU time are printed. The report is built on one thread,
so on a quiet machine the two agree; on a busy one wall time also counts the time other
programs held the processor, so the verdict is taken on CPU time.

    python benchmarks/bench_report.py [--quick] [--strict] [--lang ko|en] [--paper a4|a3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

BUDGET_S = 2.0


def build_workshop(path: Path, lang: str) -> str:
    try:
        from mot_workshop.sample import build_sample

        build_sample(path, lang, overwrite=True)
        return "sample"
    except ImportError:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import sample_like

        sample_like.build(path, lang)
        return "sample-like"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one timed run (a smoke test)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when over budget")
    parser.add_argument("--lang", choices=("ko", "en"), default="ko")
    parser.add_argument("--paper", choices=("a4", "a3"), default="a4")
    args = parser.parse_args(argv)
    from mot_workshop.export.pdf.report import export_report
    from mot_workshop.persistence.store import Store

    runs = 1 if args.quick else 5
    with tempfile.TemporaryDirectory() as folder:
        src = Path(folder) / "workshop.motw"
        kind = build_workshop(src, args.lang)
        with Store.open(src, read_only=True) as store:
            snapshot = store.snapshot()
        times, cpu = [], []
        for i in range(runs + 1):
            t0, c0 = time.perf_counter(), time.process_time()
            out = export_report(Path(folder) / "report.pdf", snapshot, lang=args.lang, paper=args.paper)
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        size = out.stat().st_size
        from pypdf import PdfReader

        pages = len(PdfReader(str(out)).pages)
    warm, warm_cpu = times[1:], cpu[1:]
    verdict = "PASS" if statistics.median(warm_cpu) <= BUDGET_S else "FAIL"
    print(f"workshop: {kind} ({args.lang}), report: {pages} pages, {size / 1024:.0f} KB, paper {args.paper}")
    print(f"{'measure':<34}{'median s':>10}{'worst s':>10}{'budget':>10}  verdict")
    print(f"{'first report, wall (imports, fonts)':<34}{times[0]:>10.2f}{times[0]:>10.2f}{'':>10}")
    print(f"{'first report, CPU':<34}{cpu[0]:>10.2f}{cpu[0]:>10.2f}{'':>10}")
    print(f"{'full report, wall':<34}{statistics.median(warm):>10.2f}{max(warm):>10.2f}{'':>10}")
    print(f"{'full report, CPU':<34}{statistics.median(warm_cpu):>10.2f}{max(warm_cpu):>10.2f}"
          f"{BUDGET_S:>10.1f}  {verdict}")
    return 1 if args.strict and verdict == "FAIL" else 0


if __name__ == "__main__":
    sys.exit(main())
