#!/usr/bin/env python3
"""SIGKILL during multi-document `import` and `ingest` runs, many times over.

Usage: kill_ingest.py CLAIMGRAPH CLAIMGRAPH_FAKE MAKE_TRIPLES [--runs N] [--seed S]

For each run: a fresh database; the same command (import of many triples files,
or ingest of many articles, alternately) is started and killed with SIGKILL at a
random moment, one to three times in a row, and then run to the end. After every
kill the database must pass PRAGMA integrity_check and foreign_key_check, and
every stored document must be stored whole (its sentences, mentions and evidence
rows as in an uninterrupted reference run) or not at all. After the final run the
database must equal the reference: the same documents, the same graph, nothing
twice. Articles go through the real `claimgraph ingest` when the extractor works,
else through claimgraph_fake (the same command line on a fake extractor).
CLAIMGRAPH_KILL_RUNS sets --runs (default 40).
"""

import argparse
import os
import random
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import (  # noqa: E402
    Checks, document_contents, graph_signature, ingest_command, integrity, kill_at_random, query, run, schema, text)

PEOPLE = ["Mara Holt", "Ivan Petrov", "Leila Haddad", "Chen Wei", "Kofi Mensah", "Sofía Ruiz", "Jonas Berg",
          "Amara Obi", "Hiro Sato", "Elena Marin", "Omar Said", "Noor Khan"]
PLACES = ["Geneva", "Moscow", "Baku", "Yerevan", "Nairobi", "Lima", "Oslo", "Quito"]
VERBS = ["met", "visited", "criticized", "praised", "called", "thanked"]


def make_articles(folder, count, sentences, rng):
    os.makedirs(folder)
    for n in range(count):
        lines = [f"Dispatch {n}", ""]
        for i in range(sentences):
            lines.append(f"{rng.choice(PEOPLE)} {rng.choice(VERBS)} {rng.choice(PEOPLE)} in {rng.choice(PLACES)} "
                         f"on day {n * sentences + i}.")
        with open(os.path.join(folder, f"article-{n:03}.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


def safe_contents(db):
    """document_contents(), or {} for a database killed before its schema was made."""
    if not os.path.exists(db):
        return {}
    if not query(db, "SELECT name FROM sqlite_schema WHERE name = 'documents'"):
        return {}
    return document_contents(db)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("claimgraph")
    parser.add_argument("fake")
    parser.add_argument("make_triples")
    parser.add_argument("--runs", type=int, default=int(os.environ.get("CLAIMGRAPH_KILL_RUNS", "40")))
    parser.add_argument("--seed", type=int, default=int(os.environ.get("CLAIMGRAPH_KILL_SEED", "1")))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    checks = Checks("kill_ingest")
    kills = 0
    kills_mid_run = 0
    partial_states = 0

    with tempfile.TemporaryDirectory() as work:
        triples = os.path.join(work, "triples")
        os.makedirs(triples)
        for n in range(40):
            made = run([sys.executable, args.make_triples, "300", "--seed", str(n + 1), "-o",
                        os.path.join(triples, f"t{n:02}.jsonl")])
            assert made.returncode == 0, text(made.stderr)
        probe = os.path.join(work, "probe.txt")
        with open(probe, "w", encoding="utf-8") as f:
            f.write("Mara Holt met Ivan Petrov in Geneva.\n")
        binary, how, real = ingest_command(args.claimgraph, args.fake, probe)
        articles = os.path.join(work, "articles")
        # The parser takes milliseconds a sentence: fewer, shorter articles keep the run short.
        make_articles(articles, *((16, 12) if real else (40, 120)), rng)
        print(f"kill_ingest: {args.runs} runs; articles through {how}", flush=True)

        env = dict(os.environ, CLAIMGRAPH_FAKE_DELAY_MS="10")
        commands = {
            "import": [args.claimgraph, "import"] + sorted(os.path.join(triples, f) for f in os.listdir(triples)),
            "ingest": [binary, "ingest", "-j", "2", articles],
        }
        reference = {}
        for name, command in commands.items():
            db = os.path.join(work, f"reference-{name}.db")
            started = time.monotonic()
            result = run([command[0], "--db", db] + command[1:], env=env)
            elapsed = time.monotonic() - started
            assert result.returncode == 0, f"reference {name} failed: {text(result.stderr)}"
            reference[name] = (document_contents(db), graph_signature(db), elapsed)
            reference_schema = schema(db)
            print(f"kill_ingest: reference {name}: {len(reference[name][0])} documents in {elapsed:.2f} s", flush=True)

        for n in range(args.runs):
            name = "import" if n % 2 == 0 else "ingest"
            contents, signature, elapsed = reference[name]
            db = os.path.join(work, f"run-{n}.db")
            command = [commands[name][0], "--db", db] + commands[name][1:]
            stored = {}
            for attempt in range(rng.randint(1, 3)):
                # Somewhere in what is left to do (stored documents are skipped quickly), or just after.
                left = elapsed * (1.0 - len(stored) / len(contents)) + 0.05
                kills += 1
                kills_mid_run += kill_at_random(command, rng, left * 1.1, env=env)
                if os.path.exists(db):
                    # A read-only command first: it must cope with what the killed writer left
                    # (exit 3 "holds no claimgraph data yet" when killed before the schema was made).
                    stats = run([args.claimgraph, "--db", db, "stats", "--format", "json"])
                    checks.check(stats.returncode == 0 or (stats.returncode == 3 and b"no claimgraph data" in stats.stderr),
                                 f"run {n} ({name}), kill {attempt + 1}: 'stats' works at once", text(stats.stderr))
                state, foreign = integrity(db) if os.path.exists(db) else ("ok", [])
                checks.check(state == "ok" and not foreign, f"run {n} ({name}), kill {attempt + 1}: integrity_check ok",
                             f"{state} {foreign}")
                if os.path.exists(db):
                    found = schema(db)
                    checks.check(found in ([], reference_schema),
                                 f"run {n} ({name}), kill {attempt + 1}: the schema is whole (every index and view)",
                                 str(sorted(set(map(tuple, reference_schema)) ^ set(map(tuple, found))))[:1000])
                stored = safe_contents(db)
                whole = all(contents.get(h) == counts for h, counts in stored.items())
                checks.check(whole, f"run {n} ({name}), kill {attempt + 1}: every stored document is whole",
                             str({h[:12]: (c, contents.get(h)) for h, c in stored.items() if contents.get(h) != c}))
                if 0 < len(stored) < len(contents):
                    partial_states += 1
            result = run(command, env=env)
            checks.check(result.returncode == 0, f"run {n} ({name}): the same command completes after the kills",
                         text(result.stderr)[-1000:])
            checks.check(document_contents(db) == contents, f"run {n} ({name}): every document stored once, whole")
            checks.check(graph_signature(db) == signature, f"run {n} ({name}): the graph equals the uninterrupted run's")
            state, foreign = integrity(db)
            checks.check(state == "ok" and not foreign, f"run {n} ({name}): integrity_check ok at the end")
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(db + suffix):
                    os.remove(db + suffix)

    checks.finish(f"{args.runs} runs, {kills} SIGKILLs ({kills_mid_run} while the command was running, "
                  f"{partial_states} leaving a partly filled database), all recovered")


if __name__ == "__main__":
    main()
