"""Finding people at the counter: names as typed, birth dates, pass numbers and streets, a page
at a time; the street directory that suggests the Stadtteil."""

from kpass.services.search.lookups import (
    PassFacts,
    is_pass_query,
    parse_pass_query,
    pass_query_too_short,
)
from kpass.services.search.persons import PAGE_SIZE, Cursor, PersonHit, SearchPage, search_persons
from kpass.services.search.streets import import_directory, suggest_stadtteil

__all__ = [
    "PAGE_SIZE",
    "Cursor",
    "PassFacts",
    "PersonHit",
    "SearchPage",
    "import_directory",
    "is_pass_query",
    "parse_pass_query",
    "pass_query_too_short",
    "search_persons",
    "suggest_stadtteil",
]
