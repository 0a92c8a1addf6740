"""Craffu's icons: small hand-drawn SVGs in ``resources/icons``."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QIcon, QImageReader, QPixmap

from desktop.services.paths import resources_dir


def icons_dir() -> Path:
    return resources_dir() / "icons"


INK = "#3d4a5c"  # the stroke colour the line icons are drawn in


@cache
def icon(name: str, colour: str | None = None) -> QIcon:
    """``resources/icons/<name>.svg`` (an empty icon if it is missing), its line colour replaced
    by ``colour`` if given (light icons on the dark sidebar)."""
    path = icons_dir() / f"{name}.svg"
    if not path.is_file():
        return QIcon()
    if colour is None:
        return QIcon(str(path))
    svg = path.read_text(encoding="utf-8").replace(INK, colour)
    result = QIcon()
    data = QByteArray(svg.encode("utf-8"))
    # Drawn at the sidebar's size and twice it (high-DPI screens) only: each size is an SVG
    # render at start-up, and Qt scales the nearest for any other request.
    for size in (20, 40):
        buffer = QBuffer()
        buffer.setData(data)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        reader = QImageReader(buffer, QByteArray(b"svg"))
        reader.setScaledSize(QSize(size, size))
        result.addPixmap(QPixmap.fromImage(reader.read()))
    return result


def app_icon() -> QIcon:
    return icon("app")
