#!/usr/bin/env python3
"""Readers while writers write, and two writers on one database at once.

Usage: concurrency.py CLAIMGRAPH CLAIMGRAPH_FAKE MAKE_TRIPLES

0. Twenty times, two imports create one new database at the same moment: both
   must exit 0 and both documents be stored.
1. Two writers start together on a new database (both create the schema): an
   `import` of 30 triples files and an `ingest` of 40 articles. Both must exit 0
   and the database must hold exactly what two sequential runs store (the same
   documents, the same graph by names).
2. While two more writers add to it (an import and an ingest of new files), readers
   run `stats`, `triples`, `entities`, `query most-connected`, `sql`, `neighbors`
   and `export --format graphml` over and over: every one must exit 0 (WAL lets
   them read beside the writer; the busy timeout covers the rest), and every
   GraphML export must be well-formed.
Articles go through the real `claimgraph ingest` when the extractor works, else
through claimgraph_fake (the same command line on a fake extractor).
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Checks, document_contents, graph_signature, ingest_command, integrity, run, text  # noqa: E402
from kill_ingest import make_articles  # noqa: E402

import random  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("claimgraph")
    parser.add_argument("fake")
    parser.add_argument("make_triples")
    args = parser.parse_args()
    checks = Checks("concurrency")
    rng = random.Random(7)
    reads = 0

    with tempfile.TemporaryDirectory() as work:
        def triples_folder(name, first_seed):
            folder = os.path.join(work, name)
            os.makedirs(folder)
            for n in range(30):
                made = run([sys.executable, args.make_triples, "300", "--seed", str(first_seed + n), "-o",
                            os.path.join(folder, f"t{n:02}.jsonl")])
                assert made.returncode == 0
            return sorted(os.path.join(folder, f) for f in os.listdir(folder))

        triples_a = triples_folder("triples-a", 100)
        triples_b = triples_folder("triples-b", 200)
        probe = os.path.join(work, "probe.txt")
        with open(probe, "w", encoding="utf-8") as f:
            f.write("Mara Holt met Ivan Petrov in Geneva.\n")
        binary, how, real = ingest_command(args.claimgraph, args.fake, probe)
        # The parser takes milliseconds a sentence: fewer, shorter articles keep the run short.
        size = (16, 12) if real else (40, 100)
        articles_a = os.path.join(work, "articles-a")
        make_articles(articles_a, *size, rng)
        articles_b = os.path.join(work, "articles-b")
        make_articles(articles_b, *size, random.Random(8))
        print(f"concurrency: articles through {how}", flush=True)
        env = dict(os.environ, CLAIMGRAPH_FAKE_DELAY_MS="60")

        def import_cmd(db, files):
            return [args.claimgraph, "--db", db, "import"] + files

        def ingest_cmd(db, folder):
            return [binary, "--db", db, "ingest", "-j", "2", folder]

        # The reference: everything one command after the other.
        reference = os.path.join(work, "reference.db")
        for command in (import_cmd(reference, triples_a), ingest_cmd(reference, articles_a),
                        import_cmd(reference, triples_b), ingest_cmd(reference, articles_b)):
            assert run(command, env=env).returncode == 0
        db = os.path.join(work, "shared.db")

        # 0. Many times over: two imports create one new database at the same moment.
        races = int(os.environ.get("CLAIMGRAPH_CREATE_RACES", "20"))
        for n in range(races):
            fresh = os.path.join(work, f"race-{n}.db")
            pair = [subprocess.Popen(import_cmd(fresh, [f]), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                    for f in (triples_a[0], triples_b[0])]
            results = [p.communicate() + (p.returncode,) for p in pair]
            checks.check(all(r[2] == 0 for r in results), f"race {n}: two imports creating one database both exit 0",
                         " | ".join(text(r[1]).strip() for r in results))
            checks.check(len(document_contents(fresh)) == 2, f"race {n}: both documents stored")

        # 1. Two writers on a new database.
        writers = [subprocess.Popen(import_cmd(db, triples_a), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env),
                   subprocess.Popen(ingest_cmd(db, articles_a), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)]
        for writer, what in zip(writers, ("import", "ingest")):
            _, err = writer.communicate()
            checks.check(writer.returncode == 0, f"two writers on a new database: {what} exits 0", text(err)[-1500:])

        # 2. Readers beside two writers.
        writers = [subprocess.Popen(import_cmd(db, triples_b), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env),
                   subprocess.Popen(ingest_cmd(db, articles_b), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)]
        graphml = os.path.join(work, "live.graphml")
        readers = [
            ["stats", "--format", "json"],
            ["triples", "--format", "jsonl", "--limit", "50"],
            ["entities", "--format", "jsonl"],
            ["query", "most-connected"],
            ["sql", "SELECT count(*) FROM evidence e JOIN documents d ON d.id = e.document_id"],
            ["neighbors", "Mara Holt", "--depth", "2"],
            ["export", "--format", "graphml", "-o", graphml],
        ]
        xmllint = shutil.which("xmllint")
        started = time.monotonic()
        round_number = 0
        while any(w.poll() is None for w in writers) and time.monotonic() - started < 300:
            for reader in readers:
                result = run([args.claimgraph, "--db", db] + reader)
                reads += 1
                checks.check(result.returncode == 0, f"reader during writes: {' '.join(reader[:2])} exits 0",
                             text(result.stderr)[-500:])
                if reader[0] == "export" and xmllint and result.returncode == 0:
                    lint = run([xmllint, "--noout", graphml])
                    checks.check(lint.returncode == 0, "GraphML exported during writes is well-formed",
                                 text(lint.stderr)[-500:])
            round_number += 1
        for writer, what in zip(writers, ("import", "ingest")):
            _, err = writer.communicate()
            checks.check(writer.returncode == 0, f"writers beside readers: {what} exits 0", text(err)[-1500:])
        checks.check(round_number >= 2, f"readers ran during the writes ({round_number} rounds)")

        state, foreign = integrity(db)
        checks.check(state == "ok" and not foreign, "integrity_check ok after concurrent writers", f"{state} {foreign}")
        checks.check(document_contents(db) == document_contents(reference),
                     "the concurrent database has the same documents as the sequential one, each whole and once")
        checks.check(graph_signature(db) == graph_signature(reference),
                     "the concurrent database has the same graph as the sequential one")

    checks.finish(f"{races} creation races, 4 concurrent writers in two pairs, {reads} reads during writes")


if __name__ == "__main__":
    main()
