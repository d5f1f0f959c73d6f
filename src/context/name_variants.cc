#include "context/name_variants.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

namespace annal::context {
namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsVowel(char c) {
  return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U' || c == 'Y';
}

// murmur3's fmix64: the low bits pick a slot and the high half is the tag.
uint64_t Mix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  return h ^ (h >> 33);
}

constexpr uint64_t kBase = 0x100000001b3ull;

// Polynomial hash of a string (the same function DeletionHashes uses).
uint64_t WordHash(std::string_view s) {
  uint64_t h = 0;
  for (char c : s) h = h * kBase + static_cast<uint8_t>(c) + 1;
  return Mix(h);
}

// out[0] = WordHash(s); out[1 + i] = WordHash(s without byte i), all in O(|s|): the polynomial
// hash of s minus byte i is hash(prefix) * base^(n-1-i) + hash of the suffix in place.
void DeletionHashes(std::string_view s, std::vector<uint64_t>* out) {
  const size_t n = s.size();
  out->assign(n + 1, 0);
  std::vector<uint64_t> prefix(n + 1, 0);
  for (size_t i = 0; i < n; ++i) prefix[i + 1] = prefix[i] * kBase + static_cast<uint8_t>(s[i]) + 1;
  (*out)[0] = Mix(prefix[n]);
  uint64_t suffix = 0, power = 1;  // suffix = hash of s[i+1..n) in place, power = base^(n-1-i)
  for (size_t i = n; i-- > 0;) {
    (*out)[1 + i] = Mix(prefix[i] * power + suffix);
    suffix += (static_cast<uint8_t>(s[i]) + 1) * power;
    power *= kBase;
  }
}

// The first code point of the first non-ASCII character, or 0.
bool HasCyrillic(std::string_view s) {
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    // U+0400..U+052F are encoded with lead bytes 0xD0..0xD4.
    if (c >= 0xD0 && c <= 0xD4) return true;
  }
  return false;
}

icu::Transliterator* MakeTransliterator(const char* id) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Transliterator* t =
      icu::Transliterator::createInstance(icu::UnicodeString::fromUTF8(id), UTRANS_FORWARD, status);
  if (U_FAILURE(status)) {
    delete t;
    return nullptr;
  }
  return t;
}

}  // namespace

std::string TransliterateToAscii(std::string_view utf8) {
  bool ascii = std::all_of(utf8.begin(), utf8.end(), [](char c) { return (c & 0x80) == 0; });
  if (ascii) return "";
  // ICU transliterators are not safe to share between threads; one of each per thread.
  thread_local std::unique_ptr<icu::Transliterator> cyrillic(
      MakeTransliterator("Russian-Latin/BGN; Latin-ASCII"));
  thread_local std::unique_ptr<icu::Transliterator> other(
      MakeTransliterator("Any-Latin; Latin-ASCII"));
  icu::Transliterator* t = HasCyrillic(utf8) ? cyrillic.get() : other.get();
  if (t == nullptr) return "";
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  t->transliterate(u);
  std::string raw;
  u.toUTF8String(raw);
  std::string out;
  bool any_letter = false;
  for (char c : raw) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (IsUpper(c)) {
      out += c;
      any_letter = true;
    } else if (c == ' ' || c == '-') {
      out += c;
    }
  }
  return any_letter ? out : "";
}

std::string VariantKey(std::string_view word) {
  // Letters only, upper case, X spelled KS (so KS and X meet).
  std::string s;
  s.reserve(word.size() + 2);
  for (char c : word) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!IsUpper(c)) continue;
    if (c == 'X') {
      s += "KS";
    } else {
      s += c;
    }
  }
  // Multi-letter alternations, longest first at each position; a switch on the first letter
  // keeps this cheap (it runs for every unknown capitalised word).
  const size_t n = s.size();
  auto at = [&](size_t i) { return i < n ? s[i] : '\0'; };
  std::string t;
  t.reserve(n);
  for (size_t i = 0; i < n;) {
    const char c = s[i], c1 = at(i + 1);
    switch (c) {
      case 'T':  // TSCH, TCH -> CH
        if (c1 == 'S' && at(i + 2) == 'C' && at(i + 3) == 'H') {
          t += "CH";
          i += 4;
          continue;
        }
        if (c1 == 'C' && at(i + 2) == 'H') {
          t += "CH";
          i += 3;
          continue;
        }
        break;
      case 'S':  // SCH -> SH
        if (c1 == 'C' && at(i + 2) == 'H') {
          t += "SH";
          i += 3;
          continue;
        }
        break;
      case 'D':  // DZH, DJ -> J
        if (c1 == 'Z' && at(i + 2) == 'H') {
          t += 'J';
          i += 3;
          continue;
        }
        if (c1 == 'J') {
          t += 'J';
          i += 2;
          continue;
        }
        break;
      case 'Z':  // ZH -> J
        if (c1 == 'H') {
          t += 'J';
          i += 2;
          continue;
        }
        break;
      case 'K':  // KH -> H
        if (c1 == 'H') {
          t += 'H';
          i += 2;
          continue;
        }
        break;
      case 'P':  // PH -> F
        if (c1 == 'H') {
          t += 'F';
          i += 2;
          continue;
        }
        break;
      case 'C':  // CK -> K
        if (c1 == 'K') {
          t += 'K';
          i += 2;
          continue;
        }
        break;
      case 'O':  // OU -> U
        if (c1 == 'U') {
          t += 'U';
          i += 2;
          continue;
        }
        break;
      case 'Y':  // YE -> E, else Y -> I
        if (c1 == 'E') {
          t += 'E';
          i += 2;
          continue;
        }
        t += 'I';
        ++i;
        continue;
      case 'Q':
        t += 'K';
        ++i;
        continue;
      case 'W':
        t += 'V';
        ++i;
        continue;
      default:
        break;
    }
    t += c;
    ++i;
  }
  // French-style final E after a consonant (PRIGOJINE).
  if (t.size() > 4 && t.back() == 'E' && !IsVowel(t[t.size() - 2])) t.pop_back();
  // Doubled letters single, in place.
  size_t out = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    if (out == 0 || t[out - 1] != t[i]) t[out++] = t[i];
  }
  t.resize(out);
  return t;
}

int EditDistance(std::string_view a, std::string_view b, int limit) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > limit) return limit + 1;
  std::vector<int> prev(m + 1), cur(m + 1);
  for (int j = 0; j <= m; ++j) prev[j] = j;
  for (int i = 1; i <= n; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= m; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(prev, cur);
  }
  return std::min(prev[m], limit + 1);
}

int MaxFuzzyDistance(size_t length) {
  if (length < 6) return 0;
  return length < 9 ? 1 : 2;
}

void NameVariantIndex::Add(std::string_view word, uint32_t word_id, uint32_t entity, bool person) {
  if (word_id >= entity_of_.size()) {
    entity_of_.resize(word_id + 1, kEmpty);
    person_.resize(word_id + 1, false);
  }
  uint32_t& e = entity_of_[word_id];
  if (e == kEmpty) {
    e = entity;
    person_[word_id] = person;
    words_.push_back(Word{std::string(word), word_id});
  } else if (e != entity) {
    e = kShared;
  }
}

void NameVariantIndex::Insert(uint64_t hash, uint32_t word) const {
  const uint32_t tag = static_cast<uint32_t>(hash >> 32);
  for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
    if (slots_[i].word == kEmpty) {
      slots_[i] = Slot{tag, word};
      return;
    }
    if (slots_[i].tag == tag && slots_[i].word == word) return;  // same word, same deletion
  }
}

// Calls f(word) for every word stored under `hash` (and, rarely, a colliding one: callers
// check each candidate exactly).
template <typename F>
void NameVariantIndex::ForEach(uint64_t hash, F&& f) const {
  if (!finished_) return;
  std::call_once(table_built_, [this] { BuildTable(); });
  if (slots_.empty()) return;
  const uint32_t tag = static_cast<uint32_t>(hash >> 32);
  for (size_t i = hash & mask_; slots_[i].word != kEmpty; i = (i + 1) & mask_) {
    if (slots_[i].tag == tag) f(slots_[i].word);
  }
}

namespace {
// Variant-key hashes are told apart from deletion hashes by a different seed.
uint64_t KeyHash(std::string_view key) { return WordHash(key) ^ 0x9E3779B97F4A7C15ull; }
}  // namespace

void NameVariantIndex::BuildTable() const {
  // Only words of 5+ letters can be candidates: a query has 5+ letters for a variant key and
  // 6+ for a fuzzy match, whose candidates (one deletion on each side) have 5+.
  size_t entries = 0;
  for (const Word& w : words_) {
    if (w.text.size() >= 5) entries += w.text.size() < 6 ? 2 : w.text.size() + 2;
  }
  size_t capacity = 16;
  while (capacity < entries + entries / 2) capacity <<= 1;  // load factor at most 2/3
  slots_.assign(capacity, Slot{0, kEmpty});
  mask_ = capacity - 1;
  std::vector<uint64_t> hashes;
  for (uint32_t i = 0; i < words_.size(); ++i) {
    const std::string& text = words_[i].text;
    if (text.size() < 5) continue;
    Insert(KeyHash(VariantKey(text)), i);
    // A 5-letter word is only ever found whole (as a 6-letter query minus one letter).
    if (text.size() < 6) {
      Insert(WordHash(text), i);
      continue;
    }
    DeletionHashes(text, &hashes);
    for (uint64_t h : hashes) Insert(h, i);
  }
}

VariantResolution NameVariantIndex::Resolve(std::string_view norm) const {
  VariantResolution r;
  std::string form;
  if (!std::all_of(norm.begin(), norm.end(), [](char c) { return (c & 0x80) == 0; })) {
    form = TransliterateToAscii(norm);
    if (form.empty()) return r;
    r.transliterated = true;
    uint32_t id = lookup_(lookup_context_, form);
    if (id != kEmpty) {
      r.how = VariantMatch::kTransliteration;
      r.word_id = id;
      r.word = form;
      r.form = std::move(form);
      return r;
    }
  } else {
    form.assign(norm);
  }
  size_t letters = 0;
  for (char c : form) letters += IsUpper(c) ? 1 : 0;
  if (letters < 5) return r;
  r.form = form;

  // Variant key: every name word with this key must be one word, or one entity's words.
  std::string key = VariantKey(form);
  std::vector<uint32_t> same_key;
  ForEach(KeyHash(key), [&](uint32_t w) {
    if (VariantKey(words_[w].text) == key) same_key.push_back(w);
  });
  if (!same_key.empty()) {
    bool one = true;
    for (uint32_t w : same_key) {
      if (same_key.size() > 1 && (Entity(w) == kShared || Entity(w) != Entity(same_key[0]))) {
        one = false;
      }
    }
    if (!one) return r;  // ambiguous between different people: no fuzzy guess either
    r.how = VariantMatch::kVariantKey;
    r.key = std::move(key);
    r.word_id = words_[same_key[0]].id;
    r.word = words_[same_key[0]].text;
    return r;
  }

  const int limit = MaxFuzzyDistance(letters);
  if (limit == 0 || form.size() != letters) return r;  // fuzzy only for plain words
  // Candidates sharing the word or a one-letter deletion of it, each checked exactly.
  std::vector<uint32_t> candidates;
  auto collect = [&](uint32_t w) { candidates.push_back(w); };
  std::vector<uint64_t> hashes;
  DeletionHashes(form, &hashes);
  for (uint64_t h : hashes) ForEach(h, collect);
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  int best = limit + 1;
  uint32_t best_word = kEmpty;
  int at_best = 0;
  for (uint32_t w : candidates) {
    int d = EditDistance(form, words_[w].text, limit);
    if (d > limit || d == 0) continue;
    if (d < best) {
      best = d;
      best_word = w;
      at_best = 1;
    } else if (d == best) {
      ++at_best;
    }
  }
  if (at_best != 1 || Entity(best_word) == kShared || !person_[words_[best_word].id]) return r;
  r.how = VariantMatch::kFuzzy;
  r.distance = best;
  r.word_id = words_[best_word].id;
  r.word = words_[best_word].text;
  return r;
}

}  // namespace annal::context
