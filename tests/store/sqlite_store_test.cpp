#include "test_support.h"
#include "util/embedded_file.h"

#include <SQLiteCpp/Database.h>

#include <fstream>

#include <sys/wait.h>
#include <unistd.h>

using namespace claimgraph;
using claimgraph::testing::TempDir;

namespace {

std::unique_ptr<store::Store> memory_store() {
    auto store = store::open_store(":memory:", store::OpenMode::read_write);
    REQUIRE(store.is_ok());
    return std::move(store).value();
}

/// A document with two entities and one claim between them.
DocumentRecord two_entity_document(const std::string& hash, const std::string& a, std::optional<EntityType> a_type,
                                   const std::string& b, std::optional<EntityType> b_type, const std::string& predicate) {
    DocumentRecord d;
    d.source = hash + ".txt";
    d.content_hash = hash;
    d.text = a + " " + predicate + " " + b + ".";
    d.sentences.push_back({0, static_cast<std::int64_t>(d.text.size()), d.text});
    d.entities.push_back({a, a_type, {}});
    d.entities.push_back({b, b_type, {}});
    d.mentions.push_back({0, 0, 0, static_cast<std::int64_t>(a.size()), a});
    ClaimRecord claim;
    claim.subject = 0;
    claim.object = 1;
    claim.predicate = predicate;
    claim.sentence = 0;
    claim.confidence = 0.8;
    d.claims.push_back(claim);
    return d;
}

}  // namespace

TEST_CASE("SqliteStore schema") {
    SUBCASE("a new database gets the latest schema version") {
        auto store = memory_store();
        auto stats = store->stats();
        REQUIRE(stats.is_ok());
        CHECK(stats->schema_version == store::latest_schema_version());
        CHECK(store::latest_schema_version() >= 1);
        CHECK(stats->documents == 0);
    }
    SUBCASE("a database newer than the binary is refused") {
        TempDir dir;
        const std::string path = dir.file("new.db");
        {
            SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            db.exec("PRAGMA user_version = 999");
        }
        auto store = store::open_store(path, store::OpenMode::read_write);
        REQUIRE_FALSE(store.is_ok());
        CHECK(store.status().code() == StatusCode::database_error);
        CHECK(store.status().message().find("newer") != std::string::npos);
    }
    SUBCASE("an SQLite file of another program is refused, untouched") {
        TempDir dir;
        const std::string path = dir.file("other.db");
        {
            SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            db.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me')");
        }
        auto store = store::open_store(path, store::OpenMode::read_write);
        REQUIRE_FALSE(store.is_ok());
        CHECK(store.status().message().find("not a claimgraph") != std::string::npos);
        SQLite::Database db(path, SQLite::OPEN_READONLY);
        CHECK(db.execAndGet("SELECT body FROM notes").getString() == "keep me");
        CHECK(db.execAndGet("PRAGMA user_version").getInt() == 0);
    }
    SUBCASE("a file that is not SQLite is refused") {
        TempDir dir;
        const std::string path = dir.file("text.db");
        std::ofstream(path) << "just some text, long enough to not look like an empty database file.............\n"
                               "................................................................................\n";
        auto store = store::open_store(path, store::OpenMode::read_write);
        REQUIRE_FALSE(store.is_ok());
        CHECK(store.status().code() == StatusCode::database_error);
        CHECK(store.status().message().find("not an SQLite database") != std::string::npos);
    }
    SUBCASE("read-only open of a missing file is not_found and creates nothing") {
        TempDir dir;
        auto store = store::open_store(dir.file("missing.db"), store::OpenMode::read_only);
        REQUIRE_FALSE(store.is_ok());
        CHECK(store.status().code() == StatusCode::not_found);
        CHECK_FALSE(std::filesystem::exists(dir.file("missing.db")));
    }
    SUBCASE("a file database uses WAL") {
        TempDir dir;
        const std::string path = dir.file("wal.db");
        REQUIRE(store::open_store(path, store::OpenMode::read_write).is_ok());
        SQLite::Database db(path, SQLite::OPEN_READONLY);
        CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
    }
}

TEST_CASE("SqliteStore migrates a version 1 database without losing a row") {
    // A database as claimgraph 1 left it: the first migration only, with two
    // triples, their evidence (ON DELETE CASCADE from triples) and one more
    // piece of evidence for the first triple.
    TempDir dir;
    const std::string path = dir.file("v1.db");
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        const auto files = embedded::schema_files();
        REQUIRE(files.size() >= 2);
        REQUIRE(files[0].name == "0001_initial.sql");
        db.exec(std::string(files[0].contents));
        db.exec("PRAGMA user_version = 1");
        db.exec("INSERT INTO documents (id, content_hash, kind, source) VALUES (1, 'h', 'article', 'a.txt');"
                "INSERT INTO sentences (id, document_id, idx, start_offset, end_offset, text)"
                " VALUES (1, 1, 0, 0, 20, 'Ruritania met Freedonia.');"
                "INSERT INTO entities (id, name, type) VALUES (1, 'Ruritania', 'GPE'), (2, 'Freedonia', 'GPE');"
                "INSERT INTO triples (id, subject_id, predicate, object_id) VALUES (7, 1, 'meet', 2), (9, 2, 'meet', 1);"
                "INSERT INTO evidence (triple_id, document_id, sentence_id, confidence)"
                " VALUES (7, 1, 1, 0.9), (9, 1, 1, 0.8), (7, 1, NULL, 0.5);");
    }
    auto opened = store::open_store(path, store::OpenMode::read_write);
    REQUIRE_MESSAGE(opened.is_ok(), opened.status().message());
    auto& store = **opened;
    CHECK(store.stats()->schema_version == store::latest_schema_version());
    {
        SQLite::Database db(path, SQLite::OPEN_READONLY);
        CHECK(db.execAndGet("SELECT group_concat(id) FROM (SELECT id FROM triples ORDER BY id)").getString() == "7,9");
        CHECK(db.execAndGet("SELECT count(*) FROM evidence").getInt() == 3);
        CHECK(db.execAndGet("SELECT count(*) FROM pragma_foreign_key_check").getInt() == 0);
        CHECK(db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name = 'triples_by_key'").getInt() == 1);
        CHECK(db.execAndGet("SELECT evidence_count FROM triple_view WHERE triple_id = 7").getInt() == 2);
        CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
    }
    SUBCASE("the key still merges a restated triple into the stored one") {
        auto outcome = store.write_document(
            two_entity_document("h2", "Ruritania", EntityType::gpe, "Freedonia", EntityType::gpe, "meet"));
        REQUIRE(outcome.is_ok());
        CHECK(outcome->triples_added == 0);
        auto evidence = store.evidence(7);
        REQUIRE(evidence.is_ok());
        CHECK(evidence->size() == 3);
    }
    SUBCASE("the key refuses a duplicate written by hand") {
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        CHECK_THROWS(db.exec("INSERT INTO triples (subject_id, predicate, object_id) VALUES (1, 'meet', 2)"));
    }
}

TEST_CASE("SqliteStore write_document") {
    auto store = memory_store();
    const auto doc = two_entity_document("h1", "Vladimir Putin", EntityType::person, "Moscow", EntityType::gpe, "visited");

    SUBCASE("stores everything and counts what is new") {
        auto outcome = store->write_document(doc);
        REQUIRE(outcome.is_ok());
        CHECK_FALSE(outcome->already_stored);
        CHECK(outcome->entities_added == 2);
        CHECK(outcome->triples_added == 1);
        CHECK(outcome->evidence_added == 1);
        auto stats = store->stats();
        CHECK(stats->documents == 1);
        CHECK(stats->sentences == 1);
        CHECK(stats->mentions == 1);
        auto triples = store->triples();
        REQUIRE(triples->size() == 1);
        CHECK(triples->front().subject == "Vladimir Putin");
        CHECK(triples->front().predicate == "visited");
        CHECK(triples->front().object == "Moscow");
        CHECK(triples->front().evidence == doc.text);
        CHECK(triples->front().confidence == doctest::Approx(0.8));
    }
    SUBCASE("the same document twice changes nothing") {
        REQUIRE(store->write_document(doc).is_ok());
        auto before = store->stats();
        auto again = store->write_document(doc);
        REQUIRE(again.is_ok());
        CHECK(again->already_stored);
        auto after = store->stats();
        CHECK(after->documents == before->documents);
        CHECK(after->triples == before->triples);
        CHECK(after->evidence == before->evidence);
        CHECK(after->mentions == before->mentions);
    }
    SUBCASE("a second document stating the same triple adds evidence, not an edge") {
        REQUIRE(store->write_document(doc).is_ok());
        auto outcome = store->write_document(
            two_entity_document("h2", "vladimir putin", EntityType::person, "Moscow", EntityType::gpe, "visited"));
        REQUIRE(outcome.is_ok());
        CHECK(outcome->entities_added == 0);  // same name (any case) and type: the same entity
        CHECK(outcome->triples_added == 0);
        CHECK(outcome->evidence_added == 1);
        CHECK(store->triples()->front().evidence_count == 2);
    }
    SUBCASE("same name with another type is another entity") {
        REQUIRE(store->write_document(doc).is_ok());
        auto outcome = store->write_document(
            two_entity_document("h2", "Moscow", EntityType::org, "Kremlin", EntityType::org, "is near"));
        REQUIRE(outcome.is_ok());
        CHECK(outcome->entities_added == 2);
        CHECK(store->stats()->entities == 4);
    }
    SUBCASE("a shared alias does not merge two entities") {
        auto a = two_entity_document("h2", "Ilham Aliyev", EntityType::person, "Azerbaijan", EntityType::gpe, "president of");
        a.entities[0].aliases = {"the president"};
        auto b = two_entity_document("h3", "Nikol Pashinyan", EntityType::person, "Armenia", EntityType::gpe, "prime minister of");
        b.entities[0].aliases = {"the president"};
        REQUIRE(store->write_document(a).is_ok());
        REQUIRE(store->write_document(b).is_ok());
        CHECK(store->stats()->entities == 4);
        auto found = store->find_entity("the president");
        REQUIRE_FALSE(found.is_ok());
        CHECK(found.status().code() == StatusCode::ambiguous);
        CHECK(found.status().message().find("Ilham Aliyev") != std::string::npos);
        CHECK(found.status().message().find("Nikol Pashinyan") != std::string::npos);
    }
    SUBCASE("an untyped entity joins the one entity of its name") {
        REQUIRE(store->write_document(doc).is_ok());
        auto outcome = store->write_document(
            two_entity_document("h2", "Vladimir Putin", std::nullopt, "Sochi", std::nullopt, "visited"));
        REQUIRE(outcome.is_ok());
        CHECK(outcome->entities_added == 1);  // only Sochi, as OTHER
        auto sochi = store->find_entity("Sochi");
        REQUIRE(sochi.is_ok());
        CHECK(sochi->type == EntityType::other);
    }
    SUBCASE("a bad record stores nothing") {
        auto bad = doc;
        bad.claims.front().object = 7;  // no such entity
        auto outcome = store->write_document(bad);
        REQUIRE_FALSE(outcome.is_ok());
        CHECK(outcome.status().code() == StatusCode::invalid_argument);
        CHECK(store->stats()->documents == 0);
        auto out_of_range = doc;
        out_of_range.claims.front().confidence = 1.5;
        CHECK_FALSE(store->write_document(out_of_range).is_ok());
        CHECK(store->stats()->entities == 0);
    }
    SUBCASE("negated and modal variants are separate edges") {
        auto variants = doc;
        variants.claims.push_back(variants.claims.front());
        variants.claims.back().negated = true;
        variants.claims.push_back(variants.claims.front());
        variants.claims.back().modality = "may";
        auto outcome = store->write_document(variants);
        REQUIRE(outcome.is_ok());
        CHECK(outcome->triples_added == 3);
    }
}

TEST_CASE("SqliteStore find_entity") {
    auto store = claimgraph::testing::fixture_store();
    SUBCASE("by name, any case") {
        auto e = store->find_entity("mara quint");
        REQUIRE(e.is_ok());
        CHECK(e->name == "Mara Quint");
        CHECK(e->type == EntityType::person);
    }
    SUBCASE("by alias") {
        auto e = store->find_entity("NSA");
        REQUIRE(e.is_ok());
        CHECK(e->name == "Northern Shield Alliance");
        CHECK(e->type == EntityType::org);
    }
    SUBCASE("unknown names list close matches") {
        auto e = store->find_entity("Quinte");
        REQUIRE_FALSE(e.is_ok());
        CHECK(e.status().code() == StatusCode::not_found);
        CHECK(e.status().message().find("Mara Quint") != std::string::npos);
        auto none = store->find_entity("zzzzzzzzzzzz");
        REQUIRE_FALSE(none.is_ok());
        CHECK(none.status().message().find("claimgraph entities") != std::string::npos);
    }
}

TEST_CASE("SqliteStore query is read-only") {
    TempDir dir;
    const std::string path = dir.file("q.db");
    {
        auto writer = store::open_store(path, store::OpenMode::read_write);
        REQUIRE(writer.is_ok());
        REQUIRE((*writer)->write_document(
            two_entity_document("h1", "Putin", EntityType::person, "Moscow", EntityType::gpe, "visited")).is_ok());
    }
    for (auto mode : {store::OpenMode::read_only, store::OpenMode::read_write}) {
        auto store = store::open_store(path, mode);
        REQUIRE(store.is_ok());
        auto& s = **store;
        SUBCASE("reads with bound parameters") {
            auto table = s.query("SELECT name FROM entities WHERE name = :name", {{"name", std::string("Putin")}});
            REQUIRE(table.is_ok());
            REQUIRE(table->rows.size() == 1);
            CHECK(std::get<std::string>(table->rows[0][0]) == "Putin");
            // A parameter is a value, never SQL.
            auto injected = s.query("SELECT count(*) FROM entities WHERE name = :name",
                                    {{"name", std::string("x' OR '1'='1")}});
            REQUIRE(injected.is_ok());
            CHECK(std::get<std::int64_t>(injected->rows[0][0]) == 0);
        }
        SUBCASE("writes, ATTACH, PRAGMA changes and several statements are refused") {
            for (const char* sql : {"DELETE FROM entities", "INSERT INTO entities (name, type) VALUES ('x', 'OTHER')",
                                    "DROP TABLE triples", "ATTACH DATABASE ':memory:' AS other",
                                    "PRAGMA user_version = 5", "SELECT 1; DELETE FROM entities",
                                    "CREATE TABLE t (x)"}) {
                CAPTURE(sql);
                CHECK_FALSE(s.query(sql, {}).is_ok());
            }
            CHECK(s.stats()->entities == 2);
            CHECK(s.stats()->schema_version == store::latest_schema_version());
        }
        SUBCASE("a query without end stops at the time or row limit, and the connection still works") {
            const char* endless = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n";
            auto slow = s.query(endless, {}, store::QueryLimits{0.2, 0});
            REQUIRE_FALSE(slow.is_ok());
            CHECK(slow.status().code() == StatusCode::invalid_argument);
            CHECK(slow.status().message().find("longer than 0.2 s") != std::string::npos);
            auto many = s.query("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT x FROM n", {},
                                store::QueryLimits{0, 1000});
            REQUIRE_FALSE(many.is_ok());
            CHECK(many.status().message().find("more than 1000 rows") != std::string::npos);
            auto fine = s.query("SELECT count(*) FROM entities", {});
            REQUIRE(fine.is_ok());
            CHECK(std::get<std::int64_t>(fine->rows[0][0]) == 2);
        }
    }
}

TEST_CASE("SqliteStore bulk write") {
    // 60,000 claims: above the size at which secondary indexes are rebuilt
    // after the inserts instead of updated row by row.
    TempDir dir;
    const std::string path = dir.file("bulk.db");
    auto schema = [&] {
        SQLite::Database db(path, SQLite::OPEN_READONLY);
        SQLite::Statement statement(db, "SELECT name, coalesce(sql, '') FROM sqlite_schema ORDER BY name");
        std::vector<std::string> rows;
        while (statement.executeStep()) rows.push_back(statement.getColumn(0).getString() + ": " +
                                                      statement.getColumn(1).getString());
        return rows;
    };
    auto opened = store::open_store(path, store::OpenMode::read_write);
    REQUIRE(opened.is_ok());
    auto& store = **opened;
    const auto before = schema();

    DocumentRecord d;
    d.source = "bulk.jsonl";
    d.content_hash = "bulk";
    d.kind = "import";
    for (int i = 0; i < 300; ++i) d.entities.push_back({"entity " + std::to_string(i), EntityType::org, {}});
    for (int i = 0; i < 60'000; ++i) {
        ClaimRecord claim;
        claim.subject = static_cast<std::size_t>(i % 300);
        claim.object = static_cast<std::size_t>((i / 300 + i) % 300);
        claim.predicate = "p" + std::to_string(i % 7);
        claim.confidence = 0.5;
        d.claims.push_back(claim);
    }
    auto outcome = store.write_document(d);
    REQUIRE_MESSAGE(outcome.is_ok(), outcome.status().message());

    SUBCASE("the schema's indexes are back, exactly as created") { CHECK(schema() == before); }
    SUBCASE("every claim is stored once and the indexes answer queries") {
        SQLite::Database db(path, SQLite::OPEN_READONLY);
        const auto triples = db.execAndGet("SELECT count(*) FROM triples").getInt64();
        CHECK(outcome->triples_added == triples);
        CHECK(outcome->evidence_added == 60'000);
        CHECK(db.execAndGet("SELECT count(*) FROM triples INDEXED BY triples_by_object WHERE object_id = 1")
                  .getInt64() == db.execAndGet("SELECT count(*) FROM triples NOT INDEXED WHERE object_id = 1").getInt64());
        CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
    }
    SUBCASE("the store goes on: the graph holds every triple and small writes still work") {
        auto graph = store.graph_data();
        REQUIRE(graph.is_ok());
        CHECK(graph->edges.size() == static_cast<std::size_t>(outcome->triples_added));
        auto small = store.write_document(two_entity_document("small", "A", EntityType::org, "B", EntityType::org, "p"));
        REQUIRE(small.is_ok());
        CHECK(small->triples_added == 1);
    }
}

TEST_CASE("SqliteStore graph_data") {
    // Each edge's confidence is its best evidence's, whether or not triple ids have gaps.
    TempDir dir;
    const std::string path = dir.file("graph.db");
    {
        auto opened = store::open_store(path, store::OpenMode::read_write);
        REQUIRE(opened.is_ok());
        auto contents = util::read_file(testing::data_path("news_graph.jsonl"));
        REQUIRE(contents.is_ok());
        auto document = importer::parse_triples_jsonl(*contents, "news_graph.jsonl");
        REQUIRE(document.is_ok());
        REQUIRE((*opened)->write_document(*document).is_ok());
    }
    auto expected = [&] {
        SQLite::Database db(path, SQLite::OPEN_READONLY);
        SQLite::Statement statement(db, "SELECT t.id, t.subject_id, t.object_id, t.predicate,"
                                        " (SELECT max(confidence) FROM evidence e WHERE e.triple_id = t.id)"
                                        " FROM triples t ORDER BY t.id");
        std::vector<std::tuple<TripleId, EntityId, EntityId, std::string, double>> rows;
        while (statement.executeStep()) {
            rows.emplace_back(statement.getColumn(0).getInt64(), statement.getColumn(1).getInt64(),
                              statement.getColumn(2).getInt64(), statement.getColumn(3).getString(),
                              statement.getColumn(4).getDouble());
        }
        return rows;
    };
    auto actual = [&] {
        auto opened = store::open_store(path, store::OpenMode::read_only);
        REQUIRE(opened.is_ok());
        auto data = (*opened)->graph_data();
        REQUIRE(data.is_ok());
        std::vector<std::tuple<TripleId, EntityId, EntityId, std::string, double>> rows;
        for (const auto& e : data->edges) rows.emplace_back(e.id, e.subject, e.object, e.predicate, e.confidence);
        return rows;
    };
    SUBCASE("dense ids") {
        const auto rows = expected();
        REQUIRE(rows.size() > 10);
        CHECK(actual() == rows);
    }
    SUBCASE("ids with gaps") {
        {
            SQLite::Database db(path, SQLite::OPEN_READWRITE);
            db.exec("PRAGMA foreign_keys = ON");
            db.exec("DELETE FROM triples WHERE id IN (2, 5, 6)");
        }
        const auto rows = expected();
        REQUIRE(std::get<0>(rows[1]) == 3);
        CHECK(actual() == rows);
    }
}

TEST_CASE("SqliteStore triples matches triple_view") {
    // triples() computes the view's rows and order itself; the view is the contract.
    auto store = testing::fixture_store();
    // Names whose NOCASE order differs from byte order or from a full Unicode fold.
    DocumentRecord d;
    d.source = "collation.jsonl";
    d.content_hash = "collation";
    d.kind = "import";
    const std::vector<std::string> names = {"alpha", "Alpha", "ALPHA ", "Émile", "émile", "_under", "Zed", "zed2", "[x]", "a"};
    for (std::size_t i = 0; i < names.size(); ++i) {
        d.entities.push_back({names[i], i % 2 == 0 ? EntityType::person : EntityType::org, {}});
    }
    d.sentences.push_back({0, 10, "first sentence"});
    d.sentences.push_back({0, 10, "second sentence"});
    for (std::size_t i = 0; i < names.size(); ++i) {
        for (std::size_t j = 0; j < names.size(); j += 3) {
            if (i == j) continue;
            ClaimRecord claim;
            claim.subject = i;
            claim.object = j;
            claim.predicate = (i + j) % 2 == 0 ? "Met" : "met";
            claim.confidence = 0.5 + 0.05 * static_cast<double>((i * j) % 5);
            claim.attributed_to = i % 3 == 0 ? "someone" : "";
            if ((i + j) % 4 != 0) claim.sentence = (i + j) % 2;
            d.claims.push_back(claim);
            claim.confidence = 0.6;  // a second statement of the same triple
            claim.attributed_to = "another";
            d.claims.push_back(claim);
        }
    }
    REQUIRE(store->write_document(d).is_ok());

    auto triples = store->triples();
    REQUIRE(triples.is_ok());
    auto view = store->query("SELECT triple_id, subject_id, subject, predicate, object_id, object, modality, negated,"
                             " attributed_to, confidence, evidence, evidence_count FROM triple_view"
                             " ORDER BY subject COLLATE NOCASE, predicate, object COLLATE NOCASE, triple_id",
                             {});
    REQUIRE(view.is_ok());
    REQUIRE(triples->size() == view->rows.size());
    REQUIRE(triples->size() > 50);
    for (std::size_t i = 0; i < triples->size(); ++i) {
        const Triple& t = (*triples)[i];
        const auto& row = view->rows[i];
        INFO("row " << i);
        CHECK(t.id == std::get<std::int64_t>(row[0]));
        CHECK(t.subject_id == std::get<std::int64_t>(row[1]));
        CHECK(t.subject == std::get<std::string>(row[2]));
        CHECK(t.predicate == std::get<std::string>(row[3]));
        CHECK(t.object_id == std::get<std::int64_t>(row[4]));
        CHECK(t.object == std::get<std::string>(row[5]));
        CHECK(t.modality == std::get<std::string>(row[6]));
        CHECK(t.negated == (std::get<std::int64_t>(row[7]) != 0));
        CHECK(t.attributed_to == std::get<std::string>(row[8]));
        CHECK(t.confidence == std::get<double>(row[9]));
        CHECK(t.evidence == std::get<std::string>(row[10]));
        CHECK(t.evidence_count == std::get<std::int64_t>(row[11]));
    }
}

TEST_CASE("SqliteStore snapshot") {
    TempDir dir;
    const std::string path = dir.file("s.db");
    auto writer = store::open_store(path, store::OpenMode::read_write);
    REQUIRE(writer.is_ok());
    REQUIRE((*writer)->write_document(
        two_entity_document("h1", "Putin", EntityType::person, "Moscow", EntityType::gpe, "visited")).is_ok());
    auto reader = store::open_store(path, store::OpenMode::read_only);
    REQUIRE(reader.is_ok());
    {
        auto snapshot = (*reader)->snapshot();
        REQUIRE(snapshot.is_ok());
        REQUIRE((*reader)->entities()->size() == 2);
        // Another connection commits while the snapshot lives: its reads do not see it.
        REQUIRE((*writer)->write_document(
            two_entity_document("h2", "Lavrov", EntityType::person, "Baku", EntityType::gpe, "visited")).is_ok());
        CHECK((*reader)->entities()->size() == 2);
        CHECK((*reader)->triples()->size() == 1);
        CHECK((*reader)->graph_data()->nodes.size() == 2);
        CHECK((*reader)->stats()->entities == 2);
    }
    // Without one, each read sees the latest commit.
    CHECK((*reader)->entities()->size() == 4);
    CHECK((*reader)->triples()->size() == 2);
}

TEST_CASE("SqliteStore read-only open after a crash") {
    // A writer killed mid-transaction leaves a hot journal that only a connection
    // that may write can roll back; read-only commands must still work after it.
    TempDir dir;
    const std::string path = dir.file("crashed.db");
    {
        auto writer = store::open_store(path, store::OpenMode::read_write);
        REQUIRE(writer.is_ok());
        REQUIRE((*writer)->write_document(
            two_entity_document("h1", "Putin", EntityType::person, "Moscow", EntityType::gpe, "visited")).is_ok());
    }
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.exec("PRAGMA journal_mode = DELETE");
    }
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // A transaction bigger than the page cache spills into the file, then the process dies.
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.exec("PRAGMA cache_size = 1");
        db.exec("BEGIN");
        for (int i = 0; i < 2000; ++i) {
            db.exec("INSERT INTO aliases (entity_id, alias) VALUES (1, '" + std::string(200, 'x') + std::to_string(i) + "')");
        }
        _exit(0);
    }
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    REQUIRE(std::filesystem::exists(path + "-journal"));
    auto reader = store::open_store(path, store::OpenMode::read_only);
    REQUIRE(reader.is_ok());
    auto stats = (*reader)->stats();
    REQUIRE(stats.is_ok());
    CHECK(stats->aliases == 2);
    CHECK(stats->entities == 2);
    CHECK_FALSE(std::filesystem::exists(path + "-journal"));
}

TEST_CASE("SqliteStore write_document numbers and merges triples in document order") {
    // Triples are grouped and inserted in key order, but each new triple gets the
    // id it would get inserted one by one: the order of the claim that first states
    // it. A triple already stored keeps its id; a sentence states a triple once.
    for (const std::size_t repeats : {std::size_t{1}, std::size_t{12'000}}) {  // small and bulk (>= 50,000 claims)
        CAPTURE(repeats);
        TempDir dir;
        auto opened = store::open_store(dir.file("order.db"), store::OpenMode::read_write);
        REQUIRE(opened.is_ok());
        auto& store = **opened;
        // Stored first: "b visited a" is triple 1.
        REQUIRE(store.write_document(two_entity_document("first", "b", EntityType::org, "a", EntityType::org, "visited"))
                    .is_ok());

        DocumentRecord d;
        d.source = "order.jsonl";
        d.content_hash = "order";
        d.kind = "import";
        d.entities = {{"a", EntityType::org, {}}, {"b", EntityType::org, {}}, {"c", EntityType::org, {}}};
        d.sentences = {{0, 1, "one"}, {0, 1, "two"}};
        auto claim = [](std::size_t s, const char* p, std::size_t o, std::optional<std::size_t> sentence,
                        bool negated = false) {
            ClaimRecord c;
            c.subject = s;
            c.predicate = p;
            c.object = o;
            c.sentence = sentence;
            c.negated = negated;
            c.confidence = 0.5;
            return c;
        };
        // Per block: c→a "met" (new), b→a "visited" (stored), a→c "met" (new; sorts before c→a),
        // c→a "met" again in the same sentence (no evidence), c→a "met" without a sentence
        // (evidence), a→c negated (new).
        std::vector<ClaimRecord> block = {claim(2, "met", 0, 0),       claim(1, "visited", 0, 1), claim(0, "met", 2, 1),
                                          claim(2, "met", 0, 0),       claim(2, "met", 0, std::nullopt),
                                          claim(0, "met", 2, 0, true)};
        for (std::size_t r = 0; r < repeats; ++r) {
            // Each repeat names its own predicate, so that each block adds three new triples.
            const std::string suffix = r == 0 ? "" : " " + std::to_string(r);
            for (ClaimRecord c : block) {
                if (c.predicate == "met") c.predicate += suffix;
                d.claims.push_back(c);
            }
        }
        auto outcome = store.write_document(d);
        REQUIRE_MESSAGE(outcome.is_ok(), outcome.status().message());
        CHECK(outcome->triples_added == static_cast<std::int64_t>(3 * repeats));
        // Every block states "b visited a" in sentence "two": evidence once in all.
        const auto evidence_rows = static_cast<std::int64_t>(4 * repeats + 1);
        CHECK(outcome->evidence_added == evidence_rows);

        auto table = store.query("SELECT t.id, s.name, t.predicate, o.name, t.negated,"
                                 " (SELECT count(*) FROM evidence e WHERE e.triple_id = t.id)"
                                 " FROM triples t JOIN entities s ON s.id = t.subject_id JOIN entities o ON o.id = t.object_id"
                                 " WHERE t.id <= 4 ORDER BY t.id",
                                 {});
        REQUIRE(table.is_ok());
        REQUIRE(table->rows.size() == 4);
        auto row = [&](std::size_t i) {
            const auto& r = table->rows[i];
            return std::get<std::string>(r[1]) + " " + std::get<std::string>(r[2]) + " " + std::get<std::string>(r[3]) +
                   (std::get<std::int64_t>(r[4]) != 0 ? " (not)" : "") + " x" + std::to_string(std::get<std::int64_t>(r[5]));
        };
        CHECK(row(0) == "b visited a x2");
        CHECK(row(1) == "c met a x2");
        CHECK(row(2) == "a met c x1");
        CHECK(row(3) == "a met c (not) x1");
        SQLite::Database db(dir.file("order.db"), SQLite::OPEN_READONLY);
        CHECK(db.execAndGet("SELECT max(id) FROM triples").getInt64() == static_cast<std::int64_t>(1 + 3 * repeats));
        CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
        // Writing the same claims again as another document adds evidence only.
        d.content_hash = "order again";
        auto again = store.write_document(d);
        REQUIRE(again.is_ok());
        CHECK(again->triples_added == 0);
        CHECK(again->evidence_added == evidence_rows);
        CHECK(db.execAndGet("SELECT count(*) FROM evidence").getInt64() == 1 + 2 * evidence_rows);
    }
}

TEST_CASE("SqliteStore write_document merges a document's own entities alike in an empty and a filled store") {
    // Into an empty store, entities are matched in memory; otherwise in SQLite.
    // Both must merge the same way: name in any (ASCII) case plus type; an untyped
    // entity joins the one entity of its name, else the OTHER one.
    DocumentRecord d;
    d.source = "merge.jsonl";
    d.content_hash = "merge";
    d.kind = "import";
    d.entities = {{"Putin", EntityType::person, {"Vladimir Putin"}},
                  {"putin", std::nullopt, {"V. Putin"}},         // joins Putin (the only one)
                  {"Moscow", EntityType::gpe, {}},
                  {"MOSCOW", EntityType::org, {}},               // another entity: another type
                  {"moscow", std::nullopt, {}},                  // two of that name: a new OTHER
                  {"Moscow", std::nullopt, {"the capital"}},     // joins that OTHER
                  {"Putin", EntityType::person, {}},             // the first again
                  {"Émile", EntityType::person, {}},
                  {"émile", EntityType::person, {}}};            // NOCASE folds ASCII only: another
    for (std::size_t i = 0; i + 1 < d.entities.size(); ++i) {
        ClaimRecord claim;
        claim.subject = i;
        claim.object = i + 1;
        claim.predicate = "p";
        d.claims.push_back(claim);
    }
    auto resolved = [&](bool filled) {
        auto store = memory_store();
        if (filled) {
            REQUIRE(store->write_document(
                two_entity_document("other", "Somebody", EntityType::person, "Elsewhere", EntityType::loc, "in")).is_ok());
        }
        auto outcome = store->write_document(d);
        REQUIRE(outcome.is_ok());
        CHECK(outcome->entities_added == 6);
        auto table = store->query("SELECT e.name, e.type, group_concat(a.alias, '|') FROM entities e"
                                  " JOIN aliases a ON a.entity_id = e.id WHERE e.name NOT IN ('Somebody', 'Elsewhere')"
                                  " GROUP BY e.id ORDER BY e.id",
                                  {});
        REQUIRE(table.is_ok());
        std::vector<std::string> rows;
        for (const auto& row : table->rows) {
            rows.push_back(std::get<std::string>(row[0]) + " " + std::get<std::string>(row[1]) + ": " +
                           std::get<std::string>(row[2]));
        }
        return rows;
    };
    const std::vector<std::string> expected = {
        "Putin PERSON: Putin|V. Putin|Vladimir Putin|putin",
        "Moscow GPE: Moscow",
        "MOSCOW ORG: MOSCOW",
        "moscow OTHER: Moscow|moscow|the capital",
        "Émile PERSON: Émile",
        "émile PERSON: émile",
    };
    CHECK(resolved(false) == expected);
    CHECK(resolved(true) == expected);
}
