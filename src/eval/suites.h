// The four gold suites `annal eval` scores, their readers and the dictionaries each one uses.
//
// All paths are relative to the shared data directory (../shared, see
// annal::cli::ResolveSharedDir); the files live under data/peers/. Each reader returns every
// record of its file; records the suite does not check carry GoldRecord::scored == false.
//
//   TABARI_VALIDATE  TABARI-Code/Validate.text, up to and including record FINAL-01
//   PETR_UNITTEST    petrarch2/PETR.UnitTest.records.xml
//   PLOVER_GSR       PLOVER/PLOVER_GSR_CAMEO.txt (PLOVER 0.5 names mapped to current PLOVER)
//   PETR2_GSR        UniversalPetrarch/PETR2_GSR_validation.xml (not well-formed; read leniently)
#ifndef ANNAL_EVAL_SUITES_H_
#define ANNAL_EVAL_SUITES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annal/options.h"
#include "annal/status.h"
#include "eval/gold.h"

namespace annal::eval {

enum class Suite { kTabariValidate, kPetrUnitTest, kPloverGsr, kPetr2Gsr };

// How predicted events become triples and how triples compare (see score.h, runner.h).
enum class TripleMode {
  kCameoExact,     // (source code, target code, CAMEO code), compared exactly
  kCameoStripped,  // as above, each field compared after stripping surrounding whitespace
  kPloverCountry,  // (source country, target country, PLOVER type)
};

struct SuiteSpec {
  Suite suite;
  const char* name;       // "TABARI_VALIDATE", ...: the name on the score line
  const char* gold_file;  // relative to <shared>/data/peers/
  TripleMode mode;
};

// The four suites in report order: TABARI_VALIDATE, PETR_UNITTEST, PLOVER_GSR, PETR2_GSR.
const std::vector<SuiteSpec>& AllSuites();
const SuiteSpec& GetSuiteSpec(Suite suite);
// Case-insensitive lookup by name; nullopt for an unknown name.
std::optional<Suite> SuiteFromName(std::string_view name);

// <shared>/data/peers/<gold_file>.
std::string SuiteGoldPath(Suite suite, const std::string& shared_dir);

// The dictionary files the suite's own run used (absolute paths under shared_dir), or an
// empty DictionaryFiles for suites that use annal's shipped dictionaries.
//   TABARI_VALIDATE: Validate.project's TABARI.Demo.actors, TABARI.Demo.verbs,
//                    Validate.agents, Validate.options
//   PETR_UNITTEST:   the file's <Environment>: PETR.Validate.{verbs,actors,agents,discards}.txt
DictionaryFiles SuiteDictionaryFiles(Suite suite, const std::string& shared_dir);

// Reads the suite's gold file from shared_dir with the reader below.
Result<std::vector<GoldRecord>> ReadSuite(Suite suite, const std::string& shared_dir);

// ---- TABARI Validate.text ----
//
// Records are TABARI's: a line starting with a digit opens one (`YYMMDD  ID`, or YYYYMMDD),
// its text runs to the next empty line; lines outside records (`#` banners) are skipped.
// The expectations sit in a `/* ... */` comment as blocks, one a line:
//   { SRC / TGT / CODE } [date] [notes]   an expected event (date ignored: time-shift only)
//   {+++} {---} {###}                      no event (complex / none / discard)
//   -{ ... }                               TABARI does not check this or any later block:
//                                          as the first block the record is unchecked
//                                          (scored=false: "deactivated"), after listed events
//                                          the listing is incomplete (open_ended=true)
//   { OPTION: ... }                        changes TABARI's settings; nothing to code
//                                          (scored=false, the commands kept in notes)
// As in TABARI's checkEvents, the first block decides: if it is a no-event marker the record
// expects no events even when event blocks follow (they document what another setting would
// give). Text = the record's lines joined by spaces, minus comments and stray blocks, with
// TABARI's literal "\n" display breaks removed and 0x1A (DOS EOF) bytes turned into spaces.
struct TabariReadOptions {
  // Stop after the record with this id (inclusive); empty reads the whole file.
  std::string last_id = "FINAL-01";
};
Result<std::vector<GoldRecord>> ParseTabariValidation(std::string_view content,
                                                      const TabariReadOptions& options = {});
Result<std::vector<GoldRecord>> ReadTabariValidation(const std::string& path,
                                                     const TabariReadOptions& options = {});

// ---- PETRARCH validation XML (PETR.UnitTest.records.xml and PETR2_GSR_validation.xml) ----
//
// <Sentence date id category [sentence] [evaluate]> followed by <EventCoding sourcecode
// targetcode eventcode/> (or noevents="True", or error="...") and <Text>; <Parse> is ignored.
// Read as a stream, so a self-closed `<Sentence .../>` whose content follows (PETR2 GSR) is
// read like a normal one: a record runs to the next <Sentence> or </Sentence>.
// Not scored: sentence="false" or evaluate="false" (deactivated tests: "currently not
// implemented"), a category missing from <Environment><Include>, and error="bad_input_parse"
// (the defect is in the <Parse> tree, which annal never reads). Other error kinds
// (dateline, storydiscard, sentencediscard) expect no events.
struct PetrValidationFile {
  std::vector<GoldRecord> records;
  // <Environment> children, as written (comma-separated lists kept as one string).
  std::string verb_file, actor_file, agent_file, discard_file;
  std::vector<std::string> include;  // <Include> words ("valid", categories)
};
Result<PetrValidationFile> ParsePetrValidationXml(std::string_view content);
Result<std::vector<GoldRecord>> ReadPetrUnitTest(const std::string& path);
Result<std::vector<GoldRecord>> ReadPetr2Gsr(const std::string& path);

// ---- PLOVER_GSR_CAMEO.txt ----
//
// A JSON array: a DOCUMENT header object, then one object per record with text, date,
// source/target lists of {actorText, code, sector} and a PLOVER 0.5b1 `event` name, mapped
// to the current PLOVER type by PloverTypeFromGsrEvent(). A record with S sources and T
// targets expects S x T triples (an absent, empty or non-list side counts as one empty
// actor), except that actors marked "SRC/TAR" in textInfo.markup with no target ("X and Y
// agreed") expect every ordered pair X->Y, Y->X. Actor codes are cut to their first 3
// letters (the country or IGO/NGO/IMG part), and the file's pre-ISO JAP, ITL, VTN are read
// as JPN, ITA, VNM. Triples with an empty target remain (17 in the
// file, e.g. "Akayev has agreed to resign"); with emit_partial_events=false they count as
// missed (emitting partial events costs more than it gains here; measured in runner.cc).
Result<std::vector<GoldRecord>> ParsePloverGsr(std::string_view content);
Result<std::vector<GoldRecord>> ReadPloverGsr(const std::string& path);

// The current PLOVER event type for a PLOVER 0.5b1 event name as the GSR file uses it
// (e.g. DEMAND -> REQUEST), or "" for a name that is not a 0.5b1 event type.
std::string PloverTypeFromGsrEvent(std::string_view name);

}  // namespace annal::eval

#endif  // ANNAL_EVAL_SUITES_H_
