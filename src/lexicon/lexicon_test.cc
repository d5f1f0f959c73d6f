#include "lexicon/lexicon.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <random>
#include <set>
#include <tuple>

namespace annal::lexicon {
namespace {

Phrase P(std::initializer_list<std::pair<const char*, bool>> words) {
  Phrase p;
  for (auto& [w, exact] : words) p.push_back({w, exact});
  return p;
}

std::vector<text::Token> Tokens(std::initializer_list<const char*> norms) {
  std::vector<text::Token> out;
  uint32_t off = 0;
  for (const char* n : norms) {
    text::Token t;
    t.norm = n;
    t.begin = off;
    t.end = off + static_cast<uint32_t>(t.norm.size());
    t.flags = text::kWord;
    off = t.end + 1;
    out.push_back(t);
  }
  return out;
}

// Every dictionary phrase in `toks`, as Lexicon::FindMatches orders them.
struct Found {
  std::vector<Match> matches;
};
Found MatchAll(const Lexicon& lex, const std::vector<text::Token>& toks) {
  SentenceWords words;
  lex.LookupWords(toks.data(), toks.size(), &words);
  Found f;
  lex.FindMatches(words, &f.matches);
  return f;
}

DictionarySet SmallDictionary() {
  DictionarySet d;
  ActorEntry israel;
  israel.names = {P({{"ISRAEL", false}})};  // stem: ISRAELI matches too
  israel.codes = {{"ISR"}};
  d.actors.push_back(israel);
  ActorEntry lavrov;
  lavrov.names = {P({{"SERGEI", true}, {"LAVROV", true}}), P({{"LAVROV", true}})};
  lavrov.codes = {{"RUSGOV"}};
  d.actors.push_back(lavrov);
  AgentEntry troops;
  troops.names = {P({{"TROOPS", true}})};
  troops.code = "MIL";
  d.agents.push_back(troops);
  VerbBlock attack;
  attack.name = "ATTACK";
  attack.code = "190";
  attack.forms = {{P({{"ATTACKED", true}}), 0, "", ""}, {P({{"CALL", true}, {"OFF", true}}), 0, "160", ""}};
  d.verbs.push_back(attack);
  return d;
}

TEST(LexiconTest, StemExactAndMultiWordMatches) {
  auto lex = Lexicon::Build(SmallDictionary());
  ASSERT_TRUE(lex.ok());
  auto toks = Tokens({"ISRAELI", "TROOPS", "ATTACKED", "SERGEI", "LAVROV", "CALL", "OFF"});
  std::vector<Match> matches = MatchAll(**lex, toks).matches;
  std::set<std::tuple<uint32_t, uint32_t, EntryKind>> got;
  for (const auto& m : matches) got.insert({m.begin, m.end, m.payload.kind});
  EXPECT_TRUE(got.count({0, 1, EntryKind::kActor}));      // ISRAEL* stem
  EXPECT_TRUE(got.count({1, 2, EntryKind::kAgent}));
  EXPECT_TRUE(got.count({2, 3, EntryKind::kVerbForm}));
  EXPECT_TRUE(got.count({3, 5, EntryKind::kActor}));      // SERGEI LAVROV
  EXPECT_TRUE(got.count({4, 5, EntryKind::kActor}));      // LAVROV alone
  EXPECT_TRUE(got.count({5, 7, EntryKind::kVerbForm}));   // CALL OFF
  // Longest first for a start position.
  for (size_t i = 0; i + 1 < matches.size(); ++i) {
    if (matches[i].begin == matches[i + 1].begin) {
      EXPECT_GE(matches[i].end, matches[i + 1].end);
    }
  }
}

TEST(LexiconTest, NameLedReadsAsTheName) {
  // "Lavrov-led troops": the word before "-led" matches as itself when the token is a
  // capitalised hyphenated word; "troops-led" (lower case) and "Lavrov-backed" do not.
  auto lex = Lexicon::Build(SmallDictionary());
  ASSERT_TRUE(lex.ok());
  auto toks = Tokens({"LAVROV-LED", "TROOPS", "TROOPS-LED", "LAVROV-BACKED", "LAVROV-LED"});
  toks[0].flags |= text::kHyphenated | text::kCapitalized;
  toks[2].flags |= text::kHyphenated;
  toks[3].flags |= text::kHyphenated | text::kCapitalized;
  toks[4].flags |= text::kCapitalized;  // not flagged hyphenated: not split
  std::vector<Match> matches = MatchAll(**lex, toks).matches;
  std::set<std::tuple<uint32_t, uint32_t, EntryKind>> got;
  for (const auto& m : matches) got.insert({m.begin, m.end, m.payload.kind});
  EXPECT_TRUE(got.count({0, 1, EntryKind::kActor}));  // LAVROV
  EXPECT_TRUE(got.count({1, 2, EntryKind::kAgent}));
  EXPECT_FALSE(got.count({2, 3, EntryKind::kAgent}));
  EXPECT_FALSE(got.count({3, 4, EntryKind::kActor}));
  EXPECT_FALSE(got.count({4, 5, EntryKind::kActor}));
}

TEST(LexiconTest, ExactWordDoesNotMatchLongerToken) {
  auto lex = Lexicon::Build(SmallDictionary());
  ASSERT_TRUE(lex.ok());
  auto toks = Tokens({"LAVROVS", "ATTACKEDX"});
  EXPECT_TRUE(MatchAll(**lex, toks).matches.empty());
}

TEST(LexiconTest, CountryCodesComeFromThreeLetterActorCodes) {
  auto lex = Lexicon::Build(SmallDictionary());
  ASSERT_TRUE(lex.ok());
  EXPECT_TRUE((*lex)->IsCountryCode("ISR"));
  EXPECT_FALSE((*lex)->IsCountryCode("RUS"));  // only RUSGOV is in this dictionary
  EXPECT_FALSE((*lex)->IsCountryCode("isr"));
  EXPECT_FALSE((*lex)->IsCountryCode("ISRA"));
  EXPECT_FALSE((*lex)->IsCountryCode("IS"));
  EXPECT_FALSE((*lex)->IsCountryCode(""));
}

TEST(LexiconTest, KindsOfActorAreNoCountryCodes) {
  DictionarySet d = SmallDictionary();
  ActorEntry bbc;  // Phoenix codes media outlets [MED], firms [MNC]
  bbc.names = {P({{"BBC", true}})};
  bbc.codes = {{"MED"}};
  d.actors.push_back(bbc);
  ActorEntry firm;
  firm.names = {P({{"UNOCAL", true}})};
  firm.codes = {{"MNC"}};
  d.actors.push_back(firm);
  AgentEntry reporters;
  reporters.names = {P({{"REPORTERS", true}})};
  reporters.code = "MED";
  d.agents.push_back(reporters);
  auto lex = Lexicon::Build(d);
  ASSERT_TRUE(lex.ok());
  EXPECT_TRUE((*lex)->IsCountryCode("ISR"));
  EXPECT_FALSE((*lex)->IsCountryCode("MED"));  // an agent's code
  EXPECT_FALSE((*lex)->IsCountryCode("MNC"));  // an international body's head
}

// A phrase word with gap_before (TABARI "ITHILEN TELEVISION").
PhraseWord Gap(const char* text, bool exact) { return PhraseWord{text, exact, true}; }

TEST(LexiconTest, GateIndexListsEachLargeBlocksPatternsByGate) {
  // ChooseVerbCode looks a sentence's words up in the gate index of a large block instead of
  // testing every pattern's gate: the index must hold exactly the patterns pattern_gates()
  // gives each word (in block order) and the ungated ones, and its filter every gate.
  DictionarySet d = SmallDictionary();
  std::mt19937 rng(5);
  const char* words[] = {"TALKS", "ON", "WITH", "AGAINST", "AID", "TROOPS", "SANCTIONS", "OVER"};
  for (uint32_t b = 0; b < 2; ++b) {
    VerbBlock& block = b == 0 ? d.verbs[0] : d.verbs.emplace_back();
    if (b == 1) {
      block.name = "SAY";
      block.code = "010";
      block.forms = {{P({{"SAID", true}}), 0, "", ""}};
    }
    const int n = b == 0 ? 300 : 5;  // a large block and a small one
    for (int i = 0; i < n; ++i) {
      VerbPattern vp;
      vp.code = "190";
      const int elements = static_cast<int>(rng() % 3);  // some patterns name no word at all
      for (int e = 0; e < elements; ++e) {
        PatternElement pe;
        pe.word = {words[rng() % std::size(words)], true};
        (rng() % 2 ? vp.after : vp.before).push_back(pe);
      }
      if (rng() % 4 == 0) {
        PatternElement target;
        target.kind = ElementKind::kTarget;
        vp.after.push_back(target);
      }
      block.patterns.push_back(vp);
    }
  }
  auto lex = Lexicon::Build(std::move(d));
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  const Lexicon& l = **lex;
  EXPECT_EQ(l.gate_index(1), nullptr);  // 5 patterns: scanned
  const Lexicon::GateIndex* index = l.gate_index(0);
  ASSERT_NE(index, nullptr);
  const std::vector<uint32_t>& gates = l.pattern_gates(0);
  ASSERT_EQ(gates.size(), 300u);
  std::vector<uint32_t> from_index = index->ungated;
  ASSERT_EQ(index->begin.size(), index->words.size() + 1);
  for (size_t g = 0; g < index->words.size(); ++g) {
    if (g > 0) {
      EXPECT_LT(index->words[g - 1], index->words[g]);
    }
    EXPECT_TRUE(index->MayBeGate(index->words[g]));
    for (uint32_t k = index->begin[g]; k < index->begin[g + 1]; ++k) {
      const uint32_t position = index->positions[k];
      EXPECT_EQ(gates[position], index->words[g]);
      if (k > index->begin[g]) {
        EXPECT_LT(index->positions[k - 1], position);
      }
      from_index.push_back(position);
    }
  }
  std::sort(from_index.begin(), from_index.end());
  std::vector<uint32_t> all(300);
  for (uint32_t i = 0; i < 300; ++i) all[i] = i;
  EXPECT_EQ(from_index, all);  // every pattern exactly once
  size_t ungated = 0;
  for (uint32_t g : gates) ungated += g == Lexicon::kNoWord;
  EXPECT_EQ(index->ungated.size(), ungated);
  EXPECT_GT(ungated, 0u);
  EXPECT_GE(index->words.size(), 5u);
}

TEST(LexiconGapTest, GappedPhraseSpansInterveningWordsUpToPunctuation) {
  DictionarySet d;
  ActorEntry tv;
  tv.names = {Phrase{{"ITHILEN", true}, Gap("TELEVISION", true)}};
  tv.codes = {{"ITHTV"}};
  d.actors.push_back(tv);
  ActorEntry adjacent;  // no gap: must stay adjacent
  adjacent.names = {Phrase{{"ITHILEN", true}, {"RADIO", true}}};
  adjacent.codes = {{"ITHRAD"}};
  d.actors.push_back(adjacent);
  auto lex = Lexicon::Build(std::move(d));
  ASSERT_TRUE(lex.ok());

  auto toks = Tokens({"ITHILEN", "STATE-RUN", "TELEVISION", "AND", "RADIO"});
  Found f = MatchAll(**lex, toks);
  ASSERT_EQ(f.matches.size(), 1u);
  EXPECT_EQ(f.matches[0].begin, 0u);
  EXPECT_EQ(f.matches[0].end, 3u);
  EXPECT_EQ(f.matches[0].payload.index, 0u);
  EXPECT_TRUE(f.matches[0].gapped);

  // Zero words between is a match too.
  f = MatchAll(**lex, Tokens({"ITHILEN", "TELEVISION"}));
  ASSERT_EQ(f.matches.size(), 1u);
  EXPECT_EQ(f.matches[0].end, 2u);

  // A comma stops the gap ("Radagast, the Brown wizard"); a quote does not.
  toks = Tokens({"ITHILEN", ",", "TELEVISION"});
  toks[1].flags = text::kPunct;
  EXPECT_TRUE(MatchAll(**lex, toks).matches.empty());
  toks[1].flags = text::kPunct | text::kQuote;
  EXPECT_EQ(MatchAll(**lex, toks).matches.size(), 1u);
}

TEST(LexiconGapTest, AdjacentPhraseComesBeforeGappedOneOnTheSameSpan) {
  DictionarySet d;
  ActorEntry loose;  // "AL GORE" [TEN], first in the file
  loose.names = {Phrase{{"AL", false}, Gap("GORE", false)}};
  loose.codes = {{"TEN"}};
  d.actors.push_back(loose);
  ActorEntry strict;  // "AL_GORE" [AGR]
  strict.names = {Phrase{{"AL", true}, {"GORE", false}}};
  strict.codes = {{"AGR"}};
  d.actors.push_back(strict);
  auto lex = Lexicon::Build(std::move(d));
  ASSERT_TRUE(lex.ok());
  Found f = MatchAll(**lex, Tokens({"AL", "GORE"}));
  ASSERT_EQ(f.matches.size(), 2u);
  EXPECT_EQ(f.matches[0].payload.index, 1u);  // AGR first
  EXPECT_FALSE(f.matches[0].gapped);
  EXPECT_EQ(f.matches[1].payload.index, 0u);
  EXPECT_TRUE(f.matches[1].gapped);
  // With a word between, only the loose phrase matches.
  f = MatchAll(**lex, Tokens({"AL", "WEASEL", "GORE"}));
  ASSERT_EQ(f.matches.size(), 1u);
  EXPECT_EQ(f.matches[0].payload.index, 0u);
}

TEST(LexiconGapTest, SamePhraseEndReachedTwiceIsReportedOnce) {
  DictionarySet d;
  ActorEntry a;
  a.names = {Phrase{{"A", true}, Gap("B", true), Gap("C", true)}};
  a.codes = {{"X"}};
  d.actors.push_back(a);
  auto lex = Lexicon::Build(std::move(d));
  ASSERT_TRUE(lex.ok());
  Found f = MatchAll(**lex, Tokens({"A", "B", "B", "C"}));
  ASSERT_EQ(f.matches.size(), 1u);
  EXPECT_EQ(f.matches[0].end, 4u);
}

// Six gapped A's over 40 A's: C(39, 5) paths from the first token alone if every path were
// walked; each (start, end) must come out once, and quickly.
TEST(LexiconGapTest, RepetitiveTextGivesEachSpanOnce) {
  DictionarySet d;
  ActorEntry a;
  a.names = {Phrase{{"A", true}}};
  for (int k = 0; k < 5; ++k) a.names[0].push_back(Gap("A", true));
  a.codes = {{"X"}};
  d.actors.push_back(a);
  auto lex = Lexicon::Build(std::move(d));
  ASSERT_TRUE(lex.ok());
  std::vector<text::Token> toks = Tokens({"A"});
  for (int i = 1; i < 40; ++i) toks.push_back(toks[0]);
  Found f = MatchAll(**lex, toks);
  // Start s reaches every end in [s + 6, 40]: 35 + 34 + ... + 1 spans.
  EXPECT_EQ(f.matches.size(), 35u * 36u / 2u);
}

// Differential test: the trie against a brute-force matcher that compares every phrase at
// every position, on random dictionaries and sentences over a small alphabet.
TEST(LexiconTest, AgreesWithBruteForceOnRandomInput) {
  std::mt19937 rng(42);
  const std::vector<std::string> vocab = {"A", "AB", "ABC", "B", "BA", "C", "CA", "CAB"};
  for (int round = 0; round < 50; ++round) {
    DictionarySet d;
    int phrases = 1 + static_cast<int>(rng() % 12);
    for (int i = 0; i < phrases; ++i) {
      ActorEntry a;
      Phrase p;
      int len = 1 + static_cast<int>(rng() % 3);
      for (int k = 0; k < len; ++k) {
        // A gap on the first word must be ignored; elsewhere the word may follow a gap.
        p.push_back({vocab[rng() % vocab.size()], rng() % 2 == 0, rng() % 3 == 0});
      }
      a.names = {p};
      a.codes = {{"X" + std::to_string(i)}};
      d.actors.push_back(a);
    }
    DictionarySet copy = d;
    auto lex = Lexicon::Build(std::move(d));
    ASSERT_TRUE(lex.ok());
    std::vector<text::Token> toks;
    int n = 1 + static_cast<int>(rng() % 10);
    for (int i = 0; i < n; ++i) {
      text::Token t;
      t.norm = vocab[rng() % vocab.size()];
      toks.push_back(t);
    }
    SentenceWords words;
    (*lex)->LookupWords(toks.data(), toks.size(), &words);
    std::vector<Match> matches;
    (*lex)->FindMatches(words, &matches);
    // Punctuation stops gaps: make some tokens commas.
    for (auto& t : toks) {
      if (rng() % 8 == 0) {
        t.norm = ",";
        t.flags = text::kPunct;
      }
    }
    SentenceWords punct_words;
    (*lex)->LookupWords(toks.data(), toks.size(), &punct_words);
    matches.clear();
    (*lex)->FindMatches(punct_words, &matches);
    std::multiset<std::tuple<uint32_t, uint32_t, uint32_t>> fast, naive;
    for (const auto& m : matches) fast.insert({m.begin, m.end, m.payload.index});
    auto word_ok = [&](const PhraseWord& w, uint32_t t) {
      const std::string& s = toks[t].norm;
      return w.exact ? s == w.text : s.compare(0, w.text.size(), w.text) == 0;
    };
    for (uint32_t i = 0; i < copy.actors.size(); ++i) {
      const Phrase& p = copy.actors[i].names[0];
      // Every end reachable by placing word k at some token: right after word k-1, or (with
      // gap_before) any later token with no punctuation skipped.
      for (uint32_t s = 0; s < toks.size(); ++s) {
        if (!word_ok(p[0], s)) continue;
        std::set<uint32_t> ends{s + 1};
        for (size_t k = 1; k < p.size(); ++k) {
          std::set<uint32_t> next;
          for (uint32_t e : ends) {
            for (uint32_t t = e; t < toks.size(); ++t) {
              if (t > e && toks[t - 1].flags == text::kPunct) break;  // skipped a comma
              if (word_ok(p[k], t)) next.insert(t + 1);
              if (!p[k].gap_before) break;
            }
          }
          ends = std::move(next);
        }
        for (uint32_t e : ends) naive.insert({s, e, i});
      }
    }
    EXPECT_EQ(fast, naive) << "round " << round;
  }
}

}  // namespace
}  // namespace annal::lexicon
