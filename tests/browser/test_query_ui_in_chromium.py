"""The SPARQL query page in a real browser: an example loads in one click, runs, and its results link to
resource pages; the downloads and the permalink give the same query back."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from .conftest import SCREENSHOTS

pytestmark = pytest.mark.slow


@pytest.fixture
def tab(browser_context: Any) -> Iterator[Any]:
    page = browser_context.new_page()
    page.errors = []
    page.on("console", lambda message: page.errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    page.close()


def test_an_example_query_loads_runs_and_links_to_resource_pages(tab: Any, seed_server: str) -> None:
    tab.goto(seed_server + "sparql")
    assert tab.locator("textarea#query").count() == 1
    tab.click("section.examples a[data-query] >> text=Who met whom most")
    assert "GROUP BY" in tab.input_value("textarea#query").upper()
    tab.click("form.query button[type=submit]")
    tab.wait_for_url("**/sparql?query=**")
    rows = tab.locator("section.results tbody tr")
    assert rows.count() > 0
    tab.screenshot(path=str(SCREENSHOTS / "sparql-results.png"), full_page=True)
    tab.click('section.results tbody a[href^="/page/"] >> nth=0')
    tab.wait_for_url("**/page/**")
    assert tab.locator("main h1").count() == 1
    assert tab.errors == []


def test_downloads_and_permalink_carry_the_query(tab: Any, seed_server: str) -> None:
    query = "SELECT ?state WHERE { ?state a dg:State } ORDER BY ?state LIMIT 3"
    tab.goto(seed_server + "sparql?" + requests.compat.urlencode({"query": query}))
    links = {a.inner_text(): a.get_attribute("href") for a in tab.locator("p.formats a").all()}
    assert {"permalink", "CSV", "TSV"} <= set(links), links
    assert parse_qs(urlsplit(links["permalink"]).query)["query"] == [query]
    csv = requests.get(requests.compat.urljoin(seed_server, links["CSV"]), timeout=30)
    assert csv.status_code == 200 and csv.text.splitlines()[0] == "state"
    assert len(csv.text.splitlines()) == 4
    assert tab.errors == []
