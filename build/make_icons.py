"""Make resources/icons/app.png and app.ico from the program's icon, resources/icons/app.svg.

    QT_QPA_PLATFORM=offscreen .venv/bin/python build/make_icons.py

Windows takes the executable's icon from a .ico (PyInstaller needs Pillow to convert anything
else); Linux desktop files and docs use the PNG. Run again whenever app.svg changes.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)  # 20 and 40: Windows at 125 % scaling
PNG_SIZE = 256


def render_png(svg: Path, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An .ico holding PNG images (read by Windows Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an icon directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication(sys.argv[:1])
    svg = ICONS / "app.svg"
    images = {size: render_png(svg, size) for size in ICO_SIZES}
    (ICONS / "app.ico").write_bytes(ico_bytes(images))
    (ICONS / "app.png").write_bytes(images[PNG_SIZE])
    print(f"wrote {ICONS / 'app.ico'} ({len(images)} sizes) and {ICONS / 'app.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
