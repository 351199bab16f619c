// The link-grammar extractor: parse each sentence, find its clauses, and either
// print them as propositions or resolve them into a document's entities and claims.
#include "extract/extractor.h"

#include "extract/clause.h"
#include "extract/lexicon.h"
#include "parse/parser.h"
#include "resolve/resolver.h"

#include <algorithm>

namespace claimgraph::extract {

namespace {

class LinkGrammarExtractor final : public Extractor {
public:
    LinkGrammarExtractor(std::shared_ptr<const parse::Parser> parser, const Lexicon& lexicon)
        : m_parser(std::move(parser)), m_lexicon(lexicon) {}

    Status analyse(DocumentRecord& document) const override {
        std::vector<resolve::SentenceAnalysis> analyses;
        for (std::size_t i = 0; i < document.sentences.size(); ++i) {
            resolve::SentenceAnalysis analysis;
            analysis.sentence = i;
            analysis.normalised = parse::normalise(document.sentences[i].text);
            auto parsed = m_parser->parse(analysis.normalised.text);
            if (!parsed) continue;
            analysis.parse = std::move(*parsed);
            analysis.clauses = find_clauses(analysis.parse, m_lexicon);
            analyses.push_back(std::move(analysis));
        }
        resolve::resolve(document, analyses, m_lexicon);
        return Status::ok();
    }

    Result<std::vector<Proposition>> propositions(const std::string& sentence) const override {
        parse::Normalised normalised = parse::normalise(sentence);
        auto parsed = m_parser->parse(normalised.text);
        if (!parsed) return parsed.status();
        std::vector<Proposition> out;
        auto original = [&](const Phrase& phrase) {
            auto [start, end] = normalised.original(phrase.start, phrase.end);
            if (end <= start) return std::string();
            return sentence.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start));
        };
        for (const Clause& clause : find_clauses(*parsed, m_lexicon)) {
            if (!clause.subject_full) continue;
            Proposition base;
            base.subject = original(*clause.subject_full);
            base.relation = clause.relation;
            base.predicate = clause.lemma;
            base.negated = clause.negated;
            base.modality = clause.modality;
            if (clause.attribution) base.attributed_to = original(*clause.attribution);
            if (clause.condition) base.condition = original(*clause.condition);
            base.time = clause.time;
            base.place = clause.place;
            base.confidence = std::clamp(clause.confidence, 0.05, 0.95);
            std::vector<std::string> objects;
            std::vector<std::string> rest;
            for (const Argument& argument : clause.arguments) {
                std::string text = original(argument.full);
                if (text.empty()) continue;
                if (argument.role == Role::object) objects.push_back(text);
                else rest.push_back(text);
            }
            if (base.subject.empty()) continue;
            if (objects.empty()) objects.emplace_back();
            for (const std::string& object : objects) {
                Proposition p = base;
                if (!object.empty()) p.arguments.push_back(object);
                p.arguments.insert(p.arguments.end(), rest.begin(), rest.end());
                out.push_back(std::move(p));
            }
        }
        return out;
    }

private:
    std::shared_ptr<const parse::Parser> m_parser;
    const Lexicon& m_lexicon;
};

}  // namespace

Result<std::unique_ptr<Extractor>> create_extractor(const ExtractorOptions& options) {
    parse::ParserOptions parser_options;
    parser_options.max_parse_seconds = options.max_parse_seconds;
    parser_options.max_sentence_bytes = options.max_sentence_bytes;
    auto parser = parse::create_parser(parser_options);
    if (!parser) return parser.status();
    return std::unique_ptr<Extractor>(std::make_unique<LinkGrammarExtractor>(std::move(*parser), Lexicon::shared()));
}

}  // namespace claimgraph::extract
