"""The rules of docs/qr-payload.md that a partner's checker could have guessed differently.

Each rule has one accepted spelling and a stated result; these tests hold kpass's code
(library and ``kpass verify``) to it, with payloads and lists signed by the published test
key, so that a check left out would show up as a wrongly *genuine* result.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pytest

from kpass.cli import keys_command, main
from kpass.documents.qr import qr_matrix
from kpass.rules.pass_number import check_digits, format_pass_number
from kpass.signing import (
    KeyFormatError,
    PassFields,
    PayloadError,
    RevocationListError,
    VerificationStatus,
    export_public_keys,
    holder_initials,
    load_private_key,
    load_public_keys,
    parse_payload,
    read_revocation_list,
    sign_payload,
    sign_revocation_list,
    verify_payload,
)
from kpass.signing.encoding import b32_encode
from kpass.signing.payload import PAYLOAD_BASE_LENGTH

from .conftest import TEST_KEY_ID, TEST_PUBLIC_HEX, TEST_SEED

PUBLIC = bytes.fromhex(TEST_PUBLIC_HEX)
KEYS = {TEST_KEY_ID: PUBLIC}
DAY = date(2026, 6, 1)
BODY = "KP1*243UGT*KA-123456-32*P*260315*270331*JW*1975"
FIELDS = PassFields("KA-123456-32", "karlsruher_pass", date(2026, 3, 15), date(2027, 3, 31),
                    "JW", 1975)


def signed(body: str) -> str:
    """``body`` with a correct test-key signature, whatever its content."""
    return f"{body}*{b32_encode(load_private_key(TEST_SEED).sign(body.encode('ascii')))}"


def signed_list(body: str) -> str:
    """A revocation list of the given lines with a correct test-key signature."""
    signature = b32_encode(load_private_key(TEST_SEED).sign(body.encode("ascii")))
    return f"{body}SIGNATURE {signature}\n"


def malformed(payload: str) -> tuple[str, str]:
    """The English and German message of a payload that must be malformed."""
    with pytest.raises(PayloadError):
        parse_payload(payload)
    result = verify_payload(payload, KEYS, DAY)
    assert result.status is VerificationStatus.MALFORMED and result.fields is None
    assert not result.status.genuine and not result.status.accept
    return result.message_en, result.message_de


def test_the_correctly_signed_reference_payload_is_genuine() -> None:
    assert signed(BODY) == sign_payload(FIELDS, TEST_SEED, TEST_KEY_ID)
    assert verify_payload(signed(BODY), KEYS, DAY).status is VerificationStatus.GENUINE_VALID


# 1. The version prefix is exactly KP1.


@pytest.mark.parametrize("tag", ["KP01", "kp1", "Kp1", "kP1", "KP 1", "KP1.0", "KP+1", "KP", "K1",
                                 "KP1 ", " KP1A", "KPA"])
def test_version_tag_other_than_exactly_kp1_is_malformed(tag: str) -> None:
    message_en, message_de = malformed(signed(BODY.replace("KP1", tag, 1)))
    assert "part 1 (format and version) is not exactly KP1" in message_en
    assert "Teil 1 (Format und Version) ist nicht genau KP1" in message_de


@pytest.mark.parametrize(("tag", "version"), [("KP2", "2"), ("KP10", "10"), ("KP9", "9")])
def test_a_later_version_is_malformed_as_unknown_format_version(tag: str, version: str) -> None:
    message_en, message_de = malformed(signed(BODY.replace("KP1", tag, 1)))
    assert f"names version {version}, only 1 is known (unknown format version)" in message_en
    assert "unbekannte Formatversion" in message_de


def test_kpass_verify_reports_kp01_as_malformed_with_exit_code_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keys = tmp_path / "keys.json"
    keys.write_text(export_public_keys(KEYS), encoding="ascii")
    payload = signed(BODY.replace("KP1", "KP01", 1))
    code = main(["verify", payload, "--public-key", str(keys), "--on", "2026-06-01", "--json"])
    assert code == 1
    assert '"status": "malformed"' in capsys.readouterr().out


# 2. valid from after valid until is malformed (valid from = valid until is a one-day pass).


def test_valid_from_after_valid_until_is_malformed_even_when_signed() -> None:
    payload = signed(BODY.replace("260315*270331", "270331*260315"))
    for day in (date(2026, 1, 1), date(2026, 12, 1), date(2028, 1, 1)):
        assert verify_payload(payload, KEYS, day).status is VerificationStatus.MALFORMED
    message_en, message_de = malformed(payload)
    assert "part 5 (valid from) is after valid until" in message_en
    assert "Teil 5 (gültig ab) liegt nach „gültig bis“" in message_de


def test_a_pass_for_one_day_is_valid_on_that_day_only() -> None:
    payload = signed(BODY.replace("260315*270331", "260801*260801"))
    assert (verify_payload(payload, KEYS, date(2026, 8, 1)).status
            is VerificationStatus.GENUINE_VALID)
    assert (verify_payload(payload, KEYS, date(2026, 7, 31)).status
            is VerificationStatus.GENUINE_NOT_YET_VALID)
    assert (verify_payload(payload, KEYS, date(2026, 8, 2)).status
            is VerificationStatus.GENUINE_EXPIRED)


# 3. Serials run from 000001 to 999999; 4. the check-digit test is not optional.


def test_serial_000000_passes_mod_97_but_is_refused() -> None:
    assert check_digits(0) == "54"
    assert int("2010" + "000000" + "54") % 97 == 1  # ISO 7064 MOD 97-10 holds
    message_en, message_de = malformed(signed(BODY.replace("KA-123456-32", "KA-000000-54")))
    assert "part 3 (pass number) has serial 000000, outside 000001-999999" in message_en
    assert "laufende Nummer 000000" in message_de
    with pytest.raises(PayloadError, match="serial 000000"):
        sign_payload(PassFields("KA-000000-54", "karlsruher_pass", date(2026, 3, 15),
                                date(2027, 3, 31), "JW", 1975), TEST_SEED, TEST_KEY_ID)


@pytest.mark.parametrize("serial", [1, 999999])
def test_the_ends_of_the_serial_range_are_accepted(serial: int) -> None:
    number = format_pass_number(serial)
    payload = sign_payload(PassFields(number, "karlsruher_pass", date(2026, 3, 15),
                                      date(2027, 3, 31), "JW", 1975), TEST_SEED, TEST_KEY_ID)
    assert verify_payload(payload, KEYS, DAY).status is VerificationStatus.GENUINE_VALID


@pytest.mark.parametrize("number", ["KA-123456-23", "KA-123456-33", "KA-123465-32"])
def test_wrong_check_digits_are_malformed_even_under_a_valid_signature(number: str) -> None:
    message_en, message_de = malformed(signed(BODY.replace("KA-123456-32", number)))
    assert "part 3 (pass number) has wrong check digits" in message_en
    assert "falsche Prüfziffern" in message_de


@pytest.mark.parametrize("number", ["ka-123456-32", "KA123456-32", "KA-123456 32", "KA-12345632",
                                    "KARLS-123456-61", "-123456-32", "KA-1234567-32"])
def test_only_the_canonical_spelling_of_a_pass_number_is_accepted(number: str) -> None:
    message_en, _ = malformed(signed(BODY.replace("KA-123456-32", number)))
    assert "part 3 (pass number) is not of the form KA-123456-32" in message_en


# 5. The length is 149 + prefix length: 150 to 153 characters, all in a version-6 symbol.


@pytest.mark.parametrize("prefix", ["K", "KA", "KAR", "KARL"])
def test_payload_length_depends_only_on_the_prefix(prefix: str) -> None:
    number = format_pass_number(123456, prefix)
    payload = sign_payload(PassFields(number, "kinderpass", date(2026, 3, 15),
                                      date(2027, 3, 31), "XS", 2012), TEST_SEED, TEST_KEY_ID)
    assert len(payload) == PAYLOAD_BASE_LENGTH + len(prefix) == 149 + len(prefix)
    assert len(payload[: payload.rindex("*")]) == 45 + len(prefix)
    assert verify_payload(payload, KEYS, DAY).status is VerificationStatus.GENUINE_VALID
    assert len(qr_matrix(payload)) == 41  # QR version 6


# White space: only blanks, tabs, CR and LF around the text are ignored.


@pytest.mark.parametrize("around", [("", "\r\n"), ("", "\n"), ("\t", " \n"), ("  ", "\t")])
def test_scanner_white_space_around_the_text_is_ignored(around: tuple[str, str]) -> None:
    payload = around[0] + signed(BODY) + around[1]
    assert verify_payload(payload, KEYS, DAY).status is VerificationStatus.GENUINE_VALID


@pytest.mark.parametrize("space", ["\u00a0", "\u2003", "\x0b", "\x1c", "\ufeff"])
def test_other_white_space_around_the_text_is_malformed(space: str) -> None:
    malformed(space + signed(BODY))
    malformed(signed(BODY) + space)


def test_kpass_verify_ignores_only_the_documented_white_space(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keys = tmp_path / "keys.json"
    keys.write_text(export_public_keys(KEYS), encoding="ascii")
    common = ["--public-key", str(keys), "--on", "2026-06-01"]
    assert main(["verify", signed(BODY) + "\r\n", *common]) == 0
    assert main(["verify", "\u00a0" + signed(BODY), *common]) == 1
    assert "non-ASCII" in capsys.readouterr().out


# 6. Revocation lists have one canonical form.

ISSUED, NEXT = date(2026, 11, 1), date(2026, 11, 8)
CANONICAL_LIST = sign_revocation_list(["KA-123456-32", "KA-000001-51"], ISSUED, TEST_SEED,
                                      TEST_KEY_ID, sequence=1, next_update=NEXT)
HEAD = "KPASS-REVOCATIONS 2\nKEY-ID 243UGT\nSEQUENCE 1\n"
AFTER_ISSUED = "NEXT-UPDATE 2026-11-08\n"


def refused(text: str) -> RevocationListError:
    with pytest.raises(RevocationListError) as caught:
        read_revocation_list(text, KEYS)
    error = caught.value
    assert error.message_en.startswith("revocation list: ")
    assert error.message_de.startswith("Sperrliste: ")
    assert error.exit_code == 2
    return error


def test_the_canonical_list_and_an_empty_list_are_accepted() -> None:
    revocations = read_revocation_list(CANONICAL_LIST, KEYS)
    assert revocations.numbers == {"KA-000001-51", "KA-123456-32"}
    assert revocations.issued_on == date(2026, 11, 1) and revocations.key_id == TEST_KEY_ID
    empty = sign_revocation_list([], ISSUED, TEST_SEED, TEST_KEY_ID, sequence=1,
                                 next_update=NEXT)
    assert empty.splitlines()[5] == "COUNT 0"
    assert read_revocation_list(empty, KEYS).numbers == frozenset()


def test_unsorted_numbers_are_refused() -> None:
    error = refused(signed_list(HEAD + "ISSUED 2026-11-01\n" + AFTER_ISSUED +
                                "COUNT 2\nKA-123456-32\nKA-000001-51\n"))
    assert error.message_en == ("revocation list: line 8: numbers not sorted "
                                "(KA-000001-51 after KA-123456-32)")
    assert error.message_de == ("Sperrliste: Zeile 8: Nummern nicht sortiert "
                                "(KA-000001-51 nach KA-123456-32)")


def test_sorting_is_by_ascii_bytes() -> None:
    numbers = [format_pass_number(999999, "K"), format_pass_number(1, "KA")]
    assert numbers == ["K-999999-49", "KA-000001-51"]
    text = sign_revocation_list(reversed(numbers), ISSUED, TEST_SEED, TEST_KEY_ID, sequence=1,
                                next_update=NEXT)
    assert text.splitlines()[6:8] == numbers
    assert read_revocation_list(text, KEYS).numbers == set(numbers)


def test_repeated_numbers_are_refused() -> None:
    error = refused(signed_list(
        HEAD + "ISSUED 2026-11-01\n" + AFTER_ISSUED +
        "COUNT 3\nKA-000001-51\nKA-000001-51\nKA-123456-32\n"
    ))
    assert error.message_en == ("revocation list: line 8: KA-000001-51 is repeated "
                                "(each number appears once)")
    assert "KA-000001-51 ist wiederholt" in error.message_de


def test_a_missing_final_lf_is_refused() -> None:
    error = refused(CANONICAL_LIST[:-1])
    assert "the last line does not end with LF" in error.message_en
    assert "die letzte Zeile endet nicht mit LF" in error.message_de


@pytest.mark.parametrize("line_end", ["\r\n", "\r"])
def test_cr_lf_and_cr_line_ends_are_refused(line_end: str) -> None:
    error = refused(CANONICAL_LIST.replace("\n", line_end))
    assert "contains a CR: lines must end with LF only, not CR LF" in error.message_en
    assert "enthält ein CR" in error.message_de


def test_a_single_cr_anywhere_is_refused() -> None:
    refused(CANONICAL_LIST.replace("COUNT 2\n", "COUNT 2\r\n"))


@pytest.mark.parametrize(
    "issued",
    ["20261101", "2026-11-1", "2026-1-01", "01.11.2026", "2026/11/01", "2026-11-01T00:00",
     "2026-11-01 ", " 2026-11-01", "2026-W44-7", "2026-305", "26-11-01", "2026-02-30",
     "0000-01-01"],
)
def test_other_date_spellings_are_refused(issued: str) -> None:
    error = refused(signed_list(
        HEAD + f"ISSUED {issued}\n" + AFTER_ISSUED + "COUNT 2\nKA-000001-51\nKA-123456-32\n"
    ))
    assert f"ISSUED {issued!r} is not a date written YYYY-MM-DD (e.g. 2026-11-01)" in (
        error.message_en
    )
    assert f"ISSUED „{issued}“ ist kein als JJJJ-MM-TT geschriebenes Datum" in error.message_de


@pytest.mark.parametrize("count", ["02", "+2", " 2", "2 ", "two", ""])
def test_other_count_spellings_are_refused(count: str) -> None:
    error = refused(signed_list(HEAD + "ISSUED 2026-11-01\n" + AFTER_ISSUED +
                                f"COUNT {count}\nKA-000001-51\nKA-123456-32\n"))
    assert "COUNT" in error.message_en and "COUNT" in error.message_de


@pytest.mark.parametrize(
    ("number", "reason"),
    [("KA-123456-23", "has wrong check digits"), ("KA-000000-54", "has serial 000000"),
     ("ka-123456-32", "is not of the form"), ("KA-123456-32 ", "is not of the form"),
     ("", "is not of the form")],
)
def test_invalid_numbers_in_a_list_are_refused(number: str, reason: str) -> None:
    lines = sorted(["KA-000001-51", number])
    error = refused(signed_list(HEAD + "ISSUED 2026-11-01\n" + AFTER_ISSUED + "COUNT 2\n" +
                                "\n".join(lines) + "\n"))
    assert f"pass number {number!r} {reason}" in error.message_en
    assert f"Passnummer „{number}“" in error.message_de


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (CANONICAL_LIST + "\n", "the last line is not the SIGNATURE line"),
        (CANONICAL_LIST + "X\n", "the last line is not the SIGNATURE line"),
        ("\n" + CANONICAL_LIST, "does not start with the line 'KPASS-REVOCATIONS 2'"),
        ("\ufeff" + CANONICAL_LIST, "non-ASCII"),
        (CANONICAL_LIST.replace("2026-11-01", "２０２６-11-01"), "non-ASCII"),
        (CANONICAL_LIST.replace("KEY-ID 243UGT", "KEY-ID  243UGT"), "KEY-ID"),
        (CANONICAL_LIST.replace("KEY-ID 243UGT", "KEY-ID 243ugt"), "KEY-ID"),
        (CANONICAL_LIST.replace("SIGNATURE ", "SIGNATURE  "), "signature is not 103"),
        (CANONICAL_LIST.replace("ISSUED", "ISSUED:"), "line 4: expected ISSUED"),
        (CANONICAL_LIST.replace("SEQUENCE 1", "SEQUENCE 01"), "SEQUENCE '01'"),
        (CANONICAL_LIST.replace("SEQUENCE 1", "SEQUENCE 0"), "SEQUENCE '0'"),
        (CANONICAL_LIST.replace("NEXT-UPDATE 2026-11-08", "NEXT-UPDATE 2026-11-01"),
         "is not after ISSUED"),
        (CANONICAL_LIST.replace("NEXT-UPDATE 2026-11-08", "NEXT-UPDATE 20261108"),
         "NEXT-UPDATE '20261108' is not a date"),
        (CANONICAL_LIST.replace("KPASS-REVOCATIONS 2", "KPASS-REVOCATIONS 1"),
         "format version 1 (without SEQUENCE and NEXT-UPDATE) is no longer read"),
        (CANONICAL_LIST.replace("KPASS-REVOCATIONS 2", "KPASS-REVOCATIONS 3"),
         "names format version 3"),
    ],
)
def test_anything_else_off_the_canonical_form_is_refused(text: str, reason: str) -> None:
    assert reason in refused(text).message_en


def test_kpass_verify_reads_the_list_without_converting_line_ends(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keys = tmp_path / "keys.json"
    keys.write_text(export_public_keys(KEYS), encoding="ascii")
    good, windows = tmp_path / "gesperrt.txt", tmp_path / "gesperrt-crlf.txt"
    good.write_bytes(CANONICAL_LIST.encode("ascii"))
    windows.write_bytes(CANONICAL_LIST.replace("\n", "\r\n").encode("ascii"))
    common = [signed(BODY), "--public-key", str(keys), "--on", "2026-11-02"]
    assert main(["verify", *common, "--revoked", str(good)]) == 3
    assert "gesperrt" in capsys.readouterr().out
    assert main(["verify", *common, "--revoked", str(windows)]) == 2
    error = capsys.readouterr().err
    assert "revocation list: contains a CR" in error and "Sperrliste: enthält ein CR" in error


# 7. Upper-case hex in the public-key file is refused.


def _first_ten_upper(text: str) -> str:
    return text[:10].upper() + text[10:]


@pytest.mark.parametrize("spelling", [str.upper, _first_ten_upper])
def test_upper_case_hex_in_the_public_key_file_is_refused(spelling: Callable[[str], str]) -> None:
    text = export_public_keys(KEYS)
    assert TEST_PUBLIC_HEX in text and load_public_keys(text) == KEYS
    changed = text.replace(TEST_PUBLIC_HEX, spelling(TEST_PUBLIC_HEX))
    with pytest.raises(KeyFormatError) as caught:
        load_public_keys(changed)
    assert caught.value.message_en == (
        "public-key file: key 1: public_key is not 64 hex digits in lower case (0-9, a-f)"
    )
    assert caught.value.message_de == (
        "Datei der öffentlichen Schlüssel: Schlüssel 1: public_key sind nicht 64 Hexziffern "
        "in Kleinbuchstaben (0–9, a–f)"
    )


def test_kpass_verify_refuses_an_upper_case_key_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keys = tmp_path / "keys.json"
    keys.write_text(export_public_keys(KEYS).replace(TEST_PUBLIC_HEX, TEST_PUBLIC_HEX.upper()),
                    encoding="ascii")
    assert main(["verify", signed(BODY), "--public-key", str(keys), "--on", "2026-06-01"]) == 2
    assert "lower case" in capsys.readouterr().err


# 8. Initials: first letter of the given-names field and of the whole family-name field.


@pytest.mark.parametrize(
    ("given_names", "family_name", "initials"),
    [
        ("Giulia", "De Luca", "GD"),
        ("Omar", "Al-Hassan", "OA"),
        ("Ursula", "von der Leyen", "UV"),
        ("Hans", "Müller-Lüdenscheidt", "HM"),
        ("Jürgen", "Weber", "JW"),
        ("Anna Maria Luise", "Schmidt", "AS"),
        ("Anna-Lena", "Özdemir", "AO"),
        ("  Maria", " van den Berg", "MV"),
        ("-Jan", "ter Horst", "JT"),
        ("Pieter", "'t Hooft", "PT"),
        ("Łucja", "Żak", "LZ"),
        ("Ægir", "Þórsson", "AT"),
        ("Иван", "Petrov", "XP"),
        ("", "Sukarno", "XS"),
        ("Ana", "", "AX"),
        ("ßabine", "ĳssel", "SI"),
    ],
)
def test_initials_rule(given_names: str, family_name: str, initials: str) -> None:
    assert holder_initials(given_names, family_name) == initials


def test_initials_of_several_given_names_and_particles_on_a_signed_card() -> None:
    fields = PassFields.for_holder(
        number="KA-000001-51", pass_type="kinderpass", given_names="Lea Sophie",
        family_name="von der Leyen", birth_date=date(2015, 7, 1), valid_from=date(2026, 4, 1),
        valid_until=date(2027, 3, 31),
    )
    payload = sign_payload(fields, TEST_SEED, TEST_KEY_ID)
    assert "*LV*2015*" in payload
    assert parse_payload(payload).initials == "LV"


# "Today" is the date in Europe/Berlin.


def _berlin_time_zone_known() -> bool:
    try:
        ZoneInfo("Europe/Berlin")
    except ZoneInfoNotFoundError:
        return False
    return True


@pytest.mark.skipif(not _berlin_time_zone_known(), reason="no time zone database")
def test_kpass_verify_checks_for_todays_date_in_berlin(monkeypatch: pytest.MonkeyPatch) -> None:
    class LateEvening(datetime):
        """23:30 UTC on 31 March 2027: already 1 April in Berlin, the day after validity."""

        @classmethod
        def now(cls, tz: tzinfo | None = None) -> LateEvening:
            assert isinstance(tz, ZoneInfo) and tz.key == "Europe/Berlin"
            moment = datetime(2027, 3, 31, 23, 30, tzinfo=UTC)
            return cls.fromtimestamp(moment.timestamp(), tz)

    monkeypatch.setattr(keys_command, "datetime", LateEvening)
    assert keys_command._today_in_germany() == date(2027, 4, 1)
    assert verify_payload(signed(BODY), KEYS, keys_command._today_in_germany()).status is (
        VerificationStatus.GENUINE_EXPIRED
    )
