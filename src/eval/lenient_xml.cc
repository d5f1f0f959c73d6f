#include "eval/lenient_xml.h"

#include <cstdint>

namespace annal::eval {
namespace {

bool IsNameStart(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == ':' ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool IsNameChar(char c) { return IsNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Parses the inside of a start tag after its name: attributes up to '>' or "/>".
// Returns the position just past '>' or npos when the tag never closes.
size_t ParseAttributes(std::string_view xml, size_t pos, XmlToken* tok) {
  const size_t n = xml.size();
  while (pos < n) {
    while (pos < n && IsSpace(xml[pos])) ++pos;
    if (pos >= n) return std::string_view::npos;
    char c = xml[pos];
    if (c == '>') return pos + 1;
    if (c == '/' && pos + 1 < n && xml[pos + 1] == '>') {
      tok->self_closing = true;
      return pos + 2;
    }
    if (c == '<') return std::string_view::npos;  // a new tag began: this one never closed
    size_t name_begin = pos;
    while (pos < n && !IsSpace(xml[pos]) && xml[pos] != '=' && xml[pos] != '>' &&
           !(xml[pos] == '/' && pos + 1 < n && xml[pos + 1] == '>') && xml[pos] != '<') {
      ++pos;
    }
    std::string name(xml.substr(name_begin, pos - name_begin));
    if (name.empty()) {  // a stray character such as '/' or '=': skip it
      ++pos;
      continue;
    }
    size_t after_name = pos;
    while (pos < n && IsSpace(xml[pos])) ++pos;
    std::string value;
    if (pos < n && xml[pos] == '=') {
      ++pos;
      while (pos < n && IsSpace(xml[pos])) ++pos;
      if (pos < n && (xml[pos] == '"' || xml[pos] == '\'')) {
        char quote = xml[pos++];
        size_t close = xml.find(quote, pos);
        if (close == std::string_view::npos) return std::string_view::npos;
        value = DecodeXmlEntities(xml.substr(pos, close - pos));
        pos = close + 1;
      } else {
        size_t begin = pos;
        while (pos < n && !IsSpace(xml[pos]) && xml[pos] != '>' && xml[pos] != '<') ++pos;
        value = DecodeXmlEntities(xml.substr(begin, pos - begin));
      }
    } else {
      pos = after_name;  // attribute without a value
    }
    tok->attributes.emplace_back(std::move(name), std::move(value));
  }
  return std::string_view::npos;
}

}  // namespace

const std::string* XmlToken::Attribute(std::string_view attr) const {
  for (const auto& [name, value] : attributes) {
    if (name == attr) return &value;
  }
  return nullptr;
}

std::string DecodeXmlEntities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '&') {
      out.push_back(s[i++]);
      continue;
    }
    size_t semi = s.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i > 12) {
      out.push_back(s[i++]);
      continue;
    }
    std::string_view ref = s.substr(i + 1, semi - i - 1);
    bool done = true;
    if (ref == "amp") {
      out.push_back('&');
    } else if (ref == "lt") {
      out.push_back('<');
    } else if (ref == "gt") {
      out.push_back('>');
    } else if (ref == "quot") {
      out.push_back('"');
    } else if (ref == "apos") {
      out.push_back('\'');
    } else if (ref.size() >= 2 && ref[0] == '#') {
      uint32_t cp = 0;
      bool hex = ref[1] == 'x' || ref[1] == 'X';
      std::string_view digits = ref.substr(hex ? 2 : 1);
      if (digits.empty()) done = false;
      for (char c : digits) {
        int d;
        if (c >= '0' && c <= '9') {
          d = c - '0';
        } else if (hex && c >= 'a' && c <= 'f') {
          d = c - 'a' + 10;
        } else if (hex && c >= 'A' && c <= 'F') {
          d = c - 'A' + 10;
        } else {
          done = false;
          break;
        }
        cp = cp * (hex ? 16 : 10) + d;
        if (cp > 0x10FFFF) cp = 0x110000;  // saturate: becomes U+FFFD
      }
      if (done) AppendUtf8(cp, &out);
    } else {
      done = false;
    }
    if (done) {
      i = semi + 1;
    } else {
      out.push_back(s[i++]);
    }
  }
  return out;
}

std::vector<XmlToken> TokenizeXml(std::string_view xml) {
  std::vector<XmlToken> tokens;
  std::string text;
  size_t text_offset = 0;
  auto add_text = [&](std::string_view raw, size_t offset) {
    if (text.empty()) text_offset = offset;
    text += raw;
  };
  auto flush_text = [&]() {
    if (text.empty()) return;
    XmlToken t;
    t.kind = XmlToken::Kind::kText;
    t.text = DecodeXmlEntities(text);
    t.offset = text_offset;
    tokens.push_back(std::move(t));
    text.clear();
  };

  const size_t n = xml.size();
  size_t pos = 0;
  while (pos < n) {
    size_t lt = xml.find('<', pos);
    if (lt == std::string_view::npos) {
      add_text(xml.substr(pos), pos);
      break;
    }
    if (lt > pos) add_text(xml.substr(pos, lt - pos), pos);
    pos = lt;
    std::string_view rest = xml.substr(pos);
    if (rest.starts_with("<!--")) {
      size_t end = xml.find("-->", pos + 4);
      pos = end == std::string_view::npos ? n : end + 3;
      continue;
    }
    if (rest.starts_with("<![CDATA[")) {
      size_t end = xml.find("]]>", pos + 9);
      size_t stop = end == std::string_view::npos ? n : end;
      // CDATA is literal: bypass entity decoding by escaping '&'.
      std::string_view body = xml.substr(pos + 9, stop - pos - 9);
      std::string escaped;
      for (char c : body) {
        if (c == '&') {
          escaped += "&amp;";
        } else {
          escaped.push_back(c);
        }
      }
      add_text(escaped, pos);
      pos = end == std::string_view::npos ? n : end + 3;
      continue;
    }
    if (rest.starts_with("<?") || rest.starts_with("<!")) {
      size_t end = xml.find('>', pos + 2);
      pos = end == std::string_view::npos ? n : end + 1;
      continue;
    }
    bool end_tag = rest.size() > 1 && rest[1] == '/';
    size_t name_begin = pos + (end_tag ? 2 : 1);
    if (name_begin >= n || !IsNameStart(xml[name_begin])) {
      add_text("<", pos);  // a bare '<' in text
      ++pos;
      continue;
    }
    size_t name_end = name_begin;
    while (name_end < n && IsNameChar(xml[name_end])) ++name_end;
    XmlToken tok;
    tok.kind = end_tag ? XmlToken::Kind::kEndTag : XmlToken::Kind::kStartTag;
    tok.name = std::string(xml.substr(name_begin, name_end - name_begin));
    tok.offset = pos;
    size_t after;
    if (end_tag) {
      after = xml.find('>', name_end);
      if (after != std::string_view::npos) ++after;
    } else {
      after = ParseAttributes(xml, name_end, &tok);
    }
    if (after == std::string_view::npos) {
      add_text("<", pos);  // never closed: keep as text and go on after the '<'
      ++pos;
      continue;
    }
    flush_text();
    tokens.push_back(std::move(tok));
    pos = after;
  }
  flush_text();
  return tokens;
}

}  // namespace annal::eval
