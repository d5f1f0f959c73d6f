#include "context/geo_eval.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <set>
#include <unordered_map>

#include "util/file.h"

namespace annal::context {
namespace {

// TR-News has spans that drift behind their text by up to 10 characters (after runs of
// white space in some articles); a span whose text is not its <phrase> moves to the nearest
// exact occurrence of the phrase within this many characters.
constexpr int kMaxGoldShift = 12;

// The content between <tag ...> and </tag> starting the search at *pos; advances *pos past it.
// Attributes of the opening tag go to *attrs when given.
bool NextElement(std::string_view xml, std::string_view tag, size_t* pos, std::string_view* body,
                 std::string_view* attrs = nullptr, size_t limit = std::string_view::npos) {
  // Built by append: GCC 12 warns (-Wrestrict, a false positive) on "<" + std::string(tag).
  std::string open(1, '<');
  open.append(tag);
  std::string close("</");
  close.append(tag);
  close.push_back('>');
  size_t p = *pos;
  while (true) {
    p = xml.find(open, p);
    if (p == std::string_view::npos || p >= limit) return false;
    char after = p + open.size() < xml.size() ? xml[p + open.size()] : '\0';
    if (after == '>' || after == ' ' || after == '\t' || after == '\n') break;
    p += open.size();
  }
  size_t gt = xml.find('>', p);
  if (gt == std::string_view::npos) return false;
  if (attrs) *attrs = xml.substr(p + open.size(), gt - p - open.size());
  size_t end = xml.find(close, gt);
  if (end == std::string_view::npos) return false;
  *body = xml.substr(gt + 1, end - gt - 1);
  *pos = end + close.size();
  return true;
}

std::string Unescape(std::string_view s) {
  constexpr std::string_view kCdata = "<![CDATA[";
  if (s.substr(0, kCdata.size()) == kCdata) {
    size_t end = s.rfind("]]>");
    return std::string(s.substr(kCdata.size(), end == std::string_view::npos
                                                   ? std::string_view::npos
                                                   : end - kCdata.size()));
  }
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      size_t semi = s.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 6) {
        std::string_view ent = s.substr(i + 1, semi - i - 1);
        const char* rep = ent == "amp"    ? "&"
                          : ent == "lt"   ? "<"
                          : ent == "gt"   ? ">"
                          : ent == "quot" ? "\""
                          : ent == "apos" ? "'"
                                          : nullptr;
        if (rep) {
          out += rep;
          i = semi;
          continue;
        }
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

std::string Child(std::string_view body, std::string_view tag) {
  size_t pos = 0;
  std::string_view b;
  if (!NextElement(body, tag, &pos, &b)) return std::string();
  return Unescape(b);
}

}  // namespace

Status ParseGeoparsingGold(std::string_view xml, std::vector<GoldArticle>* out) {
  out->clear();
  size_t pos = 0;
  std::string_view article;
  while (NextElement(xml, "article", &pos, &article)) {
    GoldArticle a;
    a.text = Child(article, "text");
    // Code point index -> byte offset.
    std::vector<uint32_t> byte_at;
    for (uint32_t i = 0; i < a.text.size(); ++i) {
      if ((static_cast<unsigned char>(a.text[i]) & 0xC0) != 0x80) byte_at.push_back(i);
    }
    byte_at.push_back(static_cast<uint32_t>(a.text.size()));
    size_t tpos = 0;
    std::string_view top;
    while (NextElement(article, "toponym", &tpos, &top)) {
      std::string lat = Child(top, "lat"), lon = Child(top, "lon");
      // GeoWebNews names the fields differently and gives points also for toponyms without a
      // GeoNames id (streets, buildings); like the other sets, only GeoNames toponyms are gold.
      std::string gwn_id = Child(top, "geonamesID");
      bool gwn = lat.empty() && !gwn_id.empty();
      if (gwn) {
        lat = Child(top, "latitude");
        lon = Child(top, "longitude");
      }
      if (lat.empty() || lon.empty()) continue;
      GoldToponym g;
      g.phrase = Child(top, gwn ? "extractedName" : "phrase");
      if (gwn) g.geonameid = static_cast<uint32_t>(std::strtoul(gwn_id.c_str(), nullptr, 10));
      size_t s = std::strtoul(Child(top, "start").c_str(), nullptr, 10);
      size_t e = std::strtoul(Child(top, "end").c_str(), nullptr, 10);
      // A few gold spans run past the text end; clamp them (they still count as gold).
      e = std::min(e, byte_at.size() - 1);
      s = std::min(s, e);
      g.begin = byte_at[s];
      g.end = byte_at[e];
      if (std::string_view(a.text).substr(g.begin, g.end - g.begin) != g.phrase) {
        for (int d = 1; d <= kMaxGoldShift; ++d) {
          bool moved = false;
          for (int sign : {-1, 1}) {
            long ns = static_cast<long>(s) + sign * d, ne = static_cast<long>(e) + sign * d;
            if (ns < 0 || ne >= static_cast<long>(byte_at.size())) continue;
            uint32_t b = byte_at[ns], en = byte_at[ne];
            if (std::string_view(a.text).substr(b, en - b) == g.phrase) {
              g.begin = b;
              g.end = en;
              moved = true;
              break;
            }
          }
          if (moved) break;
        }
      }
      std::string_view gaz_attrs, gaz;
      size_t gp = 0;
      if (!gwn && NextElement(top, "gaztag", &gp, &gaz, &gaz_attrs)) {
        g.feature = Child(gaz, "fcode");
        size_t q = gaz_attrs.find("geonameid=\"");
        if (q != std::string_view::npos) {
          g.geonameid = static_cast<uint32_t>(
              std::strtoul(std::string(gaz_attrs.substr(q + 11)).c_str(), nullptr, 10));
        }
      }
      g.lat = std::strtod(lat.c_str(), nullptr);
      g.lon = std::strtod(lon.c_str(), nullptr);
      a.toponyms.push_back(std::move(g));
    }
    out->push_back(std::move(a));
  }
  if (out->empty()) return Status::Corruption("no <article> elements");
  return Status::OK();
}

GeoEvalResult EvaluateGeoparser(const std::vector<GoldArticle>& gold, const Geoparser& geoparser,
                                const TextAnalyzer& analyze) {
  GeoEvalResult r;
  text::AnalyzedText analyzed;
  for (size_t ai = 0; ai < gold.size(); ++ai) {
    const GoldArticle& a = gold[ai];
    analyze(a.text, &analyzed);
    std::vector<PlaceMention> ms = geoparser.FindPlaces(analyzed, a.text, GeoContext{});
    r.mentions += ms.size();
    for (const PlaceMention& m : ms) {
      bool on_gold = false;
      for (const GoldToponym& g : a.toponyms) {
        if (m.begin < g.end && g.begin < m.end) {
          on_gold = true;
          break;
        }
      }
      if (on_gold) {
        ++r.mentions_on_gold;
      } else {
        ++r.extra_phrases[m.text];
      }
    }
    for (const GoldToponym& g : a.toponyms) {
      ++r.gold;
      const PlaceMention* overlap = nullptr;
      bool ok = false;
      double km = 0;
      for (const PlaceMention& m : ms) {
        if (m.begin < g.end && g.begin < m.end) {
          overlap = &m;
          km = DistanceKm(m.lat, m.lon, g.lat, g.lon);
          if (km <= 161.0) {
            ok = true;
            break;
          }
        }
      }
      GeoEvalItem item;
      item.article = ai;
      item.gold = &g;
      item.distance_km = km;
      if (overlap) item.mention = *overlap;
      if (ok) {
        ++r.correct;
        item.outcome = GeoEvalItem::Outcome::kCorrect;
      } else if (overlap == nullptr) {
        ++r.missed;
        ++r.missed_phrases[g.phrase];
        item.outcome = GeoEvalItem::Outcome::kMissed;
      } else {
        ++r.wrong;
        item.outcome = GeoEvalItem::Outcome::kWrong;
        if (overlap->geonameid == g.geonameid) ++r.wrong_same_id;
        ++r.wrong_phrases[g.phrase + " -> " + overlap->name + " (" + overlap->country_iso3 + ")"];
      }
      r.items.push_back(std::move(item));
    }
  }
  return r;
}

Result<GeoEvalResult> EvaluateGeoparsingFile(const std::string& xml_path,
                                             const Geoparser& geoparser,
                                             const TextAnalyzer& analyze,
                                             std::vector<GoldArticle>* gold_out) {
  std::string xml;
  Status s = ReadFileToString(xml_path, &xml);
  if (!s.ok()) return s;
  std::vector<GoldArticle> local;
  std::vector<GoldArticle>& gold = gold_out ? *gold_out : local;
  s = ParseGeoparsingGold(xml, &gold);
  if (!s.ok()) return Status::Corruption(xml_path + ": " + s.message());
  GeoEvalResult r = EvaluateGeoparser(gold, geoparser, analyze);
  if (!gold_out) r.items.clear();  // they would point into `local`
  return r;
}

namespace {

bool IsCountyPhrase(std::string_view key) {
  for (std::string_view suffix : {" COUNTY", " PARISH", " COUNTIES", " PARISHES"}) {
    if (key.size() > suffix.size() && key.ends_with(suffix)) return true;
  }
  return false;
}

// GeoNames feature codes of countries, administrative divisions and named regions.
bool IsAdminOrRegionFeature(std::string_view code) {
  return code.starts_with("ADM") || code.starts_with("PCL") || code == "RGN" || code == "RGNE" ||
         code == "AREA" || code == "CONT" || code == "ZN" || code == "TERR";
}

}  // namespace

GeoOracleResult EvaluateOracle(const std::vector<GoldArticle>& gold, const Gazetteer& gazetteer,
                               const GeoEvalResult* evaluated) {
  GeoOracleResult r;
  // Gold id -> our entry's kind (for sets without feature codes, and the alias-gap count).
  std::unordered_map<uint32_t, PlaceKind> kind_by_id;
  kind_by_id.reserve(gazetteer.size());
  for (uint32_t i = 0; i < gazetteer.size(); ++i) {
    PlaceEntry e = gazetteer.entry(i);
    kind_by_id.emplace(e.geonameid, e.kind);
  }
  std::set<std::string> seen_examples[2][3];
  size_t n = 0;
  for (const GoldArticle& a : gold) {
    for (const GoldToponym& g : a.toponyms) {
      GeoOracleItem item;
      std::string key = NormalizePlaceName(g.phrase);
      auto known = kind_by_id.find(g.geonameid);
      item.gold_id_known = g.geonameid != 0 && known != kind_by_id.end();
      if (IsCountyPhrase(key)) {
        item.kind = GeoOracleItem::Kind::kCounty;
      } else if (!g.feature.empty() ? IsAdminOrRegionFeature(g.feature)
                                    : item.gold_id_known && known->second != PlaceKind::kPlace) {
        item.kind = GeoOracleItem::Kind::kAdminOrRegion;
      }
      std::vector<PlaceCandidate> cands =
          key.empty() ? std::vector<PlaceCandidate>() : gazetteer.LookupNormalized(key);
      item.senses = cands.size();
      for (const PlaceCandidate& c : cands) {
        PlaceEntry e = gazetteer.entry(c.entry);
        double km = DistanceKm(e.lat, e.lon, g.lat, g.lon);
        if (item.nearest_km < 0 || km < item.nearest_km) item.nearest_km = km;
      }
      item.reach = cands.empty()              ? GeoOracleItem::Reach::kNotInGazetteer
                   : item.nearest_km <= 161.0 ? GeoOracleItem::Reach::kReachable
                                              : GeoOracleItem::Reach::kNoSenseNear;
      bool annal_correct = false;
      if (evaluated != nullptr && n < evaluated->items.size()) {
        GeoEvalItem::Outcome o = evaluated->items[n].outcome;
        annal_correct = o == GeoEvalItem::Outcome::kCorrect;
        if (item.reach == GeoOracleItem::Reach::kReachable) {
          if (o == GeoEvalItem::Outcome::kCorrect) ++r.reachable_correct;
          if (o == GeoEvalItem::Outcome::kWrong) ++r.reachable_wrong;
          if (o == GeoEvalItem::Outcome::kMissed) ++r.reachable_missed;
        } else if (annal_correct) {
          ++r.unreachable_correct;
        }
      }
      ++r.gold;
      if (item.reach == GeoOracleItem::Reach::kReachable) {
        ++r.reachable;
      } else {
        size_t why = item.reach == GeoOracleItem::Reach::kNotInGazetteer ? 0 : 1;
        size_t kind = static_cast<size_t>(item.kind);
        ++r.unreachable[why][kind];
        if (item.gold_id_known) ++r.unreachable_id_known;
        if (r.examples[why][kind].size() < GeoOracleResult::kExamples &&
            seen_examples[why][kind].insert(g.phrase).second) {
          r.examples[why][kind].push_back(g.phrase);
        }
        if (item.kind == GeoOracleItem::Kind::kCounty) {
          // The county's own name ("Hall" of "Hall County"): the geoparser's approximation.
          size_t space = key.rfind(' ');
          for (const PlaceCandidate& c : gazetteer.LookupNormalized(key.substr(0, space))) {
            PlaceEntry e = gazetteer.entry(c.entry);
            if (DistanceKm(e.lat, e.lon, g.lat, g.lon) <= 161.0) {
              ++r.county_namesake_near;
              break;
            }
          }
        }
      }
      r.items.push_back(item);
      ++n;
    }
  }
  return r;
}

const std::vector<GeoSuite>& GeoSuites() {
  static const auto* s =
      new std::vector<GeoSuite>{{"GEO_TRNEWS", "TR-News.xml"}, {"GEO_LGL", "lgl.xml"}};
  return *s;
}

std::string FormatGeoLine(std::string_view name, const GeoEvalResult& r) {
  return fmt::format("{}: acc161={:.2f} n={}", name, r.acc161(), r.gold);
}

}  // namespace annal::context
