// The text stage's sentence splitter: paragraphs, lines, datelines and
// sentence-final punctuation, with the abbreviations of news English.
#pragma once

#include <claimgraph/model.h>

#include <cstddef>
#include <string_view>
#include <vector>

namespace claimgraph::text {

/// Splits `text` into sentences. Each SentenceRecord's offsets are bytes into
/// `text` and its `text` is exactly `text.substr(start, end - start)`, without
/// surrounding white space.
///
/// The rules, in order:
/// - A blank line ends a paragraph. A single line break ends a sentence too,
///   unless the text is hard-wrapped (some line ends without sentence-final
///   punctuation and the next line goes on in lower case); in hard-wrapped text
///   a line without final punctuation stands alone only when the next one starts
///   in upper case and it is title-like (every word capitalised, or all capitals)
///   or a paragraph's first line well short (< 80 %) of the longest line.
/// - A dateline at the start of a paragraph (`MOSCOW, Oct 9 (Reuters) - `,
///   `BERLIN (Reuters) —`, `WASHINGTON — `, `Moscow: `; see dateline_length()) is
///   left out of every sentence.
/// - `.`, `!`, `?`, `...` and `…`, with any closing quotes and brackets after
///   them, end a sentence when white space and a word that does not start with
///   a lower-case letter follow.
/// - Except after: titles that always precede a name (`Mr.`, `Dr.`, `Gen.`,
///   `Sen.`, `Gov.`, `St.`, `vs.`, `e.g.`, `i.e.`, ...); `No.`, months and `Fig.`
///   before a number (`No. 5`, `Sept. 27`); and ambiguous abbreviations
///   (`Inc.`, `Corp.`, `Ltd.`, `Co.`, `Jr.`, `Sr.`), initialisms (`U.S.`, `U.N.`,
///   `a.m.`) and single-letter initials (`John F. Kennedy`), which end a sentence
///   only when the next word is one that typically opens a sentence (`The`, `It`,
///   `He`, `In`, `But`, ...) or an opening quote: `the U.S. Senate` goes on,
///   `in the U.S. The` splits.
/// - Text without a letter or digit (`* * *`) is no sentence.
std::vector<SentenceRecord> split_sentences(std::string_view text);

/// The length in bytes of the dateline that opens `paragraph`, including its
/// separator and the white space after it; 0 when there is none. Recognised:
/// PLACE[, REGION][, DATE] (AGENCY) SEP, CAPITALISED-PLACE[, ...] SEP with SEP one
/// of `-`, `--`, `–`, `—`, `:`, and `Place: ` (one to three capitalised words and
/// a colon). What follows must start a sentence (a capital, digit or quote) or
/// be the end of the paragraph.
std::size_t dateline_length(std::string_view paragraph);

}  // namespace claimgraph::text
