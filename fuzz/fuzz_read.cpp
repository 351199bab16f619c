// Fuzz target: the read stage (text, Markdown, HTML, JSON Lines; the first byte
// picks the format) and, for every article, normalisation and sentence splitting.
// Checks that articles are valid UTF-8 and that offsets and maps stay in bounds.
#include "parse/parse.h"
#include "read/reader.h"
#include "text/sentence_splitter.h"
#include "util/strings.h"

#include <cstdint>
#include <cstdlib>
#include <string>

namespace {
void require(bool condition) {
    if (!condition) std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace claimgraph;
    if (size == 0) return 0;
    const auto format = static_cast<read::InputFormat>(data[0] % 4);
    std::string contents(reinterpret_cast<const char*>(data + 1), size - 1);
    read::parse_input(
        "fuzz", std::move(contents), format,
        [](read::Article&& article) {
            require(util::is_valid_utf8(article.text));
            require(util::is_valid_utf8(article.title));
            const parse::Normalised normalised = parse::normalise(article.text);
            require(normalised.source_start.size() == normalised.text.size());
            require(normalised.source_end.size() == normalised.text.size());
            for (std::size_t i = 0; i < normalised.text.size(); ++i) {
                require(normalised.source_start[i] < normalised.source_end[i]);
                require(static_cast<std::size_t>(normalised.source_end[i]) <= article.text.size());
                if (i > 0) require(normalised.source_start[i - 1] <= normalised.source_start[i]);
            }
            for (const SentenceRecord& sentence : text::split_sentences(article.text)) {
                require(sentence.start >= 0 && sentence.start <= sentence.end);
                require(static_cast<std::size_t>(sentence.end) <= article.text.size());
                require(article.text.compare(static_cast<std::size_t>(sentence.start),
                                             static_cast<std::size_t>(sentence.end - sentence.start), sentence.text) == 0);
            }
        },
        [](read::ReadError&& error) { require(error.source.starts_with("fuzz") && !error.message.empty()); });
    return 0;
}
