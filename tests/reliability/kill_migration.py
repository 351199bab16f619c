#!/usr/bin/env python3
"""SIGKILL while a schema version 1 database is migrated to the current version.

Usage: kill_migration.py CLAIMGRAPH MAKE_TRIPLES [--runs N] [--seed S]

Migration 2 rebuilds the triples table (new table, copy, drop, rename) in one
transaction. A database as claimgraph 1 left it is made from an import (its
triples table turned back into the version 1 shape, with the key as a table
constraint), then `claimgraph init` is killed at random moments. After every
kill the file must pass integrity_check and foreign_key_check and be either
version 1 or the current version, each with every triple, id and piece of
evidence it had; `init` then completes and the schema equals a new database's.
Two `init`s started at once on a version 1 file must both succeed, migrating once.
CLAIMGRAPH_MIGRATION_KILL_RUNS sets --runs (default 8).
"""

import argparse
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Checks, integrity, kill_at_random, query, run, schema, text  # noqa: E402


def version_1_triples_table():
    """The CREATE TABLE of triples in schema version 1, from its migration file."""
    migration = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "schema", "0001_initial.sql")
    with open(migration, encoding="utf-8") as f:
        found = re.search(r"CREATE TABLE triples \(.*?\n\);", f.read(), re.S)
    assert found, f"no CREATE TABLE triples in {migration}"
    return found.group(0)


def make_version_1(db):
    """Turns a current database back into schema version 1 (the triples' key a table constraint)."""
    connection = sqlite3.connect(db, isolation_level=None)
    try:
        view = connection.execute("SELECT sql FROM sqlite_schema WHERE name = 'triple_view'").fetchone()[0]
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute("BEGIN")
        connection.execute("DROP VIEW triple_view")
        # New table, copy, drop, rename: renaming the old table instead would make
        # SQLite point evidence's foreign key at the renamed table.
        connection.execute(version_1_triples_table().replace("CREATE TABLE triples", "CREATE TABLE triples_v1"))
        connection.execute("INSERT INTO triples_v1 SELECT id, subject_id, predicate, object_id, negated, modality"
                           " FROM triples ORDER BY id")
        connection.execute("DROP TABLE triples")
        connection.execute("ALTER TABLE triples_v1 RENAME TO triples")
        connection.execute("CREATE INDEX triples_by_object ON triples (object_id)")
        connection.execute("CREATE INDEX triples_by_predicate ON triples (predicate)")
        connection.execute(view)
        connection.execute("PRAGMA user_version = 1")
        connection.execute("COMMIT")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def contents(db):
    """Every row a migration must keep, by id."""
    return {table: query(db, f"SELECT * FROM {table} ORDER BY rowid")
            for table in ("entities", "triples", "evidence", "sentences")}


def version(db):
    return query(db, "PRAGMA user_version")[0][0]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("claimgraph")
    parser.add_argument("make_triples")
    parser.add_argument("--runs", type=int, default=int(os.environ.get("CLAIMGRAPH_MIGRATION_KILL_RUNS", "8")))
    parser.add_argument("--seed", type=int, default=int(os.environ.get("CLAIMGRAPH_KILL_SEED", "1")))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    checks = Checks("kill_migration")
    kills = kills_mid_run = 0

    with tempfile.TemporaryDirectory() as work:
        triples = os.path.join(work, "triples.jsonl")
        made = run([sys.executable, args.make_triples, "60000", "--seed", "5", "--entities", "6000", "-o", triples])
        assert made.returncode == 0, text(made.stderr)
        current = os.path.join(work, "current.db")
        imported = run([args.claimgraph, "--db", current, "import", "--max-file-mb", "100", triples])
        assert imported.returncode == 0, text(imported.stderr)
        current_version = version(current)
        current_schema = schema(current)
        expected = contents(current)

        old = os.path.join(work, "v1.db")
        shutil.copy(current, old)
        for suffix in ("-wal", "-shm"):
            if os.path.exists(current + suffix):
                shutil.copy(current + suffix, old + suffix)
        make_version_1(old)
        checks.check(version(old) == 1 and contents(old) == expected, "the version 1 database holds the same rows")

        timed = os.path.join(work, "timed.db")
        shutil.copy(old, timed)
        started = time.monotonic()
        migrated = run([args.claimgraph, "--db", timed, "init"])
        elapsed = time.monotonic() - started
        assert migrated.returncode == 0, text(migrated.stderr)
        checks.check(version(timed) == current_version and contents(timed) == expected,
                     "an uninterrupted migration keeps every row")
        checks.check(schema(timed) == current_schema, "a migrated database has a new database's schema")
        # Two processes that find version 1 at once: one migrates, the other waits
        # for its lock, sees the new version and migrates nothing.
        both = os.path.join(work, "both.db")
        shutil.copy(old, both)
        pair = [subprocess.Popen([args.claimgraph, "--db", both, "init"], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE) for _ in range(2)]
        outcomes = [process.communicate() + (process.returncode,) for process in pair]
        checks.check(all(code == 0 for _, _, code in outcomes), "two migrations at once both succeed",
                     " | ".join(text(err) for _, err, _ in outcomes))
        checks.check(version(both) == current_version and contents(both) == expected,
                     "two migrations at once migrate once, with every row")
        checks.check(schema(both) == current_schema, "two migrations at once leave a new database's schema")

        print(f"kill_migration: {args.runs} runs; migrating {len(expected['triples'])} triples takes {elapsed:.2f} s",
              flush=True)

        for n in range(args.runs):
            db = os.path.join(work, f"run-{n}.db")
            shutil.copy(old, db)
            for attempt in range(rng.randint(1, 3)):
                kills += 1
                kills_mid_run += kill_at_random([args.claimgraph, "--db", db, "init"], rng, elapsed * 1.1)
                label = f"run {n}, kill {attempt + 1}"
                state, foreign = integrity(db)
                checks.check(state == "ok" and not foreign, f"{label}: integrity_check ok", f"{state} {foreign}")
                checks.check(version(db) in (1, current_version), f"{label}: the version is 1 or the current one",
                             str(version(db)))
                checks.check(contents(db) == expected, f"{label}: every row is kept")
            result = run([args.claimgraph, "--db", db, "init"])
            checks.check(result.returncode == 0, f"run {n}: the migration completes after the kills", text(result.stderr))
            checks.check(version(db) == current_version and contents(db) == expected,
                         f"run {n}: migrated with every row")
            checks.check(schema(db) == current_schema, f"run {n}: the schema is a new database's")
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(db + suffix):
                    os.remove(db + suffix)

    checks.finish(f"{args.runs} runs, {kills} SIGKILLs ({kills_mid_run} while the migration was running), "
                  "every row kept")


if __name__ == "__main__":
    main()
