from mot_workshop.editing.changes import Changes


def test_created_then_deleted_is_gone():
    made = Changes.of(created=[("step", 1)])
    gone = Changes.of(deleted=[("step", 1)], updated=[("lane", 2)])
    both = made | gone
    assert not both.created and not both.deleted
    assert both.updated == {("lane", 2)}


def test_deleted_then_recreated_is_an_update_free_creation():
    both = Changes.of(deleted=[("step", 1)]) | Changes.of(created=[("step", 1)])
    assert both.created == {("step", 1)} and not both.deleted


def test_kinds_and_ids():
    c = Changes.of(created=[("step", 1)], updated=[("flow", 4), ("step", 2)])
    assert c.kinds == {"step", "flow"}
    assert c.touches("flow") and not c.touches("lane")
    assert c.ids("step") == {1, 2}
    assert bool(c) and not bool(Changes())
