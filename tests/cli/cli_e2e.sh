#!/usr/bin/env bash
# End-to-end tests of the claimgraph binary: exit codes, messages, idempotent
# import, bad input that must not cost stored data, formats, --db and $CLAIMGRAPH_DB.
# Usage: cli_e2e.sh CLAIMGRAPH_BINARY TEST_DATA_DIR
set -u
bin=$(realpath "$1")
data=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
passed=0
failed=0

# expect NAME WANT_EXIT COMMAND... : runs COMMAND, keeps stdout in out, stderr in err.
expect() {
  local name=$1 want=$2
  shift 2
  "$@" >out 2>err
  local got=$?
  if [ "$got" -eq "$want" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $name: exit $got, wanted $want"
    sed 's/^/  stdout: /' out | head -5
    sed 's/^/  stderr: /' err | head -5
  fi
}
# check NAME FILE PATTERN : FILE (out or err) has a line matching PATTERN.
check() {
  if grep -qE -- "$3" "$2"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $1: $2 does not match '$3'"
    sed 's/^/  /' "$2" | head -8
  fi
}

expect "help" 0 "$bin" --help
check "help lists commands" out "import"
check "help explains exit codes" out "Exit codes"
expect "subcommand help" 0 "$bin" import --help
check "import help" out "JSON Lines"
expect "version" 0 "$bin" --version
check "version" out "^claimgraph [0-9]"
expect "no command" 2 "$bin"
expect "unknown option" 2 "$bin" triples --bogus
check "usage error prefix" err "^claimgraph: error:"

expect "stats before any data" 3 "$bin" --db missing.db stats
check "missing db message" err "no database at 'missing.db'"
[ ! -e missing.db ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: read-only command created a db"; }

expect "import" 0 "$bin" --db g.db import "$data/news_graph.jsonl"
check "import summary" out "28 triples read, 27 new edges"
expect "import again" 0 "$bin" --db g.db import "$data/news_graph.jsonl"
check "import again changes nothing" out "already imported"
expect "stats json" 0 "$bin" --db g.db stats --format json
check "stats counts" out '"triples": 27'
check "stats schema" out '"schema_version": 2'

# A bad file in a batch: reported with its line, the good file stored, exit 4.
printf '{"subject":"A","predicate":"p","object":"B"}\n{"subject":"A"}\n' >bad.jsonl
printf '{"subject":"Zed Ulm","subject_type":"PERSON","predicate":"met","object":"Mara Quint","object_type":"PERSON"}\n' >good.jsonl
expect "partial batch" 4 "$bin" --db g.db import bad.jsonl good.jsonl
check "bad line named" err "bad.jsonl.*1 bad line"
check "line number" err "line 2: 'predicate' must be a non-empty string"
expect "stats after batch" 0 "$bin" --db g.db stats --format jsonl
check "only the good file stored" out '"triples":28'
expect "only bad" 1 "$bin" --db g.db import bad.jsonl
expect "missing file" 1 "$bin" --db g.db import nonexistent.jsonl
check "missing file named" err "cannot read 'nonexistent.jsonl'"
head -c 3000 /dev/urandom >binary.jsonl
expect "binary file" 1 "$bin" --db g.db import binary.jsonl
expect "data kept after bad input" 0 "$bin" --db g.db stats --format jsonl
check "data kept" out '"triples":28'
python3 -c 'print("{\"subject\": \"" + "x" * 2000000 + "\", \"predicate\": \"p\", \"object\": \"o\"}")' > big.jsonl
expect "import size limit" 1 "$bin" --db g.db import --max-file-mb 1 big.jsonl
check "import size limit named" err "'big.jsonl' is too large \(1.9 MB; the limit is 1.0 MB\); split it or raise the limit with --max-file-mb"
expect "import under a raised limit" 0 "$bin" --db g.db import --max-file-mb 3 big.jsonl

# stdin, the environment variable, and formats.
export CLAIMGRAPH_DB=env.db
printf '{"subject":"X Corp","predicate":"owns","object":"Y Ltd"}\n' | "$bin" import - >out 2>err
check "import from stdin" out "1 triples read"
expect "env db" 0 "$bin" triples --format jsonl
check "env db used" out '"subject":"X Corp"'
unset CLAIMGRAPH_DB
expect "triples table" 0 "$bin" --db g.db triples --entity nsa
check "filter by alias" out "Northern Shield Alliance"
check "row count" out "^\(5 rows\)$"
expect "triples jsonl fields" 0 "$bin" --db g.db triples --format jsonl --predicate "intervene in"
check "jsonl qualifiers" out '"modality":"may".*"attributed_to":"Osk Brandt"'
expect "json array" 0 "$bin" --db g.db entities --format json --type person
python3 -c 'import json,sys; rows=json.load(open("out")); assert len(rows)==6, rows; assert all(r["type"]=="PERSON" for r in rows)' \
  && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: entities json"; }
expect "bad format" 2 "$bin" --db g.db triples --format xml
expect "bad type" 2 "$bin" --db g.db entities --type CITY
expect "unknown entity" 3 "$bin" --db g.db triples --entity "Mara Qiunt"
check "suggestion" err "did you mean: Mara Quint"

# Files that are not claimgraph databases are refused and left alone.
printf 'not a database at all, just some words\n%.0s' {1..50} >notes.txt
expect "not sqlite" 1 "$bin" --db notes.txt stats
check "not sqlite message" err "not an SQLite database"
python3 -c 'import sqlite3; c=sqlite3.connect("other.db"); c.execute("create table t(x)"); c.commit()'
expect "foreign sqlite" 1 "$bin" --db other.db import good.jsonl
check "foreign sqlite message" err "not a claimgraph one"
python3 -c 'import sqlite3; c=sqlite3.connect("newer.db"); c.execute("pragma user_version=99"); c.commit()'
expect "newer schema" 1 "$bin" --db newer.db stats
check "newer schema message" err "newer than this claimgraph"
expect "init" 0 "$bin" --db fresh.db init
check "init message" out "schema version 2"

# The extractor end to end: an article in, claims stored; the same text again changes nothing.
examples=$(dirname "$data")/../examples
expect "ingest sample" 0 "$bin" --db a.db ingest "$examples/putin-invites-fms.txt"
check "ingest summary" out "1 documents stored, 0 already present, 0 failed"
expect "triples of the sample" 0 "$bin" --db a.db triples --format jsonl --entity Putin
check "Putin invited the foreign ministers" out '"subject":"Vladimir Putin","predicate":"invite[a-z]*","object":"foreign ministers of Azerbaijan and Armenia"'
expect "ingest sample again" 0 "$bin" --db a.db ingest "$examples/putin-invites-fms.txt"
check "ingest again changes nothing" out "0 documents stored, 1 already present"
# CaRB-style tokenised lines: copied verbatim, arguments in the original tokens.
printf "The minister said he does n't expect Russia 's troops to leave Syria .\n" >tok.txt
expect "extract --lines" 0 "$bin" extract --lines tok.txt --format carb
check "line verbatim, tokens kept" out "^The minister said he does n't expect Russia 's troops to leave Syria \.	0\.[0-9]+	does n't expect"
# A query without end is stopped, with a message, by the time limit.
expect "endless sql stopped" 2 "$bin" --db a.db sql "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n" --timeout 0.5
check "endless sql message" err "longer than 0.5 s"

# Parsing on several threads prints the same propositions in the same order as one thread.
expect "extract on one thread" 0 "$bin" extract --jobs 1 --format carb "$examples/putin-invites-fms.txt"
mv out extract1.out
expect "extract on three threads" 0 "$bin" extract --jobs 3 --format carb "$examples/putin-invites-fms.txt"
if cmp -s out extract1.out && [ -s out ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: extract --jobs 3 differs from --jobs 1"; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
