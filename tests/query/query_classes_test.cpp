// Canned queries beyond the fixture: the predicate word classes on many
// phrasings (matches and near misses), and co-mentions through the mentions table.
#include <claimgraph/query.h>

#include "test_support.h"
#include "util/strings.h"

#include <nlohmann/json.hpp>

#include <set>

using namespace claimgraph;

namespace {

/// A store with one claim `S<i> --predicate--> O<i>` per predicate.
std::unique_ptr<store::Store> store_with_predicates(const std::vector<std::string>& predicates) {
    auto store = store::open_store(":memory:", store::OpenMode::read_write);
    REQUIRE(store.is_ok());
    std::string contents;
    for (std::size_t i = 0; i < predicates.size(); ++i) {
        nlohmann::json line = {{"subject", "S" + std::to_string(i)}, {"predicate", predicates[i]},
                               {"object", "O" + std::to_string(i)}, {"confidence", 0.5}};
        contents += line.dump() + "\n";
    }
    auto document = importer::parse_triples_jsonl(contents, "predicates.jsonl");
    REQUIRE(document.is_ok());
    REQUIRE((*store)->write_document(*document).is_ok());
    return std::move(store).value();
}

/// The predicates (second column) that the canned query `name` returns, sorted, `; `-separated.
std::string matched(store::Store& store, const std::string& name) {
    auto catalogue = query::builtin_catalogue();
    REQUIRE(catalogue.is_ok());
    auto spec = catalogue->find(name);
    REQUIRE(spec.is_ok());
    auto table = query::run_query(store, *spec, {{"limit", "1000"}});
    REQUIRE_MESSAGE(table.is_ok(), table.status().message());
    std::set<std::string> predicates;
    for (const auto& row : table->rows) predicates.insert(std::get<std::string>(row.at(1)));
    return util::join({predicates.begin(), predicates.end()}, "; ");
}

}  // namespace

TEST_CASE("canned query predicate classes") {
    struct Class {
        const char* query;
        std::vector<std::string> matches;
    };
    // Each class's phrasings, and near misses that must not match (they belong to
    // no class or to another one).
    const std::vector<Class> classes = {
        {"met-with", {"met", "met with", "meets", "held talks with", "spoke to", "talked", "negotiated with",
                      "hosted", "phoned", "discussed trade with", "will meet"}},
        {"roles", {"president of", "vice-president of", "prime minister of", "head of", "heads", "leads",
                   "chief executive of", "secretary_general of", "ambassador to", "spokeswoman for", "chairman of",
                   "king of", "mayor of", "governor of", "attorney general of"}},
        {"memberships", {"member of", "is a member state of", "joined", "ally of", "allied with", "part of",
                         "belongs to", "signatory to", "partnered with"}},
        {"hostilities", {"attacked", "launched an attack on", "shelled", "struck", "invaded", "bombed", "threatened",
                         "accused", "condemned", "sanctioned", "imposed sanctions on", "fired missiles at", "killed",
                         "seized", "blockaded", "declared war on", "sent troops into"}},
        {"locations", {"based in", "located in", "headquartered in", "capital of", "borders", "lies in", "near"}},
    };
    const std::vector<std::string> near_misses = {"metal supplier of", "visited", "heads to", "headed for", "led to",
                                                  "struck a deal with", "departed from", "rallied behind",
                                                  "capitalised on", "praised", "sent troops to", "presided"};
    std::vector<std::string> all = near_misses;
    for (const Class& c : classes) all.insert(all.end(), c.matches.begin(), c.matches.end());
    auto store = store_with_predicates(all);

    for (const Class& c : classes) {
        INFO("query " << std::string(c.query));
        const std::set<std::string> expected(c.matches.begin(), c.matches.end());
        CHECK(matched(*store, c.query) == util::join({expected.begin(), expected.end()}, "; "));
    }
}

TEST_CASE("co-mentioned counts mentions as well as claims") {
    auto store = store::open_store(":memory:", store::OpenMode::read_write);
    REQUIRE(store.is_ok());
    DocumentRecord document;
    document.source = "mentions.txt";
    document.content_hash = "mentions";
    document.text = "Ana and Ben met Cara. Ana left.";
    document.sentences = {{0, 21, "Ana and Ben met Cara."}, {22, 31, "Ana left."}};
    document.entities = {{"Ana", EntityType::person, {}}, {"Ben", EntityType::person, {}}, {"Cara", EntityType::person, {}}};
    document.mentions = {{0, 0, 0, 3, "Ana"}, {1, 0, 8, 11, "Ben"}, {2, 0, 16, 20, "Cara"}, {0, 1, 22, 25, "Ana"}};
    REQUIRE((*store)->write_document(document).is_ok());

    auto catalogue = query::builtin_catalogue();
    REQUIRE(catalogue.is_ok());
    auto spec = catalogue->find("co-mentioned");
    REQUIRE(spec.is_ok());
    auto table = query::run_query(**store, *spec, {{"entity", "ana"}});
    REQUIRE_MESSAGE(table.is_ok(), table.status().message());
    REQUIRE(table->rows.size() == 2);
    CHECK(table->rows[0] == std::vector<Value>{std::string("Ana"), std::string("Ben"), std::int64_t{1},
                                               std::string("Ana and Ben met Cara.")});
    CHECK(table->rows[1] == std::vector<Value>{std::string("Ana"), std::string("Cara"), std::int64_t{1},
                                               std::string("Ana and Ben met Cara.")});
}
