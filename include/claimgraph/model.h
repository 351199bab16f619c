// The values that flow between claimgraph's stages: what is written to the
// store for one document, and what is read back from it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace claimgraph {

using DocumentId = std::int64_t;
using EntityId = std::int64_t;
using TripleId = std::int64_t;

/// Coarse entity classes, stored and printed upper-case (`PERSON`, `GPE`, ...).
enum class EntityType { person, org, gpe, loc, group, event, date, other };

/// `PERSON`, `ORG`, `GPE`, `LOC`, `GROUP`, `EVENT`, `DATE` or `OTHER`.
std::string_view to_string(EntityType type);
/// Parses a type name case-insensitively; std::nullopt for an unknown name.
std::optional<EntityType> parse_entity_type(std::string_view name);
/// Every type, in declaration order.
const std::vector<EntityType>& all_entity_types();

// ---- written to the store -------------------------------------------------

/// A sentence of a document; offsets are bytes into DocumentRecord::text.
struct SentenceRecord {
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::string text;
};

/// An entity as one document knows it. Entities of different documents with the
/// same canonical name (case-insensitive) and type are one entity in the store.
/// Without a type, the entity joins the one stored entity of that name if there is
/// exactly one, and is stored as OTHER otherwise.
struct EntityRecord {
    std::string name;
    std::optional<EntityType> type;
    std::vector<std::string> aliases;  ///< surface forms; the name is always an alias too
};

/// One place where a document names an entity.
struct MentionRecord {
    std::size_t entity = 0;    ///< index into DocumentRecord::entities
    std::size_t sentence = 0;  ///< index into DocumentRecord::sentences
    std::int64_t start = 0;    ///< byte offsets into DocumentRecord::text
    std::int64_t end = 0;
    std::string text;
};

/// One claim stated by one sentence: an edge subject --predicate--> object with
/// its qualifiers. Empty strings mean "not stated".
struct ClaimRecord {
    std::size_t subject = 0;  ///< index into DocumentRecord::entities
    std::string predicate;
    std::size_t object = 0;   ///< index into DocumentRecord::entities
    bool negated = false;
    std::string modality;      ///< `may`, `would`, `must`, `will`, ...; empty for a plain assertion
    std::string attributed_to; ///< who said it (a name), empty when the text asserts it
    std::string condition;     ///< an `if ...` clause
    std::string time;          ///< `on Friday`, `since 1992`
    std::string place;         ///< `in Moscow`
    double confidence = 1.0;   ///< in [0, 1]
    std::optional<std::size_t> sentence;  ///< index into DocumentRecord::sentences
    std::int64_t start = 0;    ///< byte span of the claim in the text (0, 0 when unknown)
    std::int64_t end = 0;
    std::string source;        ///< where an imported claim came from (URL, extractor name)
};

/// Everything one document contributes; the store writes it in one transaction.
struct DocumentRecord {
    std::string source;        ///< file path, URL or `-`
    std::string content_hash;  ///< identifies the document: the same hash is stored once
    std::string kind = "article";  ///< `article` (extracted text) or `import` (a triples file)
    std::string external_id;   ///< JSON Lines `id`
    std::string title;
    std::string url;
    std::string published;
    std::string text;
    std::vector<SentenceRecord> sentences;
    std::vector<EntityRecord> entities;
    std::vector<MentionRecord> mentions;
    std::vector<ClaimRecord> claims;
};

// ---- read from the store --------------------------------------------------

/// A stored entity with every surface form it was named by.
struct Entity {
    EntityId id = 0;
    std::string name;
    EntityType type = EntityType::other;
    std::vector<std::string> aliases;
    std::int64_t mentions = 0;
};

/// One sentence (or imported line) that states a triple.
struct Evidence {
    std::int64_t id = 0;
    TripleId triple_id = 0;
    DocumentId document_id = 0;
    std::string document;  ///< the document's source
    std::string sentence;  ///< empty when an imported claim had none
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::string attributed_to;
    std::string condition;
    std::string time;
    std::string place;
    double confidence = 0;
    std::string source;
};

/// A graph edge: one distinct subject/predicate/object/polarity/modality.
/// Confidence, attribution and evidence come from its most confident evidence.
struct Triple {
    TripleId id = 0;
    EntityId subject_id = 0;
    std::string subject;
    std::string predicate;
    EntityId object_id = 0;
    std::string object;
    std::string modality;
    bool negated = false;
    std::string attributed_to;
    double confidence = 0;
    std::string evidence;
    std::int64_t evidence_count = 0;
};

/// A cell of a query result.
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

/// A query result: column names and rows of cells.
struct Table {
    std::vector<std::string> columns;
    std::vector<std::vector<Value>> rows;
};

}  // namespace claimgraph
