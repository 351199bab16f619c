// The resolve stage: mentions → entities within one document (names, titles,
// demonyms, acronyms, pronouns, definite descriptions), then claims between them.
#pragma once

#include "extract/clause.h"
#include "extract/lexicon.h"
#include "parse/parse.h"

#include <claimgraph/model.h>

#include <vector>

namespace claimgraph::resolve {

/// What the extract stage found in one sentence of a document.
struct SentenceAnalysis {
    std::size_t sentence = 0;      ///< index into DocumentRecord::sentences
    int offset = 0;                ///< where the parsed piece starts in the sentence's text (bytes)
    parse::Normalised normalised;  ///< the parsed text and its map back to the sentence
    parse::Parse parse;
    std::vector<extract::Clause> clauses;
};

/// Fills `document.entities`, `mentions` and `claims` from the analyses (in
/// sentence order). Offsets in the records index `document.text`.
void resolve(DocumentRecord& document, const std::vector<SentenceAnalysis>& analyses, const extract::Lexicon& lexicon);

}  // namespace claimgraph::resolve
