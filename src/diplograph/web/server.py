"""``diplograph serve``: the app in the processes of a pre-fork server (gunicorn), each on its own store.

Each process answers one request at a time and runs its queries itself, on its own read-only snapshot of
the published store version, opened after the fork (a RocksDB handle never crosses a fork) and refreshed
before every request. A request past ``query_timeout`` is answered by the process's watchdog
(``watchdog``), which then ends the process; the master forks a fresh one from its preloaded imports in
milliseconds, and the other processes answer meanwhile. gunicorn's own timeout stays a backstop above it.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import io
import logging
import math
import os
import select
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication
from gunicorn.http import wsgi
from gunicorn.workers.sync import SyncWorker
from werkzeug.http import http_date

from diplograph.config import Settings
from diplograph.errors import QueryTimeout
from diplograph.store import GraphStore
from diplograph.web import create_app
from diplograph.web.sparql import timeout_response
from diplograph.web.streaming import producers_running
from diplograph.web.watchdog import Environ, TimeoutGuard, Watchdog

log = logging.getLogger(__name__)

#: gunicorn ends a process that has not answered for the query timeout plus this (the watchdog did not).
BACKSTOP_SECONDS = 10


#: A process tells the master it is alive (gunicorn's heartbeat, a utime on a file) at most this often.
HEARTBEAT_SECONDS = 1.0

#: gunicorn's largest bounded request line: a GET query up to about 8 KB (clients POST longer ones, as the
#: SPARQL protocol suggests); an unbounded line would let one request fill the memory.
MAX_REQUEST_LINE = 8190

#: What the app imports when it is built, imported in the master so that a new process need not.
PRELOADED = (
    "diplograph.web.browse",
    "diplograph.web.dataset",
    "diplograph.web.fast_path",
    "diplograph.web.ontology",
    "diplograph.web.pages",
    "diplograph.web.pictures",
    "diplograph.web.query_page",
    "diplograph.web.sparql",
)


def serve(settings: Settings, open_store: Callable[[], GraphStore]) -> None:
    """Serve at ``settings.host:settings.port`` with ``settings.workers`` processes; does not return.

    ``open_store`` is called in each process after the fork: the store the process reads.
    """
    for name in PRELOADED:
        importlib.import_module(name)
    gc.freeze()  # the preloaded modules stay shared with the processes, not copied by the collector
    PreForkServer(settings, ProcessApp(settings, open_store)).run()


class ProcessApp:
    """The WSGI callable gunicorn preloads in the master; ``start()`` builds the real one in each process."""

    def __init__(self, settings: Settings, open_store: Callable[[], GraphStore]) -> None:
        self.settings = settings
        self.open_store = open_store
        self.guarded: TimeoutGuard | None = None

    def start(self) -> None:
        """Open this process's store, build its app and start its watchdog (after the fork)."""
        store = self.open_store()
        app = create_app(self.settings, store)
        watchdog = Watchdog(self.settings.query_timeout, timeout_answer(app, self.settings.query_timeout))
        refresh = getattr(store, "refresh", lambda: None)
        self.guarded = TimeoutGuard(app, watchdog, before=refresh, abandoned=producers_running)
        watchdog.start()
        gc.freeze()
        threading.Thread(target=warm_up, args=(app,), name="warm-up", daemon=True).start()

    def __call__(self, environ: Environ, start_response: Callable[..., Any]) -> Iterable[bytes]:
        assert self.guarded is not None, "ProcessApp.start() runs in each process before it serves"
        return self.guarded(environ, start_response)


def warm_up(app: Flask) -> None:
    """Compute what pages keep per store version (statistics, indexes of meetings, names and listings) before
    the first visitor asks: on a large store the home page's first answer otherwise takes seconds."""
    client = app.test_client()
    for path in WARM_PATHS:
        try:
            client.get(path, headers={"Accept": "text/html"})
        except Exception:  # a failing page is the page's own bug, reported when it is asked for
            log.exception("warming %s failed", path)


#: The pages whose per-version indexes most others share.
WARM_PATHS = ("/", "/meetings", "/people")


class PreForkServer(BaseApplication):  # type: ignore[misc]
    """gunicorn configured from our settings alone (no config file, no GUNICORN_CMD_ARGS)."""

    def __init__(self, settings: Settings, app: ProcessApp) -> None:
        self.settings = settings
        self.application = app
        super().__init__()

    def load_config(self) -> None:
        settings = self.settings
        host = f"[{settings.host}]" if ":" in settings.host else settings.host
        backstop = math.ceil(settings.query_timeout) + BACKSTOP_SECONDS
        options = {
            "bind": [f"{host}:{settings.port}"],
            "workers": max(1, settings.workers),
            "worker_class": OneAtATimeWorker,  # one request at a time: the watchdog may end the process
            "preload_app": True,
            "timeout": backstop,
            "graceful_timeout": backstop,
            "limit_request_line": MAX_REQUEST_LINE,
            "post_fork": lambda _arbiter, _worker: self.application.start(),
            "control_socket_disable": True,  # no control socket in the user's home
            "accesslog": None,
            "errorlog": "-",
            "loglevel": logging.getLevelName(logging.getLogger().getEffectiveLevel()).lower(),
            "proc_name": "diplograph",
        }
        for name, value in options.items():
            self.cfg.set(name, value)

    def load(self) -> ProcessApp:
        return self.application


class OneAtATimeWorker(SyncWorker):  # type: ignore[misc]
    """gunicorn's sync worker, but only one idle process is woken for a new connection.

    The sync worker waits with ``select`` on the shared listening socket, so every idle process wakes for
    every connection and all but one find nothing to accept: on a small machine that costs the client
    0.03–0.1 ms a request with two processes (bench/README.md), more with more. ``EPOLLEXCLUSIVE`` wakes one.
    """

    poller: select.epoll | None = None
    last_heartbeat = -math.inf

    def notify(self) -> None:
        """gunicorn's heartbeat, at most every ``HEARTBEAT_SECONDS``: the sync worker beats twice a request
        (a ``utime`` system call each), while the master only ends a process silent for its timeout, which is
        ten seconds or more (``BACKSTOP_SECONDS``)."""
        now = time.monotonic()
        if now - self.last_heartbeat >= HEARTBEAT_SECONDS:
            self.last_heartbeat = now
            super().notify()

    def wait(self, timeout: float) -> list[Any]:
        self.notify()
        if self.poller is None:
            self.poller = select.epoll()
            for listener in self.sockets:
                self.poller.register(listener.fileno(), select.EPOLLIN | select.EPOLLEXCLUSIVE)
            self.poller.register(self.PIPE[0], select.EPOLLIN)
        for descriptor, _events in self.poller.poll(timeout):
            if descriptor == self.PIPE[0]:  # a signal woke us: gunicorn's own wake-up pipe
                with contextlib.suppress(BlockingIOError):
                    os.read(self.PIPE[0], 1)
        return list(self.sockets)

    def handle_request(self, listener: Any, req: Any, client: Any, addr: Any) -> None:
        """gunicorn's ``SyncWorker.handle_request`` less what this server never configures (``load_config``
        sets them and nothing else can): the pre- and post-request hooks, the access log and the clock
        readings taken for it. Per request they cost about as much as reading a new query's form."""
        resp = None
        try:
            self.log.debug("%s %s", req.method, req.path)  # what the default pre-request hook does
            resp, environ = wsgi.create(req, client, addr, listener.getsockname(), self.cfg)
            resp.force_close()  # gunicorn's sync worker never keeps a connection alive
            self.nr += 1
            if self.nr >= self.max_requests:
                self.log.info("Autorestarting worker after current request.")
                self.alive = False
            body = self.wsgi(environ, resp.start_response)
            try:
                if isinstance(body, environ["wsgi.file_wrapper"]):
                    resp.write_file(body)
                else:
                    for item in body:
                        resp.write(item)
                resp.close()
            finally:
                if hasattr(body, "close"):
                    body.close()
        except OSError:
            raise  # the client went away: gunicorn's handle() sorts it out
        except (Exception, SystemExit):
            if resp is not None and resp.headers_sent:
                # A 500 now would corrupt the response begun; handle() closes the connection.
                self.log.exception("Error handling request")
                raise StopIteration from None
            raise


def timeout_answer(app: Flask, timeout: float) -> Callable[[Environ], bytes]:
    """The raw HTTP answer to a request stopped at the timeout: what the app answers a ``QueryTimeout``
    for that client (the query page or an error page for browsers, text for tools, with the same
    headers), rendered by the app itself (``sparql.timeout_response``)."""

    def answer(environ: Environ) -> bytes:
        error = QueryTimeout(f"The query ran longer than {timeout:g} s and was stopped.")
        quiet = {**environ, "wsgi.input": io.BytesIO(), "CONTENT_LENGTH": "0"}  # the body was read
        with app.request_context(quiet):
            response = app.process_response(timeout_response(error))
        head = [f"{environ.get('SERVER_PROTOCOL', 'HTTP/1.1')} {response.status}"]
        head += [f"{name}: {value}" for name, value in response.get_wsgi_headers(quiet).items()]
        head += [f"Date: {http_date()}", "Connection: close"]
        body = b"" if environ.get("REQUEST_METHOD") == "HEAD" else response.get_data()
        return ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body

    return answer
