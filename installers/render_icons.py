"""Render resources/icons/katib.svg to the PNG, ICO and ICNS files the installers use.

Run after changing the SVG (the results are checked in, so builds need no
renderer):  QT_QPA_PLATFORM=offscreen .venv/bin/python installers/render_icons.py
Needs PySide6 (QtSvg) and Pillow.
"""

from __future__ import annotations

import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def render(svg: Path, size: int, out: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(out), "PNG"):
        raise SystemExit(f"could not write {out}")


def main() -> int:
    from PIL import Image

    svg = ICONS / "katib.svg"
    render(svg, 256, ICONS / "katib.png")  # the Linux desktop entry's icon
    render(svg, 512, ICONS / "katib-512.png")  # source for the multi-size files
    big = Image.open(ICONS / "katib-512.png")
    big.save(ICONS / "katib.ico", sizes=ICO_SIZES)
    big.save(ICONS / "katib.icns")
    (ICONS / "katib-512.png").unlink()
    for name in ("katib.png", "katib.ico", "katib.icns"):
        print(f"{name}: {(ICONS / name).stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
