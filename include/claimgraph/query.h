// Canned relationship queries: the catalogue parsed from the `queries/*.sql`
// headers compiled into the binary, parameter validation, and running them.
#pragma once

#include <claimgraph/model.h>
#include <claimgraph/status.h>
#include <claimgraph/store.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace claimgraph::query {

/// What a parameter's value is and how it is bound.
enum class ParamKind {
    text,         ///< bound as given
    integer,      ///< `int` in headers: a whole decimal number, bound as an integer
    real,         ///< a decimal number, bound as a double
    entity,       ///< any alias of one entity, resolved with Store::find_entity and bound as its id
    entity_type,  ///< an entity type name (PERSON, ORG, ...), case-insensitive, bound upper-case
};

/// The kind's header spelling: `text`, `int`, `real`, `entity` or `entity_type`.
std::string_view to_string(ParamKind kind);

/// One named parameter of a canned query; the SQL refers to it as `:name`.
struct ParamSpec {
    std::string name;
    ParamKind kind = ParamKind::text;
    bool required = false;
    std::optional<std::string> default_value;  ///< used when the caller gives none
    std::string help;
};

/// One canned query: its header and the SQL after it.
struct QuerySpec {
    std::string name;
    std::string description;
    std::vector<ParamSpec> params;
    std::string sql;

    /// The parameter called `name`, or nullptr.
    const ParamSpec* param(std::string_view name) const;
};

/// Parses a query file. The header is the run of `--` lines at the top:
///
///     -- name: NAME                        (must be the file name without `.sql`)
///     -- description: TEXT
///     --   more description               (two or more spaces: continues the line above)
///     -- param: NAME KIND PRESENCE HELP   (KIND: text|int|real|entity|entity_type;
///                                           PRESENCE: required|optional|default=VALUE)
///     --                                  (blank)
///
/// Every declared parameter must occur as `:NAME` in the SQL and every `:NAME`
/// in the SQL must be declared. Errors are invalid_input naming the file and line.
Result<QuerySpec> parse_query(std::string_view file_name, std::string_view contents);

/// Raw `key=value` arguments as the user typed them, in order.
using Arguments = std::vector<std::pair<std::string, std::string>>;

/// The set of canned queries, sorted by name. Immutable after construction;
/// safe to share between threads.
class Catalogue {
public:
    /// Builds a catalogue; invalid_input if two queries share a name.
    static Result<Catalogue> from_specs(std::vector<QuerySpec> specs);
    /// Parses `(file name, contents)` pairs; the first malformed file fails it.
    static Result<Catalogue> from_files(const std::vector<std::pair<std::string, std::string>>& files);

    const std::vector<QuerySpec>& queries() const { return m_queries; }
    /// The query called `name`; not_found lists close names.
    Result<QuerySpec> find(std::string_view name) const;

private:
    explicit Catalogue(std::vector<QuerySpec> queries) : m_queries(std::move(queries)) {}

    std::vector<QuerySpec> m_queries;
};

/// The queries compiled into this binary. An error here is a build defect
/// (a malformed header), which the unit tests catch.
Result<Catalogue> builtin_catalogue();

/// Checks `arguments` against `spec` and turns them into bound values:
/// unknown or repeated parameters and missing required ones are invalid_argument
/// (listing the valid names); numbers must parse completely; an entity that is
/// unknown or ambiguous gives Store::find_entity's not_found / ambiguous error.
/// Every declared parameter is bound: given, default, or NULL.
Result<store::QueryParams> bind_arguments(const QuerySpec& spec, const Arguments& arguments, store::Store& store);

/// Validates, binds and runs `spec` on the store's read-only query connection.
Result<Table> run_query(store::Store& store, const QuerySpec& spec, const Arguments& arguments);

}  // namespace claimgraph::query
