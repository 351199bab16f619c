// JSON Lines triples → one import DocumentRecord, validating every line.
#include <claimgraph/importer.h>

#include "util/strings.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <thread>
#include <unordered_map>

namespace claimgraph::importer {

namespace {

constexpr std::size_t k_max_errors_listed = 10;

using Json = nlohmann::json;

/// Keeps the first problem of a line: the one to fix first.
void note(std::string& error, std::string message) {
    if (error.empty()) error = std::move(message);
}

/// Reads an optional string field; sets `error` when present but not a string.
std::string optional_string(const Json& line, const char* key, std::string& error) {
    auto it = line.find(key);
    if (it == line.end() || it->is_null()) return {};
    if (!it->is_string()) {
        note(error, std::string("'") + key + "' must be a string");
        return {};
    }
    return std::string(util::trim(it->get_ref<const std::string&>()));
}

std::string required_string(const Json& line, const char* key, std::string& error) {
    auto it = line.find(key);
    if (it == line.end() || !it->is_string() || util::trim(it->get_ref<const std::string&>()).empty()) {
        note(error, std::string("'") + key + "' must be a non-empty string");
        return {};
    }
    return std::string(util::trim(it->get_ref<const std::string&>()));
}

/// Reads an optional array of non-empty strings.
std::vector<std::string> optional_strings(const Json& line, const char* key, std::string& error) {
    std::vector<std::string> values;
    auto it = line.find(key);
    if (it == line.end() || it->is_null()) return values;
    if (!it->is_array()) {
        note(error, std::string("'") + key + "' must be an array of strings");
        return values;
    }
    for (const auto& item : *it) {
        if (!item.is_string() || util::trim(item.get_ref<const std::string&>()).empty()) {
            note(error, std::string("'") + key + "' must be an array of non-empty strings");
            return {};
        }
        values.emplace_back(util::trim(item.get_ref<const std::string&>()));
    }
    return values;
}

/// Builds the document while lines are read: entities and sentences are shared
/// by every line that names them.
class DocumentBuilder {
public:
    explicit DocumentBuilder(DocumentRecord& document) : m_document(document) {}

    std::size_t entity(const std::string& name, std::optional<EntityType> type,
                       const std::vector<std::string>& aliases) {
        const std::size_t index = entity(name, type);
        for (const std::string& alias : aliases) add_alias(index, alias);
        return index;
    }

    std::size_t entity(const std::string& name, std::optional<EntityType> type) {
        // The key: lower-cased name, then a byte for "typed" and one for the type.
        std::string key = util::to_lower_ascii(name);
        key.push_back('\0');
        key.push_back(type ? static_cast<char>('a' + static_cast<int>(*type)) : '-');
        auto [it, inserted] = m_entities.try_emplace(std::move(key), m_document.entities.size());
        if (inserted) {
            m_document.entities.push_back({name, type, {}});
        } else {
            add_alias(it->second, name);
        }
        return it->second;
    }

    void add_alias(std::size_t index, const std::string& alias) {
        auto& entity = m_document.entities[index];
        if (alias == entity.name) return;
        if (std::find(entity.aliases.begin(), entity.aliases.end(), alias) == entity.aliases.end()) {
            entity.aliases.push_back(alias);
        }
    }

    /// Makes room for `count` sentences; sentence() may add no more than that.
    void reserve_sentences(std::size_t count) { m_document.sentences.reserve(count); }

    std::size_t sentence(std::string&& text) {
        auto it = m_sentences.find(text);
        if (it != m_sentences.end()) return it->second;
        // Keyed by a view of the stored text: the vector never reallocates (reserved).
        const std::size_t index = m_document.sentences.size();
        const auto size = static_cast<std::int64_t>(text.size());
        m_document.sentences.push_back({0, size, std::move(text)});
        m_sentences.emplace(m_document.sentences.back().text, index);
        return index;
    }

private:
    DocumentRecord& m_document;
    // Hashed, not ordered: a million-line import looks these up twice per line.
    std::unordered_map<std::string, std::size_t> m_entities;
    std::unordered_map<std::string_view, std::size_t> m_sentences;
};

/// What one line names besides its claim: entities and sentence are shared by
/// every line that names them, so they are numbered later, in line order.
struct LineNames {
    std::string subject;
    std::string object;
    std::optional<EntityType> types[2];
    std::vector<std::string> subject_aliases;
    std::vector<std::string> object_aliases;
    std::string sentence;
};

/// Parses one line into `claim` and `names`; returns the reason when the line is bad.
std::string parse_line(std::string_view text, ClaimRecord& claim, LineNames& names) {
    if (!util::is_valid_utf8(text)) return "not valid UTF-8";
    Json line = Json::parse(text, nullptr, false);
    if (line.is_discarded()) return "not valid JSON";
    if (!line.is_object()) return "not a JSON object";

    std::string error;
    names.subject = required_string(line, "subject", error);
    const std::string predicate = required_string(line, "predicate", error);
    names.object = required_string(line, "object", error);
    const char* type_keys[2] = {"subject_type", "object_type"};
    for (int i = 0; i < 2; ++i) {
        const std::string name = optional_string(line, type_keys[i], error);
        if (name.empty()) continue;
        names.types[i] = parse_entity_type(name);
        if (!names.types[i]) note(error, std::string("'") + type_keys[i] + "' is '" + name + "', not one of PERSON, ORG, GPE, LOC, GROUP, EVENT, DATE, OTHER");
    }
    names.subject_aliases = optional_strings(line, "subject_aliases", error);
    names.object_aliases = optional_strings(line, "object_aliases", error);
    claim.predicate = predicate;
    claim.modality = util::to_lower_ascii(optional_string(line, "modality", error));
    claim.attributed_to = optional_string(line, "attributed_to", error);
    claim.condition = optional_string(line, "condition", error);
    claim.time = optional_string(line, "time", error);
    claim.place = optional_string(line, "place", error);
    claim.source = optional_string(line, "source", error);
    names.sentence = optional_string(line, "sentence", error);
    if (auto it = line.find("negated"); it != line.end() && !it->is_null()) {
        if (!it->is_boolean()) note(error, "'negated' must be true or false");
        else claim.negated = it->get<bool>();
    }
    if (auto it = line.find("confidence"); it != line.end() && !it->is_null()) {
        if (!it->is_number() || it->get<double>() < 0.0 || it->get<double>() > 1.0) {
            note(error, "'confidence' must be a number from 0 to 1");
        } else {
            claim.confidence = it->get<double>();
        }
    }
    return error;
}

/// A run of whole lines that one thread parses.
struct Chunk {
    std::string_view text;
    std::size_t lines = 0;  // lines in `text`, blank ones included, to number the next chunk's
    std::vector<ClaimRecord> claims;
    std::vector<LineNames> names;
    std::size_t bad_lines = 0;
    std::vector<std::pair<std::size_t, std::string>> errors;  // (line in this chunk, reason), the first few
};

void parse_chunk(Chunk& chunk) {
    const std::string_view contents = chunk.text;
    // Sized once: growing by doubling moved every claim and touched twice the memory.
    const auto lines = static_cast<std::size_t>(std::count(contents.begin(), contents.end(), '\n')) + 1;
    chunk.claims.reserve(lines);
    chunk.names.reserve(lines);
    std::size_t begin = 0;
    while (begin < contents.size()) {
        std::size_t end = contents.find('\n', begin);
        if (end == std::string_view::npos) end = contents.size();
        const std::string_view text = util::trim(contents.substr(begin, end - begin));
        begin = end + 1;
        ++chunk.lines;
        if (text.empty()) continue;
        ClaimRecord claim;
        LineNames names;
        std::string error = parse_line(text, claim, names);
        if (error.empty()) {
            // After a bad line nothing is stored: stop keeping claims.
            if (chunk.bad_lines == 0) {
                chunk.claims.push_back(std::move(claim));
                chunk.names.push_back(std::move(names));
            }
            continue;
        }
        ++chunk.bad_lines;
        if (chunk.errors.size() < k_max_errors_listed) chunk.errors.emplace_back(chunk.lines, std::move(error));
    }
}

/// Splits `contents` into about `parts` runs of whole lines.
std::vector<Chunk> split_lines(std::string_view contents, std::size_t parts) {
    std::vector<Chunk> chunks;
    std::size_t begin = 0;
    for (std::size_t part = 1; part <= parts && begin < contents.size(); ++part) {
        std::size_t end = contents.size();
        if (part < parts) {
            const std::size_t target = std::max(begin, contents.size() / parts * part);
            const std::size_t newline = contents.find('\n', target);
            if (newline != std::string_view::npos) end = newline + 1;
        }
        chunks.emplace_back().text = contents.substr(begin, end - begin);
        begin = end;
    }
    return chunks;
}

/// Files at least this large are parsed on several threads.
constexpr std::size_t k_parallel_bytes = std::size_t{1} << 20;
constexpr unsigned k_max_threads = 8;

}  // namespace

Result<DocumentRecord> parse_triples_jsonl(std::string_view contents, const std::string& source) {
    DocumentRecord document;
    document.source = source;
    document.kind = "import";

    // JSON parsing is most of an import's time and lines are independent, so
    // runs of lines are parsed on all cores (the hash alongside); entities and
    // sentences are then numbered on this thread in line order, so the document
    // is the same as a one-thread parse gives.
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t parts =
        contents.size() < k_parallel_bytes ? 1 : std::min<std::size_t>({cores, k_max_threads, contents.size() / k_parallel_bytes});
    std::vector<Chunk> chunks = split_lines(contents, parts);
    {
        std::vector<std::jthread> threads;
        for (std::size_t i = 1; i < chunks.size(); ++i) threads.emplace_back([&chunk = chunks[i]] { parse_chunk(chunk); });
        if (!chunks.empty()) parse_chunk(chunks.front());
        document.content_hash = util::sha256_hex(contents);
    }

    std::vector<std::string> errors;
    std::size_t bad_lines = 0;
    std::size_t lines_before = 0;
    std::size_t claims = 0;
    for (const Chunk& chunk : chunks) {
        bad_lines += chunk.bad_lines;
        for (const auto& [line, error] : chunk.errors) {
            if (errors.size() < k_max_errors_listed) errors.push_back("line " + std::to_string(lines_before + line) + ": " + error);
        }
        lines_before += chunk.lines;
        claims += chunk.claims.size();
    }
    if (bad_lines > 0) {
        std::string message = "'" + source + "' has " + std::to_string(bad_lines) + " bad line" +
                              (bad_lines == 1 ? "" : "s") + "; nothing from it was stored:\n  " + util::join(errors, "\n  ");
        if (bad_lines > errors.size()) message += "\n  (" + std::to_string(bad_lines - errors.size()) + " more)";
        return Status::invalid_input(message);
    }
    if (claims == 0) return Status::invalid_input("'" + source + "' holds no triples");

    DocumentBuilder builder(document);
    builder.reserve_sentences(claims);
    document.claims.reserve(claims);
    for (Chunk& chunk : chunks) {
        for (std::size_t i = 0; i < chunk.claims.size(); ++i) {
            ClaimRecord& claim = chunk.claims[i];
            LineNames& names = chunk.names[i];
            claim.subject = builder.entity(names.subject, names.types[0], names.subject_aliases);
            claim.object = builder.entity(names.object, names.types[1], names.object_aliases);
            if (!names.sentence.empty()) claim.sentence = builder.sentence(std::move(names.sentence));
            document.claims.push_back(std::move(claim));
        }
        chunk = Chunk{};  // frees this chunk before the next one is moved
    }
    return document;
}

}  // namespace claimgraph::importer
