// The link-grammar wrapper: dictionary loaded once, per-call options, null-link
// and panic fallbacks, and the choice of a linkage with a proper main clause.
#include "parse/parser.h"

#include <link-grammar/link-includes.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <mutex>

namespace claimgraph::parse {

namespace {

void silence(lg_errinfo*, void*) {}

/// How many linkages (cheapest first) are examined for one with a subject and a
/// main verb; most sentences have one among the first few, long ones further down.
constexpr int k_linkages_examined = 100;

/// Splits a dictionary form into base, subscript and guess flags.
void describe(Word& word) {
    const std::string& form = word.form;
    if (form.size() > 2 && form.front() == '[' && form.back() == ']') {
        word.null = true;
        word.base = form.substr(1, form.size() - 2);
        return;
    }
    std::string rest;
    auto bracket = form.find('[', 1);
    if (bracket != std::string::npos) {
        word.base = form.substr(0, bracket);
        word.guessed = form.compare(bracket, 2, "[!") == 0;
        auto close = form.find(']', bracket);
        rest = close == std::string::npos ? std::string() : form.substr(close + 1);
        if (!rest.empty() && rest.front() == '.') word.subscript = rest.substr(1);
        return;
    }
    auto dot = form.rfind('.');
    if (dot != std::string::npos && dot > 0 && dot + 1 < form.size() &&
        std::all_of(form.begin() + static_cast<std::ptrdiff_t>(dot) + 1, form.end(),
                    [](char c) { return std::islower(static_cast<unsigned char>(c)) || c == '-'; })) {
        word.base = form.substr(0, dot);
        word.subscript = form.substr(dot + 1);
    } else {
        word.base = form;
    }
}

bool has_wall_link(Linkage linkage, const char* prefix) {
    for (LinkIdx i = 0; i < linkage_get_num_links(linkage); ++i) {
        if (linkage_get_link_lword(linkage, i) != 0) continue;
        std::string_view label = linkage_get_link_label(linkage, i);
        if (label.starts_with(prefix)) return true;
    }
    return false;
}

class LinkGrammarParser final : public Parser {
public:
    LinkGrammarParser(Dictionary dictionary, ParserOptions options) : m_dictionary(dictionary), m_options(options) {}
    ~LinkGrammarParser() override { dictionary_delete(m_dictionary); }
    LinkGrammarParser(const LinkGrammarParser&) = delete;
    LinkGrammarParser& operator=(const LinkGrammarParser&) = delete;

    Result<Parse> parse(std::string_view sentence) const override {
        if (sentence.size() > m_options.max_sentence_bytes) {
            return Status::invalid_input("sentence longer than " + std::to_string(m_options.max_sentence_bytes) + " bytes");
        }
        // link-grammar's error handler is per thread: keep its warnings (`Combinatorial
        // explosion! ...`) off our users' terminal in every worker thread too.
        static thread_local const bool silenced = (lg_error_set_handler(silence, nullptr), true);
        (void)silenced;
        std::string text(sentence);
        Parse_Options options = parse_options_create();
        parse_options_set_verbosity(options, 0);
        parse_options_set_spell_guess(options, 0);
        parse_options_set_linkage_limit(options, 1000);
        parse_options_set_short_length(options, 10);
        parse_options_set_display_morphology(options, 0);
        parse_options_set_max_parse_time(options, std::max(1, static_cast<int>(std::lround(m_options.max_parse_seconds))));
        Sentence lg_sentence = sentence_create(text.c_str(), m_dictionary);
        Result<Parse> result = Status::not_found("no linkage");
        if (lg_sentence != nullptr) {
            result = run(lg_sentence, options, text);
            sentence_delete(lg_sentence);
        }
        parse_options_delete(options);
        return result;
    }

private:
    Result<Parse> run(Sentence sentence, Parse_Options options, const std::string& text) const {
        int found = sentence_parse(sentence, options);
        if (found < 0) return Status::invalid_input("sentence too long for the parser");
        bool panic = false;
        if (found == 0 && !parse_options_timer_expired(options)) {
            parse_options_set_min_null_count(options, 1);
            parse_options_set_max_null_count(options, m_options.max_null_count);
            found = sentence_parse(sentence, options);
        }
        if (found == 0) {
            panic = true;
            parse_options_set_all_short_connectors(options, 1);
            parse_options_set_short_length(options, 12);
            parse_options_set_min_null_count(options, 1);
            parse_options_set_max_null_count(options, sentence_length(sentence));
            found = sentence_parse(sentence, options);
        }
        if (found <= 0) return Status::not_found("no linkage within the limits");
        // Prefer a linkage with a main clause (WV) and a subject (Wd), and without a
        // quotation verb (`held.q-d`) when the sentence has no quotation mark.
        // Each linkage is created once and kept: the sentence owns it until
        // sentence_delete, and creating the same index again leaks inside the library.
        Linkage linkage = nullptr;
        int best = -1;
        bool quoted = text.find('"') != std::string::npos;
        for (int k = 0; k < std::min(found, k_linkages_examined) && best < 2; ++k) {
            Linkage candidate = linkage_create(k, sentence, options);
            if (candidate == nullptr) continue;
            int score = 0;
            if (has_wall_link(candidate, "WV") && has_wall_link(candidate, "Wd")) {
                score = 1;
                bool odd = false;
                std::size_t count = linkage_get_num_words(candidate);
                for (std::size_t w = 0; w < count; ++w) {
                    std::string_view form = linkage_get_word(candidate, w);
                    if (!quoted && (form.ends_with(".q") || form.ends_with(".q-d"))) {
                        std::string_view base = form.substr(0, form.rfind('.'));
                        odd = odd || !m_options.speech_verb || !m_options.speech_verb(base);
                    }
                    // `Brazil's President X` read as `Brazil is President X`
                    if (form == "'s.v" && w + 1 < count) {
                        std::string_view next = linkage_get_word(candidate, w + 1);
                        odd = odd || (!next.empty() && std::isupper(static_cast<unsigned char>(next.front())));
                    }
                }
                if (!odd) score = 2;
            }
            if (score > best) {
                best = score;
                if (linkage != nullptr) linkage_delete(linkage);
                linkage = candidate;
            } else {
                linkage_delete(candidate);
            }
        }
        if (linkage == nullptr) return Status::not_found("no linkage");
        Parse parse;
        parse.text = text;
        parse.panic = panic;
        parse.null_count = sentence_null_count(sentence);
        parse.cost = linkage_disjunct_cost(linkage);
        std::size_t words = linkage_get_num_words(linkage);
        for (std::size_t w = 0; w < words; ++w) {
            Word word;
            word.form = linkage_get_word(linkage, w);
            word.start = static_cast<int>(linkage_get_word_byte_start(linkage, w));
            word.end = static_cast<int>(linkage_get_word_byte_end(linkage, w));
            if (word.start < 0 || word.end < word.start || static_cast<std::size_t>(word.end) > text.size()) {
                word.start = 0;
                word.end = 0;
            }
            if (w > 0 && w + 1 < words) word.text = text.substr(word.start, word.end - word.start);
            describe(word);
            parse.words.push_back(std::move(word));
        }
        for (LinkIdx i = 0; i < linkage_get_num_links(linkage); ++i) {
            Link link;
            link.label = linkage_get_link_label(linkage, i);
            link.left = linkage_get_link_lword(linkage, i);
            link.right = linkage_get_link_rword(linkage, i);
            parse.links.push_back(std::move(link));
        }
        linkage_delete(linkage);
        return parse;
    }

    Dictionary m_dictionary;
    ParserOptions m_options;
};

}  // namespace

Result<std::shared_ptr<const Parser>> create_parser(const ParserOptions& options) {
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    lg_error_set_handler(silence, nullptr);
    Dictionary dictionary = dictionary_create_lang("en");
    if (dictionary == nullptr) return Status::unsupported("the link-grammar English dictionary could not be loaded");
    return std::shared_ptr<const Parser>(std::make_shared<LinkGrammarParser>(dictionary, options));
}

}  // namespace claimgraph::parse
