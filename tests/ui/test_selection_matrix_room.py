"""Step 1's selection matrix as the window shows it: every process name clear of the axis
titles, the tick labels and the other names, the legend whole inside the widget, on a
1024×768 and a 1440×900 window, in Korean and English, for the sample and for a new
workshop with long names — and the figure is drawn at the size the widget shows (a figure
built larger and squeezed by the canvas moved the names off their places)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from mot_workshop.editing.entities import CreateEntity
from mot_workshop.editing.history import History
from mot_workshop.persistence.store import Store

LONG = {
    "en": ["Exchange defective goods bought in any of our branch stores", "Refund purchases paid by card or cash",
           "Handle customer complaints received by phone and e-mail", "Settle parking fees at the exit gate",
           "Sell gift certificates to corporate customers", "Deliver purchased goods to the customer's home",
           "Train new sales associates in their first week", "Repair appliances under warranty"],
    "ko": ["모든 지점에서 구매한 불량 상품을 교환한다", "카드나 현금으로 결제한 구매 대금을 환불한다",
           "전화와 전자우편으로 접수한 고객 불만을 처리한다", "출구에서 주차요금을 정산한다",
           "기업 고객에게 상품권을 판매한다", "구매한 상품을 고객의 집까지 배송한다",
           "신입 판매사원을 첫 주에 교육한다", "보증 기간 안의 가전제품을 수리한다"],
}
SCORES = [(4, 5), (3, 3), (3, 4), (5, 4), (4, 2), (3, 3), (4, 3), (1, 3)]   # (feasibility, innovation)


def long_names_file(path, lang: str):
    store = Store.create(path, title="Workshop", language=lang)
    try:
        history = History(store)
        for i, (name, (feasibility, innovation)) in enumerate(zip(LONG[lang], SCORES)):
            history.push(CreateEntity("process", {"name": name, "feasibility": feasibility, "innovation": innovation,
                                                  "selected": i in (0, 3)}))
    finally:
        store.close()
    return path


def settled_chart(window, qtbot):
    """Step 1 opened, its matrix tab clicked, the chart built at the widget's final size."""
    window.wizard_host.open_step(1)
    page = window.wizard_host.wizard().pages[1]
    tabs = page.chart.parentWidget().parentWidget()
    bar = tabs.tabBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
    chart = page.chart
    qtbot.waitUntil(lambda: chart.canvas is not None and chart.isVisible())
    qtbot.waitUntil(lambda: not chart._timer.isActive() and chart._built_size == chart.size(), timeout=5000)
    qtbot.wait(200)                       # a late resize of the splitter restarts the timer
    qtbot.waitUntil(lambda: not chart._timer.isActive() and chart._built_size == chart.size(), timeout=5000)
    return chart


def check_matrix(chart, names: list[str]) -> None:
    from matplotlib.text import Annotation, Text

    canvas = chart.canvas
    figure = canvas.figure
    # the figure shown is the one laid out, exactly the widget: nothing squeezed after the
    # names were placed
    assert tuple(figure.get_size_inches()) == pytest.approx(chart.built_inches)
    assert abs(figure.bbox.width - canvas.width()) < 1 and abs(figure.bbox.height - canvas.height()) < 1
    assert abs(canvas.width() - chart.width()) <= 1 and abs(canvas.height() - chart.height()) <= 1
    renderer = canvas.get_renderer()
    figure.draw(renderer)
    ax = figure.axes[0]
    inside = figure.bbox
    # the names are annotations (a leader line when moved); the text's own box, without the line
    labels = [Text.get_window_extent(t, renderer) for t in ax.texts if isinstance(t, Annotation)]
    assert len(labels) == len(names)
    keep_off = [ax.xaxis.label.get_window_extent(renderer), ax.yaxis.label.get_window_extent(renderer)]
    keep_off += [t.get_window_extent(renderer) for t in ax.get_xticklabels() + ax.get_yticklabels()
                 if t.get_visible() and t.get_text()]
    plot = ax.bbox
    for i, box in enumerate(labels):
        assert plot.x0 <= box.x0 and box.x1 <= plot.x1 and plot.y0 <= box.y0 and box.y1 <= plot.y1, \
            f"a process name leaves the plot: {box} {plot}"
        assert inside.x0 <= box.x0 and box.x1 <= inside.x1 and inside.y0 <= box.y0 and box.y1 <= inside.y1
        for other in keep_off:
            assert not box.overlaps(other), f"a process name runs over an axis title or tick label: {box} {other}"
        for other in labels[i + 1:]:
            assert not box.overlaps(other), "two process names overlap"
    legend = ax.get_legend().get_window_extent(renderer)
    assert inside.x0 <= legend.x0 and legend.x1 <= inside.x1 and inside.y0 <= legend.y0 and legend.y1 <= inside.y1, \
        f"the legend is cut: {legend} in {inside}"
    assert legend.y1 <= ax.xaxis.label.get_window_extent(renderer).y0, "the legend covers the axis title"


@pytest.mark.parametrize("size", [(1024, 768), (1440, 900)])
@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("workshop", ["sample", "long names"])
def test_matrix_names_and_legend_stay_clear_and_whole(window, qtbot, tmp_path, size, lang, workshop):
    from mot_workshop.sample.builder import build_sample

    window.set_language(lang)
    path = (build_sample(tmp_path / "sample.motw", lang) if workshop == "sample"
            else long_names_file(tmp_path / "long.motw", lang))
    assert window.files.open_path(path)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0])
    chart = settled_chart(window, qtbot)
    names = [p.name for p in window.session.store.select("process")
             if p.feasibility is not None and p.innovation is not None]
    check_matrix(chart, names)


@pytest.mark.parametrize("size", [(1024, 768), (1440, 900)])
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_presented_matrix_keeps_names_clear_and_the_legend_whole(window, qtbot, tmp_path, lang, size):
    from mot_workshop.sample.builder import build_sample

    window.set_language(lang)
    assert window.files.open_path(build_sample(tmp_path / "sample.motw", lang))
    window.resize(*size)
    chart = settled_chart(window, qtbot)
    QTest.keyClick(window, Qt.Key.Key_F5)
    window.showNormal()                  # the offscreen "screen" is 800×600: the window plays the projector
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0])
    qtbot.waitUntil(lambda: not chart._timer.isActive() and chart._built_size == chart.size(), timeout=5000)
    qtbot.wait(200)
    qtbot.waitUntil(lambda: not chart._timer.isActive() and chart._built_size == chart.size(), timeout=5000)
    names = [p.name for p in window.session.store.select("process")
             if p.feasibility is not None and p.innovation is not None]
    check_matrix(chart, names)
    check_keys(chart, window.wizard_host.wizard().pages[1].table.model)
    QTest.keyClick(window, Qt.Key.Key_Escape)


def check_keys(chart, model) -> None:
    """Where the names could not all be placed clear, the points carry the row numbers of the
    table beside the chart: each number marks the point of the process in that row."""
    from matplotlib.text import Annotation

    notes = [t for t in chart.canvas.figure.axes[0].texts if isinstance(t, Annotation)]
    texts = [t.get_text() for t in notes]
    if not all(text.isdigit() for text in texts):
        return
    assert len(set(texts)) == len(texts)
    for note in notes:
        process = model.entity(int(note.get_text()) - 1)
        x, y = note.xy
        assert abs(x - process.feasibility) <= 0.5 and abs(y - process.innovation) <= 0.5, (note.get_text(), process.name)


def test_crowded_names_become_the_keys_given(qtbot):
    """Eight long names on a small chart cannot all stand clear: given keys, the chart shows
    them instead; without keys (paper, where no numbered table stands beside) the names stay."""
    from matplotlib.text import Annotation

    from mot_workshop.charts.selection import selection_matrix
    from mot_workshop.domain.process import Process

    processes = [Process(id=i + 1, name=name, feasibility=f, innovation=v, selected=i in (0, 3))
                 for i, (name, (f, v)) in enumerate(zip(LONG["en"], SCORES))]
    keys = {p.id: str(p.id) for p in processes}
    keyed = selection_matrix(processes, width=3.6, height=3.4, keys=keys)
    named = selection_matrix(processes, width=3.6, height=3.4)
    assert sorted(t.get_text() for t in keyed.axes[0].texts if isinstance(t, Annotation)) == sorted(keys.values())
    assert all(not t.get_text().isdigit() for t in named.axes[0].texts if isinstance(t, Annotation))
