#include "lexicon/lexicon.h"

#include <gtest/gtest.h>

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
  SentenceWords words;
  (*lex)->LookupWords(toks.data(), toks.size(), &words);
  std::vector<Match> matches;
  (*lex)->FindMatches(words, &matches);
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

TEST(LexiconTest, ExactWordDoesNotMatchLongerToken) {
  auto lex = Lexicon::Build(SmallDictionary());
  ASSERT_TRUE(lex.ok());
  auto toks = Tokens({"LAVROVS", "ATTACKEDX"});
  SentenceWords words;
  (*lex)->LookupWords(toks.data(), toks.size(), &words);
  std::vector<Match> matches;
  (*lex)->FindMatches(words, &matches);
  EXPECT_TRUE(matches.empty());
}

TEST(LexiconTest, CountryCodesComeFromThreeLetterActorCodes) {
  auto lex = Lexicon::Build(SmallDictionary());
  ASSERT_TRUE(lex.ok());
  EXPECT_TRUE((*lex)->IsCountryCode("ISR"));
  EXPECT_FALSE((*lex)->IsCountryCode("RUS"));  // only RUSGOV is in this dictionary
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
      for (int k = 0; k < len; ++k) p.push_back({vocab[rng() % vocab.size()], rng() % 2 == 0});
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
    std::multiset<std::tuple<uint32_t, uint32_t, uint32_t>> fast, naive;
    for (const auto& m : matches) fast.insert({m.begin, m.end, m.payload.index});
    for (uint32_t i = 0; i < copy.actors.size(); ++i) {
      const Phrase& p = copy.actors[i].names[0];
      for (uint32_t s = 0; s + p.size() <= toks.size(); ++s) {
        bool ok = true;
        for (size_t k = 0; k < p.size() && ok; ++k) {
          const std::string& t = toks[s + k].norm;
          ok = p[k].exact ? t == p[k].text : t.compare(0, p[k].text.size(), p[k].text) == 0;
        }
        if (ok) naive.insert({s, s + static_cast<uint32_t>(p.size()), i});
      }
    }
    EXPECT_EQ(fast, naive) << "round " << round;
  }
}

}  // namespace
}  // namespace annal::lexicon
