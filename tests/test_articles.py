"""Sources → Article: seeds lose their boilerplate and keep their sentences; bad inputs give one clear error.

The texts in ``tests/articles/`` are invented, written in the manner of a wire agency, a state news agency
and a blog, to keep the cleaning rules general rather than fitted to the five seeds.
"""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from diplograph.articles import Article
from diplograph.articles.cleaning import clean_text
from diplograph.articles.fetching import fetch_url, url_article_id
from diplograph.articles.metadata import ArticleMetadata, load_metadata
from diplograph.articles.reading import read_directory, read_path
from diplograph.errors import ArticleError

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "articles"
OWN_ARTICLES = Path(__file__).parent / "articles"


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    results = list(read_directory(SEEDS))
    assert all(isinstance(result, Article) for result in results), results
    return {result.id[:3]: result for result in results if isinstance(result, Article)}


SEED_CASES = {
    "000": (
        [
            "in ,",
            "Notify of",
            "BREAKING: Putin and Tillerson meet in Moscow",
            "Help us grow",
            "View all comments",
            "The statements, views and opinions expressed",
            "What do you think?",
        ],
        [
            "Lavrov invites Iranian and Syrian Foreign Ministers to Moscow",
            "Here is how Maria Zakharova, the Russian Foreign Ministry’s spokesman, explained the purpose",
            "the missile strike is bringing them closer together.",
        ],
    ),
    "001": (
        [
            "GET VISIBLE",
            "Donate",
            "Stephen Lendman lives in Chicago",
            "Back to...",
            "Share Our Stories",
            "Visit his blog site at",
            "By Stephen Lendman",
            "RenseRadio",
        ],
        [
            "Syrian Opposition Groups Invited To Moscow",
            "Sergey Lavrov invited representatives from Syrian opposition groups to meet with him in Moscow",
            "Moscow is increasing cooperation with Iran and Turkey",
        ],
    ),
    "002": (
        [
            "Ron Wheeler says",
            "Leave A Reply",
            "Your email address will not be published",
            "Source:",
            "Rat Minions",
            "CHUCKMAN",
        ],
        [
            "Russian Foreign Minister Sergei Lavrov on Tuesday urged the U.S.",
            "All in all, this meeting in Jerusalem will make for a curious photo op, "
            "but it isn’t going to produce anything significant.",
        ],
    ),
    "003": (
        [],
        [
            "(L to R) Iran Foreign Minister Hossein Amirabdollahian",
            "Turkish Foreign Minister Mevlüt Çavuşoğlu tweeted after Wednesday’s meeting:",
            "as it stood by the Syrian armed forces during the fight against terrorism.",
        ],
    ),
    "004": (
        ["Features Icon", "show comments", "© The American Interest", "Masthead"],
        [
            "Russia Snubs US and UN In New Syria Talks",
            "President Vladimir Putin said he and his Turkish counterpart",
            "“The next step is to reach an agreement on a total ceasefire across the whole of Syria,”",
        ],
    ),
}


@pytest.mark.parametrize("seed", sorted(SEED_CASES))
def test_seed_loses_boilerplate_and_keeps_body_sentences(seeds: dict[str, Article], seed: str) -> None:
    absent, present = SEED_CASES[seed]
    text = seeds[seed].text
    for phrase in absent:
        assert phrase not in text
    for sentence in present:
        assert sentence in text


@pytest.mark.parametrize("seed", sorted(SEED_CASES))
def test_cleaned_seed_lines_are_verbatim_lines_of_the_source(seeds: dict[str, Article], seed: str) -> None:
    raw = (SEEDS / f"{seeds[seed].id}.txt").read_text(encoding="utf-8")
    raw_lines = {line.strip() for line in raw.split("\n")}
    text = seeds[seed].text
    assert "\n\n\n" not in text and text == text.strip()
    for line in text.split("\n"):
        assert line == "" or line in raw_lines


def test_dropped_lines_are_kept_for_the_log(seeds: dict[str, Article]) -> None:
    assert "Notify of" in seeds["000"].dropped
    assert "1. Ron Wheeler says" in seeds["002"].dropped


def test_seed_metadata_comes_from_the_sidecar_and_unknown_stays_unknown(seeds: dict[str, Article]) -> None:
    assert seeds["000"].publisher == "The Duran"
    assert seeds["001"].authors == ("Stephen Lendman",)
    assert seeds["002"].publisher == "The American Conservative" and seeds["002"].authors == ()
    assert seeds["004"].title == "Russia Snubs US and UN In New Syria Talks"
    unknown = seeds["003"]
    assert (unknown.title, unknown.publisher, unknown.authors, unknown.url) == (None, None, (), None)
    assert all(article.published is None for article in seeds.values())


def test_digests_are_deterministic_and_follow_input_and_metadata(
    seeds: dict[str, Article], tmp_path: Path
) -> None:
    again = {result.id[:3]: result for result in read_directory(SEEDS) if isinstance(result, Article)}
    assert {key: article.digest for key, article in again.items()} == {k: a.digest for k, a in seeds.items()}
    source = tmp_path / "a.txt"
    source.write_text("Headline\n\nA body sentence that is long enough to count as a paragraph here.\n")
    first = next(read_path(source, {}))
    retitled = next(read_path(source, {"a": ArticleMetadata(title="Other")}))
    source.write_text("Headline\n\nA body sentence that is long enough to count as a paragraph now.\n")
    edited = next(read_path(source, {}))
    assert isinstance(first, Article) and isinstance(retitled, Article) and isinstance(edited, Article)
    assert len({first.digest, retitled.digest, edited.digest}) == 3
    assert first.title == "Headline" and retitled.title == "Other"


@pytest.mark.parametrize("path", sorted(OWN_ARTICLES.glob("*.txt")), ids=lambda path: path.stem)
def test_cleaner_rules_are_general_across_outlets(path: Path) -> None:
    text, dropped = clean_text(path.read_text(encoding="utf-8"))
    for phrase in [
        "Skip to main content",
        "min read",
        "By Jane Doe",
        "Share this",
        "Reporting by",
        "Editing by",
        "Our Standards",
        "Read Next",
        "embassies",
        "Related",
        "READ MORE",
        "Follow us on Telegram",
        "newsletter",
        "You may also like",
        "Raisi",
        "©",
        "Menu",
        "Posted on",
        "Twitter",
        "Like this",
        "thoughts on",
        "says:",
        "I doubt Erdogan",
        "Reply",
    ]:
        assert phrase not in text
    assert len(dropped) >= 7
    assert len([paragraph for paragraph in text.split("\n\n") if len(paragraph) > 100]) >= 2


def test_cleaner_keeps_datelines_and_sentences_that_mention_boilerplate_words() -> None:
    text, _ = clean_text((OWN_ARTICLES / "wire_reuters_style.txt").read_text(encoding="utf-8"))
    assert text.split("\n\n")[1].startswith("BEIJING (Reuters) - Russian Foreign Minister Sergei Lavrov met")
    assert "Russia's share of China's oil imports rose again last year" in text
    text, _ = clean_text((OWN_ARTICLES / "state_media_style.txt").read_text(encoding="utf-8"))
    assert "MOSCOW, March 3. /TASS/. Russian Deputy Foreign Minister Mikhail Bogdanov" in text


def test_a_box_of_related_links_inside_the_article_drops_its_headlines_and_not_the_rest() -> None:
    # eval/fresh f01 (wire) and f13 (Vietnamese daily): "Related coverage" / "Related news" with a list of
    # headlines between two paragraphs of the story; the story goes on after the box.
    text, dropped = clean_text(
        (ROOT / "eval" / "fresh" / "articles" / "f01_wire_biden_xi_bali.txt").read_text()
    )
    assert "- Analysis: Bali handshake buys time, not trust" in dropped and "Related coverage" in dropped
    assert "Analysis: Bali handshake" not in text
    assert "when then-House Speaker Nancy Pelosi visited Taipei" in text
    text, dropped = clean_text(
        (ROOT / "eval" / "fresh" / "articles" / "f13_vietnam_daily_biden_trong_hanoi.txt").read_text()
    )
    assert "- What does a comprehensive strategic partnership mean?" in dropped
    assert "On Monday morning Biden is scheduled to meet Prime Minister Pham Minh Chinh" in text


def test_a_comment_counter_with_a_thousands_separator_ends_the_article() -> None:
    # eval/blind b12 (op-ed): "Comments (1,204)", then a reader predicting a meeting ("Witkoff and Araghchi
    # will meet face to face in Rome next week") that must not become one.
    text, dropped = clean_text(
        (ROOT / "eval" / "blind" / "articles" / "b12_oped_araghchi_muscat_talks.txt").read_text()
    )
    assert text.endswith("Abbas Araghchi is the minister of foreign affairs of the Islamic Republic of Iran.")
    assert "Comments (1,204)" in dropped and "sunbelt_mike" not in text
    for counter in ("1,204 comments", "View all 3.4k comments", "Comments (12)"):
        story = "Title\n\nThe ministers met in Rome on Monday, officials said."
        text, _ = clean_text(f"{story}\n\n{counter}\n\nbob: no")
        assert "bob" not in text, counter


def _errors_and_articles(results: list[Article | ArticleError]) -> tuple[list[str], list[Article]]:
    return (
        [str(result) for result in results if isinstance(result, ArticleError)],
        [result for result in results if isinstance(result, Article)],
    )


def test_bad_files_each_give_one_error_naming_them_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a_good.txt").write_text(
        "Talks in Moscow\n\nThe ministers met in Moscow on Friday to discuss Syria.\n"
    )
    (tmp_path / "b_empty.txt").write_bytes(b"  \n")
    (tmp_path / "c_binary.txt").write_bytes(b"PK\x03\x04\x00\x00binary")
    (tmp_path / "d_latin1.txt").write_bytes(
        "Caf\u00e9 talks\n\nThe ministers met at a caf\u00e9.\n".encode("latin-1")
    )
    (tmp_path / "notes.md").write_text("not an article")
    errors, articles = _errors_and_articles(list(read_directory(tmp_path, {})))
    assert [article.id for article in articles] == ["a_good"]
    assert errors == [
        f"{tmp_path / 'b_empty.txt'} is empty",
        f"{tmp_path / 'c_binary.txt'} looks binary (it contains NUL bytes)",
        f"{tmp_path / 'd_latin1.txt'} is not UTF-8 text (invalid byte 0xe9 at offset 3)",
    ]


def test_jsonl_bad_lines_are_rejected_with_their_number_and_the_others_read(tmp_path: Path) -> None:
    body = "Lavrov met Wang Yi in Beijing on Tuesday to discuss trade and the war."
    lines = [
        json.dumps({"id": "first", "text": body, "author": ["A One", "B Two"], "published": "2023-05-10"}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"title": "No body"}),
        json.dumps({"text": body, "published": "10 May 2023"}),
        json.dumps({"id": "first", "text": body}),
        json.dumps({"id": "../etc", "text": body}),
        "",
        json.dumps(
            {"html": f"<html><body><article><h1>Head</h1><p>{body} {body}</p></article></body></html>"}
        ),
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors, articles = _errors_and_articles(list(read_path(feed, {})))
    assert [article.id for article in articles] == ["first", "feed-9"]
    assert articles[0].authors == ("A One", "B Two") and articles[0].published == date(2023, 5, 10)
    assert articles[0].origin == f"{feed} line 1"
    assert body in articles[1].text
    assert len(errors) == 6
    for number, reason in zip(
        range(2, 8),
        [
            "is not JSON",
            "is not a JSON object",
            "has neither text nor html",
            "bad published date '10 May 2023'",
            "repeats id 'first' of line 1",
            "that is not letters",
        ],
        strict=True,
    ):
        assert errors[number - 2].startswith(f"{feed} line {number} ") and reason in errors[number - 2]


HTML_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Ministers meet in Ankara</title>
<meta property="og:site_name" content="Example Times"><meta name="author" content="Ayse Kaya">
<meta property="article:published_time" content="2023-05-10T09:00:00Z"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li></ul></nav>
<div class="ad advertisement">GET VISIBLE! Advertise here with us today</div>
<article><h1>Ministers meet in Ankara</h1>
<p>The foreign ministers of Turkey and Syria met in Ankara on Wednesday for the first time in more
than a decade, officials from both governments said.</p>
<p>The talks focused on the return of refugees and on security along the border, a Turkish official said.</p>
</article>
<section id="comments" class="comments"><h3>3 Comments</h3><div class="comment"><p>Ron says: this will never
work, mark my words.</p></div></section>
<footer>© 2023 Example Times. All rights reserved.</footer></body></html>"""


def test_html_page_is_cleaned_to_its_body_with_page_metadata(tmp_path: Path) -> None:
    page = tmp_path / "ankara.html"
    page.write_text(HTML_PAGE, encoding="utf-8")
    (article,) = list(read_path(page, {"ankara": ArticleMetadata(publisher="The Example Times")}))
    assert isinstance(article, Article)
    assert article.text.startswith(
        "Ministers meet in Ankara\n\nThe foreign ministers of Turkey and Syria met in Ankara"
    )
    assert "a Turkish official said." in article.text
    for phrase in ["Home", "World news", "Advertise", "Comments", "Ron says", "All rights reserved"]:
        assert phrase not in article.text
    assert article.title == "Ministers meet in Ankara"
    assert article.authors == ("Ayse Kaya",) and article.published == date(2023, 5, 10)
    assert article.publisher == "The Example Times"  # the sidecar wins over the page's site name


def test_sidecar_loads_authors_dates_and_names_the_line_of_a_bad_date(tmp_path: Path) -> None:
    sidecar = tmp_path / "articles.csv"
    sidecar.write_text("id,title,publisher,author,published,url\nx,T,P,A One; B Two,2023-05-10,\ny,,,,,\n")
    entries = load_metadata(sidecar)
    assert entries["x"] == ArticleMetadata("T", "P", ("A One", "B Two"), date(2023, 5, 10), None)
    assert entries["y"] == ArticleMetadata()
    assert set(load_metadata(ROOT / "data" / "articles.csv")) == {path.stem for path in SEEDS.glob("*.txt")}
    sidecar.write_text("id,title,publisher,author,published,url\nx,,,,2023-05-10,\ny,,,,May 2023,\n")
    with pytest.raises(ArticleError, match=r"articles\.csv line 3 has a bad published date 'May 2023'"):
        load_metadata(sidecar)


class _PageHandler(http.server.BaseHTTPRequestHandler):
    """Serves the test page, a big page without Content-Length, and a PDF."""

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        if self.path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html><body><p>" + b"word " * 20_000 + b"</p></body></html>")
            return
        body = HTML_PAGE.encode("utf-8") if self.path.startswith("/news") else b"%PDF-1.4"
        self.send_response(200)
        self.send_header(
            "Content-Type", "text/html; charset=utf-8" if self.path.startswith("/news") else "application/pdf"
        )
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature of the base class
        """Keep the test output quiet."""


@pytest.fixture(scope="module")
def local_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _PageHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def test_fetch_url_reads_an_html_page_into_an_article(local_server: str) -> None:
    url = f"{local_server}/news/ministers-meet-in-ankara.html"
    article = fetch_url(url)
    assert article.id == url_article_id(url) and article.id.startswith("ministers-meet-in-ankara-")
    assert article.url == url and article.origin == url
    assert "The talks focused on the return of refugees" in article.text and "Ron says" not in article.text
    assert fetch_url(url).digest == article.digest
    known = {"ankara-talks": ArticleMetadata(title="Checked title", url=url)}
    assert fetch_url(url, known).id == "ankara-talks"


def test_fetch_url_refuses_pages_over_the_size_limit_and_other_types(local_server: str) -> None:
    with pytest.raises(ArticleError, match="is larger than 10,000 bytes"):
        fetch_url(f"{local_server}/big", max_bytes=10_000)
    with pytest.raises(ArticleError, match="is larger than 500 bytes"):
        fetch_url(f"{local_server}/news/page", max_bytes=500)
    with pytest.raises(ArticleError, match="is application/pdf, not an HTML page"):
        fetch_url(f"{local_server}/file.pdf")
    with pytest.raises(ArticleError, match="is not an http"):
        fetch_url("file:///etc/passwd")
