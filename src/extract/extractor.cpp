// The link-grammar extractor: parse each sentence, find its clauses, and either
// print them as propositions or resolve them into a document's entities and claims.
#include "extract/extractor.h"

#include "extract/clause.h"
#include "extract/lexicon.h"
#include "parse/parser.h"
#include "resolve/resolver.h"
#include "util/parallel.h"

#include <algorithm>
#include <limits>
#include <semaphore>
#include <cctype>

namespace claimgraph::extract {

namespace {

/// Blanks a news dateline (`MOSCOW:`, `Moscow —`) at the start of a sentence; offsets stay put.
void blank_dateline(std::string& text) {
    std::size_t i = 0;
    int words = 0;
    while (i < text.size() && words < 4) {
        if (!std::isupper(static_cast<unsigned char>(text[i]))) return;
        while (i < text.size() && (std::isalpha(static_cast<unsigned char>(text[i])) || text[i] == '.' || text[i] == '-')) ++i;
        ++words;
        if (i < text.size() && text[i] == ':') break;
        if (text.compare(i, 3, " - ") == 0 || text.compare(i, 5, " \xe2\x80\x94 ") == 0) break;
        if (i < text.size() && text[i] == ' ') ++i;
    }
    std::size_t end = i;
    if (end < text.size() && text[end] == ':') end += 1;
    else if (text.compare(end, 3, " - ") == 0) end += 2;
    else if (text.compare(end, 5, " \xe2\x80\x94 ") == 0) end += 4;
    else return;
    if (end + 2 >= text.size() || text[end] != ' ' || !std::isupper(static_cast<unsigned char>(text[end + 1]))) return;
    for (std::size_t k = 0; k < end; ++k) text[k] = ' ';
}

/// Normalises and blanks the dateline of one sentence.
parse::Normalised prepare(std::string_view sentence) {
    parse::Normalised normalised = parse::normalise(sentence);
    blank_dateline(normalised.text);
    return normalised;
}

/// Byte ranges of the pieces of a sentence that the splitter left joined
/// (`... on Friday. "The president ...`): a full stop after a lower-case word or
/// digit, a space, then a capital or an opening quote; or a line break.
std::vector<std::pair<std::size_t, std::size_t>> pieces(std::string_view text) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::size_t start = 0;
    for (std::size_t i = 2; i + 2 < text.size(); ++i) {
        if (text[i] == '\n') {
            // a heading or dateline line the splitter kept with the next sentence
            if (i > start) out.emplace_back(start, i);
            start = i + 1;
            continue;
        }
        if ((text[i] != '.' && text[i] != '?' && text[i] != '!') || text[i + 1] != ' ') continue;
        unsigned char before = static_cast<unsigned char>(text[i - 1]);
        unsigned char before2 = static_cast<unsigned char>(text[i - 2]);
        if (!(std::islower(before) && std::islower(before2)) && !std::isdigit(before)) continue;
        unsigned char next = static_cast<unsigned char>(text[i + 2]);
        bool opens = std::isupper(next) || next == '"' || text.compare(i + 2, 3, "\xe2\x80\x9c") == 0;
        if (!opens) continue;
        out.emplace_back(start, i + 1);
        start = i + 2;
    }
    out.emplace_back(start, text.size());
    return out;
}

class LinkGrammarExtractor final : public Extractor {
public:
    LinkGrammarExtractor(std::shared_ptr<const parse::Parser> parser, const Lexicon& lexicon, std::size_t threads)
        : m_parser(std::move(parser)), m_lexicon(lexicon), m_threads(threads), m_parse_slots(static_cast<std::ptrdiff_t>(threads)) {}

    Status analyse(DocumentRecord& document) const override {
        // every piece of every sentence
        std::vector<resolve::SentenceAnalysis> analyses;
        for (std::size_t i = 0; i < document.sentences.size(); ++i) {
            const std::string& text = document.sentences[i].text;
            for (auto [start, end] : pieces(text)) {
                resolve::SentenceAnalysis analysis;
                analysis.sentence = i;
                analysis.offset = static_cast<int>(start);
                analysis.normalised = prepare(std::string_view(text).substr(start, end - start));
                analyses.push_back(std::move(analysis));
            }
        }
        // parsed on `threads` threads (the dictionary is shared), kept in sentence order
        std::vector<resolve::SentenceAnalysis> usable;
        util::ordered_parallel_for(
            analyses.size(), m_threads,
            [&](std::size_t k) {
                auto parse = parse_bounded(analyses[k].normalised.text);
                if (!parse) return false;
                analyses[k].parse = std::move(*parse);
                analyses[k].clauses = find_clauses(analyses[k].parse, m_lexicon);
                return true;
            },
            [&](std::size_t k, bool parsed) {
                if (parsed) usable.push_back(std::move(analyses[k]));
            });
        resolve::resolve(document, usable, m_lexicon);
        return Status::ok();
    }

    Result<std::vector<Proposition>> propositions(const std::string& sentence) const override {
        parse::Normalised normalised = prepare(sentence);
        auto parsed = parse_bounded(normalised.text);
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
            base.relation.clear();
            for (auto [start, end] : clause.relation_spans) {
                std::string word = original(Phrase{0, start, end});
                if (word.empty()) continue;
                if (!base.relation.empty()) base.relation += ' ';
                base.relation += word;
            }
            if (base.relation.empty()) base.relation = clause.relation;
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
            const Argument* first_prepositional = nullptr;
            for (const Argument& argument : clause.arguments) {
                std::string text = original(argument.full);
                if (text.empty()) continue;
                if (argument.role == Role::object) {
                    objects.push_back(text);
                    continue;
                }
                if (std::find(rest.begin(), rest.end(), text) != rest.end()) continue;
                if (rest.empty() && (argument.role == Role::prepositional || argument.role == Role::agent) &&
                    argument.preposition != "@time" && !argument.preposition.empty()) {
                    first_prepositional = &argument;
                }
                rest.push_back(text);
            }
            if (base.subject.empty()) continue;
            // `taught at | the University`: with no object, the first preposition joins the relation
            if (objects.empty() && first_prepositional != nullptr) {
                std::string object = original(first_prepositional->phrase.start < first_prepositional->full.end
                                                  ? Phrase{first_prepositional->phrase.head, first_prepositional->phrase.start, first_prepositional->full.end}
                                                  : first_prepositional->full);
                std::string preposition = rest.front().substr(0, rest.front().size() - std::min(rest.front().size(), object.size()));
                while (!preposition.empty() && preposition.back() == ' ') preposition.pop_back();
                if (!object.empty() && !preposition.empty()) {
                    base.relation += " " + preposition;
                    rest.front() = object;
                }
            }
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
    /// A parse that waits for one of the `threads` slots: parses from several
    /// documents (ingest's workers) never run more than `threads` at once.
    Result<parse::Parse> parse_bounded(std::string_view text) const {
        m_parse_slots.acquire();
        struct Release {
            std::counting_semaphore<>& slots;
            ~Release() { slots.release(); }
        } release{m_parse_slots};
        return m_parser->parse(text);
    }

    const Lexicon& m_lexicon;
    std::size_t m_threads;
    mutable std::counting_semaphore<> m_parse_slots;
};

}  // namespace

Result<std::unique_ptr<Extractor>> create_extractor(const ExtractorOptions& options) {
    parse::ParserOptions parser_options;
    parser_options.max_parse_seconds = options.max_parse_seconds;
    parser_options.max_sentence_bytes = options.max_sentence_bytes;
    const Lexicon& lexicon = Lexicon::shared();
    parser_options.speech_verb = [&lexicon](std::string_view word) { return lexicon.is_reporting_verb(lexicon.lemma(word)); };
    auto parser = parse::create_parser(parser_options);
    if (!parser) return parser.status();
    const std::size_t threads = util::worker_count(options.threads, std::numeric_limits<std::size_t>::max());
    return std::unique_ptr<Extractor>(std::make_unique<LinkGrammarExtractor>(std::move(*parser), Lexicon::shared(), threads));
}

}  // namespace claimgraph::extract
