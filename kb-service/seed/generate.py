#!/usr/bin/env python3
"""Generates knowledge-base articles about the fictional IT-management suite "Nimbus" from seed/topics.py.

  seed mode (default): the demo corpus kb-service loads when DEMO_DATA=true, written to
      kb-service/src/main/resources/seed/articles.jsonl.gz. Reproducible: same input, byte-identical output.
      Ids are readable and stable (kb-<topic>-<language>-<n>, kb-<topic>-<language>-internal); the judged
      search queries refer to them.
  bench mode (--bench N): N articles for bench/kb-search, ids bench-<n>, with more varied filler text,
      host names and build numbers so the term dictionary grows like a real corpus; JSON lines on stdout.

One JSON object per line: id, title, body (Markdown), language, products [{name, versions}], platforms,
category, tags, visibility (PUBLIC/INTERNAL).
"""
import argparse
import gzip
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from topics import EXTRA_NOTES, INTERNAL, PLATFORM_NOTES, TOPICS, VERSIONS  # noqa: E402

VARIANTS = 4
HEAD = {"en": ("Applies to", "Symptom", "Error message", "Cause", "Resolution", "Notes"),
        "de": ("Gilt für", "Symptom", "Fehlermeldung", "Ursache", "Lösung", "Hinweise")}
PLATFORM_NAMES = {"windows": "Windows", "linux": "Linux", "macos": "macOS", "ios": "iOS", "android": "Android"}
TITLE_SUFFIX = {"en": ["", " on {platform}", " (version {version})", " – {platform}"],
                "de": ["", " unter {platform}", " (Version {version})", " – {platform}"]}


def fill(template, rnd):
    return template.format(mins=rnd.choice([12, 35, 90, 240, 1440]), pct=rnd.choice([45, 70, 95, 100]),
                           n=rnd.choice([3, 7, 14, 50, 250]), date=rnd.choice(["2026-03-31", "2026-06-30", "2026-09-30"]),
                           code=rnd.choice([1, 2, 1618, 1619, 3010]))


def article(topic, lang, variant, rnd, filler=None):
    text = topic[lang]
    platforms = topic["platforms"]
    platform = platforms[variant % len(platforms)]
    versions = VERSIONS[topic["product"]]
    first = rnd.randrange(len(versions))
    applies = versions[first:first + rnd.choice([1, 2, 3])]
    suffix = TITLE_SUFFIX[lang][variant % len(TITLE_SUFFIX[lang])]
    title = text["titles"][variant % len(text["titles"])] + suffix.format(
        platform=PLATFORM_NAMES[platform], version=applies[-1])
    head = HEAD[lang]
    steps = list(text["steps"])
    if variant % 2 == 1 and len(steps) > 3:
        steps = steps[:-1]  # a shorter variant, as older articles often are
    body = [f"**{head[0]}:** {topic['product']} {', '.join(applies)} · {PLATFORM_NAMES[platform]}", "",
            f"## {head[1]}", text["symptom"], ""]
    if topic.get("error"):
        body += [f"{head[2]}:", "", f"```\n{fill(topic['error'], rnd)}\n```", ""]
    body += [f"## {head[3]}", text["cause"], "", f"## {head[4]}"]
    body += [f"{i}. {step}" for i, step in enumerate(steps, 1)]
    body += ["", PLATFORM_NOTES[lang][platform]]
    notes = rnd.sample(EXTRA_NOTES[lang], rnd.choice([1, 2]))
    if filler:
        notes += filler
    body += ["", f"## {head[5]}"] + [f"- {n}" for n in notes]
    tags = list(topic["tags"]) + [platform]
    return dict(title=title, body="\n".join(body), language=lang,
                products=[dict(name=topic["product"], versions=applies)], platforms=[platform],
                category=topic["category"], tags=tags, visibility="PUBLIC")


def internal(topic, lang):
    title_t, body = INTERNAL[lang]
    title = title_t.format(title=topic[lang]["titles"][0])
    return dict(title=title, body=body + "\n\n" + topic[lang]["cause"], language=lang,
                products=[dict(name=topic["product"], versions=[])], platforms=list(topic["platforms"]),
                category=topic["category"], tags=list(topic["tags"]) + ["internal"], visibility="INTERNAL")


def seed():
    rnd = random.Random(42)
    for t, topic in enumerate(TOPICS):
        for lang in ("en", "de"):
            for v in range(VARIANTS):
                yield dict(id=f"kb-{topic['key']}-{lang}-{v + 1}", **article(topic, lang, v, rnd))
            if t % 3 == 0:
                yield dict(id=f"kb-{topic['key']}-{lang}-internal", **internal(topic, lang))


def bench(count, seed_value):
    rnd = random.Random(seed_value)
    sites = ["fra", "muc", "ber", "ham", "vie", "zrh", "lon", "nyc", "sin", "par"]
    for n in range(count):
        topic = TOPICS[rnd.randrange(len(TOPICS))]
        lang = "de" if rnd.random() < 0.5 else "en"
        # Ticket-like detail lines: host names, build numbers and KB references make the vocabulary large.
        filler = []
        for _ in range(rnd.randint(1, 4)):
            host = f"{rnd.choice(['srv', 'nb', 'pc', 'ws', 'vm'])}-{rnd.choice(sites)}-{rnd.randint(1, 9999):04d}"
            build = f"{rnd.choice(VERSIONS[topic['product']])}.{rnd.randint(1000, 9999)}"
            ref = f"KB{rnd.randint(100000, 999999)}"
            filler.append((f"Seen on {host} with build {build}, see {ref}." if lang == "en"
                           else f"Beobachtet auf {host} mit Build {build}, siehe {ref}."))
        filler += rnd.sample(EXTRA_NOTES[lang], 2)
        doc = article(topic, lang, rnd.randrange(VARIANTS), rnd, filler)
        if rnd.random() < 0.1:
            doc["visibility"] = "INTERNAL"
        yield dict(id=f"bench-{n + 1:06d}", **doc)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", type=int, metavar="N", help="write N benchmark articles to stdout")
    parser.add_argument("--seed", type=int, default=7, help="random seed of bench mode")
    args = parser.parse_args()
    if args.bench:
        for doc in bench(args.bench, args.seed):
            sys.stdout.write(json.dumps(doc, ensure_ascii=False) + "\n")
        return
    target = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "main", "resources", "seed",
                          "articles.jsonl.gz")
    os.makedirs(os.path.dirname(target), exist_ok=True)
    docs = list(seed())
    with open(target, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as out:
        for doc in docs:
            out.write((json.dumps(doc, ensure_ascii=False) + "\n").encode("utf-8"))
    print(f"{len(docs)} articles -> {os.path.normpath(target)}")


if __name__ == "__main__":
    main()
