#!/usr/bin/python3
"""The peers of tools/bench: the same graph and the same questions in igraph,
networkx, graph-tool and SQLite recursive CTEs, timed in-process.

Usage: bench_peers.py workload DB [--seeds N] [--pairs N] [--seed S] -o WORKLOAD.json
       bench_peers.py run SYSTEM DB WORKLOAD.json [--graphml FILE] [--scratch DIR] -o RESULT.json

`workload` picks the questions (random entities for 2-hop neighbourhoods, the
largest hub, random pairs for shortest paths) from claimgraph's database, so
every system answers the same ones. `run` loads the graph from that database
(entities in id order, triples in id order: the edges claimgraph's snapshot
holds) into SYSTEM (igraph, networkx, graph-tool or sqlite) and writes timings
(seconds; per query for 2-hop and paths) and answers as JSON, in the shape of
bench/claimgraph_bench.cpp's. Needs Debian's python3 (python3-igraph,
python3-networkx, python3-graph-tool); a missing module gives
{"skipped": reason}.
"""

import argparse
import json
import os
import pickle
import random
import sqlite3
import sys
import time


def read_graph(db):
    """Entities (id, name, type) and triples (subject, object, predicate) in id order."""
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    nodes = connection.execute("SELECT id, name, type FROM entities ORDER BY id").fetchall()
    edges = connection.execute("SELECT subject_id, object_id, predicate, negated FROM triples ORDER BY id").fetchall()
    connection.close()
    return nodes, edges


def make_workload(args):
    connection = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    ids = [row[0] for row in connection.execute("SELECT id FROM entities ORDER BY id")]
    hub = connection.execute(
        "SELECT id FROM (SELECT subject_id AS id FROM triples UNION ALL SELECT object_id FROM triples)"
        " GROUP BY id ORDER BY count(*) DESC, id LIMIT 1").fetchone()[0]
    connection.close()
    rng = random.Random(args.seed)
    workload = {
        "seeds": [rng.choice(ids) for _ in range(args.seeds)],
        "hub": hub,
        "pairs": [rng.sample(ids, 2) for _ in range(args.pairs)],
    }
    with open(args.output, "w") as out:
        json.dump(workload, out)


class Timer:
    def __init__(self):
        self.seconds = {}

    def run(self, name, function, repeat=1):
        """Times `function` over `repeat` calls; records seconds per call."""
        start = time.perf_counter()
        for _ in range(repeat):
            value = function()
        self.seconds[name] = (time.perf_counter() - start) / repeat
        return value

    def each(self, name, function, items):
        """Times `function(item)` for each item; records seconds per item and returns the answers."""
        start = time.perf_counter()
        answers = [function(item) for item in items]
        self.seconds[name] = (time.perf_counter() - start) / max(1, len(items))
        return answers


def top_ranks(scores_by_id, count=20):
    ranked = sorted(scores_by_id, key=lambda pair: (-pair[1], pair[0]))
    return [[entity, score] for entity, score in ranked[:count]]


def run_igraph(graph_data, workload, args, timer):
    import igraph
    nodes, edges = graph_data
    index = {entity: i for i, (entity, _, _) in enumerate(nodes)}

    def build():
        g = igraph.Graph(n=len(nodes), edges=[(index[s], index[o]) for s, o, _, _ in edges], directed=True)
        g.vs["eid"] = [n[0] for n in nodes]
        g.vs["name"] = [n[1] for n in nodes]
        g.vs["type"] = [n[2] for n in nodes]
        g.es["predicate"] = [e[2] for e in edges]
        g.es["negated"] = [bool(e[3]) for e in edges]
        return g

    g = timer.run("build_graph", build)
    answers = {"nodes": g.vcount(), "edges": g.ecount()}
    path = os.path.join(args.scratch, "igraph.pickle")
    timer.run("store", lambda: g.write_pickle(path))
    answers["two_hop"] = timer.each(
        "two_hop", lambda seed: len(g.neighborhood(index[seed], order=2, mode="all")), workload["seeds"])
    answers["two_hop_hub"] = timer.run("two_hop_hub", lambda: len(g.neighborhood(index[workload["hub"]], order=2,
                                                                                  mode="all")))

    def path_length(pair):
        found = g.get_shortest_paths(index[pair[0]], to=index[pair[1]], mode="all", output="epath")[0]
        return len(found) if found or pair[0] == pair[1] else -1

    answers["shortest_path"] = timer.each("shortest_path", path_length, workload["pairs"])
    ranks = timer.run("pagerank", lambda: g.pagerank(directed=True, damping=0.85))
    answers["pagerank_top"] = top_ranks(zip(g.vs["eid"], ranks))
    components = timer.run("components", lambda: g.connected_components(mode="weak"))
    answers["components"] = len(components)
    answers["largest_component"] = max(components.sizes()) if len(components) else 0
    if args.graphml:
        timer.run("graphml_export", lambda: g.write_graphml(args.graphml))
    return answers


def run_networkx(graph_data, workload, args, timer):
    import networkx as nx
    nodes, edges = graph_data

    def build():
        g = nx.MultiDiGraph()
        g.add_nodes_from((entity, {"name": name, "type": type_}) for entity, name, type_ in nodes)
        g.add_edges_from((s, o, {"predicate": p, "negated": bool(n)}) for s, o, p, n in edges)
        return g

    g = timer.run("build_graph", build)
    undirected = g.to_undirected(as_view=True)
    answers = {"nodes": g.number_of_nodes(), "edges": g.number_of_edges()}
    path = os.path.join(args.scratch, "networkx.pickle")

    def store():
        with open(path, "wb") as out:
            pickle.dump(g, out, protocol=pickle.HIGHEST_PROTOCOL)

    timer.run("store", store)
    two_hop = lambda seed: len(nx.single_source_shortest_path_length(undirected, seed, cutoff=2))
    answers["two_hop"] = timer.each("two_hop", two_hop, workload["seeds"])
    answers["two_hop_hub"] = timer.run("two_hop_hub", lambda: two_hop(workload["hub"]))

    def path_length(pair):
        try:
            return nx.shortest_path_length(undirected, pair[0], pair[1])
        except nx.NetworkXNoPath:
            return -1

    answers["shortest_path"] = timer.each("shortest_path", path_length, workload["pairs"])
    ranks = timer.run("pagerank", lambda: nx.pagerank(g, alpha=0.85, tol=1e-12, max_iter=1000))
    answers["pagerank_top"] = top_ranks(ranks.items())

    def components():
        sizes = [len(c) for c in nx.weakly_connected_components(g)]
        return len(sizes), max(sizes, default=0)

    answers["components"], answers["largest_component"] = timer.run("components", components)
    if args.graphml:
        timer.run("graphml_export", lambda: nx.write_graphml(g, args.graphml))
    return answers


def run_graph_tool(graph_data, workload, args, timer):
    import numpy
    import graph_tool
    from graph_tool import centrality, topology
    nodes, edges = graph_data
    index = {entity: i for i, (entity, _, _) in enumerate(nodes)}

    def build():
        g = graph_tool.Graph(directed=True)
        g.add_vertex(len(nodes))
        g.add_edge_list(numpy.array([(index[s], index[o]) for s, o, _, _ in edges], dtype=numpy.int64).reshape(-1, 2))
        eid = g.new_vertex_property("int64_t", vals=[n[0] for n in nodes])
        name = g.new_vertex_property("string", vals=[n[1] for n in nodes])
        type_ = g.new_vertex_property("string", vals=[n[2] for n in nodes])
        predicate = g.new_edge_property("string", vals=[e[2] for e in edges])
        negated = g.new_edge_property("bool", vals=[bool(e[3]) for e in edges])
        g.vertex_properties.update({"eid": eid, "name": name, "type": type_})
        g.edge_properties.update({"predicate": predicate, "negated": negated})
        return g

    g = timer.run("build_graph", build)
    undirected = graph_tool.GraphView(g, directed=False)
    answers = {"nodes": g.num_vertices(), "edges": g.num_edges()}
    path = os.path.join(args.scratch, "graph-tool.gt")
    timer.run("store", lambda: g.save(path))

    def two_hop(seed):
        distances = topology.shortest_distance(undirected, source=index[seed], max_dist=2)
        return int((distances.a <= 2).sum())

    answers["two_hop"] = timer.each("two_hop", two_hop, workload["seeds"])
    answers["two_hop_hub"] = timer.run("two_hop_hub", lambda: two_hop(workload["hub"]))
    unreachable = numpy.iinfo(numpy.int32).max

    def path_length(pair):
        d = int(topology.shortest_distance(undirected, source=index[pair[0]], target=index[pair[1]]))
        return -1 if d >= unreachable else d

    answers["shortest_path"] = timer.each("shortest_path", path_length, workload["pairs"])
    ranks = timer.run("pagerank", lambda: centrality.pagerank(g, damping=0.85, epsilon=1e-12))
    answers["pagerank_top"] = top_ranks(zip((n[0] for n in nodes), ranks.a.tolist()))

    def components():
        _, histogram = topology.label_components(undirected)
        return len(histogram), int(histogram.max()) if len(histogram) else 0

    answers["components"], answers["largest_component"] = timer.run("components", components)
    if args.graphml:
        timer.run("graphml_export", lambda: g.save(args.graphml, fmt="graphml"))
    return answers


# Breadth-first search as one recursive CTE over claimgraph's own tables: each
# step follows triples from subject to object (triples' UNIQUE index starts with
# subject_id) and back (triples_by_object). UNION drops repeated (entity, depth) rows.
REACH = """
WITH RECURSIVE reach(id, depth) AS (
    VALUES (:start, 0)
    UNION
    SELECT t.object_id, r.depth + 1 FROM reach r JOIN triples t ON t.subject_id = r.id WHERE r.depth < :depth
    UNION
    SELECT t.subject_id, r.depth + 1 FROM reach r JOIN triples t ON t.object_id = r.id WHERE r.depth < :depth
)
"""


def run_sqlite(graph_data, workload, args, timer):
    nodes, edges = graph_data
    connection = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    answers = {"nodes": len(nodes), "edges": len(edges)}
    # Storing: plain inserts of the triples into an unindexed table, in one
    # transaction (the floor any SQLite store pays).
    path = os.path.join(args.scratch, "raw.db")
    if os.path.exists(path):
        os.remove(path)

    def store():
        raw = sqlite3.connect(path)
        raw.execute("CREATE TABLE triples (subject INTEGER, predicate TEXT, object INTEGER, negated INTEGER)")
        with raw:
            raw.executemany("INSERT INTO triples VALUES (?, ?, ?, ?)", edges)
        raw.close()

    timer.run("store", store)
    two_hop = lambda seed: connection.execute(REACH + "SELECT count(DISTINCT id) FROM reach",
                                              {"start": seed, "depth": 2}).fetchone()[0]
    seeds = workload["seeds"][:args.sql_queries]
    answers["two_hop"] = timer.each("two_hop", two_hop, seeds)
    answers["two_hop_hub"] = timer.run("two_hop_hub", lambda: two_hop(workload["hub"]))

    # Iterative deepening: the CTE cannot stop when it meets the goal, so each
    # round searches one level deeper until the goal appears (or nothing new is reached).
    def path_length(pair):
        if pair[0] == pair[1]:
            return 0
        reached = 1
        for depth in range(1, args.max_depth + 1):
            found, count = connection.execute(
                REACH + "SELECT min(CASE WHEN id = :goal THEN depth END), count(DISTINCT id) FROM reach",
                {"start": pair[0], "depth": depth, "goal": pair[1]}).fetchone()
            if found is not None:
                return found
            if count == reached:
                return -1
            reached = count
        return -1

    pairs = workload["pairs"][:args.sql_queries]
    answers["shortest_path"] = timer.each("shortest_path", path_length, pairs)
    connection.close()
    return answers


SYSTEMS = {"igraph": run_igraph, "networkx": run_networkx, "graph-tool": run_graph_tool, "sqlite": run_sqlite}
MODULES = {"igraph": "igraph", "networkx": "networkx", "graph-tool": "graph_tool", "sqlite": "sqlite3"}


def run_system(args):
    result = {"system": args.system}
    try:
        __import__(MODULES[args.system])
    except ImportError as error:
        result["skipped"] = f"{error} (install the Debian package, e.g. tools/bench --setup)"
    else:
        with open(args.workload) as f:
            workload = json.load(f)
        os.makedirs(args.scratch, exist_ok=True)
        timer = Timer()
        graph_data = timer.run("read_graph", lambda: read_graph(args.db))
        answers = SYSTEMS[args.system](graph_data, workload, args, timer)
        if "build_graph" in timer.seconds:
            timer.seconds["build"] = timer.seconds["read_graph"] + timer.seconds["build_graph"]
        result["seconds"] = timer.seconds
        result["answers"] = answers
    with open(args.output, "w") as out:
        json.dump(result, out, indent=1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    workload = commands.add_parser("workload", help="pick the questions")
    workload.add_argument("db")
    workload.add_argument("--seeds", type=int, default=200)
    workload.add_argument("--pairs", type=int, default=200)
    workload.add_argument("--seed", type=int, default=7)
    workload.add_argument("-o", "--output", required=True)
    run = commands.add_parser("run", help="time one system")
    run.add_argument("system", choices=sorted(SYSTEMS))
    run.add_argument("db")
    run.add_argument("workload")
    run.add_argument("--graphml", help="also time a GraphML export to this file")
    run.add_argument("--scratch", default="/tmp/claimgraph-bench", help="folder for the stored copies")
    run.add_argument("--sql-queries", type=int, default=10,
                     help="sqlite: only this many seeds and pairs (recursive CTEs are slow)")
    run.add_argument("--max-depth", type=int, default=12, help="sqlite: deepest path searched")
    run.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    if args.command == "workload":
        make_workload(args)
    else:
        run_system(args)


if __name__ == "__main__":
    sys.exit(main())
