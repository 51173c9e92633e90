"""One Settings object built from command-line options and the environment.

Every setting is declared once in ``SETTINGS``: the CLI options, the README table and a test that checks
the docs all read from it. Nothing else in the package reads ``os.environ``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parents[2]
WIKIDATA_SERVICE = "https://query.wikidata.org/sparql"


@dataclass(frozen=True)
class Setting:
    """A user-facing setting: its name, environment variable, default and help text."""

    name: str
    env: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("store", "DIPLOGRAPH_STORE", PROJECT_ROOT / "var" / "store", "Folder of the Oxigraph store."),
    Setting(
        "base",
        "DIPLOGRAPH_BASE",
        "http://127.0.0.1:5000/",
        "Base IRI of the resources: they are minted as {base}id/{kind}/{slug}.",
    ),
    Setting(
        "articles", "DIPLOGRAPH_ARTICLES", PROJECT_ROOT / "data" / "articles", "Folder of articles to build."
    ),
    Setting(
        "data", "DIPLOGRAPH_DATA", PROJECT_ROOT / "data", "Folder of the gazetteer and article metadata."
    ),
    Setting("host", "DIPLOGRAPH_HOST", "127.0.0.1", "Interface the web server listens on."),
    Setting("port", "DIPLOGRAPH_PORT", 5000, "Port the web server listens on."),
    Setting(
        "workers",
        "DIPLOGRAPH_WORKERS",
        4,
        "Processes of the web server, each answering one request at a time.",
    ),
    Setting(
        "query_timeout",
        "DIPLOGRAPH_QUERY_TIMEOUT",
        30.0,
        "Seconds a request (a SPARQL query, a page) may run: past it, it is answered 503 and stopped.",
    ),
    Setting("max_request_bytes", "DIPLOGRAPH_MAX_REQUEST_BYTES", 1_000_000, "Largest request body accepted."),
    Setting(
        "allow_updates",
        "DIPLOGRAPH_ALLOW_UPDATES",
        False,
        "Accept SPARQL Update at /sparql (needs update_token too; LOAD is never accepted).",
    ),
    Setting(
        "update_token",
        "DIPLOGRAPH_UPDATE_TOKEN",
        "",
        "Access token SPARQL Update requests must send as 'Authorization: Bearer TOKEN'.",
    ),
    Setting(
        "allowed_services",
        "DIPLOGRAPH_ALLOWED_SERVICES",
        (),
        "Endpoints a query may reach with SERVICE (space- or comma-separated IRIs; default none).",
    ),
    Setting(
        "allow_wikidata",
        "DIPLOGRAPH_ALLOW_WIKIDATA",
        False,
        f"Allow SERVICE <{WIKIDATA_SERVICE}> (Wikidata's query service) in queries.",
    ),
    Setting(
        "union_default_graph",
        "DIPLOGRAPH_UNION_DEFAULT_GRAPH",
        True,
        "Query the union of all graphs as the default graph; false keeps SPARQL's own default graph.",
    ),
)


@dataclass(frozen=True)
class Settings:
    """Resolved settings; build one with ``Settings.load`` and pass it down explicitly."""

    store: Path = field(default=SETTINGS[0].default)
    base: str = SETTINGS[1].default
    articles: Path = field(default=SETTINGS[2].default)
    data: Path = field(default=SETTINGS[3].default)
    host: str = SETTINGS[4].default
    port: int = SETTINGS[5].default
    workers: int = SETTINGS[6].default
    query_timeout: float = SETTINGS[7].default
    max_request_bytes: int = SETTINGS[8].default
    allow_updates: bool = SETTINGS[9].default
    update_token: str = SETTINGS[10].default
    allowed_services: tuple[str, ...] = SETTINGS[11].default
    allow_wikidata: bool = SETTINGS[12].default
    union_default_graph: bool = SETTINGS[13].default

    @property
    def service_allow_list(self) -> frozenset[str]:
        """The endpoints SERVICE may reach: the allowed ones, plus Wikidata's when opted in."""
        extra = (WIKIDATA_SERVICE,) if self.allow_wikidata else ()
        return frozenset((*self.allowed_services, *extra))

    @classmethod
    def load(
        cls, options: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None
    ) -> Settings:
        """Options win over the environment, which wins over the defaults."""
        environ = os.environ if environ is None else environ
        options = options or {}
        values: dict[str, Any] = {}
        types = {f.name: type(getattr(cls(), f.name)) for f in fields(cls)}
        for setting in SETTINGS:
            raw = options.get(setting.name)
            if raw is None:
                raw = environ.get(setting.env)
            if raw is None:
                continue
            values[setting.name] = _coerce(types[setting.name], raw)
        settings = replace(cls(), **values)
        if not settings.base.endswith("/"):
            settings = replace(settings, base=settings.base + "/")
        return settings


def _coerce(kind: Any, raw: Any) -> Any:
    if isinstance(raw, kind):
        return raw
    if kind is bool:
        return str(raw).strip().lower() in ("1", "true", "yes", "on")
    if kind is tuple:
        items = raw.replace(",", " ").split() if isinstance(raw, str) else raw
        return tuple(str(item) for item in items)
    if issubclass(kind, Path):
        return Path(raw)
    return kind(raw)
