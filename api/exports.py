"""What goes into an exported spreadsheet cell. Every export (CSV, XLSX, API or console) writes its
cells through `safe_cell`, so that no value typed by a host or guest can run as a formula."""

from __future__ import annotations

# OWASP "CSV injection": a cell starting with one of these is read as a formula by spreadsheet programs.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """The value as text, prefixed with a single quote when a spreadsheet would read it as a formula.

    Numbers are exported as text by the callers that need them computed; a leading quote is OWASP's
    recommended neutraliser and shows as nothing in Excel and LibreOffice.
    """
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text
