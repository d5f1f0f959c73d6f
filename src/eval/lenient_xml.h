// A tolerant XML tokenizer for the PETRARCH validation files.
//
// Why not libxml2 or expat (both installed): UniversalPetrarch's PETR2_GSR_validation.xml is
// not well-formed (70 `<Sentence .../>` start tags are self-closed yet followed by their
// content and a `</Sentence>`, and its `#` header contains a literal `<EventCoding...>`), and
// strict parsers stop at the first error: `xmllint --recover` keeps 3 of its 78 sentences.
// The readers in suites.h therefore walk a flat stream of tags and text in document order
// and decide structure themselves, which works the same on the well-formed PETRARCH file.
//
// Handles: start/end/self-closing tags, attributes quoted with ' or " (spaces allowed around
// '='), comments (an unterminated one runs to the end), <?...?>, <!DOCTYPE ...>, CDATA, and
// the five predefined entities plus &#N; / &#xN;. Anything that does not look like markup
// (a '<' not followed by a name, '/', '!' or '?', or a tag without its '>') is kept as text.
#ifndef ANNAL_EVAL_LENIENT_XML_H_
#define ANNAL_EVAL_LENIENT_XML_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace annal::eval {

struct XmlToken {
  enum class Kind { kStartTag, kEndTag, kText };
  Kind kind = Kind::kText;
  std::string name;                                             // tag name (start and end tags)
  std::vector<std::pair<std::string, std::string>> attributes;  // decoded values, in order
  bool self_closing = false;                                    // `<name ... />`
  std::string text;                                             // decoded character data (kText)
  size_t offset = 0;  // byte offset of the token in the input

  // The value of attribute `name`, or nullptr when absent.
  const std::string* Attribute(std::string_view attr) const;
};

// Splits `xml` into tokens. Never fails: malformed markup degrades to text.
std::vector<XmlToken> TokenizeXml(std::string_view xml);

// Replaces entity references in `s`; unknown ones are kept verbatim.
std::string DecodeXmlEntities(std::string_view s);

}  // namespace annal::eval

#endif  // ANNAL_EVAL_LENIENT_XML_H_
