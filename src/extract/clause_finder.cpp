// Propositions from link-grammar links: subjects (S), verb chains (PP, Pg, Pv,
// I, modals, N), objects (O), prepositional arguments (MV + J), passives,
// coordination (SJ, VJ), relative and reduced relative clauses (R, RS, Mv, Mg),
// appositions (MX), infinitival and reported clauses (TO, MVi, TH, Ce, CP).
#include "extract/clause.h"

#include "util/strings.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace claimgraph::extract {

namespace {

using parse::Link;
using parse::Parse;

std::string type_of(const std::string& label) {
    std::size_t n = 0;
    while (n < label.size() && (std::isupper(static_cast<unsigned char>(label[n])) || label[n] == '_')) ++n;
    return label.substr(0, n);
}

std::string subtype_of(const std::string& label) { return label.substr(type_of(label).size()); }

/// The link graph of one parse with the look-ups the rules need.
class Graph {
public:
    explicit Graph(const Parse& parse) : m_parse(parse), m_by_word(parse.words.size()) {
        for (std::size_t i = 0; i < parse.links.size(); ++i) {
            m_by_word[parse.links[i].left].push_back(i);
            m_by_word[parse.links[i].right].push_back(i);
        }
    }

    struct Neighbour {
        std::size_t word;
        std::string type;
        std::string subtype;
    };

    /// Words linked to `w` on its right (`to_right`) or left with a type in `types` (all when empty).
    std::vector<Neighbour> linked(std::size_t w, bool to_right, std::initializer_list<std::string_view> types = {}) const {
        std::vector<Neighbour> out;
        for (std::size_t index : m_by_word[w]) {
            const Link& link = m_parse.links[index];
            bool right = link.left == w;
            if (right != to_right) continue;
            std::string type = type_of(link.label);
            if (types.size() > 0 && std::find(types.begin(), types.end(), type) == types.end()) continue;
            out.push_back({right ? link.right : link.left, type, subtype_of(link.label)});
        }
        std::sort(out.begin(), out.end(), [](const Neighbour& a, const Neighbour& b) { return a.word < b.word; });
        return out;
    }

    std::optional<std::size_t> first(std::size_t w, bool to_right, std::initializer_list<std::string_view> types) const {
        auto all = linked(w, to_right, types);
        if (all.empty()) return std::nullopt;
        return all.front().word;
    }

    const parse::Word& word(std::size_t w) const { return m_parse.words[w]; }
    std::string lower(std::size_t w) const { return util::to_lower_ascii(m_parse.words[w].base); }
    std::size_t size() const { return m_parse.words.size(); }
    const Parse& parse() const { return m_parse; }

private:
    const Parse& m_parse;
    std::vector<std::vector<std::size_t>> m_by_word;
};

bool is_conjunction(const parse::Word& word) {
    // `and.v-fill` is the parser's filler reading of a verb coordination
    return (word.subscript.starts_with("j") && word.subscript != "j-r" && word.subscript != "j-c") || word.subscript == "v-fill";
}

/// Words that cannot head a subject (misparses make prepositions subjects).
bool is_function_word(const std::string& lower) {
    static const std::set<std::string> k_words{"of", "to", "in", "for", "with", "without", "at", "by", "from", "as", "on",
                                               "and", "or", "but", "if", "when", "than", "about", "into", "over"};
    return k_words.count(lower) > 0;
}

bool is_relative_pronoun(const Graph& g, std::size_t w) {
    std::string lower = g.lower(w);
    return lower == "who" || lower == "which" || lower == "whom" || (lower == "that" && g.word(w).subscript == "j-r");
}

class Finder {
public:
    Finder(const Parse& parse, const Lexicon& lexicon) : m_g(parse), m_lexicon(lexicon) {}

    std::vector<Clause> run() {
        std::vector<std::pair<std::size_t, std::size_t>> gerunds;  // (preposition, -ing verb)
        for (std::size_t i = 0; i < m_g.parse().links.size(); ++i) {
            const Link& link = m_g.parse().links[i];
            std::string type = type_of(link.label);
            if (type == "S" || type == "RS") subject_clause(link.left, link.right);
            else if (type == "SI" && m_g.word(link.left).subscript.starts_with("q")) subject_clause(link.right, link.left);
            else if (type == "M" && subtype_of(link.label).starts_with("gp")) {
                gerunds.emplace_back(link.left, link.right);
            } else if (type == "M" && (subtype_of(link.label).starts_with("v") || subtype_of(link.label).starts_with("g"))) {
                reduced_relative(link.left, link.right, subtype_of(link.label).starts_with("v"));
            } else if (type == "MX" && !is_relative_pronoun(m_g, link.right) && link.left > 0) {
                apposition(link.left, link.right);
            }
        }
        for (auto [preposition, verb] : gerunds) prepositional_gerund(preposition, verb);
        attach_conditions_late();
        attribute_reports();
        return std::move(m_clauses);
    }

private:
    // ---- phrases ---------------------------------------------------------

    void collect(std::size_t w, bool full, std::set<std::size_t>& seen) const {
        if (w == 0 || w + 1 >= m_g.size() || !seen.insert(w).second) return;
        bool conjunction = is_conjunction(m_g.word(w));
        for (const auto& n : m_g.linked(w, false)) {
            static const std::set<std::string> k_left{"D", "DD", "DG", "A", "AN", "G", "GN", "YS", "YP", "NN", "ND", "_IBA", "EA", "H", "L", "PH", "NJ"};
            // a conjunction inside a name chain (`Anne Martin and.j-g German ... Karl Weber`) ends the phrase
            if (!conjunction && is_conjunction(m_g.word(n.word))) continue;
            // `Stanislav COa Zas`: an unknown capitalised word read as an opener is a first name
            bool name_opener = n.type == "CO" && n.word + 1 == w && m_g.word(n.word).guessed && m_g.word(w).guessed;
            if (k_left.count(n.type) || name_opener || n.type.starts_with("_") || (conjunction && n.type == "SJ")) collect(n.word, full, seen);
        }
        for (const auto& n : m_g.linked(w, true)) {
            if (n.type == "J" || n.type == "IN" || n.type == "ON" || n.type == "TM" || n.type == "NM" || n.type == "OF" || n.type == "TI" ||
                (conjunction && n.type == "SJ")) {
                collect(n.word, full, seen);
            } else if (n.type == "M" && (n.subtype.starts_with("p") || n.subtype.starts_with("f"))) {
                // `of` with a noun object joins the phrase; `of` with a gerund (`the gang of robbing`) does not
                bool of = m_g.lower(n.word) == "of" && m_g.linked(n.word, true, {"M"}).empty();
                bool verb_attached = !m_g.linked(n.word, false, {"MV"}).empty();
                if (of || (full && !verb_attached)) collect(n.word, full, seen);
            } else if (full && n.type == "M" && (n.subtype.starts_with("g") || n.subtype.starts_with("v"))) {
                collect_clause(n.word, seen);
            } else if (n.type == "MJ" && full) {
                collect(n.word, full, seen);
            }
        }
    }

    void collect_clause(std::size_t w, std::set<std::size_t>& seen) const {
        if (w == 0 || w + 1 >= m_g.size() || !seen.insert(w).second) return;
        for (const auto& n : m_g.linked(w, true)) {
            if (n.type == "X" || n.type == "RW" || n.type == "W" || n.type == "CP" || n.type == "Xp") continue;
            if (n.type == "O" || n.type == "J" || n.type == "SJ" || n.type == "C" || n.type == "S" || n.type == "Pp" ||
                n.type == "P" || n.type == "I" || n.type == "TO" || n.type == "MV" || n.type == "IN" || n.type == "ON" ||
                n.type == "K" || n.type == "PP" || n.type == "VJ" || n.type == "CV" || n.type == "TH" || n.type == "Mf" ||
                n.type == "MJ" || n.type == "E" || n.type == "N") {
                collect_clause(n.word, seen);
            } else {
                collect(n.word, true, seen);
            }
        }
        for (const auto& n : m_g.linked(w, false)) {
            if (n.type == "D" || n.type == "A" || n.type == "AN" || n.type == "G" || n.type == "YS" || n.type == "DD" ||
                n.type == "S" || n.type == "E" || n.type == "SJ" || n.type == "GN" || n.type == "NN") {
                collect_clause(n.word, seen);
            }
        }
    }

    Phrase phrase(std::size_t head, bool full) const {
        std::set<std::size_t> seen;
        collect(head, full, seen);
        return span_of(head, seen);
    }

    Phrase clause_phrase(std::size_t head) const {
        std::set<std::size_t> seen;
        collect_clause(head, seen);
        return span_of(head, seen);
    }

    Phrase span_of(std::size_t head, const std::set<std::size_t>& words) const {
        Phrase p{head, m_g.word(head).start, m_g.word(head).end};
        for (std::size_t w : words) {
            const auto& word = m_g.word(w);
            if (word.end <= word.start) continue;
            p.start = std::min(p.start, word.start);
            p.end = std::max(p.end, word.end);
        }
        return p;
    }

    std::vector<std::size_t> conjuncts(std::size_t w, std::string_view type) const {
        std::vector<std::size_t> out;
        expand(w, type, out, 0);
        if (type == "SJ" && out.size() > 1 && of_name_coordination(out)) return {w};
        if (type == "SJ" && out.size() == 1) list_continuation(out);
        return out;
    }

    /// `by France, Russia and the US` read as `by France` plus an apposition `Russia and the
    /// US` hanging off an earlier noun: the list continues after the comma.
    void list_continuation(std::vector<std::size_t>& out) const {
        std::size_t w = out.front();
        if (w + 2 >= m_g.size() || m_g.word(w + 1).text != "," || !capitalised(w)) return;
        std::size_t next = w + 2;
        if (m_g.lower(next) == "the" && next + 1 < m_g.size()) next += 1;
        for (const auto& n : m_g.linked(next, true, {"SJ"})) {
            if (!n.subtype.starts_with("l") || m_g.linked(n.word, false, {"MX"}).empty()) continue;
            expand(n.word, "SJ", out, 0);
            return;
        }
    }

    bool capitalised(std::size_t w) const {
        const std::string& text = m_g.word(w).text;
        return util::starts_upper(text);
    }

    /// `the ministers of Azerbaijan and Armenia` misread as `(the ministers of Azerbaijan) and
    /// Armenia` (also `talks with X and Y`).
    bool of_name_coordination(const std::vector<std::size_t>& parts) const {
        std::size_t first = parts.front();
        if (capitalised(first)) return false;
        bool of_name = false;
        for (const auto& n : m_g.linked(first, true, {"M"})) {
            if (!n.subtype.starts_with("p") && !n.subtype.starts_with("f")) continue;
            for (const auto& j : m_g.linked(n.word, true, {"J"})) of_name = of_name || capitalised(j.word);
        }
        if (!of_name) return false;
        for (std::size_t k = 1; k < parts.size(); ++k) {
            if (!capitalised(parts[k]) || !m_g.linked(parts[k], false, {"D"}).empty()) return false;
        }
        return true;
    }

    void expand(std::size_t w, std::string_view type, std::vector<std::size_t>& out, int depth) const {
        if (depth < 8 && is_conjunction(m_g.word(w))) {
            std::vector<std::size_t> parts;
            for (const auto& n : m_g.linked(w, false)) {
                if (n.type == type && n.subtype.starts_with("l")) parts.push_back(n.word);
            }
            for (const auto& n : m_g.linked(w, true)) {
                if (n.type == type && n.subtype.starts_with("r")) parts.push_back(n.word);
            }
            if (!parts.empty()) {
                for (std::size_t part : parts) expand(part, type, out, depth + 1);
                return;
            }
        }
        out.push_back(w);
    }

    std::string text(int start, int end) const { return span_text(m_g.parse(), start, end); }

    // ---- verb chains -----------------------------------------------------

    struct Chain {
        std::vector<std::size_t> words;
        std::size_t last = 0;
        bool negated = false;
        bool passive = false;
        std::string modality;
        std::optional<std::size_t> conjunction;  ///< `has VJ and.j-v`: the chain continues in each conjunct
    };

    Chain follow(std::size_t verb) const {
        Chain chain;
        std::size_t current = verb;
        // `warned X not to provoke`, `urged them never to return`: a negated infinitive
        for (const auto& to : m_g.linked(verb, false, {"I"})) {
            const std::string before = to.word > 1 ? m_g.lower(to.word - 1) : "";
            if (m_g.lower(to.word) == "to" && (before == "not" || before == "never")) chain.negated = true;
        }
        for (int guard = 0; guard < 12; ++guard) {
            chain.words.push_back(current);
            std::string lower = m_g.lower(current);
            std::string bare = lower.ends_with("n't") ? lower.substr(0, lower.size() - 3) : lower;
            if (bare == "ca") bare = "can";
            if (bare == "wo") bare = "will";
            if (lower.ends_with("n't")) chain.negated = true;
            if (auto modality = m_lexicon.modality(bare)) chain.modality = *modality;
            for (const auto& n : m_g.linked(current, true, {"N"})) {
                chain.negated = true;
                chain.words.push_back(n.word);
            }
            // `has never criticised`: a negative adverb before the verb
            for (const auto& n : m_g.linked(current, false, {"E"})) {
                if (m_g.lower(n.word) != "never") continue;
                chain.negated = true;
                chain.words.push_back(n.word);
            }
            std::optional<std::size_t> next;
            for (const auto& n : m_g.linked(current, true)) {
                if (n.type == "PP" || n.type == "I" || (n.type == "P" && n.subtype.starts_with("g"))) {
                    next = n.word;
                } else if (n.type == "P" && n.subtype.starts_with("v")) {
                    next = n.word;
                    chain.passive = true;
                } else if (n.type == "P" && n.subtype.starts_with("a") && m_g.word(n.word).subscript.starts_with("v")) {
                    next = n.word;
                    chain.passive = true;
                }
                if (next) break;
            }
            if (!next) {
                // `is expected to hold`, `was due to attend`: follow on through `to`.
                std::size_t host = current;
                if (auto adjective = m_g.first(current, true, {"P"}); adjective && m_g.word(*adjective).subscript.starts_with("a") &&
                                                                      m_lexicon.catenative(m_g.lower(*adjective))) {
                    host = *adjective;
                }
                auto modality = m_lexicon.catenative(m_lexicon.lemma(m_g.lower(host)));
                if (modality) {
                    std::optional<std::size_t> to = m_g.first(host, true, {"TO"});
                    for (const auto& mv : m_g.linked(host, true, {"MV"})) {
                        if (!to && mv.subtype.starts_with("i")) to = mv.word;
                    }
                    if (to) {
                        if (auto infinitive = m_g.first(*to, true, {"I"})) {
                            if (host != current) chain.words.push_back(host);
                            chain.words.push_back(*to);
                            if (*modality == "not") chain.negated = true;  // `refused to recognise`
                            else if (chain.modality.empty() && !modality->empty()) chain.modality = *modality;
                            chain.passive = false;
                            next = infinitive;
                        }
                    }
                }
            }
            if (!next) break;
            if (is_conjunction(m_g.word(*next))) {
                chain.conjunction = next;
                break;
            }
            current = *next;
        }
        chain.last = current;
        return chain;
    }

    bool is_time_phrase(const Phrase& p) const {
        const auto& head = m_g.word(p.head);
        std::string lower = util::to_lower_ascii(head.base);
        if (lower.ends_with("'s")) lower = lower.substr(0, lower.size() - 2);
        if (m_lexicon.is_time_word(lower) || head.subscript == "i" || head.subscript == "ti") return true;
        if (!head.text.empty() && std::all_of(head.text.begin(), head.text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '-'; })) {
            return true;
        }
        for (const auto& n : m_g.linked(p.head, false, {"D", "A", "AN", "ND", "NN"})) {
            if (m_lexicon.is_time_word(m_g.lower(n.word))) return true;
        }
        return false;
    }

    // ---- clauses ---------------------------------------------------------

    /// `Neighbouring Kenya has closed ...`, `Visiting Prime Minister Li Wei met ...`: the
    /// parse reads the -ing word as a gerund whose object is the name. When the word
    /// describes the name that follows it (lexicon) and that object is capitalised, the
    /// name is the subject.
    std::size_t described_name(std::size_t w) const {
        if (m_g.word(w).subscript != "g" || !m_lexicon.is_attributive_participle(m_g.lower(w))) return w;
        auto object = m_g.first(w, true, {"O"});
        if (!object || !util::starts_upper(m_g.word(*object).text)) return w;
        return *object;
    }

    /// The antecedent of a relative pronoun (`who`, `which`), or the word itself.
    std::size_t antecedent(std::size_t w) const {
        if (!is_relative_pronoun(m_g, w)) return w;
        for (const auto& n : m_g.linked(w, false, {"R", "MX", "B"})) {
            // `Turkey, ..., and Russia, which ...`: the nearest conjunct
            std::vector<std::size_t> parts = conjuncts(n.word, "SJ");
            return parts.back();
        }
        // `..., who accused him` read as a new clause: the noun just before the comma
        if (w >= 2 && m_g.word(w - 1).text == ",") {
            for (std::size_t k = w - 2; k > 0 && k + 8 > w; --k) {
                const auto& word = m_g.word(k);
                bool noun = word.subscript.starts_with("n") || word.subscript == "p" || word.subscript == "s" ||
                            word.subscript == "l" || word.subscript == "m" || word.subscript == "f" || word.subscript == "b" ||
                            (word.guessed && util::starts_upper(word.text));
                if (noun) return k;
            }
        }
        return w;
    }

    /// The verb chains starting at `verb`: one per conjunct when coordination splits the chain.
    std::vector<std::pair<Chain, std::size_t>> chains(std::size_t verb) const {
        std::vector<std::pair<Chain, std::size_t>> out;
        for (std::size_t v : conjuncts(verb, "VJ")) {
            Chain chain = follow(v);
            if (chain.conjunction) {
                for (std::size_t v2 : conjuncts(*chain.conjunction, "VJ")) {
                    Chain tail = follow(v2);
                    Chain merged = chain;
                    merged.words.insert(merged.words.end(), tail.words.begin(), tail.words.end());
                    merged.last = tail.last;
                    merged.negated = merged.negated || tail.negated;
                    bool be = std::any_of(chain.words.begin(), chain.words.end(), [&](std::size_t w) { return m_lexicon.lemma(m_g.word(w).base) == "be"; });
                    bool participle = tail.words.size() == 1 && (m_g.word(tail.last).subscript == "v-d" || m_g.word(tail.last).subscript == "w-d");
                    merged.passive = tail.passive || ((chain.passive || be) && participle);
                    if (!tail.modality.empty()) merged.modality = tail.modality;
                    merged.conjunction.reset();
                    out.emplace_back(merged, *chain.conjunction);
                }
            } else {
                out.emplace_back(chain, verb);
            }
        }
        return out;
    }

    void subject_clause(std::size_t subject_word, std::size_t verb_word) {
        if (subject_word == 0 || (!is_conjunction(m_g.word(subject_word)) && is_function_word(m_g.lower(subject_word)))) return;
        std::vector<std::size_t> subjects = conjuncts(subject_word, "SJ");
        auto verb_chains = chains(verb_word);
        bool relative = is_relative_pronoun(m_g, subject_word);
        for (std::size_t n = 0; n < subjects.size(); ++n) {
            std::size_t head = described_name(antecedent(subjects[n]));
            Phrase subject = phrase(head, false);
            Phrase subject_full = phrase(head, true);
            std::vector<Clause> group;
            for (const auto& [chain, shared] : verb_chains) {
                Clause clause = build(subject, chain, shared);
                clause.subject_full = subject_full;
                openers(clause, subject_word);
                reciprocal(clause, subjects, n);
                // a chain that stopped at an auxiliary (`did not`, `'ve`) with nothing after it
                static const std::set<std::string> k_auxiliaries{"do", "have", "will", "would", "can", "could", "may", "might", "must", "shall", "should"};
                if (clause.arguments.empty() && k_auxiliaries.count(clause.lemma)) continue;
                clause.confidence -= subjects.size() > 1 ? 0.05 : 0.0;
                clause.confidence -= verb_chains.size() > 1 ? 0.05 : 0.0;
                clause.confidence -= relative ? 0.05 : 0.0;
                group.push_back(std::move(clause));
            }
            share_agents(group);
            for (Clause& clause : group) add(std::move(clause));
        }
    }

    /// `Azerbaijan and Armenia fought`, with no object: each subject acted with the
    /// ones after it (`Azerbaijan fought with Armenia`; each pair once).
    void reciprocal(Clause& clause, const std::vector<std::size_t>& subjects, std::size_t n) const {
        if (subjects.size() < 2 || subjects.size() > 4 || clause.passive || !m_lexicon.is_reciprocal_verb(clause.lemma)) return;
        // `A and B fought C`, `... fought with C`: C is the other side; `with artillery` is not
        bool other_side = std::any_of(clause.arguments.begin(), clause.arguments.end(), [&](const Argument& a) {
            return a.role == Role::object || (a.preposition == "with" && util::starts_upper(m_g.word(a.phrase.head).text));
        });
        if (other_side) return;
        for (std::size_t k = n + 1; k < subjects.size(); ++k) {
            Argument other;
            other.role = Role::prepositional;
            other.preposition = "with";
            other.phrase = phrase(antecedent(subjects[k]), false);
            other.full = other.phrase;
            clause.arguments.push_back(other);
        }
    }

    /// `is populated and governed by X`: coordinated passives share the agent.
    static void share_agents(std::vector<Clause>& group) {
        std::vector<Argument> agents;
        for (const Clause& clause : group) {
            for (const Argument& a : clause.arguments) {
                if (clause.passive && a.role == Role::agent) agents.push_back(a);
            }
        }
        if (agents.empty()) return;
        for (Clause& clause : group) {
            bool has_agent = std::any_of(clause.arguments.begin(), clause.arguments.end(), [](const Argument& a) { return a.role == Role::agent; });
            if (!clause.passive || has_agent) continue;
            clause.arguments.insert(clause.arguments.end(), agents.begin(), agents.end());
            clause.confidence -= 0.05;
        }
    }

    /// Fronted prepositional phrases (`In 2019, the firm ...`): CO links to the subject.
    void openers(Clause& clause, std::size_t subject_word) {
        for (const auto& n : m_g.linked(subject_word, false, {"CO"})) {
            auto objects = m_g.linked(n.word, true, {"J", "IN", "ON"});
            if (objects.empty()) continue;
            // `According to the police, ...`: a source, not an argument
            if (m_g.lower(n.word) == "to" && n.word > 1 && m_g.lower(n.word - 1) == "according") {
                clause.attribution = phrase(objects.front().word, false);
                continue;
            }
            qualifier_or_argument(clause, n.word);
        }
    }

    void reduced_relative(std::size_t noun, std::size_t verb, bool passive) {
        if (!m_g.word(verb).subscript.starts_with("v")) return;
        Phrase subject = phrase(noun, false);
        Clause clause = build(subject, follow(verb), verb);
        clause.subject_full = subject;
        bool agent = std::any_of(clause.arguments.begin(), clause.arguments.end(), [](const Argument& a) { return a.preposition == "by"; });
        if (passive && !agent) {
            // `the difficulties faced by France`: the parse may hang the `by` phrase on the noun
            for (const auto& by : m_g.linked(noun, true, {"M"})) {
                if (by.word <= verb || m_g.lower(by.word) != "by") continue;
                for (const auto& j : m_g.linked(by.word, true, {"J"})) {
                    for (std::size_t o : conjuncts(j.word, "SJ")) clause.arguments.push_back(prepositional(by.word, o, Role::agent));
                    agent = true;
                }
            }
        }
        bool object = std::any_of(clause.arguments.begin(), clause.arguments.end(), [](const Argument& a) { return a.role == Role::object; });
        if (passive && (agent || !object)) {
            clause.passive = true;
            for (Argument& a : clause.arguments) {
                if (a.preposition == "by") a.role = Role::agent;
            }
        }
        clause.confidence -= 0.1;
        add(std::move(clause));
    }

    /// `X responded by shelling Y`, `X fired Z without giving a reason`: a gerund after a
    /// preposition on an active verb shares that verb's subject; `without` negates it.
    /// A preposition on a noun or a passive verb (`aimed at fostering`) gives no clause.
    void prepositional_gerund(std::size_t preposition, std::size_t verb) {
        // prepositions of means, manner and time, whose gerund is the subject's doing
        // (`aimed at fostering`, `interest in buying` are not)
        static const std::set<std::string> k_controlled{"by", "without", "after", "before", "while", "upon", "despite"};
        if (m_g.lower(preposition) == "of") {
            accused_of(preposition, verb);
            return;
        }
        if (!k_controlled.count(m_g.lower(preposition))) return;
        auto host = m_g.first(preposition, false, {"MV"});
        if (!host) return;
        const Clause* outer = nullptr;
        for (const Clause& c : m_clauses) {
            if (c.verb == *host && c.subject && !c.passive && !c.nominal && !c.negated) outer = &c;
        }
        if (outer == nullptr) return;
        std::optional<Phrase> subject = outer->subject;
        std::optional<Phrase> subject_full = outer->subject_full;
        bool negated = m_g.lower(preposition) == "without";
        for (const auto& [chain, shared] : chains(verb)) {
            Clause clause = build(subject, chain, shared);
            clause.subject_full = subject_full;
            clause.negated = clause.negated || negated;
            clause.confidence -= 0.1;
            add(std::move(clause));
        }
    }

    /// `Zambia accused Congolese troops of shelling the town`: the accused did it, by the
    /// accuser's account (the claim is attributed to the accuser).
    void accused_of(std::size_t preposition, std::size_t verb) {
        static const std::set<std::string> k_accusing{"accuse", "suspect", "convict"};
        auto noun = m_g.first(preposition, false, {"M"});
        if (!noun) return;
        const Clause* outer = nullptr;
        for (const Clause& c : m_clauses) {
            if (!c.subject || c.negated || c.passive || !k_accusing.count(c.lemma)) continue;
            for (const Argument& a : c.arguments) {
                if (a.role == Role::object && a.phrase.head == *noun) outer = &c;
            }
        }
        if (outer == nullptr) return;
        std::optional<Phrase> accuser = outer->subject;
        Phrase accused = phrase(*noun, false);
        for (const auto& [chain, shared] : chains(verb)) {
            Clause clause = build(accused, chain, shared);
            clause.subject_full = accused;
            clause.attribution = accuser;
            clause.confidence -= 0.15;
            add(std::move(clause));
        }
    }

    void apposition(std::size_t noun, std::size_t other) {
        const auto& word = m_g.word(other);
        // `seized the town, forcing thousands to flee`: a participle clause, not a description
        if (word.subscript.starts_with("v") || word.subscript == "g" || word.text.empty()) return;
        // `Washington, Paris and Moscow` is a list, not an apposition: the appositive needs a
        // determiner or a common-noun head, and is not itself a coordination
        bool determiner = !m_g.linked(other, false, {"D", "DD", "YS", "YP"}).empty();
        bool common = !word.text.empty() && !util::starts_upper(word.text);
        // `Kenya's foreign minister, Ann Wanjiru,`: a described noun followed by a name
        const auto& described = m_g.word(noun);
        bool name_after_description = !described.text.empty() && !util::starts_upper(described.text) &&
                                      !m_g.linked(noun, false, {"D", "DD", "YS", "YP"}).empty();
        if ((!determiner && !common && !name_after_description) || conjuncts(other, "SJ").size() > 1 || is_conjunction(word)) return;
        for (std::size_t x : conjuncts(noun, "SJ")) {
            Clause clause;
            clause.subject = phrase(x, false);
            clause.subject_full = clause.subject;
            clause.verb = other;
            clause.lemma = "be";
            clause.relation = "is";
            clause.nominal = true;
            for (std::size_t y : conjuncts(other, "SJ")) {
                Argument argument;
                argument.phrase = phrase(y, false);
                argument.full = phrase(y, true);
                clause.arguments.push_back(argument);
            }
            clause.confidence = 0.55;
            add(std::move(clause));
        }
    }

    Argument prepositional(std::size_t prep, std::size_t object, Role role) const {
        Argument argument;
        argument.role = role;
        argument.preposition = m_g.lower(prep);
        argument.phrase = phrase(object, false);
        Phrase outer = phrase(object, true);
        argument.full = {object, std::min(m_g.word(prep).start, outer.start), outer.end};
        return argument;
    }

    Clause build(std::optional<Phrase> subject, const Chain& chain, std::size_t shared) {
        std::size_t last = chain.last;
        Clause clause;
        clause.subject = subject;
        clause.verb = last;
        clause.negated = chain.negated;
        clause.passive = chain.passive;
        clause.modality = chain.modality;
        std::string lemma = m_lexicon.lemma(m_g.word(last).base);
        std::vector<std::size_t> relation_words = chain.words;
        // idioms the dictionary links with `_` types (`take _IVQ part`)
        for (const auto& n : m_g.linked(last, false)) {
            if (n.type.starts_with("_") && std::find(relation_words.begin(), relation_words.end(), n.word) == relation_words.end()) {
                relation_words.push_back(n.word);
                lemma = m_g.lower(n.word) + " " + lemma;
            }
        }

        std::vector<Graph::Neighbour> links = m_g.linked(last, true);
        if (shared != last && is_conjunction(m_g.word(shared))) {
            bool own_object = std::any_of(links.begin(), links.end(), [](const Graph::Neighbour& n) { return n.type == "O"; });
            for (const auto& n : m_g.linked(shared, true)) {
                if (n.type == "VJ" || (own_object && n.type == "O")) continue;
                links.push_back(n);
            }
        }
        bool copula = lemma == "be";
        for (const auto& n : links) {
            // O: the object; OD: a measure (`fell 5 percent`, `rose 3%`)
            if (n.type == "O" || n.type == "OD") {
                for (std::size_t o : conjuncts(n.word, "SJ")) {
                    Argument argument;
                    argument.phrase = phrase(o, false);
                    argument.full = phrase(o, true);
                    clause.arguments.push_back(argument);
                }
                if (copula) clause.nominal = true;
            } else if (n.type == "K") {
                relation_words.push_back(n.word);
                lemma += " " + m_g.lower(n.word);
            } else if (n.type == "P" && (n.subtype.starts_with("a") || n.subtype.starts_with("p"))) {
                if (n.subtype.starts_with("a")) {
                    Argument argument;
                    argument.phrase = phrase(n.word, false);
                    argument.full = clause_phrase(n.word);
                    clause.arguments.push_back(argument);
                } else {
                    for (const auto& j : m_g.linked(n.word, true, {"J"})) {
                        for (std::size_t o : conjuncts(j.word, "SJ")) clause.arguments.push_back(prepositional(n.word, o, Role::prepositional));
                    }
                }
                clause.nominal = true;
            } else if (n.type == "MV" && n.subtype.starts_with("pn")) {
                Phrase when = phrase(n.word, true);
                if (clause.time.empty()) clause.time = text(when.start, when.end);
            } else if (n.type == "MV" && (n.subtype.starts_with("p") || n.subtype.starts_with("x") || n.subtype.starts_with("l") ||
                                          n.subtype.starts_with("t"))) {
                qualifier_or_argument(clause, n.word);
            } else if (n.type == "MV" && n.subtype.starts_with("s")) {
                std::string conjunction = m_g.lower(n.word);
                if (conjunction == "if" || conjunction == "unless") {
                    clause.condition = clause_phrase(n.word);
                    if (auto cs = m_g.first(n.word, true, {"C"})) clause.condition_subject = phrase(*cs, false);
                }
            } else if (n.type == "MV" && n.subtype.starts_with("g") && subject) {
                // `was elected in October, defeating X`: the -ing clause shares the subject
                m_pending.push_back({subject, n.word});
            } else if ((n.type == "MV" && n.subtype.starts_with("i")) || n.type == "TO") {
                if (auto infinitive = m_g.first(n.word, true, {"I"})) {
                    Argument argument;
                    argument.role = Role::complement;
                    argument.preposition = "to";
                    argument.phrase = clause_phrase(*infinitive);
                    argument.full = clause_phrase(n.word);
                    clause.arguments.push_back(argument);
                    m_pending.push_back({infinitive_controller(chain, subject, lemma, n.subtype), *infinitive});
                }
            } else if (n.type == "TH" || (n.type == "C" && n.subtype.starts_with("e"))) {
                Argument argument;
                argument.role = Role::complement;
                argument.preposition = "that";
                argument.phrase = clause_phrase(n.word);
                argument.full = argument.phrase;
                clause.arguments.push_back(argument);
            }
        }
        // relation: the chain words in text order (plus particles)
        std::sort(relation_words.begin(), relation_words.end());
        std::string relation;
        for (std::size_t w : relation_words) {
            if (!relation.empty()) relation += ' ';
            relation += m_g.word(w).text;
            clause.relation_spans.emplace_back(m_g.word(w).start, m_g.word(w).end);
        }
        clause.relation = relation;
        clause.lemma = lemma;
        // `it is populated and governed by X`: a bare participle with a `by` agent is passive
        if (!clause.passive && chain.words.size() == 1 && m_g.word(last).subscript == "v-d" && clause.subject) {
            bool by = false;
            bool object = false;
            for (const Argument& a : clause.arguments) {
                by = by || a.preposition == "by";
                object = object || a.role == Role::object;
            }
            if (by && !object && !m_g.linked(last, false, {"S"}).size()) clause.passive = true;
        }
        if (clause.passive) {
            for (Argument& a : clause.arguments) {
                if (a.preposition == "by") a.role = Role::agent;
            }
        }
        // confidence: how sure the rule and the parse are
        double confidence = 0.7;
        confidence -= 0.07 * m_g.parse().null_count;
        if (m_g.parse().panic) confidence -= 0.15;
        if (!clause.subject) confidence -= 0.2;
        if (clause.arguments.empty()) confidence -= 0.1;
        if (clause.nominal) confidence -= 0.05;
        if (m_g.size() > 40) confidence -= 0.05;
        if (m_g.size() > 60) confidence -= 0.05;
        clause.confidence = confidence;
        return clause;
    }

    /// Who does what the verb's `to` + infinitive says: the subject (`decided to close`),
    /// the object after a verb like `warn` or `urge` (`warned the Philippines not to
    /// provoke`), the owner of an intention the parse hung the infinitive on the verb
    /// for (`approved Sweden's bid to join`: Sweden; `approved the plan to ...`: unknown).
    std::optional<Phrase> infinitive_controller(const Chain& chain, const std::optional<Phrase>& subject, const std::string& lemma,
                                                const std::string& subtype) const {
        const bool object_controls = subtype.starts_with("o") || m_lexicon.is_object_control_verb(lemma);
        auto object = m_g.first(chain.last, true, {"O"});
        // `the rebels were urged to disarm`: the passive's subject is the one urged
        if (!object) return chain.passive && !object_controls ? std::nullopt : subject;
        if (object_controls) return phrase(*object, false);
        if (m_lexicon.is_intention_noun(m_lexicon.singular(m_g.lower(*object)))) {
            static const std::set<std::string> k_possessive{"its", "his", "her", "their", "our", "my", "your"};
            for (const auto& determiner : m_g.linked(*object, false, {"D"})) {
                if (auto owner = m_g.first(determiner.word, false, {"YS", "YP"})) return phrase(*owner, false);
                if (k_possessive.count(m_g.lower(determiner.word))) return phrase(determiner.word, false);
            }
            return std::nullopt;
        }
        return chain.passive ? std::nullopt : subject;
    }

    void qualifier_or_argument(Clause& clause, std::size_t prep) {
        std::string p = m_g.lower(prep);
        // `..., according to police`: who states the claim, not an argument of it
        if (p == "according") {
            if (prep + 1 < m_g.size() && m_g.lower(prep + 1) == "to") prep = prep + 1;
            p = m_g.lower(prep);
        }
        if (p == "to" && prep > 1 && m_g.lower(prep - 1) == "according") {
            if (auto source = m_g.first(prep, true, {"J"}); source && !clause.attribution) clause.attribution = phrase(*source, false);
            return;
        }
        auto objects = m_g.linked(prep, true, {"J", "IN", "ON", "TM", "JT", "TI"});
        if (objects.empty() && m_g.lower(prep) == "than") objects = m_g.linked(prep, true, {"O"});
        if (objects.empty()) return;
        for (const auto& object : objects) {
            Phrase whole = phrase(object.word, true);
            for (std::size_t o : conjuncts(object.word, "SJ")) {
                Argument argument = prepositional(prep, o, clause.passive && p == "by" ? Role::agent : Role::prepositional);
                argument.full.start = std::min(argument.full.start, whole.start);
                argument.full.end = std::max(argument.full.end, whole.end);
                std::string full = text(argument.full.start, argument.full.end);
                if ((object.type != "J" && object.type != "TI" && object.type != "O") || is_time_phrase(argument.phrase) || p == "since" || p == "until" || p == "during") {
                    if (clause.time.empty()) clause.time = full;
                    argument.role = Role::prepositional;
                    argument.preposition = "@time";
                } else if ((p == "in" || p == "at" || p == "inside") && !m_g.word(o).text.empty() &&
                           util::starts_upper(m_g.word(o).text) && clause.place.empty()) {
                    clause.place = full;
                }
                clause.arguments.push_back(argument);
            }
        }
    }

    void add(Clause clause) {
        // a conjunction or preposition read as the verb (`three and a narrow majority`) is no relation
        if (!clause.nominal && (is_conjunction(m_g.word(clause.verb)) || is_function_word(clause.lemma))) return;
        m_clauses.push_back(std::move(clause));
        while (!m_pending.empty()) {
            auto [controller, verb] = m_pending.back();
            m_pending.pop_back();
            for (const auto& [chain, shared] : chains(verb)) {
                std::size_t last = chain.last;
                if (std::any_of(m_clauses.begin(), m_clauses.end(), [&](const Clause& c) {
                        return c.verb == last && c.subject.has_value() == controller.has_value() && (!controller || c.subject->head == controller->head);
                    })) {
                    continue;
                }
                Clause inner = build(controller, chain, shared);
                inner.subject_full = controller;
                inner.confidence -= 0.1;
                m_clauses.push_back(std::move(inner));
            }
        }
    }

public:
    std::vector<NounPhrase> noun_phrases() const {
        std::vector<std::pair<int, int>> relatives;
        for (const Link& link : m_g.parse().links) {
            std::string type = type_of(link.label);
            if (type == "B") {
                Phrase clause = clause_phrase(link.right);
                int start = m_g.word(link.right).start;
                for (const auto& r : m_g.linked(link.left, true, {"R"})) start = std::min(start, m_g.word(r.word).start);
                relatives.emplace_back(start, clause.end);
            } else if (type == "MX" && is_relative_pronoun(m_g, link.right)) {
                for (const auto& verb : m_g.linked(link.right, true, {"S", "RS"})) {
                    relatives.emplace_back(m_g.word(link.right).start, clause_phrase(verb.word).end);
                }
            }
        }
        std::set<std::size_t> heads;
        for (const Link& link : m_g.parse().links) {
            std::string type = type_of(link.label);
            if (type == "J" || type == "O" || type == "MX" || type == "IN" || type == "ON") {
                for (std::size_t w : conjuncts(link.right, "SJ")) heads.insert(w);
            } else if (type == "S" || type == "Wd" || (type == "W" && subtype_of(link.label).starts_with("d"))) {
                std::size_t w = type == "S" ? link.left : link.right;
                if (!is_relative_pronoun(m_g, w)) {
                    for (std::size_t c : conjuncts(w, "SJ")) heads.insert(described_name(c));
                }
            } else if (type == "YS" || type == "YP" || type == "C") {
                std::size_t w = type == "C" ? link.right : link.left;
                for (std::size_t c : conjuncts(w, "SJ")) heads.insert(c);
            }
        }
        std::vector<NounPhrase> out;
        for (std::size_t head : heads) {
            if (head == 0 || head + 1 >= m_g.size() || m_g.word(head).text.empty()) continue;
            if (m_g.word(head).subscript.starts_with("v") || is_relative_pronoun(m_g, head) || is_function_word(m_g.lower(head))) continue;
            NounPhrase np{phrase(head, false), 0};
            for (auto [start, end] : relatives) {
                if (np.phrase.start >= start && np.phrase.end <= end) ++np.depth;
            }
            out.push_back(np);
        }
        return out;
    }

    std::vector<Attachment> attachments(std::size_t noun) const {
        std::vector<Attachment> out;
        std::set<std::size_t> seen;
        attach(noun, out, seen, 0);
        return out;
    }

private:
    void attach(std::size_t noun, std::vector<Attachment>& out, std::set<std::size_t>& seen, int depth) const {
        if (depth > 3 || !seen.insert(noun).second) return;
        if (is_conjunction(m_g.word(noun))) {
            // the repaired `talks with Azerbaijan and Armenia`: the names after the first
            // conjunct are more objects of its preposition
            std::vector<std::size_t> parts;
            expand(noun, "SJ", parts, 0);
            if (parts.size() < 2 || !of_name_coordination(parts)) return;
            std::size_t before = out.size();
            attach(parts.front(), out, seen, depth + 1);
            if (out.size() == before) return;
            Attachment last = out.back();
            for (std::size_t k = 1; k < parts.size(); ++k) out.push_back({last.noun, last.preposition, phrase(parts[k], false)});
            return;
        }
        for (const auto& n : m_g.linked(noun, true, {"M"})) {
            if (!(n.subtype.starts_with("p") || n.subtype.starts_with("f"))) continue;
            std::string prep = m_g.lower(n.word);
            for (const auto& j : m_g.linked(n.word, true, {"J"})) {
                for (std::size_t o : conjuncts(j.word, "SJ")) {
                    out.push_back({noun, prep, phrase(o, false)});
                    if (prep == "of") attach(o, out, seen, depth + 1);
                }
            }
        }
    }

    /// Late closure: a trailing `if` clause belongs to the nearest clause before it
    /// (`gave no details when he said it could intervene if ...`).
    void attach_conditions_late() {
        for (std::size_t i = 0; i < m_clauses.size(); ++i) {
            if (!m_clauses[i].condition) continue;
            Phrase condition = *m_clauses[i].condition;
            std::optional<std::size_t> nearest;
            for (std::size_t k = 0; k < m_clauses.size(); ++k) {
                int end = m_g.word(m_clauses[k].verb).end;
                if (end > condition.start || !m_clauses[k].subject || m_clauses[k].nominal) continue;
                if (!nearest || end > m_g.word(m_clauses[*nearest].verb).end) nearest = k;
            }
            if (!nearest || *nearest == i || m_clauses[*nearest].condition) continue;
            m_clauses[*nearest].condition = m_clauses[i].condition;
            m_clauses[*nearest].condition_subject = m_clauses[i].condition_subject;
            m_clauses[i].condition.reset();
            m_clauses[i].condition_subject.reset();
        }
    }

    // ---- reported speech -------------------------------------------------

    void attribute_reports() {
        for (const Clause& report : m_clauses) {
            if (!report.subject || !m_lexicon.is_reporting_verb(report.lemma)) continue;
            for (const Argument& argument : report.arguments) {
                if (argument.role != Role::complement || argument.preposition != "that") continue;
                for (Clause& inner : m_clauses) {
                    const auto& word = m_g.word(inner.verb);
                    if (&inner == &report || word.start < argument.phrase.start || word.end > argument.phrase.end) continue;
                    inner.attribution = report.subject;
                }
            }
        }
        // quotations: `"...," the Kremlin said` (CP from the quote or the wall to the speech verb)
        for (const Link& link : m_g.parse().links) {
            if (type_of(link.label) != "CP") continue;
            std::size_t verb = link.right;
            // `"...," X said` (from the closing quote) or `..., officials said` (from the wall)
            bool quote = m_g.word(link.left).text == "\"";
            if (!quote && !(link.left == 0 && m_lexicon.is_reporting_verb(m_lexicon.lemma(m_g.word(verb).base)))) continue;
            const Clause* speech = nullptr;
            for (const Clause& c : m_clauses) {
                if (c.subject && (c.verb == verb || m_g.word(c.verb).start == m_g.word(verb).start)) speech = &c;
            }
            if (speech == nullptr) continue;
            for (Clause& inner : m_clauses) {
                if (&inner != speech && m_g.word(inner.verb).start < m_g.word(verb).start && !inner.attribution) {
                    inner.attribution = speech->subject;
                }
            }
        }
    }

    Graph m_g;
    const Lexicon& m_lexicon;
    std::vector<Clause> m_clauses;
    std::vector<std::pair<std::optional<Phrase>, std::size_t>> m_pending;
};

}  // namespace

std::string span_text(const parse::Parse& parse, int start, int end) {
    if (start < 0 || end <= start || static_cast<std::size_t>(end) > parse.text.size()) return {};
    return parse.text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start));
}

std::vector<Clause> find_clauses(const parse::Parse& parse, const Lexicon& lexicon) {
    return Finder(parse, lexicon).run();
}

std::vector<NounPhrase> find_noun_phrases(const parse::Parse& parse, const Lexicon& lexicon) {
    return Finder(parse, lexicon).noun_phrases();
}

std::vector<Attachment> noun_attachments(const parse::Parse& parse, const Lexicon& lexicon, std::size_t noun) {
    return Finder(parse, lexicon).attachments(noun);
}

}  // namespace claimgraph::extract
