<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="de">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../kpass/ui/help/about.py" line="27"/>
        <source>Über kpass</source>
        <translation>About kpass</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/help/about.py" line="31"/>
        <source>Zeichen von kpass</source>
        <translation>kpass logo</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/help/about.py" line="32"/>
        <source>&lt;b&gt;kpass&lt;/b&gt; Version %1</source>
        <translation>&lt;b&gt;kpass&lt;/b&gt; version %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/help/about.py" line="34"/>
        <source>Karlsruher Pass und Karlsruher Kinderpass: Anträge, Entscheidungen, Ausweise, Statistik.
Stadt Karlsruhe · Sozial- und Jugendbehörde. Lizenz: %1.</source>
        <translation>Karlsruher Pass and Karlsruher Kinderpass: applications, decisions, cards, statistics.
City of Karlsruhe · Sozial- und Jugendbehörde. Licence: %1.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/help/about.py" line="39"/>
        <source>&amp;Bestandteile und ihre Lizenzen:</source>
        <translation>Com&amp;ponents and their licences:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/help/about.py" line="42"/>
        <source>Bestandteile und ihre Lizenzen</source>
        <translation>Components and their licences</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/help/about.py" line="44"/>
        <source>Bestandteil</source>
        <translation>Component</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/help/about.py" line="44"/>
        <source>Lizenz</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/help/about.py" line="44"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/help/about.py" line="56"/>
        <source>&amp;Lizenztext:</source>
        <translation>&amp;Licence text:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/help/about.py" line="60"/>
        <source>Lizenztext</source>
        <translation>Licence text</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/help/about.py" line="65"/>
        <source>Schl&amp;ießen</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/help/about.py" line="66"/>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>AddressSection</name>
    <message>
        <location filename="../../kpass/ui/household/sections/address.py" line="48"/>
        <location filename="../../kpass/ui/household/sections/address.py" line="119"/>
        <source>Umzug ab</source>
        <translation>Moving on</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/address.py" line="104"/>
        <source>Anschrift</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/address.py" line="105"/>
        <source>Straße:</source>
        <translation>Street:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/address.py" line="106"/>
        <source>Hausnr.:</source>
        <translation>House no.:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/address.py" line="107"/>
        <source>PLZ:</source>
        <translation>Postcode:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/address.py" line="108"/>
        <source>Ort:</source>
        <translation>Town:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/address.py" line="109"/>
        <source>Stadtteil:</source>
        <translation>District:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/address.py" line="110"/>
        <source>Umzug ab:</source>
        <translation>Moving on:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/address.py" line="111"/>
        <source>Straße</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/address.py" line="112"/>
        <source>Hausnummer</source>
        <translation>House number</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/address.py" line="113"/>
        <source>Postleitzahl</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/address.py" line="114"/>
        <source>Ort</source>
        <translation>Town</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/address.py" line="115"/>
        <source>Stadtteil</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/address.py" line="118"/>
        <source>Stadtteil (Name oder Nummer tippen)</source>
        <translation>District (type its name or number)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/address.py" line="120"/>
        <source>Umzug übernehmen</source>
        <translation>Take the move</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/address.py" line="122"/>
        <source>Neue Anschrift als Umzug übernehmen (gespeichert mit Strg+S)</source>
        <translation>Take the new address as a move (saved with Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/address.py" line="123"/>
        <source>Weitere Anschriften:</source>
        <translation>Other addresses:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/address.py" line="124"/>
        <source>Frühere und künftige Anschriften</source>
        <translation>Earlier and future addresses</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/address.py" line="153"/>
        <source>bis %1</source>
        <translation>until %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/address.py" line="155"/>
        <source>ab %1</source>
        <translation>from %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/address.py" line="193"/>
        <source>Umzug ab: bitte als TT.MM.JJJJ eingeben.</source>
        <translation>Moving on: please enter as DD.MM.YYYY.</translation>
    </message>
    <message>
        <source>&amp;Ort:</source>
        <translation type="vanished">&amp;Town:</translation>
    </message>
    <message>
        <source>Haus&amp;nr.:</source>
        <translation type="vanished">House &amp;no.:</translation>
    </message>
    <message>
        <source>Neue Anschrift als Umzug speichern</source>
        <translation type="vanished">Save the new address as a move</translation>
    </message>
    <message>
        <source>P&amp;LZ:</source>
        <translation type="vanished">Post&amp;code:</translation>
    </message>
    <message>
        <source>S&amp;tadtteil:</source>
        <translation type="vanished">Dis&amp;trict:</translation>
    </message>
    <message>
        <source>St&amp;raße:</source>
        <translation type="vanished">St&amp;reet:</translation>
    </message>
    <message>
        <source>U&amp;mzug ab:</source>
        <translation type="vanished">&amp;Moving on:</translation>
    </message>
    <message>
        <source>Umzug speichern</source>
        <translation type="vanished">Save move</translation>
    </message>
</context>
<context>
    <name>ApprovalTexts</name>
    <message>
        <location filename="../../kpass/ui/approvals/texts.py" line="21"/>
        <source>Ablehnung</source>
        <translation>Refusal</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/approvals/texts.py" line="23"/>
        <source>nahe an der Einkommensgrenze</source>
        <translation>close to the income limit</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/approvals/texts.py" line="24"/>
        <source>nahe an der Einkommensgrenze (%1 über)</source>
        <translation>close to the income limit (%1 above)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/approvals/texts.py" line="25"/>
        <source>nahe an der Einkommensgrenze (%1 unter)</source>
        <translation>close to the income limit (%1 below)</translation>
    </message>
</context>
<context>
    <name>ApprovalsPage</name>
    <message>
        <location filename="../../kpass/ui/approvals/page.py" line="54"/>
        <source>Entschieden am</source>
        <translation>Decided on</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/approvals/page.py" line="55"/>
        <source>Entscheidung</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/approvals/page.py" line="56"/>
        <source>Haushalt</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/approvals/page.py" line="57"/>
        <source>Antragsteller/in</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/approvals/page.py" line="58"/>
        <source>Sachbearbeitung</source>
        <translation>Caseworker</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/approvals/page.py" line="59"/>
        <source>Grund der Prüfung</source>
        <translation>Reason for review</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/approvals/page.py" line="118"/>
        <source>Freigaben: Entscheidungen, die auf die Leitung warten</source>
        <translation>Approvals: decisions waiting for a supervisor</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/approvals/page.py" line="119"/>
        <source>Freigaben</source>
        <translation>Approvals</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/approvals/page.py" line="120"/>
        <source>Vier-Augen-Prinzip: Bescheid, Pässe und Karten dieser Entscheidungen gehen erst nach der Freigabe hinaus. Die älteste steht oben.</source>
        <translation>Four-eyes principle: the decision letter, passes and cards of these decisions go out only after approval. The oldest is at the top.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/approvals/page.py" line="123"/>
        <source>Erläuterung</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/approvals/page.py" line="124"/>
        <source>Anzahl</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/approvals/page.py" line="126"/>
        <source>Wartende Entscheidungen</source>
        <translation>Decisions waiting</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/approvals/page.py" line="127"/>
        <source>Ausgewählte Entscheidung</source>
        <translation>Selected decision</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/approvals/page.py" line="128"/>
        <source>Eingabe oder Doppelklick in der Liste: Haushalt öffnen</source>
        <translation>Enter or double-click in the list: open the household</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/approvals/page.py" line="129"/>
        <source>Tastenkürzel</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/approvals/page.py" line="130"/>
        <source>&amp;Freigeben</source>
        <translation>&amp;Approve</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/approvals/page.py" line="131"/>
        <source>Freigeben: die ausgewählte Entscheidung freigeben</source>
        <translation>Approve: approve the selected decision</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/approvals/page.py" line="133"/>
        <source>&amp;Zurückgeben …</source>
        <translation>Send &amp;back …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/approvals/page.py" line="134"/>
        <source>Zurückgeben: die ausgewählte Entscheidung mit Begründung an die Sachbearbeitung zurückgeben</source>
        <translation>Send back: send the selected decision back to the caseworker, with a reason</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/approvals/page.py" line="137"/>
        <source>Neu &amp;laden</source>
        <translation>Re&amp;load</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/approvals/page.py" line="138"/>
        <source>Neu laden: die Warteschlange neu lesen</source>
        <translation>Reload: read the queue afresh</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/approvals/page.py" line="139"/>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/approvals/page.py" line="166"/>
        <source>%1 (eigene)</source>
        <translation>%1 (your own)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/approvals/page.py" line="176"/>
        <source>nichts wartet</source>
        <translation>nothing waiting</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/approvals/page.py" line="177"/>
        <source>1 Entscheidung wartet</source>
        <translation>1 decision waiting</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/approvals/page.py" line="178"/>
        <source>%1 Entscheidungen warten</source>
        <translation>%1 decisions waiting</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/approvals/page.py" line="200"/>
        <source>Keine Entscheidung ausgewählt.</source>
        <translation>No decision selected.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/approvals/page.py" line="202"/>
        <source>Entscheidung %1 vom %2 für Haushalt %3 (%4), getroffen von %5: %6.</source>
        <translation>Decision %1 of %2 for household %3 (%4), made by %5: %6.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/approvals/page.py" line="207"/>
        <source>Das ist Ihre eigene Entscheidung: eine andere Person der Leitung muss sie freigeben.</source>
        <translation>This is your own decision: another supervisor must approve it.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/approvals/page.py" line="227"/>
        <source>Entscheidung %1 (Haushalt %2, %3) freigegeben: Bescheid und Pässe können jetzt hinausgehen.</source>
        <translation>Decision %1 (household %2, %3) approved: the decision letter and passes can go out now.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/approvals/page.py" line="240"/>
        <source>Entscheidung zurückgeben</source>
        <translation>Send decision back</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/approvals/page.py" line="241"/>
        <source>Entscheidung %1 vom %2 für Haushalt %3 (%4) an %5 zurückgeben. Was ist zu prüfen oder zu berichtigen?</source>
        <translation>Send decision %1 of %2 for household %3 (%4) back to %5. What needs checking or correcting?</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/approvals/page.py" line="255"/>
        <source>Entscheidung %1 (Haushalt %2, %3) an %4 zurückgegeben.</source>
        <translation>Decision %1 (household %2, %3) sent back to %4.</translation>
    </message>
</context>
<context>
    <name>AuditTexts</name>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="18"/>
        <source>Anmeldung</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="19"/>
        <source>Anmeldung fehlgeschlagen</source>
        <translation>Login failed</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="20"/>
        <source>Benutzer angelegt</source>
        <translation>User added</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="21"/>
        <source>Benutzer deaktiviert</source>
        <translation>User disabled</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="22"/>
        <source>Benutzer freigeschaltet</source>
        <translation>User enabled</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="23"/>
        <source>Passwort zurückgesetzt</source>
        <translation>Password reset</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="24"/>
        <source>Passwort geändert</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="25"/>
        <source>Rolle geändert</source>
        <translation>Role changed</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="26"/>
        <source>Anmelderegeln geändert</source>
        <translation>Login policy changed</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="27"/>
        <source>Haushalt angelegt</source>
        <translation>Household created</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="28"/>
        <source>Haushalt geändert</source>
        <translation>Household changed</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="29"/>
        <source>Person geändert</source>
        <translation>Person changed</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="30"/>
        <source>Foto gespeichert</source>
        <translation>Photo saved</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="31"/>
        <source>Person aufgenommen</source>
        <translation>Person added</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="32"/>
        <source>Rolle im Haushalt geändert</source>
        <translation>Role in household changed</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="33"/>
        <source>Mitgliedschaft beendet</source>
        <translation>Membership ended</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="34"/>
        <source>Haushalt umgezogen</source>
        <translation>Household moved</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="35"/>
        <source>Person zugezogen</source>
        <translation>Person moved in</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="36"/>
        <source>Person ausgezogen</source>
        <translation>Person moved out</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="37"/>
        <source>Als verschiedene Personen vermerkt</source>
        <translation>Recorded as different persons</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="38"/>
        <source>Einkommen erfasst</source>
        <translation>Income recorded</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="39"/>
        <source>Einkommen berichtigt</source>
        <translation>Income corrected</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="40"/>
        <source>Einkommen beendet</source>
        <translation>Income ended</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="41"/>
        <source>Einkommen entfernt</source>
        <translation>Income removed</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="42"/>
        <source>Leistungsbescheid erfasst</source>
        <translation>Benefit notice recorded</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="43"/>
        <source>Leistungsbescheid berichtigt</source>
        <translation>Benefit notice corrected</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="44"/>
        <source>Leistungsbescheid entfernt</source>
        <translation>Benefit notice removed</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="45"/>
        <source>Massenabruf gelesen</source>
        <translation>Bulk read</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="46"/>
        <source>Auskunft nach Art. 15 DSGVO erteilt</source>
        <translation>Subject access (Art. 15 GDPR) given</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="47"/>
        <source>Straßenverzeichnis eingelesen</source>
        <translation>Street directory imported</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="48"/>
        <source>Bestehendes Register übernommen</source>
        <translation>Existing register taken over</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="49"/>
        <source>Löschung nach Löschkonzept</source>
        <translation>Deleted by the retention schedule</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="50"/>
        <source>Sicherung erstellt</source>
        <translation>Backup made</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="51"/>
        <source>Löschung auf Antrag (Art. 17 DSGVO)</source>
        <translation>Erased on request (Art. 17 GDPR)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="52"/>
        <source>Löschfrist geändert</source>
        <translation>Retention period changed</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="53"/>
        <source>Antrag erfasst</source>
        <translation>Application recorded</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="54"/>
        <location filename="../../kpass/ui/audit/texts.py" line="97"/>
        <source>Entscheidung</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="55"/>
        <source>Pässe ausgestellt</source>
        <translation>Passes issued</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="56"/>
        <source>Pass ausgestellt</source>
        <translation>Pass issued</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="57"/>
        <source>Pass verlängert</source>
        <translation>Pass extended</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="58"/>
        <source>Ersatzpass ausgestellt</source>
        <translation>Replacement pass issued</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="59"/>
        <source>Pass ersetzt</source>
        <translation>Pass replaced</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="60"/>
        <source>Pass gesperrt</source>
        <translation>Pass revoked</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="61"/>
        <source>Druck</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="62"/>
        <source>Schlüssel erzeugt</source>
        <translation>Key created</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="63"/>
        <source>Schlüssel gewechselt</source>
        <translation>Key rotated</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="64"/>
        <source>Wurzelschlüssel erzeugt</source>
        <translation>Root key created</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="65"/>
        <source>Schlüsselsatz signiert</source>
        <translation>Key set signed</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="66"/>
        <source>Sperrliste exportiert</source>
        <translation>Revocation list exported</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="67"/>
        <source>Prüfseite für Partner erstellt</source>
        <translation>Partner checker page exported</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="68"/>
        <source>Protokoll gelesen</source>
        <translation>Audit trail read</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="69"/>
        <source>Anker notiert</source>
        <translation>Anchor noted</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="70"/>
        <source>Demodaten</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="71"/>
        <source>Aus Sicherung wiederhergestellt</source>
        <translation>Restored from backup</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="72"/>
        <source>Sicherungsregeln geändert</source>
        <translation>Backup rules changed</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="73"/>
        <source>Widerspruch erfasst</source>
        <translation>Objection recorded</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="74"/>
        <source>Widerspruch in Prüfung genommen</source>
        <translation>Objection under review</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="75"/>
        <source>Widerspruch zurückgenommen</source>
        <translation>Objection withdrawn</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="76"/>
        <source>Widerspruch auf Wiedervorlage</source>
        <translation>Objection follow-up set</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="77"/>
        <source>Widerspruch zurückgewiesen</source>
        <translation>Objection rejected</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="78"/>
        <source>Widerspruch abgeholfen</source>
        <translation>Objection remedied</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="79"/>
        <source>60plus-Gutscheine ausgegeben</source>
        <translation>60plus vouchers handed out</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="80"/>
        <source>Empfangsbestätigung 60plus-Gutscheine gedruckt</source>
        <translation>60plus voucher receipt printed</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="81"/>
        <source>Entscheidung wartet auf Freigabe</source>
        <translation>Decision waiting for approval</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="82"/>
        <source>Entscheidung freigegeben (Vier-Augen-Prinzip)</source>
        <translation>Decision approved (four-eyes principle)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="83"/>
        <source>Entscheidung zurückgegeben (Vier-Augen-Prinzip)</source>
        <translation>Decision sent back (four-eyes principle)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="84"/>
        <source>Wartende Entscheidung durch neue ersetzt</source>
        <translation>Waiting decision replaced by a new one</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="85"/>
        <source>Vier-Augen-Prinzip eingestellt</source>
        <translation>Four-eyes principle set</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="86"/>
        <source>Monatliche Statistikzahlen neu berechnet</source>
        <translation>Monthly statistics counts rebuilt</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="88"/>
        <source>Pass-Stand erfasst</source>
        <translation>Pass state recorded</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="93"/>
        <source>Pass</source>
        <translation>Pass</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="94"/>
        <source>Haushalt</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="95"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="96"/>
        <source>Antrag</source>
        <translation>Application</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="98"/>
        <source>Widerspruch</source>
        <translation>Objection</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="99"/>
        <source>Einkommen</source>
        <translation>Income</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="100"/>
        <source>Leistungsbescheid</source>
        <translation>Benefit notice</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="101"/>
        <source>Benutzer</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="102"/>
        <source>Signaturschlüssel</source>
        <translation>Signing key</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="103"/>
        <source>Karte</source>
        <translation>Card</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="104"/>
        <source>Kartenbogen</source>
        <translation>Card sheet</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="105"/>
        <source>Bescheid</source>
        <translation>Decision letter</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="106"/>
        <source>Erinnerungen</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="107"/>
        <source>Antragsformular</source>
        <translation>Application form</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="108"/>
        <source>Protokoll</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="109"/>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="110"/>
        <source>Einstellung</source>
        <translation>Setting</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="111"/>
        <source>Straßenverzeichnis</source>
        <translation>Street directory</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="112"/>
        <source>Widerspruchsstatistik</source>
        <translation>Objection statistics</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="113"/>
        <source>Monatliche Statistikzahlen</source>
        <translation>Monthly statistics counts</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="114"/>
        <source>Statistik</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="115"/>
        <source>60plus-Gutscheine</source>
        <translation>60plus vouchers</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="167"/>
        <source>Ergebnis: unverändert.</source>
        <translation>Result: unchanged.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="169"/>
        <source>Ergebnis: VERÄNDERT – bitte der Leitung und dem Datenschutz melden.</source>
        <translation>Result: CHANGED – please report this to the management and the data protection officer.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="172"/>
        <source>Kette: %1 Ereignisse geprüft; jedes passt zu seinem Hash und ist mit dem vorigen verkettet.</source>
        <translation>Chain: %1 events checked; each matches its hash and links to the one before.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="175"/>
        <source>Kette: gebrochen bei Ereignis Nr. %1:</source>
        <translation>Chain: broken at event no. %1:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="177"/>
        <source>Kette: gebrochen ab Ereignis Nr. %1 (%2 Befunde):</source>
        <translation>Chain: broken from event no. %1 on (%2 findings):</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="183"/>
        <source>Anker: bestätigt bei Ereignis Nr. %1; bis dahin ist nichts verändert.</source>
        <translation>Anchor: confirmed at event no. %1; nothing up to it was changed.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="186"/>
        <source>Anker: bei Ereignis Nr. %1 gefunden, aber die Kette davor ist gebrochen.</source>
        <translation>Anchor: found at event no. %1, but the chain before it is broken.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="189"/>
        <source>Anker: nicht in der Kette (Protokoll neu geschrieben oder Hash vertippt).</source>
        <translation>Anchor: not in the chain (the trail was rewritten or the hash mistyped).</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="191"/>
        <source>Pässe: %1 mit dem Protokoll verglichen, %2 nicht prüfbar (vor der Aufzeichnung angelegt).</source>
        <translation>Passes: %1 compared with the trail, %2 not checkable (created before passes were recorded).</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="196"/>
        <source>1 Pass weicht vom Protokoll ab:</source>
        <translation>1 pass differs from the trail:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="198"/>
        <source>%1 Pässe weichen vom Protokoll ab:</source>
        <translation>%1 passes differ from the trail:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="205"/>
        <source>Anker notiert – bitte ins Papierprotokoll übertragen:</source>
        <translation>Anchor noted – please copy it into the paper log:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/texts.py" line="206"/>
        <source>Nr. %1 · %2</source>
        <translation>No. %1 · %2</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../kpass/ui/audit/view.py" line="51"/>
        <source>Zeit</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/view.py" line="52"/>
        <location filename="../../kpass/ui/audit/view.py" line="134"/>
        <source>Benutzer</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/view.py" line="53"/>
        <source>Aktion</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/view.py" line="54"/>
        <location filename="../../kpass/ui/audit/view.py" line="134"/>
        <source>Bereich</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/view.py" line="55"/>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/view.py" line="56"/>
        <source>Einzelheiten</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/view.py" line="128"/>
        <source>Das Protokoll sehen nur Leitung und Verwaltung.</source>
        <translation>Only supervisors and admins see the audit trail.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/view.py" line="131"/>
        <source>Protokoll: wer hat was wann getan</source>
        <translation>Audit trail: who did what, when</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/view.py" line="132"/>
        <source>Protokoll</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/view.py" line="133"/>
        <source>&amp;Bis:</source>
        <translation>Unt&amp;il:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/view.py" line="133"/>
        <source>&amp;Text:</source>
        <translation>T&amp;ext:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/view.py" line="133"/>
        <source>Be&amp;reich:</source>
        <translation>&amp;Area:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/view.py" line="133"/>
        <source>Ben&amp;utzer:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/view.py" line="133"/>
        <source>Vo&amp;n:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/view.py" line="134"/>
        <source>Bis (Datum)</source>
        <translation>To (date)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/view.py" line="134"/>
        <source>Von (Datum)</source>
        <translation>From (date)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/view.py" line="135"/>
        <source>Text in Aktion oder Einzelheiten</source>
        <translation>Text in action or details</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/view.py" line="141"/>
        <source>Benutzername</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/view.py" line="142"/>
        <source>z. B. Passnummer oder Grund</source>
        <translation>e.g. pass number or reason</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/view.py" line="144"/>
        <source>&amp;Anzeigen</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/view.py" line="145"/>
        <source>Anzeigen: Ereignisse mit diesem Filter lesen</source>
        <translation>Show: read the events with this filter</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/view.py" line="147"/>
        <source>Ereignisse des Protokolls, neueste zuerst</source>
        <translation>Events of the audit trail, newest first</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/view.py" line="148"/>
        <source>&amp;Weitere laden</source>
        <translation>Load &amp;more</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/view.py" line="149"/>
        <source>Weitere laden: ältere Ereignisse</source>
        <translation>Load more: older events</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/view.py" line="150"/>
        <source>Anzahl</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/view.py" line="152"/>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/view.py" line="164"/>
        <source>alle Bereiche</source>
        <translation>all areas</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/view.py" line="186"/>
        <source>Bitte das Datum als TT.MM.JJJJ eingeben.</source>
        <translation>Please enter the date as DD.MM.YYYY.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/view.py" line="234"/>
        <source>Ereignis Nr. %1 (%2)</source>
        <translation>Event no. %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/view.py" line="245"/>
        <source>1 Ereignis</source>
        <translation>1 event</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/view.py" line="246"/>
        <source>%1 Ereignisse</source>
        <translation>%1 events</translation>
    </message>
</context>
<context>
    <name>BackgroundJobs</name>
    <message>
        <location filename="../../kpass/ui/common/background.py" line="131"/>
        <source>Unerwarteter Fehler: %1</source>
        <translation>Unexpected error: %1</translation>
    </message>
</context>
<context>
    <name>BackgroundRunner</name>
    <message>
        <source>Unerwarteter Fehler: %1</source>
        <translation type="vanished">Unexpected error: %1</translation>
    </message>
</context>
<context>
    <name>BatchJob</name>
    <message>
        <location filename="../../kpass/ui/common/batch_jobs.py" line="25"/>
        <source>&amp;Abbrechen</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Unerwarteter Fehler: %1</source>
        <translation type="vanished">Unexpected error: %1</translation>
    </message>
</context>
<context>
    <name>BusyIndicator</name>
    <message>
        <location filename="../../kpass/ui/dashboard/busy_indicator.py" line="36"/>
        <source>Wird berechnet …</source>
        <translation>Calculating …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/busy_indicator.py" line="37"/>
        <source>Berechnung läuft</source>
        <translation>Calculation in progress</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/busy_indicator.py" line="38"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/busy_indicator.py" line="39"/>
        <source>Berechnung abbrechen</source>
        <translation>Cancel the calculation</translation>
    </message>
</context>
<context>
    <name>ChangeText</name>
    <message>
        <location filename="../../kpass/ui/household/change_text.py" line="38"/>
        <source>%1, %2, %3 %4 ab %5</source>
        <translation>%1, %2, %3 %4 from %5</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/change_text.py" line="46"/>
        <source>bis auf Weiteres</source>
        <translation>until further notice</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/change_text.py" line="47"/>
        <source>%1 vom %2 bis %3</source>
        <translation>%1 from %2 until %3</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/change_text.py" line="61"/>
        <source>Person Nr. %1</source>
        <translation>person no. %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/change_text.py" line="67"/>
        <source>– Grund: %1</source>
        <translation>– reason: %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/change_text.py" line="70"/>
        <source>Haushalt angelegt</source>
        <translation>Household created</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/change_text.py" line="72"/>
        <source>Person aufgenommen: %1 (%2) ab %3</source>
        <translation>Person added: %1 (%2) from %3</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/change_text.py" line="75"/>
        <source>Zugezogen: %1 (%2) ab %3</source>
        <translation>Moved in: %1 (%2) from %3</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/change_text.py" line="78"/>
        <source>%1 ist in den Haushalt Nr. %2 umgezogen (hier bis %3)</source>
        <translation>%1 moved to household no. %2 (here until %3)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/change_text.py" line="82"/>
        <source>Personendaten berichtigt: %1</source>
        <translation>Personal data corrected: %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/change_text.py" line="86"/>
        <source>Ausgetragen: %1 (%2) zum %3</source>
        <translation>Left: %1 (%2) on %3</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/change_text.py" line="89"/>
        <source>Rolle von %1: %2 ab %3</source>
        <translation>Role of %1: %2 from %3</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/change_text.py" line="92"/>
        <source>Lichtbild gespeichert: %1</source>
        <translation>Photo saved: %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/change_text.py" line="94"/>
        <source>Einkommen erfasst: %1</source>
        <translation>Income entered: %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/change_text.py" line="96"/>
        <source>Einkommen beendet zum %1: %2</source>
        <translation>Income ended on %1: %2</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/change_text.py" line="99"/>
        <source>Einkommen berichtigt: %1 (vorher: %2)</source>
        <translation>Income corrected: %1 (before: %2)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/change_text.py" line="102"/>
        <source>Einkommen entfernt (irrtümlich erfasst): %1</source>
        <translation>Income removed (entered by mistake): %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/change_text.py" line="105"/>
        <source>Bescheid erfasst: %1</source>
        <translation>Notice entered: %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/change_text.py" line="107"/>
        <source>Bescheid berichtigt: %1 (vorher: %2)</source>
        <translation>Notice corrected: %1 (before: %2)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/change_text.py" line="110"/>
        <source>Bescheid entfernt (irrtümlich erfasst): %1</source>
        <translation>Notice removed (entered by mistake): %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/change_text.py" line="113"/>
        <source>Umzug ab %1 (Stadtteil %2)</source>
        <translation>Move from %1 (Stadtteil %2)</translation>
    </message>
</context>
<context>
    <name>DashboardWidget</name>
    <message>
        <location filename="../../kpass/ui/dashboard/breakdown_panel.py" line="136"/>
        <source>Merkmal &amp;%1</source>
        <translation>Dimension &amp;%1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/breakdown_panel.py" line="137"/>
        <source>Merkmal %1 der Tabelle</source>
        <translation>Dimension %1 of the table</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/breakdown_panel.py" line="139"/>
        <source>(keines)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/breakdown_panel.py" line="146"/>
        <source>&amp;Monat</source>
        <translation>&amp;Month</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/breakdown_panel.py" line="147"/>
        <source>Monat der Tabelle</source>
        <translation>Month of the table</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/breakdown_panel.py" line="148"/>
        <source>Tabelle der Zahlen nach Merkmalen</source>
        <translation>Table of the figures by dimension</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/breakdown_panel.py" line="149"/>
        <source>Aufgliederung (exakte Zahlen)</source>
        <translation>Breakdown (exact figures)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/breakdown_panel.py" line="150"/>
        <source>&amp;CSV exportieren</source>
        <translation>Export C&amp;SV</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/breakdown_panel.py" line="151"/>
        <source>Tabelle als CSV exportieren</source>
        <translation>Export the table as CSV</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/breakdown_panel.py" line="152"/>
        <source>&amp;Excel exportieren</source>
        <translation>Export &amp;Excel</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/breakdown_panel.py" line="153"/>
        <source>Tabelle als Excel-Datei exportieren</source>
        <translation>Export the table as an Excel file</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/breakdown_panel.py" line="154"/>
        <source>Exakte Zahlen aller Monate – nur für den Dienstgebrauch</source>
        <translation>Exact figures of all months – for official use only</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/breakdown_panel.py" line="155"/>
        <source>Meldung zum Export</source>
        <translation>Message about the export</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/breakdown_panel.py" line="194"/>
        <source>Insgesamt</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/breakdown_panel.py" line="204"/>
        <source>Es sind noch keine Zahlen geladen.</source>
        <translation>No figures have been loaded yet.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/breakdown_panel.py" line="210"/>
        <source>Ein Export nimmt höchstens zwei Merkmale, damit jede Tabelle lesbar bleibt und geprüft werden kann. Bitte ein Merkmal auf „(keines)“ stellen und erneut exportieren.</source>
        <translation>An export takes at most two dimensions, so that every table stays readable and can be checked. Please set one dimension to “(none)” and export again.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/breakdown_panel.py" line="234"/>
        <source>Gespeichert: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/breakdown_panel.py" line="243"/>
        <source>Export läuft …</source>
        <translation>Exporting …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/breakdown_panel.py" line="247"/>
        <source>CSV-Dateien (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/breakdown_panel.py" line="248"/>
        <source>Excel-Arbeitsmappen (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/breakdown_panel.py" line="251"/>
        <source>Statistik exportieren</source>
        <translation>Export statistics</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/chart_contents.py" line="42"/>
        <source>%1 bis %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/chart_contents.py" line="47"/>
        <location filename="../../kpass/ui/dashboard/chart_contents.py" line="66"/>
        <source>%1: %2 aktive Pässe</source>
        <translation>%1: %2 active passes</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/chart_contents.py" line="53"/>
        <source>Aktive Pässe je Monat, %1</source>
        <translation>Active passes per month, %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/chart_contents.py" line="57"/>
        <source>Liniendiagramm der aktiven Pässe je Monat, %1.</source>
        <translation>Line chart of the active passes per month, %1.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/chart_contents.py" line="70"/>
        <source>Aktive Pässe nach Stadtteil, %1</source>
        <translation>Active passes by district, %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/chart_contents.py" line="74"/>
        <source>Balkendiagramm der aktiven Pässe nach Stadtteil, %1.</source>
        <translation>Bar chart of the active passes by district, %1.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/dashboard_widget.py" line="199"/>
        <source>Vo&amp;n</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/dashboard_widget.py" line="200"/>
        <source>&amp;Bis</source>
        <translation>&amp;Until</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/dashboard_widget.py" line="201"/>
        <source>Zeitraum von Monat</source>
        <translation>Period from month</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/dashboard_widget.py" line="202"/>
        <source>Zeitraum bis Monat</source>
        <translation>Period until month</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/dashboard_widget.py" line="203"/>
        <source>&amp;Aktualisieren</source>
        <translation>Refres&amp;h</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/dashboard_widget.py" line="204"/>
        <source>Zahlen neu laden</source>
        <translation>Reload the figures</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/dashboard_widget.py" line="209"/>
        <source>Diagramm: aktive Pässe je Monat</source>
        <translation>Chart: active passes per month</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/dashboard_widget.py" line="210"/>
        <source>Diagramm: aktive Pässe nach Stadtteil</source>
        <translation>Chart: active passes by district</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/dashboard_widget.py" line="212"/>
        <source>Keine Zahlen geladen.</source>
        <translation>No figures loaded.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/dashboard_widget.py" line="213"/>
        <source>Meldung zum Zeitraum</source>
        <translation>Message about the period</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/dashboard_widget.py" line="256"/>
        <source>Bitte jedes Merkmal nur einmal wählen.</source>
        <translation>Please choose each dimension only once.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/dashboard_widget.py" line="265"/>
        <source>Der Zeitraum endet vor seinem Beginn. Bitte „Von“ und „Bis“ prüfen.</source>
        <translation>The period ends before it begins. Please check “From” and “Until”.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/dashboard_widget.py" line="314"/>
        <source>Kennzahlen</source>
        <translation>Key figures</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/dashboard_widget.py" line="315"/>
        <source>Aktive Pässe je Monat</source>
        <translation>Active passes per month</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/dashboard_widget.py" line="316"/>
        <source>Aktive Pässe nach Stadtteil</source>
        <translation>Active passes by district</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/dashboard_widget.py" line="320"/>
        <source>Kennzahlen für %1</source>
        <translation>Key figures for %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/dashboard_widget.py" line="322"/>
        <source>Verglichen mit %1 (Vormonat) und %2 (Vorjahresmonat)</source>
        <translation>Compared with %1 (previous month) and %2 (same month last year)</translation>
    </message>
</context>
<context>
    <name>DaySheet</name>
    <message>
        <location filename="../../kpass/ui/printing/day_sheet.py" line="45"/>
        <location filename="../../kpass/ui/printing/day_sheet.py" line="75"/>
        <source>Karten des Tages</source>
        <translation>The day&apos;s cards</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/printing/day_sheet.py" line="46"/>
        <source>Alle Karten der Pässe, die an diesem Tag ausgestellt, verlängert oder ersetzt wurden, auf A4-Bögen drucken:</source>
        <translation>Print the cards of all passes issued, renewed or replaced on this day on A4 sheets:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/printing/day_sheet.py" line="54"/>
        <source>Karten vom %1</source>
        <translation>Cards of %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/printing/day_sheet.py" line="72"/>
        <source>Abgebrochen; es wurde nichts gedruckt.</source>
        <translation>Cancelled; nothing was printed.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/printing/day_sheet.py" line="78"/>
        <source>Kartenbögen gespeichert: %1</source>
        <translation>Card sheets saved: %1</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="49"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="50"/>
        <location filename="../../kpass/ui/household/decision_panel.py" line="184"/>
        <source>Ergebnis</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="51"/>
        <source>Pass und Grundlage</source>
        <translation>Pass and basis</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="52"/>
        <source>gültig bis</source>
        <translation>valid until</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="179"/>
        <source>Entscheidung</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="180"/>
        <source>Aktionen</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="182"/>
        <source>Entscheidung je Person</source>
        <translation>Decision per person</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="183"/>
        <source>Art der Entscheidung</source>
        <translation>Kind of decision</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="185"/>
        <source>Einkommensprüfung</source>
        <translation>Income test</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="186"/>
        <source>Nicht angerechnete Einkommen</source>
        <translation>Incomes not counted</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="187"/>
        <source>Begründungen</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="188"/>
        <source>Hinweis Bildung und Teilhabe</source>
        <translation>Note on education and participation (BuT)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="190"/>
        <source>Entscheidung mit Begründungen</source>
        <translation>Decision with reasons</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="191"/>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="192"/>
        <source>Freigabe durch die Leitung</source>
        <translation>Approval by a supervisor</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="194"/>
        <source>Pass:</source>
        <translation>Pass:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="195"/>
        <source>Pass der ausgewählten Person</source>
        <translation>Pass of the selected person</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="196"/>
        <source>– die ausgewählte Person hat keinen Pass –</source>
        <translation>– the selected person has no pass –</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="198"/>
        <source>&amp;Entscheiden</source>
        <translation>&amp;Decide</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="198"/>
        <source>Antrag stellen und heute entscheiden</source>
        <translation>File the application and decide today</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="199"/>
        <source>Pässe &amp;ausstellen</source>
        <translation>&amp;Issue passes</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="199"/>
        <source>Pässe ausstellen</source>
        <translation>Issue passes</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="200"/>
        <source>B&amp;ogen drucken</source>
        <translation>Print sh&amp;eet</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="201"/>
        <source>Bogen drucken: alle Karten des Haushalts auf A4</source>
        <translation>Print sheet: all cards of the household on A4</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="202"/>
        <source>&amp;Bescheid drucken</source>
        <translation>Print &amp;letter</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="203"/>
        <source>Bescheid zur Entscheidung drucken</source>
        <translation>Print the decision letter</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="204"/>
        <source>Antrag &amp;drucken</source>
        <translation>Print application &amp;form</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="205"/>
        <source>Antrag mit Datenschutzhinweis zum Unterschreiben drucken</source>
        <translation>Print the application with the data protection notice, for signing</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="206"/>
        <source>Verlän&amp;gern …</source>
        <translation>Rene&amp;w …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="207"/>
        <source>Verlängern: fällige Pässe des Haushalts wählen und verlängern</source>
        <translation>Renew: choose the household&apos;s passes that are due and renew them</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="211"/>
        <source>&amp;Karte drucken</source>
        <translation>Print &amp;card</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="212"/>
        <source>Ersat&amp;zausweis …</source>
        <translation>Replace&amp;ment card …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="213"/>
        <source>Spe&amp;rren …</source>
        <translation>Revo&amp;ke …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="219"/>
        <source>Karte drucken</source>
        <translation>Print card</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="220"/>
        <source>Ersatzausweis</source>
        <translation>Replacement card</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="221"/>
        <source>Sperren</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="223"/>
        <source>%1: Pass von %2</source>
        <translation>%1: pass of %2</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="224"/>
        <source>%1: die ausgewählte Person hat keinen Pass</source>
        <translation>%1: the selected person has no pass</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="274"/>
        <source>Nicht angerechnet: %1</source>
        <translation>Not counted: %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="277"/>
        <source>Kein Einkommen erfasst für %1 – gerechnet wird mit 0 €. Bitte nachfragen und ein Einkommen eintragen, wenn es eines gibt.</source>
        <translation>No income entered for %1 – counted as 0 €. Please ask, and enter an income if there is one.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="285"/>
        <source>ℹ Hinweis: %1</source>
        <translation>ℹ Note: %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_panel.py" line="325"/>
        <source>bis %1</source>
        <translation>until %1</translation>
    </message>
    <message>
        <source>&amp;Pass:</source>
        <translation type="vanished">&amp;Pass:</translation>
    </message>
    <message>
        <source>&amp;Verlängern</source>
        <translation type="vanished">Rene&amp;w</translation>
    </message>
    <message>
        <source>Alle Karten des Haushalts auf A4 drucken</source>
        <translation type="vanished">Print all cards of the household on A4</translation>
    </message>
    <message>
        <source>Besc&amp;heid drucken</source>
        <translation type="vanished">Print &amp;letter</translation>
    </message>
    <message>
        <source>Bo&amp;gen drucken</source>
        <translation type="vanished">Print sh&amp;eet</translation>
    </message>
    <message>
        <source>E&amp;ntscheiden</source>
        <translation type="vanished">Deci&amp;de</translation>
    </message>
    <message>
        <source>Ersatzausweis für den gewählten Pass</source>
        <translation type="vanished">Replacement card for the chosen pass</translation>
    </message>
    <message>
        <source>Gewählten Pass sperren</source>
        <translation type="vanished">Revoke the chosen pass</translation>
    </message>
    <message>
        <source>Gewählten Pass verlängern</source>
        <translation type="vanished">Renew the chosen pass</translation>
    </message>
    <message>
        <source>Karte des gewählten Passes drucken</source>
        <translation type="vanished">Print the card of the chosen pass</translation>
    </message>
    <message>
        <source>Pass für die folgenden Aktionen</source>
        <translation type="vanished">Pass for the following actions</translation>
    </message>
    <message>
        <source>Pässe a&amp;usstellen</source>
        <translation type="vanished">&amp;Issue passes</translation>
    </message>
    <message>
        <source>S&amp;perren …</source>
        <translation type="vanished">Rev&amp;oke …</translation>
    </message>
    <message>
        <source>Verl&amp;ängern</source>
        <translation type="vanished">Rene&amp;w</translation>
    </message>
</context>
<context>
    <name>DecisionText</name>
    <message>
        <location filename="../../kpass/ui/household/decision_text.py" line="54"/>
        <source>60plus: Bildungs- und Kulturgutscheine</source>
        <translation>60plus: education and culture vouchers</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_text.py" line="56"/>
        <source>nicht berechtigt</source>
        <translation>not eligible</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_text.py" line="61"/>
        <source>berechtigt</source>
        <translation>eligible</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_text.py" line="64"/>
        <source>%1 bis %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_text.py" line="79"/>
        <source>Keine Einkommensprüfung: Wohnsitz oder Regelwerk fehlen.</source>
        <translation>No income test: the residence or the rules are missing.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_text.py" line="82"/>
        <source>Haushaltsnettoeinkommen %1; niemand im Haushalt ist 14 Jahre oder älter, daher ist keine Einkommensprüfung möglich (Grenze %2).</source>
        <translation>Net household income %1; nobody in the household is 14 or older, so no income test is possible (limit %2).</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_text.py" line="87"/>
        <source>Haushaltsnettoeinkommen %1 ÷ Summe der Gewichte %2 = Nettoäquivalenzeinkommen %3</source>
        <translation>Net household income %1 ÷ sum of the weights %2 = net equivalised income %3</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_text.py" line="92"/>
        <source>; das sind %1 unter der Grenze von %2: Einkommensprüfung bestanden.</source>
        <translation>; that is %1 below the limit of %2: income test passed.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_text.py" line="95"/>
        <source>; das liegt genau auf der Grenze von %2: Einkommensprüfung nicht bestanden (nur darunter ist berechtigt).</source>
        <translation>; that is exactly the limit of %2: income test failed (only below it is eligible).</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_text.py" line="98"/>
        <source>; das sind %1 über der Grenze von %2: Einkommensprüfung nicht bestanden.</source>
        <translation>; that is %1 above the limit of %2: income test failed.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_text.py" line="114"/>
        <source>Der Haushalt ist berechtigt bis zu einem Haushaltsnettoeinkommen von %1.</source>
        <translation>The household is eligible up to a household net income of %1.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_text.py" line="116"/>
        <source>Berechtigt wäre der Haushalt nur bis zu einem Haushaltsnettoeinkommen von %1.</source>
        <translation>The household would be eligible only up to a household net income of %1.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_text.py" line="119"/>
        <source>Einkommensgrenze (darunter berechtigt): %1.</source>
        <translation>Income limit (eligible below it): %1.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_text.py" line="157"/>
        <source>Niemand im Haushalt ist berechtigt.</source>
        <translation>Nobody in the household is eligible.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_text.py" line="159"/>
        <source>Alle %1 Personen sind berechtigt.</source>
        <translation>All %1 persons are eligible.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_text.py" line="160"/>
        <source>Die Person ist berechtigt.</source>
        <translation>The person is eligible.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_text.py" line="161"/>
        <source>%1 von %2 Personen sind berechtigt.</source>
        <translation>%1 of %2 persons are eligible.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_text.py" line="172"/>
        <source>Wartet auf Freigabe durch die Leitung: Entscheidung Nr. %1 vom %2 (%3). Bescheid, Pässe und Karten erst nach der Freigabe.</source>
        <translation>Waiting for approval by a supervisor: decision no. %1 of %2 (%3). Decision letter, passes and cards only after approval.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_text.py" line="179"/>
        <source>Entscheidung Nr. %1 von der Leitung zurückgegeben (%2, %3): „%4“. Bitte prüfen, berichtigen und neu entscheiden.</source>
        <translation>Decision no. %1 sent back by a supervisor (%2, %3): “%4”. Please check, correct and decide again.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_text.py" line="184"/>
        <source>Entscheidung Nr. %1 von der Leitung freigegeben (%2, %3).</source>
        <translation>Decision no. %1 approved by a supervisor (%2, %3).</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_text.py" line="186"/>
        <source>Entscheidung Nr. %1 wurde durch die Entscheidung Nr. %2 ersetzt; sie geht nicht hinaus.</source>
        <translation>Decision no. %1 was replaced by decision no. %2; it does not go out.</translation>
    </message>
    <message>
        <source>Höchstes Haushaltsnettoeinkommen für diesen Haushalt: %1.</source>
        <translation type="vanished">Highest net household income for this household: %1.</translation>
    </message>
    <message>
        <source>Keine Einkommensprüfung: Wohnsitz oder Regelsatz fehlen.</source>
        <translation type="vanished">No income test: the residence or the rule set is missing.</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../kpass/ui/common/dialogs.py" line="38"/>
        <source>Ungespeicherte Änderungen</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/dialogs.py" line="39"/>
        <source>Der Haushalt hat ungespeicherte Änderungen. Speichern?</source>
        <translation>The household has unsaved changes. Save them?</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/dialogs.py" line="42"/>
        <source>&amp;Speichern</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/dialogs.py" line="43"/>
        <source>&amp;Verwerfen</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/dialogs.py" line="44"/>
        <location filename="../../kpass/ui/common/dialogs.py" line="67"/>
        <source>&amp;Abbrechen</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/dialogs.py" line="61"/>
        <source>Noch einmal entscheiden?</source>
        <translation>Decide again?</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/dialogs.py" line="62"/>
        <source>Über diesen Haushalt wurde eben schon entschieden (Nr. %1), und seitdem hat sich nichts geändert. Trotzdem eine neue Entscheidung treffen?</source>
        <translation>This household was decided just now (no. %1), and nothing has changed since. Make a new decision anyway?</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/dialogs.py" line="66"/>
        <source>&amp;Neu entscheiden</source>
        <translation>&amp;Decide again</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/dialogs.py" line="80"/>
        <source>Fehlerhinweis</source>
        <translation>Error message</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/dialogs.py" line="95"/>
        <source>Abbre&amp;chen</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/dialogs.py" line="96"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/dialogs.py" line="112"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/dialogs.py" line="113"/>
        <location filename="../../kpass/ui/common/dialogs.py" line="211"/>
        <location filename="../../kpass/ui/common/dialogs.py" line="278"/>
        <source>TT.MM.JJJJ</source>
        <translation>DD.MM.YYYY</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/dialogs.py" line="115"/>
        <location filename="../../kpass/ui/common/dialogs.py" line="117"/>
        <source>Grund</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/dialogs.py" line="125"/>
        <source>&amp;Datum:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/dialogs.py" line="132"/>
        <source>&amp;Grund:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/dialogs.py" line="144"/>
        <location filename="../../kpass/ui/common/dialogs.py" line="290"/>
        <source>&amp;OK</source>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/dialogs.py" line="144"/>
        <location filename="../../kpass/ui/common/dialogs.py" line="290"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/dialogs.py" line="151"/>
        <location filename="../../kpass/ui/common/dialogs.py" line="297"/>
        <source>Bitte ein Datum als TT.MM.JJJJ eingeben.</source>
        <translation>Please enter a date as DD.MM.YYYY.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/dialogs.py" line="155"/>
        <source>Bitte einen Grund angeben.</source>
        <translation>Please give a reason.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/dialogs.py" line="196"/>
        <location filename="../../kpass/ui/common/dialogs.py" line="229"/>
        <source>Rolle wechseln</source>
        <translation>Change role</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/dialogs.py" line="197"/>
        <source>Neue Rolle für %1 (bisher: %2):</source>
        <translation>New role for %1 (so far: %2):</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/dialogs.py" line="202"/>
        <source>Neue Rolle</source>
        <translation>New role</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/dialogs.py" line="210"/>
        <source>Neue Rolle gilt ab (TT.MM.JJJJ)</source>
        <translation>New role applies from (DD.MM.YYYY)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/dialogs.py" line="218"/>
        <source>&amp;Neue Rolle:</source>
        <translation>&amp;New role:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/dialogs.py" line="221"/>
        <source>&amp;Gilt ab:</source>
        <translation>&amp;Applies from:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/dialogs.py" line="229"/>
        <source>Rolle &amp;wechseln</source>
        <translation>C&amp;hange role</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/dialogs.py" line="239"/>
        <source>Bitte eine andere Rolle wählen (bisher: %1).</source>
        <translation>Please choose another role (so far: %1).</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/dialogs.py" line="246"/>
        <source>Gilt ab: bitte als TT.MM.JJJJ eingeben.</source>
        <translation>Applies from: please enter as DD.MM.YYYY.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/dialogs.py" line="277"/>
        <source>Tag (TT.MM.JJJJ)</source>
        <translation>Day (DD.MM.YYYY)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/dialogs.py" line="286"/>
        <source>&amp;Tag:</source>
        <translation>&amp;Day:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/dialogs.py" line="340"/>
        <source>Pässe verlängern</source>
        <translation>Renew passes</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/dialogs.py" line="342"/>
        <source>Welche Pässe sollen verlängert werden? Verlängert werden kann ein Pass ab dem Monat, in dem er abläuft. Die Entscheidung gilt für den ganzen Haushalt; neue Gültigkeit bekommen nur die angekreuzten Pässe.</source>
        <translation>Which passes shall be renewed? A pass can be renewed from the month in which it expires. The decision covers the whole household; only the ticked passes get a new validity.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/dialogs.py" line="367"/>
        <source>&amp;Verlängern</source>
        <translation>Re&amp;new</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/dialogs.py" line="368"/>
        <source>Angekreuzte Pässe verlängern</source>
        <translation>Renew the ticked passes</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/dialogs.py" line="387"/>
        <source>Bitte mindestens einen Pass ankreuzen.</source>
        <translation>Please tick at least one pass.</translation>
    </message>
</context>
<context>
    <name>DuplicateDialogs</name>
    <message>
        <location filename="../../kpass/ui/household/distinction_dialog.py" line="36"/>
        <source>Begründung, warum es eine andere Person ist</source>
        <translation>Reason why this is a different person</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/distinction_dialog.py" line="37"/>
        <source>z. B. andere Eltern, Ausweis geprüft</source>
        <translation>e.g. other parents, ID card checked</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/distinction_dialog.py" line="41"/>
        <source>&amp;Begründung:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/distinction_dialog.py" line="56"/>
        <source>Bitte begründen, warum es eine andere Person ist.</source>
        <translation>Please state why this is a different person.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_dialogs.py" line="74"/>
        <source>%1 %2, geb. %3</source>
        <translation>%1 %2, born %3</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_dialogs.py" line="81"/>
        <source>derzeit in keinem Haushalt</source>
        <translation>in no household at present</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_dialogs.py" line="82"/>
        <source>Haushalt %1</source>
        <translation>household %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_dialogs.py" line="88"/>
        <source>verstorben am %1</source>
        <translation>died %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_dialogs.py" line="125"/>
        <source>Person schon registriert?</source>
        <translation>Person registered already?</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_dialogs.py" line="129"/>
        <source>Nicht gespeichert: %1 ist möglicherweise schon registriert.</source>
        <translation>Not saved: %1 may be registered already.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_dialogs.py" line="132"/>
        <source>Möglicherweise dieselbe Person wie: %1.</source>
        <translation>Possibly the same person as: %1.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_dialogs.py" line="134"/>
        <source>Eine Person bekommt nur einen Pass. Bitte die registrierte Person übernehmen oder begründen, warum es eine andere Person ist.</source>
        <translation>A person gets only one pass. Please take the registered person over, or state why this is a different person.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_dialogs.py" line="142"/>
        <source>Registrierte Personen, die es sein könnten</source>
        <translation>Registered persons it may be</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_dialogs.py" line="150"/>
        <source>&amp;Treffer:</source>
        <translation>Ma&amp;tches:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_dialogs.py" line="152"/>
        <source>&amp;Haushalt dieser Person öffnen</source>
        <translation>&amp;Open this person&apos;s household</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_dialogs.py" line="154"/>
        <source>Haushalt dieser Person öffnen</source>
        <translation>Open this person&apos;s household</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_dialogs.py" line="155"/>
        <source>Person hierher &amp;umziehen …</source>
        <translation>&amp;Move this person here …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_dialogs.py" line="157"/>
        <source>Person hierher umziehen (der Verlauf bleibt)</source>
        <translation>Move this person here (the history is kept)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_dialogs.py" line="158"/>
        <source>&amp;Andere Person …</source>
        <translation>&amp;Different person …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_dialogs.py" line="160"/>
        <source>Andere Person: mit Begründung speichern</source>
        <translation>Different person: save with a reason</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_dialogs.py" line="161"/>
        <location filename="../../kpass/ui/household/duplicate_holder_dialog.py" line="51"/>
        <source>Abbre&amp;chen</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_dialogs.py" line="163"/>
        <source>Abbrechen, die Eingabe bleibt</source>
        <translation>Cancel, the entry is kept</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_dialogs.py" line="230"/>
        <source>Andere Person</source>
        <translation>Different person</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_dialogs.py" line="231"/>
        <source>Warum ist %1 eine andere Person als %2? Die Begründung wird zu beiden Personen vermerkt.</source>
        <translation>Why is %1 a different person than %2? The reason is recorded for both persons.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_dialogs.py" line="233"/>
        <source>die genannte Person</source>
        <translation>the person named</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_dialogs.py" line="234"/>
        <source>Als andere Person &amp;speichern</source>
        <translation>&amp;Save as a different person</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_holder_dialog.py" line="37"/>
        <source>Schon ein Pass für diese Person?</source>
        <translation>A pass for this person already?</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_holder_dialog.py" line="44"/>
        <source>Als verschiedene Personen &amp;vermerken …</source>
        <translation>&amp;Record as different persons …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_holder_dialog.py" line="46"/>
        <source>Als verschiedene Personen vermerken</source>
        <translation>Record as different persons</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_holder_dialog.py" line="47"/>
        <source>&amp;Haushalt der anderen Person öffnen</source>
        <translation>&amp;Open the other person&apos;s household</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_holder_dialog.py" line="49"/>
        <source>Haushalt der anderen Person öffnen</source>
        <translation>Open the other person&apos;s household</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_holder_dialog.py" line="52"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_holder_dialog.py" line="81"/>
        <source>Verschiedene Personen</source>
        <translation>Different persons</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_holder_dialog.py" line="82"/>
        <source>Warum sind %1 und %2 verschiedene Personen? Die Begründung wird zu beiden Personen vermerkt.</source>
        <translation>Why are %1 and %2 different persons? The reason is recorded for both persons.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_holder_dialog.py" line="84"/>
        <source>&amp;Vermerken</source>
        <translation>R&amp;ecord</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/move_dialog.py" line="42"/>
        <location filename="../../kpass/ui/household/move_dialog.py" line="62"/>
        <source>Person hierher umziehen</source>
        <translation>Move the person here</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/move_dialog.py" line="47"/>
        <source>Rolle in diesem Haushalt</source>
        <translation>Role in this household</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/move_dialog.py" line="53"/>
        <source>Zieht ein am (TT.MM.JJJJ)</source>
        <translation>Moves in on (DD.MM.YYYY)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/move_dialog.py" line="54"/>
        <source>TT.MM.JJJJ</source>
        <translation>DD.MM.YYYY</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/move_dialog.py" line="58"/>
        <source>&amp;Rolle:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/move_dialog.py" line="60"/>
        <source>&amp;Zieht ein am:</source>
        <translation>Moves &amp;in on:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/move_dialog.py" line="62"/>
        <source>&amp;Umziehen</source>
        <translation>&amp;Move here</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/move_dialog.py" line="81"/>
        <source>Zieht ein am: bitte als TT.MM.JJJJ eingeben.</source>
        <translation>Moves in on: please enter as DD.MM.YYYY.</translation>
    </message>
    <message>
        <source>Fehlerhinweis</source>
        <translation type="vanished">Error</translation>
    </message>
</context>
<context>
    <name>DuplicateWarning</name>
    <message>
        <location filename="../../kpass/ui/household/duplicate_warning.py" line="38"/>
        <source>Diesen Haushalt ö&amp;ffnen</source>
        <translation>&amp;Open this household</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_warning.py" line="39"/>
        <source>Haushalt der schon erfassten Person öffnen</source>
        <translation>Open the household of the person already entered</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_warning.py" line="40"/>
        <source>Hinweis auf mögliche Doppelerfassung</source>
        <translation>Note on a possible duplicate entry</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_warning.py" line="49"/>
        <source>ohne Haushalt</source>
        <translation>without a household</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_warning.py" line="52"/>
        <source>Achtung, schon erfasst? %1, geb. %2 (%3) – %4.</source>
        <translation>Careful, already entered? %1, born %2 (%3) – %4.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_warning.py" line="57"/>
        <source>Weitere ähnliche Personen: %1.</source>
        <translation>Other similar persons: %1.</translation>
    </message>
    <message>
        <source>Diesen Haushalt &amp;öffnen</source>
        <translation type="vanished">&amp;Open this household</translation>
    </message>
</context>
<context>
    <name>ErasureRequest</name>
    <message>
        <location filename="../../kpass/ui/household/erasure_request.py" line="33"/>
        <source>Haushalte</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/erasure_request.py" line="33"/>
        <source>Personen</source>
        <translation>Persons</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/erasure_request.py" line="33"/>
        <source>Pässe</source>
        <translation>Passes</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/erasure_request.py" line="34"/>
        <source>Einkommen</source>
        <translation>Incomes</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/erasure_request.py" line="34"/>
        <source>Entscheidungen</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/erasure_request.py" line="35"/>
        <source>Ausdrucke</source>
        <translation>Prints</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/erasure_request.py" line="35"/>
        <source>Leistungsbescheide</source>
        <translation>Benefit notices</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/erasure_request.py" line="35"/>
        <source>Lichtbilder</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/erasure_request.py" line="51"/>
        <source>Löschen auf Antrag (Art. 17 DSGVO)</source>
        <translation>Erasure on request (Art. 17 GDPR)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/erasure_request.py" line="52"/>
        <source>Alle Daten von %1 endgültig löschen?

Gelöscht werden die Fallakten der Haushalte der Person: %2.
Die Statistik bleibt unverändert; das Protokoll vermerkt die Löschung ohne Inhalt. Das kann nicht rückgängig gemacht werden.</source>
        <translation>Erase all data of %1 for good?

The case files of the person&apos;s households are deleted: %2.
The statistics stay unchanged; the audit trail records the erasure without its content. This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/erasure_request.py" line="58"/>
        <source>Endgültig &amp;löschen</source>
        <translation>&amp;Erase for good</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/erasure_request.py" line="60"/>
        <source>&amp;Abbrechen</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/erasure_request.py" line="81"/>
        <source>Bitte zuerst die Änderungen speichern oder verwerfen.</source>
        <translation>Please save or discard the changes first.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/erasure_request.py" line="100"/>
        <source>Die Daten von %1 wurden gelöscht (%2).</source>
        <translation>The data of %1 were erased (%2).</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../kpass/ui/login/first_admin_dialog.py" line="33"/>
        <source>Erste Verwaltung anlegen</source>
        <translation>Create the first admin</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/login/first_admin_dialog.py" line="34"/>
        <source>Dieses Register hat noch keine Benutzer. Legen Sie die erste Verwaltung an: sie kann danach die Sachbearbeitung und die Leitung anlegen.</source>
        <translation>This register has no users yet. Create the first admin: they can then add caseworkers and supervisors.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/login/first_admin_dialog.py" line="39"/>
        <source>Benutzername</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/login/first_admin_dialog.py" line="40"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/login/first_admin_dialog.py" line="41"/>
        <source>Passwort</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/login/first_admin_dialog.py" line="42"/>
        <source>Passwort wiederholen</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/login/first_admin_dialog.py" line="46"/>
        <source>&amp;Anlegen und anmelden</source>
        <translation>&amp;Create and log in</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/login/first_admin_dialog.py" line="47"/>
        <source>Anlegen und anmelden</source>
        <translation>Create and log in</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/login/first_admin_dialog.py" line="55"/>
        <source>&amp;Benutzername:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/login/first_admin_dialog.py" line="56"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/login/first_admin_dialog.py" line="57"/>
        <source>&amp;Passwort:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/login/first_admin_dialog.py" line="58"/>
        <source>Passwort &amp;wiederholen:</source>
        <translation>&amp;Repeat password:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/login/first_admin_dialog.py" line="83"/>
        <source>Die beiden Passwörter stimmen nicht überein.</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <source>kpass – Erste Verwaltung anlegen</source>
        <translation type="vanished">kpass – Create the first admin</translation>
    </message>
</context>
<context>
    <name>FormWidgets</name>
    <message>
        <location filename="../../kpass/ui/common/form_widgets.py" line="42"/>
        <source>TT.MM.JJJJ</source>
        <translation>DD.MM.YYYY</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/form_widgets.py" line="57"/>
        <source>%1 Jahr</source>
        <translation>%1 year</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/form_widgets.py" line="57"/>
        <source>%1 Jahre</source>
        <translation>%1 years</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/form_widgets.py" line="80"/>
        <source>Name oder Nummer</source>
        <translation>Name or number</translation>
    </message>
</context>
<context>
    <name>GermanInput</name>
    <message>
        <location filename="../../kpass/ui/common/german_input.py" line="150"/>
        <source>Bitte einen Eurobetrag eingeben, z. B. 1.234,56.</source>
        <translation>Please enter an amount in euros, e.g. 1.234,56.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/german_input.py" line="152"/>
        <source>„%1“ ist negativ: Bitte den Betrag ohne Minuszeichen eingeben.</source>
        <translation>“%1” is negative: please enter the amount without a minus sign.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/german_input.py" line="159"/>
        <source>„%1“ ist mehrdeutig: Meinten Sie %2 oder %3? Bitte ohne Tausenderpunkt (%4) oder mit zwei Nachkommastellen (%5) eingeben.</source>
        <translation>“%1” is ambiguous: did you mean %2 or %3? Please enter it without a thousands separator (%4) or with two decimal places (%5).</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/german_input.py" line="163"/>
        <source>„%1“ ist mehrdeutig: Meinten Sie %2? Dann bitte ohne Tausenderpunkt eingeben (%3). Nach dem Komma stehen höchstens zwei Stellen (Cent).</source>
        <translation>“%1” is ambiguous: did you mean %2? Then please enter it without a thousands separator (%3). At most two digits (cents) follow the decimal comma.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/german_input.py" line="168"/>
        <source>„%1“ ist als Eurobetrag zu groß.</source>
        <translation>“%1” is too large for an amount in euros.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/german_input.py" line="170"/>
        <source>„%1“ ist kein Eurobetrag: Nach dem Komma stehen höchstens zwei Stellen (Cent), z. B. 1.234,56.</source>
        <translation>“%1” is not an amount in euros: at most two digits (cents) follow the decimal comma, e.g. 1.234,56.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/german_input.py" line="172"/>
        <source>„%1“ ist kein Eurobetrag. Bitte so eingeben: 1900, 1.900 oder 1.900,50 (Punkte nur zwischen Tausendern, nach dem Komma höchstens zwei Stellen).</source>
        <translation>“%1” is not an amount in euros. Please enter it like this: 1900, 1.900 or 1.900,50 (dots only between thousands, at most two digits after the decimal comma).</translation>
    </message>
</context>
<context>
    <name>HandbookWindow</name>
    <message>
        <location filename="../../kpass/ui/help/handbook.py" line="138"/>
        <source>Handbuch – kpass</source>
        <translation>User guide – kpass</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/help/handbook.py" line="142"/>
        <source>Handbuch</source>
        <translation>User guide</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/help/handbook.py" line="145"/>
        <source>&amp;Zurück</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/help/handbook.py" line="146"/>
        <source>Zurück</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/help/handbook.py" line="148"/>
        <source>&amp;Inhalt</source>
        <translation>C&amp;ontents</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/help/handbook.py" line="149"/>
        <source>Inhalt</source>
        <translation>Contents</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/help/handbook.py" line="150"/>
        <location filename="../../kpass/ui/help/handbook.py" line="151"/>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/help/handbook.py" line="152"/>
        <source>Das Handbuch ist in dieser Installation nicht enthalten.</source>
        <translation>The user guide is not part of this installation.</translation>
    </message>
    <message>
        <source>Schl&amp;ießen</source>
        <translation type="vanished">&amp;Close</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="57"/>
        <source>Karte</source>
        <translation>Card</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="58"/>
        <source>Kartenbogen</source>
        <translation>Card sheet</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="59"/>
        <source>Bescheid</source>
        <translation>Decision letter</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="60"/>
        <source>Antrag</source>
        <translation>Application</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="61"/>
        <source>Erinnerung</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="67"/>
        <source>eingegangen</source>
        <translation>received</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="68"/>
        <source>in Prüfung</source>
        <translation>under review</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="69"/>
        <source>abgeholfen</source>
        <translation>remedied</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="70"/>
        <source>zurückgewiesen</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="71"/>
        <source>zurückgenommen</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="84"/>
        <source>Abhilfe auf Widerspruch W%1 gegen Entscheidung %2</source>
        <translation>Remedy on objection W%1 against decision %2</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="88"/>
        <source>%1 am %2</source>
        <translation>%1 on %2</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="90"/>
        <source>Widerspruch W%1, eingegangen %2 (Frist bis %3, %4): %5</source>
        <translation>Objection W%1, received %2 (deadline %3, %4): %5</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="93"/>
        <location filename="../../kpass/ui/household/history_tab.py" line="467"/>
        <source>fristgerecht</source>
        <translation>in time</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="93"/>
        <location filename="../../kpass/ui/household/history_tab.py" line="467"/>
        <source>verspätet</source>
        <translation>late</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="100"/>
        <source>%1: berechtigt – %2, %3</source>
        <translation>%1: eligible – %2, %3</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="103"/>
        <source>%1: nicht berechtigt</source>
        <translation>%1: not eligible</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="109"/>
        <source>Passart gewechselt: %1 → %2, Passnummer bleibt</source>
        <translation>Pass type changed: %1 → %2, pass number kept</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="133"/>
        <source>Entscheidung %1</source>
        <translation>Decision %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="135"/>
        <source>Antrag %1</source>
        <translation>Application %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="137"/>
        <source>Pass %1</source>
        <translation>Pass %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="137"/>
        <source>Pässe %1</source>
        <translation>Passes %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="140"/>
        <source>%1, Ablauf %2</source>
        <translation>%1, expiry %2</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="199"/>
        <source>Nummer</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="200"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="201"/>
        <source>Pass</source>
        <translation>Pass</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="202"/>
        <source>gültig ab</source>
        <translation>valid from</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="203"/>
        <source>gültig bis</source>
        <translation>valid until</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="204"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="205"/>
        <source>Hinweis</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="208"/>
        <source>Gedruckt am</source>
        <translation>Printed on</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="209"/>
        <source>Dokument</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="210"/>
        <source>Betrifft</source>
        <translation>Concerning</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="211"/>
        <source>Seiten</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="212"/>
        <source>Gedruckt von</source>
        <translation>Printed by</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="216"/>
        <source>Gespeichert am</source>
        <translation>Saved on</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="217"/>
        <source>von</source>
        <translation>by</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="218"/>
        <source>Änderung</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="305"/>
        <source>Antrag / Entscheidung</source>
        <translation>Application / decision</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="305"/>
        <source>Inhalt</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="306"/>
        <location filename="../../kpass/ui/household/history_tab.py" line="314"/>
        <source>Anträge und Entscheidungen</source>
        <translation>Applications and decisions</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="308"/>
        <source>Pässe des Haushalts</source>
        <translation>Passes of the household</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="310"/>
        <source>Drucke für den Haushalt</source>
        <translation>Printouts for the household</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="312"/>
        <location filename="../../kpass/ui/household/history_tab.py" line="313"/>
        <source>Änderungen am Haushalt</source>
        <translation>Changes to the household</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="315"/>
        <source>Pässe</source>
        <translation>Passes</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="316"/>
        <location filename="../../kpass/ui/household/history_tab.py" line="519"/>
        <source>Drucke (%1)</source>
        <translation>Printouts (%1)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="318"/>
        <source>Hinweis zum Verlauf</source>
        <translation>Note on the history</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="319"/>
        <source>Widers&amp;pruch erfassen …</source>
        <translation>Record &amp;objection …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="320"/>
        <source>Widerspruch erfassen</source>
        <translation>Record objection</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="321"/>
        <source>Widerspruch gegen die gewählte Entscheidung; Frist und Bekanntgabe rechnet kpass aus</source>
        <translation>Objection against the chosen decision; kpass works out the deadline and the date of notification</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="323"/>
        <source>Meldung zum Widerspruch</source>
        <translation>Message on the objection</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="324"/>
        <source>Hinweis zu den Drucken</source>
        <translation>Note on the printouts</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="342"/>
        <source>%1 (ab %2)</source>
        <translation>%1 (from %2)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="348"/>
        <source>gesperrt ab %1</source>
        <translation>revoked from %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="350"/>
        <source>ersetzt ab %1</source>
        <translation>replaced from %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="368"/>
        <source>Der Haushalt ist noch nicht gespeichert; sein Verlauf beginnt mit dem Speichern.</source>
        <translation>The household is not saved yet; its history begins when it is saved.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="374"/>
        <source>Antrag %1 vom %2</source>
        <translation>Application %1 of %2</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="376"/>
        <source>%1, Entscheidung %2, Regelwerk %3</source>
        <translation>%1, decision %2, rules %3</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="392"/>
        <source>%1 (Pass %2)</source>
        <translation>%1 (pass %2)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="405"/>
        <source>Nachweise: %1</source>
        <translation>Proofs: %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/history_tab.py" line="465"/>
        <source>Widerspruch W%1 erfasst: %2.</source>
        <translation>Objection W%1 recorded: %2.</translation>
    </message>
    <message>
        <source>%1, Entscheidung %2, Regelsatz %3</source>
        <translation type="vanished">%1, decision %2, rule set %3</translation>
    </message>
    <message>
        <source>Entscheidungen: nur die in dieser Sitzung getroffenen (ältere folgen, sobald der Verlaufsdienst verfügbar ist). Pässe: vollständig.</source>
        <translation type="vanished">Decisions: only those made in this session (older ones follow as soon as the history service is available). Passes: complete.</translation>
    </message>
    <message>
        <source>Nachweise</source>
        <translation type="vanished">Proofs</translation>
    </message>
</context>
<context>
    <name>HouseholdEditor</name>
    <message>
        <location filename="../../kpass/ui/household/duplicate_edits.py" line="131"/>
        <source>%1 soll hier Antragsteller/in sein, lebt aber noch im Haushalt %2. Bitte dort zuerst austragen („Haushalt dieser Person öffnen“, „Austragen …“) und hier erneut speichern: dann wird die registrierte Person übernommen.</source>
        <translation>%1 is to be the applicant here but still lives in household %2. Please first remove them there (“Open this person&apos;s household”, “Remove …”) and save here again: the registered person is then taken over.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_edits.py" line="136"/>
        <source>Ein Bescheid nennt %1. Bitte den Haushalt erst ohne diesen Bescheid speichern, dann die Person umziehen und den Bescheid erfassen.</source>
        <translation>A benefit notice names %1. Please save the household without this notice first, then move the person here and enter the notice.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/editor.py" line="106"/>
        <location filename="../../kpass/ui/household/editor.py" line="112"/>
        <location filename="../../kpass/ui/household/editor.py" line="116"/>
        <source>neu</source>
        <translation>new</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/editor.py" line="106"/>
        <source>zieht ein</source>
        <translation>moving in</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/editor.py" line="107"/>
        <location filename="../../kpass/ui/household/editor.py" line="112"/>
        <location filename="../../kpass/ui/household/editor.py" line="116"/>
        <source>berichtigt</source>
        <translation>corrected</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/editor.py" line="108"/>
        <source>ausgetragen</source>
        <translation>left</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/editor.py" line="109"/>
        <source>neue Rolle</source>
        <translation>new role</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/editor.py" line="109"/>
        <source>neues Bild</source>
        <translation>new photo</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/editor.py" line="113"/>
        <source>beendet</source>
        <translation>ended</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/editor.py" line="126"/>
        <source>%1, ungespeichert</source>
        <translation>%1, not saved</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/editor.py" line="257"/>
        <source>Jemand anderes hat diesen Haushalt inzwischen geändert, auch Einträge, die hier geändert wurden. Die aktuelle Fassung wurde geladen; Ihre Änderungen konnten nicht übernommen werden – bitte erneut erfassen.</source>
        <translation>Somebody else has changed this household in the meantime, including entries changed here. The current version was loaded; your changes could not be carried over – please enter them again.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/editor.py" line="262"/>
        <source>Jemand anderes hat diesen Haushalt inzwischen geändert. Ihre Änderungen stehen jetzt auf der aktuellen Fassung; bitte prüfen und erneut speichern (Strg+S).</source>
        <translation>Somebody else has changed this household in the meantime. Your changes now stand on the current version; please check them and save again (Ctrl+S).</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/editor.py" line="266"/>
        <source>Die Berichtigung von %1 wurde verworfen, weil die Person inzwischen anders gespeichert wurde.</source>
        <translation>The correction of %1 was dropped because the person has been saved differently in the meantime.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/person_edits.py" line="110"/>
        <source>Jemand anderes hat die Daten von %1 inzwischen geändert. Die aktuelle Fassung steht in der Tabelle; bitte die Eingabe prüfen und erneut übernehmen.</source>
        <translation>Somebody else has changed the data of %1 in the meantime. The current version is in the table; please check your input and take it again.</translation>
    </message>
    <message>
        <source>Jemand anderes hat die Daten von %1 inzwischen geändert. Die aktuelle Fassung steht in der Tabelle; bitte die Eingabe prüfen und erneut speichern.</source>
        <translation type="vanished">Someone else has changed the data of %1 in the meantime. The current version is in the table; please check your entry and save again.</translation>
    </message>
    <message>
        <source>Jemand anderes hat diesen Haushalt inzwischen geändert. Die aktuelle Fassung wurde geladen; bitte die Eingabe prüfen und erneut speichern.</source>
        <translation type="vanished">Someone else has changed this household in the meantime. The current version has been loaded; please check your entry and save again.</translation>
    </message>
</context>
<context>
    <name>HouseholdPage</name>
    <message>
        <location filename="../../kpass/ui/household/decision_actions.py" line="82"/>
        <source>Vorschau für heute, %1 (noch nicht entschieden)</source>
        <translation>Preview for today, %1 (not decided yet)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_actions.py" line="86"/>
        <source>Bitte Personen erfassen.</source>
        <translation>Please enter the persons.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_actions.py" line="91"/>
        <source>Noch nicht entscheidbar – %1 Bitte links unter „Anschrift“ ergänzen oder berichtigen.</source>
        <translation>Cannot be decided yet – %1 Please complete or correct it under “Address” on the left.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_actions.py" line="103"/>
        <source>Die Eingaben sind noch unvollständig.</source>
        <translation>The entries are not complete yet.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_actions.py" line="230"/>
        <source>Nicht entschieden: %1</source>
        <translation>Not decided: %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_actions.py" line="242"/>
        <source>Nicht entschieden: bitte zuerst die Eingaben links vervollständigen oder leeren.</source>
        <translation>Not decided: please first complete or clear the entries on the left.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_actions.py" line="262"/>
        <source>Entscheidung Nr. %1 vom %2 (gespeichert)</source>
        <translation>Decision no. %1 of %2 (saved)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_actions.py" line="269"/>
        <source>Entschieden. Die Entscheidung wartet auf Freigabe durch die Leitung (%1); Bescheid und Pässe erst nach der Freigabe.</source>
        <translation>Decided. The decision is waiting for approval by a supervisor (%1); the decision letter and passes only after approval.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_actions.py" line="273"/>
        <source>Entschieden. Jetzt „Pässe ausstellen“ (Alt+A).</source>
        <translation>Decided. Now “Issue passes” (Alt+I).</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/decision_actions.py" line="275"/>
        <source>Entschieden: niemand ist berechtigt. Bescheid drucken.</source>
        <translation>Decided: nobody is eligible. Print the decision letter.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_refusals.py" line="102"/>
        <location filename="../../kpass/ui/household/save_actions.py" line="116"/>
        <source>Nicht gespeichert: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_refusals.py" line="156"/>
        <source>Der neue Haushalt wird zuerst ohne die eben erfasste Person gespeichert.</source>
        <translation>The new household is saved first, without the person just entered.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/duplicate_refusals.py" line="168"/>
        <source>%1 ist hierher umgezogen; die bisherige Zugehörigkeit bleibt im Verlauf.</source>
        <translation>%1 has moved here; the previous membership stays in the history.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/member_actions.py" line="48"/>
        <source>%1 austragen (letzter Tag bzw. Todestag):</source>
        <translation>Remove %1 from the household (last day or day of death):</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/member_actions.py" line="48"/>
        <source>Person austragen</source>
        <translation>Remove person</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/member_actions.py" line="80"/>
        <source>Bilder (*.jpg *.jpeg *.png)</source>
        <translation>Images (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/member_actions.py" line="80"/>
        <source>Lichtbild wählen</source>
        <translation>Choose photo</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/member_actions.py" line="89"/>
        <source>Die Datei %1 ist kein lesbares Bild.</source>
        <translation>The file %1 is not a readable image.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/page.py" line="201"/>
        <source>&amp;Haushalt</source>
        <translation>&amp;Household</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/page.py" line="202"/>
        <source>Ver&amp;lauf</source>
        <translation>Histor&amp;y</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/page.py" line="203"/>
        <source>Haushalt und Verlauf</source>
        <translation>Household and history</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/page.py" line="204"/>
        <source>Vorgelegte Nachweise</source>
        <translation>Proofs presented</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/page.py" line="207"/>
        <source>Nachweis: %1</source>
        <translation>Proof: %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/page.py" line="210"/>
        <source>Antrag stellen und heute entscheiden (Strg+Eingabe)</source>
        <translation>Apply and decide today (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/page.py" line="211"/>
        <source>Zurück zur Suche (Esc)</source>
        <translation>Back to the search (Esc)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/page.py" line="212"/>
        <source>Zurück zur Suche</source>
        <translation>Back to the search</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/page.py" line="213"/>
        <source>Haushalt</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/page.py" line="214"/>
        <source>Hinweis</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/page.py" line="307"/>
        <source>Neuer Antrag – neuer Haushalt (noch nicht gespeichert)</source>
        <translation>New application – new household (not saved yet)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/page.py" line="311"/>
        <source>Haushalt Nr. %1 – %2</source>
        <translation>Household no. %1 – %2</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/page.py" line="314"/>
        <source>(%1 ungespeicherte Änderung(en) – Strg+S speichert)</source>
        <translation>(%1 unsaved change(s) – Ctrl+S saves)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/page.py" line="317"/>
        <source>Haushalt &amp;speichern</source>
        <translation>&amp;Save household</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/page.py" line="317"/>
        <source>Änderungen &amp;speichern</source>
        <translation>&amp;Save changes</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/page.py" line="319"/>
        <source>Neuen Haushalt speichern (Strg+S)</source>
        <translation>Save the new household (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/page.py" line="320"/>
        <source>Änderungen am Haushalt speichern (Strg+S)</source>
        <translation>Save the changes to the household (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/pass_actions.py" line="85"/>
        <source>Jetzt erneut „Pässe ausstellen“ (Alt+A).</source>
        <translation>Now “Issue passes” again (Alt+I).</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/pass_actions.py" line="94"/>
        <source>%1 hat schon einen Pass bis %2</source>
        <translation>%1 already has a pass until %2</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/pass_actions.py" line="97"/>
        <location filename="../../kpass/ui/household/pass_actions.py" line="243"/>
        <source>%1: Pass %2 bis %3</source>
        <translation>%1: pass %2 until %3</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/pass_actions.py" line="102"/>
        <source>Ausgestellt – %1.</source>
        <translation>Issued – %1.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/pass_actions.py" line="104"/>
        <source>Kein Pass auszustellen.</source>
        <translation>No pass to issue.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/pass_actions.py" line="144"/>
        <source>nicht verlängerbar (%1)</source>
        <translation>cannot be renewed (%1)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/pass_actions.py" line="148"/>
        <source>nicht mehr im Haushalt</source>
        <translation>no longer in the household</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/pass_actions.py" line="151"/>
        <source>noch nicht fällig (verlängerbar ab %1)</source>
        <translation>not due yet (can be renewed from %1)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/pass_actions.py" line="163"/>
        <source>Nicht verlängert: bitte zuerst die Eingaben links vervollständigen oder leeren.</source>
        <translation>Not renewed: please first complete or clear the entries on the left.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/pass_actions.py" line="169"/>
        <source>Kein Pass ist zur Verlängerung fällig – %1.</source>
        <translation>No pass is due for renewal – %1.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/pass_actions.py" line="170"/>
        <source>Der Haushalt hat keinen Pass.</source>
        <translation>The household has no pass.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/pass_actions.py" line="185"/>
        <source>Jetzt erneut „Verlängern“.</source>
        <translation>Now “Renew” again.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/pass_actions.py" line="198"/>
        <source>Verlängerung: Entscheidung Nr. %1 vom %2 (gespeichert)</source>
        <translation>Renewal: decision no. %1 of %2 (saved)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/pass_actions.py" line="204"/>
        <source>wartet auf Freigabe</source>
        <translation>waiting for approval</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/pass_actions.py" line="205"/>
        <source>nicht verlängert</source>
        <translation>not renewed</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/pass_actions.py" line="207"/>
        <source>Verlängerung entschieden; sie wartet auf Freigabe durch die Leitung. Nach der Freigabe verlängert „Pässe ausstellen“ die Pässe.</source>
        <translation>Renewal decided; it is waiting for approval by a supervisor. After approval, “Issue passes” renews the passes.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/pass_actions.py" line="235"/>
        <source>Pass %1 verlängert bis %2 (%3).</source>
        <translation>Pass %1 renewed until %2 (%3).</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/pass_actions.py" line="246"/>
        <source>Verlängert – %1.</source>
        <translation>Renewed – %1.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/pass_actions.py" line="247"/>
        <source>Verlängerung entschieden.</source>
        <translation>Renewal decided.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/pass_actions.py" line="249"/>
        <source>Nicht verlängert (nicht mehr berechtigt): %1.</source>
        <translation>Not renewed (no longer eligible): %1.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/pass_actions.py" line="258"/>
        <source>Ersatzausweis</source>
        <translation>Replacement card</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/pass_actions.py" line="259"/>
        <source>Ersatzausweis für diesen Pass (neue Nummer, gleiche Gültigkeit) ab:</source>
        <translation>Replacement card for this pass (new number, same validity) from:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/pass_actions.py" line="272"/>
        <source>Ersatzausweis %1 ausgestellt; Pass %2 ist ab %3 ungültig.</source>
        <translation>Replacement card %1 issued; pass %2 is invalid from %3.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/pass_actions.py" line="283"/>
        <source>Pass sperren</source>
        <translation>Revoke pass</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/pass_actions.py" line="284"/>
        <source>Diesen Pass sperren ab:</source>
        <translation>Revoke this pass from:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/pass_actions.py" line="295"/>
        <source>Pass %1 wird ab %2 gesperrt; bis dahin bleibt er gültig.</source>
        <translation>Pass %1 will be revoked from %2; it stays valid until then.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/pass_actions.py" line="298"/>
        <source>Pass %1 ist ab %2 gesperrt.</source>
        <translation>Pass %1 is revoked from %2.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/pass_actions.py" line="310"/>
        <source>Nr. %1</source>
        <translation>no. %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/pass_actions.py" line="326"/>
        <source>Vermerkt: %1 und %2 sind verschiedene Personen. %3</source>
        <translation>Recorded: %1 and %2 are different persons. %3</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/pass_actions.py" line="336"/>
        <source>%1, geb. %2</source>
        <translation>%1, born %2</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/pass_actions.py" line="341"/>
        <source>%1 %2, gültig vom %3 bis %4 (%5)</source>
        <translation>%1 %2, valid from %3 to %4 (%5)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/print_actions.py" line="47"/>
        <source>PDF gespeichert: %1</source>
        <translation>PDF saved: %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/print_actions.py" line="60"/>
        <source>Karte %1 – %2</source>
        <translation>Card %1 – %2</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/print_actions.py" line="69"/>
        <source>Kartenbogen</source>
        <translation>Card sheet</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/print_actions.py" line="77"/>
        <source>Bescheid %1</source>
        <translation>Decision letter %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/print_actions.py" line="85"/>
        <source>Antrag %1</source>
        <translation>Application %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/save_actions.py" line="95"/>
        <source>Gespeichert: %1 Änderung(en) am Haushalt Nr. %2.</source>
        <translation>Saved: %1 change(s) to household no. %2.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/save_actions.py" line="141"/>
        <source>Haushalt gespeichert (Nr. %1).</source>
        <translation>Household saved (no. %1).</translation>
    </message>
    <message>
        <source>Einkommen beenden</source>
        <translation type="vanished">End income</translation>
    </message>
    <message>
        <source>Einkommen entfällt</source>
        <translation type="vanished">Income ends</translation>
    </message>
    <message>
        <source>Entschieden. Jetzt „Pässe ausstellen“ (Alt+U).</source>
        <translation type="vanished">Decided. Now “Issue passes” (Alt+I).</translation>
    </message>
    <message>
        <source>Ersatz für Pass %1 (neue Nummer, gleiche Gültigkeit):</source>
        <translation type="vanished">Replacement for pass %1 (new number, same validity):</translation>
    </message>
    <message>
        <source>Karte %1</source>
        <translation type="vanished">Card %1</translation>
    </message>
    <message>
        <source>Letzter Tag, für den das Einkommen gezahlt wird:</source>
        <translation type="vanished">Last day for which the income is paid:</translation>
    </message>
    <message>
        <source>Pass %1 sperren ab:</source>
        <translation type="vanished">Revoke pass %1 from:</translation>
    </message>
    <message>
        <source>Pass %1 verlängert bis %2.</source>
        <translation type="vanished">Pass %1 renewed until %2.</translation>
    </message>
    <message>
        <source>Verl&amp;auf</source>
        <translation type="vanished">Histor&amp;y</translation>
    </message>
    <message>
        <source>Verlängerung entschieden; kein neuer Zeitraum (nicht mehr berechtigt).</source>
        <translation type="vanished">Renewal decided; no new period (no longer eligible).</translation>
    </message>
</context>
<context>
    <name>IncomeSection</name>
    <message>
        <location filename="../../kpass/ui/household/sections/income_table.py" line="30"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/income_table.py" line="31"/>
        <location filename="../../kpass/ui/household/sections/incomes.py" line="63"/>
        <source>Art</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/income_table.py" line="32"/>
        <source>Betrag</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/income_table.py" line="33"/>
        <location filename="../../kpass/ui/household/sections/incomes.py" line="70"/>
        <source>Zeitraum</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/income_table.py" line="34"/>
        <source>ab</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/income_table.py" line="35"/>
        <source>bis</source>
        <translation>until</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/income_table.py" line="44"/>
        <source>%1 – nicht angerechnet</source>
        <translation>%1 – not counted</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/income_table.py" line="49"/>
        <source>Wird erfasst, aber nicht angerechnet (zählt nicht zum Haushaltsnettoeinkommen).</source>
        <translation>Recorded but not counted (not part of the household net income).</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/income_table.py" line="55"/>
        <source>%1, %2, %3 %4 ab %5</source>
        <translation>%1, %2, %3 %4 from %5</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/income_twice.py" line="55"/>
        <source>Trotzde&amp;m eintragen</source>
        <translation>Add d&amp;uplicate</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/income_twice.py" line="56"/>
        <source>Gleiches Einkommen trotzdem noch einmal eintragen</source>
        <translation>Add the same income once more all the same</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/income_twice.py" line="64"/>
        <source>Dieses Einkommen ist schon eingetragen: %1, %2, %3 %4 ab %5. Noch einmal eintragen? Dann Enter drücken oder „Trotzdem eintragen“ wählen.</source>
        <translation>This income is already entered: %1, %2, %3 %4 from %5. Enter it once more? Then press Enter or choose “Add duplicate”.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/incomes.py" line="72"/>
        <source>Gültig ab</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/incomes.py" line="149"/>
        <source>Einkommen (netto)</source>
        <translation>Income (net)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/incomes.py" line="151"/>
        <source>Einkommen</source>
        <translation>Income</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/incomes.py" line="152"/>
        <source>Person:</source>
        <translation>Person:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/incomes.py" line="153"/>
        <source>Art:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/incomes.py" line="154"/>
        <source>Betrag:</source>
        <translation>Amount:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/incomes.py" line="155"/>
        <source>Datum ab:</source>
        <translation>Date from:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/incomes.py" line="156"/>
        <source>Person, die das Einkommen bezieht</source>
        <translation>Person who receives the income</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/incomes.py" line="157"/>
        <source>Art des Einkommens</source>
        <translation>Kind of income</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/incomes.py" line="158"/>
        <source>Betrag in Euro</source>
        <translation>Amount in euros</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/incomes.py" line="159"/>
        <source>Zeitraum des Betrags</source>
        <translation>Period of the amount</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/incomes.py" line="160"/>
        <source>Einkommen gültig ab</source>
        <translation>Income valid from</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/incomes.py" line="161"/>
        <source>Euro</source>
        <translation>Euros</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/incomes.py" line="164"/>
        <source>Beenden …</source>
        <translation>End …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/incomes.py" line="165"/>
        <source>Ausgewähltes Einkommen beenden …</source>
        <translation>End the selected income …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/incomes.py" line="166"/>
        <source>Entfernen …</source>
        <translation>Remove …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/incomes.py" line="167"/>
        <source>Ausgewähltes Einkommen entfernen …</source>
        <translation>Remove the selected income …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/incomes.py" line="169"/>
        <source>Ausgewähltes Einkommen berichtigen … (F2)</source>
        <translation>Correct the selected income … (F2)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/incomes.py" line="216"/>
        <source>Bitte zuerst eine Person erfassen.</source>
        <translation>Please enter a person first.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/incomes.py" line="227"/>
        <source>Gültig ab: bitte als TT.MM.JJJJ eingeben.</source>
        <translation>Valid from: please enter as DD.MM.YYYY.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/incomes.py" line="247"/>
        <source>Berichtigung übernehmen (Enter)</source>
        <translation>Take the correction (Enter)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/incomes.py" line="248"/>
        <source>Einkommen ein&amp;tragen</source>
        <translation>Add i&amp;ncome</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/incomes.py" line="249"/>
        <source>Berichtigung übernehmen</source>
        <translation>Take the correction</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/incomes.py" line="250"/>
        <source>Einkommen eintragen</source>
        <translation>Add income</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/incomes.py" line="275"/>
        <source>%1 wird berichtigt, als wäre es von Anfang an so erfasst worden. Warum? (bleibt im Verlauf)</source>
        <translation>%1 is corrected as if it had been entered so from the start. Why? (kept in the history)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/incomes.py" line="275"/>
        <source>Einkommen berichtigen</source>
        <translation>Correct income</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/incomes.py" line="298"/>
        <location filename="../../kpass/ui/household/sections/incomes.py" line="314"/>
        <source>Bitte zuerst in der Tabelle das Einkommen wählen.</source>
        <translation>Please choose the income in the table first.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/incomes.py" line="303"/>
        <source>%1: letzter Tag, für den es gezahlt wird:</source>
        <translation>%1: last day for which it is paid:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/incomes.py" line="303"/>
        <source>Einkommen beenden</source>
        <translation>End income</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/incomes.py" line="318"/>
        <source>%1 wurde irrtümlich erfasst und wird entfernt (es zählt dann auch nicht für die Vergangenheit). Warum? (bleibt im Verlauf)</source>
        <translation>%1 was entered by mistake and is removed (it then does not count for the past either). Why? (kept in the history)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/incomes.py" line="318"/>
        <source>Einkommen entfernen</source>
        <translation>Remove income</translation>
    </message>
    <message>
        <source>&amp;Art:</source>
        <translation type="vanished">&amp;Kind:</translation>
    </message>
    <message>
        <source>&amp;Betrag:</source>
        <translation type="vanished">&amp;Amount:</translation>
    </message>
    <message>
        <source>&amp;Datum ab:</source>
        <translation type="vanished">Date &amp;from:</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation type="vanished">&amp;Person:</translation>
    </message>
    <message>
        <source>Ausgewähltes Einkommen beenden</source>
        <translation type="vanished">End the selected income</translation>
    </message>
    <message>
        <source>Betrag: bitte einen Eurobetrag wie 1.234,56 eingeben.</source>
        <translation type="vanished">Amount: please enter an amount in euros such as 1.234,56.</translation>
    </message>
    <message>
        <source>Einkommen &amp;eintragen</source>
        <translation type="vanished">Add inco&amp;me</translation>
    </message>
    <message>
        <source>Einkommen been&amp;den …</source>
        <translation type="vanished">E&amp;nd income …</translation>
    </message>
    <message>
        <source>Einkommen beenden …</source>
        <translation type="vanished">End income …</translation>
    </message>
</context>
<context>
    <name>InlineErrors</name>
    <message>
        <location filename="../../kpass/ui/common/inline_errors.py" line="24"/>
        <location filename="../../kpass/ui/common/inline_errors.py" line="67"/>
        <source>Fehlerhinweis</source>
        <translation>Error message</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/inline_errors.py" line="65"/>
        <source>Warnhinweis</source>
        <translation>Warning</translation>
    </message>
</context>
<context>
    <name>KeyFigureCard</name>
    <message>
        <location filename="../../kpass/ui/dashboard/key_figures.py" line="15"/>
        <source>%1 (%2 zum Vormonat, %3 zum Vorjahresmonat)</source>
        <translation>%1 (%2 compared with the previous month, %3 compared with the same month last year)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/key_figures.py" line="75"/>
        <source>%1 zum Vormonat
%2 zum Vorjahresmonat</source>
        <translation>%1 to the previous month
%2 to the same month last year</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../kpass/ui/common/labels.py" line="121"/>
        <source>gültig, ersetzt ab %1</source>
        <translation>valid, replaced from %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/labels.py" line="122"/>
        <source>gültig, gesperrt ab %1</source>
        <translation>valid, revoked from %1</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="45"/>
        <source>Bürgergeld (SGB II)</source>
        <translation>Citizen&apos;s benefit (SGB II)</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="46"/>
        <source>Hilfe zum Lebensunterhalt (SGB XII)</source>
        <translation>Subsistence assistance (SGB XII)</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="47"/>
        <source>Grundsicherung im Alter und bei Erwerbsminderung (SGB XII)</source>
        <translation>Basic income support in old age and for reduced earning capacity (SGB XII)</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="49"/>
        <source>Leistungen nach dem Asylbewerberleistungsgesetz</source>
        <translation>Benefits under the Asylum Seekers&apos; Benefits Act</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="51"/>
        <source>Wohngeld</source>
        <translation>Housing benefit</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="52"/>
        <source>Kinderzuschlag</source>
        <translation>Child supplement</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="53"/>
        <source>Hilfe nach SGB VIII (stationär / betreute Wohnform)</source>
        <translation>Child and youth welfare (SGB VIII), residential care / supported housing</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="61"/>
        <source>Schwerbehinderung / Eingliederungshilfe</source>
        <translation>Severe disability / integration assistance</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="62"/>
        <source>Pflegekind</source>
        <translation>Foster child</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="63"/>
        <source>Familie mit fünf oder mehr Kindern</source>
        <translation>Family with five or more children</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="64"/>
        <source>Einkommen unter der Einkommensgrenze</source>
        <translation>Income below the income limit</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="67"/>
        <source>Karlsruher Pass</source>
        <translation>Karlsruher Pass</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="68"/>
        <source>Karlsruher Kinderpass</source>
        <translation>Karlsruher Children&apos;s Pass</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="72"/>
        <source>Lohn/Gehalt (netto)</source>
        <translation>Wages/salary (net)</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="73"/>
        <source>Minijob</source>
        <translation>Mini-job</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="74"/>
        <source>Selbständige Tätigkeit</source>
        <translation>Self-employment</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="75"/>
        <source>Rente/Pension</source>
        <translation>Pension</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="76"/>
        <source>Arbeitslosengeld I</source>
        <translation>Unemployment benefit I</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="77"/>
        <source>Kranken-/Mutterschaftsgeld</source>
        <translation>Sickness/maternity benefit</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="78"/>
        <source>Kindergeld</source>
        <translation>Child benefit</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="79"/>
        <source>Unterhalt/Unterhaltsvorschuss</source>
        <translation>Maintenance/maintenance advance</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="80"/>
        <source>Elterngeld</source>
        <translation>Parental allowance</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="81"/>
        <source>BAföG/Berufsausbildungsbeihilfe</source>
        <translation>BAföG/vocational training grant</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="82"/>
        <source>Ausbildungsvergütung</source>
        <translation>Apprentice pay</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="83"/>
        <source>Sonstiges Einkommen</source>
        <translation>Other income</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="84"/>
        <source>Pflegegeld (Pflegeversicherung)</source>
        <translation>Care allowance (long-term care insurance)</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="85"/>
        <source>Pflegegeld für ein Pflegekind (§ 39 SGB VIII)</source>
        <translation>Allowance for a foster child (§ 39 SGB VIII)</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="86"/>
        <source>Blindengeld / Landesblindenhilfe</source>
        <translation>Blind allowance (Landesblindenhilfe)</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="89"/>
        <source>Antragsteller/in</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="89"/>
        <source>Partner/in</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="90"/>
        <source>Kind</source>
        <translation>Child</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="90"/>
        <source>sonstige Person</source>
        <translation>other person</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="92"/>
        <source>jährlich</source>
        <translation>yearly</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="92"/>
        <source>monatlich</source>
        <translation>monthly</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="104"/>
        <source>Personalausweis/Pass</source>
        <translation>Identity card/passport</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="105"/>
        <source>Leistungsbescheid</source>
        <translation>Benefit notice</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="106"/>
        <source>Lohnabrechnungen (3 Monate)</source>
        <translation>Payslips (3 months)</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="107"/>
        <source>Rentenbescheid</source>
        <translation>Pension notice</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="108"/>
        <source>Mietvertrag</source>
        <translation>Tenancy agreement</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="109"/>
        <source>Lichtbild</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="112"/>
        <source>Tod</source>
        <translation>Death</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="112"/>
        <source>Wegzug</source>
        <translation>Moved away</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="115"/>
        <source>Frau</source>
        <translation>Ms</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="115"/>
        <source>Herr</source>
        <translation>Mr</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="117"/>
        <source>gesperrt</source>
        <translation>revoked</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="117"/>
        <source>gültig</source>
        <translation>valid</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="118"/>
        <source>ersetzt</source>
        <translation>replaced</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="120"/>
        <source>Erstantrag</source>
        <translation>First application</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="120"/>
        <source>Verlängerung</source>
        <translation>Renewal</translation>
    </message>
    <message>
        <source>Hilfe nach SGB VIII (stationär)</source>
        <translation type="vanished">Assistance under SGB VIII (residential)</translation>
    </message>
</context>
<context>
    <name>LodgeObjectionDialog</name>
    <message>
        <location filename="../../kpass/ui/objections/lodge_dialog.py" line="42"/>
        <source>fristgerecht</source>
        <translation>in time</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/lodge_dialog.py" line="43"/>
        <source>verspätet (nach Ablauf der Frist eingegangen)</source>
        <translation>late (received after the deadline)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/lodge_dialog.py" line="44"/>
        <source>Widerspruch W%1 erfasst. Bekanntgabe der Entscheidung: %2; Frist bis %3; eingegangen am %4: %5.</source>
        <translation>Objection W%1 recorded. Decision notified on %2; deadline %3; received on %4: %5.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/lodge_dialog.py" line="59"/>
        <location filename="../../kpass/ui/objections/lodge_dialog.py" line="112"/>
        <source>Widerspruch erfassen</source>
        <translation>Record objection</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/lodge_dialog.py" line="64"/>
        <source>Widerspruch gegen die Entscheidung %1 (Antrag %2). Frist und Bekanntgabe berechnet kpass beim Erfassen.</source>
        <translation>Objection against decision %1 (application %2). kpass works out the deadline and the date of notification when it is recorded.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/lodge_dialog.py" line="70"/>
        <source>Eingang am (TT.MM.JJJJ)</source>
        <translation>Received on (DD.MM.YYYY)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/lodge_dialog.py" line="75"/>
        <source>Eingelegt von</source>
        <translation>Lodged by</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/lodge_dialog.py" line="78"/>
        <source>niemand aus dem Haushalt (nur Vertretung)</source>
        <translation>nobody of the household (representative only)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/lodge_dialog.py" line="81"/>
        <source>Vertretung</source>
        <translation>Representative</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/lodge_dialog.py" line="82"/>
        <source>z. B. Betreuerin, Rechtsanwalt (freiwillig)</source>
        <translation>e.g. legal guardian, lawyer (optional)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/lodge_dialog.py" line="86"/>
        <source>Begründung oder Vermerk</source>
        <translation>Reason or note</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/lodge_dialog.py" line="89"/>
        <source>Wiedervorlage am (TT.MM.JJJJ, freiwillig)</source>
        <translation>Follow-up on (DD.MM.YYYY, optional)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/lodge_dialog.py" line="98"/>
        <source>&amp;Eingang am:</source>
        <translation>&amp;Received on:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/lodge_dialog.py" line="99"/>
        <source>Ein&amp;gelegt von:</source>
        <translation>Lodged &amp;by:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/lodge_dialog.py" line="100"/>
        <source>&amp;Vertretung:</source>
        <translation>Re&amp;presentative:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/lodge_dialog.py" line="101"/>
        <source>&amp;Begründung / Vermerk:</source>
        <translation>Reason / &amp;note:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/lodge_dialog.py" line="102"/>
        <source>Wiedervor&amp;lage am:</source>
        <translation>&amp;Follow-up on:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/lodge_dialog.py" line="110"/>
        <source>Widerspruch er&amp;fassen</source>
        <translation>Record &amp;objection</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/lodge_dialog.py" line="114"/>
        <source>Abbre&amp;chen</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/lodge_dialog.py" line="116"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/lodge_dialog.py" line="142"/>
        <source>Eingang am: bitte als TT.MM.JJJJ eingeben.</source>
        <translation>Received on: please enter as DD.MM.YYYY.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/lodge_dialog.py" line="148"/>
        <source>Wiedervorlage: bitte als TT.MM.JJJJ eingeben oder leer lassen.</source>
        <translation>Follow-up: please enter as DD.MM.YYYY or leave empty.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/lodge_dialog.py" line="154"/>
        <source>Wer hat Widerspruch eingelegt? Bitte eine Person des Haushalts wählen oder eine Vertretung eintragen.</source>
        <translation>Who lodged the objection? Please choose a person of the household or enter a representative.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/lodge_dialog.py" line="179"/>
        <source>&amp;Schließen</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/lodge_dialog.py" line="180"/>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../kpass/ui/login/login_dialog.py" line="36"/>
        <location filename="../../kpass/ui/login/login_dialog.py" line="55"/>
        <source>Anmelden</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/login/login_dialog.py" line="37"/>
        <source>Bitte melden Sie sich mit Ihrem Benutzernamen und Passwort an.</source>
        <translation>Please log in with your user name and password.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/login/login_dialog.py" line="42"/>
        <source>Benutzername</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/login/login_dialog.py" line="47"/>
        <source>Passwort</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/login/login_dialog.py" line="51"/>
        <source>&amp;Benutzername:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/login/login_dialog.py" line="53"/>
        <source>&amp;Passwort:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/login/login_dialog.py" line="55"/>
        <source>&amp;Anmelden</source>
        <translation>&amp;Log in</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/login/login_dialog.py" line="78"/>
        <source>Bitte den Benutzernamen eingeben.</source>
        <translation>Please enter the user name.</translation>
    </message>
    <message>
        <source>kpass – Anmelden</source>
        <translation type="vanished">kpass – Log in</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kpass/services/access/permissions.py" line="39"/>
        <source>Sachbearbeitung</source>
        <translation>Caseworker</translation>
    </message>
    <message>
        <location filename="../../kpass/services/access/permissions.py" line="40"/>
        <source>Leitung</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../kpass/services/access/permissions.py" line="41"/>
        <source>Verwaltung</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/main_window.py" line="149"/>
        <source>Datenbank: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/main_window.py" line="251"/>
        <source>Angemeldet: %1 (%2)</source>
        <translation>Logged in: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/main_window.py" line="258"/>
        <source>Karlsruher Pass</source>
        <translation>Karlsruher Pass</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/main_window.py" line="259"/>
        <source>&amp;Vorgang</source>
        <translation>&amp;Tasks</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/main_window.py" line="260"/>
        <source>&amp;Suche</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/main_window.py" line="261"/>
        <source>Person suchen (Strg+F)</source>
        <translation>Search for a person (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/main_window.py" line="262"/>
        <source>&amp;Neuer Antrag</source>
        <translation>&amp;New application</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/main_window.py" line="263"/>
        <source>Neuer Antrag mit neuem Haushalt (Strg+N)</source>
        <translation>New application with a new household (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/main_window.py" line="264"/>
        <source>&amp;Verlängerungen</source>
        <translation>&amp;Renewals</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/main_window.py" line="265"/>
        <source>Pässe, die diesen und nächsten Monat ablaufen (Strg+R)</source>
        <translation>Passes that expire this month and next month (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/main_window.py" line="267"/>
        <source>Wi&amp;dersprüche</source>
        <translation>&amp;Objections</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/main_window.py" line="268"/>
        <source>Offene Widersprüche nach Fälligkeit (Strg+J)</source>
        <translation>Open objections by due date (Ctrl+J)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/main_window.py" line="269"/>
        <source>Frei&amp;gaben (Vier-Augen-Prinzip)</source>
        <translation>&amp;Approvals (four-eyes principle)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/main_window.py" line="271"/>
        <source>Entscheidungen, die auf die Freigabe der Leitung warten (Strg+G)</source>
        <translation>Decisions waiting for approval by a supervisor (Ctrl+G)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/main_window.py" line="272"/>
        <source>&amp;Karten des Tages drucken …</source>
        <translation>Print the &amp;day&apos;s cards …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/main_window.py" line="273"/>
        <source>Alle Karten eines Tages auf A4-Bögen</source>
        <translation>All cards of one day on A4 sheets</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/main_window.py" line="274"/>
        <source>Bestand &amp;importieren …</source>
        <translation>&amp;Import existing register …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/main_window.py" line="275"/>
        <source>Eine bisherige Liste (CSV/XLSX) übernehmen</source>
        <translation>Take over a previous list (CSV/XLSX)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/main_window.py" line="276"/>
        <source>&amp;Beenden</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/main_window.py" line="277"/>
        <source>Aus&amp;wertung</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/main_window.py" line="278"/>
        <source>&amp;Übersicht für die Leitung</source>
        <translation>&amp;Dashboard for supervisors</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/main_window.py" line="279"/>
        <source>Kennzahlen, Verlauf und Export (Strg+D)</source>
        <translation>Key figures, trend and export (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/main_window.py" line="280"/>
        <source>&amp;Was wäre, wenn …</source>
        <translation>&amp;What if …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/main_window.py" line="281"/>
        <source>Andere Einkommensgrenze durchrechnen (Strg+W)</source>
        <translation>Try out another income limit (Ctrl+W)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/main_window.py" line="282"/>
        <source>&amp;Protokoll der Änderungen</source>
        <translation>Audit &amp;log</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/main_window.py" line="283"/>
        <source>Wer hat was wann getan; Kette prüfen (Strg+L)</source>
        <translation>Who did what and when; verify the chain (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/main_window.py" line="284"/>
        <source>&amp;Gutscheinliste für die Buchhaltung …</source>
        <translation>&amp;Voucher list for accounting …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/main_window.py" line="286"/>
        <source>Ausgegebene 60plus-Gutscheine eines Monats als CSV oder XLSX</source>
        <translation>60plus vouchers handed out in a month, as CSV or XLSX</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/main_window.py" line="287"/>
        <source>E&amp;xtras</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/main_window.py" line="288"/>
        <source>&amp;Einstellungen …</source>
        <translation>&amp;Settings …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/main_window.py" line="289"/>
        <source>Sprache der Oberfläche</source>
        <translation>Language of the interface</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/main_window.py" line="290"/>
        <source>&amp;Handbuch</source>
        <translation>User &amp;guide</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/main_window.py" line="291"/>
        <source>Die Seite des Handbuchs zu dieser Ansicht (F1)</source>
        <translation>The user guide&apos;s page for this view (F1)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/main_window.py" line="292"/>
        <source>Ü&amp;ber kpass …</source>
        <translation>&amp;About kpass …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/main_window.py" line="293"/>
        <location filename="../../kpass/ui/main_window.py" line="294"/>
        <source>Werkzeugleiste</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/main_window.py" line="295"/>
        <source>Menüleiste</source>
        <translation>Menu bar</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/main_window.py" line="437"/>
        <source>Die Person gehört zu keinem Haushalt.</source>
        <translation>The person does not belong to any household.</translation>
    </message>
    <message>
        <source>&amp;Auswertung</source>
        <translation type="vanished">Re&amp;ports</translation>
    </message>
    <message>
        <source>Hil&amp;fe</source>
        <translation type="vanished">Hel&amp;p</translation>
    </message>
    <message>
        <source>kpass – Karlsruher Pass</source>
        <translation type="vanished">kpass – Karlsruher Pass</translation>
    </message>
</context>
<context>
    <name>MemberSection</name>
    <message>
        <location filename="../../kpass/ui/household/sections/member_duplicates.py" line="91"/>
        <source>%1 zieht hierher um; die bisherige Zugehörigkeit bleibt im Verlauf. Gespeichert wird mit dem Haushalt (Strg+S).</source>
        <translation>%1 moves here; the membership so far stays in the history. It is saved with the household (Ctrl+S).</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_duplicates.py" line="101"/>
        <source>%1 lebt derzeit in keinem Haushalt und kommt in diesen Haushalt.</source>
        <translation>%1 lives in no household at present and joins this household.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_duplicates.py" line="103"/>
        <source>%1 zieht aus dem Haushalt %2 hierher um. Die Zugehörigkeit dort endet am Tag vor dem Einzug und bleibt im Verlauf.</source>
        <translation>%1 moves here from household %2. The membership there ends the day before moving in and stays in the history.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_entry.py" line="62"/>
        <source>Geburtsdatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_entry.py" line="65"/>
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_entry.py" line="69"/>
        <source>Anrede</source>
        <translation>Salutation</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_entry.py" line="123"/>
        <source>Familienname:</source>
        <translation>Family name:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_entry.py" line="124"/>
        <source>Vorname(n):</source>
        <translation>Given name(s):</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_entry.py" line="125"/>
        <source>Geburtsdatum:</source>
        <translation>Date of birth:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_entry.py" line="126"/>
        <source>Rolle:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_entry.py" line="127"/>
        <source>Anrede:</source>
        <translation>Salutation:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_entry.py" line="128"/>
        <source>keine Anrede</source>
        <translation>no salutation</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_entry.py" line="129"/>
        <source>keine Anrede (Briefe grüßen neutral)</source>
        <translation>no salutation (letters use a neutral greeting)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_entry.py" line="132"/>
        <source>Alter</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_entry.py" line="133"/>
        <source>Schwerbehinderung / Eingliederungshilfe</source>
        <translation>Severe disability / integration assistance</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_entry.py" line="134"/>
        <source>Schwerbehinderung oder Eingliederungshilfe</source>
        <translation>Severe disability or integration assistance</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_entry.py" line="135"/>
        <location filename="../../kpass/ui/household/sections/member_entry.py" line="136"/>
        <location filename="../../kpass/ui/household/sections/member_table.py" line="46"/>
        <source>Pflegekind</source>
        <translation>Foster child</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_entry.py" line="141"/>
        <source>Familienname der neuen Person</source>
        <translation>Family name of the new person</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_entry.py" line="142"/>
        <source>Vornamen der neuen Person</source>
        <translation>Given names of the new person</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_entry.py" line="143"/>
        <source>Geburtsdatum der neuen Person</source>
        <translation>Date of birth of the new person</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_entry.py" line="144"/>
        <source>Rolle der neuen Person</source>
        <translation>Role of the new person</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_entry.py" line="145"/>
        <source>Anrede der neuen Person</source>
        <translation>Salutation of the new person</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_entry.py" line="146"/>
        <source>&amp;Person hinzufügen</source>
        <translation>&amp;Add person</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_entry.py" line="147"/>
        <source>Person hinzufügen</source>
        <translation>Add person</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_entry.py" line="150"/>
        <source>Daten von %1 korrigieren – Enter speichert, Esc bricht ab:</source>
        <translation>Correct the data of %1 – Enter saves, Esc cancels:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_entry.py" line="153"/>
        <source>Familienname von %1</source>
        <translation>Family name of %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_entry.py" line="154"/>
        <source>Vornamen von %1</source>
        <translation>Given names of %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_entry.py" line="155"/>
        <source>Geburtsdatum von %1</source>
        <translation>Date of birth of %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_entry.py" line="156"/>
        <source>Rolle von %1</source>
        <translation>Role of %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_entry.py" line="157"/>
        <source>Anrede von %1</source>
        <translation>Salutation of %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_entry.py" line="159"/>
        <source>Änderung übernehmen (Enter)</source>
        <translation>Take the change (Enter)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_entry.py" line="160"/>
        <source>Änderung an %1 übernehmen</source>
        <translation>Take the change to %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_entry.py" line="213"/>
        <source>Geburtsdatum: bitte als TT.MM.JJJJ eingeben.</source>
        <translation>Date of birth: please enter as DD.MM.YYYY.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_entry.py" line="214"/>
        <source>Geburtsdatum: bitte eingeben (TT.MM.JJJJ).</source>
        <translation>Date of birth: please enter it (DD.MM.YYYY).</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_entry.py" line="216"/>
        <source>Familienname: darf nicht leer sein.</source>
        <translation>Family name: must not be empty.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_table.py" line="30"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_table.py" line="31"/>
        <source>Vorname(n)</source>
        <translation>Given name(s)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_table.py" line="32"/>
        <source>Geburtsdatum (Alter)</source>
        <translation>Date of birth (age)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_table.py" line="33"/>
        <source>Rolle, Merkmale</source>
        <translation>Role, features</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_table.py" line="34"/>
        <source>im Haushalt</source>
        <translation>in the household</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_table.py" line="35"/>
        <source>Foto</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_table.py" line="45"/>
        <source>Schwerbeh.</source>
        <translation>Sev. dis.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_table.py" line="52"/>
        <source>fehlt</source>
        <translation>missing</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_table.py" line="52"/>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_table.py" line="68"/>
        <source>bis %1</source>
        <translation>until %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_table.py" line="70"/>
        <source>neu</source>
        <translation>new</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/member_table.py" line="71"/>
        <source>seit %1</source>
        <translation>since %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/members.py" line="154"/>
        <location filename="../../kpass/ui/household/sections/members.py" line="156"/>
        <source>Personen im Haushalt</source>
        <translation>Persons in the household</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/members.py" line="158"/>
        <source>Ausgewählte Person:</source>
        <translation>Selected person:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/members.py" line="159"/>
        <source>Abbrechen (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/members.py" line="160"/>
        <source>Korrektur abbrechen (Esc)</source>
        <translation>Cancel the correction (Esc)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/members.py" line="161"/>
        <source>Person ändern … (F2)</source>
        <translation>Correct person … (F2)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/members.py" line="162"/>
        <source>Daten der ausgewählten Person korrigieren (F2)</source>
        <translation>Correct the data of the selected person (F2)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/members.py" line="163"/>
        <source>Rolle we&amp;chseln …</source>
        <translation>Chan&amp;ge role …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/members.py" line="164"/>
        <source>Rolle der ausgewählten Person ab einem Tag wechseln</source>
        <translation>Change the role of the selected person from a given day</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/members.py" line="166"/>
        <source>A&amp;ustragen …</source>
        <translation>Remo&amp;ve …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/members.py" line="167"/>
        <source>Ausgewählte Person austragen</source>
        <translation>Remove the selected person from the household</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/members.py" line="168"/>
        <source>Lichtb&amp;ild …</source>
        <translation>&amp;Photo …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/members.py" line="169"/>
        <source>Lichtbild der ausgewählten Person laden</source>
        <translation>Load a photo of the selected person</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/members.py" line="170"/>
        <source>Auskun&amp;ft (Art. 15) …</source>
        <translation>Sub&amp;ject access (Art. 15) …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/members.py" line="171"/>
        <source>Auskunft (Art. 15) … über die ausgewählte Person: alle gespeicherten Daten</source>
        <translation>Subject access (Art. 15) … for the selected person: all stored data</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/members.py" line="173"/>
        <source>Löschen (Art. 17) …</source>
        <translation>Erase (Art. 17) …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/members.py" line="174"/>
        <source>Löschen (Art. 17) … der ausgewählten Person auf ihren Antrag</source>
        <translation>Erase (Art. 17) … the selected person at their request</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/members.py" line="176"/>
        <source>&amp;60plus-Gutscheine ausgeben …</source>
        <translation>Hand out &amp;60plus vouchers …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/members.py" line="177"/>
        <source>60plus-Gutscheine ausgeben … an die ausgewählte Person, mit Empfangsbestätigung</source>
        <translation>Hand out 60plus vouchers … to the selected person, with a receipt</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/members.py" line="239"/>
        <source>Erst die neue Person mit Enter hinzufügen oder die Felder leeren, dann eine andere Person ändern.</source>
        <translation>First add the new person with Enter or clear the fields, then change another person.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/members.py" line="256"/>
        <source>Die Rolle einer gespeicherten Person wechselt ab einem Tag: „Rolle wechseln …“ (Alt+C).</source>
        <translation>The role of a saved person changes from a given day: “Change role …” (Alt+G).</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/members.py" line="304"/>
        <source>Jemand anderes hat die Daten dieser Person inzwischen geändert; gespeichert ist jetzt: %1, geb. %2. Ihre Eingabe steht noch in den Feldern – bitte prüfen und mit Enter erneut übernehmen.</source>
        <translation>Somebody else has changed this person&apos;s data in the meantime; saved now: %1, born %2. Your input is still in the fields – please check it and take it again with Enter.</translation>
    </message>
    <message>
        <source>%1 ist hierher umgezogen; die bisherige Zugehörigkeit bleibt im Verlauf.</source>
        <translation type="vanished">%1 has moved here; the previous membership stays in the history.</translation>
    </message>
    <message>
        <source>&amp;Familienname:</source>
        <translation type="vanished">&amp;Family name:</translation>
    </message>
    <message>
        <source>&amp;Geburtsdatum:</source>
        <translation type="vanished">Date of &amp;birth:</translation>
    </message>
    <message>
        <source>&amp;Vorname(n):</source>
        <translation type="vanished">&amp;Given name(s):</translation>
    </message>
    <message>
        <source>Achtung, schon erfasst? %1, geb. %2 (%3) – %4.</source>
        <translation type="vanished">Careful, already entered? %1, born %2 (%3) – %4.</translation>
    </message>
    <message>
        <source>Diesen Haushalt &amp;öffnen</source>
        <translation type="vanished">&amp;Open this household</translation>
    </message>
    <message>
        <source>Diesen Haushalt ö&amp;ffnen</source>
        <translation type="vanished">&amp;Open this household</translation>
    </message>
    <message>
        <source>Haushalt der schon erfassten Person öffnen</source>
        <translation type="vanished">Open the household of the person already entered</translation>
    </message>
    <message>
        <source>Hinweis auf mögliche Doppelerfassung</source>
        <translation type="vanished">Note on a possible duplicate entry</translation>
    </message>
    <message>
        <source>Jemand anderes hat die Daten dieser Person inzwischen geändert; gespeichert ist jetzt: %1, geb. %2. Ihre Eingabe steht noch in den Feldern – bitte prüfen und mit Enter erneut speichern.</source>
        <translation type="vanished">Someone else has changed the data of this person in the meantime; now saved: %1, born %2. Your entry is still in the fields – please check it and save again with Enter.</translation>
    </message>
    <message>
        <source>Person &amp;hinzufügen</source>
        <translation type="vanished">&amp;Add person</translation>
    </message>
    <message>
        <source>Person &amp;ändern … (F2)</source>
        <translation type="vanished">Correct &amp;person … (F2)</translation>
    </message>
    <message>
        <source>Pflege&amp;kind</source>
        <translation type="vanished">Foster chil&amp;d</translation>
    </message>
    <message>
        <source>Roll&amp;e:</source>
        <translation type="vanished">Rol&amp;e:</translation>
    </message>
    <message>
        <source>Sch&amp;werbehinderung / Eingliederungshilfe</source>
        <translation type="vanished">Severe disability / integration assis&amp;tance</translation>
    </message>
    <message>
        <source>Weitere ähnliche Personen: %1.</source>
        <translation type="vanished">Other similar persons: %1.</translation>
    </message>
    <message>
        <source>ohne Haushalt</source>
        <translation type="vanished">without a household</translation>
    </message>
    <message>
        <source>Änderung &amp;speichern</source>
        <translation type="vanished">&amp;Save change</translation>
    </message>
    <message>
        <source>Änderung &amp;übernehmen</source>
        <translation type="vanished">&amp;Apply change</translation>
    </message>
    <message>
        <source>Änderung an %1 speichern</source>
        <translation type="vanished">Save the change to %1</translation>
    </message>
    <message>
        <source>Änderung ü&amp;bernehmen</source>
        <translation type="vanished">&amp;Apply change</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../kpass/ui/common/style.py" line="66"/>
        <source>Erledigt</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/style.py" line="68"/>
        <source>Hinweis</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/style.py" line="70"/>
        <source>Achtung</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/common/style.py" line="72"/>
        <source>Fehler</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>Months</name>
    <message>
        <location filename="../../kpass/ui/dashboard/texts.py" line="25"/>
        <source>April</source>
        <translation>April</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/texts.py" line="25"/>
        <source>Februar</source>
        <translation>February</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/texts.py" line="25"/>
        <source>Januar</source>
        <translation>January</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/texts.py" line="25"/>
        <source>Juni</source>
        <translation>June</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/texts.py" line="25"/>
        <location filename="../../kpass/ui/dashboard/texts.py" line="29"/>
        <source>Mai</source>
        <translation>May</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/texts.py" line="25"/>
        <source>März</source>
        <translation>March</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/texts.py" line="26"/>
        <source>August</source>
        <translation>August</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/texts.py" line="26"/>
        <source>Dezember</source>
        <translation>December</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/texts.py" line="26"/>
        <source>Juli</source>
        <translation>July</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/texts.py" line="26"/>
        <source>November</source>
        <translation>November</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/texts.py" line="26"/>
        <source>Oktober</source>
        <translation>October</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/texts.py" line="26"/>
        <source>September</source>
        <translation>September</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/texts.py" line="29"/>
        <source>Apr</source>
        <translation>Apr</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/texts.py" line="29"/>
        <source>Aug</source>
        <translation>Aug</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/texts.py" line="29"/>
        <source>Dez</source>
        <translation>Dec</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/texts.py" line="29"/>
        <source>Feb</source>
        <translation>Feb</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/texts.py" line="29"/>
        <source>Jan</source>
        <translation>Jan</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/texts.py" line="29"/>
        <source>Jul</source>
        <translation>Jul</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/texts.py" line="29"/>
        <source>Jun</source>
        <translation>Jun</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/texts.py" line="29"/>
        <source>Mär</source>
        <translation>Mar</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/texts.py" line="29"/>
        <source>Nov</source>
        <translation>Nov</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/texts.py" line="29"/>
        <source>Okt</source>
        <translation>Oct</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/texts.py" line="29"/>
        <source>Sep</source>
        <translation>Sep</translation>
    </message>
</context>
<context>
    <name>NoticeSection</name>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="51"/>
        <source>bis auf Weiteres</source>
        <translation>until further notice</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="57"/>
        <location filename="../../kpass/ui/household/sections/notices.py" line="68"/>
        <source>Leistung</source>
        <translation>Benefit</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="58"/>
        <source>gültig ab</source>
        <translation>valid from</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="59"/>
        <source>gültig bis</source>
        <translation>valid until</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="60"/>
        <source>Aktenzeichen</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="61"/>
        <source>für</source>
        <translation>for</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="70"/>
        <source>Gültig ab</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="72"/>
        <source>Gültig bis</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="126"/>
        <location filename="../../kpass/ui/household/sections/notices.py" line="128"/>
        <source>Leistungsbescheide</source>
        <translation>Benefit notices</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="129"/>
        <source>Leistung:</source>
        <translation>Benefit:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="130"/>
        <source>Gültig von:</source>
        <translation>Valid from:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="131"/>
        <source>Gültig bis:</source>
        <translation>Valid until:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="132"/>
        <source>Aktenzeichen:</source>
        <translation>Reference:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="133"/>
        <source>Erfasste Personen:</source>
        <translation>Persons covered:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="134"/>
        <source>Art der Leistung</source>
        <translation>Kind of benefit</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="135"/>
        <source>Bescheid gültig von</source>
        <translation>Notice valid from</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="136"/>
        <source>Bescheid gültig bis (leer: bis auf Weiteres)</source>
        <translation>Notice valid until (empty: until further notice)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="137"/>
        <source>leer: bis auf Weiteres</source>
        <translation>empty: until further notice</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="138"/>
        <source>Leer lassen, wenn der Bescheid „bis auf Weiteres“ gilt (ohne Enddatum).</source>
        <translation>Leave empty when the notice is granted “until further notice” (no end date).</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="140"/>
        <source>Aktenzeichen des Bescheids</source>
        <translation>Reference of the notice</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="141"/>
        <source>Vom Bescheid erfasste Personen (keine Auswahl: ganzer Haushalt)</source>
        <translation>Persons covered by the notice (none ticked: the whole household)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="143"/>
        <source>Keine Person angekreuzt: der Bescheid gilt für den ganzen Haushalt.</source>
        <translation>No person ticked: the notice applies to the whole household.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="146"/>
        <source>Entfernen …</source>
        <translation>Remove …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="147"/>
        <source>Ausgewählten Bescheid entfernen …</source>
        <translation>Remove the selected notice …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="148"/>
        <source>Ausgewählten Bescheid berichtigen … (F2)</source>
        <translation>Correct the selected notice … (F2)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="163"/>
        <source>ganzer Haushalt</source>
        <translation>whole household</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="192"/>
        <source>Gültig von: bitte als TT.MM.JJJJ eingeben.</source>
        <translation>Valid from: please enter as DD.MM.YYYY.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="197"/>
        <source>Gültig bis: bitte als TT.MM.JJJJ eingeben oder leer lassen (bis auf Weiteres).</source>
        <translation>Valid until: please enter as DD.MM.YYYY or leave empty (until further notice).</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="218"/>
        <source>Berichtigung übernehmen (Enter)</source>
        <translation>Take the correction (Enter)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="219"/>
        <source>Bescheid ei&amp;ntragen</source>
        <translation>Add &amp;benefit notice</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="220"/>
        <source>Berichtigung übernehmen</source>
        <translation>Take the correction</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="221"/>
        <source>Bescheid eintragen</source>
        <translation>Add notice</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="247"/>
        <source>%1 vom %2 bis %3</source>
        <translation>%1 from %2 until %3</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="254"/>
        <source>%1 wird berichtigt, als wäre er von Anfang an so erfasst worden. Warum? (bleibt im Verlauf)</source>
        <translation>%1 is corrected as if it had been entered so from the start. Why? (kept in the history)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="254"/>
        <source>Bescheid berichtigen</source>
        <translation>Correct notice</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="271"/>
        <source>Bitte zuerst in der Tabelle den Bescheid wählen.</source>
        <translation>Please choose the notice in the table first.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="275"/>
        <source>%1 wurde irrtümlich erfasst und wird entfernt. Warum? (bleibt im Verlauf)</source>
        <translation>%1 was entered by mistake and is removed. Why? (kept in the history)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/notices.py" line="275"/>
        <source>Bescheid entfernen</source>
        <translation>Remove notice</translation>
    </message>
    <message>
        <source>&amp;Leistung:</source>
        <translation type="vanished">Bene&amp;fit:</translation>
    </message>
    <message>
        <source>Akten&amp;zeichen:</source>
        <translation type="vanished">Refere&amp;nce:</translation>
    </message>
    <message>
        <source>Ausgewählten Bescheid entfernen</source>
        <translation type="vanished">Remove the selected notice</translation>
    </message>
    <message>
        <source>Bescheid ein&amp;tragen</source>
        <translation type="vanished">Add no&amp;tice</translation>
    </message>
    <message>
        <source>Bescheid entfe&amp;rnen</source>
        <translation type="vanished">&amp;Remove notice</translation>
    </message>
    <message>
        <source>Bescheid gültig bis</source>
        <translation type="vanished">Notice valid until</translation>
    </message>
    <message>
        <source>Er&amp;fasste Personen:</source>
        <translation type="vanished">Persons co&amp;vered:</translation>
    </message>
    <message>
        <source>Gültig &amp;von:</source>
        <translation type="vanished">&amp;Valid from:</translation>
    </message>
    <message>
        <source>Gültig bis: bitte als TT.MM.JJJJ eingeben.</source>
        <translation type="vanished">Valid until: please enter as DD.MM.YYYY.</translation>
    </message>
    <message>
        <source>b&amp;is:</source>
        <translation type="vanished">&amp;until:</translation>
    </message>
    <message>
        <source>bis:</source>
        <translation type="vanished">until:</translation>
    </message>
</context>
<context>
    <name>ObjectionDialogs</name>
    <message>
        <location filename="../../kpass/ui/objections/dialogs.py" line="66"/>
        <source> (TT.MM.JJJJ)</source>
        <translation> (DD.MM.YYYY)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/dialogs.py" line="116"/>
        <source>Bitte das Datum als TT.MM.JJJJ eingeben.</source>
        <translation>Please enter the date as DD.MM.YYYY.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/dialogs.py" line="119"/>
        <source>Bitte ein Datum eingeben.</source>
        <translation>Please enter a date.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/dialogs.py" line="122"/>
        <source>Bitte %1 angeben.</source>
        <translation>Please fill in: %1.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/dialogs.py" line="141"/>
        <source>Widerspruch abhelfen</source>
        <translation>Remedy objection</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/dialogs.py" line="142"/>
        <source>Abhilfe: Der Antrag der Entscheidung %1 wird mit den Daten, die jetzt im Haushalt erfasst sind, neu entschieden, und die Pässe, die daraus folgen, werden ausgestellt. War etwas falsch erfasst (z. B. ein Einkommen), bitte zuerst im Haushalt berichtigen und speichern. Gibt die neue Entscheidung niemandem einen Pass, den die alte abgelehnt hat, wird nichts gespeichert.</source>
        <translation>Remedy: the application of decision %1 is decided again with the data now recorded for the household, and the passes that follow from it are issued. If something was recorded wrongly (e.g. an income), please correct it in the household and save first. If the new decision gives a pass to nobody the old one refused, nothing is saved.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/dialogs.py" line="148"/>
        <source>&amp;Tag der Abhilfe:</source>
        <translation>Remedy &amp;date:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/dialogs.py" line="148"/>
        <location filename="../../kpass/ui/objections/dialogs.py" line="165"/>
        <location filename="../../kpass/ui/objections/dialogs.py" line="174"/>
        <source>&amp;Vermerk:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/dialogs.py" line="149"/>
        <source>&amp;Abhelfen</source>
        <translation>&amp;Remedy</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/dialogs.py" line="154"/>
        <source>Widerspruch zurückweisen</source>
        <translation>Reject objection</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/dialogs.py" line="155"/>
        <source>Die Entscheidung bleibt bestehen. Die Begründung steht im Widerspruchsbescheid.</source>
        <translation>The decision stands. The reasons are given in the ruling on the objection.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/dialogs.py" line="156"/>
        <source>&amp;Begründung:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/dialogs.py" line="156"/>
        <source>&amp;Tag der Zurückweisung:</source>
        <translation>Rejection &amp;date:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/dialogs.py" line="157"/>
        <source>&amp;Zurückweisen</source>
        <translation>Re&amp;ject</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/dialogs.py" line="162"/>
        <source>Widerspruch zurücknehmen</source>
        <translation>Withdraw objection</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/dialogs.py" line="163"/>
        <source>Die Person hat den Widerspruch zurückgenommen (schriftlich oder zur Niederschrift). Die Entscheidung bleibt bestehen.</source>
        <translation>The person has withdrawn the objection (in writing or on record at the office). The decision stands.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/dialogs.py" line="165"/>
        <source>&amp;Tag der Rücknahme:</source>
        <translation>Withdrawal &amp;date:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/dialogs.py" line="166"/>
        <source>Zurück&amp;nehmen</source>
        <translation>&amp;Withdraw</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/dialogs.py" line="171"/>
        <source>Wiedervorlage</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/dialogs.py" line="172"/>
        <source>An welchem Tag soll der Widerspruch wieder vorgelegt werden, und wozu? Ohne Datum wird die Wiedervorlage entfernt.</source>
        <translation>On which day should the objection come up again, and what for? Without a date the follow-up is removed.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/dialogs.py" line="174"/>
        <source>&amp;Wiedervorlage am:</source>
        <translation>&amp;Follow-up on:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/dialogs.py" line="175"/>
        <source>&amp;Speichern</source>
        <translation>&amp;Save</translation>
    </message>
</context>
<context>
    <name>ObjectionSummary</name>
    <message>
        <location filename="../../kpass/ui/objections/summary.py" line="41"/>
        <source>abgeholfen</source>
        <translation>remedied</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/summary.py" line="42"/>
        <source>zurückgewiesen</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/summary.py" line="43"/>
        <source>zurückgenommen</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/summary.py" line="44"/>
        <source>offen</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/summary.py" line="47"/>
        <source>fristgerecht</source>
        <translation>in time</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/summary.py" line="48"/>
        <source>verspätet</source>
        <translation>late</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/summary.py" line="49"/>
        <location filename="../../kpass/ui/objections/summary.py" line="140"/>
        <source>Insgesamt</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/summary.py" line="52"/>
        <source>CSV für Excel (*.csv)</source>
        <translation>CSV for Excel (*.csv)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/summary.py" line="53"/>
        <source>Excel-Arbeitsmappe (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/summary.py" line="54"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/summary.py" line="120"/>
        <source>dieses Jahr (%1)</source>
        <translation>this year (%1)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/summary.py" line="122"/>
        <source>letzte 12 Monate</source>
        <translation>last 12 months</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/summary.py" line="123"/>
        <source>letztes Jahr (%1)</source>
        <translation>last year (%1)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/summary.py" line="128"/>
        <source>Auswertung: Ergebnis der Widersprüche (ohne Personen)</source>
        <translation>Report: outcome of the objections (no persons)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/summary.py" line="129"/>
        <source>Zeitr&amp;aum:</source>
        <translation>Peri&amp;od:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/summary.py" line="130"/>
        <source>Zeitraum der Auswertung</source>
        <translation>Period of the report</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/summary.py" line="141"/>
        <source>Widersprüche nach Ergebnis und Frist</source>
        <translation>Objections by outcome and deadline</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/summary.py" line="144"/>
        <source>Expor&amp;tieren …</source>
        <translation>Ex&amp;port …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/summary.py" line="145"/>
        <source>Auswertung exportieren (CSV, Excel, JSON)</source>
        <translation>Export the report (CSV, Excel, JSON)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/summary.py" line="146"/>
        <source>Monatsweise, kleine Zahlen geheimgehalten: zur Weitergabe an die Sozialplanung</source>
        <translation>By month, small numbers suppressed: for passing on to social planning</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/summary.py" line="148"/>
        <source>Hinweis zur Auswertung</source>
        <translation>Note on the report</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/summary.py" line="149"/>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/summary.py" line="176"/>
        <source>geheimgehalten</source>
        <translation>suppressed</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/summary.py" line="179"/>
        <source>Exakte Zahlen – nur für den Dienstgebrauch.</source>
        <translation>Exact numbers – for official use only.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/summary.py" line="181"/>
        <source>· = geheimgehalten: kleine Zahlen (1 bis 4) und was aus ihnen errechnet werden könnte.</source>
        <translation>· = suppressed: small numbers (1 to 4) and whatever could be worked out from them.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/summary.py" line="184"/>
        <source>Kleine Zahlen (1 bis 4) würden als · geheimgehalten.</source>
        <translation>Small numbers (1 to 4) would be suppressed as ·.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/summary.py" line="185"/>
        <source>Offen: am heutigen Tag noch nicht erledigt.</source>
        <translation>Open: not yet closed as of today.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/summary.py" line="216"/>
        <source>Gespeichert: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/summary.py" line="223"/>
        <source>Auswertung exportieren</source>
        <translation>Export the report</translation>
    </message>
</context>
<context>
    <name>ObjectionsPage</name>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="53"/>
        <source>eingegangen</source>
        <translation>received</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="54"/>
        <source>in Prüfung</source>
        <translation>under review</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="55"/>
        <source>abgeholfen</source>
        <translation>remedied</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="56"/>
        <source>zurückgewiesen</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="57"/>
        <source>zurückgenommen</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="85"/>
        <source>%1 am %2</source>
        <translation>%1 on %2</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="87"/>
        <source>%1 – %2 über 3 Monate offen</source>
        <translation>%1 – %2 open &gt; 3 months</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="97"/>
        <source>%1 %2 überfällig</source>
        <translation>%1 %2 overdue</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="99"/>
        <source>%1 %2 heute fällig</source>
        <translation>%1 %2 due today</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="109"/>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="109"/>
        <source>nein</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="111"/>
        <source>%1 (Haushalt %2)</source>
        <translation>%1 (household %2)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="125"/>
        <source>Aktenzeichen</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="126"/>
        <source>Eingang</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="127"/>
        <source>Frist</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="128"/>
        <location filename="../../kpass/ui/objections/page.py" line="360"/>
        <source>fristgerecht</source>
        <translation>in time</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="129"/>
        <source>Bescheid vom</source>
        <translation>Decision of</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="130"/>
        <source>Antragsteller/Haushalt</source>
        <translation>Applicant/household</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="131"/>
        <source>Stand</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="132"/>
        <location filename="../../kpass/ui/objections/page.py" line="246"/>
        <source>Wiedervorlage</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="229"/>
        <location filename="../../kpass/ui/objections/page.py" line="230"/>
        <location filename="../../kpass/ui/objections/page.py" line="238"/>
        <source>Widersprüche</source>
        <translation>Objections</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="231"/>
        <source>Auch &amp;erledigte zeigen</source>
        <translation>Also show &amp;closed ones</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="232"/>
        <source>Auch erledigte zeigen</source>
        <translation>Also show closed ones</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="233"/>
        <source>Sonst nur die offenen, nach Fälligkeit</source>
        <translation>Otherwise only the open ones, by due date</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="234"/>
        <source>A&amp;ktualisieren</source>
        <translation>Re&amp;fresh</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="235"/>
        <source>Aktualisieren</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="236"/>
        <source>Liste neu lesen (F5)</source>
        <translation>Read the list afresh (F5)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="239"/>
        <source>Anzahl</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="240"/>
        <source>Gewählter Widerspruch</source>
        <translation>Chosen objection</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="242"/>
        <source>In &amp;Prüfung nehmen</source>
        <translation>Start re&amp;view</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="242"/>
        <source>In Prüfung nehmen</source>
        <translation>Start review</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="243"/>
        <source>A&amp;bhelfen …</source>
        <translation>Re&amp;medy …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="243"/>
        <source>Abhelfen</source>
        <translation>Remedy</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="244"/>
        <source>&amp;Zurückweisen …</source>
        <translation>Re&amp;ject …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="244"/>
        <source>Zurückweisen</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="245"/>
        <source>Zu&amp;rücknehmen …</source>
        <translation>&amp;Withdraw …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="245"/>
        <source>Zurücknehmen</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="246"/>
        <source>Wiedervor&amp;lage …</source>
        <translation>Follow-&amp;up …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="247"/>
        <source>Bescheid &amp;drucken</source>
        <translation>&amp;Print letter</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="247"/>
        <source>Bescheid drucken</source>
        <translation>Print letter</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="248"/>
        <source>&amp;Haushalt öffnen</source>
        <translation>Open &amp;household</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="248"/>
        <source>Haushalt öffnen</source>
        <translation>Open household</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="252"/>
        <source>Neu entscheiden mit den jetzt erfassten Daten und die Pässe ausstellen (Leitung)</source>
        <translation>Decide again with the data now recorded and issue the passes (supervisors)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="254"/>
        <source>Die Entscheidung bleibt; Widerspruchsbescheid (Leitung)</source>
        <translation>The decision stands; ruling on the objection (supervisors)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="256"/>
        <source>Abhilfebescheid oder Widerspruchsbescheid</source>
        <translation>Remedy letter or ruling on the objection</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="257"/>
        <source>Eingabe oder Doppelklick in der Liste</source>
        <translation>Enter or double-click in the list</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="307"/>
        <source>1 offener Widerspruch</source>
        <translation>1 open objection</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="308"/>
        <source>%1 offene Widersprüche</source>
        <translation>%1 open objections</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="310"/>
        <source>%1, %2 erledigt</source>
        <translation>%1, %2 closed</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="313"/>
        <source>%1 · %2 %3 fällig</source>
        <translation>%1 · %2 %3 due</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="348"/>
        <source>Kein Widerspruch gewählt.</source>
        <translation>No objection chosen.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="350"/>
        <source>Keine Widersprüche.</source>
        <translation>No objections.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="351"/>
        <source>Keine offenen Widersprüche.</source>
        <translation>No open objections.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="354"/>
        <source>%1 gegen Entscheidung %2: eingelegt von %3.</source>
        <translation>%1 against decision %2: lodged by %3.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="356"/>
        <source>(Person gelöscht)</source>
        <translation>(person erased)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="357"/>
        <source>Bekanntgabe %1, Frist bis %2, Eingang %3 – %4.</source>
        <translation>Notified %1, deadline %2, received %3 – %4.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="360"/>
        <source>verspätet</source>
        <translation>late</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="363"/>
        <source>Begründung: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="365"/>
        <source>Wiedervorlage %1</source>
        <translation>Follow-up %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="370"/>
        <source>Untätigkeitsklage möglich ab %1.</source>
        <translation>Action for failure to act possible from %1.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="373"/>
        <source>Erledigung: %1</source>
        <translation>Closed: %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="375"/>
        <source>Neue Entscheidung: %1</source>
        <translation>New decision: %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="395"/>
        <source>%1 ist in Prüfung.</source>
        <translation>%1 is under review.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="413"/>
        <source>%1 abgeholfen: neue Entscheidung %2.</source>
        <translation>%1 remedied: new decision %2.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="416"/>
        <source>Pässe: %1.</source>
        <translation>Passes: %1.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="417"/>
        <source>Den Abhilfebescheid druckt „Bescheid drucken“.</source>
        <translation>“Print letter” prints the remedy letter.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="434"/>
        <source>%1 zurückgewiesen. Den Widerspruchsbescheid druckt „Bescheid drucken“.</source>
        <translation>%1 rejected. “Print letter” prints the ruling on the objection.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="451"/>
        <source>%1 zurückgenommen.</source>
        <translation>%1 withdrawn.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="468"/>
        <source>%1: Wiedervorlage am %2.</source>
        <translation>%1: follow-up on %2.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="469"/>
        <source>%1: Wiedervorlage entfernt.</source>
        <translation>%1: follow-up removed.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="484"/>
        <source>Abhilfebescheid</source>
        <translation>Remedy letter</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="485"/>
        <source>Widerspruchsbescheid</source>
        <translation>Ruling on the objection</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="486"/>
        <source>PDF gespeichert: %1</source>
        <translation>PDF saved: %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/objections/page.py" line="487"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>PdfPrinting</name>
    <message>
        <location filename="../../kpass/ui/printing/pdf_printing.py" line="60"/>
        <source>Das Programm „%1“ (Paket poppler-utils) ist nicht installiert.</source>
        <translation>The program “%1” (package poppler-utils) is not installed.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/printing/pdf_printing.py" line="69"/>
        <source>Die PDF-Datei „%1“ ist beschädigt oder nicht lesbar.</source>
        <translation>The PDF file “%1” is damaged or cannot be read.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/printing/pdf_printing.py" line="77"/>
        <source>Die PDF-Datei „%1“ gibt es nicht (mehr).</source>
        <translation>The PDF file “%1” does not exist (any more).</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/printing/pdf_printing.py" line="84"/>
        <source>Die PDF-Datei „%1“ konnte nicht rechtzeitig aufbereitet werden.</source>
        <translation>The PDF file “%1” could not be prepared in time.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/printing/pdf_printing.py" line="90"/>
        <source>Das Programm „%1“ lässt sich nicht starten.</source>
        <translation>The program “%1” cannot be started.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/printing/pdf_printing.py" line="140"/>
        <source>Drucker</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/printing/pdf_printing.py" line="158"/>
        <source>Der Ausdruck kann nicht das Dokument selbst ersetzen; bitte einen anderen Dateinamen wählen.</source>
        <translation>The printed copy cannot replace the document itself; please choose another file name.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/printing/pdf_printing.py" line="165"/>
        <source>Im gewählten Bereich gibt es keine Seite (das Dokument hat %1 Seiten).</source>
        <translation>There is no page in the chosen range (the document has %1 pages).</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/printing/pdf_printing.py" line="199"/>
        <source>Seite %1 von %2 wird gedruckt …</source>
        <translation>Printing page %1 of %2 …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/printing/pdf_printing.py" line="251"/>
        <source>Die Datei „%1“ kann nicht geschrieben werden; gibt es den Ordner, und darf dort geschrieben werden?</source>
        <translation>The file “%1” cannot be written; does the folder exist, and may files be written there?</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/printing/pdf_printing.py" line="256"/>
        <source>Der Drucker „%1“ meldet einen Fehler; bitte Drucker und Papier prüfen.</source>
        <translation>The printer “%1” reports an error; please check the printer and the paper.</translation>
    </message>
    <message>
        <source>Drucken nicht möglich: Das Programm „%1“ (Paket poppler-utils) ist nicht installiert.</source>
        <translation type="vanished">Cannot print: the program “%1” (package poppler-utils) is not installed.</translation>
    </message>
</context>
<context>
    <name>PersonSearchModel</name>
    <message>
        <location filename="../../kpass/ui/search/model.py" line="24"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/model.py" line="25"/>
        <location filename="../../kpass/ui/search/model.py" line="37"/>
        <source>Vorname(n)</source>
        <translation>Given name(s)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/model.py" line="26"/>
        <location filename="../../kpass/ui/search/model.py" line="38"/>
        <source>Geburtsdatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/model.py" line="27"/>
        <source>Haushalt</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/model.py" line="28"/>
        <source>Pass</source>
        <translation>Pass</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/model.py" line="29"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/model.py" line="30"/>
        <source>gültig bis</source>
        <translation>valid until</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/model.py" line="31"/>
        <location filename="../../kpass/ui/search/model.py" line="43"/>
        <source>Anschrift</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/model.py" line="32"/>
        <location filename="../../kpass/ui/search/model.py" line="44"/>
        <source>Stadtteil</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/model.py" line="36"/>
        <source>Familienname</source>
        <translation>Family name</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/model.py" line="39"/>
        <source>Haushaltsnummer</source>
        <translation>Household number</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/model.py" line="40"/>
        <source>Passnummer</source>
        <translation>Pass number</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/model.py" line="41"/>
        <source>Passstatus</source>
        <translation>Pass status</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/model.py" line="42"/>
        <source>Pass gültig bis</source>
        <translation>Pass valid until</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/model.py" line="141"/>
        <source>kein Pass</source>
        <translation>no pass</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/model.py" line="146"/>
        <source>ohne Anschrift</source>
        <translation>no address</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/model.py" line="156"/>
        <source>läuft ab %1</source>
        <translation>expires %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/model.py" line="158"/>
        <source>ersetzt ab %1</source>
        <translation>replaced from %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/model.py" line="159"/>
        <source>gesperrt ab %1</source>
        <translation>revoked from %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/model.py" line="162"/>
        <source>gültig ab %1</source>
        <translation>valid from %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/model.py" line="168"/>
        <source>ersetzt seit %1</source>
        <translation>replaced since %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/model.py" line="169"/>
        <source>gesperrt seit %1</source>
        <translation>revoked since %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/model.py" line="172"/>
        <source>gültig bis %1, dann ersetzt</source>
        <translation>valid until %1, then replaced</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/model.py" line="173"/>
        <source>gültig bis %1, dann gesperrt</source>
        <translation>valid until %1, then revoked</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/model.py" line="184"/>
        <source>aktiv</source>
        <translation>active</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/model.py" line="185"/>
        <source>gesperrt</source>
        <translation>revoked</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/model.py" line="186"/>
        <source>ersetzt</source>
        <translation>replaced</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/model.py" line="187"/>
        <source>abgelaufen</source>
        <translation>expired</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../kpass/ui/printing/preview_dialog.py" line="40"/>
        <source>Drucken</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/printing/preview_dialog.py" line="57"/>
        <source>Vorschau: %1</source>
        <translation>Preview: %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/printing/preview_dialog.py" line="59"/>
        <source>Gespeichert als %1</source>
        <translation>Saved as %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/printing/preview_dialog.py" line="61"/>
        <source>Speicherort der PDF-Datei</source>
        <translation>Location of the PDF file</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/printing/preview_dialog.py" line="64"/>
        <source>Meldung zum Drucken</source>
        <translation>Message about printing</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/printing/preview_dialog.py" line="70"/>
        <source>Seiten des Dokuments</source>
        <translation>Pages of the document</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/printing/preview_dialog.py" line="71"/>
        <source>&amp;Drucken …</source>
        <translation>&amp;Print …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/printing/preview_dialog.py" line="73"/>
        <source>Dokument drucken</source>
        <translation>Print the document</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/printing/preview_dialog.py" line="74"/>
        <source>Drucker wählen und drucken (Strg+P)</source>
        <translation>Choose a printer and print (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/printing/preview_dialog.py" line="76"/>
        <source>&amp;Ordner öffnen</source>
        <translation>Open &amp;folder</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/printing/preview_dialog.py" line="77"/>
        <source>Ausgabeordner öffnen</source>
        <translation>Open the output folder</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/printing/preview_dialog.py" line="78"/>
        <source>PDF ö&amp;ffnen</source>
        <translation>&amp;Open PDF</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/printing/preview_dialog.py" line="79"/>
        <source>PDF im Standardprogramm öffnen</source>
        <translation>Open the PDF in the default program</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/printing/preview_dialog.py" line="80"/>
        <source>&amp;Schließen</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/printing/preview_dialog.py" line="81"/>
        <source>Vorschau schließen</source>
        <translation>Close the preview</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/printing/preview_dialog.py" line="118"/>
        <source>Seite %1</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/printing/preview_dialog.py" line="124"/>
        <source>Keine Vorschau möglich: %1</source>
        <translation>No preview possible: %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/printing/preview_dialog.py" line="126"/>
        <source>Die Vorschau zeigt die ersten %1 von %2 Seiten; gedruckt werden alle.</source>
        <translation>The preview shows the first %1 of %2 pages; all of them are printed.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/printing/preview_dialog.py" line="157"/>
        <source>Wird gedruckt …</source>
        <translation>Printing …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/printing/preview_dialog.py" line="169"/>
        <source>Drucken abgebrochen; die Datei wurde nicht geschrieben.</source>
        <translation>Printing cancelled; the file was not written.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/printing/preview_dialog.py" line="172"/>
        <source>Drucken abgebrochen; %1 von %2 Seiten gehen an den Drucker.</source>
        <translation>Printing cancelled; %1 of %2 pages go to the printer.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/printing/preview_dialog.py" line="175"/>
        <source>%1 Seite(n) an „%2“ gesendet.</source>
        <translation>%1 page(s) sent to “%2”.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/printing/preview_dialog.py" line="180"/>
        <source>Drucken: %1</source>
        <translation>Printing: %1</translation>
    </message>
    <message>
        <source>Drucken abgebrochen nach %1 von %2 Seiten.</source>
        <translation type="vanished">Printing cancelled after %1 of %2 pages.</translation>
    </message>
</context>
<context>
    <name>RecordSection</name>
    <message>
        <location filename="../../kpass/ui/household/sections/base.py" line="73"/>
        <source>Berichtigen … (F2)</source>
        <translation>Correct … (F2)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/base.py" line="74"/>
        <source>Ausgewählten Eintrag berichtigen (F2)</source>
        <translation>Correct the selected entry (F2)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/base.py" line="75"/>
        <location filename="../../kpass/ui/household/sections/base.py" line="76"/>
        <source>Berichtigung abbrechen (Esc)</source>
        <translation>Cancel the correction (Esc)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/base.py" line="120"/>
        <source>Noch nicht gespeichert: Strg+S speichert.</source>
        <translation>Not saved yet: Ctrl+S saves.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/base.py" line="126"/>
        <source>Bitte zuerst in der Tabelle den Eintrag wählen, der berichtigt werden soll.</source>
        <translation>Please choose the entry to correct in the table first.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/sections/base.py" line="132"/>
        <source>Berichtigung von: %1 – Enter übernimmt, Esc bricht ab.</source>
        <translation>Correcting: %1 – Enter takes it, Esc cancels.</translation>
    </message>
</context>
<context>
    <name>RegisterImport</name>
    <message>
        <location filename="../../kpass/ui/register_import/dry_run_page.py" line="27"/>
        <source>Haushalte geprüft: %1 von %2 …</source>
        <translation>Households checked: %1 of %2 …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/dry_run_page.py" line="36"/>
        <source>Probelauf</source>
        <translation>Dry run</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/dry_run_page.py" line="37"/>
        <source>Alles wird geprüft wie am Schalter, gespeichert wird nichts.</source>
        <translation>Everything is checked as at the counter; nothing is saved.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/dry_run_page.py" line="42"/>
        <source>Fortschritt des Probelaufs</source>
        <translation>Progress of the dry run</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/dry_run_page.py" line="61"/>
        <source>Der Probelauf läuft …</source>
        <translation>The dry run is running …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/dry_run_page.py" line="80"/>
        <source>Der Probelauf war nicht möglich.</source>
        <translation>The dry run was not possible.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/dry_run_page.py" line="87"/>
        <source>Probelauf beendet.</source>
        <translation>Dry run finished.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/dry_run_page.py" line="92"/>
        <source>Kein Haushalt der Datei kann übernommen werden. Bitte die Datei oder die Zuordnung korrigieren.</source>
        <translation>No household of the file can be taken over. Please correct the file or the mapping.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/dry_run_page.py" line="96"/>
        <source>Bei „Alles oder nichts“ würde nichts gespeichert (Haushalte übersprungen oder zu prüfen: %1). Die Datei korrigieren, oder auf Seite 1 „Je Haushalt“ wählen, um die Haushalte in Ordnung (%2) zu übernehmen.</source>
        <translation>With “All or nothing” nothing would be saved (households skipped or to check: %1). Correct the file, or choose “Per household” on page 1 to take over the households in order (%2).</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/dry_run_page.py" line="101"/>
        <source>Übernommen würden die Haushalte in Ordnung (%1), die anderen (%2) nicht: siehe Gründe.</source>
        <translation>The households in order (%1) would be taken over, the others (%2) not: see the reasons.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/dry_run_page.py" line="105"/>
        <source>Alle Haushalte sind in Ordnung (%1) und können übernommen werden.</source>
        <translation>All households are in order (%1) and can be taken over.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/file_page.py" line="40"/>
        <source>wie in der Zuordnungsdatei</source>
        <translation>as in the mapping file</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/file_page.py" line="41"/>
        <source>aus der Kopfzeile erkennen</source>
        <translation>detect from the header row</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/file_page.py" line="42"/>
        <source>Semikolon (;)</source>
        <translation>semicolon (;)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/file_page.py" line="43"/>
        <source>Komma (,)</source>
        <translation>comma (,)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/file_page.py" line="44"/>
        <source>Tabulator</source>
        <translation>tab</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/file_page.py" line="45"/>
        <source>senkrechter Strich (|)</source>
        <translation>vertical bar (|)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/file_page.py" line="54"/>
        <source>Datei wählen</source>
        <translation>Choose file</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/file_page.py" line="55"/>
        <source>Die bisherige Liste als CSV- oder XLSX-Datei (eine Zeile je Person) und die Zuordnung ihrer Spalten.</source>
        <translation>The previous list as a CSV or XLSX file (one row per person) and the mapping of its columns.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/file_page.py" line="59"/>
        <source>Datei (CSV oder XLSX)</source>
        <translation>File (CSV or XLSX)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/file_page.py" line="60"/>
        <source>Pfad der CSV- oder XLSX-Datei</source>
        <translation>Path of the CSV or XLSX file</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/file_page.py" line="61"/>
        <source>&amp;Datei (CSV oder XLSX):</source>
        <translation>F&amp;ile (CSV or XLSX):</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/file_page.py" line="63"/>
        <source>Datei &amp;suchen …</source>
        <translation>&amp;Select file …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/file_page.py" line="64"/>
        <source>Datei suchen …</source>
        <translation>Select file …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/file_page.py" line="67"/>
        <source>Zuordnungsdatei (TOML)</source>
        <translation>Mapping file (TOML)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/file_page.py" line="69"/>
        <source>leer: Beispielzuordnung von kpass (%1)</source>
        <translation>empty: kpass&apos;s sample mapping (%1)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/file_page.py" line="70"/>
        <source>&amp;Zuordnungsdatei (TOML):</source>
        <translation>&amp;Mapping file (TOML):</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/file_page.py" line="72"/>
        <source>Z&amp;uordnung suchen …</source>
        <translation>Select ma&amp;pping …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/file_page.py" line="73"/>
        <source>Zuordnung suchen …</source>
        <translation>Select mapping …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/file_page.py" line="78"/>
        <source>Trennzeichen der CSV-Datei</source>
        <translation>Delimiter of the CSV file</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/file_page.py" line="79"/>
        <source>&amp;Trennzeichen der CSV-Datei:</source>
        <translation>&amp;Delimiter of the CSV file:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/file_page.py" line="82"/>
        <source>&amp;Alles oder nichts: nur speichern, wenn jeder Haushalt in Ordnung ist</source>
        <translation>&amp;All or nothing: save only if every household is in order</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/file_page.py" line="84"/>
        <source>Alles oder nichts: nur speichern, wenn jeder Haushalt in Ordnung ist</source>
        <translation>All or nothing: save only if every household is in order</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/file_page.py" line="86"/>
        <source>Je &amp;Haushalt: die guten Haushalte speichern, die anderen im Bericht nennen</source>
        <translation>Per &amp;household: save the good households, name the others in the report</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/file_page.py" line="88"/>
        <source>Je Haushalt: die guten Haushalte speichern, die anderen im Bericht nennen</source>
        <translation>Per household: save the good households, name the others in the report</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/file_page.py" line="94"/>
        <source>Speichern:</source>
        <translation>Save:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/file_page.py" line="132"/>
        <source>Liste zum Übernehmen wählen</source>
        <translation>Choose the list to take over</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/file_page.py" line="133"/>
        <source>Listen (*.csv *.xlsx);;Alle Dateien (*)</source>
        <translation>Lists (*.csv *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/file_page.py" line="140"/>
        <source>Zuordnungsdatei wählen</source>
        <translation>Choose mapping file</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/file_page.py" line="142"/>
        <source>Zuordnungsdateien (*.toml);;Alle Dateien (*)</source>
        <translation>Mapping files (*.toml);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/file_page.py" line="200"/>
        <source>Die Datei wird gelesen …</source>
        <translation>Reading the file …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/import_page.py" line="40"/>
        <source>Haushalte: %1, Personen: %2, Pässe: %3</source>
        <translation>households: %1, persons: %2, passes: %3</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/import_page.py" line="45"/>
        <source>Abgebrochen, bevor ein Haushalt gespeichert war: nichts wurde gespeichert.</source>
        <translation>Stopped before any household was saved: nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/import_page.py" line="47"/>
        <source>Abgebrochen: nichts wurde gespeichert („Alles oder nichts“). Das Register ist unverändert.</source>
        <translation>Stopped: nothing was saved (“All or nothing”). The register is unchanged.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/import_page.py" line="50"/>
        <source>Abgebrochen. Gespeichert sind nur diese — %1: %2. Nicht gespeichert: die beanstandeten und %3 in Ordnung (ein neuer Lauf „Je Haushalt“ übernimmt sie).</source>
        <translation>Stopped. Only these are saved — %1: %2. Not saved: the flagged ones and %3 in order (a new “Per household” run takes them over).</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/import_page.py" line="55"/>
        <source>Nichts wurde gespeichert: nicht jeder Haushalt ist in Ordnung (siehe Gründe; seit dem Probelauf kann sich das Register geändert haben).</source>
        <translation>Nothing was saved: not every household is in order (see the reasons; the register may have changed since the dry run).</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/import_page.py" line="59"/>
        <source>Übernommen: %1.</source>
        <translation>Taken over: %1.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/import_page.py" line="60"/>
        <source>Übernommen: %1. Die anderen Haushalte wurden nicht übernommen (siehe Gründe).</source>
        <translation>Taken over: %1. The other households were not taken over (see the reasons).</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/import_page.py" line="69"/>
        <source>Importieren</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/import_page.py" line="70"/>
        <source>Jetzt wird gespeichert. „Import abbrechen“ (oder Esc) hält vor dem nächsten Haushalt an.</source>
        <translation>Saving now. “Stop import” (or Esc) halts before the next household.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/import_page.py" line="75"/>
        <source>Import &amp;starten</source>
        <translation>&amp;Start import</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/import_page.py" line="77"/>
        <source>Import starten</source>
        <translation>Start import</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/import_page.py" line="78"/>
        <source>Import a&amp;bbrechen</source>
        <translation>Stop &amp;import</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/import_page.py" line="80"/>
        <source>Import abbrechen</source>
        <translation>Stop import</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/import_page.py" line="83"/>
        <source>Fortschritt des Imports</source>
        <translation>Progress of the import</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/import_page.py" line="89"/>
        <source>Haushalt &amp;öffnen</source>
        <translation>&amp;Open household</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/import_page.py" line="90"/>
        <source>Haushalt öffnen</source>
        <translation>Open household</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/import_page.py" line="91"/>
        <source>Den übernommenen Haushalt der gewählten Zeile öffnen</source>
        <translation>Open the household taken over in the chosen row</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/import_page.py" line="131"/>
        <source>Gespeichert werden die Haushalte in Ordnung (laut Probelauf: %1), jeder für sich („Je Haushalt“). Die beanstandeten bleiben draußen.</source>
        <translation>The households in order (by the dry run: %1) are saved, each on its own (“Per household”). The flagged ones stay out.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/import_page.py" line="134"/>
        <source>Gespeichert werden alle Haushalte (laut Probelauf: %1) in einem Schritt („Alles oder nichts“): bei einem Abbruch oder Fehler wird nichts gespeichert.</source>
        <translation>All households (by the dry run: %1) are saved in one step (“All or nothing”): if it is stopped or fails, nothing is saved.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/import_page.py" line="152"/>
        <source>Der Import läuft …</source>
        <translation>The import is running …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/import_page.py" line="160"/>
        <source>Wird abgebrochen … (der Haushalt, der gerade gespeichert wird, wird noch fertig)</source>
        <translation>Stopping … (the household being saved right now is finished first)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/import_page.py" line="162"/>
        <source>Wird abgebrochen … nichts wird gespeichert.</source>
        <translation>Stopping … nothing is saved.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/import_page.py" line="172"/>
        <source>Haushalte gespeichert: %1 von %2 …</source>
        <translation>Households saved: %1 of %2 …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/import_page.py" line="174"/>
        <source>Haushalte geschrieben: %1 von %2 …</source>
        <translation>Households written: %1 of %2 …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/import_page.py" line="180"/>
        <source>Der Import war nicht möglich.</source>
        <translation>The import was not possible.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/import_page.py" line="190"/>
        <source>Import beendet.</source>
        <translation>Import finished.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/mapping_page.py" line="54"/>
        <source>Spalten zuordnen</source>
        <translation>Map the columns</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/mapping_page.py" line="55"/>
        <source>Welche Spalte der Datei enthält was? Pflichtfelder sind mit „(Pflicht)“ bezeichnet.</source>
        <translation>Which column of the file holds what? Required fields are marked “(required)”.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/mapping_page.py" line="68"/>
        <source>%1 (Pflicht)</source>
        <translation>%1 (required)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/mapping_page.py" line="96"/>
        <source>Vorschau der ersten Zeilen, wie sie gelesen werden</source>
        <translation>Preview of the first rows, as they are read</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/mapping_page.py" line="98"/>
        <source>&amp;Vorschau der ersten Zeilen, wie sie gelesen werden:</source>
        <translation>P&amp;review of the first rows, as they are read:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/mapping_page.py" line="113"/>
        <source>Zuordnung &amp;speichern …</source>
        <translation>&amp;Save mapping …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/mapping_page.py" line="114"/>
        <source>Zuordnung speichern …</source>
        <translation>Save mapping …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/mapping_page.py" line="134"/>
        <source>„%1“: %2 Zeilen unter der Kopfzeile, %3 Spalten, gelesen als %4. Zuordnung aus „%5“.</source>
        <translation>“%1”: %2 rows below the header row, %3 columns, read as %4. Mapping from “%5”.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/mapping_page.py" line="139"/>
        <source>Beispielzuordnung</source>
        <translation>sample mapping</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/mapping_page.py" line="144"/>
        <source>— nicht in der Datei —</source>
        <translation>— not in the file —</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/mapping_page.py" line="174"/>
        <source>Dieselbe Spalte ist mehreren Feldern zugeordnet: %1. Bitte prüfen.</source>
        <translation>The same column is mapped to several fields: %1. Please check.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/mapping_page.py" line="199"/>
        <location filename="../../kpass/ui/register_import/report_view.py" line="88"/>
        <source>Zeile</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/mapping_page.py" line="218"/>
        <source>Erst jedem Pflichtfeld eine Spalte zuordnen, dann speichern.</source>
        <translation>First map a column to every required field, then save.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/mapping_page.py" line="221"/>
        <source>zuordnung</source>
        <translation>mapping</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/mapping_page.py" line="222"/>
        <source>Zuordnung speichern</source>
        <translation>Save mapping</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/mapping_page.py" line="223"/>
        <source>Zuordnungsdateien (*.toml)</source>
        <translation>Mapping files (*.toml)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/mapping_page.py" line="235"/>
        <source>Zuordnung gespeichert: %1. Beim nächsten Mal auf Seite 1 als Zuordnungsdatei wählen.</source>
        <translation>Mapping saved: %1. Next time, choose it as the mapping file on page 1.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/report_view.py" line="45"/>
        <source>Probelauf — nichts wurde gespeichert.</source>
        <translation>Dry run — nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/report_view.py" line="46"/>
        <source>Datei „%1“, gelesen als %2 — Zeilen: %3, Haushalte: %4.</source>
        <translation>File “%1”, read as %2 — rows: %3, households: %4.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/report_view.py" line="52"/>
        <source>Haushalte in Ordnung: %1 (Personen: %2, Pässe: %3).</source>
        <translation>Households in order: %1 (persons: %2, passes: %3).</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/report_view.py" line="57"/>
        <source>Haushalte übernommen: %1 (Personen: %2, Pässe: %3).</source>
        <translation>Households taken over: %1 (persons: %2, passes: %3).</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/report_view.py" line="62"/>
        <source>Haushalte in Ordnung, aber nicht gespeichert: %1.</source>
        <translation>Households in order but not saved: %1.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/report_view.py" line="64"/>
        <source>Haushalte übersprungen: %1. Haushalte zu prüfen: %2.</source>
        <translation>Households skipped: %1. Households to check: %2.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/report_view.py" line="88"/>
        <source>Ergebnis</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/report_view.py" line="88"/>
        <source>Haushalt</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/report_view.py" line="89"/>
        <source>Art</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/report_view.py" line="89"/>
        <source>Grund oder Hinweis</source>
        <translation>Reason or note</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/report_view.py" line="90"/>
        <source>&amp;Gründe und Hinweise (Zeilen der Datei):</source>
        <translation>&amp;Reasons and notes (rows of the file):</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/report_view.py" line="92"/>
        <source>Gründe und Hinweise (Zeilen der Datei)</source>
        <translation>Reasons and notes (rows of the file)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/report_view.py" line="93"/>
        <source>Keine Zeile wurde beanstandet.</source>
        <translation>No row was flagged.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/report_view.py" line="96"/>
        <source>Bericht als &amp;Text speichern …</source>
        <translation>Save report as &amp;text …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/report_view.py" line="97"/>
        <source>Bericht als Text speichern …</source>
        <translation>Save report as text …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/report_view.py" line="98"/>
        <source>Bericht als CS&amp;V speichern …</source>
        <translation>Save report as CS&amp;V …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/report_view.py" line="99"/>
        <source>Bericht als CSV speichern …</source>
        <translation>Save report as CSV …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/report_view.py" line="138"/>
        <source>Haushalt Nr. %1 im Register</source>
        <translation>Household no. %1 in the register</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/report_view.py" line="163"/>
        <source>probelauf</source>
        <translation>dry-run</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/report_view.py" line="164"/>
        <source>import</source>
        <translation>import</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/report_view.py" line="165"/>
        <source>bericht</source>
        <translation>report</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/report_view.py" line="171"/>
        <source>Bericht als CSV speichern</source>
        <translation>Save report as CSV</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/report_view.py" line="171"/>
        <source>CSV-Dateien (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/report_view.py" line="173"/>
        <source>Bericht als Text speichern</source>
        <translation>Save report as text</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/report_view.py" line="173"/>
        <source>Textdateien (*.txt)</source>
        <translation>Text files (*.txt)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/report_view.py" line="189"/>
        <source>Bericht gespeichert: %1</source>
        <translation>Report saved: %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/texts.py" line="16"/>
        <source>Haushalt (Schlüssel)</source>
        <translation>Household (key)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/texts.py" line="17"/>
        <source>Familienname</source>
        <translation>Family name</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/texts.py" line="18"/>
        <source>Vornamen</source>
        <translation>Given names</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/texts.py" line="19"/>
        <source>Geburtsdatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/texts.py" line="20"/>
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/texts.py" line="21"/>
        <source>Geschlecht</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/texts.py" line="22"/>
        <source>Straße</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/texts.py" line="23"/>
        <source>Hausnummer</source>
        <translation>House number</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/texts.py" line="24"/>
        <source>Postleitzahl</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/texts.py" line="25"/>
        <source>Ort</source>
        <translation>Town</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/texts.py" line="26"/>
        <source>Stadtteil</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/texts.py" line="27"/>
        <source>Einkommensart</source>
        <translation>Kind of income</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/texts.py" line="28"/>
        <source>Einkommensbetrag</source>
        <translation>Income amount</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/texts.py" line="29"/>
        <source>Einkommenszeitraum</source>
        <translation>Income period</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/texts.py" line="30"/>
        <source>Leistungsart</source>
        <translation>Kind of benefit</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/texts.py" line="31"/>
        <source>Leistung von</source>
        <translation>Benefit from</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/texts.py" line="32"/>
        <source>Leistung bis</source>
        <translation>Benefit until</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/texts.py" line="33"/>
        <source>Passnummer</source>
        <translation>Pass number</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/texts.py" line="34"/>
        <source>Pass gültig ab</source>
        <translation>Pass valid from</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/texts.py" line="35"/>
        <source>Pass gültig bis</source>
        <translation>Pass valid until</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/texts.py" line="36"/>
        <source>Passart</source>
        <translation>Pass type</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/texts.py" line="41"/>
        <source>übernommen</source>
        <translation>taken over</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/texts.py" line="42"/>
        <source>in Ordnung, nicht gespeichert</source>
        <translation>in order, not saved</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/texts.py" line="43"/>
        <source>übersprungen</source>
        <translation>skipped</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/texts.py" line="44"/>
        <source>zu prüfen</source>
        <translation>to check</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/texts.py" line="46"/>
        <source>in Ordnung</source>
        <translation>in order</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/texts.py" line="48"/>
        <source>Grund</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/texts.py" line="49"/>
        <source>Hinweis</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/wizard.py" line="51"/>
        <source>Bestand übernehmen (Import)</source>
        <translation>Take over existing register (import)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/wizard.py" line="55"/>
        <source>Zu&amp;rück</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/wizard.py" line="56"/>
        <source>&amp;Weiter</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/wizard.py" line="57"/>
        <source>&amp;Fertig</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/wizard.py" line="58"/>
        <source>Abbre&amp;chen</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/wizard.py" line="59"/>
        <source>Zurück</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/wizard.py" line="60"/>
        <source>Weiter</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/wizard.py" line="61"/>
        <source>Fertig</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/register_import/wizard.py" line="62"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RenewalsPage</name>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="49"/>
        <source>Januar</source>
        <translation>January</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="50"/>
        <source>Februar</source>
        <translation>February</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="51"/>
        <source>März</source>
        <translation>March</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="52"/>
        <source>April</source>
        <translation>April</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="53"/>
        <source>Mai</source>
        <translation>May</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="54"/>
        <source>Juni</source>
        <translation>June</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="55"/>
        <source>Juli</source>
        <translation>July</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="56"/>
        <source>August</source>
        <translation>August</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="57"/>
        <source>September</source>
        <translation>September</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="58"/>
        <source>Oktober</source>
        <translation>October</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="59"/>
        <source>November</source>
        <translation>November</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="60"/>
        <source>Dezember</source>
        <translation>December</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="80"/>
        <source>Ablauf</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="81"/>
        <source>Nummer</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="82"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="83"/>
        <source>Haushalt</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="84"/>
        <source>Stadtteil</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="85"/>
        <source>Pass</source>
        <translation>Pass</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="86"/>
        <source>gültig ab</source>
        <translation>valid from</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="87"/>
        <source>gültig bis</source>
        <translation>valid until</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="88"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="158"/>
        <source>Verlängerungen: Pässe, die bald ablaufen</source>
        <translation>Renewals: passes that expire soon</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="159"/>
        <source>Verlängerungen</source>
        <translation>Renewals</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="160"/>
        <source>&amp;Ablaufmonat:</source>
        <translation>Expir&amp;y month:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="165"/>
        <source>%1 und %2</source>
        <translation>%1 and %2</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="171"/>
        <source>Ablaufmonat</source>
        <translation>Expiry month</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="173"/>
        <source>Ablaufende Pässe</source>
        <translation>Expiring passes</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="174"/>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="175"/>
        <source>Name, Passnummer, Haushalt oder Stadtteil</source>
        <translation>Name, pass number, household or district</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="176"/>
        <source>Liste filtern</source>
        <translation>Filter the list</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="178"/>
        <source>Zeigt nur die Pässe, bei denen jedes eingegebene Wort am Anfang eines Namens, der Passnummer, der Haushaltsnummer oder des Stadtteils steht</source>
        <translation>Shows only the passes where every word typed begins a name, the pass number, the household number or the district</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="180"/>
        <source>Anzahl</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="181"/>
        <source>Eingabe im Filter: Liste · Eingabe oder Doppelklick in der Liste: Haushalt öffnen</source>
        <translation>Enter in the filter: list · Enter or double-click in the list: open the household</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="183"/>
        <source>Tastenkürzel</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="184"/>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="185"/>
        <source>&amp;Erinnerungen drucken</source>
        <translation>&amp;Print reminders</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="186"/>
        <source>Erinnerungsschreiben für die gewählten Monate drucken</source>
        <translation>Print reminder letters for the chosen months</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="188"/>
        <source>Vorschau und Dr&amp;ucken …</source>
        <translation>Pre&amp;view and print …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="189"/>
        <source>Gedruckte Erinnerungsschreiben ansehen und auf einem Drucker ausgeben</source>
        <translation>View the printed reminder letters and send them to a printer</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="268"/>
        <source>%1 Pässe</source>
        <translation>%1 passes</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="268"/>
        <source>1 Pass</source>
        <translation>1 pass</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="270"/>
        <source>%1 von %2 Pässen</source>
        <translation>%1 of %2 passes</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="270"/>
        <source>%1 von 1 Pass</source>
        <translation>%1 of 1 pass</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="288"/>
        <source>%1 gehört heute zu keinem Haushalt.</source>
        <translation>%1 belongs to no household today.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="300"/>
        <source>Erinnerungen für %1 …</source>
        <translation>Reminders for %1 …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="307"/>
        <source>In den gewählten Monaten laufen keine Pässe ab.</source>
        <translation>No passes expire in the chosen months.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="311"/>
        <source>Erinnerungen werden gedruckt …</source>
        <translation>Printing reminders …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="312"/>
        <source>Erinnerungen drucken</source>
        <translation>Print reminders</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="334"/>
        <source>Abgebrochen; fertig: %1 Datei(en).</source>
        <translation>Cancelled; done: %1 file(s).</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="337"/>
        <source>Gedruckt: %1</source>
        <translation>Printed: %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/renewals/page.py" line="352"/>
        <source>Erinnerungsschreiben (%1)</source>
        <translation>Reminder letters (%1)</translation>
    </message>
</context>
<context>
    <name>Reporting</name>
    <message>
        <location filename="../../kpass/reporting/definitions.py" line="29"/>
        <source>Aktive Pässe</source>
        <translation>Active passes</translation>
    </message>
    <message>
        <location filename="../../kpass/reporting/definitions.py" line="30"/>
        <source>Neu ausgestellt</source>
        <translation>Newly issued</translation>
    </message>
    <message>
        <location filename="../../kpass/reporting/definitions.py" line="31"/>
        <source>Verlängert</source>
        <translation>Renewed</translation>
    </message>
    <message>
        <location filename="../../kpass/reporting/definitions.py" line="32"/>
        <source>Ersatzausweise</source>
        <translation>Replacement cards</translation>
    </message>
    <message>
        <location filename="../../kpass/reporting/definitions.py" line="33"/>
        <source>Abgelehnte Personen</source>
        <translation>Persons refused</translation>
    </message>
    <message>
        <location filename="../../kpass/reporting/definitions.py" line="34"/>
        <source>Entschiedene Anträge</source>
        <translation>Applications decided</translation>
    </message>
    <message>
        <location filename="../../kpass/reporting/definitions.py" line="52"/>
        <source>Abgelehnt</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../kpass/reporting/definitions.py" line="61"/>
        <source>Stadtteil</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../kpass/reporting/definitions.py" line="62"/>
        <source>Altersgruppe</source>
        <translation>Age group</translation>
    </message>
    <message>
        <location filename="../../kpass/reporting/definitions.py" line="63"/>
        <source>Haushaltstyp</source>
        <translation>Household type</translation>
    </message>
    <message>
        <location filename="../../kpass/reporting/definitions.py" line="64"/>
        <source>Grundlage</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../../kpass/reporting/definitions.py" line="65"/>
        <source>Passart</source>
        <translation>Pass type</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/texts.py" line="38"/>
        <source>außerhalb</source>
        <translation>outside Karlsruhe</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="45"/>
        <source>Bürgergeld (SGB II)</source>
        <translation>Citizen&apos;s benefit (SGB II)</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="46"/>
        <source>Hilfe zum Lebensunterhalt (SGB XII)</source>
        <translation>Subsistence assistance (SGB XII)</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="48"/>
        <source>Grundsicherung (SGB XII)</source>
        <translation>Basic income support (SGB XII)</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="50"/>
        <source>Asylbewerberleistungen (AsylbLG)</source>
        <translation>Asylum seekers&apos; benefits (AsylbLG)</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="51"/>
        <source>Wohngeld</source>
        <translation>Housing benefit</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="52"/>
        <source>Kinderzuschlag</source>
        <translation>Child supplement</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="54"/>
        <source>Stationäre Hilfe (SGB VIII)</source>
        <translation>Residential assistance (SGB VIII)</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="61"/>
        <source>Behinderung</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="62"/>
        <source>Pflegekind</source>
        <translation>Foster child</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="63"/>
        <source>Kinderreiche Familie</source>
        <translation>Large family</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="64"/>
        <source>Einkommen</source>
        <translation>Income</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="67"/>
        <source>Karlsruher Pass</source>
        <translation>Karlsruher Pass</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="68"/>
        <source>Karlsruher Kinderpass</source>
        <translation>Karlsruher Children&apos;s Pass</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="95"/>
        <source>Alleinlebend</source>
        <translation>Living alone</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="96"/>
        <source>Alleinerziehend</source>
        <translation>Single parent</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="97"/>
        <source>Paar ohne Kinder</source>
        <translation>Couple without children</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="98"/>
        <source>Paar mit Kindern</source>
        <translation>Couple with children</translation>
    </message>
    <message>
        <location filename="../../kpass/vocabulary/terms.py" line="99"/>
        <source>Sonstige</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Hilfe nach SGB VIII (stationär)</source>
        <translation type="vanished">Youth welfare (SGB VIII, residential)</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <location filename="../../kpass/ui/search/page.py" line="88"/>
        <source>&amp;Suche nach Person</source>
        <translation>&amp;Search for a person</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/page.py" line="90"/>
        <source>Name, Geburtsdatum (TT.MM.JJJJ), Passnummer oder Straße mit Hausnummer</source>
        <translation>Name, date of birth (DD.MM.YYYY), pass number or street with house number</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/page.py" line="91"/>
        <source>Personensuche</source>
        <translation>Person search</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/page.py" line="93"/>
        <source>Namensteile in beliebiger Reihenfolge; Umlaute auch als ae, oe, ue; Passnummer ab vier Ziffern (KA-1234); Straße, z. B. Rheinstr 24</source>
        <translation>Parts of the name in any order; umlauts also as ae, oe, ue; pass number from four digits on (KA-1234); street, e.g. Rheinstr 24</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/page.py" line="95"/>
        <source>Suchergebnisse</source>
        <translation>Search results</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/page.py" line="96"/>
        <source>Anzahl der Suchergebnisse</source>
        <translation>Number of search results</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/page.py" line="97"/>
        <source>Eingabe: Ergebnisliste · Eingabe in der Liste: Haushalt öffnen · Strg+N: neuer Antrag · Strg+F: Suche · Strg+R: Verlängerungen</source>
        <translation>Enter: list of results · Enter in the list: open the household · Ctrl+N: new application · Ctrl+F: search · Ctrl+R: renewals</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/page.py" line="99"/>
        <source>Tastenkürzel</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/page.py" line="134"/>
        <source>Bitte Namen, Geburtsdatum, Passnummer oder Straße eingeben.</source>
        <translation>Please enter a name, date of birth, pass number or street.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/page.py" line="137"/>
        <source>Passnummer: bitte mindestens vier Ziffern eingeben.</source>
        <translation>Pass number: please enter at least four digits.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/page.py" line="139"/>
        <source>Keine Person gefunden.</source>
        <translation>No person found.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/page.py" line="141"/>
        <source>Mehr als %1 Treffer – bitte genauer suchen.</source>
        <translation>More than %1 matches – please search more precisely.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/search/page.py" line="143"/>
        <source>%1 Treffer</source>
        <translation>%1 matches</translation>
    </message>
    <message>
        <source>Bitte Namen oder Geburtsdatum eingeben.</source>
        <translation type="vanished">Please enter a name or a date of birth.</translation>
    </message>
    <message>
        <source>Name, Vorname, Geburtsdatum (TT.MM.JJJJ) oder Geburtsjahr</source>
        <translation type="vanished">Name, given name, date of birth (DD.MM.YYYY) or year of birth</translation>
    </message>
    <message>
        <source>Namensteile in beliebiger Reihenfolge; Umlaute auch als ae, oe, ue</source>
        <translation type="vanished">Parts of the name in any order; umlauts also as ae, oe, ue</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../kpass/ui/settings/dialog.py" line="23"/>
        <source>Die Sprache wechselt beim nächsten Start von kpass.</source>
        <translation>The language changes the next time kpass starts.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/settings/dialog.py" line="31"/>
        <source>Einstellungen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/settings/dialog.py" line="34"/>
        <source>Sprache der Oberfläche</source>
        <translation>Language of the interface</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/settings/dialog.py" line="40"/>
        <source>&amp;Sprache der Oberfläche:</source>
        <translation>&amp;Language of the interface:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/settings/dialog.py" line="45"/>
        <source>Solange %1 gesetzt ist oder kpass mit --language gestartet wird, gilt diese Angabe.</source>
        <translation>As long as %1 is set or kpass is started with --language, that setting applies.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/settings/dialog.py" line="51"/>
        <source>Ü&amp;bernehmen</source>
        <translation>&amp;Apply</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/settings/dialog.py" line="52"/>
        <source>Übernehmen</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/settings/dialog.py" line="54"/>
        <source>&amp;Abbrechen</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/settings/dialog.py" line="55"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SubjectExport</name>
    <message>
        <location filename="../../kpass/ui/household/subject_export.py" line="42"/>
        <source>Auskunft nach Art. 15 DSGVO</source>
        <translation>Subject access under Art. 15 GDPR</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/subject_export.py" line="43"/>
        <source>Auskunft über alle gespeicherten Daten von %1.

Als PDF zum Drucken oder Aushändigen (Vorschau), oder als maschinenlesbare JSON-Datei? Jede Auskunft wird im Protokoll vermerkt.</source>
        <translation>Information on all stored data of %1.

As a PDF to print or hand over (preview), or as a machine-readable JSON file? Every subject access is recorded in the audit trail.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/subject_export.py" line="49"/>
        <source>&amp;PDF-Vorschau</source>
        <translation>&amp;PDF preview</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/subject_export.py" line="50"/>
        <source>&amp;JSON-Datei speichern …</source>
        <translation>Save &amp;JSON file …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/subject_export.py" line="51"/>
        <source>&amp;Abbrechen</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/subject_export.py" line="52"/>
        <source>PDF-Vorschau der Auskunft öffnen</source>
        <translation>Open the PDF preview of the subject access</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/subject_export.py" line="53"/>
        <source>JSON-Datei der Auskunft speichern …</source>
        <translation>Save the JSON file of the subject access …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/subject_export.py" line="54"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/subject_export.py" line="71"/>
        <source>Auskunft als JSON speichern</source>
        <translation>Save subject access as JSON</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/subject_export.py" line="72"/>
        <source>JSON-Dateien (*.json)</source>
        <translation>JSON files (*.json)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/subject_export.py" line="98"/>
        <source>%1 ist noch nicht gespeichert: es gibt noch keine Daten, über die Auskunft zu geben wäre.</source>
        <translation>%1 is not saved yet: there is no stored data to give information about.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/subject_export.py" line="122"/>
        <source>Auskunft nach Art. 15 gespeichert und im Protokoll vermerkt: %1</source>
        <translation>Subject access (Art. 15) saved and recorded in the audit trail: %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/subject_export.py" line="126"/>
        <source>Auskunft Art. 15 – %1</source>
        <translation>Subject access Art. 15 – %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/subject_export.py" line="139"/>
        <source>Auskunft nach Art. 15 als JSON gespeichert und im Protokoll vermerkt: %1</source>
        <translation>Subject access (Art. 15) saved as JSON and recorded in the audit trail: %1</translation>
    </message>
</context>
<context>
    <name>TrailChecks</name>
    <message>
        <location filename="../../kpass/ui/audit/checks.py" line="63"/>
        <source>A&amp;nker:</source>
        <translation>A&amp;nchor:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/checks.py" line="64"/>
        <source>Anker (Hash aus dem Papierprotokoll)</source>
        <translation>Anchor (hash from the paper log)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/checks.py" line="65"/>
        <source>Hash aus dem Papierprotokoll (freiwillig)</source>
        <translation>Hash from the paper log (optional)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/checks.py" line="66"/>
        <source>&amp;Kette prüfen</source>
        <translation>&amp;Check chain</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/checks.py" line="68"/>
        <source>Kette prüfen: Protokoll und Register auf Veränderungen prüfen</source>
        <translation>Check chain: check the audit trail and the register for changes</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/checks.py" line="69"/>
        <source>Anker n&amp;otieren</source>
        <translation>N&amp;ote anchor</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/checks.py" line="71"/>
        <source>Anker notieren: neuestes Glied der Kette für das Papierprotokoll</source>
        <translation>Note anchor: the newest link of the chain for the paper log</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/checks.py" line="72"/>
        <source>Prüfergebnis</source>
        <translation>Check result</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/audit/checks.py" line="78"/>
        <source>Die Kette wird geprüft …</source>
        <translation>Checking the chain …</translation>
    </message>
</context>
<context>
    <name>VoucherActions</name>
    <message>
        <location filename="../../kpass/ui/household/voucher_actions.py" line="45"/>
        <source>60plus-Gutscheine ausgeben</source>
        <translation>Hand out 60plus vouchers</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/voucher_actions.py" line="46"/>
        <source>%1 erhält die 60plus-Gutscheine %2 über %3?</source>
        <translation>Hand out the 60plus vouchers %2 worth %3 to %1?</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/voucher_actions.py" line="51"/>
        <source>Pass %1. Die Gutscheine gibt es einmal je Kalenderjahr. Danach öffnet sich die Empfangsbestätigung zum Drucken und Unterschreiben.</source>
        <translation>Pass %1. The vouchers are given once per calendar year. Then the receipt opens for printing and signing.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/voucher_actions.py" line="54"/>
        <source>Aus&amp;geben</source>
        <translation>&amp;Hand out</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/voucher_actions.py" line="56"/>
        <source>Gutscheine ausgeben</source>
        <translation>Hand out vouchers</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/voucher_actions.py" line="57"/>
        <source>&amp;Abbrechen</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/voucher_actions.py" line="59"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/voucher_actions.py" line="83"/>
        <source>%1 ist noch nicht gespeichert: bitte zuerst den Haushalt speichern.</source>
        <translation>%1 is not saved yet: please save the household first.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/voucher_actions.py" line="108"/>
        <source>60plus-Gutscheine %1 an %2 ausgegeben (%3).</source>
        <translation>60plus vouchers %1 handed out to %2 (%3).</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/household/voucher_actions.py" line="126"/>
        <source>Empfangsbestätigung 60plus-Gutscheine – %1</source>
        <translation>Receipt for 60plus vouchers – %1</translation>
    </message>
</context>
<context>
    <name>VoucherListDialog</name>
    <message>
        <location filename="../../kpass/ui/vouchers/list_dialog.py" line="66"/>
        <source>CSV-Dateien (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/vouchers/list_dialog.py" line="66"/>
        <source>Excel-Arbeitsmappen (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/vouchers/list_dialog.py" line="67"/>
        <source>Gutscheinliste speichern</source>
        <translation>Save voucher list</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/vouchers/list_dialog.py" line="86"/>
        <source>Gutscheinliste für die Buchhaltung</source>
        <translation>Voucher list for accounting</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/vouchers/list_dialog.py" line="87"/>
        <source>Die 60plus-Gutscheine, die in einem Monat ausgegeben wurden: Ausgabetag, Passnummer, Name und Betrag, als Datei für die Buchhaltung. Das Speichern wird im Protokoll vermerkt.</source>
        <translation>The 60plus vouchers handed out in a month: day handed out, pass number, name and amount, as a file for accounting. Saving is recorded in the audit trail.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/vouchers/list_dialog.py" line="94"/>
        <source>Monat</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/vouchers/list_dialog.py" line="100"/>
        <source>Jahr</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/vouchers/list_dialog.py" line="104"/>
        <source>&amp;XLSX (Excel-Arbeitsmappe)</source>
        <translation>&amp;XLSX (Excel workbook)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/vouchers/list_dialog.py" line="106"/>
        <source>XLSX (Excel-Arbeitsmappe)</source>
        <translation>XLSX (Excel workbook)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/vouchers/list_dialog.py" line="107"/>
        <source>&amp;CSV (Semikolon, für Excel)</source>
        <translation>&amp;CSV (semicolon, for Excel)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/vouchers/list_dialog.py" line="109"/>
        <source>CSV (Semikolon, für Excel)</source>
        <translation>CSV (semicolon, for Excel)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/vouchers/list_dialog.py" line="115"/>
        <source>Meldung zur Gutscheinliste</source>
        <translation>Message on the voucher list</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/vouchers/list_dialog.py" line="117"/>
        <source>&amp;Speichern unter …</source>
        <translation>&amp;Save as …</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/vouchers/list_dialog.py" line="119"/>
        <source>Speichern unter … (Liste des gewählten Monats)</source>
        <translation>Save as … (list of the chosen month)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/vouchers/list_dialog.py" line="121"/>
        <source>Schl&amp;ießen</source>
        <translation>C&amp;lose</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/vouchers/list_dialog.py" line="123"/>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/vouchers/list_dialog.py" line="127"/>
        <source>&amp;Monat:</source>
        <translation>&amp;Month:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/vouchers/list_dialog.py" line="129"/>
        <source>&amp;Jahr:</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/vouchers/list_dialog.py" line="140"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/vouchers/list_dialog.py" line="184"/>
        <source>Liste für %1 %2 gespeichert: %3</source>
        <translation>List for %1 %2 saved: %3</translation>
    </message>
</context>
<context>
    <name>WhatIfPanel</name>
    <message>
        <location filename="../../kpass/ui/dashboard/what_if_panel.py" line="188"/>
        <source>Was wäre, wenn die Einkommensgrenze anders wäre?</source>
        <translation>What if the income limit were different?</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/what_if_panel.py" line="190"/>
        <source>Jeder Haushalt mit einer Entscheidung in den zwölf Monaten vor dem Stichtag wird mit der geltenden und mit der neuen Grenze geprüft. Es wird nichts gespeichert und nichts geändert.</source>
        <translation>Every household with a decision in the twelve months before the reference date is tested against the limit in force and against the new limit. Nothing is saved and nothing is changed.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/what_if_panel.py" line="196"/>
        <source>Neue Einkommens&amp;grenze:</source>
        <translation>New income &amp;limit:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/what_if_panel.py" line="197"/>
        <source>Neue Einkommensgrenze in Euro</source>
        <translation>New income limit in euros</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/what_if_panel.py" line="199"/>
        <source>Nettoäquivalenzeinkommen pro Monat, z. B. 1.430,00 €</source>
        <translation>Net equivalised income per month, e.g. 1.430,00 €</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/what_if_panel.py" line="201"/>
        <source>z. B. 1.430,00 €</source>
        <translation>e.g. 1.430,00 €</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/what_if_panel.py" line="202"/>
        <source>Meldung zur Einkommensgrenze</source>
        <translation>Message about the income limit</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/what_if_panel.py" line="203"/>
        <source>&amp;Stichtag:</source>
        <translation>Reference &amp;date:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/what_if_panel.py" line="204"/>
        <source>Stichtag der Berechnung</source>
        <translation>Reference date of the calculation</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/what_if_panel.py" line="205"/>
        <source>Meldung zum Stichtag</source>
        <translation>Message about the reference date</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/what_if_panel.py" line="206"/>
        <source>&amp;Berechnen</source>
        <translation>C&amp;alculate</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/what_if_panel.py" line="207"/>
        <source>Auswirkung berechnen</source>
        <translation>Calculate the effect</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/what_if_panel.py" line="208"/>
        <source>für Sozialplanung (ge&amp;heimhalten)</source>
        <translation>for Social Planning (&amp;suppress small numbers)</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/what_if_panel.py" line="210"/>
        <source>Ansicht für Sozialplanung mit Geheimhaltung kleiner Zahlen</source>
        <translation>View for Social Planning with small numbers suppressed</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/what_if_panel.py" line="212"/>
        <source>Ergebnis</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/what_if_panel.py" line="214"/>
        <source>Grenze bisher → neu:</source>
        <translation>Limit so far → new:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/what_if_panel.py" line="215"/>
        <source>Betrachtete Haushalte:</source>
        <translation>Households considered:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/what_if_panel.py" line="216"/>
        <source>Betrachtete Personen:</source>
        <translation>Persons considered:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/what_if_panel.py" line="217"/>
        <source>Berechtigt bisher → neu:</source>
        <translation>Eligible so far → new:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/what_if_panel.py" line="218"/>
        <source>Neu berechtigt:</source>
        <translation>Newly eligible:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/what_if_panel.py" line="219"/>
        <source>Nicht mehr berechtigt:</source>
        <translation>No longer eligible:</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/what_if_panel.py" line="224"/>
        <source>Nach Stadtteil und Altersgruppe</source>
        <translation>By district and age group</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/what_if_panel.py" line="226"/>
        <source>Neu und nicht mehr berechtigte Personen nach Stadtteil und Altersgruppe</source>
        <translation>Newly and no longer eligible persons by district and age group</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/what_if_panel.py" line="255"/>
        <source>Die Einkommensgrenze muss größer als 0 € sein.</source>
        <translation>The income limit must be more than 0 €.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/what_if_panel.py" line="261"/>
        <source>Bitte eine Einkommensgrenze in Euro eingeben, z. B. 1.430,00 €.</source>
        <translation>Please enter an income limit in euros, e.g. 1.430,00 €.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/what_if_panel.py" line="276"/>
        <source>Am Stichtag gilt kein Regelwerk.</source>
        <translation>No rule set is in force on the reference date.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/what_if_panel.py" line="279"/>
        <source>Am Stichtag gilt: %1</source>
        <translation>In force on the reference date: %1</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/what_if_panel.py" line="332"/>
        <source>Noch nicht berechnet.</source>
        <translation>Not calculated yet.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/what_if_panel.py" line="353"/>
        <source>Exakte Zahlen – nur für den Dienstgebrauch.</source>
        <translation>Exact figures – for official use only.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/what_if_panel.py" line="356"/>
        <source>Geheimgehalten wie im Export an die Sozialplanung: Zahlen von 1 bis 4 und Zellen, aus denen sie sich errechnen ließen, stehen als „·“.</source>
        <translation>Suppressed as in the export to Social Planning: numbers from 1 to 4, and cells from which they could be worked out, are shown as “·”.</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/what_if_panel.py" line="369"/>
        <source>Stadtteil</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/what_if_panel.py" line="370"/>
        <source>Altersgruppe</source>
        <translation>Age group</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/what_if_panel.py" line="371"/>
        <source>Neu berechtigt</source>
        <translation>Newly eligible</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/what_if_panel.py" line="372"/>
        <source>Nicht mehr berechtigt</source>
        <translation>No longer eligible</translation>
    </message>
    <message>
        <location filename="../../kpass/ui/dashboard/what_if_panel.py" line="397"/>
        <source>Insgesamt</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>„%1“ ist kein Eurobetrag. Bitte so eingeben: 1.430,00 €.</source>
        <translation type="vanished">“%1” is not an amount in euros. Please enter it like this: 1.430,00 €.</translation>
    </message>
</context>
</TS>
