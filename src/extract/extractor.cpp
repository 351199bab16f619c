// Placeholder until the link-grammar extractor lands.
#include "extract/extractor.h"

namespace claimgraph::extract {

Result<std::unique_ptr<Extractor>> create_extractor(const ExtractorOptions&) {
    return Status::unsupported("the extractor is not built yet; load triples with 'claimgraph import'");
}

}  // namespace claimgraph::extract
