#!/usr/bin/env python3
"""Writes a corpus of nasty inputs (and a few good ones) for claimgraph's reliability tests.

Usage: tools/make_nasty_corpus.py OUTDIR [--seed S] [--big-mb 50]

OUTDIR/articles/  inputs for `ingest` / `extract` (text, Markdown, HTML, JSON Lines)
OUTDIR/triples/   inputs for `import` (triples JSON Lines)
OUTDIR/manifest.json  for every file: "good" (stored whole), "bad" (refused with a
    message naming it and the reason), or "mixed" (a JSON Lines file whose bad lines
    are refused one by one and whose good lines are stored), with the expected
    reason pattern for bad ones and the number of good articles or triples.

Deterministic: the same seed and size give the same bytes. Standard library only.
"""

import argparse
import json
import os
import random

CYRILLIC = "Президент Владимир Путин пригласил министров иностранных дел Азербайджана и Армении в Москву."
CJK = "习近平主席周五在北京会见了日本首相。東京の外務省は声明を発表した。서울에서 회담이 열렸다."
RTL = "\u05e8\u05d0\u05e9 \u05d4\u05de\u05de\u05e9\u05dc\u05d4 \u05e0\u05e4\u05d2\u05e9 \u05e2\u05dd \u05e9\u05e8 \u05d4\u05d7\u05d5\u05e5. " \
      "\u200f\u0627\u0644\u0631\u0626\u064a\u0633 \u0627\u0644\u0645\u0635\u0631\u064a \u0627\u0633\u062a\u0642\u0628\u0644 " \
      "\u0648\u0632\u064a\u0631 \u0627\u0644\u062e\u0627\u0631\u062c\u064a\u0629 \u0641\u064a \u0627\u0644\u0642\u0627\u0647\u0631\u0629.\u200e"
# Names that break naive XML, CSV, SQL, DOT, JSON and shell handling.
SPECIAL_NAMES = [
    "Robert'); DROP TABLE entities;--",
    "O'Brien & <Sons> \"Quoted\", Ltd.",
    "a,b,\"c\"\nd",
    "]]><!-- -->&amp;&#0;&lt;",
    "\\\"}\"; DELETE FROM triples; --",
    "1 OR 1=1",
    "tab\there;semi;colon",
    "Zoë Ünïcødé ∑ 🙂",
    "Путин",
    "习近平",
    "\u05e0\u05ea\u05e0\u05d9\u05d4\u05d5",
    "\u202eevil\u202c reversed",
    "null",
    "{\"id\": 1}",
    "$(rm -rf /) `id`",
    "\u0001control\u001fchars\u007f",
    "digraph { a -> b }",
    ":START_ID,:END_ID",
]


def good_text(rng, n):
    people = ["Mara Holt", "Ivan Petrov", "Leila Haddad", "Chen Wei", "Kofi Mensah", "Sofía Ruiz"]
    places = ["Geneva", "Moscow", "Baku", "Yerevan", "Nairobi", "Lima"]
    verbs = ["met", "visited", "criticized", "praised", "called"]
    lines = [f"Report number {n}", ""]
    for _ in range(rng.randint(3, 8)):
        lines.append(f"{rng.choice(people)} {rng.choice(verbs)} {rng.choice(people)} in {rng.choice(places)} "
                     f"on {rng.choice(['Monday', 'Friday', 'Sept. 3'])}.")
    return "\n".join(lines) + "\n"


def triple_line(rng, subject, obj, **extra):
    line = {"subject": subject, "subject_type": "PERSON", "predicate": rng.choice(["met", "criticized", "praised"]),
            "object": obj, "object_type": "ORG", "sentence": f"{subject} met {obj}.", "confidence": 0.5}
    line.update(extra)
    return json.dumps(line, ensure_ascii=False)


class Corpus:
    def __init__(self, out, rng):
        self.out = out
        self.rng = rng
        self.manifest = {}

    def add(self, folder, name, data, kind, reason=None, good=0):
        path = os.path.join(self.out, folder, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        mode = "wb" if isinstance(data, bytes) else "w"
        with open(path, mode, **({} if isinstance(data, bytes) else {"encoding": "utf-8", "newline": ""})) as f:
            f.write(data)
        self.manifest[os.path.join(folder, name)] = {"kind": kind, "reason": reason, "good": good}


def make_articles(c, rng, big_mb):
    a = "articles"
    for n in range(6):
        c.add(a, f"good-{n}.txt", good_text(rng, n), "good", good=1)
    c.add(a, "cyrillic.txt", CYRILLIC + "\n" + CYRILLIC.replace("Москву", "Баку") + "\n", "good", good=1)
    c.add(a, "cjk.txt", CJK + "\n", "good", good=1)
    c.add(a, "rtl.txt", RTL + "\n", "good", good=1)
    c.add(a, "mixed-scripts.md", f"# Заголовок 标题\n\n{CYRILLIC} {CJK}\n\n* {RTL}\n", "good", good=1)
    c.add(a, "long-sentence.txt",
          " ".join(rng.choice(["the", "minister", "said", "that", "Moscow", "and", "Baku", "would", "talk"])
                   for _ in range(10_000)) + ".\n", "good", good=1)
    c.add(a, "special-names.txt", "\n".join(f"{name} met {SPECIAL_NAMES[(i + 1) % len(SPECIAL_NAMES)]} today."
                                            for i, name in enumerate(SPECIAL_NAMES)
                                            if "\u0001" not in name) + "\n", "good", good=1)
    c.add(a, "scripts-and-entities.html",
          "<!DOCTYPE html><html><head><title>A &amp; B &lt;live&gt;</title><script>document.write('<p>not text</p>');"
          "</script><style>p{}</style></head><body><p>Caf&eacute; &#233;&#xe9; &#0; &#x110000; &#xD800; &bogus; &amp"
          " talks &quot;ended&quot; &#8212; O&#39;Brien said.</p><script src=x></script><!-- <p>comment</p> -->"
          "<p onclick=\"alert(1)\">Second <b>bold <i>unclosed</p><div><![CDATA[ raw ]]></div><p>Third.</body>",
          "good", good=1)
    c.add(a, "unclosed.html", "<html><body><p>Text before an unclosed <script>tag that never ends", "good", good=1)
    c.add(a, "crlf-bom.txt", "\ufeffTitle\r\n\r\nMara Holt met Ivan Petrov.\r\nLone CR line.\rEnd.\r\n", "good", good=1)

    c.add(a, "empty.txt", b"", "bad", "empty file")
    c.add(a, "whitespace.txt", " \t\n\n   \r\n\u3000\n", "bad", "no text")
    c.add(a, "whitespace-only.md", "\n\n   \n", "bad", "no text")
    c.add(a, "random.bin", bytes(rng.getrandbits(8) for _ in range(4096)), "bad", "binary|not valid UTF-8")
    c.add(a, "elf-header.txt", b"\x7fELF\x02\x01\x01" + bytes(200), "bad", "binary")
    c.add(a, "nul-bytes.txt", b"Mara Holt met\x00 Ivan Petrov.\n", "bad", "NUL")
    c.add(a, "latin1.txt", "Caf\u00e9 society met in M\u00fcnchen.\n".encode("latin-1"), "bad", "not valid UTF-8")
    c.add(a, "truncated-utf8.txt", "Good start ".encode() + "ж".encode()[:1], "bad", "not valid UTF-8")
    c.add(a, "overlong-utf8.txt", b"Overlong slash \xc0\xaf here.\n", "bad", "not valid UTF-8")
    c.add(a, "surrogate-utf8.txt", b"Encoded surrogate \xed\xa0\x80 here.\n", "bad", "not valid UTF-8")
    c.add(a, "utf16.txt", "Mara Holt met Ivan Petrov.\n".encode("utf-16"), "bad", "UTF-16")
    c.add(a, "script-only.html", "<html><script>var x = '<p>hidden</p>';</script><style>b{}</style></html>",
          "bad", "no text")
    # One line of big_mb megabytes: over the default 20 MB limit.
    word = "word "
    c.add(a, "huge-line.txt", (word * (big_mb * 1024 * 1024 // len(word))).encode(), "bad", "too large")

    lines = [
        json.dumps({"id": "ok-1", "title": "Fine", "text": good_text(rng, 100)}),
        "{not json",
        json.dumps({"id": "no-text"}),
        json.dumps({"id": 7, "title": ["wrong", "type"], "text": "Typed wrong."}),
        json.dumps({"id": "null-text", "text": None}),
        json.dumps({"id": "blank-text", "text": "   "}),
        json.dumps(["an", "array"]),
        "42",
        '{"id": "dup", "id": "dup2", "text": "Duplicate keys are allowed by JSON."}',
        json.dumps({"id": "ok-2", "title": "Кириллица", "text": CYRILLIC, "url": 5}),
        json.dumps({"id": "ok-3", "title": "CJK", "text": CJK, "published": "2024-01-01"}),
        '{"id": "bad-escape", "text": "lone surrogate \\ud800 here"}',
        "[" * 20000 + "]" * 20000,
        '{"id": "trailing", "text": "x"} garbage',
        "",
        json.dumps({"id": "ok-4", "text": "Mara Holt met Ivan Petrov.\u0000 After a NUL escape."}),
    ]
    # good lines: ok-1, dup, ok-3 (ok-2 has a number url, 7 an array title, ok-4 a NUL in its text)
    c.add(a, "articles.jsonl", "\n".join(lines) + "\n", "mixed", "line", good=3)
    c.add(a, "latin1-line.jsonl", json.dumps({"text": "fine"}).encode() + b"\n" +
          b'{"text": "caf\xe9"}\n', "mixed", "not valid UTF-8", good=1)


def make_triples(c, rng, big_mb):
    t = "triples"
    for n in range(4):
        c.add(t, f"good-{n}.jsonl", "\n".join(triple_line(rng, f"Person {n} {i}", f"Org {i % 3}")
                                              for i in range(20)) + "\n", "good", good=20)
    special = [triple_line(rng, name, SPECIAL_NAMES[(i + 3) % len(SPECIAL_NAMES)],
                           subject_aliases=[name[::-1], name.upper()], attributed_to=name, time="on <Friday> & \"then\"",
                           place="a,b;c")
               for i, name in enumerate(SPECIAL_NAMES)]
    special.append(triple_line(rng, "Путин", "习近平", predicate="встретился с",
                               sentence=RTL, modality="may"))
    c.add(t, "special-names.jsonl", "\n".join(special) + "\n", "good", good=len(special))
    c.add(t, "unicode-predicates.jsonl", "\n".join([
        triple_line(rng, "A", "B", predicate="<b>&amp;</b>"),
        triple_line(rng, "A", "B", predicate="]]>"),
        triple_line(rng, "A", "B", predicate="x\"y'z`"),
        triple_line(rng, "A", "B", predicate="行く"),
        triple_line(rng, "A", "B", predicate="\u202e\u05d0"),
    ]) + "\n", "good", good=5)

    c.add(t, "empty.jsonl", b"", "bad", "no triples|empty")
    c.add(t, "whitespace.jsonl", "  \n\t\n", "bad", "no triples|empty|white")
    c.add(t, "random.bin", bytes(rng.getrandbits(8) for _ in range(4096)), "bad", "line|UTF-8|JSON")
    c.add(t, "nul.jsonl", b'{"subject": "a\x00b", "predicate": "p", "object": "o"}\n', "bad", "line")
    c.add(t, "latin1.jsonl", '{"subject": "Caf\u00e9", "predicate": "p", "object": "o"}\n'.encode("latin-1"),
          "bad", "line")
    bad_lines = [
        triple_line(rng, "Good", "Line"),
        "{truncated",
        json.dumps({"predicate": "p", "object": "o"}),
        json.dumps({"subject": 5, "predicate": "p", "object": "o"}),
        json.dumps({"subject": "s", "predicate": "", "object": "o"}),
        json.dumps({"subject": "s", "predicate": "p", "object": "o", "confidence": "high"}),
        json.dumps({"subject": "s", "predicate": "p", "object": "o", "confidence": 2.5}),
        json.dumps({"subject": "s", "predicate": "p", "object": "o", "negated": "yes"}),
        json.dumps({"subject": "s", "predicate": "p", "object": "o", "subject_type": "ALIEN"}),
        json.dumps({"subject": "s", "predicate": "p", "object": "o", "subject_aliases": "not-a-list"}),
        json.dumps({"subject": "s", "predicate": "p", "object": "o", "subject_aliases": [1, None]}),
        '{"subject": "s", "predicate": "p", "object": "o", "confidence": 1e999}',
        '{"subject": "\\ud800", "predicate": "p", "object": "o"}',
        "[" * 20000 + "]" * 20000,
        "null",
    ]
    c.add(t, "malformed.jsonl", "\n".join(bad_lines) + "\n", "bad", "line")
    c.add(t, "huge-line.jsonl", ('{"subject": "' + "x" * (big_mb * 1024 * 1024) + '", "predicate": "p", "object": "o"}\n')
          .encode(), "bad", "too large")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--big-mb", type=int, default=50, help="size of the one-line files (default 50)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    corpus = Corpus(args.out, rng)
    make_articles(corpus, rng, args.big_mb)
    make_triples(corpus, rng, args.big_mb)
    with open(os.path.join(args.out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(corpus.manifest, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
