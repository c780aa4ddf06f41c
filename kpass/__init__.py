"""kpass — Karlsruher Pass und Karlsruher Kinderpass."""

__version__ = "0.1.0"
