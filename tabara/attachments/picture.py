"""A synthetic picture of a job advert for the demo and the screenshots (Django-free)."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw


def advert_picture() -> bytes:
    """A synthetic photo of a job advert: "WORK IN DUBAI, HOUSE HELP, $500, CALL NOW"."""
    image = Image.new("RGB", (480, 320), (250, 240, 200))
    draw = ImageDraw.Draw(image)
    draw.rectangle((10, 10, 469, 309), outline=(160, 30, 30), width=6)
    for row, text in enumerate(["WORK IN DUBAI", "HOUSE HELP", "$500 / MONTH", "CALL NOW"]):
        draw.text((40, 40 + 60 * row), text, fill=(120, 20, 20))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=85)
    return out.getvalue()
