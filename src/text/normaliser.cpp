// Typographic normalisation: a table of UTF-8 sequences and their ASCII forms.
#include "text/normaliser.h"

#include <array>

namespace claimgraph::text {

namespace {

struct Replacement {
    std::string_view from;
    std::string_view to;
};

constexpr std::array<Replacement, 32> k_replacements = {{
    {"\u2018", "'"},  {"\u2019", "'"},  {"\u201A", "'"},  {"\u2032", "'"},  {"\u201C", "\""}, {"\u201D", "\""},
    {"\u201E", "\""}, {"\u2033", "\""}, {"\u00AB", "\""}, {"\u00BB", "\""}, {"\u2013", "-"},  {"\u2012", "-"},
    {"\u2212", "-"},  {"\u2010", "-"},  {"\u2011", "-"},  {"\u2014", "--"}, {"\u2026", "..."}, {"\u00A0", " "},
    {"\u2002", " "},  {"\u2003", " "},  {"\u2009", " "},  {"\u200A", " "},  {"\u202F", " "},  {"\u205F", " "},
    {"\u3000", " "},  {"\u2007", " "},  {"\u2008", " "},  {"\u00AD", ""},   {"\u200B", ""},   {"\u200C", ""},
    {"\u200D", ""},   {"\uFEFF", ""},
}};

}  // namespace

NormalisedText normalise(std::string_view text) {
    NormalisedText result;
    result.text.reserve(text.size());
    result.to_original.reserve(text.size() + 1);
    std::size_t i = 0;
    while (i < text.size()) {
        // Every replaced character starts with a byte >= 0xC2; ASCII is copied at once.
        if (static_cast<unsigned char>(text[i]) >= 0xC2) {
            const Replacement* found = nullptr;
            for (const Replacement& r : k_replacements) {
                if (text.substr(i, r.from.size()) == r.from) {
                    found = &r;
                    break;
                }
            }
            if (found != nullptr) {
                result.text += found->to;
                result.to_original.insert(result.to_original.end(), found->to.size(), i);
                i += found->from.size();
                continue;
            }
        }
        result.text.push_back(text[i]);
        result.to_original.push_back(i);
        ++i;
    }
    result.to_original.push_back(text.size());
    return result;
}

}  // namespace claimgraph::text
