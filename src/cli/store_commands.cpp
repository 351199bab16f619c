// `init`, `import`, `stats`, `triples`, `entities`: writing to and listing the store.
#include "cli/commands.h"
#include "cli/output.h"

#include <claimgraph/importer.h>

#include "util/file.h"
#include "util/strings.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <ostream>

namespace claimgraph::cli {

namespace {

using Json = nlohmann::ordered_json;

Json optional_text(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

const char* k_format_help = "Output: table (readable), json (one array) or jsonl (one object per line)";

Status run_init(Context& context) {
    auto store = context.open(store::OpenMode::read_write);
    if (!store) return store.status();
    auto stats = (*store)->stats();
    if (!stats) return stats.status();
    context.out << context.db_path << ": claimgraph database, schema version " << stats->schema_version << "\n";
    return Status::ok();
}

struct ImportOptions {
    std::vector<std::string> paths;
    double max_file_mb = 20.0;
};

/// `'PATH' is too large (...)` when `bytes` is over the limit, else ok.
Status check_size(const std::string& path, std::uintmax_t bytes, std::uintmax_t limit) {
    if (bytes <= limit) return Status::ok();
    auto mb = [](std::uintmax_t n) {
        char text[32];
        std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(n) / (1024.0 * 1024.0));
        return std::string(text);
    };
    return Status::invalid_input("'" + path + "' is too large (" + mb(bytes) + "; the limit is " + mb(limit) +
                                 "); split it or raise the limit with --max-file-mb");
}

Status run_import(Context& context, const ImportOptions& options) {
    const std::vector<std::string>& paths = options.paths;
    const auto limit = static_cast<std::uintmax_t>(std::llround(options.max_file_mb * 1024.0 * 1024.0));
    auto store = context.open(store::OpenMode::read_write);
    if (!store) return store.status();
    std::size_t failed = 0;
    std::string first_error;
    for (const std::string& path : paths) {
        Status status = [&]() -> Status {
            std::error_code error;
            if (path != "-") {
                const std::uintmax_t size = std::filesystem::file_size(path, error);
                if (!error) {
                    if (Status too_large = check_size(path, size, limit); !too_large) return too_large;
                }
            }
            auto contents = util::read_file(path);
            if (!contents) return contents.status();
            if (Status too_large = check_size(path, contents->size(), limit); !too_large) return too_large;
            auto document = importer::parse_triples_jsonl(*contents, path);
            if (!document) return document.status();
            auto outcome = (*store)->write_document(*document);
            if (!outcome) return outcome.status();
            if (outcome->already_stored) {
                context.out << path << ": already imported (same contents), nothing changed\n";
            } else {
                context.out << path << ": " << document->claims.size() << " triples read, " << outcome->triples_added
                            << " new edges, " << outcome->evidence_added << " evidence rows, " << outcome->entities_added
                            << " new entities\n";
            }
            return Status::ok();
        }();
        if (!status) {
            ++failed;
            context.err << "claimgraph: error: " << status.message() << "\n";
            if (first_error.empty()) first_error = status.message();
        }
    }
    if (failed == 0) return Status::ok();
    if (failed == paths.size()) {
        return Status::invalid_input(paths.size() == 1 ? "nothing was imported"
                                                       : "none of the " + std::to_string(paths.size()) + " files was imported");
    }
    return Status::partial(std::to_string(failed) + " of " + std::to_string(paths.size()) +
                           " files failed; the others were imported");
}

Status run_stats(Context& context, const std::string& format_name) {
    auto format = parse_format(format_name);
    if (!format) return format.status();
    auto store = context.open(store::OpenMode::read_only);
    if (!store) return store.status();
    auto stats = (*store)->stats();
    if (!stats) return stats.status();
    const std::vector<std::pair<std::string, std::int64_t>> rows = {
        {"schema_version", stats->schema_version}, {"documents", stats->documents}, {"sentences", stats->sentences},
        {"entities", stats->entities},             {"aliases", stats->aliases},     {"mentions", stats->mentions},
        {"triples", stats->triples},               {"evidence", stats->evidence}};
    if (*format == Format::table) {
        Table table{{"what", "count"}, {}};
        for (const auto& [name, count] : rows) table.rows.push_back({name, count});
        print_table(context.out, table, Format::table);
    } else {
        Json object = Json::object();
        object["database"] = context.db_path;
        for (const auto& [name, count] : rows) object[name] = count;
        context.out << object.dump(*format == Format::json ? 2 : -1) << "\n";
    }
    return Status::ok();
}

struct TriplesOptions {
    std::string format = "table";
    std::string entity;
    std::string predicate;
    std::size_t limit = 0;
};

Status run_triples(Context& context, const TriplesOptions& options) {
    auto format = parse_format(options.format);
    if (!format) return format.status();
    auto store = context.open(store::OpenMode::read_only);
    if (!store) return store.status();
    std::optional<EntityId> entity;
    if (!options.entity.empty()) {
        auto found = (*store)->find_entity(options.entity);
        if (!found) return found.status();
        entity = found->id;
    }
    auto triples = (*store)->triples();
    if (!triples) return triples.status();
    const std::vector<std::string> columns = {"subject",       "predicate",  "object",   "modality",
                                              "negated",       "attributed_to", "confidence", "evidence"};
    std::vector<Json> objects;
    for (const Triple& t : *triples) {
        if (entity && t.subject_id != *entity && t.object_id != *entity) continue;
        if (!options.predicate.empty() && !util::iequals(t.predicate, options.predicate)) continue;
        if (options.limit > 0 && objects.size() >= options.limit) break;
        Json object = Json::object();
        object["id"] = t.id;
        object["subject"] = t.subject;
        object["predicate"] = t.predicate;
        object["object"] = t.object;
        object["modality"] = optional_text(t.modality);
        object["negated"] = t.negated;
        object["attributed_to"] = optional_text(t.attributed_to);
        object["confidence"] = t.confidence;
        object["evidence"] = t.evidence;
        object["evidence_count"] = t.evidence_count;
        objects.push_back(std::move(object));
    }
    print_objects(context.out, columns, objects, *format);
    return Status::ok();
}

struct EntitiesOptions {
    std::string format = "table";
    std::string type;
};

Status run_entities(Context& context, const EntitiesOptions& options) {
    auto format = parse_format(options.format);
    if (!format) return format.status();
    std::optional<EntityType> type;
    if (!options.type.empty()) {
        type = parse_entity_type(options.type);
        if (!type) return Status::invalid_argument("unknown entity type '" + options.type +
                                                   "'; use PERSON, ORG, GPE, LOC, GROUP, EVENT, DATE or OTHER");
    }
    auto store = context.open(store::OpenMode::read_only);
    if (!store) return store.status();
    auto entities = (*store)->entities();
    if (!entities) return entities.status();
    std::vector<Json> objects;
    for (const Entity& e : *entities) {
        if (type && e.type != *type) continue;
        Json object = Json::object();
        object["id"] = e.id;
        object["name"] = e.name;
        object["type"] = std::string(to_string(e.type));
        object["aliases"] = e.aliases;
        object["mentions"] = e.mentions;
        objects.push_back(std::move(object));
    }
    print_objects(context.out, {"name", "type", "aliases", "mentions"}, objects, *format);
    return Status::ok();
}

}  // namespace

void add_store_commands(CLI::App& app, Action& action) {
    auto* init = app.add_subcommand("init", "Create the database, or bring an older one up to this schema version");
    init->callback([&action] { action = run_init; });

    auto import_options = std::make_shared<ImportOptions>();
    auto* import = app.add_subcommand(
        "import",
        "Load triples made elsewhere: JSON Lines with subject, predicate, object and optional\n"
        "subject_type, object_type, modality, negated, attributed_to, confidence, sentence, source.\n"
        "A file with any bad line is reported with its line numbers and nothing from it is stored;\n"
        "importing the same file twice changes nothing.");
    import->add_option("FILE", import_options->paths, "Triples files (- for standard input)")->required();
    import->add_option("--max-file-mb", import_options->max_file_mb, "Refuse larger files")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    import->callback([&action, import_options] {
        action = [import_options](Context& c) { return run_import(c, *import_options); };
    });

    auto stats_format = std::make_shared<std::string>("table");
    auto* stats = app.add_subcommand("stats", "Counts of documents, entities, triples and evidence, and the schema version");
    stats->add_option("--format", *stats_format, k_format_help)->capture_default_str();
    stats->callback([&action, stats_format] { action = [stats_format](Context& c) { return run_stats(c, *stats_format); }; });

    auto triples_options = std::make_shared<TriplesOptions>();
    auto* triples = app.add_subcommand("triples", "List graph edges with their qualifiers and best evidence sentence");
    triples->add_option("--format", triples_options->format, k_format_help)->capture_default_str();
    triples->add_option("--entity", triples_options->entity, "Only edges touching this entity (any alias)");
    triples->add_option("--predicate", triples_options->predicate, "Only edges with this predicate");
    triples->add_option("--limit", triples_options->limit, "At most this many edges (0: all)");
    triples->callback([&action, triples_options] {
        action = [triples_options](Context& c) { return run_triples(c, *triples_options); };
    });

    auto entities_options = std::make_shared<EntitiesOptions>();
    auto* entities = app.add_subcommand("entities", "List entities with their type, aliases and mention count");
    entities->add_option("--format", entities_options->format, k_format_help)->capture_default_str();
    entities->add_option("--type", entities_options->type, "Only entities of this type (PERSON, ORG, GPE, ...)");
    entities->callback([&action, entities_options] {
        action = [entities_options](Context& c) { return run_entities(c, *entities_options); };
    });
}

}  // namespace claimgraph::cli
