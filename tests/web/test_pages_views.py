"""Typed views, indexes, search, pictures and conditional requests, over HTTP on a small hostile graph.

The graph is the sample meeting plus a second article that reports it with markup in every string
(tests/web/fixtures/hostile.trig), a person known only by a French label, and a hub with 120 inbound links.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator

import html5lib
import pytest

from diplograph.config import Settings
from diplograph.store import GraphStore
from diplograph.web import EXTENSION, create_app

from .conftest import FIXTURES, Server, serving

MEETING = "/page/meeting/cavusoglu-dendias-ankara-2023-05-09"
PERSON = "/page/person/mevlut-cavusoglu"
HOSTILE_ARTICLE = "/page/article/001_hostile"
HOSTILE_POSITION = "/page/position/001_hostile-jean-peace"
PAGES = [
    "/",
    MEETING,
    "/page/report/001_hostile-ankara",
    PERSON,
    "/page/country/turkey",
    "/page/city/ankara",
    HOSTILE_ARTICLE,
    "/page/article/000_sample",
    HOSTILE_POSITION,
    "/page/position/000_sample-cavusoglu-dialogue",
    "/page/person/jean-hostile",
    "/page/person/pierre-francais",
    "/page/city/hubville",
    "/page/evidence/001_hostile-0-42",
    "/meetings",
    "/meetings?year=2023&status=https://w3id.org/diplograph/ontology%23held",
    "/people",
    "/states",
    "/organizations",
    "/articles",
    "/positions",
    "/positions?holder=http://127.0.0.1:5000/id/person/jean-hostile&stance=support",
    "/search?q=cavusoglu",
    "/search?q=%3Cscript%3E",
    "/timeline",
    "/timeline?agent=http://127.0.0.1:5000/id/country/turkey",
    "/network",
    "/network?kind=states",
    "/ontology",
    "/ontology/Meeting",
]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory, settings: Settings) -> Iterator[Server]:
    store = GraphStore.open(tmp_path_factory.mktemp("hostile-store"))
    store.load_file(FIXTURES / "sample.trig")
    store.load_file(FIXTURES / "hostile.trig")
    store.flush()
    app = create_app(settings, store)
    app.extensions[EXTENSION].ontology_path = FIXTURES / "ontology.ttl"
    with serving(app) as running:
        yield running


def page(server: Server, path: str) -> str:
    response = server.get(path, headers={"Accept": "text/html"})
    assert response.status_code == 200, (path, response.text[:500])
    return response.text


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_valid_html5_with_no_markup_from_the_data(hostile: Server, path: str) -> None:
    html = page(hostile, path)
    html5lib.HTMLParser(strict=True).parse(html)
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "<b>hosted</b>" not in html
    assert re.findall(r"<script(?: [^>]*)?>", html) in ([], ['<script type="application/ld+json">'])


@pytest.mark.parametrize("path", [MEETING, PERSON, HOSTILE_ARTICLE, HOSTILE_POSITION])
def test_embedded_json_ld_is_schema_org_and_cannot_close_its_script(hostile: Server, path: str) -> None:
    html = page(hostile, path)
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert found is not None
    data = json.loads(found.group(1))
    assert data["@context"] == "https://schema.org"
    assert "</" not in found.group(1)


def test_meeting_is_a_fact_box_with_every_report_and_its_sentence(hostile: Server) -> None:
    html = page(hostile, MEETING)
    assert 'class="badge badge-held"' in html
    assert "(known to the day)" in html
    assert 'href="http://www.wikidata.org/entity/Q561183"' in html
    assert "Reported by 2 articles" in html
    assert "Ministers meet &lt;/title&gt;&lt;script&gt;" in html  # the hostile article's title, escaped
    assert '<mark class="meeting" title="the sentence this report comes from">ANKARA — Turkish' in html
    assert "&lt;b&gt;hosted&lt;/b&gt;" in html
    assert re.search(
        r"mevlut-cavusoglu\"[^>]*>Mevlüt Çavuşoğlu</a> <span class=\"badge badge-host\">host", html
    )


def test_report_page_points_to_its_meeting_and_the_other_articles(hostile: Server) -> None:
    html = page(hostile, "/page/report/001_hostile-ankara")
    assert "One article's account of" in html
    assert "Articles reporting the same meeting" in html
    assert "(known to the month)" in html
    assert 'href="/page/article/000_sample"' in html


def test_person_page_has_posts_meetings_positions_and_counterparts(hostile: Server) -> None:
    html = page(hostile, PERSON)
    assert "Posts held" in html and "foreign minister" in html
    assert "Meetings over time" in html and 'href="/page/meeting/cavusoglu-dendias-ankara-2023-05-09"' in html
    assert 'href="/page/position/000_sample-cavusoglu-dialogue"' in html
    assert re.search(
        r'href="/page/person/nikos-dendias"[^>]*>Nikos Dendias</a> <span class="count">1</span>', html
    )
    assert "Also called" in html and "Cavusoglu" in html


def test_state_page_lists_representatives_and_states_met(hostile: Server) -> None:
    html = page(hostile, "/page/country/turkey")
    assert "Representatives" in html and 'href="/page/person/mevlut-cavusoglu"' in html
    assert "States met most" in html and 'href="/page/country/greece"' in html


def test_article_text_marks_meetings_positions_quotes_and_names_by_offset(hostile: Server) -> None:
    html = page(hostile, HOSTILE_ARTICLE)
    assert (
        '<mark class="meeting" title="Ankara meeting &lt;i&gt;as reported&lt;/i&gt;" id="span-0-42">' in html
    )
    assert '<mark class="quote"' in html
    assert 'class="mention"' in html and 'href="/page/person/mevlut-cavusoglu"' in html
    assert "&lt;/script&gt;&lt;script&gt;alert(&#39;quote&#39;)" in html
    assert 'href="#span-0-42"' in html


def test_position_shows_its_quote_inside_its_paragraph(hostile: Server) -> None:
    html = page(hostile, HOSTILE_POSITION)
    assert '<mark class="position"><mark class="quote">Peace &lt;/script&gt;' in html
    assert "said Jean &lt;img src=x onerror=alert(1)&gt;." in html
    assert 'class="badge badge-support"' in html


def test_labels_in_other_languages_show_their_tag(hostile: Server) -> None:
    assert '<span class="tag" lang="fr">@fr</span>' in page(hostile, "/page/person/pierre-francais")
    people = page(hostile, "/people")
    assert 'Pierre Français</a> <span class="tag" lang="fr">@fr</span>' in people
    assert ">Hubville<" in page(hostile, "/page/city/hubville")  # English wins over French


def test_hub_groups_inbound_links_by_property_with_counts_and_pages(hostile: Server) -> None:
    html = page(hostile, "/page/city/hubville")
    assert re.search(
        r'>place</a> <span class="count">120</span>|>dg:place</a> <span class="count">120</span>', html
    )
    assert "Page 1 of 3" in html
    first = set(re.findall(r">Item (\d{3})<", html))
    second_html = page(
        hostile, "/page/city/hubville?property=https://w3id.org/diplograph/ontology%23place&page=2"
    )
    second = set(re.findall(r">Item (\d{3})<", second_html))
    assert "Page 2 of 3" in second_html
    assert len(first) == len(second) == 50 and not first & second


def test_blank_and_hash_nodes_are_shown_inside_their_parent(hostile: Server) -> None:
    html = page(hostile, "/page/evidence/001_hostile-0-42")
    assert '<table class="facts nested">' in html
    assert "Çavuşoğlu &lt;b&gt;hosted&lt;/b&gt; Dendias in Ankara." in html


def test_meeting_index_filters_and_sorts(hostile: Server) -> None:
    html = page(hostile, "/meetings?participant=http://127.0.0.1:5000/id/country/greece")
    assert 'href="/page/meeting/cavusoglu-dendias-ankara-2023-05-09"' in html
    assert "No meeting matches." in page(hostile, "/meetings?year=1999")
    assert '<option value="2023">2023</option>' in page(hostile, "/meetings")


def test_positions_filter_by_holder_and_stance(hostile: Server) -> None:
    holder = "/positions?holder=http://127.0.0.1:5000/id/person/mevlut-cavusoglu"
    html = page(hostile, holder)
    assert 'href="/page/position/000_sample-cavusoglu-dialogue"' in html
    assert 'href="/page/position/001_hostile-jean-peace"' not in html
    assert 'href="/page/position/001_hostile-jean-peace"' in page(hostile, "/positions?stance=support")
    assert "Nothing here yet." in page(hostile, holder + "&stance=other")
    assert 'href="/positions?holder=http' in page(hostile, PERSON)  # the person's page links to them all


def test_search_finds_names_and_aliases_without_accents(hostile: Server) -> None:
    html = page(hostile, "/search?q=cavusoglu")
    assert 'href="/page/person/mevlut-cavusoglu"' in html
    assert html.index("/page/person/mevlut-cavusoglu") < html.index("/page/meeting/")  # people first
    alias = page(hostile, "/search?q=alias")
    assert 'href="/page/person/jean-hostile"' in alias and "also called" in alias
    assert "Nothing is named like" in page(hostile, "/search?q=zzzz-nothing")


def test_pictures_are_svg_whose_marks_link_back(hostile: Server) -> None:
    for path in (
        "/timeline.svg",
        "/network.svg",
        "/timeline.svg?agent=http://127.0.0.1:5000/id/person/jean-hostile",
    ):
        response = hostile.get(path)
        assert response.headers["Content-Type"].startswith("image/svg+xml")
        root = ElementTree.fromstring(response.content)  # noqa: S314 - our own server's SVG
        assert root.get("role") == "img"
        assert root.find("{http://www.w3.org/2000/svg}title") is not None
    network = hostile.get("/network.svg").text
    assert 'href="/page/person/mevlut-cavusoglu"' in network
    timeline = page(hostile, "/timeline?agent=http://127.0.0.1:5000/id/person/mevlut-cavusoglu")
    assert 'href="/page/meeting/cavusoglu-dendias-ankara-2023-05-09"' in timeline


def test_ontology_term_page_counts_its_instances(hostile: Server) -> None:
    html = page(hostile, "/ontology/Meeting")
    assert "A diplomatic meeting, as one real-world event." in html
    assert "<dt>Instances</dt><dd>1</dd>" in html
    assert hostile.get("/ontology/NoSuchTerm", headers={"Accept": "text/html"}).status_code == 404
    turtle = hostile.get("/ontology/Meeting", headers={"Accept": "text/turtle"})
    assert "A diplomatic meeting" in turtle.text


@pytest.mark.parametrize("path", [MEETING, "/meetings", "/data/person/mevlut-cavusoglu.ttl", "/timeline"])
def test_pages_and_data_revalidate_by_store_version(hostile: Server, path: str) -> None:
    first = hostile.get(path)
    assert "Accept" in first.headers["Vary"]
    assert first.headers["ETag"].startswith('W/"') and "Last-Modified" in first.headers
    again = hostile.get(path, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    other = hostile.get(path, headers={"If-None-Match": 'W/"something-else"'})
    assert other.status_code == 200


def test_pagers_keep_bad_page_numbers_in_range(hostile: Server) -> None:
    assert "Page 3 of 3" in page(
        hostile, "/page/city/hubville?property=https://w3id.org/diplograph/ontology%23place&page=99"
    )
    assert page(hostile, "/people?page=abc")
