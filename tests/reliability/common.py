"""Shared helpers of the reliability tests: running claimgraph, checking a
database's integrity and contents, validating its exports, counting failures."""

import csv
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import warnings


class Checks:
    """Counts passed and failed checks; prints each failure."""

    def __init__(self, name):
        self.name = name
        self.passed = 0
        self.failed = 0

    def check(self, condition, what, detail=""):
        if condition:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL: {what}" + (f"\n  {detail}" if detail else ""), flush=True)
        return condition

    def finish(self, summary=""):
        print(f"{self.name}: {self.passed} checks passed, {self.failed} failed" + (f"; {summary}" if summary else ""),
              flush=True)
        sys.exit(1 if self.failed else 0)


def run(args, **kwargs):
    """Runs a command, returns CompletedProcess with text stdout/stderr (bytes that are not UTF-8 replaced)."""
    return subprocess.run(args, capture_output=True, **kwargs)


def kill_at_random(command, rng, within, env=None):
    """Starts `command`, sends it SIGKILL after a random time in [0, within) seconds
    and waits for it. True when it was still running, so the kill interrupted it."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    time.sleep(rng.uniform(0.0, within))
    running = process.poll() is None
    process.send_signal(signal.SIGKILL)
    process.wait()
    return running


def text(data):
    return data.decode("utf-8", errors="replace")


def ingest_command(claimgraph, fake, probe_file):
    """The command that ingests articles: the real `claimgraph` when its extractor
    works (`extract` succeeds on a sample), else `claimgraph_fake` (the same CLI on
    a deterministic fake extractor). CLAIMGRAPH_INGEST_WITH=fake or real forces
    the choice. Returns (binary, description, real). The real parser is slower:
    callers give it fewer, shorter articles."""
    forced = os.environ.get("CLAIMGRAPH_INGEST_WITH", "")
    if forced == "fake":
        return fake, "claimgraph_fake ingest (fake extractor, forced by CLAIMGRAPH_INGEST_WITH)", False
    result = run([claimgraph, "extract", probe_file])
    if result.returncode == 0 or forced == "real":
        return claimgraph, "claimgraph ingest (real extractor)", True
    return fake, "claimgraph_fake ingest (fake extractor; the real one says: " + \
        text(result.stderr).strip().splitlines()[-1] + ")", False


def integrity(db):
    """(integrity_check result, foreign key violations) of a database file."""
    # Not mode=ro: after a SIGKILL only a connection that may write can recover the file.
    connection = sqlite3.connect(f"file:{db}?mode=rw", uri=True, timeout=30)
    try:
        result = connection.execute("PRAGMA integrity_check").fetchall()
        foreign = connection.execute("PRAGMA foreign_key_check").fetchall()
        return ",".join(row[0] for row in result), foreign
    finally:
        connection.close()


def query(db, sql, params=()):
    # Not mode=ro: after a SIGKILL only a connection that may write can recover the file.
    connection = sqlite3.connect(f"file:{db}?mode=rw", uri=True, timeout=30)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def schema(db):
    """Every table, index and view with its SQL, ordered: what a database's schema is."""
    return query(db, "SELECT type, name, sql FROM sqlite_schema ORDER BY type, name")


def document_contents(db):
    """content_hash -> (sentences, mentions, evidence rows) for every stored document."""
    rows = query(db, """
        SELECT d.content_hash,
               (SELECT count(*) FROM sentences s WHERE s.document_id = d.id),
               (SELECT count(*) FROM mentions m JOIN sentences s ON s.id = m.sentence_id WHERE s.document_id = d.id),
               (SELECT count(*) FROM evidence e WHERE e.document_id = d.id)
        FROM documents d""")
    return {row[0]: tuple(row[1:]) for row in rows}


def graph_signature(db):
    """The graph by names, independent of row ids: sorted (subject, predicate, object, negated, modality, evidence count)."""
    return sorted(query(db, """
        SELECT s.name, t.predicate, o.name, t.negated, t.modality, (SELECT count(*) FROM evidence e WHERE e.triple_id = t.id)
        FROM triples t JOIN entities s ON s.id = t.subject_id JOIN entities o ON o.id = t.object_id"""))


def validate_exports(checks, claimgraph, db, work, label):
    """Exports every format from `db` and checks each one with its consumer."""
    counts = dict(query(db, "SELECT 'entities', count(*) FROM entities UNION ALL SELECT 'triples', count(*) FROM triples"))
    prefix = os.path.join(work, label)
    for fmt, out in (("graphml", prefix + ".graphml"), ("json", prefix + ".json"), ("dot", prefix + ".dot"),
                     ("csv", prefix)):
        result = run([claimgraph, "--db", db, "export", "--format", fmt, "-o", out])
        checks.check(result.returncode == 0, f"{label}: export --format {fmt} exits 0", text(result.stderr))

    xmllint = shutil.which("xmllint")
    if xmllint:
        args = [xmllint, "--noout"]
        if os.environ.get("CLAIMGRAPH_GRAPHML_XSD"):
            args += ["--schema", os.environ["CLAIMGRAPH_GRAPHML_XSD"]]
        result = run(args + [prefix + ".graphml"])
        checks.check(result.returncode == 0, f"{label}: xmllint accepts the GraphML", text(result.stderr)[:2000])
    try:
        import networkx
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            graph = networkx.read_graphml(prefix + ".graphml")
            checks.check(graph.number_of_nodes() == counts["entities"] and graph.number_of_edges() == counts["triples"],
                         f"{label}: networkx reads the GraphML with every node and edge",
                         f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges; wanted {counts}")
            with open(prefix + ".json", encoding="utf-8") as f:
                data = json.load(f)
            linked = networkx.node_link_graph(data)
            checks.check(linked.number_of_nodes() == counts["entities"] and linked.number_of_edges() == counts["triples"],
                         f"{label}: networkx reads the node-link JSON with every node and edge")
    except ImportError:
        with open(prefix + ".json", encoding="utf-8") as f:
            data = json.load(f)
        checks.check(len(data["nodes"]) == counts["entities"] and len(data["links"]) == counts["triples"],
                     f"{label}: the node-link JSON has every node and edge")
    for part, key in (("nodes", "entities"), ("edges", "triples")):
        with open(f"{prefix}.{part}.csv", encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f, strict=True))
        widths = {len(row) for row in rows}
        checks.check(len(rows) == counts[key] + 1 and len(widths) == 1,
                     f"{label}: {part}.csv has a header and one row of the same width per {key[:-1]}",
                     f"{len(rows)} rows, widths {widths}")
    dot = shutil.which("dot")
    if dot:
        result = run([dot, "-Tcanon", prefix + ".dot"])
        checks.check(result.returncode == 0, f"{label}: Graphviz reads the DOT file", text(result.stderr)[:2000])
