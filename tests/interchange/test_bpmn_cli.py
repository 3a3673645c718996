"""`mot-workshop export-bpmn` and `import-bpmn` from the command line."""

from __future__ import annotations

import pytest

from mot_workshop.cli import main
from mot_workshop.persistence.store import Store
from mot_workshop.sample import build_sample
from tests.interchange.bpmn_support import CORPUS


@pytest.fixture
def sample_path(tmp_path):
    return build_sample(tmp_path / "sample.motw", "ko")


def test_export_then_import_through_the_cli(sample_path, tmp_path, capsys):
    out = tmp_path / "as-is.bpmn"
    assert main(["export-bpmn", str(sample_path), "--map", "불만품을 교환한다/as-is", "-o", str(out), "--lang", "en"]) == 0
    assert out.read_bytes().startswith(b"<?xml")
    assert main(["import-bpmn", str(sample_path), str(out), "--process", "불만품을 교환한다",
                 "--kind", "to-be", "--lang", "en"]) == 0
    text = capsys.readouterr().out
    assert "Imported 16 steps, 17 flows and 5 lanes as the To-Be map of '불만품을 교환한다'." in text
    with Store.open(sample_path, read_only=True) as store:
        assert len(store.select("process_map", process_id=1, kind="to-be")) == 2
    # two To-Be maps now: the name is ambiguous, the id is not
    assert main(["export-bpmn", str(sample_path), "--map", "불만품을 교환한다/to-be", "-o", str(out), "--lang", "en"]) == 1
    assert "give the map id" in capsys.readouterr().err
    assert main(["export-bpmn", str(sample_path), "--map", "4", "-o", str(out), "--lang", "en"]) == 0


@pytest.mark.parametrize("ref, message", [("없는 프로세스/as-is", "No process named"),
                                          ("불만품을 교환한다/sideways", "PROCESS/KIND"),
                                          ("999", "no map with id")])
def test_bad_map_names_are_user_errors(sample_path, tmp_path, capsys, ref, message):
    assert main(["export-bpmn", str(sample_path), "--map", ref, "-o", str(tmp_path / "x.bpmn"), "--lang", "en"]) == 1
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x.bpmn").exists()


def test_import_reports_what_was_left_out(sample_path, capsys):
    assert main(["import-bpmn", str(sample_path), str(CORPUS / "camunda-5.16-kitchen-sink.bpmn"), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Collapsed into their sub-process: events 13" in out
    assert "message flow 2" in out and "text annotation 1" in out
    assert main(["check", str(sample_path)]) == 0
