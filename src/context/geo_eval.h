// Geoparsing evaluation on gold toponym corpora (TR-News, LGL; ../shared/data/geoparsing-eval/).
//
// acc161 = share of gold toponyms with coordinates for which the geoparser emits a mention that
// overlaps the gold span and whose point lies within 161 km (100 miles) of the gold point.
#ifndef ANNAL_CONTEXT_GEO_EVAL_H_
#define ANNAL_CONTEXT_GEO_EVAL_H_

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "annal/status.h"
#include "context/geoparser.h"
#include "text/token.h"

namespace annal::context {

// Fills AnalyzedText from text; the pipeline passes text::AnalyzeText.
using TextAnalyzer = std::function<void(std::string_view text, text::AnalyzedText* out)>;

struct GoldToponym {
  uint32_t begin = 0, end = 0;  // byte offsets into the article text
  std::string phrase;
  uint32_t geonameid = 0;
  double lat = 0, lon = 0;
  std::string feature;  // GeoNames feature code of the gold place when the file gives it (PCLI)
};

struct GoldArticle {
  std::string text;
  std::vector<GoldToponym> toponyms;  // only those with coordinates
};

// Parses the <articles><article><text>..<toponyms><toponym>... format. Gold offsets are
// character (code point) offsets; they are converted to byte offsets, and a span that is off by up
// to 12 characters from its <phrase> (105 of TR-News's 1,275) is moved onto the nearest exact
// occurrence of the phrase. Also reads GeoWebNews (GWN.xml: <extractedName>, <geonamesID>,
// <latitude>, <longitude>), where only toponyms with a GeoNames id are gold, as in the other sets.
Status ParseGeoparsingGold(std::string_view xml, std::vector<GoldArticle>* out);

// How one gold toponym fared (for error analysis: `annal eval-geo --dump`).
struct GeoEvalItem {
  enum class Outcome : uint8_t { kCorrect, kMissed, kWrong };
  size_t article = 0;
  const GoldToponym* gold = nullptr;  // points into the evaluated gold (valid while it lives)
  Outcome outcome = Outcome::kMissed;
  PlaceMention mention;  // the overlapping mention (empty when missed)
  double distance_km = 0;
};

struct GeoEvalResult {
  size_t gold = 0;              // n: gold toponyms with coordinates
  size_t correct = 0;           // found and within 161 km
  size_t missed = 0;            // no overlapping mention
  size_t wrong = 0;             // overlapping mention, resolved too far away
  size_t wrong_same_id = 0;     // of `wrong`: the right GeoNames id, but our reference point for it
                                // (a country or region) is > 161 km from GeoNames' own point
  size_t mentions = 0;          // all mentions the geoparser emitted
  size_t mentions_on_gold = 0;  // of those, overlapping a gold toponym
  double acc161() const { return gold ? static_cast<double>(correct) / gold : 0; }
  double precision() const {
    return mentions ? static_cast<double>(mentions_on_gold) / mentions : 0;
  }
  std::map<std::string, size_t> missed_phrases;  // phrase -> count
  std::map<std::string, size_t> wrong_phrases;   // "phrase -> resolved name (ISO3)" -> count
  std::map<std::string, size_t> extra_phrases;   // mentions on no gold toponym -> count
  std::vector<GeoEvalItem> items;                // one per gold toponym, in gold order
};

// Runs the geoparser over every article and scores it against the gold.
GeoEvalResult EvaluateGeoparser(const std::vector<GoldArticle>& gold, const Geoparser& geoparser,
                                const TextAnalyzer& analyze);

// Reads `xml_path` and evaluates. IOError/Corruption when the file cannot be read or parsed.
// `gold_out`, when given, receives the parsed gold (GeoEvalResult::items point into it).
Result<GeoEvalResult> EvaluateGeoparsingFile(const std::string& xml_path,
                                             const Geoparser& geoparser,
                                             const TextAnalyzer& analyze,
                                             std::vector<GoldArticle>* gold_out = nullptr);

// The scored geoparsing sets, in report order: GEO_TRNEWS (TR-News.xml), GEO_LGL (lgl.xml), files
// under <shared>/data/geoparsing-eval/. GeoWebNews (GWN.xml) is the development set and is not
// among them.
struct GeoSuite {
  const char* name;
  const char* file;
};
const std::vector<GeoSuite>& GeoSuites();

// "GEO_TRNEWS: acc161=0.xx n=N", the line `annal eval` and `annal eval-geo` print.
std::string FormatGeoLine(std::string_view name, const GeoEvalResult& r);

}  // namespace annal::context

#endif  // ANNAL_CONTEXT_GEO_EVAL_H_
