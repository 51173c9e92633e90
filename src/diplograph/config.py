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
    Setting("threads", "DIPLOGRAPH_THREADS", 4, "Worker threads of the web server."),
    Setting("query_timeout", "DIPLOGRAPH_QUERY_TIMEOUT", 30.0, "Seconds a SPARQL query may run."),
    Setting("max_request_bytes", "DIPLOGRAPH_MAX_REQUEST_BYTES", 1_000_000, "Largest request body accepted."),
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
    threads: int = SETTINGS[6].default
    query_timeout: float = SETTINGS[7].default
    max_request_bytes: int = SETTINGS[8].default

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


def _coerce(kind: type, raw: Any) -> Any:
    if isinstance(raw, kind):
        return raw
    if issubclass(kind, Path):
        return Path(raw)
    return kind(raw)
