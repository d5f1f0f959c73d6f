// Reader for PLOVER's gold-standard records (PLOVER_GSR_CAMEO.txt). See suites.h.
#include <fmt/format.h>

#include <cctype>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "eval/suites.h"
#include "eval/text_util.h"
#include "util/file.h"

namespace annal::eval {
namespace {

using nlohmann::json;

// PLOVER 0.5b1 event names (as the 2016 GSR file codes them) -> current PLOVER event types
// (PLOVER manual draft 0.8, CAMEO2PLOVER-2021.txt: AGREE CONSULT SUPPORT CONCEDE COOPERATE
// AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT).
// Every name occurring in the file is listed (counts from the file); the renamed ones follow
// where the 2021 table puts the CAMEO root code the old name stood for:
//   DEMAND      -> REQUEST  CAMEO 10 "Demand":  "10: REQUEST"                        (34)
//   DISAPPROVE  -> ACCUSE   CAMEO 11 "Disapprove": "11: ACCUSE" (mode disapprove)    (16)
//   INVESTIGATE -> ACCUSE   CAMEO 09 "Investigate": "09: ACCUSE" (mode investigate)  (9)
//   FIGHT       -> ASSAULT  CAMEO 19 "Fight":   "19: ASSAULT", context military      (17)
// Unchanged: AGREE 40, REJECT 34, THREATEN 29, PROTEST 27, COERCE 18, ASSAULT 15,
// RETREAT 14, SANCTION 14, SUPPORT 12, CONCEDE 12, CONSULT 11, AID 10, MOBILIZE 6,
// COOPERATE 4. The current names REQUEST and ACCUSE map to themselves.
struct PloverRename {
  std::string_view gsr_name;
  std::string_view type;
};
constexpr PloverRename kPloverRenames[] = {
    {"AGREE", "AGREE"},       {"CONSULT", "CONSULT"},     {"SUPPORT", "SUPPORT"},
    {"CONCEDE", "CONCEDE"},   {"COOPERATE", "COOPERATE"}, {"AID", "AID"},
    {"RETREAT", "RETREAT"},   {"REQUEST", "REQUEST"},     {"DEMAND", "REQUEST"},
    {"ACCUSE", "ACCUSE"},     {"DISAPPROVE", "ACCUSE"},   {"INVESTIGATE", "ACCUSE"},
    {"REJECT", "REJECT"},     {"THREATEN", "THREATEN"},   {"PROTEST", "PROTEST"},
    {"SANCTION", "SANCTION"}, {"MOBILIZE", "MOBILIZE"},   {"COERCE", "COERCE"},
    {"ASSAULT", "ASSAULT"},   {"FIGHT", "ASSAULT"},
};

// Country codes the GSR writes in pre-ISO form, compared as the ISO 3166-1 alpha-3 code the
// coder reports in EventActor::country: "Japan"/"Tokyo"/"Japanese Prime Minister" are JAP
// (AGREE-0002, CONSULT-0005, SANCTION-0006), "Italy" ITL (INVESTIGATE-0006, SANCTION-0001),
// "Vietnamese-led forces" VTN (FIGHT-0002). CAMEO itself uses JPN, ITA and VNM.
struct CodeAlias {
  std::string_view gsr;
  std::string_view iso;
};
constexpr CodeAlias kCountryAliases[] = {{"JAP", "JPN"}, {"ITL", "ITA"}, {"VTN", "VNM"}};

std::string StringField(const json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_string()) return "";
  return it->get_ref<const std::string&>();
}

// The country-ish codes of one side: the first 3 letters of each actor's CAMEO code
// ("IGO", "NGO", "IMG" for non-state codes). An absent side, a non-list (the file has ""
// and "diplomatic" in a few `target` fields) or an empty list gives one empty actor.
std::vector<std::string> SideCodes(const json& obj, const char* key) {
  std::vector<std::string> codes;
  auto it = obj.find(key);
  if (it != obj.end() && it->is_array()) {
    for (const json& actor : *it) {
      if (!actor.is_object()) continue;
      std::string code(Trim(StringField(actor, "code")));
      if (code.size() > 3) code.resize(3);
      for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      for (const CodeAlias& a : kCountryAliases) {
        if (code == a.gsr) code = std::string(a.iso);
      }
      codes.push_back(code);
    }
  }
  if (codes.empty()) codes.emplace_back();
  return codes;
}

// textInfo.markup: the text with (SRC: ...), (TAR: ...), (SRC/TAR: ...), (EVT: ...) marks.
std::string MarkupOf(const json& obj) {
  auto it = obj.find("textInfo");
  if (it == obj.end() || !it->is_object()) return "";
  return StringField(*it, "markup");
}

std::string IsoDateDigits(std::string_view date) {
  std::string digits;
  for (char c : date) {
    if (c != '-') digits.push_back(c);
  }
  return GoldDateToIso(digits);
}

}  // namespace

std::string PloverTypeFromGsrEvent(std::string_view name) {
  std::string upper;
  for (char c : Trim(name))
    upper.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  for (const PloverRename& r : kPloverRenames) {
    if (r.gsr_name == upper) return std::string(r.type);
  }
  return "";
}

Result<std::vector<GoldRecord>> ParsePloverGsr(std::string_view content) {
  json doc = json::parse(content.begin(), content.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return Status::Corruption("PLOVER GSR: not valid JSON");
  if (!doc.is_array()) return Status::Corruption("PLOVER GSR: the top level is not a JSON array");
  std::vector<GoldRecord> records;
  size_t index = 0;
  for (const json& obj : doc) {
    ++index;
    if (!obj.is_object()) {
      return Status::Corruption(fmt::format("PLOVER GSR: element {} is not an object", index));
    }
    std::string event = StringField(obj, "event");
    if (event == "DOCUMENT") continue;  // the file's documentation header
    GoldRecord rec;
    rec.id = StringField(obj, "id");
    if (rec.id.empty()) rec.id = fmt::format("element-{}", index);
    rec.date = IsoDateDigits(StringField(obj, "date"));
    rec.text = CollapseWhitespace(StringField(obj, "text"));
    rec.category = event;
    rec.expectation_entries = 1;
    std::string type = PloverTypeFromGsrEvent(event);
    if (type.empty()) {
      return Status::Corruption(
          fmt::format("PLOVER GSR: record {} has unknown event type \"{}\"", rec.id, event));
    }
    if (type != event) rec.notes.push_back(fmt::format("PLOVER 0.5 {} -> {}", event, type));
    std::vector<std::string> sources = SideCodes(obj, "source");
    std::vector<std::string> targets = SideCodes(obj, "target");
    if (targets.size() == 1 && targets[0].empty() && sources.size() >= 2 &&
        MarkupOf(obj).find("SRC/TAR") != std::string::npos) {
      // "Senior (SRC/TAR: Hungarian) and (SRC/TAR: Romanian) officials agreed ...": the
      // actors act on each other (18 records), coded like CAMEO's paired events A->B, B->A.
      rec.notes.push_back("SRC/TAR actors without a target: coded pairwise");
      for (size_t a = 0; a < sources.size(); ++a) {
        for (size_t b = 0; b < sources.size(); ++b) {
          if (a != b) rec.events.push_back(Triple{sources[a], sources[b], type});
        }
      }
    } else {
      for (const std::string& s : sources) {
        for (const std::string& t : targets) rec.events.push_back(Triple{s, t, type});
      }
    }
    records.push_back(std::move(rec));
  }
  if (records.empty()) return Status::Corruption("PLOVER GSR: no records");
  return records;
}

Result<std::vector<GoldRecord>> ReadPloverGsr(const std::string& path) {
  std::string content;
  Status s = ReadFileToString(path, &content);
  if (!s.ok()) return s;
  auto records = ParsePloverGsr(content);
  if (!records.ok()) return Status::Corruption(path + ": " + records.status().message());
  return records;
}

}  // namespace annal::eval
