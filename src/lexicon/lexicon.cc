#include "lexicon/lexicon.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <unordered_set>

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace annal::lexicon {
namespace {

constexpr uint32_t kRoot = 0;

// Never 0 (U32Map's empty key): bit 31 is set.
uint32_t StartKey(std::string_view w) {
  return 0x80000000u | (uint32_t{static_cast<uint8_t>(w[0])} << 16) |
         (uint32_t{static_cast<uint8_t>(w[1])} << 8) | static_cast<uint8_t>(w[2]);
}

// The index of a three-capital code ("USA") among all 26^3, or -1 for any other string.
int UpperCode3Index(std::string_view code) {
  if (code.size() != 3) return -1;
  int index = 0;
  for (char c : code) {
    if (c < 'A' || c > 'Z') return -1;
    index = index * 26 + (c - 'A');
  }
  return index;
}

uint64_t EdgeKey(uint32_t node, uint32_t word) { return (uint64_t{node} << 32) | word; }

}  // namespace

void EdgeTable::Reserve(size_t n) {
  size_t capacity = 16;
  while (capacity < n * 2) capacity <<= 1;
  if (capacity <= keys_.size()) return;
  std::vector<uint64_t> old_keys = std::move(keys_);
  std::vector<uint32_t> old_values = std::move(values_);
  keys_.assign(capacity, 0);
  values_.assign(capacity, 0);
  mask_ = capacity - 1;
  size_ = 0;
  for (size_t i = 0; i < old_keys.size(); ++i) {
    if (old_values[i] == 0) continue;
    bool inserted;
    FindOrInsert(old_keys[i], old_values[i], &inserted);
  }
}

void EdgeTable::Grow() { Reserve(keys_.empty() ? 8 : keys_.size()); }

uint32_t EdgeTable::FindOrInsert(uint64_t key, uint32_t value_if_new, bool* inserted) {
  if ((size_ + 1) * 2 > keys_.size()) Grow();
  for (size_t i = Slot(key);; i = (i + 1) & mask_) {
    if (values_[i] == 0) {
      keys_[i] = key;
      values_[i] = value_if_new;
      ++size_;
      *inserted = true;
      return value_if_new;
    }
    if (keys_[i] == key) {
      *inserted = false;
      return values_[i];
    }
  }
}

void WordTable::reserve(size_t n) {
  size_t capacity = 16;
  while (capacity < n * 2) capacity <<= 1;
  if (capacity > slots_.size()) Rehash(capacity);
}

void WordTable::Rehash(size_t capacity) {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(capacity, Slot{0, kAbsent, 0, 0});
  mask_ = capacity - 1;
  for (const Slot& s : old) {
    if (s.offset == kAbsent) continue;
    size_t i = static_cast<size_t>(s.hash) & mask_;
    while (slots_[i].offset != kAbsent) i = (i + 1) & mask_;
    slots_[i] = s;
  }
}

uint32_t WordTable::FindHashed(std::string_view text, uint64_t hash) const {
  if (slots_.empty()) return kAbsent;
  for (size_t i = static_cast<size_t>(hash) & mask_;; i = (i + 1) & mask_) {
    const Slot& s = slots_[i];
    if (s.offset == kAbsent) return kAbsent;
    if (s.hash == hash && s.length == text.size() &&
        std::memcmp(chars_.data() + s.offset, text.data(), text.size()) == 0) {
      return s.value;
    }
  }
}

uint32_t WordTable::Find(std::string_view text) const {
  return FindHashed(text, XXH3_64bits(text.data(), text.size()));
}

uint32_t WordTable::FindOrInsert(std::string_view text, uint32_t id_if_new, bool* inserted) {
  const uint64_t hash = XXH3_64bits(text.data(), text.size());
  if (uint32_t found = FindHashed(text, hash); found != kAbsent) {
    *inserted = false;
    return found;
  }
  if ((size_ + 1) * 2 > slots_.size()) Rehash(slots_.empty() ? 16 : slots_.size() * 2);
  size_t i = static_cast<size_t>(hash) & mask_;
  while (slots_[i].offset != kAbsent) i = (i + 1) & mask_;
  slots_[i] = Slot{hash, static_cast<uint32_t>(chars_.size()), static_cast<uint32_t>(text.size()),
                   id_if_new};
  chars_.append(text);
  ++size_;
  *inserted = true;
  return id_if_new;
}

uint64_t& U32Map::operator[](uint32_t key) {
  if ((size_ + 1) * 2 > keys_.size()) Rehash(keys_.empty() ? 16 : keys_.size() * 2);
  size_t i = Slot(key);
  while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & mask_;
  if (keys_[i] == 0) {
    keys_[i] = key;
    ++size_;
  }
  return values_[i];
}

void U32Map::Rehash(size_t capacity) {
  std::vector<uint32_t> old_keys = std::move(keys_);
  std::vector<uint64_t> old_values = std::move(values_);
  keys_.assign(capacity, 0);
  values_.assign(capacity, 0);
  mask_ = capacity - 1;
  for (size_t j = 0; j < old_keys.size(); ++j) {
    if (old_keys[j] == 0) continue;
    size_t i = Slot(old_keys[j]);
    while (keys_[i] != 0) i = (i + 1) & mask_;
    keys_[i] = old_keys[j];
    values_[i] = old_values[j];
  }
}

uint32_t Lexicon::InternWord(const PhraseWord& w) {
  auto& table = w.exact ? exact_words_ : stem_words_;
  bool inserted;
  const uint32_t id = table.FindOrInsert(w.text, next_word_, &inserted);
  if (inserted) {
    ++next_word_;
    if (!w.exact) {
      max_stem_length_ = std::max(max_stem_length_, w.text.size());
      if (w.text.size() < 64) {
        stem_lengths_ |= uint64_t{1} << w.text.size();
        if (w.text.size() >= 3) {
          stem_lengths_by_start_[StartKey(w.text)] |= uint64_t{1} << w.text.size();
        }
      }
    }
  }
  return id;
}

uint32_t Lexicon::WordId(std::string_view text, bool exact) const {
  static_assert(WordTable::kAbsent == kNoWord);
  return (exact ? exact_words_ : stem_words_).Find(text);
}

uint32_t Lexicon::Child(uint32_t node, uint32_t word) const {
  return edges_.Find(EdgeKey(node, word));
}

CompiledElement Lexicon::CompileElement(const PatternElement& e) {
  CompiledElement c{e.kind, e.adjacent, 0};
  if (e.kind == ElementKind::kWord) {
    c.id = InternWord(e.word);
  } else if (e.kind == ElementKind::kSynset) {
    auto it = synset_index_.find(e.synset);
    c.id = it == synset_index_.end() ? UINT32_MAX : it->second;
  }
  return c;
}

Result<std::unique_ptr<Lexicon>> Lexicon::Build(DictionarySet dict, const LexiconOptions& options) {
  std::unique_ptr<Lexicon> lex(new Lexicon());
  lex->dict_ = std::move(dict);
  const DictionarySet& d = lex->dict_;
  // (node, payload) pairs, grouped by node after the walk (a counting sort), instead of one
  // vector per node: far fewer allocations for ~90k nodes.
  std::vector<std::pair<uint32_t, Payload>> node_payloads;
  uint32_t node_count = 1;
  size_t phrases = 0;
  for (const auto& a : d.actors) phrases += a.names.size();
  for (const auto& a : d.agents) phrases += a.names.size();
  for (const auto& v : d.verbs) phrases += v.forms.size();
  for (const auto& x : d.synsets) phrases += x.members.size();
  phrases += d.discards.size() + d.issues.size();
  lex->edges_.Reserve(phrases * 2);
  lex->exact_words_.reserve(phrases);
  node_payloads.reserve(phrases);

  if (options.name_variants) {
    auto lookup = [](const void* self, std::string_view word) -> uint32_t {
      return static_cast<const Lexicon*>(self)->WordId(word, true);
    };
    lex->variants_ = std::make_unique<context::NameVariantIndex>(lookup, lex.get());
  }
  context::NameVariantIndex* variants = lex->variants_.get();
  // Words of actor names (letters, with inner hyphens or apostrophes) go to the name-variant
  // index as they are interned, for tokens that match no dictionary word.
  // A person, for fuzzy matching: a root name of 2-4 words ("SERGEY LAVROV") and only role
  // codes (RUSGOV), never a bare country code.
  auto is_person = [&](uint32_t actor) {
    const ActorEntry& a = d.actors[actor];
    if (a.names.empty() || a.names[0].size() < 2 || a.names[0].size() > 4 || a.codes.empty()) {
      return false;
    }
    for (const DatedCode& c : a.codes) {
      if (c.code.size() <= 3) return false;
    }
    return true;
  };
  auto add_name_word = [&](const PhraseWord& w, uint32_t id, uint32_t actor, bool person) {
    if (!w.exact || w.text.size() < 5) return;
    for (char c : w.text) {
      if (!((c >= 'A' && c <= 'Z') || c == '-' || c == '\'')) return;
    }
    variants->Add(w.text, id, actor, person);
  };
  std::vector<uint32_t> gap_parents;
  auto add = [&](const Phrase& phrase, Payload payload, bool person = false) {
    if (phrase.empty()) return;
    uint32_t node = kRoot;
    for (const PhraseWord& w : phrase) {
      uint32_t id = lex->InternWord(w);
      if (variants != nullptr && payload.kind == EntryKind::kActor) {
        add_name_word(w, id, payload.index, person);
      }
      // A gap before the first word means nothing: a match may start anywhere.
      const bool gap = w.gap_before && node != kRoot;
      if (gap) gap_parents.push_back(node);
      bool inserted;
      node = lex->edges_.FindOrInsert(EdgeKey(node, gap ? (id | kGapEdge) : id), node_count,
                                      &inserted);
      if (inserted) ++node_count;
    }
    node_payloads.push_back({node, payload});
  };

  for (uint32_t i = 0; i < d.actors.size(); ++i) {
    const bool person = variants != nullptr && is_person(i);
    for (const Phrase& p : d.actors[i].names) add(p, {EntryKind::kActor, i, 0}, person);
    for (const DatedCode& c : d.actors[i].codes) {
      if (c.code.size() == 3) lex->country_codes_.push_back(c.code);
    }
  }
  for (uint32_t i = 0; i < d.agents.size(); ++i) {
    for (const Phrase& p : d.agents[i].names) add(p, {EntryKind::kAgent, i, 0});
  }
  for (uint32_t i = 0; i < d.verbs.size(); ++i) {
    for (uint32_t f = 0; f < d.verbs[i].forms.size(); ++f) {
      add(d.verbs[i].forms[f].words, {EntryKind::kVerbForm, i, f});
    }
  }
  for (uint32_t i = 0; i < d.synsets.size(); ++i) {
    lex->synset_index_.emplace(d.synsets[i].name, i);
    for (uint32_t m = 0; m < d.synsets[i].members.size(); ++m) {
      add(d.synsets[i].members[m], {EntryKind::kSynsetMember, i, m});
    }
  }
  for (uint32_t i = 0; i < d.discards.size(); ++i) add(d.discards[i].phrase, {EntryKind::kDiscard, i, 0});
  for (uint32_t i = 0; i < d.issues.size(); ++i) add(d.issues[i].phrase, {EntryKind::kIssue, i, 0});

  if (!gap_parents.empty()) {
    lex->gap_parent_.assign(node_count, 0);
    for (uint32_t node : gap_parents) lex->gap_parent_[node] = 1;
  }

  // Flatten payloads so a node's list is one contiguous slice, in insertion order.
  lex->node_payload_begin_.assign(node_count + 1, 0);
  for (const auto& [node, payload] : node_payloads) ++lex->node_payload_begin_[node + 1];
  for (uint32_t n = 0; n < node_count; ++n) {
    lex->node_payload_begin_[n + 1] += lex->node_payload_begin_[n];
  }
  lex->payloads_.resize(node_payloads.size());
  std::vector<uint32_t> fill(lex->node_payload_begin_.begin(), lex->node_payload_begin_.end() - 1);
  for (const auto& [node, payload] : node_payloads) lex->payloads_[fill[node]++] = payload;

  // Compile patterns after the synsets are indexed.
  lex->patterns_.resize(d.verbs.size());
  for (uint32_t b = 0; b < d.verbs.size(); ++b) {
    const auto& patterns = d.verbs[b].patterns;
    auto& out = lex->patterns_[b];
    out.reserve(patterns.size());
    for (uint32_t p = 0; p < patterns.size(); ++p) {
      CompiledPattern cp;
      cp.pattern_index = p;
      cp.verb_adjacent = patterns[p].verb_adjacent;
      cp.specificity = 0;
      for (const auto& e : patterns[p].before) {
        cp.before.push_back(lex->CompileElement(e));
        if (e.kind == ElementKind::kWord) cp.required_words.push_back(cp.before.back().id);
        cp.specificity += (e.kind == ElementKind::kWord || e.kind == ElementKind::kSynset) ? 2 : 1;
      }
      for (const auto& e : patterns[p].after) {
        cp.after.push_back(lex->CompileElement(e));
        if (e.kind == ElementKind::kWord) cp.required_words.push_back(cp.after.back().id);
        cp.specificity += (e.kind == ElementKind::kWord || e.kind == ElementKind::kSynset) ? 2 : 1;
      }
      out.push_back(std::move(cp));
    }
    // Most specific first; among equals keep dictionary order (stable).
    std::stable_sort(out.begin(), out.end(), [](const CompiledPattern& a, const CompiledPattern& b) {
      return a.specificity > b.specificity;
    });
  }
  // Required words, rarest first (fewest patterns ask for them: a word few patterns need is
  // seldom in a sentence either), so that a pattern's test fails at its first word; that
  // word is also the block's flat gate list, which ChooseVerbCode scans before touching a
  // pattern.
  std::unordered_map<uint32_t, uint32_t> uses;
  for (const auto& block : lex->patterns_) {
    for (const CompiledPattern& cp : block) {
      for (uint32_t id : cp.required_words) ++uses[id];
    }
  }
  lex->pattern_gates_.resize(lex->patterns_.size());
  for (size_t b = 0; b < lex->patterns_.size(); ++b) {
    for (CompiledPattern& cp : lex->patterns_[b]) {
      std::sort(cp.required_words.begin(), cp.required_words.end(), [&](uint32_t x, uint32_t y) {
        const uint32_t ux = uses[x], uy = uses[y];
        return ux != uy ? ux < uy : x < y;
      });
      lex->pattern_gates_[b].push_back(cp.required_words.empty() ? kNoWord
                                                                 : cp.required_words.front());
    }
  }
  lex->gate_index_.resize(lex->patterns_.size());
  for (size_t b = 0; b < lex->patterns_.size(); ++b) {
    const std::vector<uint32_t>& gates = lex->pattern_gates_[b];
    if (gates.size() < kGateIndexMin) continue;
    GateIndex& index = lex->gate_index_[b];
    std::vector<std::pair<uint32_t, uint32_t>> by_gate;  // (gate, position)
    for (uint32_t i = 0; i < gates.size(); ++i) {
      if (gates[i] == kNoWord) {
        index.ungated.push_back(i);
      } else {
        by_gate.emplace_back(gates[i], i);
      }
    }
    std::sort(by_gate.begin(), by_gate.end());
    for (const auto& [gate, position] : by_gate) {
      index.filter[(gate >> 6) & 63] |= uint64_t{1} << (gate & 63);
      if (index.words.empty() || index.words.back() != gate) {
        index.words.push_back(gate);
        index.begin.push_back(static_cast<uint32_t>(index.positions.size()));
      }
      index.positions.push_back(position);
    }
    index.begin.push_back(static_cast<uint32_t>(index.positions.size()));
  }
  if (variants != nullptr) variants->Finish();
  // A three-letter actor code is a country unless it names a kind of actor: the international
  // bodies (IGO, NGO, IMG, MNC) and every code an agent stands for (MED for media outlets coded
  // [MED], ELI, NGO). Else a bare agent ("the publication" ~MED, "Islamic" ~MUS) would get that
  // code as its country in the event record. MUS is both Mauritius and Phoenix's agent code for
  // Muslim; the agent reading is by far the commoner in news, so Mauritius goes without one.
  std::vector<std::string> kinds = {"IGO", "NGO", "IMG", "MNC"};
  for (const AgentEntry& a : d.agents) {
    if (a.code.size() >= 3) kinds.push_back(a.code.substr(0, 3));
  }
  std::sort(kinds.begin(), kinds.end());
  std::sort(lex->country_codes_.begin(), lex->country_codes_.end());
  lex->country_codes_.erase(std::unique(lex->country_codes_.begin(), lex->country_codes_.end()),
                            lex->country_codes_.end());
  std::erase_if(lex->country_codes_, [&](const std::string& c) {
    return std::binary_search(kinds.begin(), kinds.end(), c);
  });
  lex->country_code_bits_.assign((26 * 26 * 26 + 63) / 64, 0);
  for (const std::string& c : lex->country_codes_) {
    if (int i = UpperCode3Index(c); i >= 0) {
      lex->country_code_bits_[i >> 6] |= uint64_t{1} << (i & 63);
    }
  }
  return lex;
}

bool Lexicon::IsCountryCode(std::string_view code) const {
  // Asked for every mention and place: a bit test for the usual three capitals, the sorted
  // list for anything else.
  if (int i = UpperCode3Index(code); i >= 0) return (country_code_bits_[i >> 6] >> (i & 63)) & 1;
  return std::binary_search(country_codes_.begin(), country_codes_.end(), code);
}

void Lexicon::LookupWords(const text::Token* tokens, size_t n, SentenceWords* out) const {
  out->ids.clear();
  out->tokens.resize(n);
  for (size_t t = 0; t < n; ++t) {
    std::string_view norm = tokens[t].norm;
    TokenWords& tw = out->tokens[t];
    tw.offset = static_cast<uint32_t>(out->ids.size());
    tw.gap_stop = !gap_parent_.empty() && tokens[t].has(text::kPunct) &&
                  !tokens[t].has(text::kQuote) && norm != "-";
    if (uint32_t id = exact_words_.Find(norm); id != kNoWord) out->ids.push_back(id);
    // "US-led forces", "a Saudi-led coalition", "NATO-led troops": the led force acts for the
    // one that leads it, so the word before "-led" also reads as itself (US, SAUDI, NATO) and
    // the hyphenated token can begin or end a name. Not "-backed" or "-based": a backer or a
    // place is not the actor ("Syrian-backed militia", "London-based group"). Only a name does
    // this: "a judge-led inquiry" is no judge.
    if (norm.size() > 4 && norm.ends_with("-LED") && tokens[t].has(text::kHyphenated) &&
        tokens[t].has(text::kCapitalized)) {
      if (uint32_t id = exact_words_.Find(norm.substr(0, norm.size() - 4)); id != kNoWord) {
        out->ids.push_back(id);
      }
    }
    // Stems: every prefix of the token that is a stem word, longest first. Only lengths that
    // stems starting like this token have are looked up.
    size_t longest = std::min(norm.size(), max_stem_length_);
    uint64_t lengths = stem_lengths_ & 0b110;  // one- and two-byte stems
    if (norm.size() >= 3) lengths |= stem_lengths_by_start_.Get(StartKey(norm));
    if (longest < 63) lengths &= (uint64_t{2} << longest) - 1;  // lengths 1..longest
    lengths &= ~uint64_t{1};
    while (lengths != 0) {
      const size_t len = 63 - static_cast<size_t>(std::countl_zero(lengths));
      lengths &= ~(uint64_t{1} << len);
      if (uint32_t id = stem_words_.Find(norm.substr(0, len)); id != kNoWord) {
        out->ids.push_back(id);
      }
    }
    tw.count = static_cast<uint16_t>(out->ids.size() - tw.offset);
    if (tw.count == 0 && variants_ != nullptr && WantsVariant(tokens[t])) {
      context::VariantResolution r = variants_->Resolve(norm);
      if (r.how != context::VariantMatch::kNone) {
        out->ids.push_back(r.word_id);
        tw.count = 1;
      }
    }
  }
}

void Lexicon::FindMatches(const SentenceWords& words, std::vector<Match>* out) const {
  const uint32_t n = static_cast<uint32_t>(words.tokens.size());
  // Depth-first walk from every start token; a token with several ids branches.
  struct Frame {
    uint32_t node;
    uint32_t next_token;
    bool gapped;  // the path so far took a gapped edge (PhraseWord::gap_before)
  };
  std::vector<Frame> stack;
  // (node, next token) of the frames pushed over a gap, for this start: gaps reach the same
  // node at the same token by several paths ("A B C" in "A B B C" over either B), and without
  // this the walk is exponential in the phrase length on repetitive text.
  std::unordered_set<uint64_t> gap_frames;
  size_t first_of_start = out->size();
  for (uint32_t start = 0; start < n; ++start) {
    first_of_start = out->size();
    if (words.tokens[start].count == 0) continue;
    stack.clear();
    if (!gap_frames.empty()) gap_frames.clear();  // clear() zeroes the buckets even when empty
    stack.push_back({kRoot, start, false});
    while (!stack.empty()) {
      Frame f = stack.back();
      stack.pop_back();
      if (f.next_token >= n) continue;
      const TokenWords& tw = words.tokens[f.next_token];
      for (uint32_t i = 0; i < tw.count; ++i) {
        uint32_t child = Child(f.node, words.ids[tw.offset + i]);
        if (child == kRoot) continue;
        for (uint32_t p = node_payload_begin_[child]; p < node_payload_begin_[child + 1]; ++p) {
          out->push_back({start, f.next_token + 1, payloads_[p], f.gapped});
        }
        stack.push_back({child, f.next_token + 1, f.gapped});
      }
      if (gap_parent_.empty() || gap_parent_[f.node] == 0) continue;
      // Gapped children: the next word may be any later token of the sentence up to a
      // punctuation mark (TABARI puts no bound on the gap within a clause).
      for (uint32_t t = f.next_token; t < n; ++t) {
        const TokenWords& gw = words.tokens[t];
        if (gw.gap_stop) break;
        for (uint32_t i = 0; i < gw.count; ++i) {
          uint32_t child = Child(f.node, words.ids[gw.offset + i] | kGapEdge);
          if (child == kRoot || !gap_frames.insert(EdgeKey(child, t + 1)).second) continue;
          for (uint32_t p = node_payload_begin_[child]; p < node_payload_begin_[child + 1]; ++p) {
            out->push_back({start, t + 1, payloads_[p], true});
          }
          stack.push_back({child, t + 1, true});
        }
      }
    }
    // Longer matches first for each start, so callers taking the first hit get the longest.
    auto longer = [](const Match& a, const Match& b) {
      return a.end > b.end || (a.end == b.end && !a.gapped && b.gapped);
    };
    const auto first = out->begin() + static_cast<std::ptrdiff_t>(first_of_start);
    if (out->end() - first > 16) {
      std::stable_sort(first, out->end(), longer);
    } else {
      // A few matches (the usual case): a stable insertion sort, the same order as
      // std::stable_sort without its temporary buffer.
      for (auto it = first + (first != out->end()); it < out->end(); ++it) {
        Match m = *it;
        auto hole = it;
        for (; hole != first && longer(m, *(hole - 1)); --hole) *hole = *(hole - 1);
        *hole = m;
      }
    }
  }
}

}  // namespace annal::lexicon
