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

namespace claimgraph::cli {

/// What every subcommand gets: the database path (--db, $CLAIMGRAPH_DB or
/// claimgraph.db) and the streams for results and messages.
struct Context {
    std::string db_path;
    std::ostream& out;
    std::ostream& err;

    /// Opens the database named by --db; messages name the file.
    Result<std::unique_ptr<store::Store>> open(store::OpenMode mode) const;
};

/// A subcommand's work. A Status of code `partial` still counts its output.
using Action = std::function<Status(Context&)>;

/// `init`, `import`, `stats`, `triples`, `entities`.
void add_store_commands(CLI::App& app, Action& action);
/// `ingest`, `extract`.
void add_extract_commands(CLI::App& app, Action& action);
/// `neighbors`, `path`, `rank`, `components`.
void add_graph_commands(CLI::App& app, Action& action);
/// `query`.
void add_query_commands(CLI::App& app, Action& action);
/// `export`.
void add_export_commands(CLI::App& app, Action& action);

}  // namespace claimgraph::cli
