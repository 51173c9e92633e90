"""Findings → RDF: namespaces, URI minting, mapping and consolidation of meetings."""
