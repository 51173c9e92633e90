"""The SPARQL query page in a real browser: an example loads in one click, runs, and its results link to
resource pages; the downloads and the permalink give the same query back."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from .conftest import SCREENSHOTS

pytestmark = pytest.mark.slow


def test_an_example_query_loads_runs_and_links_to_resource_pages(page: Any, seed_server: str) -> None:
    page.goto(seed_server + "sparql")
    assert page.locator("textarea#query").count() == 1
    page.click("section.examples a[data-query] >> text=Who met whom most")
    assert "GROUP BY" in page.input_value("textarea#query").upper()
    page.click("form.query button[type=submit]")
    page.wait_for_url("**/sparql?query=**")
    rows = page.locator("section.results tbody tr")
    assert rows.count() > 0
    page.screenshot(path=str(SCREENSHOTS / "sparql-results.png"), full_page=True)
    page.click('section.results tbody a[href^="/page/"] >> nth=0')
    page.wait_for_url("**/page/**")
    assert page.locator("main h1").count() == 1
    assert page.errors == []


def test_downloads_and_permalink_carry_the_query(page: Any, seed_server: str) -> None:
    query = "SELECT ?state WHERE { ?state a dg:State } ORDER BY ?state LIMIT 3"
    page.goto(seed_server + "sparql?" + requests.compat.urlencode({"query": query}))
    links = {a.inner_text(): a.get_attribute("href") for a in page.locator("p.formats a").all()}
    assert {"permalink", "CSV", "TSV"} <= set(links), links
    assert parse_qs(urlsplit(links["permalink"]).query)["query"] == [query]
    csv = requests.get(requests.compat.urljoin(seed_server, links["CSV"]), timeout=30)
    assert csv.status_code == 200 and csv.text.splitlines()[0] == "state"
    assert len(csv.text.splitlines()) == 4
    assert page.errors == []
