// The store: where documents, entities, triples and evidence live. The rest of
// the program talks to it only through this interface (SQLite today).
#pragma once

#include <claimgraph/model.h>
#include <claimgraph/status.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace claimgraph::store {

enum class OpenMode {
    read_write,  ///< creates the database if missing and applies pending migrations
    read_only,   ///< the database must exist; nothing can be written
};

/// Counts of every table and the schema version.
struct Stats {
    int schema_version = 0;
    std::int64_t documents = 0;
    std::int64_t sentences = 0;
    std::int64_t entities = 0;
    std::int64_t aliases = 0;
    std::int64_t mentions = 0;
    std::int64_t triples = 0;
    std::int64_t evidence = 0;
};

/// What writing one document changed.
struct WriteOutcome {
    DocumentId document_id = 0;
    bool already_stored = false;  ///< the same content hash was stored before; nothing changed
    std::int64_t entities_added = 0;
    std::int64_t triples_added = 0;
    std::int64_t evidence_added = 0;
};

/// The minimum a graph snapshot needs, in id order.
struct GraphData {
    struct Node {
        EntityId id;
        EntityType type;
    };
    struct Edge {
        TripleId id;
        EntityId subject;
        EntityId object;
        std::string predicate;
        std::string modality;
        bool negated;
        double confidence;
    };
    std::vector<Node> nodes;
    std::vector<Edge> edges;
};

/// One consistent view of the database, held while this object lives: reads made
/// through the Store in the meantime see no writes that other connections commit.
class ReadSnapshot {
public:
    virtual ~ReadSnapshot() = default;
};

/// Named parameters of a read-only query, bound by name (`:name`).
using QueryParams = std::vector<std::pair<std::string, Value>>;

/// Bounds on one read-only query, so that a runaway statement (a recursive CTE
/// without an end) fails with a message instead of running or growing forever.
/// Zero means no bound.
struct QueryLimits {
    double max_seconds = 60;
    std::size_t max_rows = 1'000'000;
};

/// A claimgraph database. Not thread-safe: use one Store per thread (each opens
/// its own connection; SQLite's WAL mode lets readers run beside one writer).
class Store {
public:
    virtual ~Store() = default;

    /// Stores one document and everything extracted from it in one transaction:
    /// either all of it is stored or none. A document whose content hash is
    /// already stored changes nothing (`already_stored`).
    virtual Result<WriteOutcome> write_document(const DocumentRecord& document) = 0;
    /// True if a document with this content hash is stored.
    virtual Result<bool> has_document(std::string_view content_hash) = 0;

    /// All entities, ordered by name, with aliases and mention counts.
    virtual Result<std::vector<Entity>> entities() = 0;
    /// One entity by id.
    virtual Result<Entity> entity(EntityId id) = 0;
    /// The one entity whose name or alias is `name` (case-insensitive; a name
    /// match wins over an alias match). not_found and ambiguous errors list close matches.
    virtual Result<Entity> find_entity(std::string_view name) = 0;
    /// All triples, ordered by subject, predicate, object.
    virtual Result<std::vector<Triple>> triples() = 0;
    /// One triple by id.
    virtual Result<Triple> triple(TripleId id) = 0;
    /// Every evidence row of a triple, most confident first.
    virtual Result<std::vector<Evidence>> evidence(TripleId id) = 0;
    /// Nodes and edges for a graph snapshot.
    virtual Result<GraphData> graph_data() = 0;

    /// Runs one SQL statement on a read-only connection with bound named
    /// parameters. A statement that would write fails with invalid_argument, as
    /// does one that runs past `limits.max_seconds` or returns more than
    /// `limits.max_rows` rows.
    virtual Result<Table> query(std::string_view sql, const QueryParams& params, const QueryLimits& limits = {}) = 0;

    virtual Result<Stats> stats() = 0;

    /// Starts a consistent view for several reads (entities() then triples() for an
    /// export, while an ingest writes). Each read method is consistent on its own;
    /// a snapshot makes a series of them agree. Not for use around write_document().
    virtual Result<std::unique_ptr<ReadSnapshot>> snapshot() = 0;
};

/// Opens (and with read_write, creates or migrates) the SQLite database at
/// `path`; `:memory:` gives a private in-memory database. Refuses a file that is
/// not a claimgraph database or whose schema is newer than this binary.
Result<std::unique_ptr<Store>> open_store(const std::string& path, OpenMode mode);

/// The schema version this binary writes (the number of the last migration).
int latest_schema_version();

}  // namespace claimgraph::store
