// Clause-level propositions found in one parse: the extract stage's value,
// with word indices and byte spans so the resolver can find the entities.
#pragma once

#include "extract/lexicon.h"
#include "parse/parse.h"

#include <optional>
#include <string>
#include <vector>

namespace claimgraph::extract {

/// A noun phrase (or clause) of the parse: its head word and byte span in Parse::text.
struct Phrase {
    std::size_t head = 0;
    int start = 0;
    int end = 0;
};

enum class Role {
    object,         ///< direct object or predicative complement
    prepositional,  ///< a prepositional argument (`to Moscow`)
    agent,          ///< the `by` phrase of a passive
    complement,     ///< an infinitival or reported clause
};

struct Argument {
    Role role = Role::object;
    std::string preposition;  ///< lower case; empty unless prepositional/agent
    Phrase phrase;            ///< the noun phrase (after the preposition)
    Phrase full;              ///< the whole argument text (with the preposition)
};

/// One proposition: subject, predicate, arguments, qualifiers.
struct Clause {
    std::optional<Phrase> subject;       ///< the noun phrase the resolver names
    std::optional<Phrase> subject_full;  ///< the subject as printed (with modifiers)
    std::size_t verb = 0;         ///< word of the content verb (the copula for nominal clauses)
    std::string lemma;            ///< `invite`, `be`, `intervene`
    std::string relation;         ///< surface relation (`has invited`, `could intervene`)
    std::vector<std::pair<int, int>> relation_spans;  ///< byte spans of the relation's words, in order
    std::vector<Argument> arguments;
    bool negated = false;
    bool passive = false;
    bool nominal = false;         ///< copula or apposition: `X is Y`, `X, a Y,`
    std::string modality;
    std::optional<Phrase> attribution;
    std::optional<Phrase> condition;          ///< the `if` clause
    std::optional<Phrase> condition_subject;  ///< its subject (`Armenia's sovereignty`)
    std::string time;
    std::string place;
    double confidence = 0.5;
};

/// Every proposition of a parse.
std::vector<Clause> find_clauses(const parse::Parse& parse, const Lexicon& lexicon);

/// The noun phrases a resolver should know about, with how deeply each sits in
/// relative clauses (0 = not inside one).
struct NounPhrase {
    Phrase phrase;
    int depth = 0;
};
std::vector<NounPhrase> find_noun_phrases(const parse::Parse& parse, const Lexicon& lexicon);

/// A prepositional phrase hanging off a noun: `talks` `with` `Aliyev`.
struct Attachment {
    std::size_t noun = 0;     ///< the word the phrase modifies
    std::string preposition;  ///< lower case
    Phrase object;
};

/// The prepositional phrases hanging off a noun (`support for Azerbaijan`,
/// `a series of talks with Aliyev`), following `of` chains.
std::vector<Attachment> noun_attachments(const parse::Parse& parse, const Lexicon& lexicon, std::size_t noun);

/// Text of a byte span of the parse.
std::string span_text(const parse::Parse& parse, int start, int end);

}  // namespace claimgraph::extract
