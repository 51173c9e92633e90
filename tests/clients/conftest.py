"""The real `diplograph serve` on the seed store, with its base set to where it listens, so that the service
description's ``sd:endpoint`` is an address a client can follow."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def endpoint_root(seed_store: Path) -> Iterator[str]:
    port = free_port()
    root = f"http://127.0.0.1:{port}/"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "diplograph",
            "serve",
            "--store",
            str(seed_store),
            "--port",
            str(port),
            "--base",
            root,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                requests.get(root + "sparql", params={"query": "ASK {}"}, timeout=5)
                break
            except requests.ConnectionError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"server did not start: {process.communicate()[1]}") from None
                time.sleep(0.2)
        yield root
    finally:
        process.terminate()
        process.communicate(timeout=20)
