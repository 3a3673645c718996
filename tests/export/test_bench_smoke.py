"""The report and analysis benchmarks still run (tiny sizes; no timing asserted)."""

from benchmarks.bench_analysis import main as bench_analysis
from benchmarks.bench_report import main as bench_report


def test_report_benchmark_prints_its_numbers(capsys):
    assert bench_report(["--quick", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "full report" in out and "pages" in out and ("PASS" in out or "FAIL" in out)


def test_analysis_benchmark_prints_its_numbers(capsys):
    assert bench_analysis(["--quick"]) == 0
    out = capsys.readouterr().out
    assert "analyse (map_metrics)" in out and "steps" in out
