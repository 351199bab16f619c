// Placeholder: the graph subcommands are being built.
#include "cli/commands.h"

namespace claimgraph::cli {

void add_graph_commands(CLI::App&, Action&) {}

}  // namespace claimgraph::cli
