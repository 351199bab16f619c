#!/usr/bin/env python3
"""Bad input in a batch with good input: nothing crashes, every bad file is named
with its reason, the good ones are stored, the exit code says "some inputs
failed", the database passes integrity_check and its exports validate.

Usage: bad_inputs.py CLAIMGRAPH CLAIMGRAPH_FAKE MAKE_NASTY_CORPUS [--big-mb N]

The corpus comes from tools/make_nasty_corpus.py (its manifest says which files
are good, bad or mixed, and why). Articles go through `ingest` (the real one when
the extractor works, else claimgraph_fake: see common.ingest_command), triples
through `import`. Also checks the limits: --max-file-mb refuses and reports a
big file and lets it through when raised, --max-sentence-bytes is reported.
"""

import argparse
import json
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Checks, document_contents, ingest_command, integrity, query, run, text, validate_exports  # noqa: E402


def error_lines(stderr):
    return [line for line in text(stderr).splitlines() if line.startswith("claimgraph: error: ")]


def check_batch(checks, label, result, manifest, folder, corpus, good_count, db):
    out, err = text(result.stdout), text(result.stderr)
    checks.check(result.returncode == 4, f"{label}: exit code 4 (some inputs failed)",
                 f"exit {result.returncode}; stderr: {err[-2000:]}")
    checks.check("Traceback" not in err and "AddressSanitizer" not in err and "runtime error" not in err,
                 f"{label}: no crash or sanitizer report", err[-2000:])
    for name, entry in sorted(manifest.items()):
        if not name.startswith(folder + "/"):
            continue
        path = os.path.join(corpus, name)
        if entry["kind"] == "bad":
            # Each message, which may span lines (import lists the bad line numbers).
            named = [m for m in err.split("claimgraph: error: ")[1:] if m.startswith(path) or m.startswith("'" + path)]
            checks.check(any(re.search(entry["reason"], m, re.IGNORECASE) for m in named),
                         f"{label}: {name} is refused with a message naming it and the reason /{entry['reason']}/",
                         "\n  ".join(named) or "(no message names it)")
            checks.check(not any(line.startswith(path + ":") and "error" not in line for line in out.splitlines()),
                         f"{label}: {name} is not reported as stored")
        elif entry["kind"] == "mixed":
            checks.check(any((path + ":line ") in line or (path + "' has") in line for line in error_lines(result.stderr)),
                         f"{label}: the bad lines of {name} are named with their line numbers")
        else:
            checks.check(any(line.startswith(path) for line in out.splitlines()),
                         f"{label}: good {name} is reported stored", out[-1500:])
    state, foreign = integrity(db)
    checks.check(state == "ok" and not foreign, f"{label}: PRAGMA integrity_check is ok, no foreign key violations",
                 f"{state} {foreign}")
    return good_count


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("claimgraph")
    parser.add_argument("fake")
    parser.add_argument("make_corpus")
    parser.add_argument("--big-mb", type=int, default=int(os.environ.get("CLAIMGRAPH_BIG_MB", "50")))
    args = parser.parse_args()
    checks = Checks("bad_inputs")

    with tempfile.TemporaryDirectory() as work:
        corpus = os.path.join(work, "corpus")
        made = run([sys.executable, args.make_corpus, corpus, "--big-mb", str(args.big_mb)])
        if made.returncode != 0:
            sys.exit("cannot make the corpus: " + text(made.stderr))
        with open(os.path.join(corpus, "manifest.json"), encoding="utf-8") as f:
            manifest = json.load(f)
        inputs = len(manifest)
        good_articles = sum(e["good"] for n, e in manifest.items() if n.startswith("articles/"))
        good_triples = sum(e["good"] for n, e in manifest.items() if n.startswith("triples/") and e["kind"] == "good")

        binary, how, _ = ingest_command(args.claimgraph, args.fake, os.path.join(corpus, "articles", "good-0.txt"))
        print(f"bad_inputs: {inputs} generated files; articles through {how}", flush=True)

        # Articles: one ingest of the whole folder, 2 workers.
        db = os.path.join(work, "articles.db")
        result = run([binary, "--db", db, "ingest", "-j", "2", os.path.join(corpus, "articles")])
        check_batch(checks, "ingest", result, manifest, "articles", corpus, good_articles, db)
        stored = query(db, "SELECT count(*) FROM documents")[0][0]
        checks.check(stored == good_articles, f"ingest: the {good_articles} good articles are stored", f"{stored} stored")
        long_line = [line for line in text(result.stdout).splitlines() if "long-sentence.txt" in line]
        checks.check(bool(long_line) and "over the 2000-byte limit skipped" in long_line[0],
                     "ingest: the 10,000-word sentence is reported as over the sentence limit", str(long_line))
        checks.check(not any("huge-line" in line for line in text(result.stdout).splitlines()),
                     "ingest: the 50 MB line is not stored under the default 20 MB limit")
        validate_exports(checks, args.claimgraph, db, work, "articles")

        # The same batch again: nothing new, nothing duplicated.
        before = document_contents(db)
        again = run([binary, "--db", db, "ingest", "-j", "2", os.path.join(corpus, "articles")])
        checks.check(again.returncode == 4 and document_contents(db) == before,
                     "ingest again: the same exit code, the database unchanged")

        # Limits: raised, the big line goes in (its sentence over the sentence limit is reported).
        big = os.path.join(corpus, "articles", "huge-line.txt")
        db_big = os.path.join(work, "big.db")
        limit_mb = args.big_mb + 14
        result = run([binary, "--db", db_big, "ingest", "--max-file-mb", str(limit_mb), big])
        checks.check(result.returncode == 0 and "sentence over the 2000-byte limit skipped" in text(result.stdout),
                     f"ingest --max-file-mb {limit_mb}: the {args.big_mb} MB line is stored, its sentence reported "
                     "over the limit", text(result.stdout)[-500:] + text(result.stderr)[-500:])
        result = run([binary, "--db", db_big, "ingest", "--max-file-mb", "1", "--max-sentence-bytes", "10",
                      os.path.join(corpus, "articles", "good-1.txt")])
        checks.check(result.returncode == 0 and "-byte limit skipped" in text(result.stdout),
                     "ingest --max-sentence-bytes 10 reports the skipped sentences", text(result.stdout))
        result = run([binary, "--db", db_big, "ingest", "--max-parse-seconds", "0.5",
                      os.path.join(corpus, "articles", "good-2.txt")])
        checks.check(result.returncode == 0, "ingest --max-parse-seconds is accepted", text(result.stderr))

        # Sentence splitting alone (no extractor) over the same folder: the same verdicts.
        result = run([args.claimgraph, "extract", "--sentences-only", os.path.join(corpus, "articles")])
        checks.check(result.returncode == 4 and len(error_lines(result.stderr)) >= 1,
                     "extract --sentences-only: exit 4 and per-input errors")

        # Triples: one import of every file.
        db = os.path.join(work, "triples.db")
        files = sorted(os.path.join(corpus, "triples", name) for name in os.listdir(os.path.join(corpus, "triples")))
        result = run([args.claimgraph, "--db", db, "import"] + files)
        check_batch(checks, "import", result, manifest, "triples", corpus, good_triples, db)
        evidence = query(db, "SELECT count(*) FROM evidence")[0][0]
        checks.check(evidence == good_triples, f"import: the {good_triples} good triples are stored", f"{evidence}")
        validate_exports(checks, args.claimgraph, db, work, "triples")
        names = {row[0] for row in query(db, "SELECT name FROM entities")}
        checks.check("Robert'); DROP TABLE entities;--" in names and "Путин" in names and "习近平" in names,
                     "import: names with SQL, Cyrillic and CJK text are stored exactly")

    checks.finish(f"{inputs} generated inputs ({good_articles} good articles, {good_triples} good triples)")


if __name__ == "__main__":
    main()
