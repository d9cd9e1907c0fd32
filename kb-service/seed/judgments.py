#!/usr/bin/env python3
"""Writes the judged search queries: kb-service/src/test/resources/search-quality/queries.jsonl.

Queries are written the way customers type them (short, lower case, typos, their own words, error codes pasted
from a dialog), not copied from titles. Judgment: an article is relevant (grade 2) when it is a public article
about the problem the query describes, in the query's language; the same problem's articles in the other
language are partly relevant (grade 1: a German customer is helped by the English article, less so). Ids are
listed explicitly per query; this script only expands the topic keys against the seed corpus.
"""
import gzip
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

# (query, language of the query, topics it is about)
QUERIES = [
    ("agent offline", "en", ["agent-offline"]),
    ("computer shows offline in console but is on", "en", ["agent-offline"]),
    ("device not reporting to server firewall port 443", "en", ["agent-offline"]),
    ("agnet ofline", "en", ["agent-offline"]),
    ("agent offline after windows update", "en", ["agent-offline-after-update"]),
    ("after macos upgrade devices dont connect anymore", "en", ["agent-offline-after-update"]),
    ("error 1603 agent setup", "en", ["agent-install-fails"]),
    ("cant install agent on new pc", "en", ["agent-install-fails"]),
    ("agent uses 100% cpu", "en", ["agent-high-cpu"]),
    ("tls handshake failed certificate expired", "en", ["agent-certificate-expired"]),
    ("0x80070005 patch", "en", ["patch-deploy-access-denied"]),
    ("patches fail access denied", "en", ["patch-deploy-access-denied"]),
    ("patch stuck pending reboot", "en", ["patch-stuck-pending"]),
    ("install updates outside business hours", "en", ["patch-maintenance-window"]),
    ("chrome updates not offered", "en", ["patch-third-party"]),
    ("update fails not enough space", "en", ["patch-disk-space"]),
    ("backup failed target full", "en", ["backup-failed-disk-full"]),
    ("backup job fails shadow copy vss", "en", ["backup-vss-error"]),
    ("restore takes forever", "en", ["backup-restore-slow"]),
    ("backup to nas wrong password", "en", ["backup-credentials"]),
    ("cloud backup upload timeout", "en", ["backup-cloud-upload"]),
    ("remote control wont connect", "en", ["remote-cannot-connect"]),
    ("remote session black screen mac", "en", ["remote-black-screen"]),
    ("unattended access without user confirmation", "en", ["remote-consent"]),
    ("licence invalid after upgrade", "en", ["license-check-fails"]),
    ("license limit reached cannot add devices", "en", ["license-seats-exceeded"]),
    ("subscription expired backup stopped", "en", ["license-expired"]),
    ("software missing in inventory", "en", ["inventory-missing-software"]),
    ("duplicate computers after cloning image", "en", ["inventory-duplicate-devices"]),
    ("list of all pcs with ram and disk", "en", ["inventory-hardware-report"]),
    ("software package install exit code", "en", ["software-distribution-fails"]),
    ("uninstall app from all computers", "en", ["software-uninstall"]),
    ("sso login redirect uri error", "en", ["console-login-sso"]),
    ("lost phone with authenticator", "en", ["console-2fa"]),
    ("no alert emails smtp", "en", ["alerts-email-not-sent"]),
    ("bitlocker recovery key", "en", ["encryption-bitlocker"]),
    ("virus definitons outdated", "en", ["antivirus-definitions"]),
    ("api 401 unauthorized", "en", ["api-token"]),
    ("wake on lan not working", "en", ["wake-on-lan"]),
    ("\"black screen\"", "en", ["remote-black-screen"]),
    ("agent offline", "de", ["agent-offline"]),
    ("gerät wird als offline angezeigt obwohl es an ist", "de", ["agent-offline"]),
    ("agent meldet sich nicht mehr firewall", "de", ["agent-offline"]),
    ("agent nach windows update offline", "de", ["agent-offline-after-update"]),
    ("installation agent fehler 1603", "de", ["agent-install-fails"]),
    ("agent hohe cpu auslastung rechner langsam", "de", ["agent-high-cpu"]),
    ("zertifikat abgelaufen agenten verbinden nicht", "de", ["agent-certificate-expired"]),
    ("patchverteilung zugriff verweigert", "de", ["patch-deploy-access-denied"]),
    ("patch hängt ausstehend neustart", "de", ["patch-stuck-pending"]),
    ("updates nachts installieren wartungsfenster", "de", ["patch-maintenance-window"]),
    ("sicherung fehlgeschlagen", "de", ["backup-failed-disk-full", "backup-vss-error"]),
    ("backup ziel voll", "de", ["backup-failed-disk-full"]),
    ("sicherung speicherplatz voll", "de", ["backup-failed-disk-full"]),
    ("schattenkopie fehler bei backup", "de", ["backup-vss-error"]),
    ("wiederherstellung dauert stunden", "de", ["backup-restore-slow"]),
    ("sicherung nas kennwort falsch", "de", ["backup-credentials"]),
    ("fernwartung verbindet nicht", "de", ["remote-cannot-connect"]),
    ("fernsteurung schwarzer bildschirm", "de", ["remote-black-screen"]),
    ("dateiübertragung bricht ab fernsitzung", "de", ["remote-file-transfer"]),
    ("lizenz ungültig nach update", "de", ["license-check-fails"]),
    ("lizensprüfung fehlgeschlagen", "de", ["license-check-fails"]),
    ("keine lizenzen mehr frei neue geräte", "de", ["license-seats-exceeded"]),
    ("abo abgelaufen", "de", ["license-expired"]),
    ("software fehlt im inventar", "de", ["inventory-missing-software"]),
    ("geräte doppelt nach klonen", "de", ["inventory-duplicate-devices"]),
    ("softwarepaket installation fehlgeschlagen exitcode", "de", ["software-distribution-fails"]),
    ("außenstelle leitung voll softwareverteilung", "de", ["software-distribution-slow"]),
    ("konsole sehr langsam", "de", ["console-slow"]),
    ("zwei faktor code wird nicht akzeptiert", "de", ["console-2fa"]),
    ("alarm mails kommen nicht an", "de", ["alerts-email-not-sent"]),
    ("festplattenplatz überwachen warnung", "de", ["monitoring-disk-alert"]),
    ("iphone registrierung geht nicht", "de", ["mobile-enrollment"]),
    ("bitlocker wiederherstellungsschluessel", "de", ["encryption-bitlocker"]),
    ("druckertreiber verteilen blockiert", "de", ["printer-deployment"]),
    ("serverupgrade datenbank bleibt stehen", "de", ["server-upgrade"]),
]


def main():
    corpus = os.path.join(HERE, "..", "src", "main", "resources", "seed", "articles.jsonl.gz")
    by_topic = {}
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        for line in lines:
            doc = json.loads(line)
            if doc["visibility"] != "PUBLIC":
                continue
            topic = doc["id"][3:].rsplit("-", 2)[0]
            by_topic.setdefault((topic, doc["language"]), []).append(doc["id"])
    target = os.path.join(HERE, "..", "src", "test", "resources", "search-quality", "queries.jsonl")
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w", encoding="utf-8") as out:
        for q, lang, topics in QUERIES:
            other = "de" if lang == "en" else "en"
            relevant = [i for t in topics for i in by_topic[(t, lang)]]
            partly = [i for t in topics for i in by_topic[(t, other)]]
            out.write(json.dumps(dict(q=q, language=lang, relevant=relevant, partlyRelevant=partly),
                                 ensure_ascii=False) + "\n")
    print(f"{len(QUERIES)} queries -> {os.path.normpath(target)}")


if __name__ == "__main__":
    main()
