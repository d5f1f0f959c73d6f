// The text stage: normalisation, sentence splitting and tokenisation with byte offsets.
#ifndef ANNAL_TEXT_ANALYZER_H_
#define ANNAL_TEXT_ANALYZER_H_

#include <string>
#include <string_view>

#include "annal/status.h"
#include "text/token.h"

namespace annal::text {

// Splits `text` into sentences and tokens. Offsets refer to `text` exactly as given (no copy
// is made; normalisation happens per token in Token::norm). Survives news abbreviations
// (U.S., U.N., Gen., Lt., Col., Mr., Dr., St., Jan., a.m.) and recognises a leading dateline
// ("MOSCOW (Reuters) -", "Kyiv --", and one glued to the first word as in
// "MoscowAnother assassination attempt"), which is kept out of the first sentence's tokens.
// REQUIRES: text is valid UTF-8 (see IsValidUtf8). Never fails on valid UTF-8.
// Thread-safe (no shared state).
void AnalyzeText(std::string_view text, AnalyzedText* out);

// Upper-cased, NFC, mark-stripped matching form of one word (what Token::norm holds).
std::string NormalizeWord(std::string_view word);

// True when `s` is well-formed UTF-8. On failure *bad_offset gets the first bad byte.
bool IsValidUtf8(std::string_view s, size_t* bad_offset = nullptr);

}  // namespace annal::text

#endif  // ANNAL_TEXT_ANALYZER_H_
