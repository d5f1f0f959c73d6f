// The text stage: sentence splitting and tokenisation with byte offsets.
//
// One left-to-right pass classifies characters (a table for ASCII, utf8proc categories for the
// rest) and emits tokens; a second pass over the tokens places sentence boundaries. Nothing is
// copied from the text except each token's matching form (Token::norm), which for ASCII words is an
// upper-cased copy that fits the small-string buffer, so the common case allocates nothing per
// token.
#include "text/analyzer.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace annal::text {
namespace {

// Character classes that matter to tokenisation and sentence splitting.
enum class Cc : uint8_t {
  kSpace,       // any horizontal white space, control character or BOM
  kNewline,     // \n, \r (alone), U+0085, U+2028
  kParagraph,   // U+2029: counts as a blank line
  kFormat,      // soft hyphen, ZWJ/ZWNJ, bidi marks: kept inside words, skipped elsewhere
  kUpper,       // Lu, Lt
  kLower,       // Ll
  kLetter,      // Lm, Lo, Nl, No: letters without case (CJK, Arabic, ...) and letter-like numbers
  kMark,        // combining marks: always part of the word they follow
  kDigit,       // Nd
  kApostrophe,  // ' U+2019 U+02BC: apostrophe or closing single quote, decided by context
  kOpenQuote,   // U+201C U+2018 U+201E U+201A
  kCloseQuote,  // U+201D
  kQuote,       // " ` « » ‹ › and other quotes whose direction depends on the language
  kHyphen,      // - U+2010 U+2011
  kDash,        // U+2012..U+2015
  kPeriod,      // .
  kEllipsis,    // U+2026
  kTerminal,    // ! ? and other sentence-final marks (U+3002, full-width ! ?)
  kOpen,        // ( [ { and other Ps
  kClose,       // ) ] } and other Pe
  kPunct,       // everything else: , ; : $ % & ...
};

constexpr std::array<Cc, 128> MakeAsciiTable() {
  std::array<Cc, 128> t{};
  for (int c = 0; c < 128; ++c) t[c] = Cc::kPunct;
  for (int c = 0; c < 32; ++c) t[c] = Cc::kSpace;
  t[127] = Cc::kSpace;
  t[' '] = Cc::kSpace;
  t['\n'] = Cc::kNewline;
  t['\r'] = Cc::kNewline;  // "\r\n" is folded into one newline by the scanner
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = Cc::kUpper;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = Cc::kLower;
  for (int c = '0'; c <= '9'; ++c) t[c] = Cc::kDigit;
  t['\''] = Cc::kApostrophe;
  t['"'] = Cc::kQuote;
  t['`'] = Cc::kQuote;
  t['-'] = Cc::kHyphen;
  t['.'] = Cc::kPeriod;
  t['!'] = Cc::kTerminal;
  t['?'] = Cc::kTerminal;
  t['('] = Cc::kOpen;
  t['['] = Cc::kOpen;
  t['{'] = Cc::kOpen;
  t[')'] = Cc::kClose;
  t[']'] = Cc::kClose;
  t['}'] = Cc::kClose;
  return t;
}
constexpr std::array<Cc, 128> kAsciiClass = MakeAsciiTable();

Cc ClassifyNonAscii(int32_t cp) {
  switch (cp) {
    case 0x00A0:
    case 0x1680:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF:
    case 0x200B:
      return Cc::kSpace;
    case 0x0085:
    case 0x2028:
      return Cc::kNewline;
    case 0x2029:
      return Cc::kParagraph;
    case 0x00AD:
    case 0x200C:
    case 0x200D:
    case 0x200E:
    case 0x200F:
    case 0x2060:
      return Cc::kFormat;
    case 0x2019:
    case 0x02BC:
      return Cc::kApostrophe;
    case 0x201C:
    case 0x2018:
    case 0x201E:
    case 0x201A:
      return Cc::kOpenQuote;
    case 0x201D:
      return Cc::kCloseQuote;
    case 0x201B:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
    case 0x2039:
    case 0x203A:
    case 0x300C:
    case 0x300D:
    case 0x300E:
    case 0x300F:
      return Cc::kQuote;
    case 0x2010:
    case 0x2011:
      return Cc::kHyphen;
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
      return Cc::kDash;
    case 0x2026:
      return Cc::kEllipsis;
    case 0x3002:
    case 0xFF01:
    case 0xFF1F:
    case 0xFF61:
    case 0x203C:
    case 0x2047:
    case 0x2048:
    case 0x2049:
    case 0x061F:
    case 0x0964:
    case 0x0965:
    case 0x06D4:
      return Cc::kTerminal;
    default:
      break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return Cc::kSpace;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
      return Cc::kUpper;
    case UTF8PROC_CATEGORY_LL:
      return Cc::kLower;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return Cc::kLetter;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return Cc::kMark;
    case UTF8PROC_CATEGORY_ND:
      return Cc::kDigit;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_CC:
      return Cc::kSpace;
    case UTF8PROC_CATEGORY_ZL:
      return Cc::kNewline;
    case UTF8PROC_CATEGORY_ZP:
      return Cc::kParagraph;
    case UTF8PROC_CATEGORY_CF:
      return Cc::kFormat;
    case UTF8PROC_CATEGORY_PS:
      return Cc::kOpen;
    case UTF8PROC_CATEGORY_PE:
      return Cc::kClose;
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
      return Cc::kQuote;
    default:
      return Cc::kPunct;
  }
}

struct Ch {
  int32_t cp = 0;
  uint32_t len = 0;  // bytes; 0 only past the end of the text
  Cc cls = Cc::kSpace;
};

inline bool IsWordClass(Cc c) {
  return c == Cc::kUpper || c == Cc::kLower || c == Cc::kLetter || c == Cc::kMark ||
         c == Cc::kDigit;
}
inline bool IsLetterClass(Cc c) { return c == Cc::kUpper || c == Cc::kLower || c == Cc::kLetter; }
inline bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}
inline char AsciiUpper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c; }
inline char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

bool Contains(const std::string_view* begin, const std::string_view* end, std::string_view w) {
  return std::find(begin, end, w) != end;
}

// Words that take a period of their own and precede a name or a number; a following capital
// letter is the name, never a new sentence.
constexpr std::string_view kTitleAbbreviations[] = {
    "Mr",   "Mrs",  "Ms",    "Messrs", "Dr",   "Gen", "Lt",   "Col", "Maj",  "Capt", "Sgt",
    "Cpl",  "Pvt",  "Adm",   "Cmdr",   "Brig", "Sen", "Sens", "Rep", "Reps", "Gov",  "Prof",
    "Rev",  "Hon",  "Pres",  "Supt",   "Insp", "Det", "Mt",   "Ft",  "vs",   "v",    "Fr",
    "Gens", "Cmdr", "Lieut", "Gov",    "Atty", "Amb", "Sec",  "Cdr",
};
// Words that take a period of their own but may also end a sentence ("... Apple Inc. The ...").
// Left out on purpose: abbreviations that are also common words or names ("Sun." for Sunday vs
// The Sun, "Wed.", "Mass.", "Wash.", "Ill.", "Ind.", "Miss.", "Ore.", "Est.").
constexpr std::string_view kOtherAbbreviations[] = {
    "Jan",    "Feb",  "Mar",  "Apr",   "Jun",  "Jul",  "Aug",  "Sep",  "Sept",  "Oct",
    "Nov",    "Dec",  "Inc",  "Corp",  "Ltd",  "Co",   "Cos",  "Jr",   "Sr",    "St",
    "Ave",    "Blvd", "Rd",   "Bros",  "Dept", "Univ", "Assn", "Govt", "etc",   "al",
    "approx", "Nos",  "No",   "Mon",   "Tue",  "Tues", "Thu",  "Thur", "Thurs", "Fri",
    "cf",     "Plc",  "Pty",  "Calif", "Ariz", "Colo", "Fla",  "Mich", "Minn",  "Neb",
    "Nev",    "Okla", "Tenn", "Wis",   "Wyo",  "Kan",  "Md",   "Va",   "Vt",
};
// All-caps forms accepted in all-caps text ("GEN. SMITH"); other all-caps words ending in a
// period are acronyms ("the SEC.", "the FT.", "MS.").
constexpr std::string_view kAllCapsAbbreviations[] = {
    "MR", "MRS", "DR",  "GEN",  "LT",  "COL", "MAJ", "CAPT", "SGT",  "GOV", "SEN", "PROF",
    "JR", "SR",  "INC", "CORP", "LTD", "JAN", "FEB", "AUG",  "SEPT", "OCT", "NOV", "DEC",
};
// Lowercase abbreviations written with inner periods never end a sentence when followed by text.
constexpr std::string_view kNeverFinalDotted[] = {"e.g", "i.e", "E.g", "I.e", "viz", "cf"};

// Capitalised words that usually start a sentence. After an ambiguous abbreviation ("U.S.",
// "Inc.", "a.m.", an initial) a new sentence starts only when one of these follows; a name or
// any other capitalised word continues the sentence ("the U.S. Senate", "George W. Bush").
constexpr std::string_view kSentenceStarters[] = {
    "A",           "ACCORDING", "AFTER",     "ALL",     "ALSO",   "ALTHOUGH", "AN",      "AND",
    "ANOTHER",     "AS",        "AT",        "BECAUSE", "BEFORE", "BOTH",     "BUT",     "BY",
    "DESPITE",     "DURING",    "EACH",      "EARLIER", "EVEN",   "EVERY",    "FOR",     "FROM",
    "FURTHERMORE", "HE",        "HER",       "HERE",    "HIS",    "HOW",      "HOWEVER", "I",
    "IF",          "IN",        "INDEED",    "INSTEAD", "IT",     "ITS",      "LAST",    "LATER",
    "MANY",        "MEANWHILE", "MOREOVER",  "MOST",    "MY",     "NEITHER",  "NO",      "NOT",
    "NOW",         "OF",        "OFFICIALS", "ON",      "ONE",    "ONLY",     "OR",      "OTHER",
    "OUR",         "SHE",       "SINCE",     "SO",      "SOME",   "STILL",    "SUCH",    "THAT",
    "THE",         "THEIR",     "THEN",      "THERE",   "THESE",  "THEY",     "THIS",    "THOSE",
    "THOUGH",      "THUS",      "TO",        "UNDER",   "WE",     "WHAT",     "WHEN",    "WHERE",
    "WHICH",       "WHILE",     "WHO",       "WHY",     "WITH",   "YET",      "YOU",
};

// Words that may appear glued to a dateline place without being one ("YouTube", "PayPal"):
// CamelCase brand names whose first part looks like a capitalised word.
constexpr std::string_view kCamelCaseNames[] = {
    "AstraZeneca",      "BlackBerry",    "BlackRock",     "BlackWater",     "CrowdStrike",
    "DeepMind",         "DreamWorks",    "EasyJet",       "ExxonMobil",     "FedEx",
    "FirstEnergy",      "HarperCollins", "HuffPost",      "JetBlue",        "LinkedIn",
    "MasterCard",       "MicroStrategy", "PayPal",        "PlayStation",    "PowerPoint",
    "RyanAir",          "SoftBank",      "SolarWinds",    "WhatsApp",       "WikiLeaks",
    "YouTube",          "SmartPhone",    "TotalEnergies", "ConocoPhillips", "ArcelorMittal",
    "GlobalFoundries",  "SpaceShip",     "WeChat",        "WeWork",         "TikTok",
    "PetroChina",       "SinoPec",       "MidAmerican",   "NorthWestern",   "SouthWest",
    "GameStop",         "FactCheck",     "PolitiFact",    "CityGroup",      "EuroStat",
    "InterContinental", "JavaScript",    "TypeScript",    "PowerShell",     "GitHub",
    "SharePoint",       "OneDrive",      "FaceTime",      "AirPods",        "AirBnb",
    "DoorDash",         "CoinBase",      "StarLink",      "OpenSea",
};

// Top-level domains that let a period join two words ("bbc.co.uk", "Amazon.com").
constexpr std::string_view kDomainSuffixes[] = {
    "com", "org", "net", "gov", "edu", "int", "mil", "info", "biz", "io", "co", "uk", "ru", "ua",
    "de",  "fr",  "eu",  "us",  "cn",  "jp",  "in",  "au",   "ca",  "it", "es", "il", "ir",
};

// Pronouns after which "'s" is "is"/"has"/"us" rather than a possessive.
constexpr std::string_view kCliticSHosts[] = {
    "he",   "she", "it",   "that", "there", "what",     "who",    "where",  "how",
    "here", "let", "when", "why",  "this",  "everyone", "nobody", "someone"};

template <size_t N>
bool InList(const std::string_view (&list)[N], std::string_view w) {
  return Contains(list, list + N, w);
}

// The word with its first letter upper-cased and the rest lower-cased, for all-caps text
// ("GEN." -> "Gen").
std::string TitleCase(std::string_view w) {
  std::string s(w);
  for (size_t i = 0; i < s.size(); ++i) s[i] = i == 0 ? AsciiUpper(s[i]) : AsciiLower(s[i]);
  return s;
}

bool IsTitleAbbreviation(std::string_view w) {
  if (InList(kTitleAbbreviations, w)) return true;
  return InList(kAllCapsAbbreviations, w) && InList(kTitleAbbreviations, TitleCase(w));
}
bool IsOtherAbbreviation(std::string_view w) {
  if (InList(kOtherAbbreviations, w)) return true;
  return InList(kAllCapsAbbreviations, w) && InList(kOtherAbbreviations, TitleCase(w));
}

// How a token behaves for sentence splitting.
enum class Kind : uint8_t {
  kWordUpper,   // word starting with an upper-case letter
  kWordLower,   // word starting with a lower-case letter
  kWordOther,   // word starting with a digit or a caseless letter
  kClitic,      // split-off 's n't 're ... and the possessive '
  kTerminal,    // . ! ? and runs of them
  kEllipsis,    // ... or U+2026
  kOpen,        // ( [ {
  kClose,       // ) ] }
  kOpenQuote,   // U+201C U+2018
  kCloseQuote,  // U+201D, and ’ used as a quote
  kQuote,       // " ' ` `` '' « »: direction decided by spacing
  kContinuer,   // , ; : % / and dashes: never start a sentence
  kPunct,       // other symbols ($ # * ...)
};

struct TokenAux {
  Kind kind = Kind::kPunct;
  bool space_before = false;    // white space (or the start of text) before the token
  uint8_t newlines_before = 0;  // capped at 2; 2 means a blank line
  bool never_final = false;     // abbreviation that never ends a sentence ("Gen.", "e.g.")
  bool usually_final = false;   // abbreviation that ends a sentence before a capital ("etc.")
};

int32_t DecodeAt(const unsigned char* s, size_t n, size_t pos, uint32_t* len) {
  unsigned char c = s[pos];
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  utf8proc_int32_t cp = -1;
  utf8proc_ssize_t r = utf8proc_iterate(s + pos, static_cast<utf8proc_ssize_t>(n - pos), &cp);
  if (r <= 0 || cp < 0) {
    // Invalid UTF-8 is outside the contract; treat the byte as a symbol so offsets stay sane.
    *len = 1;
    return 0xFFFD;
  }
  *len = static_cast<uint32_t>(r);
  return cp;
}

class Analyzer {
 public:
  Analyzer(std::string_view text, AnalyzedText* out)
      : text_(text),
        s_(reinterpret_cast<const unsigned char*>(text.data())),
        n_(text.size()),
        out_(out) {}

  void Run() {
    out_->tokens.clear();
    out_->sentences.clear();
    out_->dateline.reset();
    out_->forced_splits = 0;
    if (n_ == 0) return;
    out_->tokens.reserve(n_ / 5 + 8);
    aux_.reserve(n_ / 5 + 8);
    size_t start = DetectDateline();
    Tokenize(start);
    SplitSentences();
  }

 private:
  Ch At(size_t pos) const {
    Ch c;
    if (pos >= n_) return c;
    unsigned char b = s_[pos];
    if (b < 0x80) {
      c.cp = b;
      c.len = 1;
      c.cls = kAsciiClass[b];
      return c;
    }
    c.cp = DecodeAt(s_, n_, pos, &c.len);
    c.cls = ClassifyNonAscii(c.cp);
    return c;
  }

  // ---------------------------------------------------------------- datelines

  // Scans capitalised words separated by single spaces starting at `pos` (at most 5 words).
  // Returns the end of the last word, or `pos` when no word starts there. *all_caps is set when
  // every letter is upper case.
  size_t ScanPlaceWords(size_t pos, bool* all_caps, std::string_view* last_word) const {
    size_t end = pos;
    size_t p = pos;
    *all_caps = true;
    for (int words = 0; words < 5; ++words) {
      Ch c = At(p);
      if (c.cls != Cc::kUpper) break;
      size_t wb = p;
      size_t q = p;
      while (q < n_) {
        Ch d = At(q);
        if (IsWordClass(d.cls) && d.cls != Cc::kDigit) {
          if (d.cls == Cc::kLower) *all_caps = false;
          q += d.len;
        } else if ((d.cls == Cc::kHyphen || d.cls == Cc::kApostrophe || d.cp == '.') &&
                   IsLetterClass(At(q + d.len).cls)) {
          q += d.len;
        } else if (d.cp == '.' && q > wb) {  // "St." in "ST. PETERSBURG"
          q += 1;
          break;
        } else {
          break;
        }
      }
      end = q;
      *last_word = text_.substr(wb, q - wb);
      if (q < n_ && s_[q] == ' ' && At(q + 1).cls == Cc::kUpper) {
        p = q + 1;
      } else {
        break;
      }
    }
    return end;
  }

  // Length of a dash that may end a dateline at `pos` ("-", "--", U+2013, U+2014), or 0.
  size_t DashAt(size_t pos, bool* strong) const {
    Ch c = At(pos);
    if (c.cls == Cc::kDash) {
      *strong = true;
      return c.len;
    }
    if (c.cp == '-') {
      size_t q = pos;
      while (q < n_ && s_[q] == '-') ++q;
      *strong = q - pos >= 2;
      return q - pos;
    }
    return 0;
  }

  size_t SkipSpaces(size_t pos, bool allow_newline) const {
    while (pos < n_) {
      Ch c = At(pos);
      if (c.cls == Cc::kSpace || (allow_newline && c.cls == Cc::kNewline)) {
        pos += c.len;
      } else {
        break;
      }
    }
    return pos;
  }

  // Recognises a dateline at the start of the text and returns where the body starts
  // (0 when there is none).
  size_t DetectDateline() {
    size_t p0 = SkipSpaces(0, true);
    if (p0 >= n_) return 0;
    if (size_t body = DetectGluedDateline(p0)) return body;

    bool all_caps = false;
    std::string_view last_word;
    size_t place_end = ScanPlaceWords(p0, &all_caps, &last_word);
    if (place_end == p0) return 0;
    if (last_word.size() == 0) return 0;
    {
      // "In Moscow --" is a sentence, "The Hague --" a place.
      std::string_view words = text_.substr(p0, place_end - p0);
      size_t first_space = words.find(' ');
      std::string first(words.substr(0, first_space));
      std::string last(last_word);
      for (char& ch : first) ch = AsciiUpper(ch);
      for (char& ch : last) ch = AsciiUpper(ch);
      if (InList(kSentenceStarters, last)) return 0;
      if (first != "THE" && InList(kSentenceStarters, first)) return 0;
    }
    size_t p = place_end;
    bool has_comma_part = false;
    // ", Ukraine", ", Feb 6", ", Feb. 6, 2024": capitalised words and numbers only.
    if (p < n_ && s_[p] == ',') {
      size_t q = p + 1;
      size_t limit = std::min(n_, p + 64);
      bool ok = false;
      while (q < limit) {
        q = SkipSpaces(q, false);
        Ch c = At(q);
        if (c.cls != Cc::kUpper && c.cls != Cc::kDigit) break;
        while (q < n_) {
          Ch d = At(q);
          if (IsWordClass(d.cls) || d.cp == '.' || d.cls == Cc::kHyphen) {
            q += d.len;
          } else {
            break;
          }
        }
        ok = true;
        if (q < n_ && s_[q] == ',') {
          ++q;
          continue;
        }
        if (q < n_ && s_[q] == ' ' && q + 1 < n_ &&
            (At(q + 1).cls == Cc::kUpper || At(q + 1).cls == Cc::kDigit)) {
          continue;
        }
        break;
      }
      if (!ok || q >= limit) return 0;
      p = q;
      has_comma_part = true;
    }
    size_t q = SkipSpaces(p, false);
    bool has_agency = false;
    if (q < n_ && s_[q] == '(' && At(q + 1).cls == Cc::kUpper) {
      size_t close = q + 1;
      size_t limit = std::min(n_, q + 48);
      while (close < limit && s_[close] != ')' && s_[close] != '(' && s_[close] != '\n') ++close;
      if (close >= limit || s_[close] != ')') return 0;
      has_agency = true;
      q = close + 1;
    }
    size_t after_agency = has_agency ? q : p;
    q = SkipSpaces(q, true);
    bool strong = false;
    size_t dash = DashAt(q, &strong);
    size_t body = 0;
    if (dash > 0) {
      bool spaced_before = q > after_agency || has_agency;
      size_t after = q + dash;
      Ch next = At(after);
      if (next.cls == Cc::kSpace || next.cls == Cc::kNewline) {
        // "MOSCOW (Reuters) -", "Kyiv --", "KYIV, Ukraine -": a single hyphen after a
        // mixed-case word alone ("Russia - Ukraine talks") is too ambiguous.
        if (!spaced_before && !strong) return 0;
        if (!strong && !has_agency && !has_comma_part && !all_caps) return 0;
        body = SkipSpaces(after, true);
      } else if (strong && At(after).cls == Cc::kUpper && dash == At(q).len &&
                 At(q).cls == Cc::kDash) {
        body = after;  // AP style "WASHINGTON—The"
      } else {
        return 0;
      }
    } else if (has_agency && (all_caps || has_comma_part)) {
      // "Kyiv, Ukraine (CNN) The ..." or "(CNN)The": the agency alone closes the dateline.
      size_t b = SkipSpaces(after_agency, true);
      if (At(b).cls != Cc::kUpper && At(b).cls != Cc::kOpenQuote && At(b).cls != Cc::kQuote) {
        return 0;
      }
      body = b;
    } else {
      return 0;
    }
    if (body - p0 > 120 || body >= n_) return 0;
    if (At(body).cls == Cc::kLower) return 0;  // "In Moscow -- a city of 12 million --"
    Dateline d;
    d.begin = static_cast<uint32_t>(p0);
    d.end = static_cast<uint32_t>(place_end);
    d.place.assign(text_.substr(p0, place_end - p0));
    out_->dateline = std::move(d);
    return body;
  }

  // "MoscowAnother assassination attempt": a capitalised place (4+ letters) glued to the first
  // word of the body, which is a capitalised word with no further capitals. Returns the start of
  // the body, or 0.
  size_t DetectGluedDateline(size_t p0) {
    Ch c = At(p0);
    if (c.cls != Cc::kUpper) return 0;
    size_t q = p0 + c.len;
    int lower = 0;
    while (q < n_) {
      Ch d = At(q);
      if (d.cls != Cc::kLower) break;
      ++lower;
      q += d.len;
    }
    if (lower < 3) return 0;
    size_t split = q;
    Ch u = At(split);
    if (u.cls != Cc::kUpper) return 0;
    size_t r = split + u.len;
    int tail_lower = 0;
    while (r < n_) {
      Ch d = At(r);
      if (d.cls != Cc::kLower) break;
      ++tail_lower;
      r += d.len;
    }
    Ch after = At(r);
    if (IsWordClass(after.cls) || after.cls == Cc::kHyphen) return 0;  // more capitals/digits
    if (tail_lower == 0 && !(u.cp == 'A' || u.cp == 'I')) return 0;    // "SpaceX"
    if (after.len == 0) return 0;                                      // the whole text is one word
    std::string_view whole = text_.substr(p0, r - p0);
    for (std::string_view name : kCamelCaseNames) {
      if (EqualsIgnoreCase(name, whole)) return 0;
    }
    // A name written in CamelCase ("WorldCom", "DaimlerChrysler") comes back later in the text;
    // a glued dateline does not.
    if (text_.find(whole, r) != std::string_view::npos) return 0;
    // A glued dateline starts a paragraph of running text, not a headline: its line has
    // sentence-final punctuation.
    size_t line_end = text_.find('\n', r);
    std::string_view line =
        text_.substr(r, line_end == std::string_view::npos ? n_ - r : line_end - r);
    if (line.find_first_of(".!?") == std::string_view::npos) return 0;
    Dateline d;
    d.begin = static_cast<uint32_t>(p0);
    d.end = static_cast<uint32_t>(split);
    d.place.assign(text_.substr(p0, split - p0));
    out_->dateline = std::move(d);
    return split;
  }

  // ---------------------------------------------------------------- tokens

  // Appends a token (its norm empty) and its aux record; returns the token.
  Token& NewToken(size_t begin, size_t end, uint16_t flags, Kind kind) {
    Token& t = out_->tokens.emplace_back();
    t.begin = static_cast<uint32_t>(begin);
    t.end = static_cast<uint32_t>(end);
    t.flags = flags;
    TokenAux& a = aux_.emplace_back();
    a.kind = kind;
    a.space_before = space_pending_;
    a.newlines_before = static_cast<uint8_t>(std::min(newlines_pending_, 2));
    space_pending_ = false;
    newlines_pending_ = 0;
    return t;
  }

  void Emit(size_t begin, size_t end, std::string norm, uint16_t flags, Kind kind) {
    NewToken(begin, end, flags, kind).norm = std::move(norm);
  }

  // Writes the norm of [begin, end) into *norm (in place: a word's norm is built in its token).
  void NormInto(size_t begin, size_t end, bool ascii, std::string* norm) const {
    std::string_view w = text_.substr(begin, end - begin);
    if (!ascii) {
      *norm = NormalizeWord(w);
      // A lone combining mark normalises to nothing; a token's norm is never empty.
      if (norm->empty()) norm->assign(w);
      return;
    }
    norm->assign(w);
    for (char& ch : *norm) ch = AsciiUpper(ch);
  }

  std::string NormOf(size_t begin, size_t end, bool ascii) const {
    std::string norm;
    NormInto(begin, end, ascii, &norm);
    return norm;
  }

  void Tokenize(size_t start) {
    size_t p = start;
    space_pending_ = true;
    newlines_pending_ = 0;
    while (p < n_) {
      Ch c = At(p);
      switch (c.cls) {
        case Cc::kSpace:
        case Cc::kFormat:
          space_pending_ = true;
          p += c.len;
          break;
        case Cc::kNewline:
          space_pending_ = true;
          if (c.cp == '\r' && p + 1 < n_ && s_[p + 1] == '\n') {
            p += 1;  // the '\n' that follows counts
            break;
          }
          ++newlines_pending_;
          if (newlines_pending_ >= 2) open_single_quote_ = false;
          p += c.len;
          break;
        case Cc::kParagraph:
          open_single_quote_ = false;
          space_pending_ = true;
          newlines_pending_ += 2;
          p += c.len;
          break;
        case Cc::kUpper:
        case Cc::kLower:
        case Cc::kLetter:
        case Cc::kMark:
        case Cc::kDigit:
          p = ScanWord(p);
          break;
        default:
          p = ScanPunct(p, c);
          break;
      }
    }
  }

  size_t ScanPunct(size_t p, Ch c) {
    size_t end = p + c.len;
    switch (c.cls) {
      case Cc::kPeriod: {
        while (end < n_ && s_[end] == '.') ++end;
        if (end - p == 1) {
          Emit(p, end, ".", kPunct, Kind::kTerminal);
        } else {
          Emit(p, end, std::string(text_.substr(p, end - p)), kPunct, Kind::kEllipsis);
        }
        return end;
      }
      case Cc::kEllipsis:
        Emit(p, end, "...", kPunct, Kind::kEllipsis);
        return end;
      case Cc::kTerminal: {
        if (c.cp == '!' || c.cp == '?') {
          while (end < n_ && (s_[end] == '!' || s_[end] == '?')) ++end;
          Emit(p, end, std::string(text_.substr(p, end - p)), kPunct, Kind::kTerminal);
        } else {
          Emit(p, end, NormalizeWord(text_.substr(p, end - p)), kPunct, Kind::kTerminal);
        }
        return end;
      }
      case Cc::kHyphen: {
        if (c.cp == '-') {
          while (end < n_ && s_[end] == '-') ++end;
          Emit(p, end, std::string(text_.substr(p, end - p)), kPunct, Kind::kContinuer);
        } else {
          Emit(p, end, "-", kPunct, Kind::kContinuer);
        }
        return end;
      }
      case Cc::kDash:
        Emit(p, end, c.cp == 0x2014 || c.cp == 0x2015 ? "--" : "-", kPunct, Kind::kContinuer);
        return end;
      case Cc::kApostrophe: {
        // A straight single quote before a word after white space opens a quotation, whose
        // closing quote must not be taken for a plural possessive ("'Talks' failed").
        if (space_pending_ && IsWordClass(At(end).cls)) {
          open_single_quote_ = true;
        } else if (!space_pending_) {
          open_single_quote_ = false;  // glued to the word before: it closes
        }
        if (c.cp == '\'' && end < n_ && s_[end] == '\'') {
          Emit(p, end + 1, "\"", kPunct | kQuote, Kind::kQuote);  // PTB-style ''
          return end + 1;
        }
        Emit(p, end, "'", kPunct | kQuote, c.cp == '\'' ? Kind::kQuote : Kind::kCloseQuote);
        return end;
      }
      case Cc::kQuote: {
        if (c.cp == '`' && end < n_ && s_[end] == '`') {
          Emit(p, end + 1, "\"", kPunct | kQuote, Kind::kOpenQuote);  // PTB-style ``
          return end + 1;
        }
        const char* norm =
            (c.cp == '`' || c.cp == 0x2039 || c.cp == 0x203A || c.cp == 0x201B) ? "'" : "\"";
        Emit(p, end, norm, kPunct | kQuote, c.cp == '`' ? Kind::kOpenQuote : Kind::kQuote);
        return end;
      }
      case Cc::kOpenQuote:
        if (c.cp == 0x2018) open_single_quote_ = true;
        Emit(p, end, c.cp == 0x2018 || c.cp == 0x201A ? "'" : "\"", kPunct | kQuote,
             Kind::kOpenQuote);
        return end;
      case Cc::kCloseQuote:
        Emit(p, end, "\"", kPunct | kQuote, Kind::kCloseQuote);
        return end;
      case Cc::kOpen:
        Emit(p, end, NormOf(p, end, c.len == 1), kPunct, Kind::kOpen);
        return end;
      case Cc::kClose:
        Emit(p, end, NormOf(p, end, c.len == 1), kPunct, Kind::kClose);
        return end;
      default: {
        Kind kind = Kind::kPunct;
        if (c.cp == ',' || c.cp == ';' || c.cp == ':' || c.cp == '%' || c.cp == '/' ||
            c.cp == 0x060C || c.cp == 0x3001 || c.cp == 0xFF0C) {
          kind = Kind::kContinuer;
        }
        if (c.cp == 0x2212) {
          Emit(p, end, "-", kPunct, kind);
        } else {
          Emit(p, end, NormOf(p, end, c.len == 1), kPunct, kind);
        }
        return end;
      }
    }
  }

  // A URL starting at p ("http://", "https://", "www."), or 0.
  size_t UrlEnd(size_t p) const {
    auto starts = [&](std::string_view prefix) {
      if (n_ - p < prefix.size()) return false;
      for (size_t i = 0; i < prefix.size(); ++i) {
        if (AsciiLower(static_cast<char>(s_[p + i])) != prefix[i]) return false;
      }
      return true;
    };
    size_t q;
    if (starts("http://")) {
      q = p + 7;
    } else if (starts("https://")) {
      q = p + 8;
    } else if (starts("www.") && p + 4 < n_ && IsAsciiAlnum(s_[p + 4])) {
      q = p + 4;
    } else {
      return 0;
    }
    size_t body = q;
    while (q < n_) {
      unsigned char b = s_[q];
      if (b <= ' ' || b >= 0x80 || b == '"' || b == '<' || b == '>' || b == 0x7F) break;
      ++q;
    }
    // Trailing punctuation belongs to the sentence; a ')' stays when the URL opened one.
    while (q > body) {
      unsigned char b = s_[q - 1];
      if (b == ')') {
        size_t open = 0, close = 0;
        for (size_t i = p; i < q; ++i) {
          open += s_[i] == '(';
          close += s_[i] == ')';
        }
        if (close > open) {
          --q;
          continue;
        }
        break;
      }
      if (std::strchr(".,;:!?'\"]}*", b) != nullptr) {
        --q;
        continue;
      }
      break;
    }
    return q > body ? q : 0;
  }

  // An e-mail address starting at p, or 0. Checked only for ASCII words.
  size_t EmailEnd(size_t p) {
    // Most texts have no '@' (left): remember where the next one is instead of scanning every
    // word for it.
    if (p < at_searched_from_ || (next_at_ != std::string_view::npos && next_at_ < p)) {
      next_at_ = text_.find('@', p);
      at_searched_from_ = p;
    }
    if (next_at_ == std::string_view::npos) return 0;
    size_t q = p;
    auto local = [](unsigned char b) {
      return IsAsciiAlnum(b) || b == '.' || b == '_' || b == '%' || b == '+' || b == '-';
    };
    while (q < n_ && local(s_[q])) ++q;
    if (q >= n_ || s_[q] != '@' || q == p) return 0;
    size_t d = q + 1;
    size_t last_good = 0;
    bool dot = false;
    while (d < n_) {
      unsigned char b = s_[d];
      if (IsAsciiAlnum(b) || b == '-') {
        ++d;
        if (dot && IsAsciiAlnum(b)) last_good = d;
      } else if (b == '.' && d + 1 < n_ && IsAsciiAlnum(s_[d + 1]) && s_[d - 1] != '.' &&
                 d > q + 1) {
        dot = true;
        ++d;
      } else {
        break;
      }
    }
    return last_good;
  }

  // Length in bytes of the run of letters starting at p (ASCII and non-ASCII letters).
  size_t LetterRunEnd(size_t p) const {
    while (p < n_) {
      Ch c = At(p);
      if (!IsLetterClass(c.cls) && c.cls != Cc::kMark) break;
      p += c.len;
    }
    return p;
  }

  // Number of letters in the run starting at p (stops at anything else).
  int LetterRunCount(size_t p, size_t* end) const {
    int count = 0;
    while (p < n_) {
      Ch c = At(p);
      if (!IsLetterClass(c.cls)) break;
      ++count;
      p += c.len;
    }
    *end = p;
    return count;
  }

  struct WordStats {
    bool ascii = true;
    int letters = 0;
    int uppers = 0;
    bool has_digit = false;
    bool first_letter_seen = false;
    bool first_letter_upper = false;
    bool hyphen = false;
    bool short_periods = false;  // joined by "U.S"-style periods
    bool domain = false;         // joined by a domain period ("bbc.co")
    bool other_join = false;     // joined by , : & or a decimal point
    Cc first_cls = Cc::kLower;
  };

  static void Count(WordStats* st, const Ch& c) {
    if (c.len > 1) st->ascii = false;
    if (IsLetterClass(c.cls)) {
      ++st->letters;
      if (c.cls == Cc::kUpper) ++st->uppers;
      if (!st->first_letter_seen) {
        st->first_letter_seen = true;
        st->first_letter_upper = c.cls == Cc::kUpper;
      }
    } else if (c.cls == Cc::kDigit) {
      st->has_digit = true;
    }
  }

  static uint16_t WordFlags(const WordStats& st) {
    uint16_t f = 0;
    if (st.letters > 0) {
      f |= kWord;
      if (st.first_letter_upper) f |= kCapitalized;
      if (st.letters >= 2 && st.uppers == st.letters) f |= kAllCaps;
    } else if (st.has_digit) {
      f |= kNumber;
    } else {
      f |= kPunct;  // a lone combining mark
    }
    if (st.hyphen) f |= kHyphenated;
    return f;
  }

  Kind WordKind(const WordStats& st) const {
    if (st.first_cls == Cc::kUpper) return Kind::kWordUpper;
    if (st.first_cls == Cc::kLower) return Kind::kWordLower;
    return Kind::kWordOther;
  }

  void EmitWord(size_t begin, size_t end, const WordStats& st, uint16_t extra, bool never_final) {
    Token& t = NewToken(begin, end, WordFlags(st) | extra, WordKind(st));
    NormInto(begin, end, st.ascii, &t.norm);
    aux_.back().never_final = never_final;
  }

  // Emits the clitic token [begin, end) ("'s", "n't", "'ll", "’s").
  void EmitClitic(size_t begin, size_t end, uint16_t flag) {
    bool ascii = true;
    int letters = 0, uppers = 0;
    for (size_t i = begin; i < end; ++i) {
      if (s_[i] >= 0x80) {
        ascii = false;
      } else if (IsAsciiAlnum(s_[i])) {
        ++letters;
        uppers += s_[i] >= 'A' && s_[i] <= 'Z';
      }
    }
    uint16_t f = kWord | flag;
    if (uppers > 0 && s_[begin] != '\'' && s_[begin] < 0x80) f |= kCapitalized;  // "N'T"
    if (letters >= 2 && uppers == letters) f |= kAllCaps;
    NormInto(begin, end, ascii, &NewToken(begin, end, f, Kind::kClitic).norm);
    space_pending_ = false;
  }

  // Scans a word starting at p (a letter, digit or mark) and emits it, splitting clitics.
  size_t ScanWord(size_t p) {
    const size_t begin = p;
    unsigned char b0 = s_[p];
    if (b0 < 0x80) {
      if (b0 == 'h' || b0 == 'H' || b0 == 'w' || b0 == 'W') {
        if (size_t u = UrlEnd(p)) {
          // URLs and e-mail addresses are single words that may start a sentence.
          Emit(begin, u, NormOf(begin, u, true), kWord, Kind::kWordOther);
          return u;
        }
      }
      if (size_t e = EmailEnd(p)) {
        Emit(begin, e, NormOf(begin, e, true), kWord, Kind::kWordOther);
        return e;
      }
    }
    WordStats st;
    Ch first = At(p);
    st.first_cls = first.cls;
    int seg_letters = 0;  // letters since the start or the last joining period
    bool seg_all_letters = true;
    bool only_digits_so_far = true;  // no letters yet and no joins other than number separators
    Cc prev = Cc::kSpace;
    size_t prev_begin = p;
    while (p < n_) {
      // The bulk of every word: an ASCII letter or digit, counted as the general branch below
      // (Count() and all) counts it, without decoding.
      if (const unsigned char b = s_[p]; b < 0x80) {
        if (b >= 'a' && b <= 'z') {
          // A run of lower-case letters, counted at once.
          size_t q = p + 1;
          while (q < n_ && s_[q] >= 'a' && s_[q] <= 'z') ++q;
          const int run = static_cast<int>(q - p);
          st.letters += run;
          if (!st.first_letter_seen) {
            st.first_letter_seen = true;
            st.first_letter_upper = false;
          }
          seg_letters += run;
          only_digits_so_far = false;
          prev = Cc::kLower;
          prev_begin = q - 1;
          p = q;
          continue;
        }
        const Cc cls = kAsciiClass[b];
        if (cls == Cc::kLower || cls == Cc::kUpper) {
          ++st.letters;
          if (cls == Cc::kUpper) ++st.uppers;
          if (!st.first_letter_seen) {
            st.first_letter_seen = true;
            st.first_letter_upper = cls == Cc::kUpper;
          }
          ++seg_letters;
          only_digits_so_far = false;
          prev = cls;
          prev_begin = p;
          ++p;
          continue;
        }
        if (cls == Cc::kDigit) {
          st.has_digit = true;
          seg_all_letters = false;
          prev = cls;
          prev_begin = p;
          ++p;
          continue;
        }
      }
      Ch c = At(p);
      if (IsWordClass(c.cls) || (c.cls == Cc::kFormat && p > begin)) {
        if (c.cls == Cc::kFormat) {
          // Soft hyphens and joiners stay inside a word only when a word character follows.
          Ch nx = At(p + c.len);
          if (!IsWordClass(nx.cls)) break;
          st.ascii = false;
          p += c.len;
          continue;
        }
        Count(&st, c);
        if (IsLetterClass(c.cls)) {
          ++seg_letters;
          only_digits_so_far = false;
        } else if (c.cls == Cc::kDigit) {
          seg_all_letters = false;
        }
        prev = c.cls;
        prev_begin = p;
        p += c.len;
        continue;
      }
      // White space (most words end there) joins nothing: none of the cases below applies.
      if (c.cls == Cc::kSpace || c.cls == Cc::kNewline) break;
      const bool prev_word = IsWordClass(prev);
      if (!prev_word) break;
      Ch nx = At(p + c.len);
      const size_t after = p + c.len;
      if (c.cls == Cc::kHyphen) {
        if (IsWordClass(nx.cls) && nx.cls != Cc::kMark) {
          st.hyphen = true;
          if (c.len > 1) st.ascii = false;
          only_digits_so_far = false;
          seg_letters = 0;
          seg_all_letters = true;
          prev = Cc::kHyphen;
          p = after;
          continue;
        }
        break;
      }
      if (c.cp == '.') {
        if (prev == Cc::kDigit && nx.cls == Cc::kDigit && only_digits_so_far) {
          st.other_join = true;  // 3.5, 192.168.0.1
          prev = Cc::kPeriod;
          p = after;
          continue;
        }
        if (IsLetterClass(prev) && IsLetterClass(nx.cls) && seg_all_letters) {
          size_t next_end;
          int next_letters = LetterRunCount(after, &next_end);
          Ch after_next = At(next_end);
          bool next_is_segment_end = !IsWordClass(after_next.cls);
          if (seg_letters <= 2 && next_letters <= 2 && !st.domain && next_is_segment_end) {
            st.short_periods = true;  // U.S, e.g, a.m, Ph.D
            seg_letters = 0;
            prev = Cc::kPeriod;
            p = after;
            continue;
          }
          if (next_is_segment_end && after_next.cls != Cc::kHyphen &&
              InList(kDomainSuffixes, text_.substr(after, next_end - after))) {
            st.domain = true;  // bbc.co.uk, Amazon.com
            seg_letters = 0;
            prev = Cc::kPeriod;
            p = after;
            continue;
          }
        }
        // A period right after the word: does it belong to the word?
        if (IsAbbreviationPeriod(begin, p, st, after)) {
          size_t end = after;
          // "U.S.-led": the hyphenated word goes on.
          Ch h = At(end);
          if (h.cls == Cc::kHyphen && IsWordClass(At(end + h.len).cls)) {
            st.hyphen = true;
            seg_letters = 0;
            seg_all_letters = true;
            prev = Cc::kHyphen;
            p = end + h.len;
            continue;
          }
          std::string_view w = text_.substr(begin, p - begin);
          // "No." took its period only because a number follows ("No. 10").
          bool never_final = IsTitleAbbreviation(w) || InList(kNeverFinalDotted, w) || w == "No" ||
                             w == "NO" || w == "Nos";
          EmitWord(begin, end, st, kAbbreviation, never_final);
          // "etc." before a capitalised word ends the sentence whatever the word is.
          aux_.back().usually_final = w == "etc";
          return end;
        }
        break;
      }
      if (c.cp == ',' && prev == Cc::kDigit && only_digits_so_far) {
        // 1,400 and 2,000,000: exactly three digits follow.
        size_t q = after;
        int digits = 0;
        while (q < n_ && s_[q] >= '0' && s_[q] <= '9') {
          ++digits;
          ++q;
        }
        if (digits == 3 && !IsWordClass(At(q).cls)) {
          st.other_join = true;
          prev = Cc::kPunct;
          p = after;
          continue;
        }
        break;
      }
      if (c.cp == ':' && prev == Cc::kDigit && only_digits_so_far && !st.other_join &&
          p - begin <= 2) {
        // 10:30
        if (after + 2 <= n_ && s_[after] >= '0' && s_[after] <= '9' && s_[after + 1] >= '0' &&
            s_[after + 1] <= '9' && !IsWordClass(At(after + 2).cls)) {
          st.other_join = true;
          prev = Cc::kPunct;
          p = after;
          continue;
        }
        break;
      }
      if (c.cp == '&' && prev == Cc::kUpper && nx.cls == Cc::kUpper && st.letters <= 3 &&
          st.uppers == st.letters) {
        // AT&T, S&P, M&A
        size_t q = after;
        while (q < n_ && s_[q] >= 'A' && s_[q] <= 'Z') ++q;
        if (q - after <= 3 && !IsWordClass(At(q).cls)) {
          st.other_join = true;
          prev = Cc::kPunct;
          p = after;
          continue;
        }
        break;
      }
      if (c.cls == Cc::kApostrophe) {
        if (IsLetterClass(nx.cls)) {
          size_t rest_end = LetterRunEnd(after);
          if (!IsWordClass(At(rest_end).cls)) {
            std::string_view rest = text_.substr(after, rest_end - after);
            if (EqualsIgnoreCase(rest, "s")) {
              std::string lower(text_.substr(begin, p - begin));
              for (char& ch : lower) ch = AsciiLower(ch);
              uint16_t flag = InList(kCliticSHosts, lower) ? kClitic : kPossessive;
              EmitWord(begin, p, st, 0, false);
              EmitClitic(p, rest_end, flag);
              return rest_end;
            }
            if (EqualsIgnoreCase(rest, "re") || EqualsIgnoreCase(rest, "ve") ||
                EqualsIgnoreCase(rest, "ll") || EqualsIgnoreCase(rest, "d") ||
                EqualsIgnoreCase(rest, "m")) {
              EmitWord(begin, p, st, 0, false);
              EmitClitic(p, rest_end, kClitic);
              return rest_end;
            }
            if (EqualsIgnoreCase(rest, "t") && (s_[prev_begin] == 'n' || s_[prev_begin] == 'N') &&
                prev_begin > begin) {
              // don't -> do n't; can't -> ca n't (as in the Penn and UD treebanks)
              WordStats host;
              host.first_cls = st.first_cls;
              for (size_t i = begin; i < prev_begin;) {
                Ch h = At(i);
                Count(&host, h);
                i += h.len;
              }
              host.hyphen = st.hyphen;
              EmitWord(begin, prev_begin, host, 0, false);
              EmitClitic(prev_begin, rest_end, kClitic);
              return rest_end;
            }
          }
          // O'Brien, Qa'ida: the apostrophe is part of the word.
          if (c.len > 1) st.ascii = false;
          only_digits_so_far = false;
          seg_all_letters = false;
          prev = Cc::kApostrophe;
          p = after;
          continue;
        }
        // "the ministers' meeting": a bare possessive after a plural in s.
        if ((s_[prev_begin] == 's' || s_[prev_begin] == 'S') && nx.cls == Cc::kSpace &&
            IsWordClass(At(after + nx.len).cls) && !open_single_quote_) {
          EmitWord(begin, p, st, 0, false);
          Emit(p, after, "'S", kPossessive, Kind::kClitic);
          space_pending_ = false;
          return after;
        }
        break;
      }
      break;
    }
    EmitWord(begin, p, st, 0, false);
    return p;
  }

  // True when the period at `dot` (right after the word [begin, dot)) belongs to the word.
  bool IsAbbreviationPeriod(size_t begin, size_t dot, const WordStats& st, size_t after) const {
    if (after < n_ && s_[after] == '.') return false;  // an ellipsis follows
    if (st.has_digit || st.letters == 0 || st.domain || st.other_join) return false;
    std::string_view w = text_.substr(begin, dot - begin);
    if (st.short_periods) return true;
    if (st.letters == 1 && st.uppers == 1 && !st.hyphen) return true;  // initial: "George W. Bush"
    if (st.hyphen || !st.ascii) return false;
    if (w == "No" || w == "NO" || w == "Nos" || w == "no") {
      // "No. 10" but not "he said no."
      size_t q = after;
      while (q < n_ && s_[q] == ' ') ++q;
      return q < n_ && s_[q] >= '0' && s_[q] <= '9' && w != "no";
    }
    return IsTitleAbbreviation(w) || IsOtherAbbreviation(w);
  }

  // ---------------------------------------------------------------- sentences

  static constexpr uint32_t kMaxSentenceTokens = 400;

  bool IsStarter(size_t i) const {
    const Token& t = out_->tokens[i];
    if (!t.has(kCapitalized)) return false;
    return InList(kSentenceStarters, t.norm);
  }

  // Whether a sentence may start at token `i` after a sentence-final mark.
  bool CanStartSentence(size_t i) const {
    switch (aux_[i].kind) {
      case Kind::kWordUpper:
      case Kind::kWordOther:
      case Kind::kOpen:
      case Kind::kOpenQuote:
      case Kind::kQuote:
      case Kind::kPunct:
      case Kind::kEllipsis:
        return true;
      default:
        return false;
    }
  }

  // The last token of a bracketed reference mark starting at token i ("[12]", "[1 - 3]",
  // "[7, 9]") on the same line, or 0.
  size_t CitationEnd(size_t i) const {
    const auto& toks = out_->tokens;
    if (i >= toks.size() || aux_[i].newlines_before > 0 || toks[i].norm != "[") return 0;
    for (size_t j = i + 1; j < toks.size() && j < i + 8; ++j) {
      if (aux_[j].newlines_before > 0) return 0;
      if (toks[j].norm == "]") return j > i + 1 ? j : 0;
      if (!toks[j].has(kNumber) && toks[j].norm != "," && toks[j].norm != "-" &&
          toks[j].norm != "--") {
        return 0;
      }
    }
    return 0;
  }

  bool IsClosing(size_t i) const {
    Kind k = aux_[i].kind;
    if (k == Kind::kClose || k == Kind::kCloseQuote) return true;
    // A straight quote glued to the preceding mark closes the quotation: `."`
    return k == Kind::kQuote && !aux_[i].space_before;
  }

  void CloseSentence(uint32_t first, uint32_t last) {
    Sentence s;
    s.first_token = first;
    s.end_token = last + 1;
    s.begin = out_->tokens[first].begin;
    s.end = out_->tokens[last].end;
    out_->tokens[first].flags |= kSentenceStart;
    out_->sentences.push_back(s);
  }

  void SplitSentences() {
    const size_t n = out_->tokens.size();
    if (n == 0) return;
    uint32_t first = 0;
    for (size_t i = 0; i < n; ++i) {
      if (i + 1 >= n) break;
      if (aux_[i + 1].newlines_before >= 2) {  // blank line: a paragraph or a headline ends
        CloseSentence(first, static_cast<uint32_t>(i));
        first = static_cast<uint32_t>(i + 1);
        continue;
      }
      const Kind k = aux_[i].kind;
      const bool abbreviation = out_->tokens[i].has(kAbbreviation);
      if (k == Kind::kTerminal || k == Kind::kEllipsis || abbreviation) {
        size_t j = i;
        // Runs of marks (". . .", "?!") and closing quotes or brackets glued to them.
        while (j + 1 < n && aux_[j + 1].newlines_before < 2 &&
               (aux_[j + 1].kind == Kind::kTerminal ||
                (aux_[j + 1].kind == Kind::kEllipsis && aux_[j + 1].space_before == false))) {
          ++j;
        }
        bool closed = false;
        while (j + 1 < n && aux_[j + 1].newlines_before == 0 && IsClosing(j + 1)) {
          ++j;
          closed = true;
        }
        // Reference marks after the full stop belong to the sentence they cite: "... bias. [11]"
        if (size_t end = CitationEnd(j + 1); end > 0) j = end;
        bool boundary = false;
        if (j + 1 < n && k == Kind::kTerminal && j == i && i == first + 1 &&
            out_->tokens[first].has(kNumber) && aux_[first].newlines_before > 0 &&
            out_->tokens[i].end - out_->tokens[i].begin == 1) {
          // "4. A compound consists of ...": a numbered list item at the start of a line.
        } else if (j + 1 < n) {
          const size_t next = j + 1;
          const bool only_abbrev = abbreviation && j == i;
          if (aux_[next].newlines_before >= 1) {
            boundary = true;  // the line ends with sentence-final punctuation
          } else if (only_abbrev && !closed && !aux_[i].usually_final) {
            boundary = !aux_[i].never_final && IsStarter(next);
          } else {
            boundary = CanStartSentence(next);
            if (k == Kind::kEllipsis && j == i && aux_[next].kind != Kind::kWordUpper &&
                aux_[next].kind != Kind::kOpenQuote) {
              boundary = false;  // "... 2,000" or "... (" continue
            }
          }
        }
        if (boundary) {
          CloseSentence(first, static_cast<uint32_t>(j));
          first = static_cast<uint32_t>(j + 1);
          i = j;
          continue;
        }
        i = j;
        if (i + 1 >= n) break;
      }
      if (i + 1 - first >= kMaxSentenceTokens) {
        // Text without punctuation (lists, tables, garbage): keep sentences parseable.
        CloseSentence(first, static_cast<uint32_t>(i));
        ++out_->forced_splits;
        first = static_cast<uint32_t>(i + 1);
      }
    }
    if (first < n) CloseSentence(first, static_cast<uint32_t>(n - 1));
  }

  std::string_view text_;
  const unsigned char* s_;
  size_t n_;
  AnalyzedText* out_;
  std::vector<TokenAux> aux_;
  bool space_pending_ = true;
  int newlines_pending_ = 0;
  bool open_single_quote_ = false;  // a single quotation mark is open in this paragraph
  // The first '@' at or after at_searched_from_, or npos (EmailEnd).
  size_t next_at_ = std::string_view::npos;
  size_t at_searched_from_ = SIZE_MAX;
};

// Combining marks that NormalizeWord removes after canonical decomposition: the diacritics of
// Latin, Greek and Cyrillic letters. Marks that carry vowels in other scripts (Devanagari,
// Arabic) are kept, since removing them would merge unrelated words.
bool IsStrippedMark(int32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
         (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
         (cp >= 0xFE20 && cp <= 0xFE2F);
}

std::string AsciiUpperCopy(std::string_view w) {
  std::string s(w);
  for (char& ch : s) ch = AsciiUpper(ch);
  return s;
}

}  // namespace

void AnalyzeText(std::string_view text, AnalyzedText* out) {
  // Offsets are 32-bit; a longer text is analysed up to the limit (documents are capped far below).
  if (text.size() > std::numeric_limits<uint32_t>::max() - 1) {
    text = text.substr(0, std::numeric_limits<uint32_t>::max() - 1);
  }
  Analyzer(text, out).Run();
}

std::string NormalizeWord(std::string_view word) {
  bool ascii = true;
  for (unsigned char c : word) {
    if (c >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return AsciiUpperCopy(word);

  // Canonical decomposition (dropping default-ignorable characters such as soft hyphens), then
  // mark stripping, punctuation mapping and upper-casing per code point, then recomposition.
  const auto* src = reinterpret_cast<const utf8proc_uint8_t*>(word.data());
  const auto len = static_cast<utf8proc_ssize_t>(word.size());
  const utf8proc_option_t decompose =
      static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_IGNORE | UTF8PROC_STABLE);
  std::vector<utf8proc_int32_t> cps(word.size() + 4);
  utf8proc_ssize_t count = utf8proc_decompose(src, len, cps.data(),
                                              static_cast<utf8proc_ssize_t>(cps.size()), decompose);
  if (count > static_cast<utf8proc_ssize_t>(cps.size())) {
    cps.resize(static_cast<size_t>(count));
    count = utf8proc_decompose(src, len, cps.data(), count, decompose);
  }
  if (count < 0) return AsciiUpperCopy(word);  // not valid UTF-8: keep the bytes

  // Mapped code points; two per input at most ("—" -> "--"), plus room for utf8proc_reencode,
  // which writes UTF-8 into the same buffer (at most 4 bytes per code point).
  std::vector<utf8proc_int32_t> mapped;
  mapped.reserve(static_cast<size_t>(count) * 2 + 1);
  for (utf8proc_ssize_t i = 0; i < count; ++i) {
    int32_t cp = cps[static_cast<size_t>(i)];
    if (IsStrippedMark(cp)) continue;
    switch (cp) {
      case 0x2018:
      case 0x2019:
      case 0x201A:
      case 0x201B:
      case 0x02BC:
      case 0x2032:
        mapped.push_back('\'');
        continue;
      case 0x201C:
      case 0x201D:
      case 0x201E:
      case 0x201F:
      case 0x00AB:
      case 0x00BB:
        mapped.push_back('"');
        continue;
      case 0x2010:
      case 0x2011:
      case 0x2012:
      case 0x2013:
      case 0x2212:
        mapped.push_back('-');
        continue;
      case 0x2014:
      case 0x2015:
        mapped.push_back('-');
        mapped.push_back('-');
        continue;
      case 0x2026:
        mapped.insert(mapped.end(), {'.', '.', '.'});
        continue;
      case 0x00A0:
      case 0x202F:
        mapped.push_back(' ');
        continue;
      case 0x00DF:  // sharp s upper-cases to "SS" in running text
        mapped.push_back('S');
        mapped.push_back('S');
        continue;
      default:
        mapped.push_back(utf8proc_toupper(cp));
    }
  }
  const size_t mapped_count = mapped.size();
  mapped.resize(mapped_count + 1);
  utf8proc_ssize_t bytes =
      utf8proc_reencode(mapped.data(), static_cast<utf8proc_ssize_t>(mapped_count),
                        static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_STABLE));
  if (bytes < 0) return AsciiUpperCopy(word);
  return std::string(reinterpret_cast<const char*>(mapped.data()), static_cast<size_t>(bytes));
}

bool IsValidUtf8(std::string_view s, size_t* bad_offset) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    // ASCII fast path, eight bytes at a time.
    if (i + 8 <= n) {
      uint64_t chunk;
      std::memcpy(&chunk, p + i, 8);
      if ((chunk & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t need;
    uint32_t min;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      need = 1;
      min = 0x80;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      need = 2;
      min = 0x800;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      need = 3;
      min = 0x10000;
      cp = c & 0x07;
    } else {
      if (bad_offset) *bad_offset = i;
      return false;
    }
    for (size_t k = 1; k <= need; ++k) {
      if (i + k >= n || (p[i + k] & 0xC0) != 0x80) {
        if (bad_offset) *bad_offset = i;
        return false;
      }
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      if (bad_offset) *bad_offset = i;
      return false;
    }
    i += need + 1;
  }
  return true;
}

}  // namespace annal::text
