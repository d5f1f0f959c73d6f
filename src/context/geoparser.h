// Geoparser: finds place names in analysed text and resolves each to one gazetteer entry.
//
// Finding: capitalised token runs that equal a gazetteer key, longest match first; sentence-initial
// common words ("Reading the report"), titles' names ("Mr. Jordan"), pieces of longer proper
// names ("Paris Hilton", "Washington Post") and person names (a known given name before a
// capitalised word, and that word anywhere in the document: "Gordon Brown", "Michael Jordan")
// are skipped.
// Resolving, by evidence strength:
//   1. explicit admin context right after the name: "Long Beach, California", "Paris, Tenn.";
//   2. a country name always means the country (never a namesake town); between a country and a
//      same-named admin-1 region ("Georgia") the document's other places decide;
//   3. otherwise a score: log population, feature (capital, admin seat), the document's country and
//      admin-1 context (other places that resolve unambiguously, the dateline, GeoContext hints),
//      and neighbours (other names of the document with a reading within 150 km: "Portland" and
//      "Augusta" together are both in Maine); a continent's name means the continent;
//   4. a population floor drops small places that nothing in the document supports;
//   5. the US state the story names most holds its ambiguous US towns ("Marion" in a story that
//      names Indiana five times and Ohio once), as it holds its counties;
//   6. joint coherence: a town read without admin context moves to the reading of its name that
//      more of the story's chosen towns lie near (Hopkinton beside Concord: both in New
//      Hampshire), and a country's name that is also a town's is the town beside a neighbouring
//      town in a story wholly in the town's country ("Jordan" beside Shakopee, Minnesota).
// In a story that names US counties and not a capital's country, the capital's name has no
// capital bonus ("Paris" beside "Henry County" is a US town).
// US states' and Canadian provinces' people ("Texans", "Ontarians") are demonym mentions of the
// region, like countries' ("Russians").
#ifndef ANNAL_CONTEXT_GEOPARSER_H_
#define ANNAL_CONTEXT_GEOPARSER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "context/gazetteer.h"
#include "text/token.h"

namespace annal::context {

// What the caller knows about the document beyond its text.
struct GeoContext {
  // ISO3 codes of countries the document is about (actor countries, the source's country), most
  // relevant first. They count as context votes like places in the text. May be empty.
  std::vector<std::string> countries;
};

struct GeoparserOptions {
  // Emit demonyms ("Russian", "Israelis") as mentions of their country, flagged `demonym`.
  // Default true: the evaluation sets count them; event location should skip flagged ones.
  bool include_demonyms = true;
  // A populated place below this population is dropped unless the document supports it (its
  // country or admin-1 region is mentioned, or admin context follows it). Trade-off: higher
  // drops more noise ("Police", Poland) and more real villages.
  uint64_t min_population_unsupported = 1000;
  // Longest place name tried, in tokens.
  int max_span_tokens = 6;
};

struct PlaceMention {
  uint32_t begin = 0;  // byte offsets of the name in the document text, [begin, end)
  uint32_t end = 0;
  std::string text;                         // the words as written
  uint32_t first_token = 0, end_token = 0;  // token range of the name (0,0 for the dateline)
  uint32_t geonameid = 0;
  std::string name;          // GeoNames name of the resolved place
  std::string country_iso3;  // ISO 3166-1 alpha-3
  double lat = 0, lon = 0;
  std::string feature;  // GeoNames feature code (PCLI, ADM1, PPLC, PPL, ...)
  PlaceKind kind = PlaceKind::kPlace;
  bool demonym = false;  // "Russian": refers to the country, not a location of an event
  int candidates = 0;    // how many gazetteer entries the name had (1 = unambiguous)
  // A county the gazetteer lacks ("Laurel County"), placed at the document's main local place in
  // the same state, else at a namesake in that state or the state's point, else (no US state in
  // the document) at the most populous US namesake; geonameid is 0 and name is the text.
  bool approximate = false;
};

class Geoparser {
 public:
  // `gazetteer` must outlive the Geoparser.
  explicit Geoparser(const Gazetteer& gazetteer, GeoparserOptions options = {});

  // All place mentions of the document, in text order, non-overlapping.
  // REQUIRES: `analyzed` was produced from `text` (token offsets index into it).
  // Thread-safe (const, no shared mutable state).
  std::vector<PlaceMention> FindPlaces(const text::AnalyzedText& analyzed, std::string_view text,
                                       const GeoContext& context) const;

 private:
  const Gazetteer& gazetteer_;
  GeoparserOptions options_;
};

}  // namespace annal::context

#endif  // ANNAL_CONTEXT_GEOPARSER_H_
