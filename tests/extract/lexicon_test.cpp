// Tests for the embedded lexicons: countries, demonyms, titles, modals, lemmas.
#include "extract/lexicon.h"

#include <doctest/doctest.h>

namespace claimgraph::extract {

TEST_CASE("Lexicon") {
    const Lexicon& lexicon = Lexicon::shared();
    SUBCASE("demonyms, names and capitals point at countries") {
        struct Case {
            std::string word;
            std::string country;
        };
        const Case demonyms[] = {{"Azeri", "Azerbaijan"}, {"Azerbaijani", "Azerbaijan"}, {"Kenyan", "Kenya"},
                                 {"French", "France"},    {"American", "United States"}, {"Dutch", "Netherlands"}};
        for (const auto& c : demonyms) {
            const Country* country = lexicon.country_of_demonym(c.word);
            REQUIRE_MESSAGE(country != nullptr, c.word);
            CHECK(country->name == c.country);
        }
        REQUIRE(lexicon.country_named("U.S.") != nullptr);
        CHECK(lexicon.country_named("U.S.")->name == "United States");
        REQUIRE(lexicon.country_of_capital("Nairobi") != nullptr);
        CHECK(lexicon.country_of_capital("Nairobi")->name == "Kenya");
        CHECK(lexicon.country_named("Narnia") == nullptr);
    }
    SUBCASE("international organisations") {
        REQUIRE(lexicon.organisation_named("U.N.") != nullptr);
        CHECK(lexicon.organisation_named("U.N.")->name == "United Nations");
        REQUIRE(lexicon.organisation_named("the European Union") != nullptr);
        CHECK(lexicon.organisation_named("the European Union")->name == "European Union");
        REQUIRE(lexicon.organisation_named("Nato") != nullptr);
        CHECK(lexicon.organisation_named("Nato")->name == "North Atlantic Treaty Organization");
        CHECK(lexicon.organisation_named("nato") == nullptr);
        REQUIRE(lexicon.organisation_named("WHO") != nullptr);
        CHECK(lexicon.organisation_named("WHO")->name == "World Health Organization");
        CHECK(lexicon.organisation_named("who") == nullptr);
        CHECK(lexicon.organisation_named("Who") == nullptr);
        CHECK(lexicon.organisation_named("Narnian League") == nullptr);
        // a sentence's full stop that was also the acronym's last dot
        REQUIRE(lexicon.organisation_named("U.N") != nullptr);
        CHECK(lexicon.organisation_named("U.N")->name == "United Nations");
        REQUIRE(lexicon.country_named("U.S") != nullptr);
        CHECK(lexicon.country_named("U.S")->name == "United States");
    }
    SUBCASE("titles, modals, reporting verbs and cues") {
        CHECK(lexicon.is_title("prime minister"));
        CHECK(lexicon.title_length({"Foreign", "Minister", "Jane"}, 0) == 2);
        CHECK(lexicon.title_length({"Jane", "Doe"}, 0) == 0);
        CHECK(lexicon.modality("might") == std::optional<std::string>("may"));
        CHECK_FALSE(lexicon.modality("run"));
        CHECK(lexicon.is_reporting_verb("say"));
        CHECK_FALSE(lexicon.is_reporting_verb("invite"));
        CHECK(lexicon.cue_type("alliance") == std::optional<EntityType>(EntityType::org));
        CHECK(lexicon.is_region("South Caucasus"));
    }
    SUBCASE("verb lemmas") {
        struct Case {
            std::string form;
            std::string lemma;
        };
        const Case cases[] = {{"invited", "invite"}, {"held", "hold"},       {"shelled", "shell"},   {"stopped", "stop"},
                              {"tried", "try"},      {"mediates", "mediate"}, {"controlled", "control"}, {"condemned", "condemn"},
                              {"decided", "decide"}, {"including", "include"}, {"fought", "fight"},    {"added", "add"},
                              {"wanted", "want"},    {"discussed", "discuss"},
                              {"accused", "accuse"}, {"caused", "cause"},    {"focused", "focus"},    {"used", "use"},
                              {"increased", "increase"}, {"released", "release"}, {"raising", "raise"}, {"responded", "respond"}};
        for (const auto& c : cases) {
            CHECK_MESSAGE(lexicon.lemma(c.form) == c.lemma, c.form);
        }
    }
}

}  // namespace claimgraph::extract
