// The extractor: from a document's text and sentences to resolved entities,
// mentions and claims (the parse → extract → resolve stages of DESIGN.md).
#pragma once

#include <claimgraph/model.h>
#include <claimgraph/status.h>

#include <memory>
#include <string>
#include <vector>

namespace claimgraph::extract {

/// Settings of the extractor. Defaults suit news text.
struct ExtractorOptions {
    double max_parse_seconds = 5.0;    ///< per sentence; a slower parse falls back or is skipped
    std::size_t max_sentence_bytes = 2000;  ///< longer sentences are skipped (and counted)
    /// Sentences parsed at once: analyse() parses one document's sentences on this
    /// many threads, and parses running at once across all calls (from several
    /// documents or threads) are limited to it. 0: one per core.
    std::size_t threads = 1;
};

/// One proposition of one sentence, with full argument spans: what `extract`
/// prints and what CaRB scores. Offsets are bytes into the sentence text.
struct Proposition {
    std::string subject;
    std::string relation;               ///< surface relation, modality words excluded (`invited`, `may intervene in`)
    std::string predicate;              ///< normalised predicate for the graph (`invite`, `intervene in`)
    std::vector<std::string> arguments; ///< objects and prepositional arguments, in order
    bool negated = false;
    std::string modality;
    std::string attributed_to;
    std::string condition;
    std::string time;
    std::string place;
    double confidence = 0.5;
};

/// Thread-safe after creation: analyse() and propositions() may run from many
/// threads at once (the parser dictionary is shared, parse options are per call).
class Extractor {
public:
    virtual ~Extractor() = default;

    /// Fills `document.entities`, `document.mentions` and `document.claims` from
    /// `document.text` and `document.sentences` (whose offsets index `text`).
    /// Sentences that cannot be parsed are skipped, never fatal.
    virtual Status analyse(DocumentRecord& document) const = 0;

    /// The propositions of one sentence, without entity resolution.
    virtual Result<std::vector<Proposition>> propositions(const std::string& sentence) const = 0;
};

/// Loads the parser's dictionary once. Fails with `unsupported` when the
/// extractor is not available in this build.
Result<std::unique_ptr<Extractor>> create_extractor(const ExtractorOptions& options = {});

}  // namespace claimgraph::extract
