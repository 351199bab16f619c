// The command-line interface: `claimgraph SUBCOMMAND ...`.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace claimgraph::cli {

/// Exit codes of the `claimgraph` binary.
enum ExitCode : int {
    k_exit_ok = 0,
    k_exit_error = 1,      ///< bad input data, I/O or database failure
    k_exit_usage = 2,      ///< the command line is wrong
    k_exit_not_found = 3,  ///< unknown or ambiguous entity or query, no path
    k_exit_partial = 4,    ///< some inputs of a batch failed; the others were stored
};

/// Runs claimgraph with `args` (without the program name), writing results to
/// `out` and messages to `err`. Never throws; returns an ExitCode.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// main()'s entry point: run() on the process arguments, std::cout and std::cerr.
int run(int argc, char** argv);

}  // namespace claimgraph::cli
