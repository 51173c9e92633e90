"""The errors users can act on; the CLI and the web app turn them into one clear message each."""


class DiplographError(Exception):
    """Base of every error we report to a user rather than as a traceback."""

    http_status = 500


class ArticleError(DiplographError):
    """An article cannot be read: empty, binary, not UTF-8, malformed JSONL line."""

    http_status = 400


class ValidationError(DiplographError):
    """A graph breaks the SHACL shapes; ``report`` holds the readable text."""

    http_status = 422

    def __init__(self, message: str, report: str = "") -> None:
        super().__init__(message)
        self.report = report


class BadQuery(DiplographError):
    """A SPARQL query that cannot be parsed or is not allowed here."""

    http_status = 400


class NotFound(DiplographError):
    http_status = 404


class QueryTimeout(DiplographError):
    http_status = 503


class StoreBusy(DiplographError):
    """The store is locked by another process (a running build or server)."""

    http_status = 503
