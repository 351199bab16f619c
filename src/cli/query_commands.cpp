// `query`: list, describe and run the canned relationship queries; `sql`: one
// read-only SQL statement of the user's own.
#include "cli/commands.h"
#include "cli/output.h"

#include <claimgraph/query.h>

#include "util/strings.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <charconv>
#include <ostream>

namespace claimgraph::cli {

namespace {

using Json = nlohmann::ordered_json;

struct QueryOptions {
    std::string name;
    bool list = false;
    bool describe = false;
    std::vector<std::string> params;
    std::string format = "table";
    std::size_t max_width = 60;
};

/// `entity (entity, optional)`, `limit (int, default 50)`, `a (entity, required)`.
std::string param_summary(const query::ParamSpec& param) {
    std::string presence = param.required ? "required" : param.default_value ? "default " + *param.default_value : "optional";
    return param.name + " (" + std::string(query::to_string(param.kind)) + ", " + presence + ")";
}

Json param_json(const query::ParamSpec& param) {
    Json object = Json::object();
    object["name"] = param.name;
    object["kind"] = std::string(query::to_string(param.kind));
    object["required"] = param.required;
    object["default"] = param.default_value ? Json(*param.default_value) : Json(nullptr);
    object["help"] = param.help;
    return object;
}

Json query_json(const query::QuerySpec& spec, bool with_sql) {
    Json object = Json::object();
    object["name"] = spec.name;
    object["description"] = spec.description;
    Json params = Json::array();
    for (const auto& param : spec.params) params.push_back(param_json(param));
    object["params"] = std::move(params);
    if (with_sql) object["sql"] = spec.sql;
    return object;
}

Status run_list(Context& context, const query::Catalogue& catalogue, Format format) {
    std::vector<Json> objects;
    for (const query::QuerySpec& spec : catalogue.queries()) {
        Json object = query_json(spec, false);
        if (format == Format::table) {
            std::vector<std::string> params;
            for (const auto& param : spec.params) params.push_back(param_summary(param));
            object["params"] = util::join(params, ", ");
        }
        objects.push_back(std::move(object));
    }
    // Descriptions are long: print them whole, last, so a wrapping terminal keeps the columns.
    print_objects(context.out, {"name", "params", "description"}, objects, format, 0);
    return Status::ok();
}

Status run_describe(Context& context, const query::QuerySpec& spec, Format format) {
    if (format != Format::table) {
        context.out << query_json(spec, true).dump(format == Format::json ? 2 : -1) << "\n";
        return Status::ok();
    }
    context.out << spec.name << ": " << spec.description << "\n\n";
    std::string usage = "claimgraph query " + spec.name;
    if (spec.params.empty()) {
        context.out << "No parameters.\n";
    } else {
        std::vector<Json> params;
        for (const auto& param : spec.params) {
            Json object = param_json(param);
            object["required"] = param.required ? "yes" : "no";
            params.push_back(std::move(object));
            const std::string option = "--param " + param.name + "=VALUE";
            usage += param.required ? " " + option : " [" + option + "]";
        }
        print_objects(context.out, {"name", "kind", "required", "default", "help"}, params, Format::table, 0);
    }
    context.out << "\nUsage: " << usage << " [--format table|json|jsonl]\n";
    context.out << "Entity parameters take any alias, case-insensitively.\n\nSQL:\n" << spec.sql;
    if (!spec.sql.ends_with('\n')) context.out << "\n";
    return Status::ok();
}

Status run_query_command(Context& context, const QueryOptions& options) {
    auto format = parse_format(options.format);
    if (!format) return format.status();
    auto catalogue = query::builtin_catalogue();
    if (!catalogue) return catalogue.status();
    if (options.list) {
        if (!options.name.empty() || options.describe || !options.params.empty()) {
            return Status::invalid_argument("'query --list' takes no query name, --describe or --param");
        }
        return run_list(context, *catalogue, *format);
    }
    if (options.name.empty()) {
        return Status::invalid_argument("give a query name, or --list to see them: claimgraph query NAME [--param key=value]...");
    }
    auto spec = catalogue->find(options.name);
    if (!spec) return spec.status();
    if (options.describe) {
        if (!options.params.empty()) return Status::invalid_argument("'query --describe' takes no --param");
        return run_describe(context, *spec, *format);
    }

    query::Arguments arguments;
    for (const std::string& param : options.params) {
        const std::size_t equals = param.find('=');
        if (equals == std::string::npos || equals == 0) {
            return Status::invalid_argument("--param takes key=value, not '" + param + "'");
        }
        arguments.emplace_back(param.substr(0, equals), param.substr(equals + 1));
    }
    auto store = context.open(store::OpenMode::read_only);
    if (!store) return store.status();
    auto table = query::run_query(**store, *spec, arguments);
    if (!table) return table.status();
    print_table(context.out, *table, *format, options.max_width);
    return Status::ok();
}

struct SqlOptions {
    std::string sql;
    std::vector<std::string> params;
    std::string format = "table";
    std::size_t max_width = 60;
    store::QueryLimits limits;
};

/// A `--param` value as SQLite sees it: an integer when it is one, else text.
Value sql_value(const std::string& text) {
    std::int64_t number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error == std::errc() && end == text.data() + text.size() && !text.empty()) return number;
    return text;
}

Status run_sql(Context& context, const SqlOptions& options) {
    auto format = parse_format(options.format);
    if (!format) return format.status();
    store::QueryParams params;
    for (const std::string& param : options.params) {
        const std::size_t equals = param.find('=');
        if (equals == std::string::npos || equals == 0) {
            return Status::invalid_argument("--param takes key=value, not '" + param + "'");
        }
        params.emplace_back(param.substr(0, equals), sql_value(param.substr(equals + 1)));
    }
    auto store = context.open(store::OpenMode::read_only);
    if (!store) return store.status();
    auto table = (*store)->query(options.sql, params, options.limits);
    if (!table) return table.status();
    print_table(context.out, *table, *format, options.max_width);
    return Status::ok();
}

}  // namespace

void add_query_commands(CLI::App& app, Action& action) {
    auto sql = std::make_shared<SqlOptions>();
    auto* sql_command = app.add_subcommand(
        "sql",
        "Run one SQL statement of your own on the database, read-only: SELECT (and WITH ... SELECT)\n"
        "only; writes, ATTACH, PRAGMA changes and several statements are refused. Parameters\n"
        "(:name in the SQL) are bound from --param name=value, never pasted into the SQL.\n"
        "Tables: documents, sentences, entities, aliases, mentions, triples, evidence; view triple_view.");
    sql_command->add_option("SQL", sql->sql, "One SELECT statement")->required();
    sql_command->add_option("-p,--param", sql->params, "A parameter as name=value (integers bind as integers)")
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    sql_command->add_option("--format", sql->format, "Output: table (readable), json (one array) or jsonl (one object per line)")
        ->capture_default_str();
    sql_command->add_option("--max-width", sql->max_width, "Cut table cells at this many characters (0: never)")
        ->capture_default_str();
    sql_command->add_option("--timeout", sql->limits.max_seconds, "Stop the query after this many seconds (0: never)")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    sql_command->add_option("--max-rows", sql->limits.max_rows, "Refuse a result of more rows than this (0: no limit)")
        ->capture_default_str();
    sql_command->callback([&action, sql] { action = [sql](Context& c) { return run_sql(c, *sql); }; });

    auto options = std::make_shared<QueryOptions>();
    auto* command = app.add_subcommand(
        "query",
        "Run a canned relationship query (who met whom, roles, hostilities, evidence, ...).\n"
        "'query --list' lists them; 'query --describe NAME' shows a query's parameters and SQL.\n"
        "Queries run on a read-only connection; parameters are bound, never pasted into SQL.");
    command->add_option("NAME", options->name, "The query to run or describe");
    command->add_flag("--list", options->list, "List the canned queries with their parameters");
    command->add_flag("--describe", options->describe, "Show the query's description, parameters and SQL");
    command->add_option("-p,--param", options->params, "A parameter as key=value (repeat for more)")
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    command->add_option("--format", options->format,
                        "Output: table (readable), json (one array) or jsonl (one object per line)")
        ->capture_default_str();
    command->add_option("--max-width", options->max_width, "Cut table cells at this many characters (0: never)")
        ->capture_default_str();
    command->callback([&action, options] { action = [options](Context& c) { return run_query_command(c, *options); }; });
}

}  // namespace claimgraph::cli
