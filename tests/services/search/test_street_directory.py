"""The street directory: import, refusal of bad files, Stadtteil suggestions."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from kpass.errors import InvalidInput
from kpass.models import StreetDirectoryEntry
from kpass.models.engine import Database
from kpass.resource_files import resource_path
from kpass.services.search.streets import import_directory, suggest_stadtteil
from kpass.services.uow import UnitOfWork

DIRECTORY = """Straße;Hausnummern;Stadtteil
Kaiserstraße;1-89;01
Kaiserstraße;90-250;02
Pfinztalstraße;alle;Durlach
"""


def entries(database: Database) -> int:
    with UnitOfWork(database, write=False) as uow:
        return int(uow.session.scalar(select(func.count()).select_from(StreetDirectoryEntry))
                   or 0)


def test_import_and_suggest(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "strassen.csv"
    path.write_text(DIRECTORY, encoding="utf-8")
    assert import_directory(database, path) == 3
    assert suggest_stadtteil(database, "Kaiserstraße", "12a") == "01"
    assert suggest_stadtteil(database, "kaiserstr.", "120") == "02"
    assert suggest_stadtteil(database, "Pfinztalstrasse", "7") == "19"
    assert suggest_stadtteil(database, "Kaiserstraße", "") is None  # two Stadtteile possible
    assert suggest_stadtteil(database, "Unbekannter Weg", "1") is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Straße;Hausnummern;Stadtteil\nKaiserstraße;1-89\n", "Zeile 2"),
        ("Kaiserstraße;89-1;01\n", "verkehrt herum"),
        ("Kaiserstraße;1-89;99\n", "unbekannter Stadtteil"),
        ("Kaiserstraße;eins;01\n", "Hausnummern"),
        ("Straße;Hausnummern;Stadtteil\n", "keine Einträge"),
    ],
)
def test_a_bad_file_changes_nothing(database: Database, tmp_path: Path, text: str,
                                    message: str) -> None:
    good = tmp_path / "gut.csv"
    good.write_text(DIRECTORY, encoding="utf-8")
    import_directory(database, good)
    bad = tmp_path / "schlecht.csv"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInput) as error:
        import_directory(database, bad)
    assert message in error.value.message_de
    assert entries(database) == 3


def test_the_shipped_sample_imports(database: Database) -> None:
    sample = resource_path("streets", "strassenverzeichnis-beispiel.csv")
    assert import_directory(database, sample) > 400
    assert suggest_stadtteil(database, "Zähringerstraße", "5") == "01"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Kaiserstra\xc3\x9fe;" + b"1" * (10 * 1024 * 1024) + b";01\n", "größer als 4 MB"),
        (b"Kaiserstra\xc3\x9fe;1-89;" + b"x" * 5000 + b"\n", "länger als 1000 Zeichen"),
        # a quote never closed: one field of 200 KB
        (b'"Kaiserstra\xc3\x9fe;1-89;01\n' + b"x;1-89;01\n" * 20_000, "nicht als CSV lesbar"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "Binärdaten"),
        (  # Latin-1
            b"Stra\xdfe;Hausnummern;Stadtteil\nKaiserstra\xdfe;1-89;01\n",
            "Zeile 1 ist nicht in UTF-8",
        ),
        ("Straße;Hausnummern;Stadtteil\nKaiserstraße;1-89;01\n".encode("utf-16"), "Binärdaten"),
        (b"Name;Nummer;Bezirk\nKaiserstrasse;1-89;01\n", "Kopfzeile muss"),
        ("Straße;Stadtteil;Hausnummern\nKaiserstraße;01;1-89\n".encode(), "Kopfzeile muss"),
        (
            ("Straße;Hausnummern;Stadtteil\n" + "ß" * 121 + ";1-89;01\n").encode(),
            "kein Straßenname",
        ),
    ],
)
def test_a_hostile_file_is_refused_and_changes_nothing(
    database: Database, tmp_path: Path, content: bytes, message: str
) -> None:
    good = tmp_path / "gut.csv"
    good.write_text(DIRECTORY, encoding="utf-8")
    import_directory(database, good)
    bad = tmp_path / "schlecht.csv"
    bad.write_bytes(content)
    with pytest.raises(InvalidInput) as error:
        import_directory(database, bad)
    assert message in error.value.message_de
    assert error.value.exit_code == 2
    assert len(error.value.message_en) < 400 and len(error.value.message_de) < 400
    assert entries(database) == 3


def test_the_cli_refuses_a_binary_file_with_exit_2(database_url: str, tmp_path: Path) -> None:
    import contextlib
    import io

    from kpass.cli import main

    path = tmp_path / "strassen.csv"
    path.write_bytes(bytes(range(256)) * 10)
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        status = main(["--database", database_url, "streets", "import", str(path)])
    assert status == 2
    assert "not a text file" in err.getvalue() and "keine Textdatei" in err.getvalue()
