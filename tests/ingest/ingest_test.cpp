// Tests of the ingest pipeline with a fake extractor: storing, idempotence,
// bad inputs in a batch, and the same database whatever the number of threads.
#include "ingest/ingest.h"

#include "extract/extractor.h"

#include "test_support.h"

#include <doctest/doctest.h>

#include <atomic>
#include <fstream>
#include <map>

using namespace claimgraph;
using claimgraph::testing::TempDir;

namespace {

/// Per sentence: the first and last words as entities and one claim `first --states--> last`.
/// Counts its calls, so tests can see that stored documents are not extracted again.
class FakeExtractor : public extract::Extractor {
public:
    Status analyse(DocumentRecord& document) const override {
        ++m_calls;
        if (document.text.find("EXTRACTOR-FAILS") != std::string::npos) return Status::invalid_input("fake failure");
        for (std::size_t n = 0; n < document.sentences.size(); ++n) {
            const std::string& sentence = document.sentences[n].text;
            std::string first = sentence.substr(0, sentence.find(' '));
            std::string last = sentence.substr(sentence.rfind(' ') + 1);
            while (!last.empty() && (last.back() == '.' || last.back() == '!' || last.back() == '?')) last.pop_back();
            if (first.empty() || last.empty() || first == last) continue;
            const std::size_t subject = entity(document, first);
            const std::size_t object = entity(document, last);
            ClaimRecord claim;
            claim.subject = subject;
            claim.predicate = "states";
            claim.object = object;
            claim.sentence = n;
            claim.start = document.sentences[n].start;
            claim.end = document.sentences[n].end;
            claim.confidence = 0.5;
            document.claims.push_back(claim);
        }
        return Status::ok();
    }

    Result<std::vector<extract::Proposition>> propositions(const std::string&) const override {
        return std::vector<extract::Proposition>{};
    }

    int calls() const { return m_calls.load(); }

private:
    static std::size_t entity(DocumentRecord& document, const std::string& name) {
        for (std::size_t i = 0; i < document.entities.size(); ++i) {
            if (document.entities[i].name == name) return i;
        }
        document.entities.push_back({name, EntityType::other, {name}});
        return document.entities.size() - 1;
    }

    mutable std::atomic<int> m_calls{0};
};

void write(const std::string& path, const std::string& contents) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream out(path, std::ios::binary);
    out << contents;
}

std::unique_ptr<store::Store> memory_store() {
    auto store = store::open_store(":memory:", store::OpenMode::read_write);
    REQUIRE(store.is_ok());
    return std::move(store).value();
}

struct Run {
    ingest::Summary summary;
    std::vector<ingest::DocumentReport> reports;
};

Run run(const std::vector<std::string>& paths, store::Store& store, const extract::Extractor& extractor, std::size_t jobs) {
    Run result;
    ingest::IngestOptions options;
    options.jobs = jobs;
    result.summary = ingest::ingest(paths, store, extractor, options,
                                    [&](const ingest::DocumentReport& report, const ingest::Summary&) {
                                        result.reports.push_back(report);
                                    });
    return result;
}

/// Everything the store holds, as text rows, for comparing two databases.
std::vector<std::string> dump(store::Store& store) {
    std::vector<std::string> rows;
    const char* queries[] = {
        "SELECT id, source, content_hash, title FROM documents ORDER BY id",
        "SELECT id, document_id, idx, start_offset, end_offset, text FROM sentences ORDER BY id",
        "SELECT id, name, type FROM entities ORDER BY id",
        "SELECT triple_id, subject_id, predicate, object_id, evidence_count FROM triple_view ORDER BY triple_id",
    };
    for (const char* sql : queries) {
        auto table = store.query(sql, {});
        REQUIRE_MESSAGE(table.is_ok(), table.status().message());
        for (const auto& row : table->rows) {
            std::string line;
            for (const Value& cell : row) {
                if (const auto* s = std::get_if<std::string>(&cell)) line += *s;
                else if (const auto* i = std::get_if<std::int64_t>(&cell)) line += std::to_string(*i);
                line += '|';
            }
            rows.push_back(line);
        }
    }
    return rows;
}

}  // namespace

TEST_CASE("ingest") {
    TempDir dir;
    FakeExtractor extractor;
    auto store = memory_store();

    SUBCASE("stores every article with its sentences and claims") {
        write(dir.file("a.txt"), "Putin invited Lavrov. Aliyev met Pashinyan.");
        write(dir.file("b.md"), "# Title\n\nMerkel called Macron.");
        const Run r = run({dir.file("a.txt"), dir.file("b.md")}, *store, extractor, 2);
        CHECK(r.summary.stored == 2);
        CHECK(r.summary.already_present == 0);
        CHECK(r.summary.failed == 0);
        CHECK(r.summary.new_edges == 3);
        CHECK(ingest::summary_line(r.summary) == "2 documents stored, 0 already present, 0 failed; 3 new edges");
        REQUIRE(r.reports.size() == 2);
        CHECK(r.reports[0].source == dir.file("a.txt"));
        CHECK(r.reports[0].outcome == ingest::Outcome::stored);
        CHECK(r.reports[0].sentences == 2);
        CHECK(r.reports[0].claims == 2);
        CHECK(r.reports[0].triples_added == 2);
        CHECK(r.reports[1].sentences == 2);  // the heading is a sentence of its own
        auto stats = store->stats();
        REQUIRE(stats.is_ok());
        CHECK(stats->documents == 2);
        CHECK(stats->sentences == 4);
        CHECK(stats->triples == 3);
        auto triples = store->triples();
        REQUIRE(triples.is_ok());
        CHECK((*triples)[0].subject == "Aliyev");
        CHECK((*triples)[0].object == "Pashinyan");
    }

    SUBCASE("ingesting the same text again changes nothing and extracts nothing") {
        write(dir.file("a.txt"), "Putin invited Lavrov.");
        write(dir.file("copy.txt"), "Putin invited Lavrov.");
        const Run first = run({dir.file("a.txt"), dir.file("copy.txt")}, *store, extractor, 2);
        CHECK(first.summary.stored == 1);
        CHECK(first.summary.already_present == 1);
        CHECK(first.reports[1].message == "same text as " + dir.file("a.txt"));
        CHECK(extractor.calls() == 1);
        const std::vector<std::string> before = dump(*store);
        const Run second = run({dir.file("a.txt")}, *store, extractor, 2);
        CHECK(second.summary.stored == 0);
        CHECK(second.summary.already_present == 1);
        CHECK(second.summary.new_edges == 0);
        CHECK(extractor.calls() == 1);
        CHECK(dump(*store) == before);
    }

    SUBCASE("bad inputs are reported one by one and the good ones are stored") {
        write(dir.file("batch/1-good.txt"), "Putin invited Lavrov.");
        write(dir.file("batch/2-binary.txt"), std::string("\x7F" "ELF\0\0\0", 7));
        write(dir.file("batch/3-latin1.txt"), "Caf\xE9 talks.");
        write(dir.file("batch/4-empty.txt"), "");
        write(dir.file("batch/5-lines.jsonl"), "{\"id\": \"x\", \"text\": \"Aliyev met Pashinyan.\"}\n{broken\n");
        write(dir.file("batch/6-extractor.txt"), "EXTRACTOR-FAILS here.");
        const Run r = run({dir.file("batch"), dir.file("missing.txt")}, *store, extractor, 3);
        CHECK(r.summary.stored == 2);
        CHECK(r.summary.failed == 6);
        std::map<std::string, std::string> failures;
        for (const auto& report : r.reports) {
            if (report.outcome == ingest::Outcome::failed) failures[report.source] = report.message;
        }
        CHECK(failures[dir.file("missing.txt")] == "no such file or folder");
        CHECK(failures[dir.file("batch/2-binary.txt")] == "a binary file (it contains NUL bytes), not text");
        CHECK(failures[dir.file("batch/3-latin1.txt")].starts_with("not valid UTF-8"));
        CHECK(failures[dir.file("batch/4-empty.txt")] == "empty file");
        CHECK(failures[dir.file("batch/5-lines.jsonl") + ":line 2"].starts_with("not valid JSON"));
        CHECK(failures[dir.file("batch/6-extractor.txt")] == "fake failure");
        CHECK(failures.size() == 6);
        auto stats = store->stats();
        REQUIRE(stats.is_ok());
        CHECK(stats->documents == 2);
    }

    SUBCASE("reports come in input order") {
        for (int n = 0; n < 20; ++n) write(dir.file("c/" + std::to_string(100 + n) + ".txt"), "Doc" + std::to_string(n) + " names Thing.");
        const Run r = run({dir.file("c")}, *store, extractor, 4);
        REQUIRE(r.reports.size() == 20);
        for (int n = 0; n < 20; ++n) CHECK(r.reports[n].source == dir.file("c/" + std::to_string(100 + n) + ".txt"));
    }

    SUBCASE("many threads give the same database as one") {
        std::string jsonl;
        for (int n = 0; n < 40; ++n) {
            write(dir.file("many/" + std::to_string(1000 + n) + ".txt"),
                  "Country" + std::to_string(n % 7) + " invited Minister" + std::to_string(n % 5) + ". Leader" +
                      std::to_string(n) + " met Country" + std::to_string(n % 3) + ".");
            jsonl += "{\"id\": \"" + std::to_string(n) + "\", \"text\": \"Agency" + std::to_string(n % 4) + " reported Event" +
                     std::to_string(n) + ".\"}\n";
        }
        write(dir.file("many/feed.jsonl"), jsonl);
        for (int n = 0; n < 40; n += 8) {  // copies: whichever thread reads first, the first in input order is stored
            write(dir.file("many/copy-" + std::to_string(n) + ".txt"),
                  "Country" + std::to_string(n % 7) + " invited Minister" + std::to_string(n % 5) + ". Leader" +
                      std::to_string(n) + " met Country" + std::to_string(n % 3) + ".");
        }
        auto single = memory_store();
        auto multi = memory_store();
        FakeExtractor other;
        const Run one = run({dir.file("many")}, *single, extractor, 1);
        const Run four = run({dir.file("many")}, *multi, other, 4);
        CHECK(one.summary.stored == 80);
        CHECK(four.summary.stored == 80);
        CHECK(one.summary.already_present == 5);
        CHECK(four.summary.already_present == 5);
        CHECK(one.summary.new_edges == four.summary.new_edges);
        const auto a = dump(*single);
        CHECK(a.size() > 200);
        CHECK(a == dump(*multi));
    }
}

TEST_CASE("make_document") {
    read::Article article;
    article.source = "a.jsonl#3";
    article.external_id = "x1";
    article.title = "T";
    article.url = "http://u";
    article.published = "2020-10-09";
    article.text = "One. Two.";
    const DocumentRecord document = ingest::make_document(std::move(article));
    CHECK(document.source == "a.jsonl#3");
    CHECK(document.external_id == "x1");
    CHECK(document.title == "T");
    CHECK(document.url == "http://u");
    CHECK(document.published == "2020-10-09");
    CHECK(document.content_hash == "668b4fb68ab87519d21b2b39e769865cc1a377638dc46cae3f2533cac547e4ca");
    REQUIRE(document.sentences.size() == 2);
    CHECK(document.sentences[1].start == 5);
}
