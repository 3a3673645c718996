from mot_workshop.analysis.completeness import completeness
from mot_workshop.editing.entities import UpdateEntity
from tests.world import build_world


def test_an_empty_workshop_is_incomplete_everywhere(store):
    steps = completeness(store.snapshot(), None)
    assert [s.number for s in steps] == list(range(1, 9))
    assert not any(s.complete for s in steps)
    assert "Processes listed" in steps[0].missing


def test_filling_a_worksheet_completes_its_step(history, store):
    w = build_world(history)
    proc = w.id("process")
    before = {s.number: s for s in completeness(store.snapshot(), proc)}
    assert not before[6].complete and "Each obstacle has a solution" in before[6].missing
    history.push(UpdateEntity("obstacle", w.id("obstacle"), {"solution": "Empower staff"}))
    after = {s.number: s for s in completeness(store.snapshot(), proc)}
    assert after[6].complete and after[6].ratio == 1.0
    assert before[5].missing == ["To-Be map drawn", "To-Be map runs from start to end without dead ends"]


def test_the_as_is_map_must_run_from_start_to_end(history, store):
    w = build_world(history)
    checks = {c.label: c.done for c in completeness(store.snapshot(), w.id("process"))[2].checks}
    assert checks["As-Is map drawn"] is True
    assert checks["As-Is map runs from start to end without dead ends"] is False   # the world has no start


def test_every_check_is_korean_in_the_korean_ui(history, store, monkeypatch):
    from mot_workshop.i18n import catalog

    w = build_world(history)
    monkeypatch.setitem(catalog("ko"), "As-Is", "AS-IS")          # the kind follows its own entry
    steps = completeness(store.snapshot(), w.id("process"), lang="ko")
    labels = [c.label for s in steps for c in s.checks]
    assert "AS-IS 맵 작성" in labels
    for label in labels:                                        # no English sentence leaks through
        assert any("\uac00" <= ch <= "\ud7a3" for ch in label), label
