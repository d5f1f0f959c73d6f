#include "code/word_classes.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "util/word_set.h"

namespace annal::code {
namespace {

// The lists below stay plain arrays for reading (and for other helpers to extend). The sentence
// coder asks about nearly every token, several times, so each list is also compiled into a
// WordSet (util/word_set.h): a length mask rejects most words outright and a hash of four bytes
// finds the rest in a probe or two, where a linear scan cost several memcmp calls.
template <const auto& kSet>
bool In(std::string_view w) {
  static constexpr WordSet kTable(kSet);
  return kTable.Contains(w);
}

// The lists joined into one, at compile time.
template <size_t... N>
constexpr auto Join(const std::array<std::string_view, N>&... lists) {
  std::array<std::string_view, (N + ...)> all{};
  size_t k = 0;
  ((std::copy(lists.begin(), lists.end(), all.begin() + k), k += N), ...);
  return all;
}

constexpr std::array<std::string_view, 20> kDeterminers = {
    "THE", "A", "AN", "THIS", "THESE", "THOSE", "ITS", "HIS", "HER", "THEIR",
    "OUR", "MY", "YOUR", "EACH", "EVERY", "ANOTHER", "SUCH", "ANY", "SOME", "NO"};
constexpr std::array<std::string_view, 32> kPrepositions = {
    "OF", "IN", "ON", "AT", "FOR", "WITH", "FROM", "BY", "ABOUT", "AGAINST", "AFTER",
    "BEFORE", "DURING", "OVER", "UNDER", "BETWEEN", "AMONG", "INTO", "THROUGH", "WITHOUT",
    "WITHIN", "TOWARD", "TOWARDS", "ACROSS", "AROUND", "SINCE", "UNTIL", "AMID", "DESPITE",
    "NEAR", "UPON", "ONTO"};
constexpr std::array<std::string_view, 8> kBe = {"IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING", "AM"};
constexpr std::array<std::string_view, 3> kHave = {"HAS", "HAVE", "HAD"};
constexpr std::array<std::string_view, 3> kDo = {"DO", "DOES", "DID"};
constexpr std::array<std::string_view, 3> kFuture = {"WILL", "SHALL", "'LL"};
constexpr std::array<std::string_view, 8> kHypothetical = {"WOULD", "COULD", "MIGHT", "MAY",
                                                           "SHOULD", "CAN", "'D", "MUST"};
constexpr std::array<std::string_view, 4> kNegation = {"NOT", "N'T", "NEVER", "NO"};
constexpr std::array<std::string_view, 8> kHedges = {"REPORTEDLY",  "ALLEGEDLY",  "APPARENTLY",
                                                     "PURPORTEDLY", "SUPPOSEDLY", "POSSIBLY",
                                                     "PROBABLY",    "LIKELY"};
constexpr std::array<std::string_view, 16> kAdverbs = {
    "ALSO", "STILL", "JUST", "THEN", "NOW", "ALREADY", "AGAIN", "EVEN",
    "ONCE", "SOON", "YET", "LATER", "EARLIER", "OFTEN", "RECENTLY", "REPEATEDLY"};
constexpr std::array<std::string_view, 6> kPronouns = {"HE", "SHE", "IT", "THEY", "WE", "I"};
constexpr std::array<std::string_view, 14> kClauseOpeners = {
    "THAT", "WHICH", "WHO", "WHOM", "WHOSE", "WHILE", "BECAUSE", "ALTHOUGH",
    "IF", "WHEN", "WHERE", "AS", "UNLESS", "WHEREAS"};
constexpr std::array<std::string_view, 48> kSpeech = {
    "WARNED", "WARNS", "CONFIRMS", "ANNOUNCES",
    "SAID", "SAY", "SAYS", "SAYING", "TOLD", "TELL", "TELLS", "STATED", "CLAIMED", "CLAIM",
    "CLAIMS", "ALLEGED", "ALLEGES", "ADDED", "ANNOUNCED", "NOTED", "REPORTED", "INSISTED",
    "INSISTS", "DENIED", "DENIES", "DENY", "CONFIRMED", "CONFIRMS", "ARGUED", "ARGUES",
    "BELIEVES", "BELIEVED", "THINKS", "DECLARED", "ASSERTED", "MAINTAINED", "EXPLAINED",
    "REITERATED", "STRESSED", "EMPHASIZED", "EMPHASISED", "SUGGESTED", "WROTE", "TWEETED",
    "ACKNOWLEDGED", "ADMITTED", "CHARGED", "ASSERTS"};
constexpr std::array<std::string_view, 4> kDenial = {"DENIED", "DENIES", "DENY", "DENYING"};
constexpr std::array<std::string_view, 16> kModifiers = {
    "SENIOR", "FORMER", "TOP", "DEPUTY", "ACTING", "VETERAN", "NEW", "THEN", "CHIEF",
    "HEAD", "INTERIM", "OUTGOING", "INCOMING", "LOCAL", "ITS", "JUNIOR"};

}  // namespace

bool IsDeterminer(std::string_view w) { return In<kDeterminers>(w); }
bool IsPreposition(std::string_view w) { return In<kPrepositions>(w); }
bool IsLocativePreposition(std::string_view w) {
  static constexpr std::array<std::string_view, 9> kLocative = {
      "IN", "AT", "NEAR", "INSIDE", "OUTSIDE", "THROUGHOUT", "ACROSS", "AROUND", "OUTSIDE"};
  return In<kLocative>(w);
}
bool IsBeAuxiliary(std::string_view w) { return In<kBe>(w); }
bool IsHaveAuxiliary(std::string_view w) { return In<kHave>(w); }
bool IsDoAuxiliary(std::string_view w) { return In<kDo>(w); }
bool IsFutureModal(std::string_view w) { return In<kFuture>(w); }
bool IsHypotheticalModal(std::string_view w) { return In<kHypothetical>(w); }
bool IsNegation(std::string_view w) { return In<kNegation>(w); }
bool IsHedge(std::string_view w) { return In<kHedges>(w); }
bool IsAdverbLike(std::string_view w) {
  return In<kAdverbs>(w) || (w.size() > 4 && w.substr(w.size() - 2) == "LY");
}
bool IsSubjectPronoun(std::string_view w) { return In<kPronouns>(w); }
bool IsClauseOpener(std::string_view w) { return In<kClauseOpeners>(w); }
bool IsCoordinator(std::string_view w) { return w == "AND" || w == "OR"; }
bool IsQuantityNoun(std::string_view w) {
  static constexpr std::array<std::string_view, 16> kQuantity = {
      "THOUSANDS", "HUNDREDS", "DOZENS", "SCORES", "MILLIONS", "TENS", "GROUP", "GROUPS",
      "NUMBER", "MANY", "SOME", "MOST", "ALL", "SEVERAL", "CROWDS", "MEMBERS"};
  return In<kQuantity>(w);
}
bool IsSpeechVerb(std::string_view w) { return In<kSpeech>(w); }
bool IsDenialVerb(std::string_view w) { return In<kDenial>(w); }
bool IsActorModifier(std::string_view w) { return In<kModifiers>(w); }
bool IsNumberWord(std::string_view w) {
  static constexpr std::array<std::string_view, 24> kNumbers = {
      "ONE",    "TWO",     "THREE",    "FOUR",     "FIVE",   "SIX",      "SEVEN",  "EIGHT",
      "NINE",   "TEN",     "ELEVEN",   "TWELVE",   "TWENTY", "THIRTY",   "FIFTY",  "HUNDRED",
      "DOZEN",  "DOZENS",  "HUNDREDS", "THOUSAND", "THOUSANDS", "MILLION", "MILLIONS", "SEVERAL"};
  return In<kNumbers>(w);
}
bool IsIrregularPast(std::string_view w) {
  static constexpr std::array<std::string_view, 118> kIrregular = {
      "AROSE",   "AWOKE",   "BEAT",    "BECAME",  "BEGAN",   "BEGUN",   "BENT",    "BLEW",
      "BLOWN",   "BORE",    "BORNE",   "BOUGHT",  "BROKE",   "BROKEN",  "BROUGHT", "BUILT",
      "CAME",    "CAUGHT",  "CHOSE",   "CHOSEN",  "CLUNG",   "DEALT",   "DID",     "DONE",
      "DRAWN",   "DREW",    "DRIVEN",  "DROVE",   "FED",     "FELL",    "FELT",    "FLED",
      "FLEW",    "FLOWN",   "FORBADE", "FORGAVE", "FORGOT",  "FOUGHT",  "FOUND",   "FROZE",
      "GAVE",    "GIVEN",   "GONE",    "GOT",     "GREW",    "GROWN",   "HAD",     "HEARD",
      "HELD",    "HID",     "HIDDEN",  "HUNG",    "KEPT",    "KNEW",    "KNOWN",   "LAID",
      "LED",     "LEFT",    "LENT",    "LOST",    "MADE",    "MEANT",   "MET",     "PAID",
      "RAN",     "RODE",    "ROSE",    "SAID",    "SANK",    "SAT",     "SAW",     "SEEN",
      "SENT",    "SHOOK",   "SHOT",    "SHOWN",   "SLAIN",   "SLEW",    "SOLD",    "SOUGHT",
      "SPENT",   "SPOKE",   "SPOKEN",  "STOLE",   "STOLEN",  "STOOD",   "STRUCK",  "STUCK",
      "SWEPT",   "SWORE",   "SWORN",   "TAKEN",   "TAUGHT",  "THOUGHT", "THREW",   "THROWN",
      "TOLD",    "TOOK",    "TORE",    "TORN",    "UNDERTOOK", "UPHELD", "WENT",   "WITHDREW",
      "WITHDRAWN", "WITHHELD", "WON",    "WORE",    "WOUND",   "WROTE",   "WRITTEN", "OVERTHREW",
      "OVERTHROWN", "FORESAW", "FOREGONE", "MISLED", "OVERCAME", "UNDERWENT"};
  return In<kIrregular>(w);
}
bool IsFunctionWord(std::string_view w) {
  static constexpr std::array<std::string_view, 20> kOthers = {
      "TO", "BUT", "THEM", "HIM", "US", "THERE", "NOR", "THAN", "EVER", "ONLY",
      "VERY", "SO", "TOO", "MORE", "MOST", "LESS", "YOU", "ME", "AND", "OR"};
  static constexpr auto kAll =
      Join(kOthers, kDeterminers, kPrepositions, kBe, kHave, kDo, kFuture, kHypothetical,
           kNegation, kHedges, kPronouns, kClauseOpeners);
  return In<kAll>(w) || IsAdverbLike(w);
}

}  // namespace annal::code
