// Tests for sentence-level extraction: one group per construction, each with
// the propositions it must give and those it must not.
#include "extract/extractor.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <memory>

namespace claimgraph::extract {

namespace {

const Extractor& shared_extractor() {
    static std::unique_ptr<Extractor> extractor = [] {
        auto created = create_extractor();
        REQUIRE(created);
        return std::move(*created);
    }();
    return *extractor;
}

/// subject | predicate | first argument ("" for none)
std::vector<std::string> triples(const std::string& sentence) {
    auto propositions = shared_extractor().propositions(sentence);
    REQUIRE(propositions);
    std::vector<std::string> out;
    for (const auto& p : *propositions) {
        out.push_back(p.subject + " | " + p.predicate + " | " + (p.arguments.empty() ? "" : p.arguments.front()));
    }
    return out;
}

const Proposition* find(const std::vector<Proposition>& all, const std::string& subject, const std::string& predicate) {
    for (const auto& p : all) {
        if (p.subject == subject && p.predicate == predicate) return &p;
    }
    return nullptr;
}

struct Case {
    std::string sentence;
    std::vector<std::string> must;
    std::vector<std::string> must_not;
};

void check(const Case& c) {
    auto got = triples(c.sentence);
    for (const auto& want : c.must) {
        CHECK_MESSAGE(std::find(got.begin(), got.end(), want) != got.end(), c.sentence << "\n  missing: " << want);
    }
    for (const auto& unwanted : c.must_not) {
        CHECK_MESSAGE(std::find(got.begin(), got.end(), unwanted) == got.end(), c.sentence << "\n  unwanted: " << unwanted);
    }
}

}  // namespace

TEST_CASE("Extractor::propositions") {
    SUBCASE("active clauses") {
        check({"The engineers repaired the old bridge.", {"The engineers | repair | the old bridge"}, {"the old bridge | repair | The engineers"}});
        check({"The court fined the company last week.", {"The court | fine | the company"}, {}});
    }
    SUBCASE("passive clauses keep the surface subject and the by-agent") {
        check({"The bridge was repaired by the engineers.", {"The bridge | repair | the engineers"}, {"The bridge | repair | "}});
        auto all = shared_extractor().propositions("The bridge was repaired by the engineers.");
        REQUIRE(all);
        const Proposition* repaired = find(*all, "The bridge", "repair");
        REQUIRE(repaired != nullptr);
        CHECK(repaired->relation == "was repaired by");
    }
    SUBCASE("coordinated subjects and verbs split") {
        check({"Farmers and fishermen oppose the new law.",
               {"Farmers | oppose | the new law", "fishermen | oppose | the new law"},
               {"Farmers and fishermen | oppose | the new law"}});
        check({"The firm bought and renovated the old hotel.",
               {"The firm | buy | the old hotel", "The firm | renovate | the old hotel"}, {}});
    }
    SUBCASE("without an object the first preposition joins the relation") {
        auto all = shared_extractor().propositions("The professor taught at the university for ten years.");
        REQUIRE(all);
        const Proposition* taught = find(*all, "The professor", "teach");
        REQUIRE(taught != nullptr);
        CHECK(taught->relation == "taught at");
        REQUIRE_FALSE(taught->arguments.empty());
        CHECK(taught->arguments.front() == "the university");
    }
    SUBCASE("a reduced passive relative takes its agent even when the parse hangs it on the noun") {
        check({"The report described the problems faced by farmers.", {"the problems | face | farmers"}, {}});
        auto all = shared_extractor().propositions("The report described the problems faced by farmers.");
        REQUIRE(all);
        const Proposition* faced = find(*all, "the problems", "face");
        REQUIRE(faced != nullptr);
        CHECK(faced->relation == "faced by");
    }
    SUBCASE("coordinated subjects of a reciprocal verb act on each other") {
        auto all = shared_extractor().propositions("Ruritania and Freedonia clashed on Monday.");
        REQUIRE(all);
        const Proposition* first = find(*all, "Ruritania", "clash");
        REQUIRE(first != nullptr);
        CHECK(std::find(first->arguments.begin(), first->arguments.end(), "Freedonia") != first->arguments.end());
        const Proposition* second = find(*all, "Freedonia", "clash");
        REQUIRE(second != nullptr);
        CHECK(std::find(second->arguments.begin(), second->arguments.end(), "Ruritania") == second->arguments.end());
        check({"Ruritania and Freedonia praised the deal.", {"Ruritania | praise | the deal"}, {"Ruritania | praise | Freedonia"}});
    }
    SUBCASE("a conjunction is never a relation") {
        for (const char* sentence : {"The board said it would close the plant on Dec. 14 and had asked the bank for funds.",
                                     "The ruling strips the party of two of the three seats it won in the district and could hand the "
                                     "coalition a majority."}) {
            auto all = shared_extractor().propositions(sentence);
            REQUIRE(all);
            for (const auto& p : *all) CHECK_MESSAGE(p.predicate != "and", sentence << ": " << p.subject << " | " << p.relation);
        }
    }
    SUBCASE("relative clauses") {
        check({"Officials criticised the mayor, who denied the claims.", {"the mayor | deny | the claims"}, {"who | deny | the claims"}});
        check({"The scientist who discovered the virus won an award.",
               {"The scientist | discover | the virus", "The scientist | win | an award"}, {"who | discover | the virus"}});
    }
    SUBCASE("apposition") {
        check({"Anna Lee, a chemist from Ohio, won the prize.", {"Anna Lee | be | a chemist from Ohio", "Anna Lee | win | the prize"}, {}});
        // a participle clause after a comma describes nothing
        check({"Rebels seized control of the town, forcing thousands of residents to flee.",
               {"Rebels | seize | control of the town"}, {"the town | be | forcing"}});
    }
    SUBCASE("a measure is an argument") {
        check({"Shares of the carmaker fell 5 percent on Monday.", {"Shares of the carmaker | fall | 5 percent"}, {}});
    }
    SUBCASE("infinitival complements and purposes") {
        check({"The board decided to close the factory.", {"The board | decide | to close the factory", "The board | close | the factory"}, {}});
        check({"The army sent troops to secure the border.", {"The army | send | troops", "The army | secure | the border"}, {}});
    }
    SUBCASE("who does the infinitive: the object of `warn`/`urge`, the owner of a `bid`/`plan`, negated by `not to`") {
        check({"Ruritania warned Freedonia not to provoke a confrontation.", {"Freedonia | provoke | a confrontation"},
               {"Ruritania | provoke | a confrontation"}});
        auto warned = shared_extractor().propositions("Ruritania warned Freedonia not to provoke a confrontation.");
        REQUIRE(warned);
        const Proposition* provoke = find(*warned, "Freedonia", "provoke");
        REQUIRE(provoke != nullptr);
        CHECK(provoke->negated);
        check({"The envoy urged the rebels to lay down their weapons.", {"the rebels | lay down | their weapons"},
               {"The envoy | lay down | their weapons"}});
        check({"The parliament approved Freedonia's bid to join the alliance on Tuesday.", {"Freedonia | join | the alliance"},
               {"The parliament | join | the alliance"}});
        check({"The council approved the plan to close the school.", {}, {"The council | close | the school"}});
        check({"The rebels were urged to lay down their weapons.", {"The rebels | lay down | their weapons"}, {}});
        check({"The board backed this plan to close the plant.", {}, {"this | close | the plant", "The board | close | the plant"}});
    }
    SUBCASE("a gerund after a preposition shares the verb's subject; a preposition is never a subject") {
        check({"The rebels responded by shelling the airport.", {"The rebels | shell | the airport"}, {"by | shell | the airport"}});
        check({"The club sacked its coach without giving a reason.",
               {"The club | sack | its coach"}, {"without | give | a reason"}});
        auto all = shared_extractor().propositions("The club sacked its coach without giving a reason.");
        REQUIRE(all);
        const Proposition* gave = find(*all, "The club", "give");
        REQUIRE(gave != nullptr);
        CHECK(gave->negated);
        check({"The talks were aimed at easing tension.", {}, {"at | ease | tension"}});
        check({"The group did not welcome steps aimed at easing tension.", {}, {"The group | ease | tension"}});
        check({"The firm grew after buying a rival.", {"The firm | buy | a rival"}, {}});
        auto accused = shared_extractor().propositions("Police accused the gang of robbing the bank.");
        REQUIRE(accused);
        const Proposition* robbed = find(*accused, "the gang", "rob");
        REQUIRE(robbed != nullptr);
        CHECK(robbed->attributed_to == "Police");
        check({"Officials rejected the idea of building a wall.", {}, {"the idea | build | a wall"}});
    }
    SUBCASE("qualifiers: modality, negation, attribution, time and place") {
        for (const char* sentence : {"The council refused to approve the budget.", "The council failed to approve the budget.",
                                     "The council declined to approve the budget."}) {
            auto all = shared_extractor().propositions(sentence);
            REQUIRE(all);
            const Proposition* approved = find(*all, "The council", "approve");
            REQUIRE_MESSAGE(approved != nullptr, sentence);
            CHECK_MESSAGE(approved->negated, sentence);
        }
        {
            auto all = shared_extractor().propositions("The mayor has never criticised the police.");
            REQUIRE(all);
            const Proposition* criticised = find(*all, "The mayor", "criticise");
            REQUIRE(criticised != nullptr);
            CHECK(criticised->negated);
            CHECK(criticised->relation == "has never criticised");
        }
        auto all = shared_extractor().propositions("The bank may not raise interest rates.");
        REQUIRE(all);
        const Proposition* raise = find(*all, "The bank", "raise");
        REQUIRE(raise != nullptr);
        CHECK(raise->negated);
        CHECK(raise->modality == "may");
        CHECK(raise->relation == "may not raise");

        all = shared_extractor().propositions("The health ministry said that the outbreak had ended.");
        REQUIRE(all);
        const Proposition* ended = find(*all, "the outbreak", "end");
        REQUIRE(ended != nullptr);
        CHECK(ended->attributed_to == "The health ministry");
        const Proposition* said = find(*all, "The health ministry", "say");
        REQUIRE(said != nullptr);
        CHECK(said->attributed_to.empty());

        all = shared_extractor().propositions("The president met the rebels in Nairobi on Monday.");
        REQUIRE(all);
        const Proposition* met = find(*all, "The president", "meet");
        REQUIRE(met != nullptr);
        CHECK(met->time == "on Monday");
        CHECK(met->place == "in Nairobi");
        CHECK(met->arguments.front() == "the rebels");

        all = shared_extractor().propositions("The coach said the team would win the final.");
        REQUIRE(all);
        const Proposition* win = find(*all, "the team", "win");
        REQUIRE(win != nullptr);
        CHECK(win->modality == "would");
        CHECK(win->attributed_to == "The coach");
    }
    SUBCASE("quotations and sources are attributions") {
        struct Case {
            std::string sentence;
            std::string subject;
            std::string predicate;
            std::string source;
        };
        const Case cases[] = {
            {"According to the police, the suspect fled the country.", "the suspect", "flee", "the police"},
            {"\"The talks have failed,\" a government spokesman said on Monday.", "The talks", "fail", "a government spokesman"},
            {"\"We will not attend the summit,\" said Foreign Minister Ana Costa.", "We", "attend", "Foreign Minister Ana Costa"},
            {"The storm destroyed 300 homes in the north, local officials said.", "The storm", "destroy", "local officials"},
            {"Kenya closed its border with Somalia on Monday, according to police.", "Kenya", "close", "police"},
            {"The firm signed a memorandum with the ministry on Monday, according to a ministry official.", "The firm", "sign",
             "a ministry official"},
        };
        for (const auto& c : cases) {
            auto all = shared_extractor().propositions(c.sentence);
            REQUIRE(all);
            const Proposition* p = find(*all, c.subject, c.predicate);
            REQUIRE_MESSAGE(p != nullptr, c.sentence);
            CHECK(p->attributed_to == c.source);
            // the source is not also an argument (`to police`)
            for (const std::string& argument : p->arguments) CHECK(argument.find(c.source) == std::string::npos);
        }
    }
    SUBCASE("confidence varies with the parse") {
        auto clean = shared_extractor().propositions("The engineers repaired the old bridge.");
        auto rough = shared_extractor().propositions("It is clear the firm did not pay pay its taxes.");
        REQUIRE(clean);
        REQUIRE(rough);
        REQUIRE_FALSE(clean->empty());
        REQUIRE_FALSE(rough->empty());
        CHECK(clean->front().confidence > rough->front().confidence);
        for (const auto& p : *rough) CHECK(p.confidence > 0.0);
    }
    SUBCASE("tokenised input prints the original tokens") {
        auto all = shared_extractor().propositions("The mayor did n't approve the city 's budget .");
        REQUIRE(all);
        const Proposition* approve = find(*all, "The mayor", "approve");
        REQUIRE(approve != nullptr);
        CHECK(approve->negated);
        CHECK(approve->arguments.front() == "the city 's budget");
    }
}

}  // namespace claimgraph::extract
