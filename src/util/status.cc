#include "annal/status.h"

#include "annal/annal.h"

namespace annal {

std::string Status::ToString() const {
  const char* name = "OK";
  switch (code_) {
    case Code::kOk:
      return "OK";
    case Code::kInvalidArgument:
      name = "Invalid argument";
      break;
    case Code::kNotFound:
      name = "Not found";
      break;
    case Code::kCorruption:
      name = "Corruption";
      break;
    case Code::kIOError:
      name = "IO error";
      break;
  }
  return std::string(name) + ": " + message_;
}

const char* Version() { return "0.1.0"; }

}  // namespace annal
