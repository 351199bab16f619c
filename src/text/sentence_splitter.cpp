// The sentence splitter: lines → paragraph segments (datelines cut off) →
// sentences at final punctuation, decided by the word before and after it.
#include "text/sentence_splitter.h"

#include "util/strings.h"
#include "util/utf8.h"

#include <algorithm>
#include <array>

namespace claimgraph::text {

namespace {

// ---- characters -------------------------------------------------------------

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return is_upper(c) || is_lower(c); }
bool is_non_ascii(char c) { return static_cast<unsigned char>(c) >= 0x80; }

bool starts_with(std::string_view text, std::size_t at, std::string_view prefix) {
    return text.substr(at, prefix.size()) == prefix;
}

constexpr std::string_view k_ellipsis = "\u2026";
constexpr std::array<std::string_view, 7> k_closers = {"\"", "'", ")", "]", "\u201D", "\u2019", "\u00BB"};
constexpr std::array<std::string_view, 7> k_openers = {"\"", "'", "(", "[", "\u201C", "\u2018", "\u00AB"};
constexpr std::array<std::string_view, 3> k_dashes = {"\u2013", "\u2014", "\u2212"};

/// Byte length of the closing quote or bracket at `at`, 0 if there is none.
std::size_t closer_length(std::string_view text, std::size_t at) {
    for (std::string_view closer : k_closers) {
        if (starts_with(text, at, closer)) return closer.size();
    }
    return 0;
}

std::size_t opener_length(std::string_view text, std::size_t at) {
    for (std::string_view opener : k_openers) {
        if (starts_with(text, at, opener)) return opener.size();
    }
    return 0;
}

bool is_dash_at(std::string_view text, std::size_t at) {
    return std::any_of(k_dashes.begin(), k_dashes.end(), [&](std::string_view dash) { return starts_with(text, at, dash); });
}

// ---- words ------------------------------------------------------------------

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& words, std::string_view word) {
    return std::find(words.begin(), words.end(), word) != words.end();
}

/// Abbreviations that stand before a name (or join two), so never end a sentence. Lower case.
constexpr std::array<std::string_view, 36> k_prefix_abbreviations = {
    "mr",   "mrs",  "ms",   "messrs", "dr",   "prof", "gen",  "sen",  "sens", "rep",  "reps", "gov",
    "lt",   "col",  "capt", "cmdr",   "cpl",  "sgt",  "maj",  "adm",  "brig", "rev",  "hon",  "pres",
    "supt", "insp", "st",   "mt",     "ft",   "vs",   "v",    "e.g",  "i.e",  "viz",  "gens", "atty"};

/// Abbreviations that stand before a number (`No. 5`, `Sept. 27`); before anything else they are words.
constexpr std::array<std::string_view, 24> k_number_abbreviations = {
    "no",   "nos", "fig", "figs", "vol", "art", "sec", "ch",  "pp",  "op",  "jan", "feb",
    "mar",  "apr", "jun", "jul",  "aug", "sep", "sept", "oct", "nov", "dec", "para", "p"};

/// Abbreviations that may or may not end a sentence (`Apple Inc. said` / `... Apple Inc. The`).
constexpr std::array<std::string_view, 18> k_ambiguous_abbreviations = {
    "inc", "corp", "ltd", "co", "bros", "jr", "sr", "esq", "plc", "al", "cf", "approx", "est", "dept", "univ", "ave",
    "blvd", "assn"};

/// Words that typically open a sentence: after an ambiguous abbreviation they decide for a split.
constexpr std::array<std::string_view, 96> k_sentence_openers = {
    "The",       "A",        "An",       "This",     "That",     "These",     "Those",     "It",
    "Its",       "It's",     "He",       "She",      "They",     "We",        "I",         "You",
    "His",       "Her",      "Their",    "Our",      "My",       "Your",      "There",     "Here",
    "But",       "And",      "Or",       "So",       "Yet",      "Nor",       "For",       "If",
    "When",      "While",    "After",    "Before",   "Since",    "As",        "Although",  "Though",
    "However",   "Meanwhile", "Also",    "Still",    "Then",     "Now",       "Thus",      "Instead",
    "Indeed",    "Moreover", "Furthermore", "Nevertheless", "Some", "Many",   "Most",      "Both",
    "Each",      "Every",    "All",      "Any",      "None",     "Such",      "What",      "Who",
    "Why",       "How",      "Where",    "Which",    "Another",  "Earlier",   "Later",     "According",
    "In",        "On",       "At",       "By",       "From",     "With",      "Without",   "Under",
    "Over",      "During",   "Despite",  "Following", "Officials", "Analysts", "Asked",    "Until",
    "Because",   "Unlike",   "Like",     "Among",    "Once",     "Even",      "Only",      "Last"};

/// True for `U.S`, `U.N`, `a.m`, `D.C` (the final dot not included): letters joined by single dots.
bool is_initialism(std::string_view word) {
    if (word.size() < 3) return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        const bool letter_place = i % 2 == 0;
        if (letter_place ? !is_alpha(word[i]) : word[i] != '.') return false;
    }
    return word.size() % 2 == 1;
}

// ---- the decision at a full stop ---------------------------------------------

enum class Next { lower, upper, digit, opener, other };

/// What the next word starts with, and the word itself (without opening quotes or brackets).
struct NextWord {
    Next kind = Next::other;
    std::string_view word;
};

NextWord next_word(std::string_view text, std::size_t at, std::size_t end) {
    NextWord next;
    const std::size_t opener = opener_length(text, at);
    const std::size_t begin = at + opener;
    std::size_t stop = begin;
    while (stop < end && !is_space(text[stop])) ++stop;
    next.word = text.substr(begin, stop - begin);
    while (!next.word.empty() && std::string_view(",;:.!?\"')]").find(next.word.back()) != std::string_view::npos) {
        next.word.remove_suffix(1);
    }
    const char first = begin < end ? text[begin] : ' ';
    if (is_lower(first)) next.kind = Next::lower;
    else if (opener > 0) next.kind = Next::opener;
    else if (is_upper(first) || (is_non_ascii(first) && !is_dash_at(text, begin))) next.kind = Next::upper;
    else if (is_digit(first)) next.kind = Next::digit;
    return next;
}

/// Whether the full stop(s) or other final marks `text[mark, mark_end)`, followed by closers up to
/// `after_closers` and then white space and `next`, end a sentence.
bool ends_sentence(std::string_view text, std::size_t segment_begin, std::size_t mark, std::size_t mark_end,
                   std::size_t after_closers, const NextWord& next) {
    if (next.kind == Next::lower) return false;
    const std::string_view marks = text.substr(mark, mark_end - mark);
    if (marks != ".") {
        // `!`, `?`, `...`, `…` and mixtures: only a lower-case continuation keeps the sentence going.
        return next.kind != Next::other || marks.find_first_of("!?") != std::string_view::npos;
    }
    if (after_closers > mark_end) return next.kind != Next::other;  // `."`, `.)`: the quote closes the sentence

    std::size_t word_begin = mark;
    while (word_begin > segment_begin && !is_space(text[word_begin - 1])) --word_begin;
    std::string_view word = text.substr(word_begin, mark - word_begin);
    while (!word.empty()) {
        const std::size_t opener = opener_length(word, 0);
        if (opener == 0) break;
        word.remove_prefix(opener);
    }
    const std::string lower = util::to_lower_ascii(word);
    if (contains(k_prefix_abbreviations, lower)) return false;
    if (contains(k_number_abbreviations, lower) && next.kind == Next::digit) return false;
    const bool ambiguous = contains(k_ambiguous_abbreviations, lower) || is_initialism(word) ||
                           (word.size() == 1 && is_upper(word[0]));
    if (ambiguous) return next.kind == Next::opener || contains(k_sentence_openers, next.word);
    return true;
}

// ---- datelines ----------------------------------------------------------------

/// A cursor over the start of a paragraph, for the dateline grammar.
class Cursor {
public:
    explicit Cursor(std::string_view text) : m_text(text) {}

    std::size_t position() const { return m_at; }
    void reset(std::size_t at) { m_at = at; }
    bool at_end() const { return m_at >= m_text.size(); }
    char peek(std::size_t ahead = 0) const { return m_at + ahead < m_text.size() ? m_text[m_at + ahead] : '\0'; }

    bool eat(std::string_view literal) {
        if (!starts_with(m_text, m_at, literal)) return false;
        m_at += literal.size();
        return true;
    }

    /// One capitalised word of a place name; sets `all_caps` false if it has a lower-case letter.
    bool place_word(bool& all_caps) {
        const std::size_t begin = m_at;
        if (!(is_upper(peek()) || (is_non_ascii(peek()) && !is_dash_at(m_text, m_at) && opener_length(m_text, m_at) == 0))) {
            return false;
        }
        std::size_t letters = 0;
        while (!at_end()) {
            const char c = peek();
            if (is_dash_at(m_text, m_at)) break;
            if (is_alpha(c) || is_non_ascii(c)) {
                ++letters;
                if (is_lower(c)) all_caps = false;
            } else if (c != '.' && c != '\'' && c != '-' && c != '&') {
                break;
            }
            ++m_at;
        }
        if (letters == 0) m_at = begin;
        return letters > 0;
    }

    /// One to `max_words` capitalised words separated by single spaces.
    int place(bool& all_caps, int max_words) {
        int words = 0;
        while (words < max_words) {
            const std::size_t before = m_at;
            if (words > 0 && !eat(" ")) break;
            if (!place_word(all_caps)) {
                m_at = before;
                break;
            }
            ++words;
        }
        return words;
    }

    /// `Oct 9`, `Oct. 9`, `October 9, 2020`, `Friday`.
    bool date() {
        const std::size_t begin = m_at;
        static constexpr std::array<std::string_view, 7> k_days = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                                                   "Friday", "Saturday", "Sunday"};
        for (std::string_view day : k_days) {
            if (eat(day)) return true;
        }
        std::size_t letters = 0;
        while (is_alpha(peek())) {
            ++m_at;
            ++letters;
        }
        eat(".");
        if (letters >= 3 && eat(" ") && is_digit(peek())) {
            while (is_digit(peek())) ++m_at;
            const std::size_t before_year = m_at;
            if (eat(", ") && is_digit(peek()) && is_digit(peek(1)) && is_digit(peek(2)) && is_digit(peek(3))) {
                m_at += 4;
            } else {
                m_at = before_year;
            }
            return true;
        }
        m_at = begin;
        return false;
    }

    /// ` (Reuters)`: up to 40 bytes in brackets.
    bool agency() {
        const std::size_t begin = m_at;
        if (!eat(" (")) return false;
        const std::size_t close = m_text.find(')', m_at);
        if (close == std::string_view::npos || close - m_at > 40 || close == m_at ||
            m_text.substr(m_at, close - m_at).find('\n') != std::string_view::npos) {
            m_at = begin;
            return false;
        }
        m_at = close + 1;
        return true;
    }

    /// ` - `, ` -- `, ` – `, ` — ` (the leading space optional); true if a dash was eaten.
    bool dash() {
        const std::size_t begin = m_at;
        eat(" ");
        if (eat("--") || eat("-")) return true;
        for (std::string_view d : k_dashes) {
            if (eat(d)) return true;
        }
        m_at = begin;
        return false;
    }

private:
    std::string_view m_text;
    std::size_t m_at = 0;
};

}  // namespace

std::size_t dateline_length(std::string_view paragraph) {
    Cursor cursor(paragraph);
    bool all_caps = true;
    const int words = cursor.place(all_caps, 4);
    if (words == 0) return 0;
    bool extra_caps = true;
    bool has_date = false;
    for (int part = 0; part < 2; ++part) {
        const std::size_t before = cursor.position();
        if (!cursor.eat(", ")) break;
        if (cursor.date()) {
            has_date = true;
            continue;
        }
        if (cursor.place(extra_caps, 3) == 0) {
            cursor.reset(before);
            break;
        }
    }
    const bool has_agency = cursor.agency();
    bool valid = false;
    if (cursor.dash()) {
        // Without an agency, only an all-capitals place (`WASHINGTON — `) makes a dash a dateline.
        valid = has_agency || (all_caps && paragraph.size() > 1 && is_upper(paragraph[1]));
    } else if (cursor.eat(":")) {
        valid = has_agency || has_date || words <= 3;
    }
    if (!valid) return 0;
    if (!cursor.at_end() && !is_space(cursor.peek())) return 0;
    while (!cursor.at_end() && is_space(cursor.peek())) cursor.reset(cursor.position() + 1);
    if (cursor.at_end()) return cursor.position();
    const std::size_t at = cursor.position();
    const char first = paragraph[at];
    if (is_upper(first) || is_digit(first) || opener_length(paragraph, at) > 0 ||
        (is_non_ascii(first) && !is_dash_at(paragraph, at))) {
        return at;
    }
    return 0;
}

namespace {

struct Line {
    std::size_t begin;
    std::size_t end;  // before the `\n`
};

bool is_blank(std::string_view text, const Line& line) {
    for (std::size_t i = line.begin; i < line.end; ++i) {
        if (!is_space(text[i])) return false;
    }
    return true;
}

/// The last non-space byte of the line ends a sentence, a quote or a clause.
bool ends_with_terminal(std::string_view text, const Line& line) {
    std::size_t end = line.end;
    while (end > line.begin && is_space(text[end - 1])) --end;
    if (end == line.begin) return false;
    const std::string_view content = text.substr(line.begin, end - line.begin);
    if (std::string_view(".!?:;\"')]").find(content.back()) != std::string_view::npos) return true;
    for (std::string_view mark : {k_ellipsis, std::string_view("\u201D"), std::string_view("\u2019")}) {
        if (content.size() >= mark.size() && content.substr(content.size() - mark.size()) == mark) return true;
    }
    return false;
}

char first_char(std::string_view text, const Line& line) {
    for (std::size_t i = line.begin; i < line.end; ++i) {
        if (!is_space(text[i])) return text[i];
    }
    return '\0';
}

/// A headline-like line: at most 15 words, each capitalised (short function words aside).
bool is_title_like(std::string_view text, const Line& line) {
    static constexpr std::array<std::string_view, 20> k_small = {"a",  "an", "the", "of",   "for", "and", "or",
                                                                 "in", "on", "at",  "to",   "by",  "with", "from",
                                                                 "as", "vs", "vs.", "over", "into", "after"};
    int words = 0;
    for (const std::string& word : util::split(util::trim(text.substr(line.begin, line.end - line.begin)), ' ')) {
        if (word.empty()) continue;
        ++words;
        if (is_lower(word[0]) && !contains(k_small, word)) return false;
    }
    return words > 0 && words <= 15;
}

/// A letter, a digit or a visible non-ASCII character (not a Unicode space or
/// an invisible format character, which alone make no sentence).
bool has_alnum(std::string_view text) {
    while (!text.empty()) {
        const char c = text.front();
        if (is_alpha(c) || is_digit(c)) return true;
        if (!is_non_ascii(c)) {
            text.remove_prefix(1);
            continue;
        }
        const util::Utf8Char decoded = util::decode_utf8(text);
        if (!decoded.well_formed || !util::is_invisible(decoded.code_point)) return true;
        text.remove_prefix(decoded.length);
    }
    return false;
}

class Splitter {
public:
    explicit Splitter(std::string_view text) : m_text(text) {}

    std::vector<SentenceRecord> run() {
        std::vector<Line> lines;
        for (std::size_t begin = 0; begin <= m_text.size();) {
            std::size_t end = m_text.find('\n', begin);
            if (end == std::string_view::npos) end = m_text.size();
            lines.push_back({begin, end});
            begin = end + 1;
        }
        const bool hard_wrapped = is_hard_wrapped(lines);
        std::size_t wrap_width = 0;
        for (const Line& line : lines) wrap_width = std::max(wrap_width, line.end - line.begin);
        std::size_t segment_begin = 0;
        bool in_segment = false;
        for (std::size_t n = 0; n < lines.size(); ++n) {
            if (is_blank(m_text, lines[n])) {
                if (in_segment) segment(segment_begin, lines[n - 1].end);
                in_segment = false;
                continue;
            }
            if (!in_segment) {
                segment_begin = lines[n].begin;
                in_segment = true;
            }
            const bool last = n + 1 == lines.size() || is_blank(m_text, lines[n + 1]);
            if (last) continue;
            // A line break inside a paragraph: is the line a unit of its own?
            bool stands_alone = !hard_wrapped;
            if (hard_wrapped && !ends_with_terminal(m_text, lines[n]) && !is_lower(first_char(m_text, lines[n + 1]))) {
                // A headline: title-like, or a short first line of a paragraph (well inside the wrap width).
                const bool first_of_paragraph = n == 0 || is_blank(m_text, lines[n - 1]);
                const bool short_line = 5 * (lines[n].end - lines[n].begin) < 4 * wrap_width;
                stands_alone = is_title_like(m_text, lines[n]) || (first_of_paragraph && short_line);
            }
            if (stands_alone) {
                segment(segment_begin, lines[n].end);
                in_segment = false;
            }
        }
        if (in_segment) segment(segment_begin, lines.back().end);
        return std::move(m_sentences);
    }

private:
    /// Hard-wrapped text: a line often ends mid-sentence and the next goes on in lower case.
    bool is_hard_wrapped(const std::vector<Line>& lines) const {
        std::size_t open_breaks = 0;
        std::size_t wrapped = 0;
        for (std::size_t n = 0; n + 1 < lines.size(); ++n) {
            if (is_blank(m_text, lines[n]) || is_blank(m_text, lines[n + 1]) || ends_with_terminal(m_text, lines[n])) {
                continue;
            }
            ++open_breaks;
            if (is_lower(first_char(m_text, lines[n + 1]))) ++wrapped;
        }
        return wrapped > 0 && wrapped * 5 >= open_breaks;
    }

    /// One paragraph, or one line standing alone: a dateline may open it.
    void segment(std::size_t begin, std::size_t end) {
        while (begin < end && is_space(m_text[begin])) ++begin;
        begin += dateline_length(m_text.substr(begin, end - begin));
        std::size_t sentence_begin = begin;
        std::size_t i = begin;
        while (i < end) {
            std::size_t mark_end = i;
            while (mark_end < end) {
                if (m_text[mark_end] == '.' || m_text[mark_end] == '!' || m_text[mark_end] == '?') {
                    ++mark_end;
                } else if (starts_with(m_text, mark_end, k_ellipsis)) {
                    mark_end += k_ellipsis.size();
                } else {
                    break;
                }
            }
            if (mark_end == i) {
                ++i;
                continue;
            }
            std::size_t after = mark_end;
            while (after < end) {
                const std::size_t closer = closer_length(m_text, after);
                if (closer == 0) break;
                after += closer;
            }
            if (after >= end || !is_space(m_text[after])) {
                i = after;
                continue;
            }
            std::size_t next = after;
            while (next < end && is_space(m_text[next])) ++next;
            if (next < end && ends_sentence(m_text, begin, i, mark_end, after, next_word(m_text, next, end))) {
                emit(sentence_begin, after);
                sentence_begin = next;
            }
            i = next;
        }
        emit(sentence_begin, end);
    }

    void emit(std::size_t begin, std::size_t end) {
        while (begin < end && is_space(m_text[begin])) ++begin;
        while (end > begin && is_space(m_text[end - 1])) --end;
        const std::string_view sentence = m_text.substr(begin, end - begin);
        if (!has_alnum(sentence)) return;
        m_sentences.push_back({static_cast<std::int64_t>(begin), static_cast<std::int64_t>(end), std::string(sentence)});
    }

    std::string_view m_text;
    std::vector<SentenceRecord> m_sentences;
};

}  // namespace

std::vector<SentenceRecord> split_sentences(std::string_view text) { return Splitter(text).run(); }

}  // namespace claimgraph::text
