"""Craffu's icons: small hand-drawn SVGs in ``resources/icons``."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

from desktop.services.paths import resources_dir


def icons_dir() -> Path:
    return resources_dir() / "icons"


@cache
def icon(name: str) -> QIcon:
    """``resources/icons/<name>.svg`` (an empty icon if it is missing)."""
    path = icons_dir() / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()


def app_icon() -> QIcon:
    return icon("app")


def rag_icon(rag: str) -> QIcon:
    return icon(f"rag-{rag}")
