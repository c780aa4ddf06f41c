"""kpass — Karlsruher Pass und Karlsruher Kinderpass."""

__version__ = "1.0.0"
