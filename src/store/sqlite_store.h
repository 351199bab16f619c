// The SQLite implementation of store::Store.
#pragma once

#include <claimgraph/store.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <memory>
#include <optional>
#include <string>

namespace claimgraph::store {

/// A Store on one SQLite file (or `:memory:`). Writes go through the main
/// connection; `query()` runs on a second, read-only connection with an
/// authorizer that allows reading only. Not thread-safe.
class SqliteStore final : public Store {
public:
    /// Opens the file; see open_store(). Throws SQLite::Exception; open_store() catches.
    SqliteStore(const std::string& path, OpenMode mode);
    ~SqliteStore() override;

    Result<WriteOutcome> write_document(const DocumentRecord& document) override;
    Result<bool> has_document(std::string_view content_hash) override;
    Result<std::vector<Entity>> entities() override;
    Result<Entity> entity(EntityId id) override;
    Result<Entity> find_entity(std::string_view name) override;
    Result<std::vector<Triple>> triples() override;
    Result<Triple> triple(TripleId id) override;
    Result<std::vector<Evidence>> evidence(TripleId id) override;
    Result<GraphData> graph_data() override;
    Result<Table> query(std::string_view sql, const QueryParams& params, const QueryLimits& limits) override;
    Result<Stats> stats() override;
    Result<std::unique_ptr<ReadSnapshot>> snapshot() override;

    /// Checks the schema version and applies pending migrations (read_write only).
    Status prepare();

private:
    struct WriteStatements;

    WriteOutcome write_document_unchecked(const DocumentRecord& document);
    EntityId resolve_entity(const EntityRecord& entity, std::int64_t& entities_added);
    std::vector<Entity> read_entities(const std::string& where, std::optional<std::int64_t> id);
    std::vector<Triple> read_triples(const std::string& where, std::optional<std::int64_t> id);
    /// Every triple as read_triples("") lists them, without the view's per-row subqueries.
    std::vector<Triple> read_all_triples();
    SQLite::Database& query_connection();

    std::string m_path;
    OpenMode m_mode;
    SQLite::Database m_db;
    std::unique_ptr<SQLite::Database> m_query_db;  // lazily opened, read-only
    std::unique_ptr<WriteStatements> m_write;      // declared after m_db: destroyed first
};

}  // namespace claimgraph::store
