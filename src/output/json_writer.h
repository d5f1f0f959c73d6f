// Appending JSON and CSV pieces to a std::string: the building blocks of the event writer.
//
// Hand-rolled instead of going through a DOM because events are written at hundreds of
// thousands per second; nlohmann-json parses the output in the tests to prove it valid.
#ifndef ANNAL_OUTPUT_JSON_WRITER_H_
#define ANNAL_OUTPUT_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace annal {

// Appends `s` as a JSON string literal (with quotes). Escapes '"', '\\' and every control
// character below 0x20 (\n \r \t \b \f by name, others as \u00XX). Valid UTF-8 passes through
// unchanged; each byte of an invalid UTF-8 sequence (stray continuation byte, overlong form,
// surrogate, > U+10FFFF, truncated sequence) becomes U+FFFD, so the output is always valid
// UTF-8 and valid JSON.
void AppendJsonString(std::string_view s, std::string* out);

// Appends an integer in decimal.
void AppendInt(int64_t v, std::string* out);

// Appends a double in the shortest form that reads back exactly, always with a decimal point
// or exponent so readers keep it a float ("-2.0", "55.75"); NaN and infinities become `null`.
void AppendJsonDouble(double v, std::string* out);

// Appends one CSV field, RFC 4180: quoted (with '"' doubled) when it contains a comma, a quote,
// CR or LF, or starts or ends with a space; as is otherwise.
void AppendCsvField(std::string_view s, std::string* out);

}  // namespace annal

#endif  // ANNAL_OUTPUT_JSON_WRITER_H_
