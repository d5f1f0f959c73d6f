// Shared body of the dictionary fuzz targets (header-only so each target stays one file).
#ifndef ANNAL_FUZZ_DICTIONARY_FUZZ_COMMON_H_
#define ANNAL_FUZZ_DICTIONARY_FUZZ_COMMON_H_

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "lexicon/dictionary_reader.h"

namespace annal::lexicon::fuzz {

inline bool ValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    size_t len = b < 0x80 ? 1 : (b >= 0xC2 && b <= 0xDF) ? 2 : (b >= 0xE0 && b <= 0xEF) ? 3 : (b >= 0xF0 && b <= 0xF4) ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

inline void Check(bool ok) {
  if (!ok) std::abort();
}

inline void CheckPhrase(const Phrase& p) {
  Check(!p.empty());
  for (const PhraseWord& w : p) {
    Check(!w.text.empty());
    Check(ValidUtf8(w.text));
    for (char c : w.text) Check(c != ' ' && c != '_' && !(c >= 'a' && c <= 'z'));
  }
}

inline void ReadAndCheck(const uint8_t* data, size_t size, DictionaryFormat format, const char* name) {
  if (size == 0) return;
  static constexpr DictionaryKind kKinds[] = {DictionaryKind::kVerbs,    DictionaryKind::kActors,
                                              DictionaryKind::kAgents,   DictionaryKind::kDiscards,
                                              DictionaryKind::kIssues,   DictionaryKind::kOptions};
  const DictionaryKind kind = kKinds[data[0] % 6];
  std::string_view content(reinterpret_cast<const char*>(data) + 1, size - 1);
  DictionarySet set;
  Status s = ReadDictionary(content, name, kind, format, &set);
  if (!s.ok()) {
    Check(set.files.empty() && set.diagnostics.empty());  // a rejected file leaves nothing
    return;
  }
  Check(set.files.size() == 1);
  for (const Diagnostic& d : set.diagnostics) Check(d.line >= 1 && ValidUtf8(d.message));
  for (const ActorEntry& a : set.actors) {
    Check(!a.names.empty());
    for (const Phrase& p : a.names) CheckPhrase(p);
    for (const DatedCode& c : a.codes) Check(!c.code.empty() && c.from_day <= c.to_day && ValidUtf8(c.code));
  }
  for (const AgentEntry& a : set.agents) {
    Check(!a.names.empty() && ValidUtf8(a.code));
    for (const Phrase& p : a.names) CheckPhrase(p);
  }
  for (const Synset& syn : set.synsets) {
    Check(!syn.name.empty());
    for (const Phrase& p : syn.members) CheckPhrase(p);
  }
  for (const VerbBlock& b : set.verbs) {
    Check(!b.code.empty() && ValidUtf8(b.name));
    for (const VerbBlock::Form& f : b.forms) {
      CheckPhrase(f.words);
      Check(f.verb_word < f.words.size());
    }
    for (const VerbPattern& p : b.patterns) {
      Check(!p.code.empty());
      for (const auto* side : {&p.before, &p.after}) {
        for (const PatternElement& e : *side) {
          if (e.kind == ElementKind::kWord) CheckPhrase(Phrase{e.word});
          if (e.kind == ElementKind::kSynset) Check(!e.synset.empty());
        }
      }
    }
  }
  for (const DiscardEntry& d : set.discards) CheckPhrase(d.phrase);
  for (const IssueEntry& i : set.issues) CheckPhrase(i.phrase);
  for (const auto& [code, label] : set.labels) Check(!code.empty() && ValidUtf8(label));
}

}  // namespace annal::lexicon::fuzz

#endif  // ANNAL_FUZZ_DICTIONARY_FUZZ_COMMON_H_
