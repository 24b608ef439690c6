"""Small XLSX files built to hurt a naive reader: huge declared sheets and zip bombs."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook

SHEET = "xl/worksheets/sheet1.xml"


def workbook_bytes(rows: Sequence[Sequence[Any]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _rewrite(data: bytes, member: str, change) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == member:
                content = change(content)
            target.writestr(item.filename, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def huge_declared_sheet(rows: Sequence[Sequence[Any]]) -> bytes:
    """A normal sheet that declares A1:XFD1048576 and has one cell in the very last row."""

    def change(xml: bytes) -> bytes:
        xml = re.sub(rb'<dimension ref="[^"]*" ?/>', b'<dimension ref="A1:XFD1048576"/>', xml)
        last = b'<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row>'
        return xml.replace(b"</sheetData>", last + b"</sheetData>")

    return _rewrite(workbook_bytes(rows), SHEET, change)


def zip_bomb(padding_mb: int = 40) -> bytes:
    """A workbook whose sheet XML unpacks to `padding_mb` MB (a comment that compresses away)."""

    def change(xml: bytes) -> bytes:
        return xml.replace(b"<sheetData>", b"<!--" + b" " * (padding_mb << 20) + b"--><sheetData>")

    return _rewrite(workbook_bytes([["number", "sex"], [1, "f"]]), SHEET, change)
