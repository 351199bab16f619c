// Turns the user's `key=value` arguments into bound values for a canned query
// (validation, entity resolution) and runs it on the read-only connection.
#include <claimgraph/query.h>

#include "util/strings.h"

#include <charconv>

namespace claimgraph::query {

namespace {

std::string parameter_names(const QuerySpec& spec) {
    std::vector<std::string> names;
    for (const ParamSpec& p : spec.params) names.push_back(p.name);
    return names.empty() ? "it takes no parameters" : "its parameters are: " + util::join(names, ", ");
}

/// The bound value of `text` for parameter `param` of `spec`.
Result<Value> parse_value(const QuerySpec& spec, const ParamSpec& param, const std::string& text, store::Store& store) {
    const std::string where = "parameter '" + param.name + "' of query '" + spec.name + "'";
    const std::string trimmed(util::trim(text));
    const char* begin = trimmed.data();
    const char* end = trimmed.data() + trimmed.size();
    switch (param.kind) {
    case ParamKind::text:
        return Value(text);
    case ParamKind::integer: {
        std::int64_t number = 0;
        auto [stop, error] = std::from_chars(begin, end, number);
        if (trimmed.empty() || error != std::errc() || stop != end) {
            return Status::invalid_argument(where + " must be a whole number, not '" + text + "'");
        }
        return Value(number);
    }
    case ParamKind::real: {
        double number = 0;
        auto [stop, error] = std::from_chars(begin, end, number);
        if (trimmed.empty() || error != std::errc() || stop != end) {
            return Status::invalid_argument(where + " must be a number, not '" + text + "'");
        }
        return Value(number);
    }
    case ParamKind::entity: {
        auto entity = store.find_entity(text);
        if (!entity) {
            const Status status = entity.status();
            const std::string message = where + ": " + status.message();
            switch (status.code()) {
            case StatusCode::not_found:
                return Status::not_found(message);
            case StatusCode::ambiguous:
                return Status::ambiguous(message);
            default:
                return status;
            }
        }
        return Value(entity->id);
    }
    case ParamKind::entity_type: {
        auto type = parse_entity_type(trimmed);
        if (!type) {
            return Status::invalid_argument(where + " is an entity type: PERSON, ORG, GPE, LOC, GROUP, EVENT, DATE or "
                                            "OTHER, not '" + text + "'");
        }
        return Value(std::string(to_string(*type)));
    }
    }
    return Value(text);
}

}  // namespace

Result<store::QueryParams> bind_arguments(const QuerySpec& spec, const Arguments& arguments, store::Store& store) {
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& key = arguments[i].first;
        if (!spec.param(key)) {
            return Status::invalid_argument("query '" + spec.name + "' has no parameter '" + key + "'; " +
                                            parameter_names(spec));
        }
        for (std::size_t j = 0; j < i; ++j) {
            if (arguments[j].first == key) {
                return Status::invalid_argument("parameter '" + key + "' of query '" + spec.name + "' is given twice");
            }
        }
    }
    store::QueryParams params;
    for (const ParamSpec& param : spec.params) {
        const std::string* given = nullptr;
        for (const auto& [key, value] : arguments) {
            if (key == param.name) given = &value;
        }
        if (!given && param.required) {
            return Status::invalid_argument("query '" + spec.name + "' needs parameter '" + param.name + "' (" +
                                            param.help + "); give it with --param " + param.name + "=VALUE");
        }
        if (!given && !param.default_value) {
            params.emplace_back(param.name, std::monostate{});
            continue;
        }
        auto value = parse_value(spec, param, given ? *given : *param.default_value, store);
        if (!value) return value.status();
        params.emplace_back(param.name, std::move(value).value());
    }
    return params;
}

Result<Table> run_query(store::Store& store, const QuerySpec& spec, const Arguments& arguments) {
    auto params = bind_arguments(spec, arguments, store);
    if (!params) return params.status();
    return store.query(spec.sql, *params);
}

}  // namespace claimgraph::query
