from mot_workshop.domain.enums import Viewpoint
from mot_workshop.domain.method import cs_checkpoints, step, steps, viewpoints
from mot_workshop.i18n import set_language


def test_eight_steps_in_order_with_questions():
    all_steps = steps()
    assert [s.number for s in all_steps] == list(range(1, 9))
    assert all(s.guiding_questions for s in all_steps)
    assert step(3).title == "As-Is mapping"
    assert step(5).guiding_questions == tuple(cs_checkpoints())


def test_every_viewpoint_has_a_row_and_there_are_eight_check_points():
    assert set(viewpoints()) == set(Viewpoint)
    assert len(cs_checkpoints()) == 8


def test_method_texts_follow_the_language():
    set_language("ko")
    assert step(6).title == "저해요인 분석"
    assert "고객중심" in cs_checkpoints()[0]
