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

// The oracle upper bound: for each gold toponym, whether the gazetteer holds any reading of its
// phrase (the look-up the geoparser makes, every key kind and sense) within 161 km of the gold
// point. A geoparser that picks among the gazetteer's readings of the gold phrase can reach at
// most the oracle's share; `annal eval-geo --oracle` prints it. A county or parish the gazetteer
// lacks ("Hall County") counts as unreachable here even though the geoparser approximates such
// counties (see PlaceMention::approximate): `county_namesake_near` says how many of them have a
// namesake place ("Hall") within 161 km, and `unreachable_correct` how many the geoparser still
// got right.
struct GeoOracleItem {
  enum class Reach : uint8_t { kReachable, kNotInGazetteer, kNoSenseNear };
  // What the gold place is: an "X County"/"X Parish" phrase; a country, admin area or region (by
  // the gold feature code when the file gives it, else by our entry for the gold id); other.
  enum class Kind : uint8_t { kCounty, kAdminOrRegion, kOther };
  Reach reach = Reach::kNotInGazetteer;
  Kind kind = Kind::kOther;
  size_t senses = 0;           // gazetteer readings of the phrase
  double nearest_km = -1;      // distance of the nearest reading to the gold point; -1 if none
  bool gold_id_known = false;  // the gold GeoNames id is some gazetteer entry (under any name)
};

struct GeoOracleResult {
  static constexpr size_t kExamples = 10;
  size_t gold = 0;
  size_t reachable = 0;
  // Unreachable gold toponyms by reason and kind: [Reach - 1][Kind].
  size_t unreachable[2][3] = {{0, 0, 0}, {0, 0, 0}};
  size_t unreachable_id_known = 0;  // of the unreachable: gold id in the gazetteer, other name
  size_t county_namesake_near = 0;  // unreachable county phrases with a namesake within 161 km
  // Against the geoparser's outcomes (when given): of the reachable, how many it got right,
  // resolved to another sense, or did not find; of the unreachable, how many it got right anyway.
  size_t reachable_correct = 0, reachable_wrong = 0, reachable_missed = 0;
  size_t unreachable_correct = 0;
  // Up to kExamples distinct phrases per [Reach - 1][Kind], in gold order.
  std::vector<std::string> examples[2][3];
  std::vector<GeoOracleItem> items;  // one per gold toponym, in gold order
  double acc161() const { return gold ? static_cast<double>(reachable) / gold : 0; }
};

// Computes the oracle over `gold`. `evaluated`, when not null, is the geoparser's result on the
// same gold (its items in gold order) and fills the *_correct/_wrong/_missed counts.
GeoOracleResult EvaluateOracle(const std::vector<GoldArticle>& gold, const Gazetteer& gazetteer,
                               const GeoEvalResult* evaluated = nullptr);

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
