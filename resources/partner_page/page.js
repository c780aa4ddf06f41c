"use strict";
// The page around KpassChecker (checker.js): the scan field, the result screen, the files
// the office sends later. Nothing about a scanned person is kept: only the key set, the
// revocation list and their version numbers go into the browser's local storage.
(() => {
  const C = globalThis.KpassChecker;
  const DATA = JSON.parse(document.getElementById("kpass-data").textContent);
  const STORE = "kpass-partner-page:" + DATA.fingerprint;
  const $ = (id) => document.getElementById(id);
  const scan = $("scan");
  const result = $("result");

  const PASS_TYPES = { karlsruher_pass: "Karlsruher Pass", kinderpass: "Karlsruher Kinderpass" };
  // what each status looks like: class of the screen, symbol, headline (never colour alone)
  const SCREENS = {
    "genuine-valid": ["valid", "✓", "Gültig"],
    "stale": ["warning", "!", "Sperrliste veraltet"],
    "genuine-expired": ["warning", "!", "Abgelaufen"],
    "genuine-not-yet-valid": ["warning", "!", "Noch nicht gültig"],
    "genuine-revoked": ["warning", "✗", "Gesperrt"],
    "unknown-key": ["warning", "?", "Unbekannter Schlüssel"],
    "key-retired": ["refused", "✗", "Nicht gültig"],
    "forged-or-altered": ["refused", "✗", "Nicht gültig"],
    "malformed": ["refused", "✗", "Nicht gültig"],
    "no-keys": ["refused", "✗", "Prüfen nicht möglich"],
  };

  let keySet = null;   // the accepted key set: {version, expires, keys, …}
  let list = null;     // the accepted revocation list: {sequence, issued, nextUpdate, numbers}
  let state = { keyset: null, revoked: null, keyset_version: null, revocation_sequence: null };

  const german = (iso) => iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : "";
  const today = () => C.berlinToday();
  const blocked = (count) => count === 1 ? "1 gesperrter Pass" : `${count} gesperrte Pässe`;

  function loadState() {
    try {
      const stored = JSON.parse(localStorage.getItem(STORE) || "null");
      if (stored && typeof stored === "object") state = Object.assign(state, stored);
    } catch (error) {
      // unreadable storage: start from what the page holds; the version numbers start afresh
    }
  }

  function saveState() {
    try {
      localStorage.setItem(STORE, JSON.stringify(state));
    } catch (error) {
      showUpdate("Der Browser speichert keine Daten (privates Fenster?): neuere Dateien " +
                 "müssen nach jedem Öffnen neu geladen werden.", "refused");
    }
  }

  async function acceptKeySet(text) {
    const read = await C.readKeySet(text, DATA.fingerprint, state.keyset_version, today());
    if (read.ok && (keySet === null || read.version >= keySet.version)) {
      keySet = read;
      state.keyset = text;
      state.keyset_version = read.version;
    }
    return read;
  }

  async function acceptList(text) {
    if (keySet === null) return { ok: false, reason_de: "kein gültiger Schlüsselsatz geladen" };
    const read = await C.readRevocationList(text, keySet.keys, state.revocation_sequence,
                                            today());
    if (read.ok && (list === null || read.sequence >= list.sequence)) {
      list = read;
      state.revoked = text;
      state.revocation_sequence = read.sequence;
    }
    return read;
  }

  function describeLists() {
    const day = today();
    $("fingerprint").textContent = DATA.fingerprintText;
    $("keyset-state").textContent = keySet
      ? `Schlüsselsatz Version ${keySet.version}, gültig bis ${german(keySet.expires)}.`
      : "Kein gültiger Schlüsselsatz: bitte den aktuellen Schlüsselsatz vom Amt laden.";
    const line = $("revocation-state");
    if (list === null) {
      line.textContent = "Keine gültige Sperrliste: bitte die aktuelle Sperrliste vom Amt laden.";
      line.className = "stale";
    } else if (C.isStale(list, day)) {
      line.textContent = `Sperrliste vom ${german(list.issued)} (Nr. ${list.sequence}) ist ` +
        `veraltet: die nächste war bis ${german(list.nextUpdate)} zugesagt. Bis eine ` +
        "aktuelle geladen ist, keine Vergünstigung gewähren.";
      line.className = "stale";
    } else {
      line.textContent = `Sperrliste vom ${german(list.issued)} (Nr. ${list.sequence}, ` +
        `${blocked(list.numbers.length)}), nächste bis ${german(list.nextUpdate)}.`;
      line.className = "";
    }
  }

  function showUpdate(text, kind) {
    const box = $("update-message");
    box.textContent = text;
    box.className = kind;
  }

  function show(screen, explanation, fields) {
    const [kind, symbol, headline] = SCREENS[screen];
    result.className = "result " + kind;
    result.dataset.status = screen;
    result.querySelector(".symbol").textContent = symbol;
    result.querySelector(".headline").textContent = headline;
    result.querySelector(".explanation").textContent = explanation;
    const table = result.querySelector(".fields");
    table.hidden = !fields;
    if (fields) {
      $("f-initials").textContent = `${fields.initials[0]}. ${fields.initials[1]}.`;
      $("f-birth-year").textContent = String(fields.birth_year);
      $("f-pass-type").textContent = PASS_TYPES[fields.pass_type] || fields.pass_type;
      $("f-valid-until").textContent = german(fields.valid_until);
    }
  }

  async function check(text) {
    scan.value = "";
    scan.focus();
    if (!text.trim()) return;
    if (keySet === null) {
      show("no-keys", "Ohne gültigen Schlüsselsatz kann kein Pass geprüft werden. Bitte " +
           "den aktuellen Schlüsselsatz vom Amt laden.", null);
      return;
    }
    const day = today();
    const found = await C.checkPayload(text, keySet.keys, list ? list.numbers : [], day);
    const genuine = found.status.startsWith("genuine-");
    const fields = genuine ? found.fields : null;
    if (found.status === "genuine-valid" && (list === null || C.isStale(list, day))) {
      show("stale", "Der Pass ist echt, aber die Sperrliste ist nicht aktuell. Erst nach " +
           "dem Laden einer aktuellen Sperrliste Vergünstigung gewähren.", fields);
    } else if (found.status === "genuine-valid") {
      show("genuine-valid", "Initialen und Geburtsjahr mit einem amtlichen " +
           "Lichtbildausweis vergleichen.", fields);
    } else if (found.status === "genuine-expired") {
      show("genuine-expired", `Der Pass galt bis ${german(found.fields.valid_until)}. ` +
           "Keine Vergünstigung.", fields);
    } else if (found.status === "genuine-not-yet-valid") {
      show("genuine-not-yet-valid", `Der Pass gilt erst ab ${german(found.fields.valid_from)}.`,
           fields);
    } else if (found.status === "genuine-revoked") {
      show("genuine-revoked", "Dieser Pass ist gesperrt (verloren, ersetzt oder " +
           "zurückgenommen). Keine Vergünstigung.", fields);
    } else if (found.status === "unknown-key") {
      show("unknown-key", "Der Code ist mit einem Schlüssel signiert, den diese Seite nicht " +
           "kennt. Bitte den aktuellen Schlüsselsatz vom Amt laden; bis dahin keine " +
           "Vergünstigung.", null);
    } else {
      show(found.status, found.message_de + " Keine Vergünstigung.", null);
    }
  }

  async function loadFiles(files) {
    // Key sets first: at a key change the office sends a new key set and a list signed
    // with the new key together, in whatever order the file manager hands them over.
    const read = [];
    const said = [];
    for (const file of files) {
      try {
        read.push([file, new TextDecoder("utf-8", { fatal: true })
          .decode(await file.arrayBuffer())]);
      } catch (error) {
        said.push([`${file.name}: keine Datei des Amts (Zeichen außerhalb von ASCII).`,
                   "refused"]);
      }
    }
    read.sort((a, b) => Number(!a[1].startsWith("{")) - Number(!b[1].startsWith("{")));
    const showUpdate = (text, kind) => said.push([text, kind]);  // one line per file
    for (const [file, text] of read) {
      if (text.startsWith("KPASS-REVOCATIONS")) {
        const before = list ? list.sequence : null;
        const read = await acceptList(text);
        if (!read.ok) {
          showUpdate(`Sperrliste nicht übernommen: ${read.reason_de}.`, "refused");
        } else if (before !== null && read.sequence < before) {
          showUpdate(`Sperrliste Nr. ${read.sequence} ist älter als die geladene.`, "refused");
        } else {
          showUpdate(`Sperrliste Nr. ${read.sequence} vom ${german(read.issued)} übernommen.`,
                     "accepted");
        }
      } else if (text.startsWith("{")) {
        const read = await acceptKeySet(text);
        if (!read.ok) {
          showUpdate(`Schlüsselsatz nicht übernommen: ${read.reason_de}.`, "refused");
        } else {
          showUpdate(`Schlüsselsatz Version ${read.version} übernommen.`, "accepted");
          // a list signed by a key of the new set becomes readable now
          if (list === null && state.revoked) await acceptList(state.revoked);
          if (list === null) await acceptList(DATA.revoked);
        }
      } else {
        showUpdate(`${file.name}: weder Sperrliste noch Schlüsselsatz.`, "refused");
      }
    }
    const box = $("update-message");
    box.textContent = said.map(([text]) => text).join("\n");
    box.className = said.some(([, kind]) => kind === "refused") ? "refused" : "accepted";
    saveState();
    describeLists();
    scan.focus();
  }

  function setUpCamera() {
    if (!("BarcodeDetector" in globalThis) || !navigator.mediaDevices) return;
    const button = $("camera");
    const view = $("camera-view");
    button.hidden = false;
    button.addEventListener("click", async () => {
      let stream;
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
      } catch (error) {
        showUpdate("Die Kamera ist nicht verfügbar oder nicht erlaubt.", "refused");
        return;
      }
      const detector = new globalThis.BarcodeDetector({ formats: ["qr_code"] });
      view.srcObject = stream;
      view.hidden = false;
      await view.play();
      const stop = () => { stream.getTracks().forEach((track) => track.stop()); view.hidden = true; };
      const look = async () => {
        if (view.hidden) return;
        const codes = await detector.detect(view).catch(() => []);
        if (codes.length) { stop(); await check(codes[0].rawValue); return; }
        requestAnimationFrame(look);
      };
      look();
    });
  }

  async function start() {
    if (!globalThis.crypto || !crypto.subtle) {
      show("no-keys", "Dieser Browser prüft hier keine Signaturen. Die Seite als Datei " +
           "(vom USB-Stick oder Laufwerk) oder über https öffnen.", null);
      return;
    }
    loadState();
    for (const text of [state.keyset, DATA.keyset]) {
      if (text) await acceptKeySet(text);
    }
    for (const text of [state.revoked, DATA.revoked]) {
      if (text) await acceptList(text);
    }
    saveState();
    describeLists();
    setUpCamera();
    scan.focus();
  }

  $("scan-form").addEventListener("submit", (event) => {
    event.preventDefault();
    check(scan.value);
  });
  $("update-file").addEventListener("change", (event) => {
    loadFiles(Array.from(event.target.files));
    event.target.value = "";
  });
  const zone = $("drop-zone");
  document.addEventListener("dragover", (event) => {
    event.preventDefault();
    zone.classList.add("dragging");
  });
  document.addEventListener("dragleave", () => zone.classList.remove("dragging"));
  document.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("dragging");
    loadFiles(Array.from(event.dataTransfer.files));
  });
  globalThis.kpassPageReady = start().catch((error) => {
    show("no-keys", "Dieser Browser kann die Signaturen nicht prüfen (Ed25519 fehlt): " +
         "bitte eine aktuelle Version von Chrome, Edge, Firefox oder Safari verwenden.", null);
    throw error;
  });
})();
