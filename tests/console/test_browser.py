"""The console in a real headless Chromium (Debian's /usr/bin/chromium driven by Playwright) against a
real `python -m api serve` subprocess, on SQLite and PostgreSQL.

An officer signs in with the CLI's one-time password, sets a password, filters by nationality and
arrival date, opens a declaration and reads its history, switches to English, sees the report's charts
drawn, downloads the CSV and the XLSX and checks their rows, signs out; an officer of another province
sees none of it. Screenshots go to var/console-screenshots/<database>/ (CONSOLE_SCREENSHOTS_TO_DOCS=1
also copies them to docs/img/ for the README).
"""

from __future__ import annotations

import csv
import io
import os
import shutil
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy.orm import Session

from tests.api.factories import CHANNEL_TOKEN, now_local
from tests.api.server import ROOT, running_server
from tests.api.testclient import TestClient
from tests.console.helpers import make_officer, seed

CHROMIUM = Path("/usr/bin/chromium")
playwright_api = pytest.importorskip("playwright.sync_api")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (make setup installs it)"),
]
NEW_PASSWORD = "officer chooses this one"
_COUNT_INK = """(id) => {
  const canvas = document.getElementById(id);
  const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  let ink = 0;
  for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) { ink += 1; } }
  return ink;
}"""


@pytest.fixture
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox", "--lang=vi-VN"]
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def live(client: TestClient, session: Session, db_url: str) -> Iterator[tuple[str, dict[str, Any], str]]:
    """(console base URL, seeded data, one-time password of officer 'lan' in Hà Nội)."""
    seeded = seed(client)
    one_time = make_officer(session, "lan", one_time=True)
    make_officer(session, "danang", "da_nang")
    session.close()
    with running_server(db_url, CHANNEL_TOKEN) as base:
        yield base, seeded, one_time


def _shots(db_url: str) -> Path:
    folder = (
        ROOT / "var" / "console-screenshots" / ("postgres" if db_url.startswith("postgres") else "sqlite")
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _shot(page: Any, folder: Path, name: str) -> None:
    path = folder / f"console-{name}.png"
    page.screenshot(path=str(path), full_page=True)
    if os.environ.get("CONSOLE_SCREENSHOTS_TO_DOCS") == "1":
        shutil.copy(path, ROOT / "docs" / "img" / path.name)


def _rows(page: Any) -> list[str]:
    return [text.strip() for text in page.locator("main table tbody tr td:first-child").all_inner_texts()]


def test_an_officer_works_through_the_console(
    browser: Any, live: tuple[str, dict[str, Any], str], db_url: str, tmp_path: Path
) -> None:
    base, seeded, one_time = live
    folder = _shots(db_url)
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="vi-VN", accept_downloads=True
    )
    page = context.new_page()

    page.goto(f"{base}/console/")
    assert page.url.startswith(f"{base}/console/login")
    assert page.locator("h1").inner_text() == "Đăng nhập"  # Vietnamese by default
    _shot(page, folder, "signin")
    page.get_by_label("Tên đăng nhập").fill("lan")
    page.get_by_label("Mật khẩu").fill(one_time)
    page.get_by_role("button", name="Đăng nhập").click()
    assert page.url == f"{base}/console/password"  # the one-time password must be replaced first
    page.get_by_label("Mật khẩu hiện tại").fill(one_time)
    page.get_by_label("Mật khẩu mới (ít nhất 12 ký tự)").fill(NEW_PASSWORD)
    page.get_by_label("Nhập lại mật khẩu mới").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Lưu mật khẩu").click()
    assert page.url == f"{base}/console/declarations"
    assert sorted(_rows(page)) == ["KIM MIN-JUN", "NGUYỄN THỊ LAN ANH", "SMITH JOHN", "WANG FANG"]
    assert "******678" in page.content() and "M12345678" not in page.content()
    _shot(page, folder, "declarations")

    today = now_local().date()
    page.get_by_label("Quốc tịch").select_option("KOR")
    page.get_by_label("Đến từ ngày").fill((today - timedelta(days=1)).isoformat())
    page.get_by_label("Đến hết ngày").fill(today.isoformat())
    page.get_by_role("button", name="Lọc").click()
    assert "nationality=KOR" in page.url and "arrival_from=" in page.url
    assert _rows(page) == ["KIM MIN-JUN"]
    page.get_by_label("Quốc tịch").select_option("")
    page.get_by_label("Đến từ ngày").fill((today + timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Lọc").click()
    assert _rows(page) == [] and "Không có khai báo nào phù hợp." in page.content()

    page.goto(f"{base}/console/declarations?nationality=KOR")
    page.get_by_role("link", name="KIM MIN-JUN").click()
    assert page.url.endswith(f"/console/declarations/{seeded['kim']}")
    history = page.locator("ol.history").inner_text()
    assert "Phiên bản 1" in history and "Phiên bản 2" in history and "moved to room 305" in history
    assert "203 → 305" in history
    assert "M12345678" in page.locator("main").inner_text()  # the full number on the audited detail
    _shot(page, folder, "declaration")

    page.get_by_role("link", name="English").click()
    assert page.locator("h1").inner_text() == f"Declaration {seeded['kim']}"
    page.goto(f"{base}/console/declarations/{seeded['cancelled']}")
    assert "filed for the wrong guest" in page.locator(".cancel").inner_text()

    page.get_by_role("link", name="Establishments").click()
    table = page.locator("main table").inner_text()
    assert "Khách sạn Sen Vàng" in table and "Biển Xanh" not in table
    _shot(page, folder, "establishments")

    page.get_by_role("link", name="Reports").click()
    page.wait_for_function("() => window.Chart && Chart.getChart('chart-per-day')")
    assert page.evaluate(_COUNT_INK, "chart-per-day") > 500  # something is drawn
    for chart_id in ("chart-nationalities", "chart-late-share"):
        assert page.evaluate(_COUNT_INK, chart_id) > 500
    drawn = page.evaluate(
        "() => Chart.getChart('chart-per-day').data.datasets[0].data.reduce((a, b) => a + b, 0)"
    )
    assert drawn == 3  # the chart's numbers are the report's: SMITH cancelled, TANAKA in Đà Nẵng
    assert ": 3 declarations, 1 late" in page.locator("main h2").first.inner_text()
    _shot(page, folder, "reports")

    with page.expect_download() as csv_download:
        page.get_by_role("link", name="Download CSV").click()
    csv_path = tmp_path / csv_download.value.suggested_filename
    csv_download.value.save_as(csv_path)
    rows = list(csv.reader(io.StringIO(csv_path.read_text(encoding="utf-8-sig"))))
    assert rows[0][:3] == ["Receipt", "Status", "Filed at"]
    assert sorted(r[8] for r in rows[1:]) == ["KIM MIN-JUN", "NGUYỄN THỊ LAN ANH", "WANG FANG"]
    with page.expect_download() as xlsx_download:
        page.get_by_role("link", name="Download XLSX").click()
    xlsx_path = tmp_path / xlsx_download.value.suggested_filename
    xlsx_download.value.save_as(xlsx_path)
    sheet = load_workbook(xlsx_path).active
    assert sheet is not None
    assert sorted(str(r[8]) for r in sheet.iter_rows(min_row=2, values_only=True)) == [
        "KIM MIN-JUN",
        "NGUYỄN THỊ LAN ANH",
        "WANG FANG",
    ]

    page.get_by_role("button", name="Sign out").click()
    assert page.url.startswith(f"{base}/console/login")
    page.goto(f"{base}/console/declarations")
    assert page.url.startswith(f"{base}/console/login")
    context.close()


def test_narrow_screen_keyboard_and_labels(
    browser: Any, live: tuple[str, dict[str, Any], str], db_url: str
) -> None:
    base, _seeded, _one_time = live
    folder = _shots(db_url)
    context = browser.new_context(viewport={"width": 360, "height": 780}, locale="vi-VN")
    page = context.new_page()
    page.goto(f"{base}/console/login")
    assert page.evaluate("() => document.activeElement.id") == "login"  # the cursor starts in the form
    page.keyboard.type("danang")
    page.keyboard.press("Tab")
    page.keyboard.type("correct horse battery staple")
    page.keyboard.press("Enter")  # signed in with the keyboard only
    page.wait_for_url(f"{base}/console/declarations")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    unlabeled = page.evaluate(
        "() => [...document.querySelectorAll('input:not([type=hidden]), select')]"
        ".filter(e => e.labels.length === 0).map(e => e.name)"
    )
    assert unlabeled == []
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360  # no sideways scrolling
    _shot(page, folder, "declarations-360px")
    for path in ("/console/reports", "/console/establishments"):
        page.goto(base + path)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 360, path
    context.close()


def test_an_officer_of_another_province_sees_none_of_it(
    browser: Any, live: tuple[str, dict[str, Any], str]
) -> None:
    base, seeded, _one_time = live
    page = browser.new_page()
    page.goto(f"{base}/console/login")
    page.get_by_label("Tên đăng nhập").fill("danang")
    page.get_by_label("Mật khẩu").fill("correct horse battery staple")
    page.get_by_role("button", name="Đăng nhập").click()
    assert _rows(page) == ["TANAKA YUKI"]
    response = page.goto(f"{base}/console/declarations/{seeded['kim']}")
    assert response is not None and response.status == 404
    assert "KIM" not in page.content()
    page.goto(f"{base}/console/reports")
    assert "Sen Vàng" not in page.content() and "KOR" not in page.content()
    page.close()
