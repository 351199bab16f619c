// Mentions → entities within one document, then claims between entities.
// Names are split into title, nationality and name; demonyms and capitals map to
// countries; acronyms defined in the text join their long forms; pronouns and
// definite descriptions take the most salient compatible entity before them.
#include "resolve/resolver.h"

#include "util/strings.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <numeric>
#include <optional>
#include <regex>
#include <set>
#include <tuple>

namespace claimgraph::resolve {

namespace {

using extract::Argument;
using extract::Clause;
using extract::Lexicon;
using extract::Phrase;
using extract::Role;

const std::set<std::string> k_determiners{"the", "a", "an", "this", "that", "these", "those", "his", "her", "its",
                                          "their", "our", "my", "your", "some", "any", "both", "all", "no"};
/// Prepositions that relate two participants (not a place, time or manner).
const std::set<std::string> k_relational{"for", "with", "to", "against", "between", "on", "over", "by", "from", "into", "about", "toward", "towards"};
const std::set<std::string> k_possessive_pronouns{"his", "her", "its", "their"};
const std::set<std::string> k_person_pronouns{"he", "him", "his", "she", "her", "himself", "herself"};
const std::set<std::string> k_thing_pronouns{"it", "its", "itself"};
const std::set<std::string> k_plural_pronouns{"they", "them", "their", "themselves"};

bool is_upper(const std::string& text) { return util::starts_upper(text); }

bool all_caps(const std::string& text) {
    int letters = 0;
    for (char c : text) {
        if (std::islower(static_cast<unsigned char>(c))) return false;
        if (std::isalpha(static_cast<unsigned char>(c))) ++letters;
    }
    return letters >= 2;
}

bool plural_noun(const std::string& lower) {
    return lower.size() > 3 && lower.back() == 's' && !lower.ends_with("ss") && !lower.ends_with("us") && !lower.ends_with("is");
}

/// True when `word` occurs in `text` with no letter or digit on either side.
bool contains_word(const std::string& text, const std::string& word) {
    for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
        bool left = at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1]));
        std::size_t end = at + word.size();
        bool right = end >= text.size() || !std::isalnum(static_cast<unsigned char>(text[end]));
        if (left && right) return true;
    }
    return false;
}

struct Entity {
    std::string name;
    EntityType type = EntityType::other;
    std::vector<std::string> aliases;
    bool description = false;  ///< named by a common-noun phrase, not a proper name
    bool plural = false;
    std::string title;         ///< office of a person (`president`)
    std::optional<std::size_t> country;
};

/// A resolved mention, in document order: the salience history for pronouns.
struct Mention {
    std::size_t entity = 0;
    std::size_t analysis = 0;
    int start = 0;  ///< bytes into the analysis' parse text
    int end = 0;
    int depth = 0;
    bool anaphor = false;  ///< a pronoun or definite description (not an alias)
    bool oblique = false;  ///< the object of a preposition: less salient than subjects and objects
};

/// A claim before entity merging is final.
struct PendingClaim {
    std::size_t subject = 0;
    std::string predicate;
    std::size_t object = 0;
    const Clause* clause = nullptr;  ///< null for nominal relations from names
    std::size_t analysis = 0;
    int start = 0;
    int end = 0;
    double confidence = 0.5;
};

struct Token {
    std::size_t word = 0;
    std::string text;
    std::string lower;
};

class Resolver {
public:
    Resolver(DocumentRecord& document, const std::vector<SentenceAnalysis>& analyses, const Lexicon& lexicon)
        : m_document(document), m_analyses(analyses), m_lexicon(lexicon) {}

    void run() {
        find_acronyms();
        for (std::size_t a = 0; a < m_analyses.size(); ++a) {
            auto phrases = extract::find_noun_phrases(m_analyses[a].parse, m_lexicon);
            std::sort(phrases.begin(), phrases.end(), [](const auto& x, const auto& y) {
                return std::tie(x.phrase.start, y.phrase.end) < std::tie(y.phrase.start, x.phrase.end);
            });
            for (const auto& np : phrases) entity_of(a, np.phrase, np.depth, false);
            for (const Clause& clause : m_analyses[a].clauses) identities(a, clause);
            known_as(a);
            type_places(a);
        }
        for (std::size_t a = 0; a < m_analyses.size(); ++a) {
            for (const Clause& clause : m_analyses[a].clauses) claims(a, clause);
        }
        write();
    }

private:
    // ---- entities --------------------------------------------------------

    std::size_t root(std::size_t e) const {
        while (m_parent[e] != e) e = m_parent[e];
        return e;
    }

    std::size_t add_entity(Entity entity) {
        m_entities.push_back(std::move(entity));
        m_parent.push_back(m_parent.size());
        std::size_t index = m_entities.size() - 1;
        m_by_name[util::to_lower_ascii(m_entities[index].name)] = index;
        return index;
    }

    void add_alias(std::size_t e, std::string alias) {
        alias = std::string(util::trim(alias));
        if (alias.empty()) return;
        Entity& entity = m_entities[root(e)];
        if (std::find(entity.aliases.begin(), entity.aliases.end(), alias) == entity.aliases.end()) entity.aliases.push_back(alias);
    }

    /// Merges b into a (a keeps its name unless b's proper name is longer for a person).
    void merge(std::size_t a, std::size_t b) {
        a = root(a);
        b = root(b);
        if (a == b) return;
        Entity& ea = m_entities[a];
        Entity& eb = m_entities[b];
        if (ea.description && !eb.description) {
            std::swap(a, b);
            return merge(a, b);
        }
        if (!eb.description && ea.type == EntityType::person && eb.name.size() > ea.name.size()) std::swap(ea.name, eb.name);
        if (ea.type == EntityType::other) ea.type = eb.type;
        if (ea.title.empty()) ea.title = eb.title;
        if (!ea.country) ea.country = eb.country;
        for (const std::string& alias : eb.aliases) add_alias(a, alias);
        add_alias(a, eb.name);
        m_parent[b] = a;
    }

    std::optional<std::size_t> named(const std::string& name) const {
        auto found = m_by_name.find(util::to_lower_ascii(name));
        if (found == m_by_name.end()) return std::nullopt;
        return root(found->second);
    }

    /// The country a name or demonym names. A form several countries share (`Congo`,
    /// `Congolese`) names the one this document has named already, else the usual one.
    const extract::Country* country_named(std::string_view name) const {
        return already_named(m_lexicon.countries_named(name));
    }
    const extract::Country* country_of_demonym(std::string_view word) const {
        return already_named(m_lexicon.countries_of_demonym(word));
    }
    const extract::Country* already_named(const std::vector<const extract::Country*>& candidates) const {
        if (candidates.empty()) return nullptr;
        if (candidates.size() > 1) {
            for (const extract::Country* country : candidates) {
                if (named(country->name)) return country;
            }
        }
        return candidates.front();
    }

    std::size_t country_entity(const extract::Country& country) {
        if (auto existing = named(country.name)) return *existing;
        Entity entity;
        entity.name = country.name;
        entity.type = EntityType::gpe;
        std::size_t e = add_entity(entity);
        add_alias(e, country.name);
        for (const std::string& alias : country.aliases) {
            if (contains_word(m_document.text, alias)) add_alias(e, alias);
        }
        for (const std::string& demonym : country.demonyms) {
            if (!plural_noun(util::to_lower_ascii(demonym)) && contains_word(m_document.text, demonym)) add_alias(e, demonym);
        }
        return e;
    }

    /// An international organisation by its canonical name, with the surface form as an alias.
    std::size_t organisation_entity(const extract::Organisation& organisation, const std::string& surface) {
        std::size_t e = 0;
        if (auto existing = named(organisation.name)) {
            e = *existing;
        } else {
            Entity entity;
            entity.name = organisation.name;
            entity.type = EntityType::org;
            e = add_entity(entity);
            add_alias(e, organisation.name);
        }
        m_entities[root(e)].type = EntityType::org;
        add_alias(e, surface);
        return e;
    }

    /// The entity of a proper name, creating it when new.
    std::size_t name_entity(const std::string& name, std::optional<EntityType> type, bool as_subject) {
        if (const auto* country = country_named(name)) return country_entity(*country);
        if (const auto* country = m_lexicon.country_of_capital(name); country && as_subject) return country_entity(*country);
        auto acronym = m_acronyms.find(name);
        std::string canonical = acronym != m_acronyms.end() ? acronym->second : name;
        if (const auto* organisation = m_lexicon.organisation_named(canonical)) return organisation_entity(*organisation, name);
        if (auto existing = named(canonical)) {
            Entity& entity = m_entities[*existing];
            if (type && (entity.type == EntityType::other || (*type == EntityType::person && entity.description))) entity.type = *type;
            return *existing;
        }
        std::vector<std::string> words = util::split(canonical, ' ');
        // short and long forms: `Putin` = `Vladimir Putin`, `Minsk Group` = `OSCE Minsk Group`
        for (std::size_t e = 0; e < m_entities.size(); ++e) {
            if (root(e) != e || m_entities[e].description) continue;
            const Entity& other = m_entities[e];
            // both rules need the same last word: a cheap filter before splitting
            std::size_t space = other.name.rfind(' ');
            if (std::string_view(other.name).substr(space == std::string::npos ? 0 : space + 1) != words.back()) continue;
            std::vector<std::string> other_words = util::split(other.name, ' ');
            bool person = other.type == EntityType::person || (type && *type == EntityType::person);
            bool compatible = !type || other.type == EntityType::other || other.type == *type;
            if (!compatible || country_named(other.name)) continue;
            if (person) {
                bool same_last = other_words.back() == words.back();
                bool one_short = other_words.size() == 1 || words.size() == 1 || other_words.front() == words.front();
                if (same_last && one_short && (other.type == EntityType::person || other_words.size() == 1)) {
                    if (words.size() > other_words.size()) {
                        add_alias(e, other.name);
                        m_entities[e].name = canonical;
                        m_by_name[util::to_lower_ascii(canonical)] = e;
                    }
                    add_alias(e, canonical);
                    add_alias(e, words.back());
                    if (type) m_entities[e].type = *type;
                    return e;
                }
            } else if (words.size() >= 2 && other_words.size() >= 2 && other.type == EntityType::org) {
                auto suffix = [](const std::vector<std::string>& small, const std::vector<std::string>& big) {
                    return small.size() < big.size() && std::equal(small.rbegin(), small.rend(), big.rbegin());
                };
                if (suffix(words, other_words)) {
                    add_alias(e, canonical);
                    return e;
                }
                if (suffix(other_words, words)) {
                    add_alias(e, other.name);
                    m_entities[e].name = canonical;
                    m_by_name[util::to_lower_ascii(canonical)] = e;
                    return e;
                }
            }
        }
        Entity entity;
        entity.name = canonical;
        entity.type = type.value_or(EntityType::other);
        std::size_t e = add_entity(entity);
        add_alias(e, canonical);
        if (entity.type == EntityType::person && words.size() >= 2) add_alias(e, words.back());
        if (canonical != name) {
            add_alias(e, name);
            m_by_name[util::to_lower_ascii(name)] = e;
        }
        return e;
    }

    /// False for an organisation that cannot be a company: an international organisation
    /// of the lexicon, or one whose head word names another kind (`Investment Ministry`).
    bool can_be_company(const Entity& entity) const {
        if (m_lexicon.organisation_named(entity.name)) return false;
        const auto words = util::split(util::to_lower_ascii(entity.name), ' ');
        const std::string& last = words.empty() ? entity.name : words.back();
        return !m_lexicon.cue_type(last) || m_lexicon.is_business_cue(last);
    }

    /// A person known by office and country (`the president of Russia`), or a new description.
    std::size_t office_entity(const std::string& title, std::optional<std::size_t> country, const std::string& text) {
        if (country) {
            for (std::size_t e = 0; e < m_entities.size(); ++e) {
                const Entity& entity = m_entities[e];
                if (root(e) == e && entity.type == EntityType::person && entity.title == title && entity.country &&
                    root(*entity.country) == root(*country)) {
                    return e;
                }
            }
        }
        if (!country) {
            // `the chancellor`: the person most recently named with that office
            for (auto m = m_mentions.rbegin(); m != m_mentions.rend(); ++m) {
                const Entity& entity = m_entities[root(m->entity)];
                if (entity.type == EntityType::person && !entity.description && entity.title == title) return root(m->entity);
            }
        }
        if (auto existing = named(text)) {
            // a description of another country's office holder is someone else
            const Entity& found = m_entities[*existing];
            if (!country || !found.country || root(*found.country) == root(*country)) return *existing;
        }
        Entity entity;
        entity.name = text;
        entity.type = EntityType::person;
        entity.description = true;
        entity.title = title;
        entity.country = country;
        std::size_t e = add_entity(entity);
        add_alias(e, text);
        return e;
    }

    std::optional<EntityType> guess_type(const std::vector<Token>& name, const parse::Parse& parse, bool titled) const {
        const std::string& last = name.back().lower;
        if (titled) return EntityType::person;
        if (name.size() == 1 && m_lexicon.is_time_word(last)) return EntityType::date;
        if (auto cue = m_lexicon.cue_type(last)) return cue;
        std::string joined;
        for (const auto& t : name) joined += (joined.empty() ? "" : " ") + t.text;
        if (m_lexicon.is_region(joined)) return EntityType::loc;
        if (name.size() == 1 && all_caps(name[0].text)) return EntityType::org;
        if (name.size() >= 2 && name.size() <= 3) {
            const auto& first = parse.words[name.front().word];
            const auto& final = parse.words[name.back().word];
            bool first_name = first.guessed || first.subscript == "m" || first.subscript == "f" || first.subscript == "b";
            bool last_name = final.guessed || final.subscript == "m" || final.subscript == "f" || final.subscript == "b";
            if (first_name && last_name) return EntityType::person;
        }
        if (name.size() == 1 && parse.words[name[0].word].subscript == "l") return EntityType::gpe;
        return std::nullopt;
    }

    std::vector<Token> tokens(std::size_t a, const Phrase& phrase) const {
        const parse::Parse& parse = m_analyses[a].parse;
        std::vector<Token> out;
        for (std::size_t w = 1; w + 1 < parse.words.size(); ++w) {
            const auto& word = parse.words[w];
            if (word.start < phrase.start || word.end > phrase.end || word.text.empty()) continue;
            out.push_back({w, word.text, util::to_lower_ascii(word.text)});
        }
        return out;
    }

    /// True for a capitalised word that is a name, not a capitalised common word opening a sentence.
    bool proper(std::size_t a, const Token& token) const {
        const auto& word = m_analyses[a].parse.words[token.word];
        if (!is_upper(token.text)) return false;
        if (!is_upper(word.base) && !word.guessed) {
            return country_named(token.text) || country_of_demonym(token.text);
        }
        return true;
    }

    /// The original text of name tokens; tokens that do not follow each other in the
    /// sentence (`African Union (AU) Commission` without the brackets) are joined by a space.
    std::string tokens_text(std::size_t a, const std::vector<Token>& tokens) const {
        const auto& words = m_analyses[a].parse.words;
        std::string text;
        for (std::size_t first = 0; first < tokens.size();) {
            std::size_t last = first;
            while (last + 1 < tokens.size() && tokens[last + 1].word == tokens[last].word + 1) ++last;
            if (!text.empty()) text += ' ';
            text += original(a, words[tokens[first].word].start, words[tokens[last].word].end);
            first = last + 1;
        }
        return text;
    }

    std::string original(std::size_t a, int start, int end) const {
        const SentenceAnalysis& analysis = m_analyses[a];
        auto [s, e] = analysis.normalised.original(start, end);
        const std::string& sentence = m_document.sentences[analysis.sentence].text;
        if (e <= s) return {};
        return sentence.substr(static_cast<std::size_t>(analysis.offset + s), static_cast<std::size_t>(e - s));
    }

    std::optional<std::size_t> pronoun(std::size_t a, const std::string& lower, int start) const {
        std::size_t sentence = m_analyses[a].sentence;
        std::optional<std::size_t> best;
        std::tuple<std::size_t, int, int> best_rank{1000, 1000, 0};
        for (const Mention& m : m_mentions) {
            std::size_t ms = m_analyses[m.analysis].sentence;
            if (ms > sentence || sentence - ms > 2) continue;
            if (m.analysis == a && m.start >= start) continue;
            const Entity& entity = m_entities[root(m.entity)];
            bool ok = false;
            if (k_person_pronouns.count(lower)) ok = entity.type == EntityType::person && !entity.plural;
            else if (k_thing_pronouns.count(lower)) ok = entity.type != EntityType::person && entity.type != EntityType::date && !entity.plural;
            else ok = entity.plural || entity.type == EntityType::group;
            if (!ok) continue;
            std::size_t distance = sentence - ms;
            // Hobbs-like: nearest sentence, shallowest, then leftmost (longest first)
            std::tuple<std::size_t, int, int> rank{distance, m.oblique ? 1 : 0, m.start * 1000 - (m.end - m.start)};
            if (!best || rank < best_rank) {
                best = m.entity;
                best_rank = rank;
            }
        }
        return best;
    }

    std::optional<std::size_t> entity_of(std::size_t a, const Phrase& phrase, int depth, bool as_subject) {
        auto key = std::make_tuple(a, phrase.start, phrase.end);
        if (auto found = m_cache.find(key); found != m_cache.end()) {
            if (!found->second) return std::nullopt;
            std::size_t e = root(*found->second);
            if (const auto* country = m_lexicon.country_of_capital(m_entities[e].name); as_subject && country) {
                return country_entity(*country);
            }
            return e;
        }
        bool anaphor = false;
        std::optional<std::size_t> e = analyse_phrase(a, phrase, as_subject, anaphor);
        m_cache[key] = e;
        if (e) {
            const auto& links = m_analyses[a].parse.links;
            bool oblique = std::any_of(links.begin(), links.end(), [&](const parse::Link& l) { return l.right == phrase.head && l.label.starts_with("J"); });
            m_mentions.push_back({*e, a, phrase.start, phrase.end, depth, anaphor, oblique});
            if (!anaphor) {
                std::string text = original(a, phrase.start, phrase.end);
                std::vector<std::string> words = util::split(text, ' ');
                while (!words.empty() && k_determiners.count(util::to_lower_ascii(words.front()))) words.erase(words.begin());
                std::string alias = util::join(words, " ");
                bool coordination = (alias.find(" and ") != std::string::npos || alias.find(", ") != std::string::npos) &&
                                    m_entities[root(*e)].name.find(" and ") == std::string::npos;
                if (alias.size() < 80 && !coordination) add_alias(*e, alias);
            }
        }
        return e ? std::optional<std::size_t>(root(*e)) : std::nullopt;
    }

    std::optional<std::size_t> analyse_phrase(std::size_t a, const Phrase& phrase, bool as_subject, bool& anaphor) {
        const parse::Parse& parse = m_analyses[a].parse;
        std::vector<Token> all = tokens(a, phrase);
        if (all.empty()) return std::nullopt;
        const auto& head_word = parse.words[phrase.head];
        std::string head = util::to_lower_ascii(head_word.text);

        static const std::set<std::string> k_not_entities{"who", "whom", "which", "that", "what", "there", "here", "this", "these",
                                                          "those", "one", "others", "i", "we", "you", "me", "itself"};
        bool letter = std::isalnum(static_cast<unsigned char>(head.front())) || static_cast<unsigned char>(head.front()) >= 0x80;
        if (all.size() == 1 && (k_not_entities.count(head) || !letter)) return std::nullopt;
        if (all.size() == 1 && (k_person_pronouns.count(head) || k_thing_pronouns.count(head) || k_plural_pronouns.count(head))) {
            anaphor = true;
            return pronoun(a, head, phrase.start);
        }
        // leading determiner / possessive pronoun
        std::size_t i = 0;
        std::optional<std::size_t> possessor;
        bool definite = false;
        while (i < all.size() && k_determiners.count(all[i].lower)) {
            if (all[i].lower == "the") definite = true;
            if (k_possessive_pronouns.count(all[i].lower)) possessor = pronoun(a, all[i].lower, parse.words[all[i].word].start);
            ++i;
        }
        // possessor with 's: `Azerbaijan's President Ilham Aliyev`, `Russia's foreign ministry`
        std::optional<std::size_t> possessor_country;
        for (std::size_t k = i; k < all.size(); ++k) {
            if ((all[k].text == "'s" || all[k].text == "'") && k > i && all[k].word < phrase.head) {
                std::string owner;
                for (std::size_t m = i; m < k; ++m) owner += (owner.empty() ? "" : " ") + all[m].text;
                if (const auto* country = country_named(owner)) possessor_country = country_entity(*country);
                i = k + 1;
            }
        }
        if (possessor && m_entities[root(*possessor)].type == EntityType::gpe) possessor_country = root(*possessor);
        // `Party leader X said his party ...`: the organisation the possessor holds an office in
        if (possessor && i + 1 == all.size() && m_entities[root(*possessor)].type == EntityType::person) {
            if (auto cue = m_lexicon.cue_type(head); cue && *cue == EntityType::org) {
                for (auto n = m_nominal.rbegin(); n != m_nominal.rend(); ++n) {
                    if (root(n->subject) == root(*possessor) && m_entities[root(n->object)].type == EntityType::org) {
                        anaphor = true;
                        return root(n->object);
                    }
                }
            }
        }
        std::vector<Token> rest(all.begin() + static_cast<std::ptrdiff_t>(std::min(i, all.size())), all.end());
        if (rest.empty()) return std::nullopt;
        // `Kampala of delays` (a misattached of-phrase): a name keeps an `of` only before another name
        for (std::size_t m = 0; m + 1 < rest.size(); ++m) {
            if (rest[m].word != phrase.head || !proper(a, rest[m]) || rest[m + 1].lower != "of") continue;
            std::size_t after = m + 2;
            while (after < rest.size() && k_determiners.count(rest[after].lower)) ++after;
            if (after >= rest.size() || !proper(a, rest[after])) rest.resize(m + 1);
            break;
        }

        // nationality and titles before the head
        std::optional<std::size_t> country = possessor_country;
        std::string title;
        std::size_t k = 0;
        std::vector<std::string> lowers;
        for (const auto& t : rest) lowers.push_back(t.lower);
        while (k < rest.size()) {
            // `outgoing President X`, `Visiting Prime Minister Y`, `neighbouring Kenya`: a describing
            // -ing word before a title or a name is not part of the name
            if (m_lexicon.is_attributive_participle(rest[k].lower) && k + 1 < rest.size() &&
                (proper(a, rest[k + 1]) || m_lexicon.title_length(lowers, k + 1) > 0)) {
                ++k;
                continue;
            }
            if (const auto* c = country_of_demonym(rest[k].text); c && is_upper(rest[k].text) && k + 1 < rest.size()) {
                country = country_entity(*c);
                ++k;
                continue;
            }
            if (std::size_t length = m_lexicon.title_length(lowers, k); length > 0) {
                title.clear();
                for (std::size_t m = k; m < k + length; ++m) title += (title.empty() ? "" : " ") + lowers[m];
                k += length;
                // `President of Azerbaijan Ilham Aliyev`
                if (k + 1 < rest.size() && rest[k].lower == "of") {
                    std::size_t m = k + 1;
                    while (m < rest.size() && k_determiners.count(rest[m].lower)) ++m;
                    if (m < rest.size()) {
                        if (const auto* c = country_named(rest[m].text)) {
                            country = country_entity(*c);
                            k = m + 1;
                            continue;
                        }
                        // `the head of a six-country military alliance`: an office of something else
                        return office_entity(title, std::nullopt, original(a, parse.words[rest.front().word].start, parse.words[rest.back().word].end));
                    }
                }
                continue;
            }
            if (k + 2 < rest.size() && proper(a, rest[k]) && proper(a, rest[k + 1]) && proper(a, rest[k + 2])) {
                if (const auto* c = country_named(rest[k].text)) {
                    country = country_entity(*c);
                    ++k;
                    continue;
                }
            }
            break;
        }
        std::vector<Token> name(rest.begin() + static_cast<std::ptrdiff_t>(k), rest.end());
        if (!title.empty()) {
            // a titled person's name ends at a coordination (`... Ilham Aliyev and the Prime Minister ...`)
            for (std::size_t m = 0; m < name.size(); ++m) {
                if (name[m].lower == "and" || name[m].text == "," || name[m].lower == "or") {
                    name.resize(m);
                    break;
                }
            }
        }
        // acronym in brackets: `Collective Security Treaty Organisation (CSTO)`
        std::string acronym;
        for (std::size_t m = 1; m + 1 < name.size(); ++m) {
            if (name[m].text == "(" && all_caps(name[m + 1].text)) {
                acronym = name[m + 1].text;
                bool more = m + 3 < name.size() && name[m + 2].text == ")";
                if (more) {
                    // `the African Union (AU) Commission`: the acronym names the part before it,
                    // the whole name goes on after the brackets
                    std::string before = original(a, parse.words[name.front().word].start, parse.words[name[m - 1].word].end);
                    if (!m_acronyms.count(acronym)) m_acronyms[acronym] = before;
                    name.erase(name.begin() + static_cast<std::ptrdiff_t>(m), name.begin() + static_cast<std::ptrdiff_t>(m + 3));
                    acronym.clear();
                } else {
                    name.resize(m);
                }
                break;
            }
        }
        // trailing office words: `the Minsk Group Co-Chairs` names the group's office holders
        while (name.size() >= 3 && m_lexicon.is_title(m_lexicon.lemma(name.back().lower))) name.pop_back();
        static const std::set<std::string> k_connectors{"'s", "'", ",", "of", "and", "for", "the", "in", "-"};
        while (!name.empty() && k_connectors.count(name.back().lower)) name.pop_back();

        // an office inside the name: `Kremlin spokesman Dmitry Peskov`, `Senate Majority Leader Chuck Schumer`
        std::optional<std::size_t> office_of;
        std::optional<std::size_t> office_end;  // the office's last word: the name starts after it
        if (name.size() >= 3) {
            for (std::size_t t = name.size() - 1; t-- > 0;) {
                std::vector<std::string> lowers_in_name;
                for (const auto& token : name) lowers_in_name.push_back(token.lower);
                std::size_t length = m_lexicon.title_length(lowers_in_name, t);
                if (length == 0 || t + length >= name.size()) continue;
                bool person_after = std::all_of(name.begin() + static_cast<std::ptrdiff_t>(t + length), name.end(),
                                                [&](const Token& token) { return proper(a, token); });
                if (!person_after) break;
                // the longest office ending here (`Secretary General`, not `General`)
                while (t > 0 && m_lexicon.title_length(lowers_in_name, t - 1) == length + 1) {
                    --t;
                    ++length;
                }
                std::string office;
                for (std::size_t m = t; m < t + length; ++m) office += (office.empty() ? "" : " ") + name[m].lower;
                // The owner of the office: the longest leading part of the prefix that names a
                // country, a known entity or an organisation (an acronym or an organisation cue
                // word); words after it qualify the office (`EU Trade Commissioner`). Failing
                // those, a name right before the office (`Nordvik Chief Executive`).
                auto take_owner = [&](std::size_t end) {
                    std::string prefix = original(a, parse.words[name.front().word].start, parse.words[name[end - 1].word].end);
                    if (const auto* c = country_named(prefix)) {
                        country = country_entity(*c);
                    } else if (const auto* d = country_of_demonym(prefix)) {
                        country = country_entity(*d);
                    } else if (auto known = named(prefix)) {
                        office_of = *known;
                    } else if (auto cue = m_lexicon.cue_type(name[end - 1].lower); (cue && *cue == EntityType::org) || (end == 1 && all_caps(prefix))) {
                        office_of = name_entity(prefix, EntityType::org, false);
                    } else {
                        return false;
                    }
                    return true;
                };
                bool owned = false;
                for (std::size_t end = t; end > 0 && !owned; --end) owned = take_owner(end);
                if (!owned && t > 0 && std::all_of(name.begin(), name.begin() + static_cast<std::ptrdiff_t>(t), [&](const Token& token) { return proper(a, token); })) {
                    office_of = name_entity(original(a, parse.words[name.front().word].start, parse.words[name[t - 1].word].end), EntityType::org, false);
                }
                title = office;
                office_end = name[t + length - 1].word;
                name.erase(name.begin(), name.begin() + static_cast<std::ptrdiff_t>(t + length));
                break;
            }
        }
        // `battery maker Nordvik Energy`, `economist Dario Kovac`: a lower-case descriptor before a name
        std::optional<EntityType> descriptor_type;
        if (title.empty() && name.size() >= 2 && proper(a, name.back())) {
            static const std::set<std::string> k_joining{"'s", "'", ",", "of", "and", "or", "for", "the", "in", "to", "with", "from", "at", "on", "by", "-"};
            std::size_t first = name.size();
            while (first > 0 && proper(a, name[first - 1])) --first;
            bool descriptor = first > 0 && std::all_of(name.begin(), name.begin() + static_cast<std::ptrdiff_t>(first), [&](const Token& token) {
                return !token.text.empty() && std::islower(static_cast<unsigned char>(token.text.front())) && !k_joining.count(token.lower);
            });
            std::string run = original(a, parse.words[name[first < name.size() ? first : 0].word].start, parse.words[name.back().word].end);
            if (descriptor && !country_of_demonym(run)) {
                descriptor_type = m_lexicon.cue_type(name[first - 1].lower);  // `battery maker`: an organisation
                name.erase(name.begin(), name.begin() + static_cast<std::ptrdiff_t>(first));
            }
        }
        bool is_name = !name.empty() && std::all_of(name.begin(), name.end(), [&](const Token& t) {
            return proper(a, t) || t.lower == "of" || t.lower == "and" || t.lower == "for" || t.lower == "the" || t.lower == "in" || t.text == "-";
        }) && proper(a, name.back()) && proper(a, name.front());
        if (name.empty() && !title.empty()) {
            anaphor = false;
            return office_entity(title, country, original(a, parse.words[rest.front().word].start, parse.words[rest.back().word].end));
        }
        if (name.empty()) return std::nullopt;
        if (is_name) {
            // a first name the parse cut off (`counterpart, Ali | Asadov`): join adjacent given names
            while (name.front().word > 1 && !(office_end && name.front().word <= *office_end + 1)) {
                const auto& before = parse.words[name.front().word - 1];
                const auto& first = parse.words[name.front().word];
                bool given = before.guessed || before.null || before.subscript == "m" || before.subscript == "f" || before.subscript == "b";
                if (!given || !is_upper(before.text) || before.end + 1 != first.start || name.front().word == 1 ||
                    country_named(before.text) || country_of_demonym(before.text) ||
                    m_lexicon.is_title(util::to_lower_ascii(before.text))) {
                    break;
                }
                name.insert(name.begin(), Token{name.front().word - 1, before.text, util::to_lower_ascii(before.text)});
            }
            std::string text = tokens_text(a, name);
            if (const auto* c = country_of_demonym(text); c && name.size() == 1 && !plural_noun(name[0].lower)) {
                // a lone adjective (`Putin invites Azerbaijani, Armenian FMs`) is a misparse, not a country
                if (all.size() == 1 && !country_named(text)) return std::nullopt;
                return country_entity(*c);
            }
            if (!acronym.empty() && !m_acronyms.count(acronym)) m_acronyms[acronym] = text;
            std::optional<EntityType> type = descriptor_type ? descriptor_type : guess_type(name, parse, !title.empty());
            if (m_lexicon.country_of_capital(text) && !as_subject) type = EntityType::gpe;
            std::size_t e = name_entity(text, type, as_subject);
            if (!acronym.empty()) {
                add_alias(e, acronym);
                m_by_name[util::to_lower_ascii(acronym)] = e;
            }
            if (!title.empty() && m_entities[root(e)].type == EntityType::person) {
                Entity& person = m_entities[root(e)];
                if (person.title.empty()) person.title = title;
                if (country && !person.country) person.country = country;
                std::optional<std::size_t> of = country ? country : office_of;
                if (of) m_nominal.push_back({e, title + " of", *of, nullptr, a, phrase.start, phrase.end, 0.8});
            }
            return e;
        }
        // common-noun phrases, named with their possessor (`Thursday's talks`, `Russia's foreign ministry`),
        // without a dangling word the parse attached (`troops of` in `accuses troops of shelling`)
        static const std::set<std::string> k_dangling{"of", "for", "to", "in", "on", "at", "by", "with", "from", "and", "or", ",", "-", "'s", "'"};
        while (rest.size() > 1 && k_dangling.count(rest.back().lower)) rest.pop_back();
        // `the city of Ganja`, `the Congolese port of Matadi`: the place is the name after `of`
        if (auto cue = m_lexicon.cue_type(m_lexicon.singular(head)); cue && (*cue == EntityType::gpe || *cue == EntityType::loc)) {
            for (std::size_t m = 0; m + 2 < rest.size(); ++m) {
                if (rest[m].word != phrase.head || rest[m + 1].lower != "of") continue;
                std::vector<Token> place(rest.begin() + static_cast<std::ptrdiff_t>(m + 2), rest.end());
                while (!place.empty() && k_determiners.count(place.front().lower)) place.erase(place.begin());
                bool named_place = !place.empty() && std::all_of(place.begin(), place.end(), [&](const Token& t) {
                    return proper(a, t) || t.lower == "of" || t.text == "-";
                }) && proper(a, place.back());
                if (named_place) return name_entity(tokens_text(a, place), *cue, as_subject);
                break;
            }
        }
        std::size_t named_from = rest.front().word;
        for (std::size_t m = 0; m < all.size(); ++m) {
            if (!k_determiners.count(all[m].lower)) {
                named_from = all[m].word;
                break;
            }
        }
        std::string text = original(a, parse.words[named_from].start, parse.words[rest.back().word].end);
        if (const auto* c = country_of_demonym(head_word.text); c && plural_noun(head)) {
            Entity group;
            if (auto existing = named(text)) return *existing;
            group.name = text;
            group.type = EntityType::group;
            group.plural = true;
            group.description = true;
            std::size_t e = add_entity(group);
            return e;
        }
        if (m_lexicon.is_state_attribute(head) && country) {
            anaphor = true;
            return *country;
        }
        if (m_lexicon.is_title(head) || !title.empty()) return office_entity(title.empty() ? head : title, country, text);
        auto cue = m_lexicon.cue_type(head);
        if (definite && rest.size() == 1 && cue && *cue == EntityType::org) {
            // `the group`, `the alliance`: the most recent organisation; `the company`, `the
            // firm`: the most recent one that can be a company
            const bool business = m_lexicon.is_business_cue(head);
            for (auto m = m_mentions.rbegin(); m != m_mentions.rend(); ++m) {
                if (m_analyses[a].sentence - m_analyses[m->analysis].sentence > 4) break;
                const Entity& candidate = m_entities[root(m->entity)];
                if (candidate.type == EntityType::org && (!business || can_be_company(candidate))) {
                    anaphor = true;
                    return root(m->entity);
                }
            }
        }
        if (auto existing = named(text)) return *existing;
        Entity entity;
        entity.name = text;
        entity.description = true;
        entity.plural = plural_noun(head);
        entity.type = cue.value_or(entity.plural ? EntityType::group : EntityType::other);
        if (m_lexicon.is_time_word(head)) entity.type = EntityType::date;
        return add_entity(entity);
    }

    void find_acronyms() {
        static const std::regex k_definition(R"(((?:[A-Z][\w'-]*\s+(?:(?:of|for|and|the|in|on|de)\s+)*)+[A-Z][\w'-]*)\s*\(([A-Z][A-Za-z]{1,9})\))");
        const std::string& text = m_document.text;
        for (auto it = std::sregex_iterator(text.begin(), text.end(), k_definition); it != std::sregex_iterator(); ++it) {
            std::string long_form = (*it)[1].str();
            std::string acronym = (*it)[2].str();
            std::vector<std::string> words = util::split(long_form, ' ');
            // keep the trailing capitalised words whose initials spell the acronym
            std::string initials;
            std::size_t first = words.size();
            for (std::size_t k = words.size(); k-- > 0;) {
                if (words[k].empty()) continue;
                if (is_upper(words[k])) initials.insert(initials.begin(), words[k].front());
                first = k;
                if (initials.size() >= acronym.size()) break;
            }
            std::string upper_acronym;
            for (char c : acronym) if (std::isupper(static_cast<unsigned char>(c))) upper_acronym += c;
            if (initials != upper_acronym) continue;
            std::vector<std::string> kept(words.begin() + static_cast<std::ptrdiff_t>(first), words.end());
            m_acronyms[acronym] = util::join(kept, " ");
        }
    }

    // ---- identities from appositions and `also known as` -------------------

    void identities(std::size_t a, const Clause& clause) {
        if (!clause.subject) return;
        if (clause.nominal && clause.relation == "is" && clause.lemma == "be") {
            auto subject = entity_of(a, *clause.subject, 0, false);
            for (const Argument& argument : clause.arguments) {
                if (argument.role != Role::object) continue;
                auto other = entity_of(a, argument.phrase, 0, false);
                if (!subject || !other || root(*subject) == root(*other)) continue;
                const Entity& s = m_entities[root(*subject)];
                const Entity& o = m_entities[root(*other)];
                // `his Azeri counterpart, Ali Asadov`: a description and a name are one entity
                bool of_relation = !extract::noun_attachments(m_analyses[a].parse, m_lexicon, argument.phrase.head).empty();
                if (s.description != o.description && !of_relation && (s.type == o.type || s.type == EntityType::person || o.type == EntityType::person)) {
                    // `Kenya's foreign minister, Ann Wanjiru`: the office the description names is hers
                    const Entity& office = s.description ? s : o;
                    std::size_t person = s.description ? *other : *subject;
                    if (!office.title.empty() && office.country && m_entities[root(person)].type == EntityType::person) {
                        m_nominal.push_back({person, office.title + " of", *office.country, nullptr, a, clause.subject->start,
                                             argument.phrase.end, 0.75});
                    }
                    merge(*subject, *other);
                }
            }
        }
        if (clause.lemma == "know" || clause.lemma == "call") {
            for (const Argument& argument : clause.arguments) {
                if (argument.preposition != "as") continue;
                auto subject = entity_of(a, *clause.subject, 0, false);
                auto other = entity_of(a, argument.phrase, 0, false);
                if (subject && other && !m_entities[root(*other)].description && !m_entities[root(*subject)].description) {
                    merge(*subject, *other);
                }
            }
        }
    }

    /// An untyped name after a place preposition (`in Lagos`, `inside Tigray`) is a place.
    void type_places(std::size_t a) {
        static const std::set<std::string> k_place_prepositions{"in", "inside", "into", "near", "at", "across", "around", "from", "outside"};
        const parse::Parse& parse = m_analyses[a].parse;
        for (const auto& link : parse.links) {
            std::string link_word = util::to_lower_ascii(parse.words[link.left].text);
            if (!link.label.starts_with("J") || !k_place_prepositions.count(link_word)) continue;
            for (auto it = m_cache.lower_bound(std::make_tuple(a, std::numeric_limits<int>::min(), std::numeric_limits<int>::min()));
                 it != m_cache.end() && std::get<0>(it->first) == a; ++it) {
                const auto& [key, entity] = *it;
                if (!entity) continue;
                const parse::Word& head = parse.words[link.right];
                if (std::get<1>(key) > head.start || std::get<2>(key) < head.end) continue;
                Entity& e = m_entities[root(*entity)];
                // an untitled "person" guessed from two unknown words is a place after `in`/`inside`
                bool strictly_place = link_word != "from" && link_word != "at";
                bool retype = e.type == EntityType::other || (strictly_place && e.type == EntityType::person && e.title.empty());
                if (retype && !e.description && is_upper(head.text)) {
                    if (e.type == EntityType::person) {
                        // drop the surname alias given when it looked like a person
                        std::size_t space = e.name.rfind(' ');
                        if (space != std::string::npos) {
                            std::string last = e.name.substr(space + 1);
                            e.aliases.erase(std::remove(e.aliases.begin(), e.aliases.end(), last), e.aliases.end());
                        }
                    }
                    e.type = EntityType::gpe;
                }
            }
        }
    }

    /// `Nagorno-Karabakh, also known as Upper Karabakh,`: two names of one entity.
    void known_as(std::size_t a) {
        const auto& words = m_analyses[a].parse.words;
        for (std::size_t w = 2; w + 2 < words.size(); ++w) {
            if (util::to_lower_ascii(words[w].text) != "known" || util::to_lower_ascii(words[w + 1].text) != "as") continue;
            std::size_t left = w - 1;
            if (util::to_lower_ascii(words[left].text) == "also" && left > 1) --left;
            if (words[left].text != "," && words[left].text != "(") continue;
            --left;
            std::optional<std::size_t> first;
            std::optional<std::size_t> second;
            int first_length = 0;
            int second_length = 0;
            for (const Mention& m : m_mentions) {
                if (m.analysis != a || m.anaphor) continue;
                if (m.end == words[left].end && m.end - m.start > first_length) {
                    first = m.entity;
                    first_length = m.end - m.start;
                }
                bool right_after = m.start >= words[w + 2].start && (w + 4 >= words.size() || m.start <= words[w + 3].start);
                if (right_after && m.end - m.start > second_length) {
                    second = m.entity;
                    second_length = m.end - m.start;
                }
            }
            if (first && second && !m_entities[root(*first)].description && !m_entities[root(*second)].description) {
                merge(*first, *second);
            }
        }
    }

    // ---- claims ------------------------------------------------------------

    static std::string predicate_text(std::string text) {
        for (char& c : text) {
            if (c == '-') c = ' ';
        }
        return text;
    }

    void add_claim(std::size_t s, std::string predicate, std::size_t o, const Clause& clause, std::size_t a, double factor) {
        // a date is a time qualifier, not a participant
        if (m_entities[root(o)].type == EntityType::date || m_entities[root(s)].type == EntityType::date) return;
        int start = clause.subject ? clause.subject->start : 0;
        int end = start;
        for (const Argument& argument : clause.arguments) end = std::max(end, argument.full.end);
        end = std::max(end, m_analyses[a].parse.words[clause.verb].end);
        m_pending.push_back({s, predicate_text(std::move(predicate)), o, &clause, a, start, end, std::clamp(clause.confidence * factor, 0.05, 0.95)});
    }

    /// `support for Azerbaijan` as an object: the subject relates to Azerbaijan through the noun.
    void through_noun(std::size_t s, const std::string& verb, const Phrase& object, const Clause& clause, std::size_t a, bool nominal) {
        const parse::Parse& parse = m_analyses[a].parse;
        if (!nominal && m_lexicon.is_title(m_lexicon.lemma(parse.words[object.head].text))) return;
        for (const auto& attachment : extract::noun_attachments(parse, m_lexicon, object.head)) {
            const std::string& prep = attachment.preposition;
            // the head itself, or the first conjunct of a repaired `talks with X and Y`
            bool own = attachment.noun == object.head ||
                       std::any_of(parse.links.begin(), parse.links.end(), [&](const parse::Link& l) {
                           return l.label.starts_with("SJl") && l.left == attachment.noun && l.right == object.head;
                       });
            if (nominal ? !own || (prep != "of" && !k_relational.count(prep)) : !k_relational.count(prep)) continue;
            // `the difficulties faced by France`: the `by` phrase is the passive participle's agent
            bool participle_agent = prep == "by" && std::any_of(parse.links.begin(), parse.links.end(), [&](const parse::Link& l) {
                return l.left == attachment.noun && l.label.starts_with("Mv");
            });
            if (participle_agent) continue;
            auto t = entity_of(a, attachment.object, 0, false);
            if (!t || m_entities[root(*t)].description || m_entities[root(*t)].type == EntityType::date) continue;
            std::string noun = m_lexicon.singular(parse.words[attachment.noun].text);
            std::string predicate = verb.empty() ? noun + " " + prep : verb + " " + noun + " " + prep;
            add_claim(s, predicate, *t, clause, a, 0.85);
        }
    }

    void claims(std::size_t a, const Clause& clause) {
        if (!clause.subject) return;
        auto subject = entity_of(a, *clause.subject, 0, true);
        if (clause.nominal) {
            if (!subject) return;
            for (const Argument& argument : clause.arguments) {
                std::string prefix = argument.role == Role::prepositional ? argument.preposition + " " : "";
                if (argument.role == Role::object || argument.role == Role::prepositional) {
                    through_noun(*subject, prefix.empty() ? "" : argument.preposition, argument.phrase, clause, a, true);
                }
            }
            return;
        }
        std::string predicate = clause.lemma;
        std::vector<std::size_t> agents;
        std::vector<std::pair<std::string, const Argument*>> targets;
        for (const Argument& argument : clause.arguments) {
            if (argument.role == Role::agent) {
                if (auto e = entity_of(a, argument.phrase, 0, true)) agents.push_back(*e);
            }
        }
        bool has_target = false;
        // `held talks with X`, `has a defence pact with X`: the object noun joins the predicate
        std::string with_object = predicate;
        for (const Argument& argument : clause.arguments) {
            if (argument.role != Role::object) continue;
            auto object = entity_of(a, argument.phrase, 0, false);
            std::string noun = m_lexicon.singular(m_analyses[a].parse.words[argument.phrase.head].text);
            if (object && m_entities[root(*object)].description && !m_lexicon.is_title(noun)) with_object = predicate + " " + noun;
            break;
        }
        bool has_object = std::any_of(clause.arguments.begin(), clause.arguments.end(), [](const Argument& x) { return x.role == Role::object; });
        for (const Argument& argument : clause.arguments) {
            if (argument.role == Role::object) {
                has_target = true;
                targets.emplace_back(predicate, &argument);
            } else if (argument.role == Role::prepositional && argument.preposition != "@time" && argument.preposition != "by" &&
                       !m_lexicon.is_reporting_verb(clause.lemma) && (!has_object || k_relational.count(argument.preposition))) {
                has_target = true;
                targets.emplace_back(with_object + " " + argument.preposition, &argument);
            }
        }
        if (clause.passive) {
            if (!subject) return;
            for (std::size_t agent : agents) {
                if (root(agent) != root(*subject)) add_claim(agent, predicate, *subject, clause, a, 1.0);
            }
            return;
        }
        if (!subject) return;
        for (const auto& [p, argument] : targets) {
            auto object = entity_of(a, argument->phrase, 0, false);
            if (object && root(*object) != root(*subject)) {
                add_claim(*subject, p, *object, clause, a, 1.0);
            }
            if (!object || m_entities[root(*object)].description) through_noun(*subject, p, argument->phrase, clause, a, false);
        }
        // `the group could intervene if Armenian sovereignty were threatened`
        if (!has_target && clause.condition_subject) {
            auto object = entity_of(a, *clause.condition_subject, 0, false);
            if (object && root(*object) != root(*subject)) add_claim(*subject, predicate, *object, clause, a, 0.8);
        }
    }

    // ---- output --------------------------------------------------------------

    std::pair<std::int64_t, std::int64_t> document_span(std::size_t a, int start, int end) const {
        const SentenceAnalysis& analysis = m_analyses[a];
        auto [s, e] = analysis.normalised.original(start, end);
        std::int64_t base = m_document.sentences[analysis.sentence].start + analysis.offset;
        return {base + s, base + e};
    }

    std::string entity_name(std::size_t e) const { return m_entities[root(e)].name; }

    void write() {
        std::map<std::size_t, std::size_t> index;  // root → output index
        auto output = [&](std::size_t e) {
            e = root(e);
            auto found = index.find(e);
            if (found != index.end()) return found->second;
            const Entity& entity = m_entities[e];
            EntityRecord record;
            record.name = entity.name;
            record.type = entity.type;
            record.aliases = entity.aliases;
            if (std::find(record.aliases.begin(), record.aliases.end(), entity.name) == record.aliases.end()) {
                record.aliases.insert(record.aliases.begin(), entity.name);
            }
            m_document.entities.push_back(std::move(record));
            index[e] = m_document.entities.size() - 1;
            return m_document.entities.size() - 1;
        };
        for (const Mention& m : m_mentions) {
            MentionRecord mention;
            mention.entity = output(m.entity);
            mention.sentence = m_analyses[m.analysis].sentence;
            auto [start, end] = document_span(m.analysis, m.start, m.end);
            mention.start = start;
            mention.end = end;
            mention.text = m_document.text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start));
            m_document.mentions.push_back(std::move(mention));
        }
        std::vector<PendingClaim> all = m_nominal;
        all.insert(all.end(), m_pending.begin(), m_pending.end());
        std::set<std::tuple<std::size_t, std::string, std::size_t, bool, std::string, std::size_t>> seen;
        for (const PendingClaim& p : all) {
            std::size_t s = root(p.subject);
            std::size_t o = root(p.object);
            if (s == o) continue;
            ClaimRecord claim;
            claim.predicate = p.predicate;
            if (p.clause != nullptr) {
                const Clause& c = *p.clause;
                claim.negated = c.negated;
                claim.modality = c.modality;
                if (c.attribution) {
                    auto speaker = entity_of(p.analysis, *c.attribution, 0, true);
                    claim.attributed_to = speaker ? entity_name(*speaker) : original(p.analysis, c.attribution->start, c.attribution->end);
                }
                if (c.condition) claim.condition = original(p.analysis, c.condition->start, c.condition->end);
                claim.time = c.time;
                claim.place = c.place;
            }
            auto key = std::make_tuple(s, claim.predicate, o, claim.negated, claim.modality, m_analyses[p.analysis].sentence);
            if (!seen.insert(key).second) continue;
            claim.subject = output(s);
            claim.object = output(o);
            claim.confidence = p.confidence;
            claim.sentence = m_analyses[p.analysis].sentence;
            auto [start, end] = document_span(p.analysis, p.start, p.end);
            claim.start = start;
            claim.end = end;
            claim.source = "claimgraph-linkgrammar";
            m_document.claims.push_back(std::move(claim));
        }
    }

    DocumentRecord& m_document;
    const std::vector<SentenceAnalysis>& m_analyses;
    const Lexicon& m_lexicon;
    std::vector<Entity> m_entities;
    std::vector<std::size_t> m_parent;
    std::map<std::string, std::size_t> m_by_name;
    std::map<std::string, std::string> m_acronyms;
    std::map<std::tuple<std::size_t, int, int>, std::optional<std::size_t>> m_cache;
    std::vector<Mention> m_mentions;
    std::vector<PendingClaim> m_nominal;
    std::vector<PendingClaim> m_pending;
};

}  // namespace

void resolve(DocumentRecord& document, const std::vector<SentenceAnalysis>& analyses, const extract::Lexicon& lexicon) {
    Resolver(document, analyses, lexicon).run();
}

}  // namespace claimgraph::resolve
