// HTML → plain text for the read stage: tags stripped, scripts and styles
// dropped, block elements as paragraph breaks, character references decoded.
#pragma once

#include <string>
#include <string_view>

namespace claimgraph::read {

/// The prose of an HTML page and its `<title>`.
struct HtmlText {
    std::string title;  ///< the first `<title>`, white space collapsed; empty if none
    std::string text;   ///< paragraphs separated by a blank line, lines by `\n`
};

/// Strips markup from `html`: the content of `script`, `style`, `noscript`,
/// `template`, `svg`, `nav` and `head` (except `title`) is dropped; block elements
/// (`p`, `div`, `h1`..`h6`, `li`, `tr`, ...) become paragraph breaks and `br` a
/// line break; white space collapses as a browser would (kept in `pre`);
/// character references are decoded. Never fails: malformed markup is read as
/// leniently as a browser would.
HtmlText html_to_text(std::string_view html);

/// Decodes character references: the common named ones (`&amp;`, `&nbsp;`,
/// `&mdash;`, `&rsquo;`, ...; `&nbsp;` becomes a plain space) and numeric ones
/// (`&#8217;`, `&#x2019;`). Unknown or malformed references are kept as written;
/// a numeric reference to an invalid code point becomes U+FFFD.
std::string decode_entities(std::string_view text);

}  // namespace claimgraph::read
