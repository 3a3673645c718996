"""The layout benchmark still runs (tiny size; no timing asserted)."""

from benchmarks.bench_layout import main


def test_layout_benchmark_prints_its_numbers(capsys):
    assert main(["--quick"]) == 0
    out = capsys.readouterr().out
    assert "re-route all connectors" in out and "routes crossing a shape" in out
