"""gzip for text responses when the client asks for it, streamed responses included.

Query results are text and compress five to ten times; a streamed body is compressed chunk by chunk, so
compression never makes a large result build up in memory. No dependency beyond ``zlib``.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator

from flask import Response, request

MINIMUM_BYTES = 512
COMPRESSIBLE_SUFFIXES = ("+json", "+xml", "/json", "/xml", "/javascript", "/n-triples", "/n-quads", "/trig")


def is_compressible(mimetype: str) -> bool:
    return mimetype.startswith("text/") or mimetype.endswith(COMPRESSIBLE_SUFFIXES)


class GzipStream:
    """Compress an iterable of chunks lazily; ``close()`` reaches the wrapped body (to free its worker)."""

    def __init__(self, body: Iterable[bytes]) -> None:
        self.body = body

    def __iter__(self) -> Iterator[bytes]:
        compressor = zlib.compressobj(6, zlib.DEFLATED, 31)  # 31: gzip header and trailer
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
    if response.mimetype and is_compressible(response.mimetype):
        response.vary.add("Accept-Encoding")
    if (
        response.status_code != 200
        or "Content-Encoding" in response.headers
        or not is_compressible(response.mimetype or "")
        or request.accept_encodings["gzip"] <= 0
    ):
        return response
    if response.is_streamed or response.direct_passthrough:  # results, files: compress as they are read
        response.response = GzipStream(response.response)  # type: ignore[arg-type]
        response.headers.pop("Content-Length", None)
    else:
        data = response.get_data()
        if len(data) < MINIMUM_BYTES:
            return response
        response.set_data(zlib.compress(data, 6, 31))
    response.headers["Content-Encoding"] = "gzip"
    return response
