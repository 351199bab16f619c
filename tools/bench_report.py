#!/usr/bin/python3
"""Checks that every system of a tools/bench run gave the same answers, and
prints the table of claimgraph / peer time ratios (below 1: claimgraph is faster).

Usage: bench_report.py RUN_DIR [--sizes 10k,100k,1m] [-o REPORT.md]

RUN_DIR holds, per size, <size>/claimgraph.json and <size>/<peer>.json (from
bench/claimgraph_bench.cpp and tools/bench_peers.py), <size>/cold.tsv (whole
commands) and machine.txt. Exits 1 when two systems disagree: a benchmark whose
systems disagree is a bug, not a result.
"""

import argparse
import json
import os
import sys

PEERS = ["igraph", "networkx", "graph-tool", "sqlite"]
OPERATIONS = [
    ("store", "store the triples"),
    ("build", "build the in-memory graph (read + build)"),
    ("two_hop", "2-hop neighbourhood, per random seed"),
    ("two_hop_hub", "2-hop neighbourhood of the largest hub"),
    ("shortest_path", "shortest path, per random pair"),
    ("pagerank", "PageRank"),
    ("components", "connected components"),
    ("graphml_export", "GraphML export"),
]
PAGERANK_TOLERANCE = 1e-6


def load(path):
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def disagreements(reference, peer):
    """What `peer` answered differently from claimgraph (over the questions both answered)."""
    problems = []
    mine, theirs = reference["answers"], peer["answers"]
    for key in ("nodes", "edges", "two_hop_hub", "components", "largest_component"):
        if key in theirs and theirs[key] != mine[key]:
            problems.append(f"{key}: claimgraph {mine[key]}, {peer['system']} {theirs[key]}")
    for key in ("two_hop", "shortest_path"):
        for i, (a, b) in enumerate(zip(mine[key], theirs.get(key, []))):
            if a != b:
                problems.append(f"{key}[{i}]: claimgraph {a}, {peer['system']} {b}")
                break
    if "pagerank_top" in theirs:
        scores = {entity: score for entity, score in theirs["pagerank_top"]}
        for entity, score in mine["pagerank_top"][:10]:
            if entity not in scores or abs(scores[entity] - score) > PAGERANK_TOLERANCE:
                problems.append(f"pagerank of entity {entity}: claimgraph {score}, {peer['system']} "
                                f"{scores.get(entity, 'not in its top 20')}")
                break
    return problems


def seconds(value):
    if value is None:
        return "–"
    if value >= 1:
        return f"{value:.2f} s"
    if value >= 1e-3:
        return f"{value * 1e3:.1f} ms"
    return f"{value * 1e6:.0f} µs"


def ratio(mine, theirs):
    if mine is None or theirs is None or theirs <= 0:
        return "–"
    value = mine / theirs
    return f"{value:.3f}" if value < 0.1 else f"{value:.2f}"


def size_report(run_dir, size, lines):
    folder = os.path.join(run_dir, size)
    reference = load(os.path.join(folder, "claimgraph.json"))
    if reference is None:
        return []
    peers = {name: load(os.path.join(folder, name + ".json")) for name in PEERS}
    answers = reference["answers"]
    lines.append(f"### {size} triples: {answers['nodes']} entities, {answers['edges']} edges\n")
    problems = []
    for name, peer in peers.items():
        if peer is None:
            continue
        if "skipped" in peer:
            lines.append(f"- {name} skipped: {peer['skipped']}")
            continue
        for problem in disagreements(reference, peer):
            problems.append(f"{size}: {problem}")
    checked = [n for n, p in peers.items() if p and "skipped" not in p]
    lines.append(f"- answers checked against claimgraph ({', '.join(checked)}): "
                 + ("all agree" if not problems else "DISAGREE: " + "; ".join(problems)))
    lines.append("")
    header = "| operation | claimgraph |" + "".join(f" {n} | cg/{n} |" for n in checked)
    lines.append(header)
    lines.append("|---" * (2 + 2 * len(checked)) + "|")
    mine = reference["seconds"]
    for key, label in OPERATIONS:
        row = f"| {label} | {seconds(mine.get(key))} |"
        for name in checked:
            theirs = peers[name]["seconds"].get(key)
            row += f" {seconds(theirs)} | {ratio(mine.get(key), theirs)} |"
        lines.append(row)
    lines.append("")
    details = ", ".join(f"{k} {seconds(v)}" for k, v in mine.items() if k not in dict(OPERATIONS))
    lines.append(f"claimgraph parts: {details}.")
    cold = os.path.join(folder, "cold.tsv")
    if os.path.exists(cold):
        lines.append("")
        lines.append("Whole commands from a fresh process (wall time, peak memory):\n")
        lines.append("| command | wall | peak RSS |")
        lines.append("|---|---|---|")
        with open(cold) as f:
            for row in f:
                command, wall, rss = row.rstrip("\n").split("\t")
                lines.append(f"| `{command}` | {float(wall):.2f} s | {int(rss) // 1024} MiB |")
    lines.append("")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("run_dir")
    parser.add_argument("--sizes", default="10k,100k,1m")
    parser.add_argument("-o", "--output")
    parser.add_argument("--require", default="", help="peers that must have run (comma-separated)")
    args = parser.parse_args()
    lines = []
    machine = os.path.join(args.run_dir, "machine.txt")
    if os.path.exists(machine):
        with open(machine) as f:
            lines.append("Machine: " + f.read().strip() + "\n")
    lines.append("Times are in-process (per query for the 2-hop and path rows); cg/peer is claimgraph's time "
                 "divided by the peer's, from the same run: below 1 claimgraph is faster.\n")
    problems = []
    for size in args.sizes.split(","):
        problems += size_report(args.run_dir, size, lines)
        for name in filter(None, args.require.split(",")):
            peer = load(os.path.join(args.run_dir, size, name + ".json"))
            if peer is None or "skipped" in peer:
                problems.append(f"{size}: {name} did not run" + (f" ({peer['skipped']})" if peer else ""))
    extraction = os.path.join(args.run_dir, "extraction.md")
    if os.path.exists(extraction):
        with open(extraction) as f:
            lines.append(f.read())
    text = "\n".join(lines) + "\n"
    sys.stdout.write(text)
    if args.output:
        with open(args.output, "w") as out:
            out.write(text)
    if problems:
        print("bench_report: systems disagree; fix that before quoting any number:", file=sys.stderr)
        for problem in problems:
            print("  " + problem, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
