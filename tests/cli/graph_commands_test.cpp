// End-to-end tests of `neighbors`, `path`, `rank` and `components` through
// cli::run on a database file filled with the fixture graph.
#include <claimgraph/cli.h>

#include "test_support.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sstream>

using namespace claimgraph;

namespace {

struct Output {
    int code = 0;
    std::string out;
    std::string err;
};

/// A temp database holding tests/data/news_graph.jsonl.
class GraphDatabase {
public:
    GraphDatabase() {
        const Output imported = run({"import", testing::data_path("news_graph.jsonl")});
        REQUIRE_MESSAGE(imported.code == cli::k_exit_ok, imported.err);
    }

    Output run(std::vector<std::string> args) const {
        args.insert(args.begin(), {"--db", m_path});
        std::ostringstream out;
        std::ostringstream err;
        Output result;
        result.code = cli::run(args, out, err);
        result.out = out.str();
        result.err = err.str();
        return result;
    }

private:
    testing::TempDir m_dir;
    std::string m_path = m_dir.file("graph.db");
};

nlohmann::json parse_jsonl(const std::string& text) {
    nlohmann::json rows = nlohmann::json::array();
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) rows.push_back(nlohmann::json::parse(line));
    return rows;
}

}  // namespace

TEST_CASE("graph_commands neighbors") {
    GraphDatabase db;
    SUBCASE("table, any alias") {
        const Output result = db.run({"neighbors", "kardesh"});
        CHECK(result.code == cli::k_exit_ok);
        CHECK(result.err.empty());
        CHECK(result.out ==
              "entity                    type    distance  via\n"
              "------------------------  ------  --------  --------------------------------------------\n"
              "Estavia                   GPE     1         Kardesh –ally of→ Estavia\n"
              "Norland                   GPE     1         Kardesh –attacked→ Norland\n"
              "Rell Tarn                 PERSON  1         Rell Tarn –president of→ Kardesh\n"
              "Tomas Ferro               PERSON  1         Tomas Ferro –accused→ Kardesh\n"
              "Northern Shield Alliance  ORG     1         Northern Shield Alliance –condemned→ Kardesh\n"
              "(5 rows)\n");
    }
    SUBCASE("depth, direction and filters") {
        struct Case {
            std::vector<std::string> args;
            std::vector<std::string> entities;
        };
        const Case cases[] = {
            {{"neighbors", "Tarn", "--depth", "2", "--direction", "out"},
             {"Kardesh", "Estavia", "Norland", "Northern Shield Alliance"}},
            {{"neighbors", "Kardesh", "--direction", "out"}, {"Estavia", "Norland"}},
            {{"neighbors", "Kardesh", "--depth", "2", "--polarity", "negated"}, {"Norland", "Estavia"}},
            {{"neighbors", "Kardesh", "--depth", "3", "--type", "gpe"}, {"Estavia", "Norland", "Vell"}},
            {{"neighbors", "Port Aster", "--depth", "5"}, {"Sarn Valley"}},
            {{"neighbors", "--predicate", "met", "Quint"}, {"Ilse Varga"}},
            {{"neighbors", "Kardesh", "--predicate", "condemned", "--predicate", "ACCUSED"},
             {"Tomas Ferro", "Northern Shield Alliance", "Estavia"}},
        };
        for (const auto& c : cases) {
            std::vector<std::string> args = c.args;
            args.insert(args.end(), {"--format", "jsonl"});
            const Output result = db.run(args);
            CAPTURE(result.err);
            REQUIRE(result.code == cli::k_exit_ok);
            std::vector<std::string> entities;
            for (const auto& row : parse_jsonl(result.out)) entities.push_back(row["entity"].get<std::string>());
            CHECK(entities == c.entities);
        }
    }
    SUBCASE("json rows carry the reaching edge") {
        const Output result = db.run({"neighbors", "NSA", "--direction", "in", "--format", "json"});
        REQUIRE(result.code == cli::k_exit_ok);
        const auto rows = nlohmann::json::parse(result.out);
        REQUIRE(rows.size() == 3);
        CHECK(rows[0]["entity"] == "Osk Brandt");
        CHECK(rows[0]["type"] == "PERSON");
        CHECK(rows[0]["distance"] == 1);
        CHECK(rows[0]["via"] == "Osk Brandt –secretary general of→ Northern Shield Alliance");
        CHECK(rows[0]["via_forward"] == false);
    }
    SUBCASE("--edges lists the edges among the neighbourhood") {
        const Output result = db.run({"neighbors", "Kardesh", "--polarity", "negated", "--depth", "2", "--edges"});
        REQUIRE(result.code == cli::k_exit_ok);
        CHECK(result.out ==
              "subject  predicate       object   modality  negated  confidence\n"
              "-------  --------------  -------  --------  -------  ----------\n"
              "Kardesh  attacked        Norland            yes      0.7\n"
              "Estavia  sent troops to  Kardesh            yes      0.7\n"
              "(2 rows)\n");
    }
    SUBCASE("unknown entity: exit 3 with a suggestion") {
        const Output result = db.run({"neighbors", "Kardsh"});
        CHECK(result.code == cli::k_exit_not_found);
        CHECK(result.out.empty());
        CHECK(result.err == "claimgraph: error: no entity named 'Kardsh'; did you mean: Kardesh?\n");
    }
    SUBCASE("bad options") {
        CHECK(db.run({"neighbors", "Kardesh", "--direction", "sideways"}).code == cli::k_exit_usage);
        CHECK(db.run({"neighbors", "Kardesh", "--polarity", "maybe"}).code == cli::k_exit_usage);
        const Output type = db.run({"neighbors", "Kardesh", "--type", "CITY"});
        CHECK(type.code == cli::k_exit_usage);
        CHECK(type.err.find("unknown entity type 'CITY'") != std::string::npos);
        const Output predicate = db.run({"neighbors", "Kardesh", "--predicate", "mett"});
        CHECK(predicate.code == cli::k_exit_not_found);
        CHECK(predicate.err.find("no edge has the predicate 'mett'; close ones: 'met'") != std::string::npos);
    }
}

TEST_CASE("graph_commands path") {
    GraphDatabase db;
    SUBCASE("shortest path with evidence for every hop") {
        const Output result = db.run({"path", "Rell Tarn", "the alliance"});
        CAPTURE(result.err);
        REQUIRE(result.code == cli::k_exit_ok);
        std::istringstream lines(result.out);
        std::string line;
        std::getline(lines, line);
        CHECK(line == "path 1 (2 hops): Rell Tarn → Kardesh → Northern Shield Alliance");
        CHECK(result.out.find("Rell Tarn –president of→ Kardesh              0.9         "
                              "Kardesh's President Rell Tarn stayed away.") != std::string::npos);
        CHECK(result.out.find("Northern Shield Alliance –condemned→ Kardesh  0.85        "
                              "The NSA condemned Kardesh.") != std::string::npos);
        CHECK(result.out.find("(2 rows)") != std::string::npos);
    }
    SUBCASE("json: hops, direction and the most confident evidence") {
        const Output result = db.run({"path", "Tarn", "Estavia", "--predicate", "president of", "--predicate",
                                      "condemned", "--format", "json"});
        CAPTURE(result.err);
        REQUIRE(result.code == cli::k_exit_ok);
        const auto rows = nlohmann::json::parse(result.out);
        REQUIRE(rows.size() == 2);
        CHECK(rows[0]["from"] == "Rell Tarn");
        CHECK(rows[0]["to"] == "Kardesh");
        CHECK(rows[0]["forward"] == true);
        CHECK(rows[1]["claim"] == "Estavia –condemned→ Kardesh");
        CHECK(rows[1]["forward"] == false);
        CHECK(rows[1]["confidence"] == 0.8);
        CHECK(rows[1]["evidence"] == "Estavia condemned Kardesh on Tuesday.");  // 0.8 beats 0.6
        CHECK(rows[1]["document"].get<std::string>().find("news_graph.jsonl") != std::string::npos);
    }
    SUBCASE("--all lists simple paths, shortest first") {
        const Output result = db.run({"path", "Tarn", "NSA", "--all", "--max-length", "3", "--format", "jsonl"});
        REQUIRE(result.code == cli::k_exit_ok);
        const auto rows = parse_jsonl(result.out);
        CHECK(rows.back()["path"] == 14);
        CHECK(rows[0]["path"] == 1);
        CHECK(rows[2]["path"] == 2);
        CHECK(rows[4]["path"] == 3);
        CHECK(rows[4]["hop"] == 1);
        const Output limited = db.run({"path", "Tarn", "NSA", "--all", "--limit", "2", "--format", "jsonl"});
        REQUIRE(limited.code == cli::k_exit_ok);
        CHECK(parse_jsonl(limited.out).size() == 4);
        const Output defaults = db.run({"path", "Tarn", "NSA", "--all", "--format", "jsonl"});
        REQUIRE(defaults.code == cli::k_exit_ok);
        CHECK(parse_jsonl(defaults.out).back()["path"] == 38);  // --max-length 4 by default
    }
    SUBCASE("no path: exit 3 and why") {
        struct Case {
            std::vector<std::string> args;
            std::string error;
        };
        const Case cases[] = {
            {{"path", "Tarn", "Port Aster"},
             "no path between 'Rell Tarn' and 'Port Aster'; they are in different components"},
            {{"path", "Tarn", "Port Aster", "--all"},
             "no path between 'Rell Tarn' and 'Port Aster' within 4 hops; they are in different components"},
            {{"path", "Tarn", "NSA", "--max-length", "1"},
             "no path between 'Rell Tarn' and 'Northern Shield Alliance' within 1 hop; the shortest path has 2 hops "
             "(raise --max-length)"},
            {{"path", "Tarn", "NSA", "--direction", "in"},
             "no path between 'Rell Tarn' and 'Northern Shield Alliance' following edges object→subject "
             "(--direction in); they are connected when edge direction is ignored (--direction both)"},
            {{"path", "Tarn", "Vell", "--polarity", "negated"},
             "no path between 'Rell Tarn' and 'Vell'; they are in different components (counting only edges and "
             "entities the filters allow)"},
        };
        for (const auto& c : cases) {
            const Output result = db.run(c.args);
            CHECK(result.code == cli::k_exit_not_found);
            CHECK(result.out.empty());
            CHECK(result.err == "claimgraph: error: " + c.error + "\n");
        }
    }
    SUBCASE("unknown and identical ends") {
        const Output unknown = db.run({"path", "Tarn", "Nordland"});
        CHECK(unknown.code == cli::k_exit_not_found);
        CHECK(unknown.err.find("did you mean: Norland") != std::string::npos);
        const Output same = db.run({"path", "Tarn", "rell tarn"});
        CHECK(same.code == cli::k_exit_usage);
        CHECK(same.err.find("give two different entities") != std::string::npos);
    }
}

TEST_CASE("graph_commands rank") {
    GraphDatabase db;
    SUBCASE("pagerank") {
        const Output result = db.run({"rank", "--limit", "3"});
        REQUIRE(result.code == cli::k_exit_ok);
        CHECK(result.out ==
              "rank  entity                    type  pagerank  in  out  degree\n"
              "----  ------------------------  ----  --------  --  ---  ------\n"
              "1     Kardesh                   GPE   0.278     6   3    9\n"
              "2     Norland                   GPE   0.274     7   2    9\n"
              "3     Northern Shield Alliance  ORG   0.168     3   2    5\n"
              "(3 rows)\n");
    }
    SUBCASE("by degree, json, all entities") {
        const Output result = db.run({"rank", "--by", "degree", "--limit", "0", "--format", "json"});
        REQUIRE(result.code == cli::k_exit_ok);
        const auto rows = nlohmann::json::parse(result.out);
        REQUIRE(rows.size() == 15);
        CHECK(rows[0]["entity"] == "Kardesh");  // degree 9, ties keep PageRank order
        CHECK(rows[1]["entity"] == "Norland");
        CHECK(rows[2]["entity"] == "Estavia");
        CHECK(rows[2]["degree"] == 8);
        double sum = 0;
        for (const auto& row : rows) sum += row["pagerank"].get<double>();
        CHECK(sum == doctest::Approx(1.0));
    }
    SUBCASE("bad damping is a usage error") {
        const Output result = db.run({"rank", "--damping", "1.5"});
        CHECK(result.code == cli::k_exit_usage);
    }
}

TEST_CASE("graph_commands components") {
    GraphDatabase db;
    const Output result = db.run({"components"});
    REQUIRE(result.code == cli::k_exit_ok);
    CHECK(result.out ==
          "component  size  edges  members\n"
          "---------  ----  -----  -----------------------------------------------------------------------\n"
          "1          13    26     Norland, Kardesh, Estavia, Northern Shield Alliance, Mara Quint, … (+8)\n"
          "2          2     1      Port Aster, Sarn Valley\n"
          "(2 rows)\n");
    const Output json = db.run({"components", "--predicate", "member of", "--limit", "1", "--format", "json"});
    REQUIRE(json.code == cli::k_exit_ok);
    const auto rows = nlohmann::json::parse(json.out);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0]["size"] == 3);
    CHECK(rows[0]["members"] == nlohmann::json::array({"Northern Shield Alliance", "Norland", "Estavia"}));
}
