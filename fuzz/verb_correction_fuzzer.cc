// libFuzzer target: a verb correction file (*.corrections.txt in the verb group,
// src/lexicon/verb_correction_reader.cc) on arbitrary bytes, applied to a few verb blocks with
// a synset, owned and shared patterns, a form with its own code and a verb listed in two blocks.
// It must never crash, add a block, a form, a pattern or a synset, or change a pattern's words;
// every code stays non-empty valid UTF-8 and every owner form exists in its block
// (doc/formats/verb_corrections.md).
// Seeds: fuzz/seeds/verb_correction/.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "dictionary_fuzz_common.h"

namespace {

bool SameWords(const annal::lexicon::VerbPattern& a, const annal::lexicon::VerbPattern& b) {
  if (a.before.size() != b.before.size() || a.after.size() != b.after.size()) return false;
  for (size_t i = 0; i < a.before.size(); ++i) {
    if (a.before[i].word != b.before[i].word || a.before[i].synset != b.before[i].synset)
      return false;
  }
  for (size_t i = 0; i < a.after.size(); ++i) {
    if (a.after[i].word != b.after[i].word || a.after[i].synset != b.after[i].synset) return false;
  }
  return a.owner_forms == b.owner_forms;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace annal::lexicon;
  static constexpr std::string_view kVerbs =
      "&DIPLO\n+ENVOY\n+AMBASSADOR\n\n"
      "--- SUE [173] ---\nSUE\n- * + FOR [173]  # SUE\n- * + IN $ COURT [173]\n- MAY * [131]\n\n"
      "--- DEPORT [174:175] ---\nDEPORT\nEXPEL {EXPELS EXPELLING EXPELLED}\n+KICK_OUT\n"
      "- * &DIPLO [161]  # EXPEL\n- * + [174]  # EXPEL\n- * + [174]  # DEPORT\n"
      "- * {FROM +} [174]\n- (FROM $) * [---]\n\n"
      "--- ABORT [---] ---\nABORT [160]\nHALT\n\n"
      "--- EXPEL_WHOM [---] ---\nEXPEL {EXPELS EXPELLING EXPELLED}\nOUST\n- * INSPECTORS [1662]\n";
  DictionarySet set;
  fuzz::Check(
      ReadDictionary(kVerbs, "v.txt", DictionaryKind::kVerbs, DictionaryFormat::kPetrarch, &set)
          .ok());
  fuzz::Check(set.diagnostics.empty());
  const DictionarySet before = set;
  std::string_view content(reinterpret_cast<const char*>(data), size);
  fuzz::Check(ReadDictionary(content, "fuzz.verb.corrections.txt", DictionaryKind::kVerbs,
                             DictionaryFormat::kAuto, &set)
                  .ok());
  fuzz::Check(set.verbs.size() == before.verbs.size() &&
              set.synsets.size() == before.synsets.size());
  for (size_t b = 0; b < set.verbs.size(); ++b) {
    const VerbBlock& now = set.verbs[b];
    const VerbBlock& was = before.verbs[b];
    fuzz::Check(now.name == was.name && !now.code.empty() && fuzz::ValidUtf8(now.code));
    fuzz::Check(now.forms.size() == was.forms.size());
    for (size_t f = 0; f < now.forms.size(); ++f) {
      fuzz::Check(now.forms[f].words == was.forms[f].words);
      // A form keeps having a code of its own or not having one.
      fuzz::Check(now.forms[f].code.empty() == was.forms[f].code.empty());
    }
    // Every pattern is one read before (LAST moves it to another block of its verb, serving
    // forms of that block only).
    for (const VerbPattern& p : now.patterns) {
      fuzz::Check(!p.code.empty() && fuzz::ValidUtf8(p.code) && fuzz::ValidUtf8(p.alt_code));
      for (uint32_t f : p.owner_forms) fuzz::Check(f < now.forms.size());
      bool known = false;
      for (const VerbBlock& old_block : before.verbs) {
        for (const VerbPattern& q : old_block.patterns) {
          VerbPattern r = q;
          r.owner_forms = p.owner_forms;
          known |= SameWords(p, r);
        }
      }
      fuzz::Check(known);
    }
  }
  // Dropping removes patterns and moving keeps them; nothing is added.
  size_t now_patterns = 0, was_patterns = 0;
  for (const VerbBlock& b : set.verbs) now_patterns += b.patterns.size();
  for (const VerbBlock& b : before.verbs) was_patterns += b.patterns.size();
  fuzz::Check(now_patterns <= was_patterns);
  for (const Diagnostic& d : set.diagnostics)
    fuzz::Check(d.line >= 1 && fuzz::ValidUtf8(d.message));
  return 0;
}
