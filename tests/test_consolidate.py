"""One node per real meeting: reports of the same meeting gather, others stay apart, order never matters."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date

from rdflib import URIRef

from diplograph.extract.model import PartialDate
from diplograph.graph.consolidate import ReportSummary, cluster, consolidate, match_score
from diplograph.graph.namespaces import DG
from diplograph.graph.uris import Minter

BASE = "http://example.org/"
RUSSIA, TURKEY, IRAN, USA = (
    f"{BASE}id/country/{key}" for key in ("russia", "turkey", "iran", "united-states")
)
ASTANA, MOSCOW = f"{BASE}id/city/astana", f"{BASE}id/city/moscow"


def report(
    name: str,
    *,
    states: set[str],
    place: str | None = None,
    day: PartialDate | None = None,
    status: str = "held",
    published: date | None = None,
) -> ReportSummary:
    return ReportSummary(
        iri=f"{BASE}id/report/{name}",
        article_date=published,
        status=status,
        kind="multilateral" if len(states) > 2 else "bilateral",
        date=day,
        place=place,
        place_label=place.rsplit("/", 1)[-1].title() if place else None,
        states=frozenset(states),
        participants=frozenset(states),
        hosts=frozenset(),
    )


# The Astana talks: proposed in one seed (004), reported held in two others (001, 003).
ANNOUNCED = report(
    "announced", states={RUSSIA, TURKEY}, place=ASTANA, status="proposed", published=date(2016, 12, 17)
)
HELD = report(
    "held", states={RUSSIA, TURKEY, IRAN}, place=ASTANA, day=PartialDate(2017, 1), published=date(2023, 5, 11)
)
RECALLED = report("recalled", states={RUSSIA, TURKEY}, place=ASTANA, published=date(2017, 1, 25))


def test_reports_of_the_astana_talks_become_one_meeting():
    assert len(cluster([ANNOUNCED, HELD, RECALLED])) == 1


def test_the_canonical_meeting_takes_its_status_from_the_latest_report():
    graph = consolidate([ANNOUNCED, HELD, RECALLED], Minter(BASE))
    meetings = list(graph.subjects(DG.hasReport, URIRef(HELD.iri)))
    assert len(meetings) == 1
    assert graph.value(meetings[0], DG.status) == DG.held
    assert set(graph.objects(meetings[0], DG.hasReport)) == {
        URIRef(r.iri) for r in (ANNOUNCED, HELD, RECALLED)
    }


def test_ingest_order_does_not_change_the_canonical_meetings():
    reports = [ANNOUNCED, HELD, RECALLED, report("other", states={RUSSIA, USA}, place=MOSCOW)]
    graphs = {frozenset(consolidate(list(order), Minter(BASE))) for order in itertools.permutations(reports)}
    assert len(graphs) == 1


def test_different_places_never_merge():
    assert match_score(ANNOUNCED, report("elsewhere", states={RUSSIA, TURKEY}, place=MOSCOW)) == 0


def test_incompatible_dates_never_merge():
    first = report("a", states={RUSSIA, IRAN}, day=PartialDate(2023, 5, 10))
    second = report("b", states={RUSSIA, IRAN}, day=PartialDate(2023, 6, 1))
    assert match_score(first, second) == 0


def test_held_and_cancelled_as_of_the_same_day_stay_apart():
    held = report("held-one", states={RUSSIA, IRAN}, place=MOSCOW, status="held", published=date(2023, 5, 10))
    called_off = report(
        "off", states={RUSSIA, IRAN}, place=MOSCOW, status="cancelled", published=date(2023, 5, 10)
    )
    assert match_score(held, called_off) == 0


def test_one_shared_state_in_the_same_city_is_not_enough():
    # 000: Russia meets Tillerson in Moscow; 001: Lavrov invites the Syrian opposition to Moscow.
    tillerson = report("tillerson", states={RUSSIA, USA}, place=MOSCOW)
    opposition = report(
        "opposition", states={RUSSIA, f"{BASE}id/organization/syrian-opposition"}, place=MOSCOW
    )
    assert match_score(tillerson, opposition) == 0


def test_each_report_carries_its_match_score():
    graph = consolidate([ANNOUNCED, HELD], Minter(BASE))
    score = graph.value(URIRef(HELD.iri), DG.matchScore)
    assert score is not None and 0.5 <= float(score) <= 1.0


def test_two_reports_of_one_article_stay_two_meetings_even_through_a_third_article():
    # u05 (MEA press release): three bilaterals in Goa on one day, each with India; extraction already
    # merged what one article says twice, so its reports are different meetings, also when a report of
    # another article matches both.
    goa = f"{BASE}id/city/goa"
    india, china = f"{BASE}id/country/india", f"{BASE}id/country/china"
    day = PartialDate(2023, 5, 4)
    with_russia = replace(report("a-1", states={india, RUSSIA}, place=goa, day=day), source="article-a")
    with_china = replace(report("a-2", states={india, china}, place=goa, day=day), source="article-a")
    elsewhere = replace(report("b-1", states={india, RUSSIA, china}, place=goa, day=day), source="article-b")
    assert match_score(with_russia, with_china) >= 0.5  # they would match on place and day alone
    groups = cluster([with_russia, with_china, elsewhere])
    assert len(groups) == 2
    assert all({"a-1", "a-2"} - {r.iri.rsplit("/", 1)[-1] for r in group} for group in groups)
