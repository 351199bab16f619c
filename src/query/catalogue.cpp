// The catalogue of canned queries: built from the query files compiled into
// the binary, looked up by name with suggestions for near misses.
#include <claimgraph/query.h>

#include "util/embedded_file.h"
#include "util/strings.h"

#include <algorithm>

namespace claimgraph::query {

Result<Catalogue> Catalogue::from_specs(std::vector<QuerySpec> specs) {
    std::sort(specs.begin(), specs.end(), [](const QuerySpec& a, const QuerySpec& b) { return a.name < b.name; });
    for (std::size_t i = 1; i < specs.size(); ++i) {
        if (specs[i].name == specs[i - 1].name) {
            return Status::invalid_input("two canned queries are named '" + specs[i].name + "'");
        }
    }
    return Catalogue(std::move(specs));
}

Result<Catalogue> Catalogue::from_files(const std::vector<std::pair<std::string, std::string>>& files) {
    std::vector<QuerySpec> specs;
    for (const auto& [name, contents] : files) {
        auto spec = parse_query(name, contents);
        if (!spec) return spec.status();
        specs.push_back(std::move(spec).value());
    }
    return from_specs(std::move(specs));
}

Result<QuerySpec> Catalogue::find(std::string_view name) const {
    for (const QuerySpec& spec : m_queries) {
        if (spec.name == name) return spec;
    }
    // Near misses: a few edits away, or one name containing the other.
    const std::string wanted = util::to_lower_ascii(util::trim(name));
    std::vector<std::pair<std::size_t, std::string>> ranked;
    for (const QuerySpec& spec : m_queries) {
        std::size_t score = util::edit_distance(wanted, spec.name);
        if (!wanted.empty() && (spec.name.find(wanted) != std::string::npos || wanted.find(spec.name) != std::string::npos)) {
            score = 0;
        }
        if (score <= std::max<std::size_t>(2, wanted.size() / 3)) ranked.emplace_back(score, spec.name);
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> close;
    for (std::size_t i = 0; i < ranked.size() && i < 5; ++i) close.push_back(ranked[i].second);
    std::string message = "no canned query named '" + std::string(name) + "'";
    if (!close.empty()) message += "; did you mean: " + util::join(close, ", ") + "?";
    message += " ('claimgraph query --list' lists them)";
    return Status::not_found(message);
}

Result<Catalogue> builtin_catalogue() {
    // Parsed once: the embedded files never change while the program runs.
    static const Result<Catalogue> catalogue = [] {
        std::vector<std::pair<std::string, std::string>> files;
        for (const util::EmbeddedFile& file : embedded::query_files()) {
            files.emplace_back(std::string(file.name), std::string(file.contents));
        }
        return Catalogue::from_files(files);
    }();
    return catalogue;
}

}  // namespace claimgraph::query
