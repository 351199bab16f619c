// Golden end-to-end test on the sample article: the key edges of the graph.
#include "extract/extractor.h"
#include "text/sentence_splitter.h"
#include "util/file.h"

#include <doctest/doctest.h>

#include <algorithm>

namespace claimgraph::resolve {

TEST_CASE("golden: putin-invites-fms") {
    auto text = util::read_file(std::string(CLAIMGRAPH_EXAMPLES) + "/putin-invites-fms.txt");
    REQUIRE(text);
    DocumentRecord d;
    d.text = *text;
    d.sentences = text::split_sentences(d.text);
    auto extractor = extract::create_extractor();
    REQUIRE(extractor);
    REQUIRE((*extractor)->analyse(d));

    auto find = [&](const std::string& s, const std::string& p, const std::string& o) -> const ClaimRecord* {
        for (const auto& c : d.claims) {
            if (d.entities[c.subject].name == s && c.predicate == p && d.entities[c.object].name == o) return &c;
        }
        return nullptr;
    };
    auto named = [&](const std::string& name) -> const EntityRecord* {
        for (const auto& e : d.entities) {
            if (e.name == name) return &e;
        }
        return nullptr;
    };
    SUBCASE("the card's first example") {
        CHECK(find("Vladimir Putin", "invite", "foreign ministers of Azerbaijan and Armenia") != nullptr);
    }
    SUBCASE("the card's second example: coreference, modality, nominal argument") {
        const ClaimRecord* intervene = find("Collective Security Treaty Organization", "intervene", "Armenia");
        REQUIRE(intervene != nullptr);
        CHECK(intervene->modality == "may");
        CHECK(intervene->attributed_to == "Stanislav Zas");
        CHECK_FALSE(intervene->condition.empty());
    }
    SUBCASE("titles, appositions, passives and attribution") {
        CHECK(find("Vladimir Putin", "president of", "Russia") != nullptr);
        CHECK(find("Ilham Aliyev", "president of", "Azerbaijan") != nullptr);
        CHECK(find("Nikol Pashinyan", "prime minister of", "Armenia") != nullptr);
        CHECK(find("Turkey", "ally of", "Azerbaijan") != nullptr);
        CHECK(find("France", "co chair by", "OSCE Minsk Group") == nullptr);
        CHECK(find("Russia", "co chair", "OSCE Minsk Group") != nullptr);
        CHECK(find("Russia’s foreign ministry", "in talk with", "Armenia") != nullptr);
        const ClaimRecord* shelled = find("Azeri forces", "shell", "Stepanakert");
        REQUIRE(shelled != nullptr);
        CHECK(shelled->attributed_to == "ethnic Armenians");
        const ClaimRecord* mediate = find("Sergei Lavrov", "mediate", "peace talks");
        REQUIRE(mediate != nullptr);
        CHECK(mediate->modality == "would");
    }
    SUBCASE("entities: aliases merged, different people apart") {
        const EntityRecord* putin = named("Vladimir Putin");
        REQUIRE(putin != nullptr);
        CHECK(putin->type == EntityType::person);
        for (const char* alias : {"Putin", "Russian President Vladimir Putin"}) {
            CHECK(std::count(putin->aliases.begin(), putin->aliases.end(), alias) == 1);
        }
        const EntityRecord* azerbaijan = named("Azerbaijan");
        REQUIRE(azerbaijan != nullptr);
        for (const char* alias : {"Azeri", "Azerbaijani"}) {
            CHECK(std::count(azerbaijan->aliases.begin(), azerbaijan->aliases.end(), alias) == 1);
        }
        const EntityRecord* csto = named("Collective Security Treaty Organization");
        REQUIRE(csto != nullptr);
        CHECK(std::count(csto->aliases.begin(), csto->aliases.end(), "CSTO") == 1);
        const EntityRecord* karabakh = named("Nagorno-Karabakh");
        REQUIRE(karabakh != nullptr);
        CHECK(karabakh->type == EntityType::gpe);
        CHECK(std::count(karabakh->aliases.begin(), karabakh->aliases.end(), "Upper Karabakh") == 1);
        CHECK(named("Mikhail Mishustin") != nullptr);
        CHECK(named("Ali Asadov") != nullptr);
        for (const auto& e : d.entities) {
            bool aliyev = std::count(e.aliases.begin(), e.aliases.end(), "Ilham Aliyev") > 0;
            bool asadov = std::count(e.aliases.begin(), e.aliases.end(), "Ali Asadov") > 0;
            CHECK_FALSE((aliyev && asadov));
        }
    }
}

}  // namespace claimgraph::resolve
