#include "eval/runner.h"

#include <cctype>
#include <chrono>
#include <utility>

#include "annal/document.h"
#include "code/tabari_compat.h"
#include "eval/text_util.h"

namespace annal::eval {
namespace {

std::string Upper3(std::string_view code) {
  std::string out(Trim(code).substr(0, 3));
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string CountryOf(const std::optional<EventActor>& actor) {
  if (!actor) return "";
  if (!Trim(actor->country).empty()) return Upper3(actor->country);
  return Upper3(actor->code);
}

std::string CodeOf(const std::optional<EventActor>& actor) {
  return actor ? actor->code : std::string("---");
}

// PETRARCH writes an agent without a country as "---EDU"; annal writes "EDU". Same meaning.
std::string StripUnknownCountry(std::string_view code) {
  if (code.size() > 3 && code.substr(0, 3) == "---") code.remove_prefix(3);
  return std::string(code);
}

// Country codes that name the same country in the gold records and in the dictionaries:
// the PLOVER GSR writes CAMEO 1.x's JAP for Japan (ISO JPN) and SRB for Serbia, which the
// Phoenix dictionaries code SCG (Serbia and Montenegro) for dates before 2006.
std::string CanonicalCountry(std::string code) {
  if (code == "JAP") return "JPN";
  if (code == "SCG") return "SRB";
  return code;
}

}  // namespace

CoderOptions SuiteCoderOptions(Suite suite, const std::string& shared_dir, const CoderOptions& base,
                               ModalityPolicy policy) {
  CoderOptions options = base;
  options.english_only = false;
  // Every suite scores complete events only. PLOVER_GSR's gold has source-only events too
  // ("Akayev has agreed to resign"), but emitting partial events for it was measured to cost
  // more precision than it gains recall: F1 0.54 -> 0.44 (all partial events), 0.49 (events
  // with a source only), 0.51 (those only in sentences without a complete event). The coder
  // codes few of the gold's target-less acts at all ("Shevardnadze resigned"): none of the
  // 10 target-less gold events it misses was matched by any variant.
  options.emit_partial_events = false;
  options.emit_unrealised_events = policy == ModalityPolicy::kAllButNegated;
  // TABARI's validation records test TABARI's own coding conventions.
  if (suite == Suite::kTabariValidate) options.tabari_compat = true;
  DictionaryFiles files = SuiteDictionaryFiles(suite, shared_dir);
  if (!files.empty()) {
    options.dictionary_files = std::move(files);
    options.compiled_dictionary.clear();  // the suite's text dictionaries take precedence
  }
  return options;
}

std::vector<Triple> PredictedTriples(const std::vector<Event>& events, TripleMode mode,
                                     ModalityPolicy policy) {
  std::vector<Triple> out;
  auto plover_type_of = [&](const std::string& event_id) -> std::string_view {
    for (const Event& o : events) {
      if (o.event_id == event_id) return Trim(o.plover.type);
    }
    return {};
  };
  for (const Event& e : events) {
    bool counts = policy == ModalityPolicy::kAllButNegated
                      ? e.modality != Modality::kNegated
                      : e.modality == Modality::kAsserted || e.modality == Modality::kClaimed;
    if (!counts) continue;
    switch (mode) {
      case TripleMode::kCameoExact:
        out.push_back(Triple{CodeOf(e.source), CodeOf(e.target), e.cameo});
        break;
      case TripleMode::kCameoStripped:
        out.push_back(Triple{StripUnknownCountry(Trim(CodeOf(e.source))),
                             StripUnknownCountry(Trim(CodeOf(e.target))),
                             std::string(Trim(e.cameo))});
        break;
      case TripleMode::kPloverCountry:
        if (Trim(e.plover.type).empty()) break;
        if (!e.reciprocal_of.empty() && plover_type_of(e.reciprocal_of) == Trim(e.plover.type)) {
          break;  // the other side of an interaction already counted
        }
        out.push_back(Triple{CanonicalCountry(CountryOf(e.source)),
                             CanonicalCountry(CountryOf(e.target)),
                             std::string(Trim(e.plover.type))});
        break;
    }
  }
  return out;
}

std::vector<Triple> NormalizeGold(const std::vector<Triple>& gold, TripleMode mode) {
  if (mode == TripleMode::kCameoExact) return gold;
  std::vector<Triple> out;
  out.reserve(gold.size());
  for (const Triple& t : gold) {
    if (mode == TripleMode::kPloverCountry) {
      out.push_back(Triple{CanonicalCountry(t.source), CanonicalCountry(t.target), t.code});
    } else {
      out.push_back(Triple{StripUnknownCountry(Trim(t.source)), StripUnknownCountry(Trim(t.target)),
                           std::string(Trim(t.code))});
    }
  }
  return out;
}

SuiteReport RunSuite(const Coder& coder, Suite suite, const std::vector<GoldRecord>& gold,
                     const RunOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const SuiteSpec& spec = GetSuiteSpec(suite);
  SuiteReport report;
  report.suite = suite;
  report.name = spec.name;
  report.records_read = static_cast<int>(gold.size());
  Scorer scorer(options.max_examples_per_kind);
  DocumentResult result;
  const Coder* current = &coder;
  std::unique_ptr<Coder> reopened;
  std::vector<std::string> settings;
  // TABARI FORWARD: consecutive records of one story (by the FORWARD id mask) are coded as
  // one document, so a record's pronouns can stand for the previous record's actors; only
  // the events of the record itself are scored.
  code::TabariSettings option_settings;
  std::string story_id, story_text;
  for (const GoldRecord& record : gold) {
    if (!record.scored) {
      bool changed = false;
      for (const std::string& note : record.notes) {
        if (options.reopen_options != nullptr && note.rfind("OPTION: ", 0) == 0) {
          settings.push_back(note.substr(8));
          code::ApplyTabariSettingLine(settings.back(), &option_settings);
          changed = true;
        }
      }
      if (changed) {
        CoderOptions o = *options.reopen_options;
        o.tabari_settings.insert(o.tabari_settings.end(), settings.begin(), settings.end());
        auto c = Coder::Open(o);
        if (c.ok()) {
          reopened = std::move(c.value());
          current = reopened.get();
        }
      }
      continue;
    }
    ++report.records_scored;
    Document doc;
    doc.id = record.id;
    doc.date = record.date;
    doc.text = record.text;
    size_t record_begin = 0;
    if (option_settings.forward && !story_id.empty() &&
        code::TabariSameStory(option_settings.forward_mask, story_id, record.id)) {
      doc.text = story_text + "\n\n" + record.text;
      record_begin = story_text.size() + 2;
    }
    if (option_settings.forward) {
      story_id = record.id;
      story_text = doc.text;
    } else {
      story_id.clear();
      story_text.clear();
    }
    RecordResult rr;
    rr.id = record.id;
    rr.text = record.text;
    rr.category = record.category;
    Status s = current->Code(doc, &result);
    if (s.ok()) {
      std::erase_if(result.events,
                    [&](const Event& e) { return e.sentence_span.begin < record_begin; });
      rr.predicted = PredictedTriples(result.events, spec.mode, options.modality);
    } else {
      ++report.coder_failures;
      rr.coder_error = s.ToString();
    }
    GoldRecord normalized = record;
    normalized.events = NormalizeGold(record.events, spec.mode);
    rr.gold = normalized.events;
    rr.comparison = scorer.Add(normalized, rr.predicted);
    report.records.push_back(std::move(rr));
  }
  report.score = scorer.score();
  for (int k = 0; k < kErrorKindCount; ++k) {
    report.examples[k] = scorer.examples(static_cast<ErrorKind>(k));
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

Result<SuiteReport> RunSuiteFromSharedDir(Suite suite, const std::string& shared_dir,
                                          const CoderOptions& base, const RunOptions& options) {
  auto gold = ReadSuite(suite, shared_dir);
  if (!gold.ok()) return gold.status();
  const CoderOptions coder_options = SuiteCoderOptions(suite, shared_dir, base, options.modality);
  auto coder = Coder::Open(coder_options);
  if (!coder.ok()) return coder.status();
  RunOptions run = options;
  if (suite == Suite::kTabariValidate) run.reopen_options = &coder_options;
  return RunSuite(*coder.value(), suite, gold.value(), run);
}

}  // namespace annal::eval
