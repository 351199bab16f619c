// Loads the embedded TSV word lists and answers look-ups; also the verb lemmatiser.
#include "extract/lexicon.h"

#include "util/embedded_file.h"
#include "util/strings.h"

#include <algorithm>
#include <cctype>

namespace claimgraph::extract {

namespace {

/// Non-comment, non-empty lines of a TSV text, split at tabs.
std::vector<std::vector<std::string>> rows(std::string_view text) {
    std::vector<std::vector<std::string>> out;
    for (const std::string& line : util::split(text, '\n')) {
        std::string_view trimmed = util::trim(line);
        if (trimmed.empty() || trimmed.front() == '#') continue;
        std::string clean(line);
        if (!clean.empty() && clean.back() == '\r') clean.pop_back();
        out.push_back(util::split(clean, '\t'));
    }
    return out;
}

std::vector<std::string> list(const std::string& field) {
    std::vector<std::string> out;
    for (const std::string& part : util::split(field, ',')) {
        std::string_view item = util::trim(part);
        if (!item.empty()) out.emplace_back(item);
    }
    return out;
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

/// Restores a final `e` dropped before -ed/-ing (`invit` → `invite`), by spelling rules.
std::string restore_e(std::string stem) {
    std::size_t n = stem.size();
    if (n < 3) return stem;
    char last = stem[n - 1];
    char before = stem[n - 2];
    char third = stem[n - 3];
    bool single_vowel = is_vowel(before) && !is_vowel(third);
    bool add = false;
    if (last == 'v' || last == 'u' || last == 'c' || (last == 'z' && before != 'z')) add = true;
    else if (last == 'g' && (before == 'n' || before == 'r' || before == 'd' || before == 'l')) add = true;
    else if (single_vowel && (last == 'd' || last == 'k' || last == 'b')) add = true;
    else if (single_vowel && last == 't' && (before == 'a' || before == 'u' || before == 'o')) add = true;
    else if (single_vowel && last == 't' && before == 'i' && (third == 'v' || third == 'n' || third == 'c')) add = true;
    else if (stem.ends_with("us")) add = !(stem.ends_with("cus") && !stem.ends_with("ccus"));  // accuse, cause; focus
    else if (last == 's' && is_vowel(before) && is_vowel(third)) add = true;  // increase, release, raise
    else if (single_vowel && last == 's') add = true;
    else if (single_vowel && last == 'r' && before != 'e') add = true;
    else if (single_vowel && last == 'l' && (before == 'u' || before == 'i' || before == 'o')) add = true;
    else if (single_vowel && (last == 'm' || (last == 'n' && before != 'o' && before != 'e'))) add = true;
    if (add) stem.push_back('e');
    return stem;
}

/// `U.S`, `u.n`: letters with dots between them but not after the last one.
bool dotted_without_last_dot(std::string_view text) {
    if (text.size() < 3 || text.size() % 2 == 0) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        bool letter = std::isalpha(static_cast<unsigned char>(text[i])) != 0;
        if ((i % 2 == 0) != letter || (i % 2 == 1 && text[i] != '.')) return false;
    }
    return true;
}

/// The look-up key of an organisation's name: an acronym as written (`WHO` is not
/// the pronoun `who`), anything else in lower case. A capitalised word of four or
/// more letters is also an acronym's key (`Nato`, `Opec`; but `Who` is the pronoun).
std::string organisation_key(std::string_view name) {
    bool lower = std::any_of(name.begin(), name.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
    if (!lower) return std::string(name);
    bool capitalised_word = name.size() >= 4 && std::isupper(static_cast<unsigned char>(name.front())) &&
                            std::all_of(name.begin() + 1, name.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
    if (capitalised_word) {
        std::string upper(name);
        for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        return upper;
    }
    return util::to_lower_ascii(name);
}

/// Undoes consonant doubling before -ed/-ing (`stopped` → `stop`), keeping ll/ss/dd/ff/zz words.
std::string undouble(std::string stem) {
    std::size_t n = stem.size();
    if (n >= 4 && stem[n - 1] == stem[n - 2] && !is_vowel(stem[n - 1])) {
        char c = stem[n - 1];
        if (c != 'l' && c != 's' && c != 'd' && c != 'f' && c != 'z') {
            stem.pop_back();
        } else if (c == 'l' && (stem.ends_with("troll") || stem.ends_with("pell") || stem.ends_with("cell"))) {
            stem.pop_back();
        }
        return stem;
    }
    return restore_e(stem);
}

}  // namespace

const Lexicon& Lexicon::shared() {
    static const Lexicon lexicon = [] {
        std::map<std::string, std::string_view> files;
        for (const auto& file : embedded::lexicon_files()) files[std::string(file.name)] = file.contents;
        return Lexicon(files);
    }();
    return lexicon;
}

Lexicon::Lexicon(const std::map<std::string, std::string_view>& files) {
    auto file = [&](const std::string& name) -> std::string_view {
        auto found = files.find(name);
        return found == files.end() ? std::string_view() : found->second;
    };
    for (const auto& row : rows(file("countries.tsv"))) {
        Country country;
        country.name = row[0];
        if (row.size() > 1) country.demonyms = list(row[1]);
        if (row.size() > 2) country.capital = row[2];
        if (row.size() > 3) country.aliases = list(row[3]);
        std::size_t index = m_countries.size();
        m_country_names[util::to_lower_ascii(country.name)].push_back(index);
        for (const auto& alias : country.aliases) m_country_names[util::to_lower_ascii(alias)].push_back(index);
        for (const auto& demonym : country.demonyms) m_demonyms[util::to_lower_ascii(demonym)].push_back(index);
        if (!country.capital.empty()) m_capitals.emplace(util::to_lower_ascii(country.capital), index);
        m_countries.push_back(std::move(country));
    }
    for (const auto& row : rows(file("organisations.tsv"))) {
        Organisation organisation;
        organisation.name = row[0];
        if (row.size() > 1) organisation.aliases = list(row[1]);
        std::size_t index = m_organisations.size();
        m_organisation_names.emplace(organisation_key(organisation.name), index);
        for (const auto& alias : organisation.aliases) m_organisation_names.emplace(organisation_key(alias), index);
        m_organisations.push_back(std::move(organisation));
    }
    for (const auto& row : rows(file("titles.tsv"))) {
        m_titles.insert(row[0]);
        m_longest_title = std::max(m_longest_title, util::split(row[0], ' ').size());
    }
    for (const auto& row : rows(file("reporting_verbs.tsv"))) m_reporting.insert(row[0]);
    for (const auto& row : rows(file("reciprocal_verbs.tsv"))) m_reciprocal.insert(row[0]);
    for (const auto& row : rows(file("attributive_participles.tsv"))) m_attributive_participles.insert(row[0]);
    for (const auto& row : rows(file("object_control_verbs.tsv"))) m_object_control.insert(row[0]);
    for (const auto& row : rows(file("intention_nouns.tsv"))) m_intention_nouns.insert(row[0]);
    for (const auto& row : rows(file("modal_verbs.tsv"))) m_modals[row[0]] = row.size() > 1 ? row[1] : row[0];
    for (const auto& row : rows(file("catenative_verbs.tsv"))) m_catenatives[row[0]] = row.size() > 1 ? row[1] : "";
    for (const auto& row : rows(file("organisation_cues.tsv"))) {
        if (row.size() < 2) continue;
        if (auto type = parse_entity_type(row[1])) m_cues[row[0]] = *type;
        if (row.size() > 2 && row[2] == "business") m_business_cues.insert(row[0]);
    }
    for (const auto& row : rows(file("places.tsv"))) m_regions.insert(util::to_lower_ascii(row[0]));
    for (const auto& row : rows(file("state_attributes.tsv"))) m_state_attributes.insert(row[0]);
    for (const auto& row : rows(file("time_words.tsv"))) m_time_words.insert(row[0]);
    for (const auto& row : rows(file("irregular_verbs.tsv"))) {
        if (row.size() > 1) m_irregular[row[0]] = row[1];
    }
}

const Organisation* Lexicon::organisation_named(std::string_view name) const {
    if (name.size() > 4 && util::to_lower_ascii(name.substr(0, 4)) == "the ") name.remove_prefix(4);
    std::string key = organisation_key(name);
    auto found = m_organisation_names.find(key);
    if (found == m_organisation_names.end() && dotted_without_last_dot(key)) found = m_organisation_names.find(key + ".");
    return found == m_organisation_names.end() ? nullptr : &m_organisations[found->second];
}

std::vector<const Country*> Lexicon::countries_at(const std::vector<std::size_t>& indexes) const {
    std::vector<const Country*> countries;
    for (std::size_t index : indexes) countries.push_back(&m_countries[index]);
    return countries;
}

std::vector<const Country*> Lexicon::countries_named(std::string_view name) const {
    std::string key = util::to_lower_ascii(name);
    if (key.starts_with("the ")) key = key.substr(4);
    auto found = m_country_names.find(key);
    // `U.S` at the end of a sentence: the sentence's full stop was also the last dot
    if (found == m_country_names.end() && dotted_without_last_dot(key)) found = m_country_names.find(key + ".");
    return found == m_country_names.end() ? std::vector<const Country*>() : countries_at(found->second);
}

const Country* Lexicon::country_named(std::string_view name) const {
    auto countries = countries_named(name);
    return countries.empty() ? nullptr : countries.front();
}

std::vector<const Country*> Lexicon::countries_of_demonym(std::string_view word) const {
    auto found = m_demonyms.find(util::to_lower_ascii(word));
    // a people form the list leaves out (`Armenians`) is the plural of the adjective
    if (found == m_demonyms.end()) found = m_demonyms.find(singular(word));
    return found == m_demonyms.end() ? std::vector<const Country*>() : countries_at(found->second);
}

const Country* Lexicon::country_of_demonym(std::string_view word) const {
    auto countries = countries_of_demonym(word);
    return countries.empty() ? nullptr : countries.front();
}

const Country* Lexicon::country_of_capital(std::string_view name) const {
    auto found = m_capitals.find(util::to_lower_ascii(name));
    return found == m_capitals.end() ? nullptr : &m_countries[found->second];
}

bool Lexicon::is_title(std::string_view lower) const { return m_titles.count(std::string(lower)) > 0; }

std::size_t Lexicon::title_length(const std::vector<std::string>& words, std::size_t first) const {
    for (std::size_t length = std::min(m_longest_title, words.size() - std::min(first, words.size())); length > 0; --length) {
        std::string phrase;
        for (std::size_t k = first; k < first + length; ++k) {
            if (k > first) phrase += ' ';
            phrase += util::to_lower_ascii(words[k]);
        }
        if (m_titles.count(phrase)) return length;
    }
    return 0;
}

bool Lexicon::is_reporting_verb(std::string_view lemma) const { return m_reporting.count(std::string(lemma)) > 0; }

bool Lexicon::is_reciprocal_verb(std::string_view lemma) const { return m_reciprocal.count(std::string(lemma)) > 0; }

bool Lexicon::is_object_control_verb(std::string_view lemma) const { return m_object_control.count(std::string(lemma)) > 0; }

bool Lexicon::is_intention_noun(std::string_view singular) const { return m_intention_nouns.count(std::string(singular)) > 0; }

bool Lexicon::is_attributive_participle(std::string_view lower) const {
    return m_attributive_participles.count(std::string(lower)) > 0;
}

std::optional<std::string> Lexicon::modality(std::string_view lower) const {
    auto found = m_modals.find(std::string(lower));
    if (found == m_modals.end()) return std::nullopt;
    return found->second;
}

std::optional<std::string> Lexicon::catenative(std::string_view lemma) const {
    auto found = m_catenatives.find(std::string(lemma));
    if (found == m_catenatives.end()) return std::nullopt;
    return found->second;
}

std::optional<EntityType> Lexicon::cue_type(std::string_view lower) const {
    auto found = m_cues.find(std::string(lower));
    if (found == m_cues.end()) return std::nullopt;
    return found->second;
}

bool Lexicon::is_business_cue(std::string_view lower) const { return m_business_cues.count(std::string(lower)) > 0; }

bool Lexicon::is_region(std::string_view name) const { return m_regions.count(util::to_lower_ascii(name)) > 0; }

bool Lexicon::is_state_attribute(std::string_view lower) const { return m_state_attributes.count(std::string(lower)) > 0; }

bool Lexicon::is_time_word(std::string_view lower) const { return m_time_words.count(std::string(lower)) > 0; }

std::string Lexicon::singular(std::string_view noun) const {
    std::string word = util::to_lower_ascii(noun);
    std::size_t n = word.size();
    if (n < 4 || word.ends_with("ss") || word.ends_with("us") || word.ends_with("is") || (word.ends_with("ies") && n < 5) ||
        word == "series" || word == "species" || word == "news" || word == "means" || !word.ends_with('s')) {
        return word;
    }
    if (word.ends_with("ies")) return word.substr(0, n - 3) + "y";
    if (word.ends_with("ches") || word.ends_with("shes") || word.ends_with("sses") || word.ends_with("xes")) return word.substr(0, n - 2);
    return word.substr(0, n - 1);
}

std::string Lexicon::lemma(std::string_view verb) const {
    std::string word = util::to_lower_ascii(verb);
    if (word.ends_with("n't")) word = word.substr(0, word.size() - 3);
    if (auto found = m_irregular.find(word); found != m_irregular.end()) return found->second;
    std::size_t n = word.size();
    if (n > 4 && word.ends_with("ied")) return word.substr(0, n - 3) + "y";
    if (n > 4 && word.ends_with("eed")) return word.substr(0, n - 1);
    if (n > 3 && word.ends_with("ed")) return undouble(word.substr(0, n - 2));
    if (n > 5 && word.ends_with("ing")) return undouble(word.substr(0, n - 3));
    if (n > 4 && word.ends_with("ies")) return word.substr(0, n - 3) + "y";
    if (n > 3 && (word.ends_with("ches") || word.ends_with("shes") || word.ends_with("sses") || word.ends_with("xes") ||
                  word.ends_with("zes") || word.ends_with("oes"))) {
        return word.substr(0, n - 2);
    }
    if (n > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us")) return word.substr(0, n - 1);
    return word;
}

}  // namespace claimgraph::extract
