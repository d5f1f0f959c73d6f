// libFuzzer target: the actor knowledge-base reader and merge, and the name-variant functions,
// on arbitrary bytes. Nothing may crash, hang or read out of bounds; rows kept must satisfy
// what the reader promises (non-empty name, valid code, start <= end), merged entries must have
// non-empty upper-case names, and variant keys must be upper-case ASCII letters.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "context/actor_kb.h"
#include "context/name_variants.h"
#include "lexicon/dictionary_reader.h"
#include "text/analyzer.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1 << 16)) return 0;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  namespace ctx = annal::context;
  namespace lex = annal::lexicon;

  ctx::ActorKb kb;
  ctx::ParseActorKb(input, "fuzz.tsv", &kb);
  for (const auto& row : kb.rows) {
    Check(!row.name.empty());
    Check(row.code.size() >= 3);
    Check(row.from_day <= row.to_day);
    Check(row.line >= 1);
  }
  lex::DictionarySet set;
  Check(lex::ReadDictionary("ARNOR_ [ARN]\n+KING_ELESSAR_ [ARNGOV 20010101-20051231]\n",
                            "t.actors.txt", lex::DictionaryKind::kActors,
                            lex::DictionaryFormat::kPetrarch, &set)
            .ok());
  set.files.push_back("fuzz.tsv");
  ctx::MergeActorKb(kb, 1, &set);
  for (const auto& actor : set.actors) {
    Check(!actor.names.empty());
    Check(!actor.codes.empty());
    for (const auto& name : actor.names) {
      Check(!name.empty());
      for (const auto& word : name) Check(!word.text.empty());
    }
  }

  // Name variants on every line of the input taken as a word.
  size_t pos = 0;
  while (pos < input.size()) {
    size_t end = input.find('\n', pos);
    if (end == std::string_view::npos) end = input.size();
    std::string_view word = input.substr(pos, end - pos);
    pos = end + 1;
    if (!annal::text::IsValidUtf8(word)) continue;
    std::string key = ctx::VariantKey(word);
    for (char c : key) Check(c >= 'A' && c <= 'Z');
    std::string latin = ctx::TransliterateToAscii(word);
    for (char c : latin) Check((c >= 'A' && c <= 'Z') || c == ' ' || c == '-');
    int d = ctx::EditDistance(word, "PRIGOZHIN", 2);
    Check(d >= 0 && d <= 3);
  }
  return 0;
}
