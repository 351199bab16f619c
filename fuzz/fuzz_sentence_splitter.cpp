// Fuzz target: sentence splitting and dateline detection on any bytes. Checks
// that every sentence is exactly the text between its offsets, trimmed, and that
// sentences come in order without overlapping.
#include "text/sentence_splitter.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {
void require(bool condition) {
    if (!condition) std::abort();
}
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace claimgraph;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    require(text::dateline_length(text) <= text.size());
    std::int64_t previous_end = 0;
    for (const SentenceRecord& sentence : text::split_sentences(text)) {
        require(sentence.start >= previous_end && sentence.start < sentence.end);
        require(static_cast<std::size_t>(sentence.end) <= text.size());
        require(text.substr(static_cast<std::size_t>(sentence.start),
                            static_cast<std::size_t>(sentence.end - sentence.start)) == sentence.text);
        require(!is_space(sentence.text.front()) && !is_space(sentence.text.back()));
        previous_end = sentence.end;
    }
    return 0;
}
