// Placeholder resolver (replaced below).
#include "resolve/resolver.h"

namespace claimgraph::resolve {

void resolve(DocumentRecord&, const std::vector<SentenceAnalysis>&, const extract::Lexicon&) {}

}  // namespace claimgraph::resolve
