"""``mot-workshop render FILE --view cycle:NAME -o OUT.png|OUT.svg``: just the diagram,
drawn by the same scene as the editor (no window, no screen needed)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from mot_workshop.i18n import tr
from mot_workshop.ui.views import ViewError, find_cycle, parse_view

PNG_SCALE = 2.0      # crisp on a projector and in a document
# What one PNG may hold: Qt's raster images stop at 32,767 pixels a side, and 100 million
# pixels (400 MB while drawing) is already more than a laptop should be asked for.
PNG_MAX_SIDE = 32_767
PNG_MAX_PIXELS = 100_000_000


def build_scene(store, view: str):
    spec = parse_view(view)
    if spec.kind in ("start", "step", "present"):
        raise ViewError(tr("'start' is a window view; render draws a diagram (cycle:NAME or journey:NAME)."))
    if spec.kind == "map":
        from mot_workshop.ui.swimlane.scene import MapScene
        from mot_workshop.ui.views import find_map

        found = find_map(store, spec.target)
        scene = MapScene(editable=False)
        scene.show_map(*(store.select(kind, map_id=found.id) for kind in ("lane", "phase", "step", "flow")))
        scene.name = found.title or ""
        return scene
    cycle = find_cycle(store, spec.target)
    touchpoints = store.select("touchpoint", cycle_id=cycle.id)
    if spec.kind == "journey":
        from mot_workshop.ui.cycle.journey_scene import JourneyScene

        scene = JourneyScene()
    else:
        from mot_workshop.ui.cycle.ring_scene import RingScene

        scene = RingScene()
    scene.show_cycle(cycle.name, touchpoints)
    return scene


def render_scene(scene, output: str | Path, *, scale: float = PNG_SCALE) -> Path:
    output = Path(output)
    finish = getattr(scene, "finish_connectors", None)    # a big map draws its connectors after its paint
    if finish is not None:
        finish()
    rect = scene.sceneRect()
    suffix = output.suffix.lower()
    if suffix == ".svg":
        from PySide6.QtSvg import QSvgGenerator

        generator = QSvgGenerator()
        generator.setFileName(str(output))
        generator.setSize(QSize(round(rect.width()), round(rect.height())))
        generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
        generator.setTitle(getattr(scene, "name", ""))
        generator.setDescription("MOT Workshop")
        painter = QPainter(generator)
        _paint(scene, painter, QRectF(0, 0, rect.width(), rect.height()), rect)
        painter.end()
        return output
    if suffix != ".png":
        raise ViewError(tr("{path}: the output must end in .png or .svg.", path=str(output)))
    width, height = max(1, round(rect.width() * scale)), max(1, round(rect.height() * scale))
    if width > PNG_MAX_SIDE or height > PNG_MAX_SIDE or width * height > PNG_MAX_PIXELS:
        raise ViewError(_too_large(width, height, scale))
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    if image.isNull():                       # the memory for it could not be had
        raise ViewError(_too_large(width, height, scale))
    image.fill(QColor("white"))
    painter = QPainter(image)
    _paint(scene, painter, QRectF(image.rect()), rect)
    painter.end()
    from mot_workshop.jobs.files import write_bytes_atomic
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    saved = image.save(buffer, "PNG")
    buffer.close()
    if not saved or data.isEmpty():
        raise ViewError(tr("{path}: the PNG image could not be encoded.", path=str(output)))
    write_bytes_atomic(output, bytes(data))
    return output


def _too_large(width: int, height: int, scale: float) -> str:
    return tr("The diagram would be {width} × {height} pixels at this resolution, more than one PNG "
              "image can hold (at most {side} pixels a side and {pixels} million pixels). "
              "Write an SVG instead, or choose a lower resolution.",
              width=f"{width:,}", height=f"{height:,}", side=f"{PNG_MAX_SIDE:,}",
              pixels=PNG_MAX_PIXELS // 1_000_000)


def _paint(scene, painter: QPainter, target: QRectF, source: QRectF) -> None:
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.clearSelection()
    scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)


def render_file(path: str | Path, view: str, output: str | Path, *, scale: float = PNG_SCALE,
                lang: str | None = None, workshop: str | None = None) -> Path:
    """Open ``path`` for reading, draw ``view`` and write ``output``. Labels and legend speak
    ``lang``, by default the workshop's own language: the diagram goes to the client with it."""
    from PySide6.QtWidgets import QApplication

    from mot_workshop.i18n import current_language
    from mot_workshop.i18n.switch import language
    from mot_workshop.jobs.target import reading
    from mot_workshop.ui import fonts

    app = QApplication.instance()
    with reading(str(path), workshop) as store:   # a file, or a workshop on a team server
        workshop = store.workshop()
        try:
            with language(lang or (str(workshop.language) if workshop is not None else None)):
                fonts.install(app, current_language())
                return render_scene(build_scene(store, view), output, scale=scale)
        finally:
            fonts.install(app, current_language())       # the app's own language again

