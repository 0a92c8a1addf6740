"""The fictional office: its profile, its crest and the Commissioner's signature."""

from __future__ import annotations

import io
import math

import sqlite_utils

from desktop.services.paths import resources_dir

PCC_NAME = "Elin Morgan"


def _font(size: int):  # noqa: ANN202 - PIL type
    from PIL import ImageFont

    path = resources_dir() / "fonts" / "DejaVuSans-Bold.ttf"
    try:
        return ImageFont.truetype(str(path), size)
    except OSError:
        return ImageFont.load_default()


def make_logo_png() -> bytes:
    """A simple crest: navy disc, gold ring, "CHTh · PCC"."""
    from PIL import Image, ImageDraw

    size = 320
    img = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    draw = ImageDraw.Draw(img)
    draw.ellipse((8, 8, size - 8, size - 8), fill=(20, 40, 90, 255))
    draw.ellipse((28, 28, size - 28, size - 28), outline=(212, 175, 55, 255), width=8)
    for text, y, font_size in (("CHTh", 105, 64), ("PCC", 185, 44)):
        font = _font(font_size)
        width = draw.textlength(text, font=font)
        draw.text(((size - width) / 2, y), text, font=font, fill=(255, 255, 255, 255))
    out = io.BytesIO()
    img.save(out, format="PNG", optimize=True)
    return out.getvalue()


def make_signature_png() -> bytes:
    """A handwritten-looking flourish on a transparent background."""
    from PIL import Image, ImageDraw

    w, h = 600, 180
    img = Image.new("RGBA", (w, h), (255, 255, 255, 0))
    draw = ImageDraw.Draw(img)
    points = []
    for i in range(400):
        t = i / 399
        x = 30 + t * 520
        y = 95 - 45 * math.sin(t * 9.5) * (1 - t * 0.6) + 18 * math.sin(t * 31)
        points.append((x, y))
    draw.line(points, fill=(15, 30, 110, 255), width=5, joint="curve")
    draw.line([(60, 140), (540, 128)], fill=(15, 30, 110, 255), width=3)
    out = io.BytesIO()
    img.save(out, format="PNG", optimize=True)
    return out.getvalue()


def add_office(db: sqlite_utils.Database) -> None:
    db.execute(
        """UPDATE office SET pcc_name = ?, pcc_title_en = ?, pcc_title_cy = ?, force_name = ?,
        office_name_en = ?, office_name_cy = ?, address_en = ?, address_cy = ?,
        addressee_en = ?, addressee_cy = ?, welsh_statement_en = ?, welsh_statement_cy = ?,
        other_language_statement_en = ?, other_language_statement_cy = ?, security_marking = ?,
        email = ?, phone = ?, logo = ?, signature = ? WHERE id = 1""",
        [
            PCC_NAME,
            "Police and Crime Commissioner for Dyfed-Powys",
            "Comisiynydd Heddlu a Throseddu Dyfed-Powys",
            "Dyfed-Powys Police",
            "Office of the Police and Crime Commissioner for Dyfed-Powys",
            "Swyddfa Comisiynydd Heddlu a Throseddu Dyfed-Powys",
            # The letterhead prints the office name above the address: not repeated here.
            "PO Box 99\nLlangunnor\nCarmarthen SA31 2PF",
            "Blwch Post 99\nLlangynnwr\nCaerfyrddin SA31 2PF",
            "The Rt Hon the Home Secretary\nHome Office\n2 Marsham Street\nLondon SW1P 4DF",
            "Y Gwir Anrhydeddus yr Ysgrifennydd Cartref\nY Swyddfa Gartref\n2 Marsham Street\n"
            "Llundain SW1P 4DF",
            "We welcome correspondence in Welsh and in English. Corresponding with us in Welsh "
            "will not lead to any delay.",
            "Rydym yn croesawu gohebiaeth yn Gymraeg ac yn Saesneg. Ni fydd gohebu â ni yn "
            "Gymraeg yn arwain at unrhyw oedi.",
            "This response is also available in Welsh.",
            "Mae’r ymateb hwn ar gael yn Saesneg hefyd.",
            "OFFICIAL-SENSITIVE",
            "opcc@dyfed-powys.example",
            "01267 000 099",
            make_logo_png(),
            make_signature_png(),
        ],
    )
