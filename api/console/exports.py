"""A reporting window's declarations as CSV or XLSX. Every cell goes through api.exports.safe_cell, so
a value typed by a host or guest (e.g. '=HYPERLINK(...)') is text, never a formula. Document numbers
are masked, as in the API's export; the full number is on the audited detail page."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from openpyxl import Workbook

from api.console.i18n import day, moment
from api.exports import safe_cell
from api.models import Declaration
from api.security import mask_document_number
from catalog import N_, translator

_t = translator("console")

COLUMNS = (
    N_("Receipt"),
    N_("Status"),
    N_("Filed at"),
    N_("Arrival"),
    N_("Deadline"),
    N_("Late"),
    N_("Establishment"),
    N_("Ward"),
    N_("Full name"),
    N_("Sex"),
    N_("Date of birth"),
    N_("Nationality"),
    N_("Document type"),
    N_("Document number"),
    N_("Stay until"),
    N_("Room"),
)


_CHUNK_ROWS = 500


def header(lang: str) -> list[str]:
    return [_t(c, lang) for c in COLUMNS]


def cells(decl: Declaration, lang: str) -> list[str]:
    values: list[object] = [
        decl.receipt_code,
        decl.status,
        moment(decl.declared_at),
        moment(decl.arrival_at),
        moment(decl.deadline_at),
        _t("yes", lang) if decl.late else _t("no", lang),
        decl.establishment.name,
        decl.establishment.ward,
        decl.full_name,
        decl.sex,
        day(decl.date_of_birth),
        decl.nationality,
        decl.document_type,
        mask_document_number(decl.document_number),
        day(decl.stay_until),
        decl.room,
    ]
    return [safe_cell(v) for v in values]


def csv_lines(rows: Iterable[Declaration], lang: str) -> Iterator[str]:
    """UTF-8 with a byte-order mark, so that Excel opens Vietnamese names correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow([safe_cell(h) for h in header(lang)])
    for count, decl in enumerate(rows, start=1):
        writer.writerow(cells(decl, lang))
        if count % _CHUNK_ROWS == 0:  # each chunk is one thread hop for the streaming response
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def xlsx_bytes(rows: Iterable[Declaration], lang: str, title: str) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append([safe_cell(h) for h in header(lang)])
    for decl in rows:
        sheet.append(cells(decl, lang))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
