// Closed-class English words the shallow analysis relies on. Every set holds upper-case
// matching forms (Token::norm).
#ifndef ANNAL_CODE_WORD_CLASSES_H_
#define ANNAL_CODE_WORD_CLASSES_H_

#include <string_view>

namespace annal::code {

bool IsDeterminer(std::string_view w);      // THE A AN THIS ITS THEIR ...
bool IsPreposition(std::string_view w);     // OF IN ON AT ... (not TO)
bool IsLocativePreposition(std::string_view w);  // IN AT NEAR INSIDE OUTSIDE ...
bool IsBeAuxiliary(std::string_view w);     // IS ARE WAS WERE BE BEEN BEING AM
bool IsHaveAuxiliary(std::string_view w);   // HAS HAVE HAD
bool IsDoAuxiliary(std::string_view w);     // DO DOES DID
bool IsFutureModal(std::string_view w);     // WILL SHALL 'LL
bool IsHypotheticalModal(std::string_view w);  // WOULD COULD MIGHT MAY SHOULD CAN 'D
bool IsNegation(std::string_view w);        // NOT N'T NEVER
bool IsHedge(std::string_view w);           // REPORTEDLY ALLEGEDLY ...
bool IsAdverbLike(std::string_view w);      // ALSO STILL JUST ... and -LY words
bool IsSubjectPronoun(std::string_view w);  // HE SHE IT THEY WE
bool IsClauseOpener(std::string_view w);    // THAT WHICH WHO WHILE BECAUSE IF ...
bool IsCoordinator(std::string_view w);     // AND OR
// Heads of "thousands of demonstrators": the actor after OF is the real subject.
bool IsQuantityNoun(std::string_view w);
// Verbs that introduce reported speech or a claim ("said", "accused ... of", "denied").
bool IsSpeechVerb(std::string_view w);
// Denial verbs: the reported event is negated ("denied attacking").
bool IsDenialVerb(std::string_view w);
// Title and modifier words that may sit inside an actor noun phrase without being in the
// dictionaries ("senior", "former", "top", "deputy").
bool IsActorModifier(std::string_view w);
// Cardinal number words ("two", "dozen", "hundreds").
bool IsNumberWord(std::string_view w);
// Past tenses and participles without an -ED ending ("left", "met", "said", "fought").
bool IsIrregularPast(std::string_view w);
// Any closed-class word above (determiner, preposition, TO, auxiliary, modal, negation, hedge,
// adverb, pronoun, clause opener, coordinator, BUT): words that never modify a noun the way
// "peace" does in "peace deal".
bool IsFunctionWord(std::string_view w);

}  // namespace annal::code

#endif  // ANNAL_CODE_WORD_CLASSES_H_
