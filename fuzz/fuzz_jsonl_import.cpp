// Fuzz target: JSON Lines triples import. A file is refused or becomes one
// import document whose claims point at its entities and whose confidences are
// in [0, 1] (what Store::write_document() requires).
#include <claimgraph/importer.h>

#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {
void require(bool condition) {
    if (!condition) std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace claimgraph;
    const std::string_view contents(reinterpret_cast<const char*>(data), size);
    auto document = importer::parse_triples_jsonl(contents, "fuzz.jsonl");
    if (!document) {
        require(document.status().message().find("fuzz.jsonl") != std::string::npos);
        return 0;
    }
    require(document->kind == "import" && document->content_hash.size() == 64);
    for (const ClaimRecord& claim : document->claims) {
        require(claim.subject < document->entities.size() && claim.object < document->entities.size());
        require(claim.confidence >= 0.0 && claim.confidence <= 1.0);
        require(!claim.predicate.empty());
        require(!claim.sentence || *claim.sentence < document->sentences.size());
    }
    for (const EntityRecord& entity : document->entities) require(!entity.name.empty());
    return 0;
}
