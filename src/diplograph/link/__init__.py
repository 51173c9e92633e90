"""Names → entities with Wikidata ids: an offline gazetteer; online reconciliation is opt-in elsewhere."""
