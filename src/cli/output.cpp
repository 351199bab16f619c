// Text tables, JSON and JSON Lines for every listing command.
#include "cli/output.h"

#include "util/strings.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <ostream>

namespace claimgraph::cli {

namespace {

/// Number of code points: the width a terminal gives most text.
std::size_t display_width(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

/// One line of text at most `max_width` code points, control characters as spaces.
std::string cell_text(const std::string& raw, std::size_t max_width) {
    std::string text;
    text.reserve(raw.size());
    for (char c : raw) text.push_back(static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? ' ' : c);
    if (max_width == 0 || display_width(text) <= max_width) return text;
    std::size_t points = 0;
    std::size_t i = 0;
    for (; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++points == max_width) break;
    }
    return text.substr(0, i) + "…";
}

std::string plain(const nlohmann::ordered_json& value) {
    if (value.is_null()) return "";
    if (value.is_string()) return value.get<std::string>();
    if (value.is_boolean()) return value.get<bool>() ? "yes" : "no";
    if (value.is_number_float()) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.3g", value.get<double>());
        return buffer;
    }
    if (value.is_array()) {
        std::vector<std::string> parts;
        for (const auto& item : value) parts.push_back(plain(item));
        return util::join(parts, "; ");
    }
    return value.dump();
}

constexpr auto k_dump_options = nlohmann::ordered_json::error_handler_t::replace;

}  // namespace

Result<Format> parse_format(const std::string& name) {
    if (name == "table") return Format::table;
    if (name == "json") return Format::json;
    if (name == "jsonl") return Format::jsonl;
    return Status::invalid_argument("unknown format '" + name + "'; use table, json or jsonl");
}

nlohmann::ordered_json to_json(const Value& value) {
    return std::visit(
        [](const auto& v) -> nlohmann::ordered_json {
            using V = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<V, std::monostate>) {
                return nullptr;
            } else {
                return v;
            }
        },
        value);
}

void print_objects(std::ostream& out, const std::vector<std::string>& columns,
                   const std::vector<nlohmann::ordered_json>& objects, Format format, std::size_t max_width) {
    if (format == Format::jsonl) {
        for (const auto& object : objects) out << object.dump(-1, ' ', false, k_dump_options) << '\n';
        return;
    }
    if (format == Format::json) {
        out << nlohmann::ordered_json(objects).dump(2, ' ', false, k_dump_options) << '\n';
        return;
    }
    std::vector<std::vector<std::string>> cells;
    std::vector<std::size_t> widths;
    for (const auto& column : columns) widths.push_back(display_width(column));
    for (const auto& object : objects) {
        std::vector<std::string> row;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            auto it = object.find(columns[i]);
            row.push_back(cell_text(it == object.end() ? std::string() : plain(*it), max_width));
            widths[i] = std::max(widths[i], display_width(row.back()));
        }
        cells.push_back(std::move(row));
    }
    auto print_row = [&](const std::vector<std::string>& row) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            line += row[i];
            if (i + 1 < row.size()) line += std::string(widths[i] - display_width(row[i]) + 2, ' ');
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out << line << '\n';
    };
    print_row(columns);
    std::vector<std::string> rule;
    for (std::size_t width : widths) rule.emplace_back(width, '-');
    print_row(rule);
    for (const auto& row : cells) print_row(row);
    out << "(" << objects.size() << (objects.size() == 1 ? " row" : " rows") << ")\n";
}

void print_table(std::ostream& out, const Table& table, Format format, std::size_t max_width) {
    std::vector<nlohmann::ordered_json> objects;
    objects.reserve(table.rows.size());
    for (const auto& row : table.rows) {
        nlohmann::ordered_json object = nlohmann::ordered_json::object();
        for (std::size_t i = 0; i < table.columns.size() && i < row.size(); ++i) object[table.columns[i]] = to_json(row[i]);
        objects.push_back(std::move(object));
    }
    print_objects(out, table.columns, objects, format, max_width);
}

}  // namespace claimgraph::cli
