"""Where the graph lives: Oxigraph on disk in published versions (``GraphStore``), or any SPARQL 1.1 engine
over HTTP (``RemoteGraphStore``), behind the same small interface."""

from diplograph.store.local import GraphStore, all_quads, opened
from diplograph.store.remote import EngineUnavailable, RemoteGraphStore

__all__ = ["EngineUnavailable", "GraphStore", "RemoteGraphStore", "all_quads", "opened"]
