// Ingest: read → split → extract on a pool of worker threads, with the one
// store writer (the calling thread) storing documents in input order.
#pragma once

#include "read/reader.h"

#include <claimgraph/model.h>
#include <claimgraph/status.h>
#include <claimgraph/store.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace claimgraph::extract {
class Extractor;
}

namespace claimgraph::ingest {

/// Settings of one ingest run.
struct IngestOptions {
    std::size_t jobs = 0;     ///< worker threads; 0 means std::thread::hardware_concurrency()
    read::ReadOptions read;   ///< size limit per input
    /// Sentences longer than this many bytes are counted in DocumentReport::long_sentences
    /// (the extractor, built with the same limit, skips them); 0: not counted.
    std::size_t max_sentence_bytes = 0;
};

/// What became of one article, or of one input that could not be read.
enum class Outcome { stored, already_present, failed };

/// The report of one article (or unreadable input), in input order.
struct DocumentReport {
    std::string source;       ///< path, `path#N` for a JSON Lines article, `path:line N` for a bad line
    Outcome outcome = Outcome::failed;
    std::string message;      ///< why it failed, or which document of this batch had the same text
    std::size_t sentences = 0;
    std::size_t long_sentences = 0;  ///< sentences over IngestOptions::max_sentence_bytes
    std::size_t claims = 0;
    std::int64_t triples_added = 0;
};

/// Running totals of a run.
struct Summary {
    std::size_t stored = 0;
    std::size_t already_present = 0;
    std::size_t failed = 0;
    std::int64_t new_edges = 0;
};

/// `N documents stored, M already present, K failed; T new edges`.
std::string summary_line(const Summary& summary);

/// Called on the calling thread once per article or unreadable input, in
/// input order, with the totals so far (this report included).
using ReportCallback = std::function<void(const DocumentReport&, const Summary&)>;

/// The document an article becomes before extraction: metadata, the SHA-256 of
/// its text as content hash, and its sentences.
DocumentRecord make_document(read::Article&& article);

/// Reads `paths` (files, folders, `-`), splits and analyses every article on
/// `options.jobs` worker threads and writes each to `store` in its own
/// transaction, from the calling thread and in input order, so the database
/// ends up the same whatever the number of threads. An article whose content
/// hash is already stored (or appeared earlier in this run) is not extracted.
/// Per-input failures (unreadable, not text, extraction or write errors) are
/// reported and counted, never fatal. `extractor` must be thread-safe
/// (extract::Extractor's contract); `store` is used from the calling thread only.
Summary ingest(const std::vector<std::string>& paths, store::Store& store, const extract::Extractor& extractor,
               const IngestOptions& options, const ReportCallback& on_report);

}  // namespace claimgraph::ingest
