"""The kamerkg vocabulary: ``kamerkg.ttl``, ``shapes.ttl`` and the namespace module."""

from importlib.resources import files

from .namespace import ID, KKG, OA, ORG

__all__ = ["ID", "KKG", "OA", "ONTOLOGY_FILE", "ORG", "SHAPES_FILE"]

ONTOLOGY_FILE = files(__package__) / "kamerkg.ttl"
SHAPES_FILE = files(__package__) / "shapes.ttl"
