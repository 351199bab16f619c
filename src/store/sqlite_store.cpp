// SQLite store: schema migrations, one-transaction document writes, reads for
// the CLI, graph snapshots and exports, and sandboxed read-only queries.
#include "store/sqlite_store.h"

#include "util/embedded_file.h"
#include "util/strings.h"

#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <thread>

namespace claimgraph::store {

namespace {

constexpr int k_busy_timeout_ms = 10'000;
constexpr int k_open_busy_retries = 100;  // 100 ms apart: as long as the busy timeout

/// The migration number of `NNNN_name.sql`, or 0 when the name has no number.
int migration_number(std::string_view name) {
    int number = 0;
    auto [end, error] = std::from_chars(name.data(), name.data() + name.size(), number);
    return (error == std::errc() && end != name.data() && *end == '_') ? number : 0;
}

std::string text_or_empty(const SQLite::Column& column) {
    return column.isNull() ? std::string() : column.getString();
}

/// Lets the query connection read and nothing else: no writes, no ATTACH, no
/// PRAGMA that changes state, no functions that load extensions.
int read_only_authorizer(void*, int action, const char*, const char*, const char*, const char*) {
    switch (action) {
    case SQLITE_SELECT:
    case SQLITE_READ:
    case SQLITE_FUNCTION:
    case SQLITE_RECURSIVE:
        return SQLITE_OK;
    default:
        return SQLITE_DENY;
    }
}

void bind_value(SQLite::Statement& statement, const std::string& name, const Value& value) {
    const std::string placeholder = ":" + name;
    const char* key = placeholder.c_str();
    std::visit(
        [&](const auto& v) {
            using V = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<V, std::monostate>) {
                statement.bind(key);
            } else {
                statement.bind(key, v);
            }
        },
        value);
}

Value column_value(const SQLite::Column& column) {
    switch (column.getType()) {
    case SQLITE_INTEGER:
        return column.getInt64();
    case SQLITE_FLOAT:
        return column.getDouble();
    case SQLITE_NULL:
        return std::monostate{};
    default:
        return column.getString();
    }
}

/// A read transaction on one connection: its first read fixes the snapshot (WAL),
/// later reads see the same database. Nests: only the outermost one begins and ends.
class ReadTransaction final : public ReadSnapshot {
public:
    explicit ReadTransaction(SQLite::Database& db) : m_db(db) {
        if (sqlite3_get_autocommit(m_db.getHandle()) != 0) {
            m_db.exec("BEGIN DEFERRED");
            m_owner = true;
        }
    }
    ~ReadTransaction() override {
        // Ending a read-only transaction cannot lose anything; ignore a failure.
        if (m_owner) sqlite3_exec(m_db.getHandle(), "COMMIT", nullptr, nullptr, nullptr);
    }
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;

private:
    SQLite::Database& m_db;
    bool m_owner = false;
};

}  // namespace

// Statements used for every document write, prepared once per store.
struct SqliteStore::WriteStatements {
    explicit WriteStatements(SQLite::Database& db)
        : find_document(db, "SELECT id FROM documents WHERE content_hash = ?"),
          insert_document(db,
                          "INSERT INTO documents (content_hash, kind, source, external_id, title, url, published, text)"
                          " VALUES (?, ?, ?, nullif(?, ''), nullif(?, ''), nullif(?, ''), nullif(?, ''), ?)"),
          insert_sentence(db,
                          "INSERT INTO sentences (document_id, idx, start_offset, end_offset, text) VALUES (?, ?, ?, ?, ?)"),
          find_entity_typed(db, "SELECT id FROM entities WHERE name = ? COLLATE NOCASE AND type = ?"),
          find_entity_any(db, "SELECT id, type FROM entities WHERE name = ? COLLATE NOCASE"),
          insert_entity(db, "INSERT INTO entities (name, type) VALUES (?, ?)"),
          insert_alias(db, "INSERT OR IGNORE INTO aliases (entity_id, alias) VALUES (?, ?)"),
          insert_mention(db,
                         "INSERT INTO mentions (entity_id, sentence_id, start_offset, end_offset, text)"
                         " VALUES (?, ?, ?, ?, ?)"),
          insert_triple(db,
                        "INSERT INTO triples (subject_id, predicate, object_id, negated, modality) VALUES (?, ?, ?, ?, ?)"
                        " ON CONFLICT (subject_id, predicate, object_id, negated, modality) DO NOTHING"),
          find_triple(db,
                      "SELECT id FROM triples WHERE subject_id = ? AND predicate = ? AND object_id = ?"
                      " AND negated = ? AND modality = ?"),
          insert_evidence(db,
                          "INSERT OR IGNORE INTO evidence (triple_id, document_id, sentence_id, start_offset, end_offset,"
                          " attributed_to, condition, time, place, confidence, source)"
                          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") {}

    SQLite::Statement find_document;
    SQLite::Statement insert_document;
    SQLite::Statement insert_sentence;
    SQLite::Statement find_entity_typed;
    SQLite::Statement find_entity_any;
    SQLite::Statement insert_entity;
    SQLite::Statement insert_alias;
    SQLite::Statement insert_mention;
    SQLite::Statement insert_triple;
    SQLite::Statement find_triple;
    SQLite::Statement insert_evidence;
};

namespace {
int open_flags(OpenMode mode) {
    return mode == OpenMode::read_only ? SQLite::OPEN_READONLY : (SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
}

/// Runs a statement to completion and resets it for the next use.
void run(SQLite::Statement& statement) {
    statement.exec();
    statement.reset();
}
}  // namespace

SqliteStore::SqliteStore(const std::string& path, OpenMode mode)
    : m_path(path), m_mode(mode), m_db(path, open_flags(mode), k_busy_timeout_ms) {
    m_db.exec("PRAGMA foreign_keys = ON");
}

SqliteStore::~SqliteStore() = default;

Status SqliteStore::prepare() {
    // Reading user_version is the first access to the file: a file that is not
    // SQLite at all fails here with "file is not a database".
    int version = 0;
    int tables = 0;
    {
        // One snapshot for both reads: another process creating the schema right now
        // must not be seen half (version 0 from before its commit, tables from after).
        ReadTransaction snapshot(m_db);
        version = m_db.execAndGet("PRAGMA user_version").getInt();
        if (version == 0) {
            tables = m_db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").getInt();
        }
    }
    const int latest = latest_schema_version();
    if (version > latest) {
        return Status::database_error("'" + m_path + "' has schema version " + std::to_string(version) +
                                      ", newer than this claimgraph understands (" + std::to_string(latest) +
                                      "); use a newer claimgraph");
    }
    if (version == 0) {
        if (tables > 0) {
            return Status::database_error("'" + m_path +
                                          "' is an SQLite database but not a claimgraph one (user_version 0 and " +
                                          std::to_string(tables) + " tables); pick another file with --db");
        }
    }
    if (version < latest) {
        if (m_mode == OpenMode::read_only) {
            if (version == 0) {
                return Status::not_found("'" + m_path + "' holds no claimgraph data yet; run 'claimgraph ingest' or "
                                         "'claimgraph import' first");
            }
            return Status::database_error("'" + m_path + "' has schema version " + std::to_string(version) +
                                          " and needs migrating to " + std::to_string(latest) +
                                          "; run 'claimgraph init' once");
        }
        if (m_path != ":memory:") m_db.exec("PRAGMA journal_mode = WAL");
        SQLite::Transaction transaction(m_db, SQLite::TransactionBehavior::IMMEDIATE);
        // Another writer may have migrated while we waited for the lock.
        const int current = m_db.execAndGet("PRAGMA user_version").getInt();
        for (const auto& file : embedded::schema_files()) {
            const int number = migration_number(file.name);
            if (number <= current) continue;
            m_db.exec(std::string(file.contents));
            m_db.exec("PRAGMA user_version = " + std::to_string(number));
        }
        transaction.commit();
    }
    if (m_mode == OpenMode::read_write) {
        m_db.exec("PRAGMA synchronous = NORMAL");
        m_write = std::make_unique<WriteStatements>(m_db);
    }
    return Status::ok();
}

Result<WriteOutcome> SqliteStore::write_document(const DocumentRecord& document) {
    if (!m_write) return Status::unsupported("'" + m_path + "' is open read-only");
    for (const auto& claim : document.claims) {
        if (claim.subject >= document.entities.size() || claim.object >= document.entities.size() ||
            (claim.sentence && *claim.sentence >= document.sentences.size())) {
            return Status::invalid_argument("a claim of '" + document.source + "' refers to a missing entity or sentence");
        }
        if (!(claim.confidence >= 0.0 && claim.confidence <= 1.0)) {
            return Status::invalid_argument("a claim of '" + document.source + "' has confidence outside [0, 1]");
        }
    }
    for (const auto& mention : document.mentions) {
        if (mention.entity >= document.entities.size() || mention.sentence >= document.sentences.size()) {
            return Status::invalid_argument("a mention of '" + document.source + "' refers to a missing entity or sentence");
        }
    }
    try {
        return write_document_unchecked(document);
    } catch (const SQLite::Exception& e) {
        return Status::database_error("cannot store '" + document.source + "' in '" + m_path + "': " + e.what());
    }
}

WriteOutcome SqliteStore::write_document_unchecked(const DocumentRecord& document) {
    WriteStatements& w = *m_write;
    WriteOutcome outcome;
    // IMMEDIATE takes the write lock up front, so two writers queue on the busy
    // timeout instead of failing at the first insert.
    SQLite::Transaction transaction(m_db, SQLite::TransactionBehavior::IMMEDIATE);

    w.find_document.bind(1, document.content_hash);
    if (w.find_document.executeStep()) {
        outcome.document_id = w.find_document.getColumn(0).getInt64();
        outcome.already_stored = true;
        w.find_document.reset();
        return outcome;  // the transaction rolls back: nothing was written
    }
    w.find_document.reset();

    w.insert_document.bind(1, document.content_hash);
    w.insert_document.bind(2, document.kind);
    w.insert_document.bind(3, document.source);
    w.insert_document.bind(4, document.external_id);
    w.insert_document.bind(5, document.title);
    w.insert_document.bind(6, document.url);
    w.insert_document.bind(7, document.published);
    w.insert_document.bind(8, document.text);
    run(w.insert_document);
    outcome.document_id = m_db.getLastInsertRowid();

    std::vector<std::int64_t> sentence_ids;
    sentence_ids.reserve(document.sentences.size());
    for (std::size_t i = 0; i < document.sentences.size(); ++i) {
        const SentenceRecord& sentence = document.sentences[i];
        w.insert_sentence.bind(1, outcome.document_id);
        w.insert_sentence.bind(2, static_cast<std::int64_t>(i));
        w.insert_sentence.bind(3, sentence.start);
        w.insert_sentence.bind(4, sentence.end);
        w.insert_sentence.bind(5, sentence.text);
        run(w.insert_sentence);
        sentence_ids.push_back(m_db.getLastInsertRowid());
    }

    std::vector<EntityId> entity_ids;
    entity_ids.reserve(document.entities.size());
    for (const EntityRecord& entity : document.entities) {
        const EntityId id = resolve_entity(entity, outcome.entities_added);
        entity_ids.push_back(id);
        w.insert_alias.bind(1, id);
        w.insert_alias.bind(2, entity.name);
        run(w.insert_alias);
        for (const std::string& alias : entity.aliases) {
            w.insert_alias.bind(1, id);
            w.insert_alias.bind(2, alias);
            run(w.insert_alias);
        }
    }

    for (const MentionRecord& mention : document.mentions) {
        w.insert_mention.bind(1, entity_ids[mention.entity]);
        w.insert_mention.bind(2, sentence_ids[mention.sentence]);
        w.insert_mention.bind(3, mention.start);
        w.insert_mention.bind(4, mention.end);
        w.insert_mention.bind(5, mention.text);
        run(w.insert_mention);
    }

    for (const ClaimRecord& claim : document.claims) {
        const int negated = claim.negated ? 1 : 0;
        w.insert_triple.bind(1, entity_ids[claim.subject]);
        w.insert_triple.bind(2, claim.predicate);
        w.insert_triple.bind(3, entity_ids[claim.object]);
        w.insert_triple.bind(4, negated);
        w.insert_triple.bind(5, claim.modality);
        w.insert_triple.exec();
        const bool added = w.insert_triple.getChanges() == 1;
        w.insert_triple.reset();
        TripleId triple_id = 0;
        if (added) {
            triple_id = m_db.getLastInsertRowid();
            ++outcome.triples_added;
        } else {
            w.find_triple.bind(1, entity_ids[claim.subject]);
            w.find_triple.bind(2, claim.predicate);
            w.find_triple.bind(3, entity_ids[claim.object]);
            w.find_triple.bind(4, negated);
            w.find_triple.bind(5, claim.modality);
            w.find_triple.executeStep();
            triple_id = w.find_triple.getColumn(0).getInt64();
            w.find_triple.reset();
        }
        w.insert_evidence.bind(1, triple_id);
        w.insert_evidence.bind(2, outcome.document_id);
        if (claim.sentence) {
            w.insert_evidence.bind(3, sentence_ids[*claim.sentence]);
        } else {
            w.insert_evidence.bind(3);
        }
        w.insert_evidence.bind(4, claim.start);
        w.insert_evidence.bind(5, claim.end);
        w.insert_evidence.bind(6, claim.attributed_to);
        w.insert_evidence.bind(7, claim.condition);
        w.insert_evidence.bind(8, claim.time);
        w.insert_evidence.bind(9, claim.place);
        w.insert_evidence.bind(10, claim.confidence);
        w.insert_evidence.bind(11, claim.source);
        w.insert_evidence.exec();
        outcome.evidence_added += w.insert_evidence.getChanges();
        w.insert_evidence.reset();
    }

    transaction.commit();
    return outcome;
}

EntityId SqliteStore::resolve_entity(const EntityRecord& entity, std::int64_t& entities_added) {
    WriteStatements& w = *m_write;
    EntityType type = entity.type.value_or(EntityType::other);
    if (entity.type) {
        w.find_entity_typed.bind(1, entity.name);
        w.find_entity_typed.bind(2, std::string(to_string(*entity.type)));
        const bool found = w.find_entity_typed.executeStep();
        const EntityId id = found ? w.find_entity_typed.getColumn(0).getInt64() : 0;
        w.find_entity_typed.reset();
        if (found) return id;
    } else {
        // Untyped: join the one entity of that name; with none or several, it is OTHER.
        w.find_entity_any.bind(1, entity.name);
        std::vector<std::pair<EntityId, std::string>> matches;
        while (w.find_entity_any.executeStep()) {
            matches.emplace_back(w.find_entity_any.getColumn(0).getInt64(), w.find_entity_any.getColumn(1).getString());
        }
        w.find_entity_any.reset();
        if (matches.size() == 1) return matches.front().first;
        for (const auto& [id, type_name] : matches) {
            if (type_name == to_string(EntityType::other)) return id;
        }
    }
    w.insert_entity.bind(1, entity.name);
    w.insert_entity.bind(2, std::string(to_string(type)));
    run(w.insert_entity);
    ++entities_added;
    return m_db.getLastInsertRowid();
}

Result<bool> SqliteStore::has_document(std::string_view content_hash) {
    try {
        SQLite::Statement statement(m_db, "SELECT 1 FROM documents WHERE content_hash = ?");
        statement.bind(1, std::string(content_hash));
        return statement.executeStep();
    } catch (const SQLite::Exception& e) {
        return Status::database_error(std::string("cannot read '") + m_path + "': " + e.what());
    }
}

std::vector<Entity> SqliteStore::read_entities(const std::string& where, std::optional<std::int64_t> id) {
    std::vector<Entity> entities;
    std::map<EntityId, std::size_t> index;
    SQLite::Statement statement(m_db, "SELECT e.id, e.name, e.type,"
                                      " (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id)"
                                      " FROM entities e " + where + " ORDER BY e.name COLLATE NOCASE, e.id");
    if (id) statement.bind(1, *id);
    while (statement.executeStep()) {
        Entity entity;
        entity.id = statement.getColumn(0).getInt64();
        entity.name = statement.getColumn(1).getString();
        entity.type = parse_entity_type(statement.getColumn(2).getString()).value_or(EntityType::other);
        entity.mentions = statement.getColumn(3).getInt64();
        index[entity.id] = entities.size();
        entities.push_back(std::move(entity));
    }
    SQLite::Statement aliases(m_db, id ? "SELECT entity_id, alias FROM aliases WHERE entity_id = ? ORDER BY alias"
                                       : "SELECT entity_id, alias FROM aliases ORDER BY entity_id, alias");
    if (id) aliases.bind(1, *id);
    while (aliases.executeStep()) {
        auto it = index.find(aliases.getColumn(0).getInt64());
        if (it != index.end()) entities[it->second].aliases.push_back(aliases.getColumn(1).getString());
    }
    return entities;
}

Result<std::vector<Entity>> SqliteStore::entities() {
    try {
        ReadTransaction transaction(m_db);
        return read_entities("", std::nullopt);
    } catch (const SQLite::Exception& e) {
        return Status::database_error(std::string("cannot read entities from '") + m_path + "': " + e.what());
    }
}

Result<Entity> SqliteStore::entity(EntityId id) {
    try {
        ReadTransaction transaction(m_db);
        auto found = read_entities("WHERE e.id = ?", id);
        if (found.empty()) return Status::not_found("no entity with id " + std::to_string(id));
        return std::move(found.front());
    } catch (const SQLite::Exception& e) {
        return Status::database_error(std::string("cannot read '") + m_path + "': " + e.what());
    }
}

Result<Entity> SqliteStore::find_entity(std::string_view name) {
    try {
        const std::string wanted(util::trim(name));
        auto describe = [](const Entity& e) { return e.name + " (" + std::string(to_string(e.type)) + ")"; };
        for (const char* sql : {"SELECT id FROM entities WHERE name = ? COLLATE NOCASE ORDER BY id",
                                "SELECT DISTINCT entity_id FROM aliases WHERE alias = ? COLLATE NOCASE ORDER BY entity_id"}) {
            SQLite::Statement statement(m_db, sql);
            statement.bind(1, wanted);
            std::vector<EntityId> ids;
            while (statement.executeStep()) ids.push_back(statement.getColumn(0).getInt64());
            if (ids.size() == 1) return entity(ids.front());
            if (ids.size() > 1) {
                std::vector<std::string> names;
                for (EntityId id : ids) {
                    auto e = entity(id);
                    if (e) names.push_back(describe(*e));
                }
                return Status::ambiguous("'" + wanted + "' names " + std::to_string(ids.size()) +
                                         " entities: " + util::join(names, ", ") + "; use the full name");
            }
        }
        // Unknown: suggest names and aliases that contain it or are a few edits away.
        SQLite::Statement candidates(m_db, "SELECT e.name, a.alias FROM aliases a JOIN entities e ON e.id = a.entity_id");
        const std::string lowered = util::to_lower_ascii(wanted);
        std::vector<std::pair<std::size_t, std::string>> ranked;
        std::set<std::string> seen;
        while (candidates.executeStep()) {
            const std::string entity_name = candidates.getColumn(0).getString();
            const std::string alias = candidates.getColumn(1).getString();
            const std::string lowered_alias = util::to_lower_ascii(alias);
            std::size_t score = util::edit_distance(lowered, lowered_alias);
            if (!lowered.empty() && lowered_alias.find(lowered) != std::string::npos) score = 0;
            if (score > std::max<std::size_t>(2, wanted.size() / 3)) continue;
            if (seen.insert(entity_name).second) ranked.emplace_back(score, entity_name);
        }
        std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        std::vector<std::string> suggestions;
        for (std::size_t i = 0; i < ranked.size() && i < 5; ++i) suggestions.push_back(ranked[i].second);
        std::string message = "no entity named '" + wanted + "'";
        message += suggestions.empty() ? "; 'claimgraph entities' lists them"
                                       : "; did you mean: " + util::join(suggestions, ", ") + "?";
        return Status::not_found(message);
    } catch (const SQLite::Exception& e) {
        return Status::database_error(std::string("cannot read '") + m_path + "': " + e.what());
    }
}

std::vector<Triple> SqliteStore::read_triples(const std::string& where, std::optional<std::int64_t> id) {
    std::vector<Triple> triples;
    SQLite::Statement statement(m_db,
                                "SELECT triple_id, subject_id, subject, predicate, object_id, object, modality, negated,"
                                " attributed_to, confidence, evidence, evidence_count FROM triple_view " + where +
                                " ORDER BY subject COLLATE NOCASE, predicate, object COLLATE NOCASE, triple_id");
    if (id) statement.bind(1, *id);
    while (statement.executeStep()) {
        Triple t;
        t.id = statement.getColumn(0).getInt64();
        t.subject_id = statement.getColumn(1).getInt64();
        t.subject = statement.getColumn(2).getString();
        t.predicate = statement.getColumn(3).getString();
        t.object_id = statement.getColumn(4).getInt64();
        t.object = statement.getColumn(5).getString();
        t.modality = statement.getColumn(6).getString();
        t.negated = statement.getColumn(7).getInt() != 0;
        t.attributed_to = text_or_empty(statement.getColumn(8));
        t.confidence = statement.getColumn(9).getDouble();
        t.evidence = text_or_empty(statement.getColumn(10));
        t.evidence_count = statement.getColumn(11).getInt64();
        triples.push_back(std::move(t));
    }
    return triples;
}

Result<std::vector<Triple>> SqliteStore::triples() {
    try {
        return read_triples("", std::nullopt);
    } catch (const SQLite::Exception& e) {
        return Status::database_error(std::string("cannot read triples from '") + m_path + "': " + e.what());
    }
}

Result<Triple> SqliteStore::triple(TripleId id) {
    try {
        auto found = read_triples("WHERE triple_id = ?", id);
        if (found.empty()) return Status::not_found("no triple with id " + std::to_string(id));
        return std::move(found.front());
    } catch (const SQLite::Exception& e) {
        return Status::database_error(std::string("cannot read '") + m_path + "': " + e.what());
    }
}

Result<std::vector<Evidence>> SqliteStore::evidence(TripleId id) {
    try {
        SQLite::Statement statement(
            m_db,
            "SELECT e.id, e.triple_id, e.document_id, d.source, coalesce(s.text, ''), e.start_offset, e.end_offset,"
            " e.attributed_to, e.condition, e.time, e.place, e.confidence, e.source"
            " FROM evidence e JOIN documents d ON d.id = e.document_id LEFT JOIN sentences s ON s.id = e.sentence_id"
            " WHERE e.triple_id = ? ORDER BY e.confidence DESC, e.id");
        statement.bind(1, id);
        std::vector<Evidence> rows;
        while (statement.executeStep()) {
            Evidence e;
            e.id = statement.getColumn(0).getInt64();
            e.triple_id = statement.getColumn(1).getInt64();
            e.document_id = statement.getColumn(2).getInt64();
            e.document = statement.getColumn(3).getString();
            e.sentence = statement.getColumn(4).getString();
            e.start = statement.getColumn(5).getInt64();
            e.end = statement.getColumn(6).getInt64();
            e.attributed_to = statement.getColumn(7).getString();
            e.condition = statement.getColumn(8).getString();
            e.time = statement.getColumn(9).getString();
            e.place = statement.getColumn(10).getString();
            e.confidence = statement.getColumn(11).getDouble();
            e.source = statement.getColumn(12).getString();
            rows.push_back(std::move(e));
        }
        return rows;
    } catch (const SQLite::Exception& e) {
        return Status::database_error(std::string("cannot read evidence from '") + m_path + "': " + e.what());
    }
}

Result<GraphData> SqliteStore::graph_data() {
    try {
        ReadTransaction transaction(m_db);
        GraphData data;
        SQLite::Statement nodes(m_db, "SELECT id, type FROM entities ORDER BY id");
        while (nodes.executeStep()) {
            data.nodes.push_back({nodes.getColumn(0).getInt64(),
                                  parse_entity_type(nodes.getColumn(1).getString()).value_or(EntityType::other)});
        }
        SQLite::Statement edges(m_db,
                                "SELECT t.id, t.subject_id, t.object_id, t.predicate, t.modality, t.negated,"
                                " (SELECT max(e.confidence) FROM evidence e WHERE e.triple_id = t.id)"
                                " FROM triples t ORDER BY t.id");
        while (edges.executeStep()) {
            data.edges.push_back({edges.getColumn(0).getInt64(), edges.getColumn(1).getInt64(),
                                  edges.getColumn(2).getInt64(), edges.getColumn(3).getString(),
                                  edges.getColumn(4).getString(), edges.getColumn(5).getInt() != 0,
                                  edges.getColumn(6).isNull() ? 0.0 : edges.getColumn(6).getDouble()});
        }
        return data;
    } catch (const SQLite::Exception& e) {
        return Status::database_error(std::string("cannot read the graph from '") + m_path + "': " + e.what());
    }
}

SQLite::Database& SqliteStore::query_connection() {
    if (!m_query_db) {
        // A private in-memory database cannot be opened twice: sandbox the main
        // connection's reads instead (the authorizer is removed after each query).
        if (m_path == ":memory:") return m_db;
        m_query_db = std::make_unique<SQLite::Database>(m_path, SQLite::OPEN_READONLY, k_busy_timeout_ms);
        m_query_db->exec("PRAGMA query_only = ON");
    }
    return *m_query_db;
}

Result<Table> SqliteStore::query(std::string_view sql, const QueryParams& params) {
    try {
        SQLite::Database& db = query_connection();
        sqlite3* handle = db.getHandle();
        // Only one statement: anything after it would run unchecked by a caller
        // that thinks it gave one query.
        sqlite3_stmt* probe = nullptr;
        const char* tail = nullptr;
        const std::string text(sql);
        if (sqlite3_prepare_v2(handle, text.c_str(), static_cast<int>(text.size() + 1), &probe, &tail) != SQLITE_OK) {
            std::string message = sqlite3_errmsg(handle);
            sqlite3_finalize(probe);
            return Status::invalid_argument("the query does not compile: " + message);
        }
        if (probe == nullptr) return Status::invalid_argument("the query is empty; give one SELECT statement");
        sqlite3_finalize(probe);
        if (!util::trim(tail ? std::string_view(tail) : std::string_view()).empty()) {
            const std::string rest(util::trim(tail));
            const bool only_comments = rest.rfind("--", 0) == 0 && rest.find('\n') == std::string::npos;
            if (!only_comments) return Status::invalid_argument("a query must be a single SQL statement");
        }

        sqlite3_set_authorizer(handle, read_only_authorizer, nullptr);
        struct AuthorizerGuard {
            sqlite3* handle;
            ~AuthorizerGuard() { sqlite3_set_authorizer(handle, nullptr, nullptr); }
        } guard{handle};

        SQLite::Statement statement(db, text);
        for (const auto& [name, value] : params) bind_value(statement, name, value);
        Table table;
        for (int i = 0; i < statement.getColumnCount(); ++i) table.columns.emplace_back(statement.getColumnName(i));
        while (statement.executeStep()) {
            std::vector<Value> row;
            row.reserve(table.columns.size());
            for (int i = 0; i < statement.getColumnCount(); ++i) row.push_back(column_value(statement.getColumn(i)));
            table.rows.push_back(std::move(row));
        }
        return table;
    } catch (const SQLite::Exception& e) {
        const std::string what = e.what();
        if (e.getErrorCode() == SQLITE_AUTH || what.find("not authorized") != std::string::npos) {
            return Status::invalid_argument("queries are read-only: " + what);
        }
        return Status::database_error("query failed on '" + m_path + "': " + what);
    }
}

Result<Stats> SqliteStore::stats() {
    try {
        ReadTransaction transaction(m_db);
        Stats stats;
        stats.schema_version = m_db.execAndGet("PRAGMA user_version").getInt();
        auto count = [&](const char* table) {
            return m_db.execAndGet(std::string("SELECT count(*) FROM ") + table).getInt64();
        };
        stats.documents = count("documents");
        stats.sentences = count("sentences");
        stats.entities = count("entities");
        stats.aliases = count("aliases");
        stats.mentions = count("mentions");
        stats.triples = count("triples");
        stats.evidence = count("evidence");
        return stats;
    } catch (const SQLite::Exception& e) {
        return Status::database_error(std::string("cannot read '") + m_path + "': " + e.what());
    }
}

Result<std::unique_ptr<ReadSnapshot>> SqliteStore::snapshot() {
    try {
        return std::unique_ptr<ReadSnapshot>(std::make_unique<ReadTransaction>(m_db));
    } catch (const SQLite::Exception& e) {
        return Status::database_error(std::string("cannot read '") + m_path + "': " + e.what());
    }
}

int latest_schema_version() {
    int latest = 0;
    for (const auto& file : embedded::schema_files()) latest = std::max(latest, migration_number(file.name));
    return latest;
}

namespace {

/// Lets SQLite finish what a killed writer left: roll back a hot journal or
/// rebuild the WAL index. A read-only connection cannot, and fails with
/// SQLITE_READONLY until some connection that may write has opened the file.
bool recover_after_crash(const std::string& path) {
    try {
        SQLite::Database db(path, SQLite::OPEN_READWRITE, k_busy_timeout_ms);
        db.execAndGet("PRAGMA user_version");  // the first read does the recovery
        return true;
    } catch (const SQLite::Exception&) {
        return false;
    }
}

}  // namespace

Result<std::unique_ptr<Store>> open_store(const std::string& path, OpenMode mode) {
    if (path.empty()) return Status::invalid_argument("the database path is empty; give one with --db");
    if (mode == OpenMode::read_only && path != ":memory:" && !std::filesystem::exists(path)) {
        return Status::not_found("no database at '" + path +
                                 "'; build one with 'claimgraph ingest' or 'claimgraph import', or pick one with --db");
    }
    int busy_retries = 0;
    for (int attempt = 0;; ++attempt) {
        try {
            auto store = std::make_unique<SqliteStore>(path, mode);
            if (Status status = store->prepare(); !status) return status;
            return std::unique_ptr<Store>(std::move(store));
        } catch (const SQLite::Exception& e) {
            const std::string what = e.what();
            if (e.getErrorCode() == SQLITE_NOTADB) {
                return Status::database_error("'" + path + "' is not an SQLite database; pick another file with --db");
            }
            // Two processes creating one database at once: switching a new file to WAL
            // can fail with SQLITE_BUSY without waiting on the busy timeout. Try again.
            if ((e.getErrorCode() & 0xFF) == SQLITE_BUSY && busy_retries < k_open_busy_retries) {
                ++busy_retries;
                --attempt;
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
                continue;
            }
            const bool needs_recovery = mode == OpenMode::read_only && (e.getErrorCode() & 0xFF) == SQLITE_READONLY;
            if (!needs_recovery || attempt > 0) return Status::database_error("cannot open '" + path + "': " + what);
            if (!recover_after_crash(path)) {
                return Status::database_error("'" + path + "' needs recovering after a crash (" + what +
                                              "), which needs write access to it and its folder; run a claimgraph "
                                              "command that writes (e.g. 'claimgraph init') as a user who can");
            }
        }
    }
}

}  // namespace claimgraph::store
