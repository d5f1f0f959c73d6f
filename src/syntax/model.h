// Model: the trained syntax components (tagger, lemmatiser, dependency parser) and the file
// that holds them. The format is described in doc/formats/parser_model.md.
#ifndef ANNAL_SYNTAX_MODEL_H_
#define ANNAL_SYNTAX_MODEL_H_

#include <memory>
#include <string>
#include <string_view>

#include "annal/status.h"
#include "syntax/dependency_parser.h"
#include "syntax/lemmatizer.h"
#include "syntax/tagger.h"

namespace annal::syntax {

// The file's first bytes and the versions this build reads and writes: version 3 files have
// word clusters (a CLUS section, whose features the tagger and parser use), version 2 files
// have none (and their features are exactly version 2's).
inline constexpr std::string_view kModelMagic = "ANNALSYN";
inline constexpr uint32_t kModelFormatVersion = 3;
inline constexpr uint32_t kModelFormatVersionWithoutClusters = 2;

// Immutable after loading; a const Model may be shared by any number of threads.
// Any component may be missing (a tagger-only model, say); Parser checks what it has.
class Model {
 public:
  Model() = default;
  // Not copyable: large, and Parsers point into it.
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;

  // Loads a model file. Returns IOError if it cannot be read and Corruption (with the path and
  // what is wrong) if it is not a model file, was written by another format version, is
  // truncated, or fails its checksum. Never crashes on bad bytes.
  static Result<std::unique_ptr<Model>> Load(const std::string& path);
  // The same from bytes already in memory; `name` is used in messages.
  static Result<std::unique_ptr<Model>> FromBytes(std::string_view bytes, std::string_view name);

  // Returns InvalidArgument (and writes nothing) when the tagger and the parser were trained
  // with different word clusters: a file holds one table for both.
  Status Save(const std::string& path) const;
  // REQUIRES: ClustersConsistent().
  std::string ToBytes() const;
  // False when the tagger and the parser use different word-cluster tables.
  bool ClustersConsistent() const;

  const Tagger* tagger() const { return tagger_.get(); }
  const Lemmatizer* lemmatizer() const { return lemmatizer_.get(); }
  const DependencyParser* parser() const { return parser_.get(); }
  // For decoding settings (the beam width) before the model is shared; null without a parser.
  DependencyParser* mutable_parser() { return parser_.get(); }
  // The word clusters the tagger and parser use (null = none).
  std::shared_ptr<const WordClusters> clusters() const;
  // Free text saved with the model: where it came from and how it was trained.
  const std::string& description() const { return description_; }

  void set_tagger(std::unique_ptr<Tagger> t) { tagger_ = std::move(t); }
  void set_lemmatizer(std::unique_ptr<Lemmatizer> l) { lemmatizer_ = std::move(l); }
  void set_parser(std::unique_ptr<DependencyParser> p) { parser_ = std::move(p); }
  void set_description(std::string d) { description_ = std::move(d); }
  // Moves the components `other` has into this model (used to combine a tagger file and a
  // parser file).
  void TakeComponentsFrom(Model* other);

 private:
  std::unique_ptr<Tagger> tagger_;
  std::unique_ptr<Lemmatizer> lemmatizer_;
  std::unique_ptr<DependencyParser> parser_;
  std::string description_;
};

}  // namespace annal::syntax

#endif  // ANNAL_SYNTAX_MODEL_H_
