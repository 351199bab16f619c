// JSON Lines triples → one import DocumentRecord, validating every line.
#include <claimgraph/importer.h>

#include "util/strings.h"

#include <nlohmann/json.hpp>

#include <algorithm>
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

    std::size_t sentence(const std::string& text) {
        auto [it, inserted] = m_sentences.try_emplace(text, m_document.sentences.size());
        if (inserted) m_document.sentences.push_back({0, static_cast<std::int64_t>(text.size()), text});
        return it->second;
    }

private:
    DocumentRecord& m_document;
    // Hashed, not ordered: a million-line import looks these up twice per line.
    std::unordered_map<std::string, std::size_t> m_entities;
    std::unordered_map<std::string, std::size_t> m_sentences;
};

/// Parses one line into `claim` (entities and sentence added through `builder`);
/// returns the reason when the line is bad.
std::string parse_line(std::string_view text, DocumentBuilder& builder, ClaimRecord& claim) {
    if (!util::is_valid_utf8(text)) return "not valid UTF-8";
    Json line = Json::parse(text, nullptr, false);
    if (line.is_discarded()) return "not valid JSON";
    if (!line.is_object()) return "not a JSON object";

    std::string error;
    const std::string subject = required_string(line, "subject", error);
    const std::string predicate = required_string(line, "predicate", error);
    const std::string object = required_string(line, "object", error);
    std::optional<EntityType> types[2];
    const char* type_keys[2] = {"subject_type", "object_type"};
    for (int i = 0; i < 2; ++i) {
        const std::string name = optional_string(line, type_keys[i], error);
        if (name.empty()) continue;
        types[i] = parse_entity_type(name);
        if (!types[i]) note(error, std::string("'") + type_keys[i] + "' is '" + name + "', not one of PERSON, ORG, GPE, LOC, GROUP, EVENT, DATE, OTHER");
    }
    const std::vector<std::string> subject_aliases = optional_strings(line, "subject_aliases", error);
    const std::vector<std::string> object_aliases = optional_strings(line, "object_aliases", error);
    claim.predicate = predicate;
    claim.modality = util::to_lower_ascii(optional_string(line, "modality", error));
    claim.attributed_to = optional_string(line, "attributed_to", error);
    claim.condition = optional_string(line, "condition", error);
    claim.time = optional_string(line, "time", error);
    claim.place = optional_string(line, "place", error);
    claim.source = optional_string(line, "source", error);
    const std::string sentence = optional_string(line, "sentence", error);
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
    if (!error.empty()) return error;

    claim.subject = builder.entity(subject, types[0], subject_aliases);
    claim.object = builder.entity(object, types[1], object_aliases);
    if (!sentence.empty()) claim.sentence = builder.sentence(sentence);
    return {};
}

}  // namespace

Result<DocumentRecord> parse_triples_jsonl(std::string_view contents, const std::string& source) {
    DocumentRecord document;
    document.source = source;
    document.kind = "import";
    document.content_hash = util::sha256_hex(contents);
    DocumentBuilder builder(document);

    std::vector<std::string> errors;
    std::size_t bad_lines = 0;
    std::size_t line_number = 0;
    std::size_t begin = 0;
    while (begin < contents.size()) {
        std::size_t end = contents.find('\n', begin);
        if (end == std::string_view::npos) end = contents.size();
        const std::string_view text = util::trim(contents.substr(begin, end - begin));
        begin = end + 1;
        ++line_number;
        if (text.empty()) continue;
        ClaimRecord claim;
        const std::string error = parse_line(text, builder, claim);
        if (error.empty()) {
            document.claims.push_back(std::move(claim));
            continue;
        }
        ++bad_lines;
        if (errors.size() < k_max_errors_listed) errors.push_back("line " + std::to_string(line_number) + ": " + error);
    }
    if (bad_lines > 0) {
        std::string message = "'" + source + "' has " + std::to_string(bad_lines) + " bad line" +
                              (bad_lines == 1 ? "" : "s") + "; nothing from it was stored:\n  " + util::join(errors, "\n  ");
        if (bad_lines > errors.size()) message += "\n  (" + std::to_string(bad_lines - errors.size()) + " more)";
        return Status::invalid_input(message);
    }
    if (document.claims.empty()) return Status::invalid_input("'" + source + "' holds no triples");
    return document;
}

}  // namespace claimgraph::importer
