// Placeholder: the query subcommands are being built.
#include "cli/commands.h"

namespace claimgraph::cli {

void add_query_commands(CLI::App&, Action&) {}

}  // namespace claimgraph::cli
