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
#include <sstream>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <thread>

namespace claimgraph::store {

namespace {

constexpr int k_busy_timeout_ms = 10'000;
constexpr int k_open_busy_retries = 100;  // 100 ms apart: as long as the busy timeout

/// A document with at least this many claims, and at least as many as the
/// store holds rows of evidence, is written with its indexes dropped and
/// rebuilt (see write_document_unchecked). Rebuilding costs a sort of the whole
/// table, so a large import into a larger store updates them row by row.
constexpr std::size_t k_bulk_claims = 50'000;

/// The indexes a bulk write drops and builds again at its end. Their SQL is
/// read back from sqlite_schema before the drop, so they come back exactly as
/// the migrations made them. The unique ones cannot be broken by the write:
/// evidence_once_per_sentence, because the document's sentences are new rows
/// and write_document_unchecked skips a repeated (triple, sentence) pair before
/// inserting; triples_by_key, because claims are grouped by key in memory and
/// stored triples are looked up (with the index, before it is dropped).
constexpr const char* k_bulk_indexes[] = {
    "triples_by_object", "triples_by_predicate", "evidence_by_triple", "evidence_by_document",
    "evidence_once_per_sentence", "aliases_by_alias",
};
constexpr const char* k_bulk_key_index = "triples_by_key";

/// Rows per multi-row INSERT: one statement execution per this many rows instead
/// of one per row (each execution costs a few thousand instructions on its own).
constexpr std::size_t k_rows_per_insert = 64;

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

/// Compares like SQLite's NOCASE collation: bytes with ASCII letters folded to
/// lower case, then the shorter string first.
int compare_nocase(std::string_view a, std::string_view b) {
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        auto fold = [](char c) {
            const auto byte = static_cast<unsigned char>(c);
            return byte >= 'A' && byte <= 'Z' ? byte + ('a' - 'A') : byte;
        };
        const int x = fold(a[i]);
        const int y = fold(b[i]);
        if (x != y) return x - y;
    }
    return a.size() < b.size() ? -1 : (a.size() > b.size() ? 1 : 0);
}

/// A statement on the C API for large reads: cells are read straight from the
/// row, without SQLiteCpp's per-cell Column objects. Throws SQLite::Exception.
class RawStatement {
public:
    RawStatement(sqlite3* db, const char* sql) : m_db(db) {
        const int rc = sqlite3_prepare_v2(db, sql, -1, &m_statement, nullptr);
        if (rc != SQLITE_OK) throw SQLite::Exception(db, rc);
    }
    ~RawStatement() { sqlite3_finalize(m_statement); }
    RawStatement(const RawStatement&) = delete;
    RawStatement& operator=(const RawStatement&) = delete;

    /// Steps to the next row; false at the end.
    bool step() {
        const int rc = sqlite3_step(m_statement);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        throw SQLite::Exception(m_db, rc);
    }
    void bind(int index, std::int64_t value) { check(sqlite3_bind_int64(m_statement, index, value)); }
    void bind(int index, double value) { check(sqlite3_bind_double(m_statement, index, value)); }
    void bind_null(int index) { check(sqlite3_bind_null(m_statement, index)); }
    /// Binds text without copying it: `value` must stay alive until the statement is reset.
    void bind_static(int index, std::string_view value) {
        check(sqlite3_bind_text(m_statement, index, value.data(), static_cast<int>(value.size()), SQLITE_STATIC));
    }
    /// Runs a statement that returns no rows, then resets it for the next use.
    void run() {
        const int rc = sqlite3_step(m_statement);
        sqlite3_reset(m_statement);
        if (rc != SQLITE_DONE && rc != SQLITE_ROW) throw SQLite::Exception(m_db, rc);
    }
    void reset() { sqlite3_reset(m_statement); }
    std::int64_t int64(int column) const { return sqlite3_column_int64(m_statement, column); }
    double real(int column) const { return sqlite3_column_double(m_statement, column); }
    std::string_view text(int column) const {
        const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
        return data == nullptr ? std::string_view()
                               : std::string_view(data, static_cast<std::size_t>(sqlite3_column_bytes(m_statement, column)));
    }

private:
    void check(int rc) const {
        if (rc != SQLITE_OK) throw SQLite::Exception(m_db, rc);
    }

    sqlite3* m_db;
    sqlite3_stmt* m_statement = nullptr;
};

/// Inserts `count` rows with multi-row INSERT statements of k_rows_per_insert
/// rows each (and one for the rest). `bind_row(statement, first_parameter, i)`
/// binds row i's `columns` values from parameter `first_parameter` on.
template <typename BindRow>
void insert_rows(sqlite3* db, std::string_view head, int columns, std::size_t count, BindRow bind_row) {
    auto make = [&](std::size_t rows) {
        std::string row = "(";
        for (int c = 0; c < columns; ++c) row += c == 0 ? "?" : ",?";
        row += ")";
        std::string sql(head);
        sql += " VALUES ";
        for (std::size_t r = 0; r < rows; ++r) {
            if (r > 0) sql += ",";
            sql += row;
        }
        return std::make_unique<RawStatement>(db, sql.c_str());
    };
    std::unique_ptr<RawStatement> full;
    std::size_t i = 0;
    if (count >= k_rows_per_insert) {
        full = make(k_rows_per_insert);
        for (; count - i >= k_rows_per_insert; i += k_rows_per_insert) {
            for (std::size_t r = 0; r < k_rows_per_insert; ++r) bind_row(*full, static_cast<int>(r) * columns + 1, i + r);
            full->run();
        }
    }
    if (i < count) {
        auto rest = make(count - i);
        for (std::size_t r = 0; i + r < count; ++r) bind_row(*rest, static_cast<int>(r) * columns + 1, i + r);
        rest->run();
    }
}

/// The largest rowid of `table` (0 when empty): a new row without an explicit
/// id would get this plus one, so explicit ids from there on are the same ids.
std::int64_t max_rowid(sqlite3* db, const char* table) {
    RawStatement statement(db, (std::string("SELECT coalesce(max(rowid), 0) FROM ") + table).c_str());
    return statement.step() ? statement.int64(0) : 0;
}

/// Turns SQLite's foreign-key enforcement off for the life of the object. The
/// pragma is a no-op inside a transaction, so this is made before one begins.
class ForeignKeysOff {
public:
    explicit ForeignKeysOff(SQLite::Database& db) : m_db(db) { m_db.exec("PRAGMA foreign_keys = OFF"); }
    ~ForeignKeysOff() {
        // Only fails when the connection is unusable anyway.
        sqlite3_exec(m_db.getHandle(), "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
    }
    ForeignKeysOff(const ForeignKeysOff&) = delete;
    ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

private:
    SQLite::Database& m_db;
};

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

// Statements used for every document write, prepared once per store. Sentences,
// triples and evidence are written by insert_rows() instead.
struct SqliteStore::WriteStatements {
    explicit WriteStatements(SQLite::Database& db)
        : find_document(db, "SELECT id FROM documents WHERE content_hash = ?"),
          insert_document(db,
                          "INSERT INTO documents (content_hash, kind, source, external_id, title, url, published, text)"
                          " VALUES (?, ?, ?, nullif(?, ''), nullif(?, ''), nullif(?, ''), nullif(?, ''), ?)"),
          find_entity_typed(db, "SELECT id FROM entities WHERE name = ? COLLATE NOCASE AND type = ?"),
          find_entity_any(db, "SELECT id, type FROM entities WHERE name = ? COLLATE NOCASE"),
          insert_entity(db, "INSERT INTO entities (name, type) VALUES (?, ?)"),
          insert_mention(db,
                         "INSERT INTO mentions (entity_id, sentence_id, start_offset, end_offset, text)"
                         " VALUES (?, ?, ?, ?, ?)"),
          find_triple(db.getHandle(),
                      "SELECT id FROM triples WHERE subject_id = ? AND predicate = ? AND object_id = ?"
                      " AND negated = ? AND modality = ?") {}

    SQLite::Statement find_document;
    SQLite::Statement insert_document;
    SQLite::Statement find_entity_typed;
    SQLite::Statement find_entity_any;
    SQLite::Statement insert_entity;
    SQLite::Statement insert_mention;
    RawStatement find_triple;
};

namespace {
int open_flags(OpenMode mode) {
    // A Store is used by one thread at a time (see store.h), so SQLite's own
    // per-call mutexes only cost time: a lock and an unlock on every step and bind.
    return SQLite::OPEN_NOMUTEX |
           (mode == OpenMode::read_only ? SQLite::OPEN_READONLY : (SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE));
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
        // A migration may rebuild a table (SQLite cannot drop a constraint):
        // with enforcement on, dropping the old table would delete the rows
        // that refer to it. The keys are checked around the migrations instead:
        // they may not leave more rows referring to nothing than they found.
        ForeignKeysOff foreign_keys_off(m_db);
        SQLite::Transaction transaction(m_db, SQLite::TransactionBehavior::IMMEDIATE);
        auto dangling_rows = [this] { return m_db.execAndGet("SELECT count(*) FROM pragma_foreign_key_check").getInt64(); };
        // Another writer may have migrated while we waited for the lock.
        const int current = m_db.execAndGet("PRAGMA user_version").getInt();
        if (current < latest) {
            const std::int64_t dangling_before = current == 0 ? 0 : dangling_rows();
            for (const auto& file : embedded::schema_files()) {
                const int number = migration_number(file.name);
                if (number <= current) continue;
                m_db.exec(std::string(file.contents));
                m_db.exec("PRAGMA user_version = " + std::to_string(number));
            }
            if (const std::int64_t dangling = dangling_rows(); dangling > dangling_before) {
                return Status::database_error("'" + m_path + "' was not migrated to schema version " +
                                              std::to_string(latest) + ": the migration would leave " +
                                              std::to_string(dangling - dangling_before) +
                                              " rows referring to missing rows; the file is unchanged");
            }
            transaction.commit();
        }
    }
    if (m_mode == OpenMode::read_write) {
        m_db.exec("PRAGMA synchronous = NORMAL");
        m_db.exec("PRAGMA cache_size = -262144");
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
        // Every id a write uses comes from this transaction's own inserts and
        // lookups, and the record's indexes were checked above, so SQLite's
        // foreign-key checks (five index lookups per claim) would only cost time.
        // The pragma cannot change inside a transaction: it is switched around it.
        ForeignKeysOff foreign_keys_off(m_db);
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

    sqlite3* db = m_db.getHandle();
    // A large document (a bulk import) is cheaper to index afterwards: each
    // index of k_bulk_indexes is dropped and built again by one sort at the end,
    // instead of being updated row by row in random order. Readers never see the
    // gap (one transaction).
    const bool bulk = document.claims.size() >= k_bulk_claims &&
                      static_cast<std::int64_t>(document.claims.size()) >= max_rowid(db, "evidence");
    std::vector<std::string> dropped_indexes;
    auto drop_index = [&](const char* index) {
        std::string create;
        {
            SQLite::Statement sql(m_db, "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?");
            sql.bind(1, index);
            if (!sql.executeStep()) return;
            create = sql.getColumn(0).getString();
        }  // finished before the schema changes
        m_db.exec(std::string("DROP INDEX ") + index);
        dropped_indexes.push_back(std::move(create));
    };
    if (bulk) {
        for (const char* index : k_bulk_indexes) drop_index(index);
    }

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

    // Rows are written table by table with explicit ids, the ids SQLite would
    // have given them one by one (largest + 1), so that evidence can refer to
    // sentences and triples without a lookup per row.
    const std::int64_t first_sentence_id = max_rowid(db, "sentences") + 1;
    insert_rows(db, "INSERT INTO sentences (id, document_id, idx, start_offset, end_offset, text)", 6,
                document.sentences.size(), [&](RawStatement& st, int p, std::size_t i) {
                    const SentenceRecord& sentence = document.sentences[i];
                    st.bind(p, first_sentence_id + static_cast<std::int64_t>(i));
                    st.bind(p + 1, outcome.document_id);
                    st.bind(p + 2, static_cast<std::int64_t>(i));
                    st.bind(p + 3, sentence.start);
                    st.bind(p + 4, sentence.end);
                    st.bind_static(p + 5, sentence.text);
                });
    auto sentence_id = [&](std::size_t index) { return first_sentence_id + static_cast<std::int64_t>(index); };

    // Entities join the stored entity of the same name (any case) and type. When
    // the table was empty, the only candidates are this document's own earlier
    // entities, looked up in memory instead of in SQLite (NOCASE folds ASCII
    // only, as to_lower_ascii does).
    const bool entities_stored = max_rowid(db, "entities") > 0;
    std::unordered_map<std::string, std::vector<std::pair<EntityId, EntityType>>> added_entities;
    std::vector<EntityId> entity_ids;
    entity_ids.reserve(document.entities.size());
    std::vector<std::pair<EntityId, const std::string*>> aliases;
    for (const EntityRecord& entity : document.entities) {
        EntityId id = 0;
        if (entities_stored) {
            id = resolve_entity(entity, outcome.entities_added);
        } else {
            auto& same_name = added_entities[util::to_lower_ascii(entity.name)];
            if (entity.type) {
                for (const auto& [candidate, type] : same_name) {
                    if (type == *entity.type) id = candidate;
                }
            } else if (same_name.size() == 1) {
                id = same_name.front().first;  // untyped: the one entity of that name
            } else {
                for (const auto& [candidate, type] : same_name) {
                    if (type == EntityType::other) id = candidate;
                }
            }
            if (id == 0) {
                const EntityType type = entity.type.value_or(EntityType::other);
                w.insert_entity.bind(1, entity.name);
                w.insert_entity.bind(2, std::string(to_string(type)));
                run(w.insert_entity);
                ++outcome.entities_added;
                id = m_db.getLastInsertRowid();
                same_name.emplace_back(id, type);
            }
        }
        entity_ids.push_back(id);
        aliases.emplace_back(id, &entity.name);
        for (const std::string& alias : entity.aliases) aliases.emplace_back(id, &alias);
    }
    insert_rows(db, "INSERT OR IGNORE INTO aliases (entity_id, alias)", 2, aliases.size(),
                [&](RawStatement& st, int p, std::size_t i) {
                    st.bind(p, aliases[i].first);
                    st.bind_static(p + 1, *aliases[i].second);
                });

    for (const MentionRecord& mention : document.mentions) {
        w.insert_mention.bind(1, entity_ids[mention.entity]);
        w.insert_mention.bind(2, sentence_id(mention.sentence));
        w.insert_mention.bind(3, mention.start);
        w.insert_mention.bind(4, mention.end);
        w.insert_mention.bind(5, mention.text);
        run(w.insert_mention);
    }

    // Each claim's triple. Claims are sorted by their triple's key, so that the
    // claims of one triple are neighbours, stored triples are looked up in key
    // order, and new triples are inserted in key order (see below). Predicates and
    // modalities are numbered in byte order first, so that a key is five integers.
    std::vector<std::string_view> predicates;
    std::vector<std::string_view> modalities;
    auto numbering = [](std::vector<std::string_view>& names) {
        return [&names, ids = std::unordered_map<std::string_view, std::uint32_t>()](std::string_view name) mutable {
            auto [it, added] = ids.try_emplace(name, static_cast<std::uint32_t>(names.size()));
            if (added) names.push_back(name);
            return it->second;
        };
    };
    auto predicate_number = numbering(predicates);
    auto modality_number = numbering(modalities);
    struct ClaimKey {
        EntityId subject;
        std::uint32_t predicate;  // a rank in byte order, once ranked
        EntityId object;
        std::uint32_t negated;
        std::uint32_t modality;   // a rank in byte order, once ranked
        std::uint32_t claim;
        auto tie() const { return std::tie(subject, predicate, object, negated, modality); }
    };
    std::vector<ClaimKey> keys(document.claims.size());
    for (std::size_t i = 0; i < document.claims.size(); ++i) {
        const ClaimRecord& claim = document.claims[i];
        keys[i] = {entity_ids[claim.subject], predicate_number(claim.predicate), entity_ids[claim.object],
                   claim.negated ? 1u : 0u, modality_number(claim.modality), static_cast<std::uint32_t>(i)};
    }
    auto byte_ranks = [](const std::vector<std::string_view>& names) {
        std::vector<std::uint32_t> order(names.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::uint32_t>(i);
        std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return names[a] < names[b]; });
        std::vector<std::uint32_t> rank(names.size());
        for (std::size_t r = 0; r < order.size(); ++r) rank[order[r]] = static_cast<std::uint32_t>(r);
        return rank;
    };
    const auto predicate_rank = byte_ranks(predicates);
    const auto modality_rank = byte_ranks(modalities);
    for (ClaimKey& key : keys) {
        key.predicate = predicate_rank[key.predicate];
        key.modality = modality_rank[key.modality];
    }
    std::sort(keys.begin(), keys.end(), [](const ClaimKey& a, const ClaimKey& b) {
        const auto x = a.tie();
        const auto y = b.tie();
        return x < y || (x == y && a.claim < b.claim);
    });

    // Groups of claims with one key: [group_begin[g], group_begin[g + 1]) in keys,
    // in key order. A stored triple keeps its id; new ones are numbered in the
    // order the document first states them, as inserting them one by one did.
    const std::int64_t last_triple_id = max_rowid(db, "triples");
    std::vector<std::uint32_t> group_begin;
    for (std::size_t k = 0; k < keys.size(); ++k) {
        if (k == 0 || keys[k].tie() != keys[k - 1].tie()) group_begin.push_back(static_cast<std::uint32_t>(k));
    }
    group_begin.push_back(static_cast<std::uint32_t>(keys.size()));
    const std::size_t groups = group_begin.size() - 1;
    std::vector<TripleId> group_triple(groups, 0);
    if (last_triple_id > 0) {
        RawStatement& find = w.find_triple;
        for (std::size_t g = 0; g < groups; ++g) {
            const ClaimRecord& claim = document.claims[keys[group_begin[g]].claim];
            find.bind(1, keys[group_begin[g]].subject);
            find.bind_static(2, claim.predicate);
            find.bind(3, keys[group_begin[g]].object);
            find.bind(4, std::int64_t{claim.negated ? 1 : 0});
            find.bind_static(5, claim.modality);
            if (find.step()) group_triple[g] = find.int64(0);
            find.reset();
        }
    }
    // The group of each new triple's first claim, in claim order, numbers them.
    std::vector<std::uint32_t> first_claim_group(document.claims.size(), UINT32_MAX);
    for (std::size_t g = 0; g < groups; ++g) {
        if (group_triple[g] == 0) first_claim_group[keys[group_begin[g]].claim] = static_cast<std::uint32_t>(g);
    }
    TripleId next_triple_id = last_triple_id;
    for (std::uint32_t g : first_claim_group) {
        if (g != UINT32_MAX) group_triple[g] = ++next_triple_id;
    }
    outcome.triples_added = next_triple_id - last_triple_id;
    std::vector<TripleId> claim_triple(document.claims.size());
    std::vector<std::uint32_t> new_groups;
    for (std::size_t g = 0; g < groups; ++g) {
        for (std::uint32_t k = group_begin[g]; k < group_begin[g + 1]; ++k) claim_triple[keys[k].claim] = group_triple[g];
        if (group_triple[g] > last_triple_id) new_groups.push_back(static_cast<std::uint32_t>(g));
    }
    // New triples go in in id order, so the table grows at its end. The key's
    // index would take them in random order; a bulk write drops it (every stored
    // triple has been looked up above) and builds it by one sort at the end.
    std::sort(new_groups.begin(), new_groups.end(),
              [&](std::uint32_t a, std::uint32_t b) { return group_triple[a] < group_triple[b]; });
    if (bulk) drop_index(k_bulk_key_index);
    insert_rows(db, "INSERT INTO triples (id, subject_id, predicate, object_id, negated, modality)", 6,
                new_groups.size(), [&](RawStatement& st, int p, std::size_t n) {
                    const std::uint32_t g = new_groups[n];
                    const ClaimKey& key = keys[group_begin[g]];
                    const ClaimRecord& claim = document.claims[key.claim];
                    st.bind(p, group_triple[g]);
                    st.bind(p + 1, key.subject);
                    st.bind_static(p + 2, claim.predicate);
                    st.bind(p + 3, key.object);
                    st.bind(p + 4, std::int64_t{claim.negated ? 1 : 0});
                    st.bind_static(p + 5, claim.modality);
                });

    // A sentence states a triple once (evidence_once_per_sentence): a later
    // claim of the same triple in the same sentence adds nothing, as INSERT OR
    // IGNORE did. Such claims are in the same group.
    std::vector<bool> repeated(document.claims.size(), false);
    for (std::size_t g = 0; g < groups; ++g) {
        const std::uint32_t begin = group_begin[g];
        const std::uint32_t end = group_begin[g + 1];
        if (end - begin < 2) continue;
        std::unordered_set<std::size_t> sentences;
        for (std::uint32_t k = begin; k < end; ++k) {  // claim order within a group
            const auto& sentence = document.claims[keys[k].claim].sentence;
            if (sentence && !sentences.insert(*sentence).second) repeated[keys[k].claim] = true;
        }
    }
    std::vector<std::size_t> evidence;
    evidence.reserve(document.claims.size());
    for (std::size_t i = 0; i < document.claims.size(); ++i) {
        if (!repeated[i]) evidence.push_back(i);
    }
    insert_rows(db,
                "INSERT INTO evidence (triple_id, document_id, sentence_id, start_offset, end_offset, attributed_to,"
                " condition, time, place, confidence, source)",
                11, evidence.size(), [&](RawStatement& st, int p, std::size_t n) {
                    const std::size_t i = evidence[n];
                    const ClaimRecord& claim = document.claims[i];
                    st.bind(p, claim_triple[i]);
                    st.bind(p + 1, outcome.document_id);
                    if (claim.sentence) {
                        st.bind(p + 2, sentence_id(*claim.sentence));
                    } else {
                        st.bind_null(p + 2);
                    }
                    st.bind(p + 3, claim.start);
                    st.bind(p + 4, claim.end);
                    st.bind_static(p + 5, claim.attributed_to);
                    st.bind_static(p + 6, claim.condition);
                    st.bind_static(p + 7, claim.time);
                    st.bind_static(p + 8, claim.place);
                    st.bind(p + 9, claim.confidence);
                    st.bind_static(p + 10, claim.source);
                });
    outcome.evidence_added = static_cast<std::int64_t>(evidence.size());

    for (const std::string& create : dropped_indexes) m_db.exec(create);
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

std::vector<Triple> SqliteStore::read_all_triples() {
    // What `SELECT ... FROM triple_view ORDER BY ...` returns, computed from one
    // scan of each table instead of two correlated subqueries per triple and a
    // sort of the joined rows in SQLite (the 1M-edge export spent most of its
    // time there). triple_view_matches_triples (tests/store) holds them equal.
    sqlite3* db = m_db.getHandle();
    // Entities by position in id order; ids usually have no gaps, so the
    // position of an id is a subtraction (else a binary search).
    std::vector<EntityId> entity_ids;
    std::vector<std::string> names;
    const auto entity_count = static_cast<std::size_t>(m_db.execAndGet("SELECT count(*) FROM entities").getInt64());
    entity_ids.reserve(entity_count);
    names.reserve(entity_count);
    for (RawStatement entities(db, "SELECT id, name FROM entities ORDER BY id"); entities.step();) {
        entity_ids.push_back(entities.int64(0));
        names.emplace_back(entities.text(1));
    }
    const bool dense_entities =
        entity_ids.empty() || entity_ids.back() - entity_ids.front() + 1 == static_cast<EntityId>(entity_ids.size());
    auto entity_position = [&](EntityId id) -> std::optional<std::size_t> {
        if (entity_ids.empty()) return std::nullopt;
        if (dense_entities) {
            if (id < entity_ids.front() || id > entity_ids.back()) return std::nullopt;
            return static_cast<std::size_t>(id - entity_ids.front());
        }
        auto it = std::lower_bound(entity_ids.begin(), entity_ids.end(), id);
        if (it == entity_ids.end() || *it != id) return std::nullopt;
        return static_cast<std::size_t>(it - entity_ids.begin());
    };

    // Triples as plain numbers: predicates and modalities are few, so each is
    // kept once and referred to by its number (ranked for the sort below); the
    // strings of a listed triple are made once, in listing order.
    struct Row {
        TripleId id;
        EntityId subject_id;
        EntityId object_id;
        std::uint32_t predicate;
        std::uint32_t modality;
        bool negated;
        std::int64_t evidence_count;
    };
    std::vector<std::string> predicates;
    std::vector<std::string> modalities;
    std::unordered_map<std::string, std::uint32_t> predicate_number;
    std::unordered_map<std::string, std::uint32_t> modality_number;
    std::string lookup;  // reused: no allocation per row
    auto number = [&lookup](std::unordered_map<std::string, std::uint32_t>& numbers, std::vector<std::string>& distinct,
                         std::string_view text) {
        lookup.assign(text);
        auto [it, added] = numbers.try_emplace(lookup, static_cast<std::uint32_t>(distinct.size()));
        if (added) distinct.push_back(lookup);
        return it->second;
    };
    std::vector<Row> triples;
    triples.reserve(static_cast<std::size_t>(m_db.execAndGet("SELECT count(*) FROM triples").getInt64()));
    for (RawStatement rows(db, "SELECT id, subject_id, predicate, object_id, modality, negated FROM triples ORDER BY id");
         rows.step();) {
        triples.push_back({rows.int64(0), rows.int64(1), rows.int64(3), number(predicate_number, predicates, rows.text(2)),
                           number(modality_number, modalities, rows.text(4)), rows.int64(5) != 0, 0});
    }
    // Triple ids ascend; when they have no gaps the position is id - first id.
    const TripleId first_triple = triples.empty() ? 0 : triples.front().id;
    const bool dense_triples =
        triples.empty() || triples.back().id - first_triple + 1 == static_cast<TripleId>(triples.size());
    auto position = [&](TripleId id) -> std::optional<std::size_t> {
        if (dense_triples) {
            if (id < first_triple || id - first_triple >= static_cast<TripleId>(triples.size())) return std::nullopt;
            return static_cast<std::size_t>(id - first_triple);
        }
        auto it = std::lower_bound(triples.begin(), triples.end(), id,
                                   [](const Row& t, TripleId wanted) { return t.id < wanted; });
        if (it == triples.end() || it->id != id) return std::nullopt;
        return static_cast<std::size_t>(it - triples.begin());
    };

    // The best evidence of each triple: highest confidence, then lowest id.
    struct Best {
        std::int64_t id = 0;
        double confidence = -1;
        std::int64_t sentence = 0;  // 0: none
        std::string attributed_to;
    };
    std::vector<Best> best(triples.size());
    for (RawStatement evidence(db, "SELECT id, triple_id, confidence, sentence_id, attributed_to FROM evidence");
         evidence.step();) {
        const auto at = position(evidence.int64(1));
        if (!at) continue;
        Row& t = triples[*at];
        ++t.evidence_count;
        Best& b = best[*at];
        const std::int64_t id = evidence.int64(0);
        const double confidence = evidence.real(2);
        if (confidence > b.confidence || (confidence == b.confidence && id < b.id)) {
            b.id = id;
            b.confidence = confidence;
            b.sentence = evidence.int64(3);
            b.attributed_to = std::string(evidence.text(4));
        }
    }

    // Evidence sentences: one ordered scan merged with the sorted wanted ids,
    // kept in one buffer until the triples are in listing order, so that each
    // triple's strings are allocated in the order a writer reads them.
    std::string sentence_text;
    std::vector<std::pair<std::size_t, std::size_t>> sentence_span(triples.size(), {0, 0});
    std::vector<std::pair<std::int64_t, std::size_t>> wanted;
    for (std::size_t i = 0; i < triples.size(); ++i) {
        if (best[i].sentence != 0) wanted.emplace_back(best[i].sentence, i);
    }
    std::sort(wanted.begin(), wanted.end());
    auto next = wanted.begin();
    if (next != wanted.end()) {
        RawStatement sentences(db, "SELECT id, text FROM sentences WHERE id >= ? ORDER BY id");
        sentences.bind(1, next->first);
        while (next != wanted.end() && sentences.step()) {
            const std::int64_t id = sentences.int64(0);
            while (next != wanted.end() && next->first < id) ++next;  // a sentence that no longer exists
            if (next == wanted.end() || next->first != id) continue;
            const std::string_view text = sentences.text(1);
            const std::size_t offset = sentence_text.size();
            sentence_text += text;
            for (; next != wanted.end() && next->first == id; ++next) sentence_span[next->second] = {offset, text.size()};
        }
    }

    // ORDER BY subject COLLATE NOCASE, predicate, object COLLATE NOCASE, triple_id:
    // names and predicates are ranked once, then sort keys are integers.
    std::vector<std::size_t> by_name(names.size());
    for (std::size_t i = 0; i < by_name.size(); ++i) by_name[i] = i;
    std::sort(by_name.begin(), by_name.end(),
              [&](std::size_t a, std::size_t b) { return compare_nocase(names[a], names[b]) < 0; });
    std::vector<std::uint32_t> name_rank(names.size());
    std::uint32_t rank = 0;
    for (std::size_t i = 0; i < by_name.size(); ++i) {
        if (i > 0 && compare_nocase(names[by_name[i - 1]], names[by_name[i]]) != 0) ++rank;
        name_rank[by_name[i]] = rank;
    }
    std::vector<std::uint32_t> predicate_order(predicates.size());
    for (std::uint32_t i = 0; i < predicate_order.size(); ++i) predicate_order[i] = i;
    std::sort(predicate_order.begin(), predicate_order.end(),
              [&](std::uint32_t a, std::uint32_t b) { return predicates[a] < predicates[b]; });
    std::vector<std::uint32_t> predicate_rank(predicates.size());
    for (std::uint32_t r = 0; r < predicate_order.size(); ++r) predicate_rank[predicate_order[r]] = r;

    struct Key {
        std::uint32_t subject, predicate, object;
        TripleId id;
        std::size_t index;
    };
    std::vector<Key> keys;
    keys.reserve(triples.size());
    for (std::size_t i = 0; i < triples.size(); ++i) {
        // Triples without evidence or with a missing end are not in triple_view (inner joins).
        if (best[i].confidence < 0) continue;
        const auto subject = entity_position(triples[i].subject_id);
        const auto object = entity_position(triples[i].object_id);
        if (!subject || !object) continue;
        keys.push_back({name_rank[*subject], predicate_rank[triples[i].predicate], name_rank[*object], triples[i].id, i});
    }
    std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
        return std::tie(a.subject, a.predicate, a.object, a.id) < std::tie(b.subject, b.predicate, b.object, b.id);
    });
    std::vector<Triple> listed;
    listed.reserve(keys.size());
    for (const Key& key : keys) {
        const Row& t = triples[key.index];
        Triple& out = listed.emplace_back();
        out.id = t.id;
        out.subject_id = t.subject_id;
        out.subject = names[*entity_position(t.subject_id)];
        out.predicate = predicates[t.predicate];
        out.object_id = t.object_id;
        out.object = names[*entity_position(t.object_id)];
        out.modality = modalities[t.modality];
        out.negated = t.negated;
        out.attributed_to = best[key.index].attributed_to;
        out.confidence = best[key.index].confidence;
        const auto [offset, length] = sentence_span[key.index];
        out.evidence.assign(sentence_text, offset, length);
        out.evidence_count = t.evidence_count;
    }
    return listed;
}

Result<std::vector<Triple>> SqliteStore::triples() {
    try {
        // Several scans: one read transaction so they all see the same database.
        ReadTransaction transaction(m_db);
        return read_all_triples();
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
        // The snapshot of a million-edge graph is read here on every graph
        // command, so this reads through the C API (no per-cell Column objects),
        // reserves up front, and takes each triple's best confidence from one
        // scan of the evidence table instead of a correlated subquery per triple.
        sqlite3* db = m_db.getHandle();
        GraphData data;
        data.nodes.reserve(static_cast<std::size_t>(m_db.execAndGet("SELECT count(*) FROM entities").getInt64()));
        data.edges.reserve(static_cast<std::size_t>(m_db.execAndGet("SELECT count(*) FROM triples").getInt64()));
        RawStatement nodes(db, "SELECT id, type FROM entities ORDER BY id");
        while (nodes.step()) {
            data.nodes.push_back({nodes.int64(0), parse_entity_type(nodes.text(1)).value_or(EntityType::other)});
        }
        RawStatement edges(db, "SELECT id, subject_id, object_id, predicate, modality, negated FROM triples ORDER BY id");
        while (edges.step()) {
            data.edges.push_back({edges.int64(0), edges.int64(1), edges.int64(2), std::string(edges.text(3)),
                                  std::string(edges.text(4)), edges.int64(5) != 0, 0.0});
        }
        // Triple ids ascend; when they have no gaps the position is id - first id.
        const TripleId first = data.edges.empty() ? 0 : data.edges.front().id;
        const bool dense = data.edges.empty() || data.edges.back().id - first + 1 == static_cast<TripleId>(data.edges.size());
        RawStatement evidence(db, "SELECT triple_id, confidence FROM evidence");
        while (evidence.step()) {
            const TripleId triple = evidence.int64(0);
            GraphData::Edge* edge = nullptr;
            if (dense) {
                if (triple >= first && triple - first < static_cast<TripleId>(data.edges.size())) {
                    edge = &data.edges[static_cast<std::size_t>(triple - first)];
                }
            } else {
                auto it = std::lower_bound(data.edges.begin(), data.edges.end(), triple,
                                           [](const GraphData::Edge& e, TripleId id) { return e.id < id; });
                if (it != data.edges.end() && it->id == triple) edge = &*it;
            }
            // Confidences are in [0, 1] (a CHECK constraint), so 0 is the maximum of none.
            if (edge != nullptr) edge->confidence = std::max(edge->confidence, evidence.real(1));
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

Result<Table> SqliteStore::query(std::string_view sql, const QueryParams& params, const QueryLimits& limits) {
    // SQLite calls the progress handler every few thousand virtual-machine steps;
    // returning non-zero interrupts the statement.
    struct Deadline {
        std::chrono::steady_clock::time_point end;
        bool hit = false;
    } deadline{std::chrono::steady_clock::now() + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                                      std::chrono::duration<double>(limits.max_seconds)),
               false};
    auto too_slow = [&] {
        std::ostringstream message;
        message << "the query ran longer than " << limits.max_seconds << " s and was stopped; add a LIMIT or a tighter WHERE, or raise the time limit";
        return Status::invalid_argument(message.str());
    };
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
        if (limits.max_seconds > 0) {
            sqlite3_progress_handler(
                handle, 10000,
                [](void* data) {
                    auto* d = static_cast<Deadline*>(data);
                    d->hit = d->hit || std::chrono::steady_clock::now() > d->end;
                    return d->hit ? 1 : 0;
                },
                &deadline);
        }
        struct AuthorizerGuard {
            sqlite3* handle;
            ~AuthorizerGuard() {
                sqlite3_set_authorizer(handle, nullptr, nullptr);
                sqlite3_progress_handler(handle, 0, nullptr, nullptr);
            }
        } guard{handle};

        SQLite::Statement statement(db, text);
        for (const auto& [name, value] : params) bind_value(statement, name, value);
        Table table;
        for (int i = 0; i < statement.getColumnCount(); ++i) table.columns.emplace_back(statement.getColumnName(i));
        while (statement.executeStep()) {
            if (limits.max_rows > 0 && table.rows.size() >= limits.max_rows) {
                return Status::invalid_argument("the query returns more than " + std::to_string(limits.max_rows) +
                                                " rows; add a LIMIT, or raise the row limit");
            }
            std::vector<Value> row;
            row.reserve(table.columns.size());
            for (int i = 0; i < statement.getColumnCount(); ++i) row.push_back(column_value(statement.getColumn(i)));
            table.rows.push_back(std::move(row));
        }
        return table;
    } catch (const SQLite::Exception& e) {
        if (deadline.hit) return too_slow();
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
