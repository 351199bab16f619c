// Placeholder: the export subcommands are being built.
#include "cli/commands.h"

namespace claimgraph::cli {

void add_export_commands(CLI::App&, Action&) {}

}  // namespace claimgraph::cli
