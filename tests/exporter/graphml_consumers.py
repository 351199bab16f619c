#!/usr/bin/env python3
"""The exports as their consumers read them.

Usage: graphml_consumers.py CLAIMGRAPH_BINARY TRIPLES.jsonl

Imports TRIPLES.jsonl into a fresh database, exports GraphML, node-link JSON,
CSV and DOT, and checks that networkx and igraph load the GraphML with the
node and edge counts of `claimgraph stats` and every attribute with its type,
that text (the `Café Ærø & Sons <Ltd>` entity, quotes, control characters)
comes through exactly, that networkx's node_link_graph reads the JSON, and,
when CLAIMGRAPH_GRAPHML_XSD names the GraphML schema, that xmllint accepts the
GraphML. Needs python3 with networkx and igraph (Debian python3-networkx,
python3-igraph). Exit 0: all checks passed; 1: some failed (each is printed).
"""

import csv
import inspect
import json
import os
import shutil
import subprocess
import sys
import tempfile
import warnings

try:
    import igraph
    import networkx
except ImportError as error:
    sys.exit(f"graphml_consumers: {error}; run this with a python3 that has networkx and igraph "
             f"(Debian: python3-networkx, python3-igraph), e.g. cmake -DCLAIMGRAPH_PYTHON=/usr/bin/python3")

SPECIAL_NAME = "Café Ærø & Sons <Ltd>"
SPECIAL_EVIDENCE = "Café Ærø & Sons <Ltd> said \"business is 'fine'\"."

NODE_TYPES = {"label": str, "name": str, "type": str, "aliases": str, "mentions": int}
EDGE_TYPES = {"label": str, "interaction": str, "predicate": str, "modality": str, "negated": bool,
              "confidence": float, "attributed_to": str, "evidence": str, "evidence_count": int}
# Texts that may be empty; an empty one has no <data> element, so networkx
# has no such attribute on that edge and igraph has "".
OPTIONAL_EDGE_TEXTS = {"modality", "attributed_to", "evidence"}

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print(f"FAIL: {message}")
    return condition


def run(binary, *args):
    result = subprocess.run([binary, *args], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"graphml_consumers: '{' '.join(args)}' failed ({result.returncode}): {result.stderr.strip()}")
    return result.stdout


class Database:
    """A fresh database with one file imported, and what claimgraph says about it."""

    def __init__(self, binary, folder, name, triples_file):
        self.binary = binary
        self.folder = folder
        self.path = os.path.join(folder, name + ".db")
        run(binary, "--db", self.path, "import", triples_file)
        self.stats = json.loads(run(binary, "--db", self.path, "stats", "--format", "json"))
        self.entities = {f"n{e['id']}": e for e in json.loads(self.claimgraph("entities", "--format", "json"))}
        self.triples = {f"e{t['id']}": t for t in json.loads(self.claimgraph("triples", "--format", "json"))}

    def claimgraph(self, *args):
        return run(self.binary, "--db", self.path, *args)

    def export(self, file_name, *args):
        path = os.path.join(self.folder, file_name)
        self.claimgraph("export", *args, "-o", path)
        return path


def expected_node(entity):
    return {"label": entity["name"], "name": entity["name"], "type": entity["type"],
            "aliases": " | ".join(entity["aliases"]), "mentions": entity["mentions"]}


def expected_edge(triple):
    return {"label": triple["predicate"], "interaction": triple["predicate"], "predicate": triple["predicate"],
            "modality": triple["modality"] or "", "negated": triple["negated"], "confidence": triple["confidence"],
            "attributed_to": triple["attributed_to"] or "", "evidence": triple["evidence"],
            "evidence_count": triple["evidence_count"]}


def check_networkx(db, path, what):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        graph = networkx.read_graphml(path)
    check(not caught, f"{what}: networkx warned: {[str(w.message) for w in caught]}")
    check(isinstance(graph, networkx.MultiDiGraph), f"{what}: networkx made a {type(graph).__name__}, "
                                                    "not a MultiDiGraph")
    check(graph.number_of_nodes() == db.stats["entities"],
          f"{what}: networkx has {graph.number_of_nodes()} nodes, stats says {db.stats['entities']}")
    check(graph.number_of_edges() == db.stats["triples"],
          f"{what}: networkx has {graph.number_of_edges()} edges, stats says {db.stats['triples']}")
    for node, data in graph.nodes(data=True):
        expected = expected_node(db.entities[node])
        for name, kind in NODE_TYPES.items():
            check(type(data.get(name)) is kind, f"{what}: networkx node {node} {name} is {data.get(name)!r}, "
                                                f"not a {kind.__name__}")
            check(data.get(name) == expected[name],
                  f"{what}: networkx node {node} {name} is {data.get(name)!r}, expected {expected[name]!r}")
    for source, target, key, data in graph.edges(keys=True, data=True):
        triple = db.triples[key]
        check((graph.nodes[source]["name"], graph.nodes[target]["name"]) == (triple["subject"], triple["object"]),
              f"{what}: networkx edge {key} joins the wrong nodes")
        expected = expected_edge(triple)
        for name, kind in EDGE_TYPES.items():
            if name in OPTIONAL_EDGE_TEXTS and expected[name] == "":
                check(name not in data, f"{what}: networkx edge {key} has {name} {data.get(name)!r}, expected none")
                continue
            check(type(data.get(name)) is kind, f"{what}: networkx edge {key} {name} is {data.get(name)!r}, "
                                                f"not a {kind.__name__}")
            check(data.get(name) == expected[name],
                  f"{what}: networkx edge {key} {name} is {data.get(name)!r}, expected {expected[name]!r}")
    return graph


def check_igraph(db, path, what):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        graph = igraph.Graph.Read_GraphML(path)
    # igraph warns about keys it skips: only the yEd graphics keys may be skipped.
    for warning in caught:
        check("_graphics" in str(warning.message), f"{what}: igraph warned: {warning.message}")
    check(graph.is_directed(), f"{what}: igraph graph is undirected")
    check(graph.vcount() == db.stats["entities"],
          f"{what}: igraph has {graph.vcount()} vertices, stats says {db.stats['entities']}")
    check(graph.ecount() == db.stats["triples"],
          f"{what}: igraph has {graph.ecount()} edges, stats says {db.stats['triples']}")
    check(set(NODE_TYPES) <= set(graph.vs.attributes()),
          f"{what}: igraph vertex attributes {graph.vs.attributes()} lack some of {sorted(NODE_TYPES)}")
    check(set(EDGE_TYPES) <= set(graph.es.attributes()),
          f"{what}: igraph edge attributes {graph.es.attributes()} lack some of {sorted(EDGE_TYPES)}")

    # igraph keeps numbers as doubles: an int attribute arrives as a whole float.
    def same(value, expected, kind):
        if kind is int:
            return type(value) is float and value.is_integer() and int(value) == expected
        return type(value) is kind and value == expected

    for vertex in graph.vs:
        expected = expected_node(db.entities[vertex["id"]])
        for name, kind in NODE_TYPES.items():
            check(same(vertex[name], expected[name], kind),
                  f"{what}: igraph vertex {vertex['id']} {name} is {vertex[name]!r}, expected {expected[name]!r}")
    for edge in graph.es:
        triple = db.triples[edge["id"]]
        check((graph.vs[edge.source]["name"], graph.vs[edge.target]["name"]) == (triple["subject"], triple["object"]),
              f"{what}: igraph edge {edge['id']} joins the wrong vertices")
        expected = expected_edge(triple)
        for name, kind in EDGE_TYPES.items():
            check(same(edge[name], expected[name], kind),
                  f"{what}: igraph edge {edge['id']} {name} is {edge[name]!r}, expected {expected[name]!r}")
    return graph


def check_special_entity(nx_graph, ig_graph, what):
    nx_names = [data["name"] for _, data in nx_graph.nodes(data=True)]
    check(nx_names.count(SPECIAL_NAME) == 1, f"{what}: networkx lost {SPECIAL_NAME!r}")
    check(ig_graph.vs["name"].count(SPECIAL_NAME) == 1, f"{what}: igraph lost {SPECIAL_NAME!r}")
    check(ig_graph.vs["label"].count(SPECIAL_NAME) == 1, f"{what}: igraph lost the label {SPECIAL_NAME!r}")
    nx_evidence = [data.get("evidence") for _, _, data in nx_graph.edges(data=True)]
    check(SPECIAL_EVIDENCE in nx_evidence, f"{what}: networkx lost the evidence {SPECIAL_EVIDENCE!r}")
    check(SPECIAL_EVIDENCE in ig_graph.es["evidence"], f"{what}: igraph lost the evidence {SPECIAL_EVIDENCE!r}")


def node_link_graph(data):
    # networkx 3.4 added `edges=` (and warns that its default will become
    # "edges"); 3.0-3.3 take `link=`; 2.x reads "links" by default.
    parameters = inspect.signature(networkx.node_link_graph).parameters
    if "edges" in parameters:
        return networkx.node_link_graph(data, edges="links")
    if "link" in parameters:
        return networkx.node_link_graph(data, link="links")
    return networkx.node_link_graph(data)


def check_json(db, path, graphml_graph):
    with open(path, encoding="utf-8") as file:
        data = json.load(file)
    check(data["directed"] is True and data["multigraph"] is True, "json: not a directed multigraph")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        graph = node_link_graph(data)
    check(not caught, f"json: networkx warned: {[str(w.message) for w in caught]}")
    check(isinstance(graph, networkx.MultiDiGraph), f"json: networkx made a {type(graph).__name__}")
    check(graph.number_of_nodes() == db.stats["entities"], f"json: {graph.number_of_nodes()} nodes")
    check(graph.number_of_edges() == db.stats["triples"], f"json: {graph.number_of_edges()} edges")
    check(set(graph.nodes) == set(graphml_graph.nodes), "json: node ids differ from the GraphML's")
    check(set(graph.edges(keys=True)) == set(graphml_graph.edges(keys=True)),
          "json: (source, target, key) of the edges differ from the GraphML's")
    for node, attributes in graph.nodes(data=True):
        entity = db.entities[node]
        check(attributes["name"] == entity["name"] and attributes["aliases"] == entity["aliases"]
              and attributes["mentions"] == entity["mentions"] and attributes["type"] == entity["type"],
              f"json: node {node} is {attributes}, expected {entity}")
    for _, _, key, attributes in graph.edges(keys=True, data=True):
        triple = db.triples[key]
        for name in ("predicate", "modality", "negated", "attributed_to", "confidence", "evidence", "evidence_count"):
            check(attributes[name] == triple[name],
                  f"json: edge {key} {name} is {attributes[name]!r}, expected {triple[name]!r}")
    check(SPECIAL_NAME in [a["name"] for _, a in graph.nodes(data=True)], f"json: lost {SPECIAL_NAME!r}")


def check_csv(db, prefix):
    with open(prefix + ".nodes.csv", newline="", encoding="utf-8") as file:
        nodes = list(csv.DictReader(file))
    with open(prefix + ".edges.csv", newline="", encoding="utf-8") as file:
        edges = list(csv.DictReader(file))
    check(len(nodes) == db.stats["entities"], f"csv: {len(nodes)} node rows")
    check(len(edges) == db.stats["triples"], f"csv: {len(edges)} edge rows")
    names = {f"n{row['entityId:ID']}": row["name"] for row in nodes}
    check(names == {node: entity["name"] for node, entity in db.entities.items()}, "csv: node names differ")
    evidence = sorted(row["evidence"] for row in edges)
    check(evidence == sorted(t["evidence"] for t in db.triples.values()), "csv: evidence differs")


def check_schema(path, what):
    schema = os.environ.get("CLAIMGRAPH_GRAPHML_XSD")
    if not schema:
        print(f"note: {what}: schema check skipped (set CLAIMGRAPH_GRAPHML_XSD to graphml.xsd to run it)")
        return
    if not shutil.which("xmllint"):
        check(False, "xmllint not found (Debian: libxml2-utils); it is needed when CLAIMGRAPH_GRAPHML_XSD is set")
        return
    result = subprocess.run(["xmllint", "--noout", "--nonet", "--schema", schema, path],
                            capture_output=True, text=True)
    check(result.returncode == 0, f"{what}: xmllint rejects the GraphML: {result.stderr.strip()[:2000]}")


def xml_clean(text):
    """What every export keeps of `text`: the characters XML 1.0 allows."""
    return "".join(c for c in text if c in "\t\n\r" or (0x20 <= ord(c) <= 0xD7FF)
                   or (0xE000 <= ord(c) <= 0xFFFD) or ord(c) >= 0x10000)


def check_dot(db, path, what):
    if not shutil.which("dot"):
        print(f"note: {what}: Graphviz 'dot' not found; DOT check skipped")
        return
    result = subprocess.run(["dot", "-Tjson", path], capture_output=True, text=True)
    if not check(result.returncode == 0 and not result.stderr, f"{what}: dot rejects the file: {result.stderr}"):
        return
    layout = json.loads(result.stdout)
    nodes = layout.get("objects", [])
    check(len(nodes) == db.stats["entities"], f"{what}: dot read {len(nodes)} nodes")
    check(len(layout.get("edges", [])) == db.stats["triples"], f"{what}: dot read {len(layout.get('edges', []))} edges")
    # As the DOT writer puts names: XML-clean, CR dropped, LF as the escape \n, tab as a space.
    expected = sorted(xml_clean(e["name"]).replace("\r", "").replace("\n", "\\n").replace("\t", " ")
                      for e in db.entities.values())
    labels = sorted(node["label"] for node in nodes)
    check(labels == expected, f"{what}: dot labels are {labels}, expected {expected}")


# Names that must come through every format: markup, quotes, control characters
# (JSON \u escapes in the import file), white space, injection-looking text.
HOSTILE_NAMES = {
    "Quote \"Q\" & 'A' <B>": "Quote \"Q\" & 'A' <B>",
    "Ctl\u0001\u0008\u001fX": "CtlX",
    "Tab\there": "Tab\there",
    "Line\r\nbreak": "Line\r\nbreak",
    "Robert'); DROP TABLE entities;--": "Robert'); DROP TABLE entities;--",
    "=HYPERLINK(\"http://x\",\"y\"), @SUM(1)": "=HYPERLINK(\"http://x\",\"y\"), @SUM(1)",
    "</data></node><node id=\"n1\">": "</data></node><node id=\"n1\">",
    "Nonchar \uffff end": "Nonchar  end",
    "Zürich 東京 😀": "Zürich 東京 😀",
}


def check_hostile_names(binary, folder):
    path = os.path.join(folder, "hostile.jsonl")
    with open(path, "w", encoding="utf-8") as file:
        for raw in HOSTILE_NAMES:
            line = {"subject": raw, "subject_type": "ORG", "predicate": "named", "object": "Norland",
                    "object_type": "GPE", "sentence": raw, "attributed_to": raw}
            file.write(json.dumps(line) + "\n")
    db = Database(binary, folder, "hostile", path)
    graphml = db.export("hostile.graphml")
    check_schema(graphml, "hostile names")
    nx_graph = networkx.read_graphml(graphml)
    ig_graph = igraph.Graph.Read_GraphML(graphml)
    nx_names = sorted(data["name"] for _, data in nx_graph.nodes(data=True))
    expected = sorted(list(HOSTILE_NAMES.values()) + ["Norland"])
    check(nx_names == expected, f"hostile names: networkx read {nx_names}, expected {expected}")
    check(sorted(ig_graph.vs["name"]) == expected, f"hostile names: igraph read {sorted(ig_graph.vs['name'])}")
    nx_evidence = sorted(data["evidence"] for _, _, data in nx_graph.edges(data=True))
    check(nx_evidence == sorted(HOSTILE_NAMES.values()), f"hostile names: networkx evidence {nx_evidence}")
    with open(db.export("hostile.json", "--format", "json"), encoding="utf-8") as file:
        json_names = sorted(node["name"] for node in json.load(file)["nodes"])
    check(json_names == expected, f"hostile names: JSON has {json_names}")
    prefix = os.path.join(folder, "hostile")
    db.claimgraph("export", "--format", "csv", "-o", prefix)
    with open(prefix + ".nodes.csv", newline="", encoding="utf-8") as file:
        csv_names = sorted(row["name"] for row in csv.DictReader(file))
    check(csv_names == expected, f"hostile names: CSV has {csv_names}")
    check_dot(db, db.export("hostile.dot", "--format", "dot"), "hostile names")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    binary, triples_file = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory(prefix="claimgraph-consumers-") as folder:
        db = Database(binary, folder, "news", triples_file)
        print(f"fixture: {db.stats['entities']} entities, {db.stats['triples']} triples")

        graphml = db.export("news.graphml")
        check_schema(graphml, "graphml")
        nx_graph = check_networkx(db, graphml, "graphml")
        ig_graph = check_igraph(db, graphml, "graphml")
        check_special_entity(nx_graph, ig_graph, "graphml")

        # yEd markup is outside the GraphML schema, but must not disturb the other readers.
        yed = db.export("news-yed.graphml", "--yed")
        check_special_entity(check_networkx(db, yed, "graphml --yed"), check_igraph(db, yed, "graphml --yed"),
                             "graphml --yed")

        check_json(db, db.export("news.json", "--format", "json"), nx_graph)
        prefix = os.path.join(folder, "news")
        db.claimgraph("export", "--format", "csv", "-o", prefix)
        check_csv(db, prefix)
        check_dot(db, db.export("news.dot", "--format", "dot"), "dot")

        check_hostile_names(binary, folder)

    if failures:
        print(f"graphml_consumers: {len(failures)} check(s) failed")
        return 1
    print(f"graphml_consumers: all checks passed (networkx {networkx.__version__}, igraph {igraph.__version__})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
