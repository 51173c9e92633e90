"""Stopping a request at its deadline, in a server process that answers one request at a time.

pyoxigraph's ``Store.query`` cannot be cancelled, but it releases the GIL while it evaluates, so another
thread of the same process keeps running: the watchdog. ``TimeoutGuard`` arms it for every request; if the
request is still running at the deadline, the watchdog answers in its place — the very 503 the app gives a
``QueryTimeout`` (``answer``), written straight to the client's socket — or, when the response has begun,
cuts the connection (a truncated response tells the client it failed), and then ends the process at once.
The pre-fork server (``server``) starts a fresh process in its place; the others answer meanwhile.

"Begun" and "expired" are decided under one lock, so the watchdog and the request never both write.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)

#: How often an idle watchdog looks at the clock (it sleeps exactly until a deadline closer than this).
POLL_SECONDS = 0.5
#: How long the watchdog tries to hand the timeout answer to a client before it gives up.
SEND_SECONDS = 2.0

Environ = dict[str, Any]
WsgiApp = Callable[[Environ, Callable[..., Any]], Iterable[bytes]]


@dataclass(eq=False)
class Watch:
    """One armed request: its environ (the client's socket is in it), its deadline, whether it answered."""

    environ: Environ
    deadline: float
    started: bool = field(default=False)


class Watchdog:
    """The thread that ends this process when a request outlives ``timeout`` seconds.

    ``answer(environ)`` gives the raw HTTP bytes of the timeout answer for that request. Arming costs an
    object and an assignment: the thread polls the clock instead of being woken for every request.
    """

    def __init__(self, timeout: float, answer: Callable[[Environ], bytes]) -> None:
        self.timeout = timeout
        self.answer = answer
        self.lock = threading.Lock()
        self.current: Watch | None = None
        self.thread = threading.Thread(target=self.run, name="diplograph-watchdog", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def arm(self, environ: Environ) -> Watch:
        watch = Watch(environ, time.monotonic() + self.timeout)
        self.current = watch
        return watch

    def begin_response(self, watch: Watch) -> None:
        """The response is about to be sent: from now on an expired request can only be cut short.

        Blocks for good if the watchdog is answering already (the process is ending)."""
        with self.lock:
            watch.started = True

    def disarm(self, watch: Watch) -> None:
        with self.lock:
            if self.current is watch:
                self.current = None

    def run(self) -> None:
        while True:
            watch = self.current
            remaining = POLL_SECONDS if watch is None else watch.deadline - time.monotonic()
            if remaining > 0:
                time.sleep(min(remaining, POLL_SECONDS))
                continue
            with self.lock:
                if self.current is watch:
                    self.expire(watch)  # type: ignore[arg-type]

    def expire(self, watch: Watch) -> None:
        """Answer (or cut) the request and end the process; called with the lock held, never returns."""
        environ = watch.environ
        try:
            log.warning(
                "%s %s stopped at the %g s timeout; this process ends and is replaced",
                environ.get("REQUEST_METHOD"),
                environ.get("PATH_INFO"),
                self.timeout,
            )
            client = environ.get("gunicorn.socket")
            if isinstance(client, socket.socket):
                if not watch.started:
                    client.settimeout(SEND_SECONDS)
                    client.sendall(self.answer(environ))
                client.shutdown(socket.SHUT_RDWR if watch.started else socket.SHUT_WR)
        except Exception:  # the process ends anyway: the master starts a fresh one
            log.exception("could not answer the request that timed out")
        finally:
            os._exit(0)


class TimeoutGuard:
    """WSGI middleware arming ``watchdog`` for each request until its response is closed.

    ``before`` runs first (the server refreshes the store there). When a query is still being evaluated in
    a thread after its response closed (its client left a streamed result), ``abandoned()`` says so and the
    process ends too: nothing else would stop that query.
    """

    def __init__(
        self,
        app: WsgiApp,
        watchdog: Watchdog,
        before: Callable[[], None],
        abandoned: Callable[[], bool],
    ) -> None:
        self.app = app
        self.watchdog = watchdog
        self.before = before
        self.abandoned = abandoned

    def __call__(self, environ: Environ, start_response: Callable[..., Any]) -> Iterable[bytes]:
        watch = self.watchdog.arm(environ)
        try:
            self.before()
            body = self.app(environ, start_response)
        except BaseException:
            self.watchdog.disarm(watch)
            raise
        return _GuardedBody(body, self, watch)

    def finish(self, watch: Watch) -> None:
        self.watchdog.disarm(watch)
        if self.abandoned():
            log.warning("a query outlived its response (its client left); this process ends and is replaced")
            os._exit(0)


class _GuardedBody:
    """The app's response body, telling the watchdog when it starts and ends."""

    def __init__(self, body: Iterable[bytes], guard: TimeoutGuard, watch: Watch) -> None:
        self.body = body
        self.guard = guard
        self.watch = watch

    def __iter__(self) -> Iterator[bytes]:
        self.guard.watchdog.begin_response(self.watch)
        return iter(self.body)

    def close(self) -> None:
        try:
            close = getattr(self.body, "close", None)
            if close is not None:
                close()
        finally:
            self.guard.finish(self.watch)
