"""gzip for text responses when the client asks for it, streamed responses included.

Query results are text and compress five to ten times; a streamed body is compressed chunk by chunk, so
compression never makes a large result build up in memory. No dependency beyond ``zlib``.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from functools import lru_cache

from flask import Response, request
from werkzeug.datastructures import Accept
from werkzeug.http import parse_accept_header

#: A body under one TCP segment travels in one packet either way: gzip would only cost both ends CPU
#: (measured: about 0.05 ms a request on a lookup's 630-byte result, `bench/sparql.py --baseline`).
MINIMUM_BYTES = 1400
#: nginx's default level: 4-5x faster than 6 on query results, for a body about 25% larger (measured).
LEVEL = 1
COMPRESSIBLE_SUFFIXES = ("+json", "+xml", "/json", "/xml", "/javascript", "/n-triples", "/n-quads", "/trig")


def is_compressible(mimetype: str) -> bool:
    return mimetype.startswith("text/") or mimetype.endswith(COMPRESSIBLE_SUFFIXES)


class GzipStream:
    """Compress an iterable of chunks lazily; ``close()`` reaches the wrapped body (to free its worker)."""

    def __init__(self, body: Iterable[bytes]) -> None:
        self.body = body

    def __iter__(self) -> Iterator[bytes]:
        compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, 31)  # 31: gzip header and trailer
        for chunk in self.body:
            compressed = compressor.compress(chunk)
            if compressed:
                yield compressed
        yield compressor.flush()

    def close(self) -> None:
        close = getattr(self.body, "close", None)
        if close is not None:
            close()


def gzip_response(response: Response) -> Response:
    """An ``after_request`` hook: gzip compressible 200 responses for clients that accept gzip."""
    return compress(response, request.headers.get("Accept-Encoding", ""))


def compress(response: Response, accept_encoding: str) -> Response:
    """Gzip ``response`` if it is a compressible 200 and ``accept_encoding`` allows gzip."""
    if not response.mimetype or not is_compressible(response.mimetype):
        return response
    add_vary(response, "Accept-Encoding")
    if (
        response.status_code != 200
        or "Content-Encoding" in response.headers
        or not accepts_gzip(accept_encoding)
    ):
        return response
    if response.is_streamed or response.direct_passthrough:  # results, files: compress as they are read
        response.response = GzipStream(response.response)  # type: ignore[arg-type]
        response.headers.pop("Content-Length", None)
    else:
        data, gzipped = gzip_whole(response.get_data())
        if not gzipped:
            return response
        response.set_data(data)
    response.headers["Content-Encoding"] = "gzip"
    return response


def gzip_whole(data: bytes) -> tuple[bytes, bool]:
    """A whole body gzipped, and whether it was (not below ``MINIMUM_BYTES``): the caller checked that the
    response is a compressible 200 and that the client accepts gzip."""
    if len(data) < MINIMUM_BYTES:
        return data, False
    return zlib.compress(data, LEVEL, 31), True


def accepts_gzip(accept_encoding: str) -> bool:
    """Whether the Accept-Encoding header allows gzip (Werkzeug's parser; a client repeats its header,
    so short ones are remembered)."""
    if len(accept_encoding) > 200:
        return _accepts_gzip(accept_encoding)
    return _accepts_gzip_remembered(accept_encoding)


def _accepts_gzip(accept_encoding: str) -> bool:
    return parse_accept_header(accept_encoding, Accept)["gzip"] > 0


_accepts_gzip_remembered = lru_cache(maxsize=64)(_accepts_gzip)


def add_vary(response: Response, name: str) -> None:
    """Add ``name`` to the Vary header; plain string work, as Werkzeug's ``vary`` set costs more."""
    current = response.headers.get("Vary")
    if not current:
        response.headers["Vary"] = name
    elif name.lower() not in (part.strip().lower() for part in current.split(",")):
        response.headers["Vary"] = f"{current}, {name}"
