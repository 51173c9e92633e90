"""The pages in a real browser: each renders without console errors, links navigate, a phone-sized window
does not scroll sideways, and a screenshot of each is written to test-artifacts/screenshots/."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import SCREENSHOTS

pytestmark = pytest.mark.slow

PAGES = {
    "home": "/",
    "meeting": None,  # the latest meeting of the index
    "report": None,  # found from the meeting page
    "person": "/page/person/sergey-lavrov",
    "state": "/page/country/russia",
    "organization": None,  # the first organization of the index
    "place": "/page/city/moscow",
    "article": "/page/article/000_31ae349b8af08f2e",
    "position": None,  # the first position of the index
    "ontology": "/ontology",
    "ontology-term": "/ontology/Meeting",
    "meetings": "/meetings",
    "people": "/people",
    "states": "/states",
    "organizations": "/organizations",
    "articles": "/articles",
    "positions": "/positions",
    "timeline": "/timeline",
    "timeline-of-a-state": "/timeline?agent=http://127.0.0.1:5000/id/country/russia",
    "network": "/network",
    "network-of-states": "/network?kind=states",
}


def first_link(page: Any, server: str, index: str, prefix: str) -> str:
    page.goto(server + index.lstrip("/"))
    href = page.locator(f'main table a[href^="{prefix}"]').first.get_attribute("href")
    assert href, f"no {prefix} link on {index}"
    return href


def resolve(name: str, path: str | None, page: Any, server: str) -> str:
    if path is not None:
        return path
    if name == "organization":
        return first_link(page, server, "/organizations", "/page/")
    if name == "position":
        return first_link(page, server, "/positions", "/page/position/")
    meeting = first_link(page, server, "/meetings", "/page/meeting/")
    if name == "meeting":
        return meeting
    page.goto(server + meeting.lstrip("/"))
    return page.locator('a[href^="/page/report/"]').first.get_attribute("href")


@pytest.mark.parametrize("name", list(PAGES))
def test_page_renders_without_console_errors(page: Any, seed_server: str, name: str) -> None:
    path = resolve(name, PAGES[name], page, seed_server)
    response = page.goto(seed_server + path.lstrip("/"))
    assert response.status == 200, path
    assert page.locator("main h1").count() == 1
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    assert page.errors == [], page.errors


def test_search_box_finds_a_minister_and_opens_his_page(page: Any, seed_server: str) -> None:
    page.goto(seed_server)
    page.fill("#site-search", "lavrov")
    page.press("#site-search", "Enter")
    page.wait_for_url("**/search?q=lavrov")
    page.screenshot(path=str(SCREENSHOTS / "search.png"), full_page=True)
    page.click('ol.results a[href="/page/person/sergey-lavrov"]')
    page.wait_for_url("**/page/person/sergey-lavrov")
    assert "Lavrov" in page.inner_text("h1")
    assert page.errors == []


def test_links_navigate_from_home_to_meeting_to_participant(page: Any, seed_server: str) -> None:
    page.goto(seed_server)
    page.click('main table a[href^="/page/meeting/"]')
    page.wait_for_url("**/page/meeting/**")
    page.click('table.participants a[href^="/page/"]')
    page.wait_for_url("**/page/**")
    assert page.locator("main h1").count() == 1
    page.click("header.site >> text=Network")
    page.wait_for_url("**/network")
    page.click("svg.picture .nodes a text >> nth=0")
    page.wait_for_url("**/page/**")
    assert page.errors == []


def test_timeline_marks_link_to_meetings(page: Any, seed_server: str) -> None:
    page.goto(seed_server + "timeline")
    assert page.locator("svg.picture a").count() > 0
    page.click("svg.picture a text >> nth=0")
    page.wait_for_url("**/page/meeting/**")


@pytest.mark.parametrize(
    "path", ["/", "/page/person/sergey-lavrov", "/page/article/000_31ae349b8af08f2e", "/meetings", "/network"]
)
def test_phone_sized_window_does_not_scroll_sideways(
    browser_context: Any, seed_server: str, path: str
) -> None:
    tab = browser_context.new_page()
    tab.set_viewport_size({"width": 390, "height": 844})
    tab.goto(seed_server + path.lstrip("/"))
    overflow = tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    name = "phone-" + (path.strip("/").replace("/", "-") or "home")
    tab.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    tab.close()
    assert overflow <= 1, f"{path} is {overflow}px wider than a phone"
