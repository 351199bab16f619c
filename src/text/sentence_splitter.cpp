// First version of the sentence splitter: paragraph breaks and sentence-final
// punctuation followed by white space and a capital letter.
#include "text/sentence_splitter.h"

#include <cctype>

namespace claimgraph::text {

namespace {
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
}  // namespace

std::vector<SentenceRecord> split_sentences(std::string_view text) {
    std::vector<SentenceRecord> sentences;
    auto emit = [&](std::size_t begin, std::size_t end) {
        while (begin < end && is_space(text[begin])) ++begin;
        while (end > begin && is_space(text[end - 1])) --end;
        if (begin < end) {
            sentences.push_back({static_cast<std::int64_t>(begin), static_cast<std::int64_t>(end),
                                 std::string(text.substr(begin, end - begin))});
        }
    };
    std::size_t begin = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool paragraph = text[i] == '\n' && i + 1 < text.size() && text[i + 1] == '\n';
        const bool final_mark = (text[i] == '.' || text[i] == '!' || text[i] == '?') && i + 2 < text.size() &&
                                is_space(text[i + 1]) && std::isupper(static_cast<unsigned char>(text[i + 2]));
        if (paragraph || final_mark) {
            emit(begin, i + 1);
            begin = i + 1;
        }
    }
    emit(begin, text.size());
    return sentences;
}

}  // namespace claimgraph::text
