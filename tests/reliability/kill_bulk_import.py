#!/usr/bin/env python3
"""SIGKILL during bulk imports: files of at least 50,000 triples, which the store
writes with its secondary indexes dropped and rebuilt inside the transaction.

Usage: kill_bulk_import.py CLAIMGRAPH MAKE_TRIPLES [--runs N] [--seed S]

Each run imports two large files (the second into a database that already holds
the first, so stored triples and entities are looked up) and is killed with
SIGKILL at a random moment, one to three times, then run to the end. After every
kill the database must pass integrity_check and foreign_key_check, have every
index and view as created, and hold each document whole or not at all; at the
end it must equal an uninterrupted run. CLAIMGRAPH_KILL_RUNS sets --runs (default 6).
"""

import argparse
import os
import random
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Checks, document_contents, graph_signature, integrity, kill_at_random, run, schema, text  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("claimgraph")
    parser.add_argument("make_triples")
    parser.add_argument("--runs", type=int, default=int(os.environ.get("CLAIMGRAPH_BULK_KILL_RUNS", "6")))
    parser.add_argument("--seed", type=int, default=int(os.environ.get("CLAIMGRAPH_KILL_SEED", "1")))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    checks = Checks("kill_bulk_import")
    kills = kills_mid_run = 0

    with tempfile.TemporaryDirectory() as work:
        files = []
        for n, seed in enumerate((11, 12)):
            path = os.path.join(work, f"bulk{n}.jsonl")
            # The same entity pool size for both: the second file restates many triples of the first.
            made = run([sys.executable, args.make_triples, "60000", "--seed", str(seed), "--entities", "6000",
                        "-o", path])
            assert made.returncode == 0, text(made.stderr)
            files.append(path)
        command = [args.claimgraph, "import", "--max-file-mb", "100"] + files

        reference_db = os.path.join(work, "reference.db")
        started = time.monotonic()
        result = run([command[0], "--db", reference_db] + command[1:])
        elapsed = time.monotonic() - started
        assert result.returncode == 0, f"reference import failed: {text(result.stderr)}"
        contents = document_contents(reference_db)
        signature = graph_signature(reference_db)
        reference_schema = schema(reference_db)
        assert len(contents) == 2, contents
        print(f"kill_bulk_import: {args.runs} runs; reference: 2 documents, {len(signature)} edges in {elapsed:.2f} s",
              flush=True)

        for n in range(args.runs):
            db = os.path.join(work, f"run-{n}.db")
            full = [command[0], "--db", db] + command[1:]
            for attempt in range(rng.randint(1, 3)):
                kills += 1
                kills_mid_run += kill_at_random(full, rng, elapsed * 1.1)
                label = f"run {n}, kill {attempt + 1}"
                if not os.path.exists(db):
                    continue
                state, foreign = integrity(db)
                checks.check(state == "ok" and not foreign, f"{label}: integrity_check ok", f"{state} {foreign}")
                found = schema(db)
                checks.check(found in ([], reference_schema), f"{label}: the schema is whole (every index and view)",
                             str(sorted(set(map(tuple, reference_schema)) ^ set(map(tuple, found))))[:1000])
                if found:
                    stored = document_contents(db)
                    checks.check(all(contents.get(h) == c for h, c in stored.items()),
                                 f"{label}: every stored document is whole", str(stored))
            result = run(full)
            checks.check(result.returncode == 0, f"run {n}: the import completes after the kills", text(result.stderr))
            checks.check(document_contents(db) == contents, f"run {n}: both documents stored once, whole")
            checks.check(graph_signature(db) == signature, f"run {n}: the graph equals the uninterrupted run's")
            checks.check(schema(db) == reference_schema, f"run {n}: the schema is as created")
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(db + suffix):
                    os.remove(db + suffix)

    checks.finish(f"{args.runs} runs, {kills} SIGKILLs ({kills_mid_run} while the import was running), all recovered")


if __name__ == "__main__":
    main()
