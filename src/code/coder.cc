// Coder: runs the whole flow for one document (placeholder until the stages land).
#include "annal/coder.h"

namespace annal {

struct Coder::Impl {
  CoderOptions options;
  std::vector<std::string> warnings;
};

Coder::Coder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Coder::~Coder() = default;

Result<std::unique_ptr<Coder>> Coder::Open(const CoderOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  return std::unique_ptr<Coder>(new Coder(std::move(impl)));
}

Status Coder::Code(const Document& doc, DocumentResult* out) const {
  *out = DocumentResult();
  return Status::OK();
}

const std::vector<std::string>& Coder::warnings() const { return impl_->warnings; }

}  // namespace annal
