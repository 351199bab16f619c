// Markdown → plain text for the read stage: the prose without its markup.
#pragma once

#include <string>
#include <string_view>

namespace claimgraph::read {

/// The prose of a Markdown document and its first heading.
struct MarkdownText {
    std::string title;  ///< the first heading's text; empty if none
    std::string text;
};

/// Keeps the prose of `markdown`: heading markers, emphasis markers (`*`, `_`,
/// `~~`), code-span backticks, block-quote and list markers are removed; links
/// `[text](url)` and `[text][ref]` become their text; images, code fences,
/// reference definitions, horizontal rules and HTML tags are dropped; entities
/// are decoded. Headings and list items become paragraphs of their own.
MarkdownText markdown_to_text(std::string_view markdown);

}  // namespace claimgraph::read
