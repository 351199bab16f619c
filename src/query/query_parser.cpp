// Parses a canned query file: the `--` header (name, description, parameters)
// and a check that the SQL uses exactly the declared `:name` parameters.
#include <claimgraph/query.h>

#include "util/strings.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>

namespace claimgraph::query {

namespace {

bool is_identifier(std::string_view text) {
    if (text.empty() || !(std::islower(static_cast<unsigned char>(text[0])) || text[0] == '_')) return false;
    return std::all_of(text.begin(), text.end(), [](char c) {
        return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_';
    });
}

bool is_query_name(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '-';
    });
}

bool is_ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::optional<ParamKind> parse_kind(std::string_view text) {
    for (ParamKind kind : {ParamKind::text, ParamKind::integer, ParamKind::real, ParamKind::entity,
                           ParamKind::entity_type}) {
        if (to_string(kind) == text) return kind;
    }
    return std::nullopt;
}

/// Splits off the first whitespace-delimited word of `text`.
std::string_view next_word(std::string_view& text) {
    text = util::trim(text);
    std::size_t end = 0;
    while (end < text.size() && text[end] != ' ' && text[end] != '\t') ++end;
    std::string_view word = text.substr(0, end);
    text = util::trim(text.substr(end));
    return word;
}

/// Why a default value does not fit its kind; empty when it does. Entity
/// defaults can only be checked against a store, when the query runs.
std::string check_default(ParamKind kind, const std::string& value) {
    const char* begin = value.data();
    const char* end = value.data() + value.size();
    switch (kind) {
    case ParamKind::integer: {
        std::int64_t number = 0;
        auto [stop, error] = std::from_chars(begin, end, number);
        return error == std::errc() && stop == end ? "" : "is not a whole number";
    }
    case ParamKind::real: {
        double number = 0;
        auto [stop, error] = std::from_chars(begin, end, number);
        return error == std::errc() && stop == end ? "" : "is not a number";
    }
    case ParamKind::entity_type:
        return parse_entity_type(value) ? "" : "is not an entity type";
    case ParamKind::text:
    case ParamKind::entity:
        return "";
    }
    return "";
}

/// The `:name` parameters used by `sql`, outside string literals, quoted
/// identifiers and comments. Sets `error` for positional (`?`) or `@`/`$` parameters.
std::set<std::string> used_parameters(std::string_view sql, std::string& error) {
    std::set<std::string> names;
    std::size_t i = 0;
    auto skip_until = [&](std::string_view closing) {
        const std::size_t found = sql.find(closing, i);
        i = found == std::string_view::npos ? sql.size() : found + closing.size();
    };
    while (i < sql.size()) {
        const char c = sql[i];
        if (c == '\'' || c == '"' || c == '`') {
            // A doubled quote inside the literal closes and reopens it: same result.
            ++i;
            skip_until(std::string_view(&c, 1));
        } else if (c == '[') {
            ++i;
            skip_until("]");
        } else if (sql.substr(i, 2) == "--") {
            skip_until("\n");
        } else if (sql.substr(i, 2) == "/*") {
            i += 2;
            skip_until("*/");
        } else if (c == ':' && i + 1 < sql.size() && is_ident_char(sql[i + 1])) {
            std::size_t end = i + 1;
            while (end < sql.size() && is_ident_char(sql[end])) ++end;
            names.emplace(sql.substr(i + 1, end - i - 1));
            i = end;
        } else if (c == '?' || ((c == '@' || c == '$') && i + 1 < sql.size() && is_ident_char(sql[i + 1]))) {
            error = std::string("the SQL uses a '") + c + "' parameter; use named parameters (:name) only";
            ++i;
        } else {
            ++i;
        }
    }
    return names;
}

}  // namespace

std::string_view to_string(ParamKind kind) {
    switch (kind) {
    case ParamKind::text:
        return "text";
    case ParamKind::integer:
        return "int";
    case ParamKind::real:
        return "real";
    case ParamKind::entity:
        return "entity";
    case ParamKind::entity_type:
        return "entity_type";
    }
    return "text";
}

const ParamSpec* QuerySpec::param(std::string_view wanted) const {
    for (const ParamSpec& p : params) {
        if (p.name == wanted) return &p;
    }
    return nullptr;
}

Result<QuerySpec> parse_query(std::string_view file_name, std::string_view contents) {
    QuerySpec spec;
    std::string expected_name(file_name);
    if (const auto slash = expected_name.find_last_of('/'); slash != std::string::npos) {
        expected_name.erase(0, slash + 1);
    }
    if (expected_name.size() > 4 && expected_name.ends_with(".sql")) expected_name.resize(expected_name.size() - 4);

    std::size_t line_number = 0;
    auto fail = [&](const std::string& why) {
        return Status::invalid_input("query file '" + std::string(file_name) + "' line " + std::to_string(line_number) +
                                     ": " + why);
    };

    bool have_description = false;
    std::string* continued = nullptr;  // the text a `--   more` line extends
    std::size_t begin = 0;
    while (begin < contents.size()) {
        std::size_t end = contents.find('\n', begin);
        if (end == std::string_view::npos) end = contents.size();
        std::string_view line = contents.substr(begin, end - begin);
        if (line.ends_with('\r')) line.remove_suffix(1);
        if (!line.starts_with("--")) break;
        begin = end + 1;
        ++line_number;

        const std::string_view rest = line.substr(2);
        if (util::trim(rest).empty()) break;  // a blank `--` line ends the header
        if (rest.starts_with("  ") || rest.starts_with("\t")) {
            if (!continued) return fail("a continuation line ('--' and two spaces) must follow a description or param line");
            *continued += " " + std::string(util::trim(rest));
            continue;
        }
        const std::size_t colon = rest.find(':');
        const std::string_view key = colon == std::string_view::npos ? std::string_view() : util::trim(rest.substr(0, colon));
        if (!rest.starts_with(" ") || key.empty() || !is_identifier(key)) {
            return fail("a header line is '-- name: ...', '-- description: ...', '-- param: ...' or a continuation "
                        "('--' and two spaces); end the header with a blank '--' line before other comments");
        }
        std::string_view value = util::trim(rest.substr(colon + 1));
        if (key == "name") {
            if (!spec.name.empty()) return fail("a second 'name'");
            if (!is_query_name(value)) return fail("the name '" + std::string(value) + "' must be lower-case letters, digits and '-'");
            if (value != expected_name) {
                return fail("the name '" + std::string(value) + "' differs from the file name '" + expected_name + "'");
            }
            spec.name = std::string(value);
            continued = nullptr;
        } else if (key == "description") {
            if (have_description) return fail("a second 'description'");
            if (value.empty()) return fail("the description is empty");
            spec.description = std::string(value);
            have_description = true;
            continued = &spec.description;
        } else if (key == "param") {
            ParamSpec param;
            param.name = std::string(next_word(value));
            const std::string kind_name(next_word(value));
            const std::string presence(next_word(value));
            param.help = std::string(value);
            if (!is_identifier(param.name)) {
                return fail("the parameter name '" + param.name + "' must be lower-case letters, digits and '_'");
            }
            if (spec.param(param.name)) return fail("parameter '" + param.name + "' is declared twice");
            const auto kind = parse_kind(kind_name);
            if (!kind) return fail("parameter '" + param.name + "' has kind '" + kind_name +
                                   "'; use text, int, real, entity or entity_type");
            param.kind = *kind;
            if (presence == "required") {
                param.required = true;
            } else if (presence.starts_with("default=") && presence.size() > 8) {
                param.default_value = presence.substr(8);
                if (const std::string why = check_default(param.kind, *param.default_value); !why.empty()) {
                    return fail("the default of parameter '" + param.name + "', '" + *param.default_value + "', " + why);
                }
            } else if (presence != "optional") {
                return fail("parameter '" + param.name + "' needs 'required', 'optional' or 'default=VALUE' after its kind, not '" +
                            presence + "'");
            }
            if (param.help.empty()) return fail("parameter '" + param.name + "' has no help text");
            spec.params.push_back(std::move(param));
            continued = &spec.params.back().help;
        } else {
            return fail("unknown header key '" + std::string(key) + "'; the keys are name, description and param");
        }
    }

    ++line_number;
    if (spec.name.empty()) return fail("the header has no '-- name:' line");
    if (!have_description) return fail("the header has no '-- description:' line");
    spec.sql = std::string(contents.substr(std::min(begin, contents.size())));
    if (util::trim(spec.sql).empty()) return fail("there is no SQL after the header");

    std::string error;
    const std::set<std::string> used = used_parameters(spec.sql, error);
    if (!error.empty()) return fail(error);
    for (const ParamSpec& param : spec.params) {
        if (!used.contains(param.name)) return fail("parameter '" + param.name + "' is declared but the SQL never uses :" + param.name);
    }
    for (const std::string& name : used) {
        if (!spec.param(name)) return fail("the SQL uses :" + name + " but the header declares no parameter '" + name + "'");
    }
    return spec;
}

}  // namespace claimgraph::query
