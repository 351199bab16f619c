// The extractor's word lists (data/lexicon/*.tsv, compiled into the binary):
// countries with demonyms and capitals, titles, reporting and modal verbs,
// organisation cues, regions, and a verb lemmatiser.
#pragma once

#include <claimgraph/model.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::extract {

/// A country as the lexicon knows it.
struct Country {
    std::string name;                    ///< canonical name (`Azerbaijan`)
    std::vector<std::string> demonyms;   ///< `Azerbaijani`, `Azeri`, ...
    std::string capital;
    std::vector<std::string> aliases;    ///< other names (`US`, `U.S.`)
};

/// An international organisation as the lexicon knows it.
struct Organisation {
    std::string name;                  ///< canonical name (`United Nations`)
    std::vector<std::string> aliases;  ///< acronyms and short forms (`UN`, `U.N.`)
};

/// Read-only after construction; the shared instance is safe to use from any thread.
class Lexicon {
public:
    /// The lexicon built from the embedded files (parsed once).
    static const Lexicon& shared();
    /// Builds a lexicon from named TSV texts (file name → contents).
    explicit Lexicon(const std::map<std::string, std::string_view>& files);

    /// The country called `name` (canonical name or alias, case-insensitive).
    const Country* country_named(std::string_view name) const;
    /// Every country `name` may name, the usual one first: `Congo` is listed for
    /// both Congos (countries.tsv lists a shared name under each). Empty when none.
    std::vector<const Country*> countries_named(std::string_view name) const;
    /// The country of an adjective or people demonym (`Azeri`, `Armenians`).
    const Country* country_of_demonym(std::string_view word) const;
    /// Every country of an adjective or people demonym, the usual one first (`Congolese`).
    std::vector<const Country*> countries_of_demonym(std::string_view word) const;
    /// The international organisation called `name` (canonical name or alias;
    /// case-insensitive except for all-capital acronyms, so `who` is not `WHO`).
    const Organisation* organisation_named(std::string_view name) const;
    /// The country whose capital is `name`.
    const Country* country_of_capital(std::string_view name) const;
    /// True for an office title (`president`, `prime minister`), lower case.
    bool is_title(std::string_view lower) const;
    /// The longest title made of `words` starting at `first` (lower case); 0 when none.
    std::size_t title_length(const std::vector<std::string>& words, std::size_t first) const;
    bool is_reporting_verb(std::string_view lemma) const;
    /// True for a verb whose coordinated subjects act on each other (`fight`, `meet`).
    bool is_reciprocal_verb(std::string_view lemma) const;
    /// True for a verb whose object does what its `to` + infinitive says (`warn`, `urge`).
    bool is_object_control_verb(std::string_view lemma) const;
    /// True for a noun whose `to` + infinitive says what its owner means to do (`bid`, `plan`).
    bool is_intention_noun(std::string_view singular) const;
    /// True for an -ing word that describes the name or office after it (`outgoing`,
    /// `visiting`, `neighbouring`), lower case.
    bool is_attributive_participle(std::string_view lower) const;
    /// `may`, `could`, ... for a modal word; std::nullopt otherwise.
    std::optional<std::string> modality(std::string_view lower) const;
    /// For a verb or adjective taking `to` + infinitive: the modality it adds ("" when
    /// none; "not" when it negates the infinitive: `refused to`, `failed to`).
    std::optional<std::string> catenative(std::string_view lemma) const;
    /// Type suggested by a head noun (`alliance` → ORG, `talks` → EVENT).
    std::optional<EntityType> cue_type(std::string_view lower) const;
    /// True for a head noun that names a company (`company`, `firm`, `maker`).
    bool is_business_cue(std::string_view lower) const;
    bool is_region(std::string_view name) const;
    bool is_state_attribute(std::string_view lower) const;
    /// True for a word that makes a phrase a time expression (`Friday`, `week`), lower case.
    bool is_time_word(std::string_view lower) const;
    /// The singular of a plural noun (`talks` → `talk`, `allies` → `ally`, `series` stays).
    std::string singular(std::string_view noun) const;
    /// The base form of an inflected verb (`invited` → `invite`, `held` → `hold`).
    std::string lemma(std::string_view verb) const;

private:
    /// The countries at these indexes of m_countries, in order.
    std::vector<const Country*> countries_at(const std::vector<std::size_t>& indexes) const;

    std::vector<Country> m_countries;
    // lower-case name/alias or demonym → the countries it may name, the usual one first
    std::map<std::string, std::vector<std::size_t>> m_country_names;
    std::map<std::string, std::vector<std::size_t>> m_demonyms;
    std::map<std::string, std::size_t> m_capitals;
    std::vector<Organisation> m_organisations;
    std::map<std::string, std::size_t> m_organisation_names;  // name/alias (acronyms as written, else lower case) → index
    std::set<std::string> m_titles;
    std::size_t m_longest_title = 1;
    std::set<std::string> m_reporting;
    std::set<std::string> m_reciprocal;
    std::set<std::string> m_attributive_participles;
    std::set<std::string> m_object_control;
    std::set<std::string> m_intention_nouns;
    std::map<std::string, std::string> m_modals;
    std::map<std::string, std::string> m_catenatives;
    std::map<std::string, EntityType> m_cues;
    std::set<std::string> m_business_cues;
    std::set<std::string> m_regions;
    std::set<std::string> m_state_attributes;
    std::set<std::string> m_time_words;
    std::map<std::string, std::string> m_irregular;
};

}  // namespace claimgraph::extract
