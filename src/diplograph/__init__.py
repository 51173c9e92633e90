"""Diplograph: a knowledge graph of diplomacy built from news articles."""

__version__ = "0.1.0"
