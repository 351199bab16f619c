// `ingest` and `extract`: article text in, claims out.
#include "cli/commands.h"

#include <CLI/CLI.hpp>

namespace claimgraph::cli {

void add_extract_commands(CLI::App& app, Action& action) {
    auto* ingest = app.add_subcommand("ingest", "Read, extract and store articles (the extractor is not built yet)");
    ingest->allow_extras();
    ingest->callback([&action] {
        action = [](Context&) {
            return Status::unsupported("the extractor is not built yet; load triples with 'claimgraph import'");
        };
    });
    auto* extract = app.add_subcommand("extract", "Print sentence-level extractions (the extractor is not built yet)");
    extract->allow_extras();
    extract->callback([&action] {
        action = [](Context&) { return Status::unsupported("the extractor is not built yet"); };
    });
}

}  // namespace claimgraph::cli
