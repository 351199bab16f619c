#!/usr/bin/env bash
# CTest `bench_agreement`: on a small generated graph, claimgraph and every
# installed peer (igraph and networkx required; graph-tool when present; SQLite
# CTEs) must give the same 2-hop sizes, path lengths, components and PageRank.
#   bench/agreement_test.sh PYTHON CLAIMGRAPH_BENCH
set -euo pipefail
py=$1
bench=$2
repo=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dir=$tmp/small
mkdir -p "$dir"
# A sparse pool: several components, so some pairs have no path.
"$py" "$repo/tools/make_triples.py" 1500 --entities 3000 --seed 3 -o "$tmp/triples.jsonl"
"$bench" --db "$dir/cg.db" --import "$tmp/triples.jsonl" > /dev/null
"$py" "$repo/tools/bench_peers.py" workload "$dir/cg.db" --seeds 40 --pairs 40 -o "$tmp/workload.json"
"$bench" --db "$dir/cg.db" --workload "$tmp/workload.json" --graphml "$tmp/cg.graphml" -o "$dir/claimgraph.json"
for peer in igraph networkx graph-tool sqlite; do
  "$py" "$repo/tools/bench_peers.py" run "$peer" "$dir/cg.db" "$tmp/workload.json" --scratch "$tmp/scratch" \
    --sql-queries 40 -o "$dir/$peer.json"
done
"$py" "$repo/tools/bench_report.py" "$tmp" --sizes small --require igraph,networkx,sqlite
