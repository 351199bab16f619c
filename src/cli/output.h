// How listing commands print: aligned text tables, JSON arrays or JSON Lines.
#pragma once

#include <claimgraph/model.h>
#include <claimgraph/status.h>

#include <nlohmann/json_fwd.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace claimgraph::cli {

enum class Format { table, json, jsonl };

/// Parses `table`, `json` or `jsonl`.
Result<Format> parse_format(const std::string& name);

/// Prints `table` in `format`: an aligned text table (cells cut at `max_width`
/// characters, 0 for no limit, control characters shown as spaces), one JSON
/// array of objects, or one object per line.
void print_table(std::ostream& out, const Table& table, Format format, std::size_t max_width = 60);

/// Prints JSON objects (all with the keys of `columns`, in that order) in `format`.
void print_objects(std::ostream& out, const std::vector<std::string>& columns,
                   const std::vector<nlohmann::ordered_json>& objects, Format format, std::size_t max_width = 60);

/// A cell as JSON: null, integer, number or string.
nlohmann::ordered_json to_json(const Value& value);

}  // namespace claimgraph::cli
