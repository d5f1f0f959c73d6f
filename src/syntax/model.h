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

// The components Model::Load reads. A component not asked for is not decoded; the model then
// lacks it, and Model::Check says it was left out. Word clusters are read whenever the tagger or
// the parser is. A partial load still checks the header and the checksum of the whole file,
// but stops decompressing once it has read what it asked for (with the shipped model, tagger
// only: the first 12% of the payload), so the layout of the sections after those (their sizes,
// trailing bytes) goes unchecked; a whole load checks everything.
struct ModelParts {
  bool tagger = true;
  bool lemmatizer = true;
  bool parser = true;

  static constexpr ModelParts All() { return {}; }
  static constexpr ModelParts TaggerOnly() { return {true, false, false}; }
  // What coding in parser mode uses: it tags and parses, and never lemmatises.
  static constexpr ModelParts TaggerAndParser() { return {true, false, true}; }
  // For messages: "tagger, lemmatiser, parser", "tagger", "nothing".
  std::string ToString() const;
};

// Immutable after loading; a const Model may be shared by any number of threads.
// Any component may be missing (a tagger-only model, say); Parser checks what it has.
class Model {
 public:
  Model() = default;
  // Not copyable: large, and Parsers point into it.
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;

  // Loads a model file, or the components of it that `parts` names. Returns IOError if it
  // cannot be read and Corruption (with the path and what is wrong) if it is not a model file,
  // was written by another format version, is truncated, or fails its checksum, whatever
  // `parts` asks for. Never crashes on bad bytes.
  static Result<std::unique_ptr<Model>> Load(const std::string& path,
                                             ModelParts parts = ModelParts::All());
  // The same from bytes already in memory; `name` is used in messages.
  static Result<std::unique_ptr<Model>> FromBytes(std::string_view bytes, std::string_view name,
                                                  ModelParts parts = ModelParts::All());

  // Returns InvalidArgument when a component `needed` names is missing, saying whether the
  // load was not asked for it (Load with fewer parts) or the file has none, e.g.
  // "m.annalsyn: no parser: loaded with the tagger only". Parser works with any model (a
  // missing component gives "_" and head 0), so callers that need a component check first.
  Status Check(ModelParts needed) const;

  // Returns InvalidArgument (and writes nothing) when the tagger and the parser were trained
  // with different word clusters (a file holds one table for both), or when the model was
  // loaded without some components (the file written would silently lack them).
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
  // The components the load was not asked for, whether or not the file has them (all false
  // for a model loaded whole or built in memory; set_* clears its component's flag).
  ModelParts skipped() const { return skipped_; }

  void set_tagger(std::unique_ptr<Tagger> t) {
    tagger_ = std::move(t);
    skipped_.tagger = false;
  }
  void set_lemmatizer(std::unique_ptr<Lemmatizer> l) {
    lemmatizer_ = std::move(l);
    skipped_.lemmatizer = false;
  }
  void set_parser(std::unique_ptr<DependencyParser> p) {
    parser_ = std::move(p);
    skipped_.parser = false;
  }
  void set_description(std::string d) { description_ = std::move(d); }
  // Moves the components `other` has into this model (used to combine a tagger file and a
  // parser file).
  void TakeComponentsFrom(Model* other);

 private:
  std::unique_ptr<Tagger> tagger_;
  std::unique_ptr<Lemmatizer> lemmatizer_;
  std::unique_ptr<DependencyParser> parser_;
  std::string description_;
  // Where the model came from (for messages; empty when built in memory).
  std::string name_;
  ModelParts skipped_{false, false, false};
};

}  // namespace annal::syntax

#endif  // ANNAL_SYNTAX_MODEL_H_
