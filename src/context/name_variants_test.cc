#include "context/name_variants.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "lexicon/dictionary_reader.h"
#include "lexicon/lexicon.h"
#include "text/analyzer.h"

namespace annal::context {
namespace {

TEST(NameVariantsTest, TransliteratesCyrillicWithBgn) {
  EXPECT_EQ(TransliterateToAscii("Алексеев"), "ALEKSEYEV");
  EXPECT_EQ(TransliterateToAscii("ЛАВРОВ"), "LAVROV");
  EXPECT_EQ(TransliterateToAscii("Lavrov"), "");  // already ASCII
}

TEST(NameVariantsTest, TransliteratesOtherScripts) {
  std::string greek = TransliterateToAscii("Τσίπρας");
  EXPECT_FALSE(greek.empty());
  for (char c : greek) EXPECT_TRUE(c >= 'A' && c <= 'Z') << greek;
}

TEST(NameVariantsTest, SpellingVariantsShareAKey) {
  EXPECT_EQ(VariantKey("ALEKSEYEV"), VariantKey("ALEXEYEV"));
  EXPECT_EQ(VariantKey("ALEKSEYEV"), VariantKey("ALEKSEEV"));
  EXPECT_EQ(VariantKey("PRIGOZHIN"), VariantKey("PRIGOJINE"));
  EXPECT_EQ(VariantKey("DMITRIY"), VariantKey("DMITRY"));
  EXPECT_EQ(VariantKey("DMITRII"), VariantKey("DMITRY"));
  EXPECT_EQ(VariantKey("GORBATCHEV"), VariantKey("GORBACHEV"));
  EXPECT_EQ(VariantKey("TIMOSCHENKO"), VariantKey("TYMOSHENKO"));
  EXPECT_EQ(VariantKey("KHODORKOVSKY"), VariantKey("HODORKOVSKI"));
  // Different names keep different keys.
  EXPECT_NE(VariantKey("PRIGOZHIN"), VariantKey("PRIGOKHIN"));
  EXPECT_NE(VariantKey("LAVROV"), VariantKey("LAVRENTIEV"));
}

TEST(NameVariantsTest, EditDistance) {
  EXPECT_EQ(EditDistance("PRIGOKHIN", "PRIGOZHIN", 2), 1);
  EXPECT_EQ(EditDistance("KITTEN", "SITTING", 5), 3);
  EXPECT_EQ(EditDistance("KITTEN", "SITTING", 1), 2);  // limit + 1
  EXPECT_EQ(EditDistance("SAME", "SAME", 0), 0);
}

// A small index: word ids are given by first appearance in `words`; entity per word given.
struct Fixture {
  std::map<std::string, uint32_t, std::less<>> ids;
  NameVariantIndex index{&Lookup, this};
  static uint32_t Lookup(const void* self, std::string_view w) {
    const auto& ids = static_cast<const Fixture*>(self)->ids;
    auto it = ids.find(w);
    return it == ids.end() ? UINT32_MAX : it->second;
  }
  // Every entity is a person unless listed in `not_persons`.
  explicit Fixture(const std::vector<std::pair<std::string, uint32_t>>& words,
                   const std::vector<uint32_t>& not_persons = {}) {
    for (const auto& [w, entity] : words) {
      auto it = ids.try_emplace(w, static_cast<uint32_t>(ids.size())).first;
      bool person = std::find(not_persons.begin(), not_persons.end(), entity) == not_persons.end();
      index.Add(w, it->second, entity, person);
    }
    index.Finish();
  }
};

TEST(NameVariantsTest, ResolvesTransliterationVariantAndFuzzy) {
  Fixture f({{"YEVGENY", 0}, {"PRIGOZHIN", 0}, {"ALEKSEYEV", 1}, {"LAVROV", 2}});
  VariantResolution t = f.index.Resolve("ЛАВРОВ");
  EXPECT_EQ(t.how, VariantMatch::kTransliteration);
  EXPECT_EQ(t.word, "LAVROV");
  VariantResolution a = f.index.Resolve("АЛЕКСЕЕВ");  // BGN: ALEKSEYEV
  EXPECT_EQ(a.how, VariantMatch::kTransliteration);
  EXPECT_EQ(a.word_id, 2u);
  VariantResolution v = f.index.Resolve("ALEXEYEV");
  EXPECT_EQ(v.how, VariantMatch::kVariantKey);
  EXPECT_EQ(v.word, "ALEKSEYEV");
  VariantResolution p = f.index.Resolve("PRIGOJINE");
  EXPECT_EQ(p.how, VariantMatch::kVariantKey);
  EXPECT_EQ(p.word, "PRIGOZHIN");
  VariantResolution z = f.index.Resolve("PRIGOKHIN");
  EXPECT_EQ(z.how, VariantMatch::kFuzzy);
  EXPECT_EQ(z.word, "PRIGOZHIN");
  EXPECT_EQ(z.distance, 1);
  EXPECT_EQ(f.index.Resolve("LAVROF").how, VariantMatch::kFuzzy);
  // Too far, too short, or nothing like any name.
  EXPECT_EQ(f.index.Resolve("PRAGUEHIN").how, VariantMatch::kNone);
  EXPECT_EQ(f.index.Resolve("LAVRO").how, VariantMatch::kNone);  // 5 letters: no fuzzy
  EXPECT_EQ(f.index.Resolve("PARLIAMENT").how, VariantMatch::kNone);
}

// The guard: a misspelling as close to two different known people resolves to neither.
TEST(NameVariantsTest, FuzzyNeverMergesTwoDifferentKnownPeople) {
  Fixture f({{"IVANOVA", 0}, {"IVANOVO", 1}});
  EXPECT_EQ(f.index.Resolve("IVANOVU").how, VariantMatch::kNone);
  // The same misspelling with only one of them known does resolve.
  Fixture g({{"IVANOVA", 0}});
  EXPECT_EQ(g.index.Resolve("IVANOVU").how, VariantMatch::kFuzzy);
}

TEST(NameVariantsTest, FuzzyNeverTargetsAWordOfTwoEntities) {
  // KARIMOVA is a word of two different entries (two people): no fuzzy match to it.
  Fixture f({{"KARIMOVA", 0}, {"KARIMOVA", 1}});
  EXPECT_EQ(f.index.Resolve("KARIMOVE").how, VariantMatch::kNone);
}

// Country and group names are blockers but never targets: PETRARCH's own tests misspell
// fictional countries on purpose (Gxndor must not become Gondor).
TEST(NameVariantsTest, FuzzyOnlyTargetsPersons) {
  Fixture f({{"GONDOR", 0}, {"ELESSAR", 1}}, /*not_persons=*/{0});
  EXPECT_EQ(f.index.Resolve("GXNDOR").how, VariantMatch::kNone);
  EXPECT_EQ(f.index.Resolve("ELESSAT").how, VariantMatch::kFuzzy);
  // A non-person as close as a person still blocks the guess.
  Fixture g({{"MORDAR", 0}, {"MORDAN", 1}}, /*not_persons=*/{0});
  EXPECT_EQ(g.index.Resolve("MORDAX").how, VariantMatch::kNone);
}

TEST(NameVariantsTest, VariantKeyAmbiguousBetweenPeopleIsRefused) {
  // ALEKSEEV and ALEKSEYEV are different people here: ALEXEYEV could be either.
  Fixture f({{"ALEKSEEV", 0}, {"ALEKSEYEV", 1}});
  EXPECT_EQ(f.index.Resolve("ALEXEYEV").how, VariantMatch::kNone);
  // Both spellings for one person: fine.
  Fixture g({{"ALEKSEEV", 0}, {"ALEKSEYEV", 0}});
  EXPECT_EQ(g.index.Resolve("ALEXEYEV").how, VariantMatch::kVariantKey);
}

// Differential check of the deletion-neighbourhood candidate search against brute force: for
// every single edit of every word, Resolve's fuzzy answer must equal what a scan of all words
// with EditDistance gives under the same guard.
TEST(NameVariantsTest, FuzzyAgreesWithBruteForce) {
  const std::vector<std::string> words = {"PRIGOZHIN", "PRIGOZHINA", "LAVROVSKY", "SHOIGU",
                                          "MEDVEDEV",  "MEDVEDEVA",  "NARYSHKIN", "PATRUSHEV",
                                          "KADYROV",   "KADYROVA",   "SOBYANIN"};
  std::vector<std::pair<std::string, uint32_t>> entries;
  for (uint32_t i = 0; i < words.size(); ++i) entries.push_back({words[i], i});
  Fixture f(entries);
  size_t checked = 0, fuzzy = 0;
  for (const std::string& w : words) {
    for (size_t pos = 0; pos <= w.size(); ++pos) {
      for (char c : std::string("AEIKOZ")) {
        for (int op = 0; op < 3; ++op) {
          std::string q = w;
          if (op == 0 && pos < w.size()) q[pos] = c;
          if (op == 1) q.insert(pos, 1, c);
          if (op == 2 && pos < w.size()) q.erase(pos, 1);
          if (q == w) continue;
          VariantResolution r = f.index.Resolve(q);
          if (r.how == VariantMatch::kVariantKey) continue;  // the variant key answered first
          int limit = MaxFuzzyDistance(q.size());
          int best = limit + 1, at_best = 0;
          std::string best_word;
          for (const std::string& k : words) {
            int d = EditDistance(q, k, limit);
            if (d == 0) {
              best = -1;  // q is itself a known word
              break;
            }
            if (d > limit) continue;
            if (d < best) {
              best = d;
              at_best = 1;
              best_word = k;
            } else if (d == best) {
              ++at_best;
            }
          }
          bool expect = best > 0 && best <= limit && at_best == 1;
          ++checked;
          ASSERT_EQ(r.how == VariantMatch::kFuzzy, expect) << q;
          if (expect) {
            EXPECT_EQ(r.word, best_word) << q;
            ++fuzzy;
          }
        }
      }
    }
  }
  EXPECT_GT(checked, 500u);
  EXPECT_GT(fuzzy, 100u);
}

// The Lexicon hook: a capitalised unknown word takes the id of the known word it is a variant
// of, so the trie matches the whole name; with LexiconOptions::name_variants off it does not.
std::vector<std::string> ActorsFound(const char* text, bool variants) {
  lexicon::DictionarySet set;
  EXPECT_TRUE(
      lexicon::ReadDictionary("SERGEY_LAVROV_ [RUSGOV]\n+LAVROV_\nYULIYA_TYMOSHENKO_ [UKRGOV]\n"
                              "IVAN_PETROVA_ [RUSGOV]\nOLGA_PETROVO_ [RUSMIL]\nGONDOR [GON]\n",
                              "t.actors.txt", lexicon::DictionaryKind::kActors,
                              lexicon::DictionaryFormat::kPetrarch, &set)
          .ok());
  lexicon::LexiconOptions options;
  options.name_variants = variants;
  auto lex = lexicon::Lexicon::Build(std::move(set), options);
  EXPECT_TRUE(lex.ok());
  text::AnalyzedText analyzed;
  text::AnalyzeText(text, &analyzed);
  lexicon::SentenceWords words;
  (*lex)->LookupWords(analyzed.tokens.data(), analyzed.tokens.size(), &words);
  std::vector<lexicon::Match> matches;
  (*lex)->FindMatches(words, &matches);
  std::vector<std::string> out;
  for (const auto& m : matches) {
    if (m.payload.kind != lexicon::EntryKind::kActor) continue;
    out.push_back((*lex)->dict().actors[m.payload.index].codes[0].code + ":" +
                  std::to_string(m.end - m.begin));
  }
  return out;
}

TEST(NameVariantsTest, LexiconMatchesVariantsOfDictionaryNames) {
  using V = std::vector<std::string>;
  // SERGEI shares SERGEY's variant key, LAVROF is one letter from LAVROV: the full name matches.
  EXPECT_EQ(ActorsFound("Then Sergei Lavrof spoke.", true), (V{"RUSGOV:2", "RUSGOV:1"}));
  EXPECT_EQ(ActorsFound("Then Sergey Lavrof spoke.", false), (V{}));
  EXPECT_EQ(ActorsFound("Then Lavrof spoke.", true), (V{"RUSGOV:1"}));
  // BGN transliteration (the text stage has already turned Й into И: SERGEI, a variant of SERGEY).
  EXPECT_EQ(ActorsFound("Then Сергей Лавров spoke.", true), (V{"RUSGOV:2", "RUSGOV:1"}));
  // YULIA ~ YULIYA (variant key IULIA), TIMOSCHENKO ~ TYMOSHENKO (TIMOSHENKO).
  EXPECT_EQ(ActorsFound("Then Yulia Timoschenko spoke.", true), (V{"UKRGOV:2"}));
  EXPECT_EQ(ActorsFound("Then Timoschenko spoke.", true), (V{}));  // only the full name is known
  // Lower-case words are never resolved; country names are never fuzzy targets.
  EXPECT_EQ(ActorsFound("Then sergey lavrof spoke.", true), (V{}));
  EXPECT_EQ(ActorsFound("Then Gxndor spoke.", true), (V{}));
  // PETROVU is one letter from two different people's names: neither.
  EXPECT_EQ(ActorsFound("Then Ivan Petrovu spoke.", true), (V{}));
}

}  // namespace
}  // namespace annal::context
