// Putting arbitrary text into XML 1.0 documents: escaping markup characters and
// dropping the characters XML cannot carry at all.
#pragma once

#include <string>
#include <string_view>

namespace claimgraph::util {

/// Where escaped text goes. Attribute values also escape tab and line feed,
/// which XML parsers would otherwise normalise to spaces.
enum class XmlContext { text, attribute };

/// True for the characters XML 1.0 allows (its `Char` production): tab, LF, CR,
/// U+0020..U+D7FF, U+E000..U+FFFD and U+10000..U+10FFFF.
bool is_xml_char(char32_t code_point);

/// `text` reduced to what an XML 1.0 document can hold, unescaped: ill-formed
/// UTF-8 becomes U+FFFD; encoded surrogates, U+FFFE, U+FFFF and C0 control
/// characters other than tab, LF and CR are removed.
std::string to_xml_chars(std::string_view text);

/// Appends `text` to `out` as to_xml_chars() cleans it, with `& < > " '`
/// written as entity references and CR (plus tab and LF in attributes) as
/// character references, so a parser reads back exactly the cleaned text.
void append_xml_escaped(std::string& out, std::string_view text, XmlContext context);

/// append_xml_escaped() into a new string.
std::string xml_escaped(std::string_view text, XmlContext context);

}  // namespace claimgraph::util
