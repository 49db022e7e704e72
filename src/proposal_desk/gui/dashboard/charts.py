"""Bar charts drawn with QPainter: vertical or horizontal, grouped or stacked, with a legend,
value labels and a tooltip per bar. Enough for the dashboard; no plotting library."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget


@dataclass(frozen=True)
class Series:
    name: str
    color: str
    values: tuple[int, ...]


def nice_step(maximum: float, ticks: int = 4) -> float:
    """A round step (1, 2, 5 × 10^n) so that `ticks` steps cover `maximum`."""
    if maximum <= 0:
        return 1
    raw = maximum / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return max(1, factor * power)
    return 10 * power


class BarChart(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None, *,
                 horizontal: bool = False, stacked: bool = False) -> None:
        super().__init__(parent)
        self.title = title
        self.horizontal = horizontal
        self.stacked = stacked
        self.labels: list[str] = []
        self.series: list[Series] = []
        self.empty_text = "暂无数据"
        self._bars: list[tuple[QRectF, str]] = []
        self.setMouseTracking(True)
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        rows = len(self.labels) if self.horizontal else 0
        return QSize(360, max(240, 60 + rows * 24))

    def set_data(self, labels: list[str], series: list[Series]) -> None:
        self.labels = labels
        self.series = series
        self.updateGeometry()
        self.update()

    def total(self) -> int:
        return sum(sum(s.values) for s in self.series)

    # ---- painting ----------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(8, 6, -8, -6)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        font = painter.font()
        title_font = painter.font()
        title_font.setBold(True)
        painter.setFont(title_font)
        metrics = QFontMetricsF(title_font)
        painter.setPen(QColor("#1f2933"))
        painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), metrics.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.title)
        painter.setFont(font)
        rect.setTop(rect.top() + metrics.height() + 4)
        self._bars = []
        if not self.labels or self.total() == 0:
            painter.setPen(QColor("#9aa3ad"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        if len(self.series) > 1:
            rect.setTop(rect.top() + self._legend(painter, rect) + 4)
        if self.horizontal:
            self._paint_horizontal(painter, rect)
        else:
            self._paint_vertical(painter, rect)

    def _legend(self, painter: QPainter, rect: QRectF) -> float:
        metrics = QFontMetricsF(painter.font())
        x = rect.left()
        h = metrics.height()
        for s in self.series:
            painter.fillRect(QRectF(x, rect.top() + h * 0.2, h * 0.6, h * 0.6), QColor(s.color))
            x += h * 0.8
            painter.setPen(QColor("#3c4650"))
            painter.drawText(QPointF(x, rect.top() + metrics.ascent()), s.name)
            x += metrics.horizontalAdvance(s.name) + h
        return h

    def _maximum(self) -> int:
        if self.stacked:
            return max(sum(s.values[i] for s in self.series) for i in range(len(self.labels)))
        return max(max(s.values) for s in self.series)

    def _paint_vertical(self, painter: QPainter, rect: QRectF) -> None:
        metrics = QFontMetricsF(painter.font())
        step = nice_step(self._maximum())
        top_value = step * math.ceil(self._maximum() / step)
        left = rect.left() + metrics.horizontalAdvance(str(int(top_value))) + 6
        bottom = rect.bottom() - metrics.height() - 4
        plot = QRectF(left, rect.top() + metrics.height(), rect.right() - left,
                      bottom - rect.top() - metrics.height())
        self._grid(painter, plot, step, top_value, vertical=True)
        slot = plot.width() / len(self.labels)
        groups = 1 if self.stacked else len(self.series)
        bar_width = min(slot * 0.7 / groups, 46)
        for i, label in enumerate(self.labels):
            center = plot.left() + slot * (i + 0.5)
            base = plot.bottom()
            start = center - bar_width * groups / 2
            for n, s in enumerate(self.series):
                value = s.values[i]
                height = plot.height() * value / top_value
                x = start if self.stacked else start + n * bar_width
                bar = QRectF(x, (base - height), bar_width - (0 if self.stacked else 2), height)
                if value:
                    painter.fillRect(bar, QColor(s.color))
                    self._bars.append((bar, f"{label} {s.name}：{value} 件"))
                    if not self.stacked or n == len(self.series) - 1:
                        shown = sum(x.values[i] for x in self.series) if self.stacked else value
                        painter.setPen(QColor("#3c4650"))
                        painter.drawText(QRectF(bar.left() - 10, bar.top() - metrics.height(),
                                                bar.width() + 20, metrics.height()),
                                         Qt.AlignmentFlag.AlignCenter, str(shown))
                if self.stacked:
                    base -= height
            painter.setPen(QColor("#3c4650"))
            painter.drawText(QRectF(center - slot / 2, plot.bottom() + 2, slot,
                                    metrics.height() + 2),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                             metrics.elidedText(label, Qt.TextElideMode.ElideRight, slot))

    def _paint_horizontal(self, painter: QPainter, rect: QRectF) -> None:
        metrics = QFontMetricsF(painter.font())
        label_width = min(max(metrics.horizontalAdvance(x) for x in self.labels) + 8,
                          rect.width() * 0.35)
        step = nice_step(self._maximum())
        top_value = step * math.ceil(self._maximum() / step)
        plot = QRectF(rect.left() + label_width, rect.top(),
                      rect.width() - label_width - metrics.horizontalAdvance("000") - 4,
                      rect.height() - metrics.height() - 2)
        self._grid(painter, plot, step, top_value, vertical=False)
        slot = plot.height() / len(self.labels)
        bar_height = min(slot * 0.7, 22)
        for i, label in enumerate(self.labels):
            middle = plot.top() + slot * (i + 0.5)
            painter.setPen(QColor("#3c4650"))
            painter.drawText(QRectF(rect.left(), middle - slot / 2, label_width - 6, slot),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(label, Qt.TextElideMode.ElideRight,
                                                label_width - 6))
            x = plot.left()
            total = 0
            for s in self.series:
                value = s.values[i]
                width = plot.width() * value / top_value
                bar = QRectF(x, middle - bar_height / 2, width, bar_height)
                if value:
                    painter.fillRect(bar, QColor(s.color))
                    self._bars.append((bar, f"{label} {s.name}：{value} 件"))
                x += width if self.stacked else 0
                total += value
            painter.setPen(QColor("#3c4650"))
            painter.drawText(QPointF(x + 4 if self.stacked else plot.left() + 4,
                                     middle + metrics.ascent() / 2 - 1), str(total))

    def _grid(self, painter: QPainter, plot: QRectF, step: float, top: float, *,
              vertical: bool) -> None:
        metrics = QFontMetricsF(painter.font())
        pen = QPen(QColor("#e3e7ec"))
        pen.setWidthF(1)
        value = 0.0
        while value <= top + 1e-9:
            if vertical:
                y = plot.bottom() - plot.height() * value / top
                painter.setPen(pen)
                painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
                painter.setPen(QColor("#7b8794"))
                painter.drawText(QRectF(plot.left() - 60, y - metrics.height() / 2, 56,
                                        metrics.height()),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                                 f"{value:g}")
            else:
                x = plot.left() + plot.width() * value / top
                painter.setPen(pen)
                painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
                painter.setPen(QColor("#7b8794"))
                painter.drawText(QRectF(x - 20, plot.bottom() + 1, 40, metrics.height()),
                                 Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                                 f"{value:g}")
            value += step
        painter.setPen(QPen(QColor("#9aa3ad")))
        if vertical:
            painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        else:
            painter.drawLine(plot.topLeft(), plot.bottomLeft())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        for bar, text in self._bars:
            if bar.adjusted(-1, -1, 1, 1).contains(event.position()):
                QToolTip.showText(event.globalPosition().toPoint(), text, self)
                return
        QToolTip.hideText()
