// Reading triples made elsewhere (JSON Lines) into a document for the store.
#pragma once

#include <claimgraph/model.h>
#include <claimgraph/status.h>

#include <string>
#include <string_view>

namespace claimgraph::importer {

/// Parses a triples file: one JSON object per line with `subject`, `predicate`,
/// `object` (non-empty strings) and optional `subject_type`, `object_type`
/// (entity type names), `modality`, `attributed_to`, `sentence`, `source`,
/// `condition`, `time`, `place` (strings), `negated` (bool) and `confidence`
/// (number in [0, 1], default 1), `subject_aliases`, `object_aliases` (arrays of
/// strings: other names of that entity). Blank lines are skipped; other fields are ignored.
/// The whole file becomes one DocumentRecord of kind `import` whose content hash
/// is the SHA-256 of `contents`. Any bad line fails the whole file with an
/// invalid_input Status naming `source` and the line numbers (at most 10 listed).
Result<DocumentRecord> parse_triples_jsonl(std::string_view contents, const std::string& source);

}  // namespace claimgraph::importer
