"use strict";
// The verification logic of the partners' offline checker page: the QR payload, the signed
// key set and the revocation list of docs/qr-payload.md (sections 1-7), checked in the order
// that document gives, with the verdicts of `kpass verify`. Plain script, no imports, no
// requests; signatures through WebCrypto (Ed25519). Every date is a "YYYY-MM-DD" string.
(() => {
  // ---------------------------------------------------------------- constants

  const VERSION_TAG = "KP1";
  const PART_COUNT = 9;
  const SIGNATURE_LENGTH = 103; // 64 bytes in base32 without padding
  const KEY_ID_LENGTH = 6;
  const MAX_SERIAL = 999999;
  const MAX_COUNTER = 2147483647; // largest key-set version and list sequence
  const MAX_KEYSET_CHARS = 1000000;
  const SCANNER_WHITE_SPACE = " \t\r\n";
  const ALGORITHM = "Ed25519";
  const KEYSET_FORMAT = "kpass-keyset";
  const KEYSET_SIGNING_HEADER = "KPASS-KEYSET 1";
  const LIST_HEADER = "KPASS-REVOCATIONS 2";
  const LIST_FIXED_LINES = 6; // header, KEY-ID, SEQUENCE, ISSUED, NEXT-UPDATE, COUNT
  const KEYSET_MEMBERS = ["format", "format_version", "keyset_version", "issued", "expires",
    "root_key_id", "root_public_key", "keys", "signature"];
  const KEY_MEMBERS = ["key_id", "algorithm", "public_key", "not_after"];

  const PASS_TYPES = { P: "karlsruher_pass", K: "kinderpass" };
  const PASS_TITLES = { karlsruher_pass: "Karlsruher Pass", kinderpass: "Karlsruher Kinderpass" };
  // names of the nine parts (section 1), as kpass names them in its messages
  const PART_NAMES = [
    ["format and version", "Format und Version"],
    ["key id", "Schlüsselkennung"],
    ["pass number", "Passnummer"],
    ["pass type", "Passart"],
    ["valid from", "gültig ab"],
    ["valid until", "gültig bis"],
    ["initials", "Initialen"],
    ["birth year", "Geburtsjahr"],
    ["signature", "Signatur"],
  ];

  const ASCII = /^[\x00-\x7f]*$/;
  const BASE32_TEXT = /^[A-Z2-7]*$/;
  const KEY_ID = /^[A-Z2-7]{6}$/;
  const OTHER_VERSION_TAG = /^KP[1-9][0-9]*$/;
  const PASS_NUMBER = /^([A-Z]{1,4})-([0-9]{6})-([0-9]{2})$/;
  const YYMMDD = /^[0-9]{6}$/;
  const INITIALS = /^[A-Z]{2}$/;
  const BIRTH_YEAR = /^(19|20)[0-9]{2}$/;
  const ISO_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
  const LOWER_HEX_KEY = /^[0-9a-f]{64}$/;
  const ANY_HEX_64 = /^[0-9A-Fa-f]{64}$/;
  const SEQUENCE = /^[1-9][0-9]{0,9}$/;
  const COUNT = /^(0|[1-9][0-9]*)$/;
  const OTHER_LIST_HEADER = /^KPASS-REVOCATIONS ([1-9][0-9]{0,5})$/;

  const BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  // lengths mod 8 that a whole number of bytes can give (1, 3 and 6 cannot)
  const BASE32_REMAINDERS = [0, 2, 4, 5, 7];

  // ---------------------------------------------------------------- small helpers

  function subtle() {
    const api = globalThis.crypto && globalThis.crypto.subtle;
    if (!api) {
      throw new Error("KpassChecker: WebCrypto (crypto.subtle) is not available. It exists " +
                      "only in a secure context: open the page as a file or over https.");
    }
    return api;
  }

  function hasOwn(object, name) {
    return object !== null && typeof object === "object" &&
      Object.prototype.hasOwnProperty.call(object, name);
  }

  function asciiBytes(text) {
    const bytes = new Uint8Array(text.length);
    for (let index = 0; index < text.length; index += 1) bytes[index] = text.charCodeAt(index);
    return bytes;
  }

  function toHex(bytes) {
    let text = "";
    for (const byte of bytes) text += (byte < 16 ? "0" : "") + byte.toString(16);
    return text;
  }

  function fromHex(text) {
    const bytes = new Uint8Array(text.length / 2);
    for (let index = 0; index < bytes.length; index += 1) {
      bytes[index] = parseInt(text.slice(2 * index, 2 * index + 2), 16);
    }
    return bytes;
  }

  function sameBytes(left, right) {
    if (left.length !== right.length) return false;
    for (let index = 0; index < left.length; index += 1) {
      if (left[index] !== right[index]) return false;
    }
    return true;
  }

  /** Upper-case base32 (RFC 4648) of the bytes, without "=" padding. */
  function base32Encode(bytes) {
    let text = "";
    let buffer = 0;
    let bits = 0;
    for (const byte of bytes) {
      buffer = ((buffer << 8) | byte) & 0xffff;
      bits += 8;
      while (bits >= 5) {
        text += BASE32_ALPHABET[(buffer >> (bits - 5)) & 31];
        bits -= 5;
      }
    }
    if (bits > 0) text += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
    return text;
  }

  /** The bytes of an unpadded base32 text in canonical form, or null for anything else
   * (other characters, an impossible length, or unused low bits of the last character set). */
  function base32Decode(text) {
    if (typeof text !== "string" || !BASE32_TEXT.test(text)) return null;
    if (!BASE32_REMAINDERS.includes(text.length % 8)) return null;
    const bytes = new Uint8Array(Math.floor((text.length * 5) / 8));
    let buffer = 0;
    let bits = 0;
    let position = 0;
    for (const char of text) {
      buffer = ((buffer << 5) | BASE32_ALPHABET.indexOf(char)) & 0xfff;
      bits += 5;
      if (bits >= 8) {
        bytes[position] = (buffer >> (bits - 8)) & 0xff;
        position += 1;
        bits -= 8;
      }
    }
    return base32Encode(bytes) === text ? bytes : null;
  }

  async function sha256(bytes) {
    return new Uint8Array(await subtle().digest("SHA-256", bytes));
  }

  /** Key id of a 32-byte public key: first 6 characters of base32(SHA-256(key)). */
  async function keyIdOf(rawKey) {
    return base32Encode(await sha256(rawKey)).slice(0, KEY_ID_LENGTH);
  }

  async function importVerifyKey(rawKey) {
    try {
      return await subtle().importKey("raw", rawKey, { name: ALGORITHM }, false, ["verify"]);
    } catch (error) {
      if (error && error.name === "NotSupportedError") throw error; // no Ed25519 at all
      return null; // bytes that are no key: nothing verifies under them
    }
  }

  async function verifySignature(cryptoKey, signature, message) {
    if (!cryptoKey) return false;
    try {
      return await subtle().verify({ name: ALGORITHM }, cryptoKey, signature, message);
    } catch (error) {
      return false;
    }
  }

  function isCalendarDate(year, month, day) {
    if (year < 1 || month < 1 || month > 12 || day < 1) return false;
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    return day <= lengths[month - 1];
  }

  /** A date written exactly YYYY-MM-DD that exists in the calendar. */
  function isIsoDate(value) {
    if (typeof value !== "string") return false;
    const match = ISO_DATE.exec(value);
    return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
  }

  function requireDay(today) {
    if (!isIsoDate(today)) {
      throw new TypeError(`KpassChecker: today must be a date YYYY-MM-DD, not ${String(today)}`);
    }
    return today;
  }

  function germanDate(iso) {
    return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
  }

  function isWholeNumber(value, low, high) {
    return typeof value === "number" && Number.isInteger(value) && value >= low && value <= high;
  }

  /** Python's json.dumps(value, indent=2) (ensure_ascii): one member or element a line. */
  function pythonJson(value, indent) {
    const inner = " ".repeat(indent + 2);
    const outer = " ".repeat(indent);
    if (value === null) return "null";
    if (typeof value === "number") return String(value);
    if (typeof value === "string") {
      let text = "\"";
      for (const char of value) {
        const code = char.charCodeAt(0);
        if (char === "\"") text += "\\\"";
        else if (char === "\\") text += "\\\\";
        else if (char === "\n") text += "\\n";
        else if (char === "\r") text += "\\r";
        else if (char === "\t") text += "\\t";
        else if (char === "\b") text += "\\b";
        else if (char === "\f") text += "\\f";
        else if (code < 0x20 || code > 0x7e) {
          for (let unit = 0; unit < char.length; unit += 1) {
            text += "\\u" + char.charCodeAt(unit).toString(16).padStart(4, "0");
          }
        } else text += char;
      }
      return text + "\"";
    }
    if (Array.isArray(value)) {
      if (value.length === 0) return "[]";
      const items = value.map((item) => inner + pythonJson(item, indent + 2));
      return "[\n" + items.join(",\n") + "\n" + outer + "]";
    }
    const names = Object.keys(value);
    if (names.length === 0) return "{}";
    const members = names.map(
      (name) => inner + pythonJson(name, indent + 2) + ": " + pythonJson(value[name], indent + 2));
    return "{\n" + members.join(",\n") + "\n" + outer + "}";
  }

  // ---------------------------------------------------------------- pass numbers

  /** The two ISO 7064 MOD 97-10 check digits of a serial under a prefix ("KA", 123456 → "32"). */
  function checkDigits(prefix, serialText) {
    let digits = "";
    for (const letter of prefix) digits += String(letter.charCodeAt(0) - 55); // A=10 … Z=35
    digits += serialText + "00";
    let remainder = 0;
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
    return String(98 - remainder).padStart(2, "0");
  }

  /** Why a text is not a canonical pass number ([english, german]), or null if it is one. */
  function passNumberProblem(number) {
    const match = PASS_NUMBER.exec(number);
    if (match === null) return ["is not of the form KA-123456-32", "hat nicht die Form KA-123456-32"];
    const [, prefix, serialText, digits] = match;
    const serial = Number(serialText);
    if (serial < 1 || serial > MAX_SERIAL) {
      return [`has serial ${serialText}, outside 000001-999999`,
              `hat die laufende Nummer ${serialText}, außerhalb 000001–999999`];
    }
    // the whole number leaves remainder 1 mod 97 exactly when the digits are these (02-98)
    if (digits !== checkDigits(prefix, serialText)) {
      return ["has wrong check digits", "hat falsche Prüfziffern"];
    }
    return null;
  }

  // ---------------------------------------------------------------- today and fingerprints

  /** Today's date in Europe/Berlin as YYYY-MM-DD. */
  function berlinToday(now = new Date()) {
    const parts = {};
    const format = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit",
    });
    for (const part of format.formatToParts(now)) parts[part.type] = part.value;
    return `${parts.year.padStart(4, "0")}-${parts.month}-${parts.day}`;
  }

  /** A pinned root fingerprint as typed (upper or lower case, with or without the blanks
   * between the groups) as 64 lower-case hex digits; null if it is not one. */
  function fingerprintHex(text) {
    if (typeof text !== "string") return null;
    const compact = text.split(" ").join("");
    return ANY_HEX_64.test(compact) ? compact.toLowerCase() : null;
  }

  // ---------------------------------------------------------------- key set (section 6)

  function refused(reasonEn, reasonDe) {
    return { ok: false, reason_en: reasonEn, reason_de: reasonDe };
  }

  class Refusal extends Error {
    constructor(reasonEn, reasonDe) {
      super(reasonEn);
      this.reasonEn = reasonEn;
      this.reasonDe = reasonDe;
    }
  }

  function requireMembers(value, names, whereEn, whereDe) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      throw new Refusal(`${whereEn} is not a JSON object`, `${whereDe} ist kein JSON-Objekt`);
    }
    const found = Object.keys(value);
    if (found.length !== names.length || found.some((name, index) => name !== names[index])) {
      throw new Refusal(
        `${whereEn} must have exactly the members ${names.join(", ")} in this order`,
        `${whereDe} muss genau die Felder ${names.join(", ")} in dieser Reihenfolge haben`);
    }
    return value;
  }

  function requireDate(value, name) {
    if (!isIsoDate(value)) {
      throw new Refusal(`${name} is not a date written YYYY-MM-DD`,
                        `${name} ist kein als JJJJ-MM-TT geschriebenes Datum`);
    }
    return value;
  }

  async function requirePublicKey(hex, keyId, whereEn, whereDe) {
    if (typeof hex !== "string" || !LOWER_HEX_KEY.test(hex)) {
      throw new Refusal(`${whereEn}: the public key is not 64 hex digits in lower case`,
                        `${whereDe}: der öffentliche Schlüssel sind nicht 64 Hexziffern in ` +
                        "Kleinbuchstaben");
    }
    const raw = fromHex(hex);
    if (typeof keyId !== "string" || !KEY_ID.test(keyId) || (await keyIdOf(raw)) !== keyId) {
      throw new Refusal(`${whereEn}: the key id does not match the public key`,
                        `${whereDe}: die Kennung passt nicht zum öffentlichen Schlüssel`);
    }
    return raw;
  }

  /** Everything of section 6.1 (the form), in kpass's order; throws a Refusal. */
  async function parseKeySet(text) {
    if (typeof text !== "string") throw new Refusal("is not a text", "ist kein Text");
    if (text.length > MAX_KEYSET_CHARS) {
      throw new Refusal(`longer than ${MAX_KEYSET_CHARS} characters`,
                        `länger als ${MAX_KEYSET_CHARS} Zeichen`);
    }
    if (!ASCII.test(text)) {
      throw new Refusal("contains non-ASCII characters", "enthält Zeichen außerhalb von ASCII");
    }
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new Refusal("not valid JSON", "kein gültiges JSON");
    }
    const document = requireMembers(parsed, KEYSET_MEMBERS, "the file", "die Datei");
    if (document.format !== KEYSET_FORMAT) {
      throw new Refusal(`"format" is not "${KEYSET_FORMAT}"`,
                        `„format“ ist nicht „${KEYSET_FORMAT}“`);
    }
    if (document.format_version !== 1) {
      throw new Refusal("format_version is not 1 (update the checker for a later one)",
                        "format_version ist nicht 1 (für eine spätere das Prüfprogramm " +
                        "aktualisieren)");
    }
    const version = document.keyset_version;
    if (!isWholeNumber(version, 1, MAX_COUNTER)) {
      throw new Refusal(`keyset_version is not a whole number from 1 to ${MAX_COUNTER}`,
                        `keyset_version ist keine ganze Zahl von 1 bis ${MAX_COUNTER}`);
    }
    const issued = requireDate(document.issued, "issued");
    const expires = requireDate(document.expires, "expires");
    if (expires <= issued) {
      throw new Refusal("expires is not after issued", "expires liegt nicht nach issued");
    }
    const rootKey = await requirePublicKey(document.root_public_key, document.root_key_id,
                                           "root key", "Wurzelschlüssel");
    const entries = document.keys;
    if (!Array.isArray(entries) || entries.length === 0) {
      throw new Refusal("keys is not a list of at least one key",
                        "keys ist keine Liste mit mindestens einem Schlüssel");
    }
    const keys = [];
    for (let index = 0; index < entries.length; index += 1) {
      const whereEn = `key ${index + 1}`;
      const whereDe = `Schlüssel ${index + 1}`;
      const entry = requireMembers(entries[index], KEY_MEMBERS, whereEn, whereDe);
      if (entry.algorithm !== ALGORITHM) {
        throw new Refusal(`${whereEn}: algorithm is not ${ALGORITHM}`,
                          `${whereDe}: Verfahren ist nicht ${ALGORITHM}`);
      }
      const raw = await requirePublicKey(entry.public_key, entry.key_id, whereEn, whereDe);
      const notAfter = entry.not_after === null ? null
        : requireDate(entry.not_after, `${whereEn}: not_after`);
      keys.push({ keyId: entry.key_id, publicKey: raw, notAfter });
    }
    for (let index = 1; index < keys.length; index += 1) {
      if (!(keys[index].keyId > keys[index - 1].keyId)) {
        throw new Refusal(`key ${index + 1}: key ids are not in strictly ascending order`,
                          `Schlüssel ${index + 1}: Kennungen nicht streng aufsteigend sortiert`);
      }
    }
    if (keys.some((key) => sameBytes(key.publicKey, rootKey))) {
      throw new Refusal("the root key is listed as a card-signing key",
                        "der Wurzelschlüssel steht als Kartenschlüssel in der Liste");
    }
    const signatureText = document.signature;
    const signature = typeof signatureText === "string" &&
      signatureText.length === SIGNATURE_LENGTH ? base32Decode(signatureText) : null;
    if (signature === null) {
      throw new Refusal(`the signature is not ${SIGNATURE_LENGTH} characters of base32 in ` +
                        "canonical form", `die Signatur sind nicht ${SIGNATURE_LENGTH} ` +
                        "Zeichen Base32 in kanonischer Form");
    }
    // the layout: the values written back in the one spelling must give the file exactly
    const canonical = pythonJson({
      format: KEYSET_FORMAT,
      format_version: 1,
      keyset_version: version,
      issued,
      expires,
      root_key_id: document.root_key_id,
      root_public_key: toHex(rootKey),
      keys: keys.map((key) => ({
        key_id: key.keyId, algorithm: ALGORITHM, public_key: toHex(key.publicKey),
        not_after: key.notAfter,
      })),
      signature: base32Encode(signature),
    }, 0) + "\n";
    if (canonical !== text) {
      throw new Refusal(
        "not written in the one accepted spelling (layout, spacing, line ends or escapes " +
        "differ from the file kpass writes)",
        "nicht in der einzigen zulässigen Schreibweise (Einrückung, Leerzeichen, " +
        "Zeilenenden oder Maskierungen weichen von der Datei ab, die kpass schreibt)");
    }
    return { version, issued, expires, rootKeyId: document.root_key_id, rootKey, keys, signature };
  }

  function keySetSigningText(keySet) {
    const lines = [
      KEYSET_SIGNING_HEADER,
      `KEYSET-VERSION ${keySet.version}`,
      `ISSUED ${keySet.issued}`,
      `EXPIRES ${keySet.expires}`,
      `ROOT ${keySet.rootKeyId} ${toHex(keySet.rootKey)}`,
    ];
    for (const key of keySet.keys) {
      lines.push(`KEY ${key.keyId} ${ALGORITHM} ${toHex(key.publicKey)} ${key.notAfter ?? "-"}`);
    }
    return lines.map((line) => line + "\n").join("");
  }

  /** A key set that passed every check of section 6.4, in that order, or the reason. */
  async function readKeySet(text, pinnedFingerprintHex, lastVersion, today) {
    subtle();
    requireDay(today);
    let keySet;
    try {
      keySet = await parseKeySet(text);
    } catch (error) {
      if (error instanceof Refusal) return refused(error.reasonEn, error.reasonDe);
      throw error;
    }
    const pinned = fingerprintHex(pinnedFingerprintHex);
    if (pinned === null) {
      return refused("the pinned root fingerprint is not 64 hex digits",
                     "der hinterlegte Wurzel-Fingerabdruck sind nicht 64 Hexziffern");
    }
    const fingerprint = toHex(await sha256(keySet.rootKey));
    if (fingerprint !== pinned) {
      return refused("signed by another root key, not by the pinned one",
                     "von einem anderen Wurzelschlüssel signiert, nicht vom hinterlegten");
    }
    const rootKey = await importVerifyKey(keySet.rootKey);
    if (!(await verifySignature(rootKey, keySet.signature, asciiBytes(keySetSigningText(keySet))))) {
      return refused("the root key's signature does not match: the file was altered or forged",
                     "die Signatur des Wurzelschlüssels passt nicht: die Datei wurde " +
                     "verändert oder gefälscht");
    }
    if (keySet.issued > today) {
      return refused(`issued ${keySet.issued} is in the future (today is ${today}): check the ` +
                     "computer's date",
                     `ausgestellt am ${germanDate(keySet.issued)}, also in der Zukunft (heute ` +
                     `ist der ${germanDate(today)}): bitte das Datum des Rechners prüfen`);
    }
    if (today > keySet.expires) {
      return refused(`expired on ${keySet.expires}: get the current key set from the office`,
                     `am ${germanDate(keySet.expires)} abgelaufen: bitte den aktuellen ` +
                     "Schlüsselsatz beim Amt anfordern");
    }
    if (lastVersion !== null && lastVersion !== undefined && keySet.version < lastVersion) {
      return refused(`version ${keySet.version} is older than version ${lastVersion}, seen ` +
                     "before: keep using the newer key set",
                     `Version ${keySet.version} ist älter als die bereits gesehene Version ` +
                     `${lastVersion}: bitte den neueren Schlüsselsatz weiter verwenden`);
    }
    const keys = {};
    for (const key of keySet.keys) {
      keys[key.keyId] = {
        keyId: key.keyId, publicKey: key.publicKey, notAfter: key.notAfter,
        cryptoKey: await importVerifyKey(key.publicKey),
      };
    }
    return {
      ok: true, version: keySet.version, issued: keySet.issued, expires: keySet.expires,
      rootFingerprint: fingerprint, keys,
    };
  }

  function findKey(keys, keyId) {
    if (keys instanceof Map) return keys.has(keyId) ? keys.get(keyId) : null;
    return hasOwn(keys, keyId) ? keys[keyId] : null;
  }

  async function cryptoKeyOf(entry) {
    if (entry.cryptoKey) return entry.cryptoKey;
    return entry.publicKey ? importVerifyKey(entry.publicKey) : null;
  }

  // ---------------------------------------------------------------- revocation list (section 7)

  /** The lines of a list in canonical form, without their LF; throws a Refusal otherwise. */
  function listLines(text) {
    if (!ASCII.test(text)) {
      throw new Refusal("contains non-ASCII characters", "enthält Zeichen außerhalb von ASCII");
    }
    if (text.includes("\r")) {
      throw new Refusal(
        "contains a CR: lines must end with LF only, not CR LF (was the file converted to " +
        "Windows line ends?)",
        "enthält ein CR: Zeilen enden nur mit LF, nicht mit CR LF (wurde die Datei in " +
        "Windows-Zeilenenden umgewandelt?)");
    }
    if (!text.startsWith(LIST_HEADER + "\n")) {
      const other = OTHER_LIST_HEADER.exec(text.split("\n", 1)[0]);
      if (other !== null && other[1] === "1") {
        throw new Refusal(
          "format version 1 (without SEQUENCE and NEXT-UPDATE) is no longer read: ask the " +
          "issuing office for a current list (KPASS-REVOCATIONS 2)",
          "Formatversion 1 (ohne SEQUENCE und NEXT-UPDATE) wird nicht mehr gelesen: bitte " +
          "beim Amt eine aktuelle Liste anfordern (KPASS-REVOCATIONS 2)");
      }
      if (other !== null) {
        throw new Refusal(
          `names format version ${other[1]}, only 2 is known (update the checker)`,
          `nennt Formatversion ${other[1]}, bekannt ist nur 2 (Prüfprogramm aktualisieren)`);
      }
      throw new Refusal(`does not start with the line '${LIST_HEADER}'`,
                        `beginnt nicht mit der Zeile „${LIST_HEADER}“`);
    }
    if (!text.endsWith("\n")) {
      throw new Refusal("the last line does not end with LF (file cut off?)",
                        "die letzte Zeile endet nicht mit LF (Datei abgeschnitten?)");
    }
    const lines = text.slice(0, -1).split("\n");
    if (!lines[lines.length - 1].startsWith("SIGNATURE ")) {
      throw new Refusal(
        "the last line is not the SIGNATURE line (list cut off, or text after it)",
        "die letzte Zeile ist nicht die Zeile SIGNATURE (Liste abgeschnitten oder Text " +
        "dahinter)");
    }
    if (lines.length < LIST_FIXED_LINES + 1) {
      throw new Refusal("lacks KEY-ID, SEQUENCE, ISSUED, NEXT-UPDATE or COUNT",
                        "KEY-ID, SEQUENCE, ISSUED, NEXT-UPDATE oder COUNT fehlt");
    }
    return lines;
  }

  function lineValue(lines, index, keyword) {
    const line = lines[index];
    if (!line.startsWith(keyword + " ")) {
      const shown = JSON.stringify(line.slice(0, 40));
      throw new Refusal(`line ${index + 1}: expected ${keyword} …, found ${shown}`,
                        `Zeile ${index + 1}: ${keyword} … erwartet, gefunden: ${shown}`);
    }
    return line.slice(keyword.length + 1);
  }

  function listDate(keyword, value) {
    if (!isIsoDate(value)) {
      throw new Refusal(
        `${keyword} '${value}' is not a date written YYYY-MM-DD (e.g. 2026-11-01)`,
        `${keyword} „${value}“ ist kein als JJJJ-MM-TT geschriebenes Datum (z. B. 2026-11-01)`);
    }
    return value;
  }

  /** Everything of section 7.1 (the form); throws a Refusal. */
  function parseRevocationList(text) {
    if (typeof text !== "string") throw new Refusal("is not a text", "ist kein Text");
    const lines = listLines(text);
    const keyId = lineValue(lines, 1, "KEY-ID");
    if (!KEY_ID.test(keyId)) {
      throw new Refusal(`KEY-ID '${keyId}' is not 6 characters A-Z, 2-7`,
                        `KEY-ID „${keyId}“ sind nicht 6 Zeichen A–Z, 2–7`);
    }
    const sequenceText = lineValue(lines, 2, "SEQUENCE");
    if (!SEQUENCE.test(sequenceText) || Number(sequenceText) > MAX_COUNTER) {
      throw new Refusal(
        `SEQUENCE '${sequenceText}' is not a number from 1 to ${MAX_COUNTER} written without ` +
        "leading zeros",
        `SEQUENCE „${sequenceText}“ ist keine ohne führende Nullen geschriebene Zahl von 1 ` +
        `bis ${MAX_COUNTER}`);
    }
    const issued = listDate("ISSUED", lineValue(lines, 3, "ISSUED"));
    const nextUpdate = listDate("NEXT-UPDATE", lineValue(lines, 4, "NEXT-UPDATE"));
    if (nextUpdate <= issued) {
      throw new Refusal(`NEXT-UPDATE ${nextUpdate} is not after ISSUED ${issued}`,
                        `NEXT-UPDATE ${nextUpdate} liegt nicht nach ISSUED ${issued}`);
    }
    const countText = lineValue(lines, 5, "COUNT");
    if (!COUNT.test(countText)) {
      throw new Refusal(`COUNT '${countText}' is not a number written without leading zeros`,
                        `COUNT „${countText}“ ist keine ohne führende Nullen geschriebene Zahl`);
    }
    const numbers = lines.slice(LIST_FIXED_LINES, -1);
    if (String(numbers.length) !== countText) {
      throw new Refusal(
        `COUNT ${countText} but ${numbers.length} numbers (list cut off or edited)`,
        `COUNT ${countText}, aber ${numbers.length} Nummern (Liste gekürzt oder verändert)`);
    }
    let previous = "";
    numbers.forEach((number, index) => {
      const line = LIST_FIXED_LINES + 1 + index;
      const problem = passNumberProblem(number);
      if (problem !== null) {
        throw new Refusal(`line ${line}: pass number '${number}' ${problem[0]}`,
                          `Zeile ${line}: Passnummer „${number}“ ${problem[1]}`);
      }
      if (number === previous) {
        throw new Refusal(`line ${line}: ${number} is repeated (each number appears once)`,
                          `Zeile ${line}: ${number} ist wiederholt (jede Nummer steht nur einmal)`);
      }
      if (number < previous) {
        throw new Refusal(`line ${line}: numbers not sorted (${number} after ${previous})`,
                          `Zeile ${line}: Nummern nicht sortiert (${number} nach ${previous})`);
      }
      previous = number;
    });
    const signatureText = lineValue(lines, lines.length - 1, "SIGNATURE");
    const signature = signatureText.length === SIGNATURE_LENGTH
      ? base32Decode(signatureText) : null;
    if (signature === null) {
      throw new Refusal(
        `the signature is not ${SIGNATURE_LENGTH} characters of base32 (A-Z, 2-7)`,
        `die Signatur sind nicht ${SIGNATURE_LENGTH} Zeichen Base32 (A–Z, 2–7)`);
    }
    const body = lines.slice(0, -1).map((line) => line + "\n").join("");
    return { keyId, sequence: Number(sequenceText), issued, nextUpdate, numbers, signature, body };
  }

  /** A revocation list that passed every check of section 7.2, in that order, or the reason. */
  async function readRevocationList(text, keys, lastSequence, today) {
    subtle();
    requireDay(today);
    let list;
    try {
      list = parseRevocationList(text);
    } catch (error) {
      if (error instanceof Refusal) return refused(error.reasonEn, error.reasonDe);
      throw error;
    }
    const key = findKey(keys || {}, list.keyId);
    if (key === null) {
      return refused(`signed with unknown key ${list.keyId}`,
                     `mit unbekanntem Schlüssel ${list.keyId} signiert`);
    }
    if (!(await verifySignature(await cryptoKeyOf(key), list.signature, asciiBytes(list.body)))) {
      return refused("the signature does not match: the list was altered or is forged",
                     "die Signatur passt nicht: die Liste wurde verändert oder ist gefälscht");
    }
    const notAfter = key.notAfter ?? null;
    if (notAfter !== null && list.issued > notAfter) {
      return refused(
        `signed with key ${list.keyId}, retired on ${notAfter}, but ISSUED ${list.issued}: a ` +
        "retired key signs nothing new",
        `mit Schlüssel ${list.keyId} signiert, der am ${germanDate(notAfter)} stillgelegt ` +
        `wurde, aber ausgestellt am ${germanDate(list.issued)}: ein stillgelegter Schlüssel ` +
        "signiert nichts Neues");
    }
    if (list.issued > today) {
      return refused(
        `ISSUED ${list.issued} is in the future (today is ${today}): check the computer's ` +
        "date, or ask the office",
        `ausgestellt am ${germanDate(list.issued)}, also in der Zukunft (heute ist der ` +
        `${germanDate(today)}): bitte das Datum des Rechners prüfen oder beim Amt nachfragen`);
    }
    if (lastSequence !== null && lastSequence !== undefined && list.sequence < lastSequence) {
      return refused(
        `SEQUENCE ${list.sequence} is lower than ${lastSequence}, the highest seen before: ` +
        "this is an older list (keep using the newer one)",
        `Nummer ${list.sequence} ist kleiner als ${lastSequence}, die höchste bisher ` +
        "gesehene: das ist eine ältere Liste (bitte die neuere weiter verwenden)");
    }
    return {
      ok: true, keyId: list.keyId, sequence: list.sequence, issued: list.issued,
      nextUpdate: list.nextUpdate, numbers: list.numbers.slice(),
    };
  }

  /** Whether a list is stale on a day: from the day after its NEXT-UPDATE day. */
  function isStale(list, today) {
    return requireDay(today) > list.nextUpdate;
  }

  // ---------------------------------------------------------------- payload (sections 1-4)

  class Malformed extends Error {
    constructor(part, problemEn, problemDe) {
      super(problemEn);
      this.part = part; // 1-9, or null when the text as a whole is wrong
      if (part === null) {
        this.textEn = problemEn;
        this.textDe = problemDe;
      } else {
        const [nameEn, nameDe] = PART_NAMES[part - 1];
        this.textEn = `part ${part} (${nameEn}) ${problemEn}`;
        this.textDe = `Teil ${part} (${nameDe}) ${problemDe}`;
      }
    }
  }

  function trimScannerWhiteSpace(text) {
    let start = 0;
    let end = text.length;
    while (start < end && SCANNER_WHITE_SPACE.includes(text[start])) start += 1;
    while (end > start && SCANNER_WHITE_SPACE.includes(text[end - 1])) end -= 1;
    return text.slice(start, end);
  }

  function payloadDate(text, part) {
    if (!YYMMDD.test(text)) {
      throw new Malformed(part, "is not 6 digits YYMMDD", "sind nicht 6 Ziffern JJMMTT");
    }
    const year = 2000 + Number(text.slice(0, 2));
    const month = Number(text.slice(2, 4));
    const day = Number(text.slice(4, 6));
    if (!isCalendarDate(year, month, day)) {
      throw new Malformed(part, "is not a calendar date", "ist kein Kalenderdatum");
    }
    return `${year}-${text.slice(2, 4)}-${text.slice(4, 6)}`;
  }

  /** The fields of a payload (every rule of section 1.1), without the signature check. */
  function parsePayload(input) {
    if (typeof input !== "string") throw new Malformed(null, "is not a text", "ist kein Text");
    const text = trimScannerWhiteSpace(input);
    if (!ASCII.test(text)) {
      throw new Malformed(null, "contains non-ASCII characters",
                          "enthält Zeichen außerhalb von ASCII");
    }
    const parts = text.split("*");
    if (parts[0] !== VERSION_TAG) {
      if (OTHER_VERSION_TAG.test(parts[0])) {
        const named = parts[0].slice(2);
        throw new Malformed(1, `names version ${named}, only 1 is known (unknown format version)`,
                            `nennt Version ${named}, bekannt ist nur 1 (unbekannte Formatversion)`);
      }
      throw new Malformed(1, "is not exactly KP1", "ist nicht genau KP1");
    }
    if (parts.length !== PART_COUNT) {
      throw new Malformed(null, `has ${parts.length} parts separated by '*', expected 9`,
                          `hat ${parts.length} durch „*“ getrennte Teile statt 9`);
    }
    const [, keyId, number, typeCode, start, end, initials, year, signatureText] = parts;
    if (!KEY_ID.test(keyId)) {
      throw new Malformed(2, "is not 6 characters A-Z, 2-7", "sind nicht 6 Zeichen A–Z, 2–7");
    }
    const numberProblem = passNumberProblem(number);
    if (numberProblem !== null) throw new Malformed(3, numberProblem[0], numberProblem[1]);
    if (!hasOwn(PASS_TYPES, typeCode)) {
      throw new Malformed(4, "is neither P nor K", "ist weder P noch K");
    }
    const validFrom = payloadDate(start, 5);
    const validUntil = payloadDate(end, 6);
    if (validFrom > validUntil) {
      throw new Malformed(5, "is after valid until", "liegt nach „gültig bis“");
    }
    if (!INITIALS.test(initials)) {
      throw new Malformed(7, "are not two letters A-Z", "sind nicht zwei Buchstaben A–Z");
    }
    if (!BIRTH_YEAR.test(year)) {
      throw new Malformed(8, "is not a year 1900-2099", "ist kein Jahr 1900–2099");
    }
    if (signatureText.length !== SIGNATURE_LENGTH) {
      throw new Malformed(9, `has ${signatureText.length} characters, expected ${SIGNATURE_LENGTH}`,
                          `hat ${signatureText.length} Zeichen statt ${SIGNATURE_LENGTH}`);
    }
    const signature = base32Decode(signatureText);
    if (signature === null) {
      throw new Malformed(9, "is not base32 in canonical form",
                          "ist kein gültiges Base32 in kanonischer Form");
    }
    return {
      fields: {
        version: 1, key_id: keyId, number, pass_type: PASS_TYPES[typeCode],
        valid_from: validFrom, valid_until: validUntil, initials, birth_year: Number(year),
      },
      signature,
      signedText: text.slice(0, text.lastIndexOf("*")),
    };
  }

  function verdict(status, fields, messageEn, messageDe, part = null) {
    return { status, fields, message_en: messageEn, message_de: messageDe, part };
  }

  function genuine(status, fields) {
    const title = PASS_TITLES[fields.pass_type];
    const number = fields.number;
    const [first, last] = fields.initials;
    if (status === "genuine-valid") {
      return verdict(status, fields,
        `Genuine ${title} ${number}, valid until ${fields.valid_until}; holder's initials ` +
        `${first}. ${last}., born ${fields.birth_year} — compare with an official photo ID.`,
        `Echter ${title} ${number}, gültig bis ${germanDate(fields.valid_until)}; Initialen ` +
        `${first}. ${last}., Geburtsjahr ${fields.birth_year} — bitte mit amtlichem ` +
        "Lichtbildausweis vergleichen.");
    }
    if (status === "genuine-expired") {
      return verdict(status, fields,
        `Genuine ${title} ${number}, but expired on ${fields.valid_until}.`,
        `Echter ${title} ${number}, aber abgelaufen am ${germanDate(fields.valid_until)}.`);
    }
    if (status === "genuine-not-yet-valid") {
      return verdict(status, fields,
        `Genuine ${title} ${number}, but valid only from ${fields.valid_from}.`,
        `Echter ${title} ${number}, aber erst ab ${germanDate(fields.valid_from)} gültig.`);
    }
    return verdict(status, fields,
      `Genuine ${title} ${number}, but revoked (lost, replaced or withdrawn) — do not accept.`,
      `Echter ${title} ${number}, aber gesperrt (verloren, ersetzt oder entzogen) — nicht ` +
      "anerkennen.");
  }

  function isRevoked(revoked, number) {
    if (!revoked) return false;
    if (revoked instanceof Set) return revoked.has(number);
    return Array.from(revoked).includes(number);
  }

  /** The status of a scanned code (section 4, steps 1-4 and 6-9; partners have no register). */
  async function checkPayload(text, keys, revoked, today) {
    subtle();
    requireDay(today);
    let parsed;
    try {
      parsed = parsePayload(text);
    } catch (error) {
      if (!(error instanceof Malformed)) throw error;
      return verdict("malformed", null, `Not a Karlsruher Pass code: ${error.textEn}.`,
                     `Kein Code eines Karlsruher Passes: ${error.textDe}.`, error.part);
    }
    const fields = parsed.fields;
    const key = findKey(keys || {}, fields.key_id);
    if (key === null) {
      return verdict("unknown-key", fields,
        `Signed with key ${fields.key_id}, which this page does not know: load the current ` +
        "key set of the issuing office.",
        `Mit Schlüssel ${fields.key_id} signiert, den diese Seite nicht kennt: bitte den ` +
        "aktuellen Schlüsselsatz des Amts laden.");
    }
    const cryptoKey = await cryptoKeyOf(key);
    if (!(await verifySignature(cryptoKey, parsed.signature, asciiBytes(parsed.signedText)))) {
      return verdict("forged-or-altered", fields,
        "The signature does not match: the code was forged or altered.",
        "Die Signatur passt nicht: der Code ist gefälscht oder verändert.");
    }
    const notAfter = key.notAfter ?? null;
    if (notAfter !== null && fields.valid_from > notAfter) {
      return verdict("key-retired", fields,
        `Signed with key ${fields.key_id}, retired on ${notAfter}, for a card valid only from ` +
        `${fields.valid_from}: a retired key signs no new cards (the key may have been misused).`,
        `Mit Schlüssel ${fields.key_id} signiert, der am ${germanDate(notAfter)} stillgelegt ` +
        `wurde, für eine erst ab ${germanDate(fields.valid_from)} gültige Karte: ein ` +
        "stillgelegter Schlüssel signiert keine neuen Karten (womöglich missbraucht).");
    }
    if (isRevoked(revoked, fields.number)) return genuine("genuine-revoked", fields);
    if (today < fields.valid_from) return genuine("genuine-not-yet-valid", fields);
    if (today > fields.valid_until) return genuine("genuine-expired", fields);
    return genuine("genuine-valid", fields);
  }

  globalThis.KpassChecker = Object.freeze({
    berlinToday,
    fingerprintHex,
    readKeySet,
    readRevocationList,
    isStale,
    checkPayload,
  });
})();
