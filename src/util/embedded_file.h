// Files compiled into the binary at build time (schema migrations, canned queries, lexicons).
#pragma once

#include <span>
#include <string_view>

namespace claimgraph::util {

/// One embedded file: its base name (e.g. `0001_initial.sql`) and its bytes.
struct EmbeddedFile {
    std::string_view name;
    std::string_view contents;
};

}  // namespace claimgraph::util

namespace claimgraph::embedded {
/// The files of `schema/`, sorted by name. Defined in generated code.
std::span<const util::EmbeddedFile> schema_files();
/// The files of `queries/`, sorted by name. Defined in generated code.
std::span<const util::EmbeddedFile> query_files();
/// The files of `data/lexicon/` (word lists of the extractor), sorted by name.
std::span<const util::EmbeddedFile> lexicon_files();
}  // namespace claimgraph::embedded
