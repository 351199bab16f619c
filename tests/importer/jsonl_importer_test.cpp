#include <claimgraph/importer.h>

#include "util/strings.h"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

using namespace claimgraph;

TEST_CASE("parse_triples_jsonl") {
    SUBCASE("reads every field and shares entities between lines") {
        const std::string text =
            R"({"subject": "Putin", "subject_type": "person", "subject_aliases": ["Vladimir Putin"], "predicate": "invited", "object": "Bayramov", "modality": "MAY", "negated": true, "attributed_to": "Kremlin", "confidence": 0.5, "sentence": "Putin invited Bayramov.", "source": "x", "time": "on Friday", "place": "in Moscow", "condition": "if asked", "extra": 1})"
            "\n\n"
            R"({"subject": "putin", "subject_type": "PERSON", "predicate": "met", "object": "Bayramov"})"
            "\n";
        auto doc = importer::parse_triples_jsonl(text, "t.jsonl");
        REQUIRE_MESSAGE(doc.is_ok(), doc.status().message());
        CHECK(doc->kind == "import");
        CHECK(doc->content_hash.size() == 64);
        REQUIRE(doc->claims.size() == 2);
        REQUIRE(doc->entities.size() == 2);  // putin/PERSON shared (case-insensitive), Bayramov untyped
        CHECK(doc->entities[0].name == "Putin");
        CHECK(doc->entities[0].type == EntityType::person);
        CHECK(doc->entities[0].aliases == std::vector<std::string>{"Vladimir Putin", "putin"});
        CHECK_FALSE(doc->entities[1].type.has_value());
        const ClaimRecord& c = doc->claims[0];
        CHECK(c.predicate == "invited");
        CHECK(c.modality == "may");
        CHECK(c.negated);
        CHECK(c.attributed_to == "Kremlin");
        CHECK(c.confidence == doctest::Approx(0.5));
        CHECK(c.time == "on Friday");
        CHECK(c.place == "in Moscow");
        CHECK(c.condition == "if asked");
        REQUIRE(c.sentence.has_value());
        CHECK(doc->sentences[*c.sentence].text == "Putin invited Bayramov.");
        CHECK(doc->claims[1].confidence == doctest::Approx(1.0));
        CHECK_FALSE(doc->claims[1].sentence.has_value());
    }
    SUBCASE("bad lines are reported with their numbers and fail the file") {
        struct Case {
            std::string line;
            std::string reason;
        };
        const Case cases[] = {
            {R"({"subject": "a", "predicate": "p"})", "'object' must be a non-empty string"},
            {R"({"subject": "  ", "predicate": "p", "object": "b"})", "'subject' must be a non-empty string"},
            {R"({"subject": 3, "predicate": "p", "object": "b"})", "'subject' must be a non-empty string"},
            {R"({"subject": "a", "predicate": "p", "object": "b", "negated": "yes"})", "'negated' must be true or false"},
            {R"({"subject": "a", "predicate": "p", "object": "b", "confidence": 2})", "'confidence' must be a number"},
            {R"({"subject": "a", "predicate": "p", "object": "b", "subject_type": "CITY"})", "not one of PERSON"},
            {R"({"subject": "a", "predicate": "p", "object": "b", "object_aliases": "c"})", "must be an array"},
            {R"({"subject": "a", "predicate": "p", "object": "b",)", "not valid JSON"},
            {R"(["a", "p", "b"])", "not a JSON object"},
            {"{\"subject\": \"a\xff\", \"predicate\": \"p\", \"object\": \"b\"}", "not valid UTF-8"},
        };
        for (const auto& c : cases) {
            CAPTURE(c.line);
            const std::string text = R"({"subject": "a", "predicate": "p", "object": "b"})" "\n" + c.line + "\n";
            auto doc = importer::parse_triples_jsonl(text, "bad.jsonl");
            REQUIRE_FALSE(doc.is_ok());
            CHECK(doc.status().code() == StatusCode::invalid_input);
            CHECK(doc.status().message().find("line 2: ") != std::string::npos);
            CHECK(doc.status().message().find(c.reason) != std::string::npos);
            CHECK(doc.status().message().find("line 1:") == std::string::npos);
            CHECK(doc.status().message().find("'bad.jsonl'") != std::string::npos);
        }
    }
    SUBCASE("many bad lines are counted, ten are listed") {
        std::string text;
        for (int i = 0; i < 25; ++i) text += "nope\n";
        auto doc = importer::parse_triples_jsonl(text, "junk");
        REQUIRE_FALSE(doc.is_ok());
        CHECK(doc.status().message().find("25 bad lines") != std::string::npos);
        CHECK(doc.status().message().find("line 10:") != std::string::npos);
        CHECK(doc.status().message().find("line 11:") == std::string::npos);
        CHECK(doc.status().message().find("(15 more)") != std::string::npos);
    }
    SUBCASE("an empty file holds no triples") {
        for (const std::string text : {"", "\n  \n"}) {
            auto doc = importer::parse_triples_jsonl(text, "empty.jsonl");
            REQUIRE_FALSE(doc.is_ok());
            CHECK(doc.status().message().find("holds no triples") != std::string::npos);
        }
    }
    SUBCASE("a large file (parsed on several threads) numbers lines, entities and sentences as one pass would") {
        // Over 1 MiB, so runs of lines are parsed on all cores.
        std::string text;
        std::vector<std::string> first_seen;  // entity names in order of first appearance
        std::set<std::string> seen;
        const int lines = 40'000;
        for (int i = 0; i < lines; ++i) {
            const std::string subject = "Person " + std::to_string((i * 7919) % 5000);
            const std::string object = "Place " + std::to_string(i % 300);
            for (const std::string& name : {subject, object}) {
                if (seen.insert(name).second) first_seen.push_back(name);
            }
            text += R"({"subject": ")" + subject + R"(", "predicate": "visited", "object": ")" + object +
                    R"(", "sentence": "Sentence )" + std::to_string(i % 30'000) + R"(."})" "\n";
            if (i % 1000 == 0) text += "\n";  // blank lines count as lines
        }
        REQUIRE(text.size() > 2 * (std::size_t{1} << 20));
        auto doc = importer::parse_triples_jsonl(text, "large.jsonl");
        REQUIRE_MESSAGE(doc.is_ok(), doc.status().message());
        REQUIRE(doc->claims.size() == static_cast<std::size_t>(lines));
        REQUIRE(doc->entities.size() == first_seen.size());
        for (std::size_t i = 0; i < first_seen.size(); ++i) CHECK(doc->entities[i].name == first_seen[i]);
        REQUIRE(doc->sentences.size() == 30'000);
        CHECK(doc->sentences[29'999].text == "Sentence 29999.");
        CHECK(*doc->claims[30'001].sentence == 1);
        CHECK(doc->entities[doc->claims[lines - 1].subject].name == "Person " + std::to_string(((lines - 1) * 7919) % 5000));

        // Bad lines anywhere, the last ones far into the file: numbered in the file.
        std::vector<std::string> rows = claimgraph::util::split(text, '\n');
        rows[4] = "nope";
        rows[30'000] = R"({"subject": "a"})";
        rows[39'990] = "[]";
        std::string bad;
        for (std::size_t i = 0; i + 1 < rows.size(); ++i) bad += rows[i] + "\n";
        auto failed = importer::parse_triples_jsonl(bad, "large.jsonl");
        REQUIRE_FALSE(failed.is_ok());
        CHECK(failed.status().message().find("has 3 bad lines") != std::string::npos);
        CHECK(failed.status().message().find("line 5: not valid JSON") != std::string::npos);
        CHECK(failed.status().message().find("line 30001: 'predicate' must be a non-empty string") != std::string::npos);
        CHECK(failed.status().message().find("line 39991: not a JSON object") != std::string::npos);
    }
}
