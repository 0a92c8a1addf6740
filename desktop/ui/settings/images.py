"""Choosing the office's logo and the PCC's signature: a preview, Choose… and Remove.

A file that is not an image Qt can read (or is too big) is refused with a clear message and the
stored image is left as it was. Accepted images are stored as PNG, which every document renderer
reads.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.i18n.formatting import format_number

MAX_BYTES = 5 * 1024 * 1024
MAX_SIDE = 4000
MAX_PIXELS = 40_000_000  # a photograph's size; more is not a logo or a signature (too large)
PREVIEW_W, PREVIEW_H = 220, 90


def _format_of(data: bytes) -> str | None:
    """The format from the file's first bytes: Qt's own guess can pick the wrong reader."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data.startswith(b"\xff\xd8\xff"):
        return "JPG"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "GIF"
    if data.startswith(b"BM"):
        return "BMP"
    return None


MAX_PIXELS = 40_000_000  # a logo or a signature never needs more; Qt refuses ~64 M with a warning


def decode(data: bytes) -> QImage:
    """The picture in ``data`` (a null image if it cannot be read, or has more pixels than any
    logo needs: the size is read from the header first, so nothing huge is ever allocated)."""
    fmt = _format_of(data)
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, fmt.encode() if fmt else b"")
    size = reader.size()
    if size.isValid() and size.width() * size.height() > MAX_PIXELS:
        return QImage()
    return reader.read()


class ImageRejected(ValueError):
    """The chosen file cannot be used; ``str()`` is the sentence to show."""


def image_to_png(data: bytes) -> bytes:
    """The picture in ``data`` as PNG bytes, or ImageRejected saying why not."""
    if len(data) > MAX_BYTES:
        raise ImageRejected(
            _("The image is too large ({size} MB); choose one under 5 MB.").format(
                size=format_number(round(len(data) / 1024 / 1024, 1))
            )
        )
    from PySide6.QtGui import QImageReader

    array = QByteArray(data)  # kept referenced while the reader uses it
    source = QBuffer(array)
    source.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(source, (_format_of(data) or "").encode())
    size = reader.size()  # from the file's header, before decoding a single pixel
    source.close()
    if size.isValid() and size.width() * size.height() > MAX_PIXELS:
        raise ImageRejected(
            _(
                "The image is too large ({width} \u00d7 {height} pixels); choose one of at most "
                "40 million pixels."
            ).format(width=format_number(size.width()), height=format_number(size.height()))
        )
    image = decode(data)
    if image.isNull() or image.width() < 1 or image.height() < 1:
        raise ImageRejected(
            _(
                "This file is not a picture Craffu can read, or it is damaged. "
                "Choose a PNG or JPEG image."
            )
        )
    if max(image.width(), image.height()) > MAX_SIDE:
        image = image.scaled(
            MAX_SIDE,
            MAX_SIDE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


class ImageFileDialog:
    @classmethod
    def choose(cls, parent: QWidget | None, title: str) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(
            parent,
            title,
            "",
            _("Images (*.png *.jpg *.jpeg *.bmp *.gif)") + ";;" + _("All files (*)"),
        )
        return Path(name) if name else None


class ImageField(QWidget):
    """A stored picture (bytes or None) with a preview; ``changed`` fires when it is replaced."""

    changed = Signal()

    def __init__(self, dialog_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._dialog_title = dialog_title  # untranslated, N_()-marked
        self._data: bytes | None = None
        self.preview = QLabel()
        self.preview.setObjectName("imagePreview")
        self.preview.setFixedSize(PREVIEW_W, PREVIEW_H)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet(
            "QLabel#imagePreview { background: #ffffff; border: 1px dashed #b8c0ca; "
            "border-radius: 4px; color: #6b7580; }"
        )
        self.choose_button = QPushButton()
        self.choose_button.clicked.connect(self.choose)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove)
        self.error_label = QLabel()
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        buttons = QVBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.preview)
        row.addLayout(buttons)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        self.retranslate_ui()

    def value(self) -> bytes | None:
        return self._data

    def set_value(self, data: bytes | None) -> None:
        self._data = bytes(data) if data else None
        self.error_label.hide()
        self._show()

    def retranslate_ui(self) -> None:
        self.choose_button.setText(_("Choose…"))
        self.remove_button.setText(_("Remove"))
        self._show()

    def _show(self) -> None:
        self.remove_button.setEnabled(self._data is not None)
        if self._data is None:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(_("No image"))
            return
        pixmap = QPixmap.fromImage(decode(self._data))
        if pixmap.isNull():  # stored bytes that are no picture: say so, never scale nothing
            self.preview.setPixmap(QPixmap())
            self.preview.setText(_("This image cannot be shown."))
            return
        self.preview.setText("")
        self.preview.setPixmap(
            pixmap.scaled(
                PREVIEW_W - 8,
                PREVIEW_H - 8,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def choose(self) -> None:
        path = ImageFileDialog.choose(self, _(self._dialog_title))
        if path is not None:
            self.load_file(path)

    def load_file(self, path: Path) -> bool:
        """Take the picture in ``path``; on refusal show why and keep the current one."""
        from database.errors import InputFileError
        from database.input_files import read_limited
        from desktop.services.messages import describe_input_file

        try:
            data = image_to_png(read_limited(path, MAX_BYTES))
        except InputFileError as exc:
            self.show_error(describe_input_file(exc))
            return False
        except OSError as exc:  # missing, a folder, no permission: in words, not the system's
            from desktop.services.messages import describe_os_error

            self.show_error(describe_os_error(exc, path=str(path), writing=False))
            return False
        except ImageRejected as exc:
            self.show_error(str(exc))
            return False
        self._data = data
        self.error_label.hide()
        self._show()
        self.changed.emit()
        return True

    def remove(self) -> None:
        if self._data is None:
            return
        self._data = None
        self.error_label.hide()
        self._show()
        self.changed.emit()

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
