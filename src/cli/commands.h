// How subcommands plug into the CLI: each group registers its subcommands and,
// when the user picks one, sets the action that run() executes after parsing.
#pragma once

#include <claimgraph/status.h>
#include <claimgraph/store.h>

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>

namespace CLI {
class App;
}

namespace claimgraph::extract {
class Extractor;
struct ExtractorOptions;
}  // namespace claimgraph::extract

namespace claimgraph::cli {

/// Makes the extractor `ingest` and `extract` use: extract::create_extractor(),
/// or a fake one in tests.
using ExtractorFactory =
    std::function<Result<std::unique_ptr<extract::Extractor>>(const extract::ExtractorOptions&)>;

/// What every subcommand gets: the database path (--db, $CLAIMGRAPH_DB or
/// claimgraph.db), the streams for results and messages, and the extractor factory.
struct Context {
    std::string db_path;
    std::ostream& out;
    std::ostream& err;
    ExtractorFactory make_extractor;

    /// Opens the database named by --db; messages name the file.
    Result<std::unique_ptr<store::Store>> open(store::OpenMode mode) const;
};

/// A subcommand's work. A Status of code `partial` still counts its output.
using Action = std::function<Status(Context&)>;

/// run() with another extractor factory: tests and the reliability drivers run
/// the real `ingest` command on a fake extractor. Never throws; returns an ExitCode.
int run_with_extractor(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                       const ExtractorFactory& make_extractor);

/// `init`, `import`, `stats`, `triples`, `entities`.
void add_store_commands(CLI::App& app, Action& action);
/// `ingest`, `extract`.
void add_extract_commands(CLI::App& app, Action& action);
/// `neighbors`, `path`, `rank`, `components`.
void add_graph_commands(CLI::App& app, Action& action);
/// `query`, `sql`.
void add_query_commands(CLI::App& app, Action& action);
/// `export`.
void add_export_commands(CLI::App& app, Action& action);

}  // namespace claimgraph::cli
