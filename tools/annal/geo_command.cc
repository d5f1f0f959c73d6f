// `annal eval-geo`: geoparsing accuracy on TR-News and LGL; `annal geo`: places in a text.
//
//   annal eval-geo [--shared DIR] [--data-dir DIR] [--errors N] [--dump FILE] [--dev] [--oracle]
//
// stdout gets the lines `annal eval` also prints (GEO_TRNEWS, GEO_LGL), plus GEO_GWN_DEV with
// --dev (GeoWebNews, the development set: rules are tried there, not on the two scored sets).
// stderr gets the counts behind them; --errors N the most frequent missed/wrong/extra phrases;
// --dump FILE one TSV row per gold toponym (outcome, gold and resolved place, distance) for
// error analysis by kind; --oracle the upper bound of the gazetteer (context::EvaluateOracle) per
// set on stdout, after its GEO line: the share of gold toponyms some reading of the phrase puts
// within 161 km, the unreachable ones by reason and kind with examples, and what annal does with
// the reachable ones (the dump then also gets the oracle's verdict). Both commands analyse text
// with text::AnalyzeText.
#include <fmt/core.h>

#include <memory>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "command.h"
#include "context/gazetteer.h"
#include "context/geo_eval.h"
#include "context/geoparser.h"
#include "text/analyzer.h"

namespace annal::cli {
namespace {

struct GeoArgs {
  std::string shared_dir;
  std::string data_dir;
  std::string text;
  int show_errors = 0;
  std::string dump;  // TSV of every gold toponym and its outcome
  bool dev = false;  // also GeoWebNews (the development set)
  bool oracle = false;  // also the gazetteer's upper bound (context::EvaluateOracle)
};

Result<std::unique_ptr<context::Gazetteer>> LoadGazetteer(const std::string& data_dir_flag) {
  std::string path = ResolveDataDir(data_dir_flag) + "/gazetteer/gazetteer.bin.zst";
  return context::Gazetteer::Load(path);
}

void PrintTop(const char* what, const std::map<std::string, size_t>& m, int n) {
  std::vector<std::pair<size_t, std::string>> v;
  for (const auto& [k, c] : m) v.emplace_back(c, k);
  std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::string line = fmt::format("  {}:", what);
  for (int i = 0; i < n && i < static_cast<int>(v.size()); ++i) {
    line += fmt::format(" {} x{};", v[i].second, v[i].first);
  }
  std::cerr << line << "\n";
}

// "reachable", or the reason and kind of an unreachable gold toponym ("no-key:county").
std::string OracleVerdict(const context::GeoOracleItem& o) {
  using Reach = context::GeoOracleItem::Reach;
  using Kind = context::GeoOracleItem::Kind;
  if (o.reach == Reach::kReachable) return "reachable";
  std::string v = o.reach == Reach::kNotInGazetteer ? "no-key:" : "none-near:";
  v += o.kind == Kind::kCounty ? "county" : o.kind == Kind::kAdminOrRegion ? "admin" : "other";
  return v;
}

void PrintOracle(const char* label, const context::GeoOracleResult& o) {
  std::cout << fmt::format(
      "  ORACLE {}: acc161={:.4f} ({} of {} gold toponyms have a reading "
      "within 161 km)\n",
      label, o.acc161(), o.reachable, o.gold);
  std::cout << fmt::format(
      "    annal on the reachable {}: correct={} wrong sense={} missed={}; "
      "annal correct on unreachable: {}\n",
      o.reachable, o.reachable_correct, o.reachable_wrong, o.reachable_missed,
      o.unreachable_correct);
  size_t total = o.gold - o.reachable;
  std::cout << fmt::format(
      "    unreachable {}: gold id in gazetteer under another name: {}; "
      "county phrases with a namesake place within 161 km: {}\n",
      total, o.unreachable_id_known, o.county_namesake_near);
  const char* reasons[2] = {"phrase not in gazetteer", "no reading within 161 km"};
  const char* kinds[3] = {"\"X County\"/\"Parish\"", "admin/region", "other"};
  for (int why = 0; why < 2; ++why) {
    size_t sum = o.unreachable[why][0] + o.unreachable[why][1] + o.unreachable[why][2];
    std::cout << fmt::format("    {}: {}\n", reasons[why], sum);
    for (int kind = 0; kind < 3; ++kind) {
      std::string ex;
      for (const std::string& p : o.examples[why][kind]) ex += (ex.empty() ? "" : "; ") + p;
      std::cout << fmt::format("      {:<20} {:>5}  e.g. {}\n", kinds[kind],
                               o.unreachable[why][kind], ex);
    }
  }
}

int RunEvalGeo(const GeoArgs& args) {
  auto gaz = LoadGazetteer(args.data_dir);
  if (!gaz.ok()) {
    std::cerr << "annal eval-geo: " << gaz.status().ToString() << "\n";
    return kExitFailure;
  }
  context::Geoparser geoparser(**gaz);
  std::string dir = ResolveSharedDir(args.shared_dir) + "/data/geoparsing-eval";
  if (!std::filesystem::exists(dir)) {
    std::cerr << "annal eval-geo: " << dir << " not found (pass --shared)\n";
    return kExitFailure;
  }
  int rc = kExitOk;
  std::vector<std::pair<const char*, const char*>> sets;
  for (const context::GeoSuite& g : context::GeoSuites()) sets.emplace_back(g.name, g.file);
  if (args.dev) sets.emplace_back("GEO_GWN_DEV", "GWN.xml");
  std::FILE* dump = nullptr;
  if (!args.dump.empty()) {
    dump = std::fopen(args.dump.c_str(), "w");
    if (dump == nullptr) {
      std::cerr << "annal eval-geo: cannot write " << args.dump << "\n";
      return kExitFailure;
    }
    std::fputs(
        "set\tarticle\tbegin\tphrase\tgold_id\tgold_feature\tgold_lat\tgold_lon\toutcome\t"
        "text\tid\tname\tiso3\tfeature\tlat\tlon\tkm\tcandidates\toracle\toracle_km\n",
        dump);
  }
  for (auto [label, file] : sets) {
    std::vector<context::GoldArticle> gold;
    auto r = context::EvaluateGeoparsingFile(dir + "/" + file, geoparser, text::AnalyzeText,
                                             &gold);
    if (!r.ok()) {
      std::cerr << "annal eval-geo: " << r.status().ToString() << "\n";
      rc = kExitFailure;
      continue;
    }
    std::cout << context::FormatGeoLine(label, *r) << std::endl;
    std::cerr << fmt::format(
                     "  {}: correct={} missed={} wrong={} (right id, far reference point: {}) "
                     "precision={:.2f} ({} of {} mentions on gold)",
                     label, r->correct, r->missed, r->wrong, r->wrong_same_id, r->precision(),
                     r->mentions_on_gold, r->mentions)
              << "\n";
    context::GeoOracleResult oracle;
    if (args.oracle) {
      oracle = context::EvaluateOracle(gold, **gaz, &*r);
      PrintOracle(label, oracle);
    }
    for (size_t i = 0; i < r->items.size(); ++i) {
      if (dump == nullptr) break;
      const context::GeoEvalItem& it = r->items[i];
      const context::GoldToponym& g = *it.gold;
      const context::PlaceMention& m = it.mention;
      const char* outcome = it.outcome == context::GeoEvalItem::Outcome::kCorrect ? "correct"
                            : it.outcome == context::GeoEvalItem::Outcome::kMissed ? "missed"
                                                                                     : "wrong";
      std::fputs(fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{:.5f}\t{:.5f}\t{}\t{}\t{}\t{}\t{}\t{}\t"
                             "{:.5f}\t{:.5f}\t{:.0f}\t{}\t{}\t{:.0f}\n",
                             label, it.article, g.begin, g.phrase, g.geonameid, g.feature, g.lat,
                             g.lon, outcome, m.text, m.geonameid, m.name, m.country_iso3, m.feature,
                             m.lat, m.lon, it.distance_km, m.candidates,
                             i < oracle.items.size() ? OracleVerdict(oracle.items[i]) : "",
                             i < oracle.items.size() ? oracle.items[i].nearest_km : -1.0)
                     .c_str(),
                 dump);
    }
    if (args.show_errors > 0) {
      PrintTop("missed", r->missed_phrases, args.show_errors);
      PrintTop("wrong", r->wrong_phrases, args.show_errors);
      PrintTop("not gold", r->extra_phrases, args.show_errors);
    }
  }
  if (dump) std::fclose(dump);
  return rc;
}

int RunGeo(const GeoArgs& args) {
  auto t0 = std::chrono::steady_clock::now();
  auto gaz = LoadGazetteer(args.data_dir);
  if (!gaz.ok()) {
    std::cerr << "annal geo: " << gaz.status().ToString() << "\n";
    return kExitFailure;
  }
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  std::string input = args.text;
  if (input.empty() || input == "-") {
    input.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }
  context::Geoparser geoparser(**gaz);
  text::AnalyzedText analyzed;
  text::AnalyzeText(input, &analyzed);
  for (const auto& m : geoparser.FindPlaces(analyzed, input, context::GeoContext{})) {
    std::cout << fmt::format(
        "[{},{}) {:?} -> {} ({}, {}) {:.4f},{:.4f} geonameid={} candidates={}{}\n", m.begin, m.end,
        m.text, m.name, m.country_iso3, m.feature, m.lat, m.lon, m.geonameid, m.candidates,
        m.demonym ? " demonym" : "");
  }
  std::cerr << fmt::format("gazetteer: {} entries, {} keys, version {}, loaded in {:.1f} ms\n",
                           (*gaz)->size(), (*gaz)->key_count(), (*gaz)->version(), ms);
  return kExitOk;
}

void AddEvalGeo(CLI::App& app, CommandContext* ctx) {
  auto args = std::make_shared<GeoArgs>();  // shared with the callback, freed with the app
  auto* cmd = app.add_subcommand("eval-geo", "Geoparsing accuracy (acc161) on TR-News and LGL");
  cmd->add_option("--shared", args->shared_dir, "the shared data folder (default ../shared)");
  cmd->add_option("--data-dir", args->data_dir, "annal's data folder (default: the repo's data/)");
  cmd->add_option("--errors", args->show_errors, "print the N most frequent error phrases");
  cmd->add_option("--dump", args->dump, "write every gold toponym and its outcome as TSV here");
  cmd->add_flag("--dev", args->dev, "also score GeoWebNews (GWN.xml, the development set)");
  cmd->add_flag("--oracle", args->oracle,
                "also print the gazetteer's upper bound (any reading within 161 km) per set");
  cmd->callback([args, ctx] { ctx->exit_code = RunEvalGeo(*args); });
}

void AddGeo(CLI::App& app, CommandContext* ctx) {
  auto args = std::make_shared<GeoArgs>();
  auto* cmd = app.add_subcommand("geo", "Find and resolve the places in a text (stdin if none)");
  cmd->add_option("text", args->text, "the text");
  cmd->add_option("--data-dir", args->data_dir, "annal's data folder (default: the repo's data/)");
  cmd->callback([args, ctx] { ctx->exit_code = RunGeo(*args); });
}

}  // namespace

ANNAL_REGISTER_COMMAND(eval_geo, AddEvalGeo);
ANNAL_REGISTER_COMMAND(geo, AddGeo);

}  // namespace annal::cli
