// The top of the CLI: global options, subcommand dispatch, and the one place
// where errors become `claimgraph: error: ...` and exit codes.
#include <claimgraph/cli.h>

#include "cli/commands.h"

#include "extract/extractor.h"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <exception>
#include <iostream>

namespace claimgraph::cli {

namespace {

int exit_code(StatusCode code) {
    switch (code) {
    case StatusCode::ok:
        return k_exit_ok;
    case StatusCode::invalid_argument:
        return k_exit_usage;
    case StatusCode::not_found:
    case StatusCode::ambiguous:
        return k_exit_not_found;
    case StatusCode::partial:
        return k_exit_partial;
    case StatusCode::invalid_input:
    case StatusCode::io_error:
    case StatusCode::database_error:
    case StatusCode::unsupported:
        return k_exit_error;
    }
    return k_exit_error;
}

constexpr const char* k_footer = R"(Exit codes: 0 ok, 1 error (input, file or database), 2 bad command line,
3 unknown or ambiguous name / nothing found, 4 some inputs failed (the rest were stored).
Run 'claimgraph COMMAND --help' for a command's options.)";

}  // namespace

Result<std::unique_ptr<store::Store>> Context::open(store::OpenMode mode) const {
    return store::open_store(db_path, mode);
}

int run_with_extractor(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                       const ExtractorFactory& make_extractor) {
    CLI::App app("claimgraph: turns news articles into a knowledge graph of claims, stored in one SQLite file,\n"
                 "and answers questions about it (paths, neighbourhoods, canned queries, exports).",
                 "claimgraph");
    app.footer(k_footer);
    app.require_subcommand(1);
    app.fallthrough();
    app.set_version_flag("--version", std::string("claimgraph ") + CLAIMGRAPH_VERSION);

    std::string db_path = "claimgraph.db";
    app.add_option("--db", db_path, "The database file (created by ingest/import/init)")
        ->envname("CLAIMGRAPH_DB")
        ->capture_default_str();

    Action action;
    add_store_commands(app, action);
    add_extract_commands(app, action);
    add_graph_commands(app, action);
    add_query_commands(app, action);
    add_export_commands(app, action);

    try {
        // CLI11 parses from the back of the vector.
        std::vector<std::string> reversed(args.rbegin(), args.rend());
        app.parse(reversed);
    } catch (const CLI::ParseError& e) {
        // --help and --version arrive as exceptions whose exit code is Success;
        // app.exit prints the help of the subcommand that asked for it.
        if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
            app.exit(e, out, err);
            return k_exit_ok;
        }
        err << "claimgraph: error: " << e.what() << "\n";
        err << "Run 'claimgraph --help' (or 'claimgraph COMMAND --help') for usage.\n";
        return k_exit_usage;
    }

    if (!action) {
        err << "claimgraph: error: no command given; run 'claimgraph --help'\n";
        return k_exit_usage;
    }
    Context context{db_path, out, err, make_extractor};
    try {
        const Status status = action(context);
        if (!status.is_ok()) err << "claimgraph: " << (status.code() == StatusCode::partial ? "warning" : "error")
                                 << ": " << status.message() << "\n";
        return exit_code(status.code());
    } catch (const std::exception& e) {
        err << "claimgraph: error: unexpected failure: " << e.what() << "\n";
        return k_exit_error;
    }
}

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    return run_with_extractor(args, out, err, [](const extract::ExtractorOptions& options) {
        return extract::create_extractor(options);
    });
}

int run(int argc, char** argv) {
    std::vector<std::string> args;
    for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
    return run(args, std::cout, std::cerr);
}

}  // namespace claimgraph::cli
