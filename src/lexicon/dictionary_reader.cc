#include "lexicon/dictionary_reader.h"

#include <string>
#include <vector>

#include "context/actor_kb.h"
#include "lexicon/dictionary_text.h"
#include "lexicon/format_readers.h"
#include "util/file.h"

namespace annal::lexicon {

namespace {

using internal::EndsWith;
using internal::StartsWith;
using internal::Trim;

const char* KindName(DictionaryKind kind) {
  switch (kind) {
    case DictionaryKind::kVerbs: return "verb";
    case DictionaryKind::kActors: return "actor";
    case DictionaryKind::kAgents: return "agent";
    case DictionaryKind::kDiscards: return "discard";
    case DictionaryKind::kIssues: return "issue";
    case DictionaryKind::kOptions: return "options";
  }
  return "dictionary";
}

std::string LowerExtension(std::string_view filename) {
  std::string name(filename);
  for (char& c : name) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (EndsWith(name, ".zst")) name.resize(name.size() - 4);
  size_t slash = name.find_last_of("/\\");
  size_t dot = name.rfind('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  return name.substr(dot);
}

// The format of a file, from its name first (TABARI files are named *.verbs, *.actors,
// *.agents, *.options; PETRARCH's *.txt) and, failing that, from its content.
DictionaryFormat DetectFormat(std::string_view content, std::string_view filename,
                              DictionaryKind kind) {
  if (kind == DictionaryKind::kOptions) return DictionaryFormat::kTabari;
  if (kind == DictionaryKind::kIssues || kind == DictionaryKind::kDiscards) {
    return DictionaryFormat::kPetrarch;  // only PETRARCH has these as separate files
  }
  std::string ext = LowerExtension(filename);
  if (ext == ".verbs" || ext == ".actors" || ext == ".agents" || ext == ".options") {
    return DictionaryFormat::kTabari;
  }
  if (ext == ".txt") return DictionaryFormat::kPetrarch;
  // Content: PETRARCH files use '#' comments, <!-- --> and "--- NAME [code] ---" verb
  // headers; TABARI files use ';' comments and "[ ~GOV]" agent codes.
  int petrarch = 0, tabari = 0;
  size_t pos = 0;
  int examined = 0;
  while (pos < content.size() && examined < 2000) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = Trim(content.substr(pos, end - pos));
    pos = end + 1;
    ++examined;
    if (line.empty()) continue;
    if (line[0] == '#' || StartsWith(line, "<!--")) ++petrarch;
    if (kind == DictionaryKind::kVerbs && StartsWith(line, "---") && line.find('[') != std::string_view::npos) {
      petrarch += 10;
    }
    if (line.find(';') != std::string_view::npos) ++tabari;
    if (line.find("[ ~") != std::string_view::npos || line.find("~~FINISH") != std::string_view::npos) {
      tabari += 10;
    }
  }
  return tabari > petrarch ? DictionaryFormat::kTabari : DictionaryFormat::kPetrarch;
}

// Entry count of one kind, to tell whether a file yielded anything.
size_t EntryCount(const DictionarySet& set, DictionaryKind kind) {
  switch (kind) {
    case DictionaryKind::kVerbs: {
      // Members count too: a second "&NAME" definition adds members to an existing synset.
      size_t members = 0;
      for (const Synset& s : set.synsets) members += s.members.size();
      return set.verbs.size() + set.synsets.size() + members + set.transformations.size();
    }
    case DictionaryKind::kActors: return set.actors.size();
    case DictionaryKind::kAgents: return set.agents.size();
    case DictionaryKind::kDiscards: return set.discards.size();
    case DictionaryKind::kIssues: return set.issues.size();
    case DictionaryKind::kOptions: return set.labels.size() + set.settings.size();
  }
  return 0;
}

struct Sizes {
  size_t files, actors, agents, verbs, synsets, transformations, discards, issues, labels, settings,
      diagnostics;
};

Sizes SizesOf(const DictionarySet& s) {
  return Sizes{s.files.size(),    s.actors.size(),   s.agents.size(),
               s.verbs.size(),    s.synsets.size(),  s.transformations.size(),
               s.discards.size(), s.issues.size(),   s.labels.size(),
               s.settings.size(), s.diagnostics.size()};
}

template <typename T>
void Shrink(std::vector<T>* v, size_t n) {
  v->erase(v->begin() + static_cast<std::ptrdiff_t>(n), v->end());
}

// Undoes a file that turned out to be of the wrong kind (which added no entry of any kind).
void Restore(const Sizes& z, DictionarySet* s) {
  Shrink(&s->files, z.files);
  Shrink(&s->actors, z.actors);
  Shrink(&s->agents, z.agents);
  Shrink(&s->verbs, z.verbs);
  Shrink(&s->synsets, z.synsets);
  Shrink(&s->transformations, z.transformations);
  Shrink(&s->discards, z.discards);
  Shrink(&s->issues, z.issues);
  Shrink(&s->labels, z.labels);
  Shrink(&s->settings, z.settings);
  Shrink(&s->diagnostics, z.diagnostics);
}

bool HasContent(std::string_view content) {
  for (char c : content) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\x1A') return true;
  }
  return false;
}

}  // namespace

Status ReadDictionary(std::string_view content, std::string_view filename, DictionaryKind kind,
                      DictionaryFormat format, DictionarySet* out) {
  if (out == nullptr) return Status::InvalidArgument("ReadDictionary: no output set");
  if (format == DictionaryFormat::kAuto) format = DetectFormat(content, filename, kind);
  const Sizes before = SizesOf(*out);
  const size_t entries_before = EntryCount(*out, kind);

  internal::ReadContext ctx;
  ctx.out = out;
  ctx.file = static_cast<uint32_t>(out->files.size());
  ctx.filename = std::string(filename);
  ctx.tabari = format == DictionaryFormat::kTabari;
  out->files.emplace_back(filename);

  if ((kind == DictionaryKind::kActors || kind == DictionaryKind::kAgents) &&
      internal::IsCorrectionFile(filename)) {
    // Corrections add no entry, so the "no usable entry" test below does not apply: a line
    // that matches nothing (other dictionaries than the shipped ones) is only a diagnostic.
    internal::ApplyCorrectionFile(content, ctx);
    return Status::OK();
  }
  if (kind == DictionaryKind::kVerbs && internal::IsCorrectionFile(filename)) {
    // The same for verb corrections (doc/formats/verb_corrections.md): they change the verb
    // blocks read before them and add none.
    internal::ApplyVerbCorrectionFile(content, ctx);
    return Status::OK();
  }
  switch (kind) {
    case DictionaryKind::kVerbs: internal::ReadVerbFile(content, ctx); break;
    case DictionaryKind::kActors:
      if (context::IsActorKbFile(filename)) {
        // An actor knowledge base (doc/formats/actor_kb.md): entries after those already read,
        // which win on shared names.
        context::ActorKb kb;
        context::ParseActorKb(content, filename, &kb);
        out->diagnostics.insert(out->diagnostics.end(), kb.diagnostics.begin(), kb.diagnostics.end());
        context::MergeActorKb(kb, ctx.file, out);
      } else {
        internal::ReadActorFile(content, ctx);
      }
      break;
    case DictionaryKind::kAgents: internal::ReadAgentFile(content, ctx); break;
    case DictionaryKind::kDiscards: internal::ReadDiscardFile(content, ctx); break;
    case DictionaryKind::kIssues: internal::ReadIssueFile(content, ctx); break;
    case DictionaryKind::kOptions: internal::ReadOptionsFile(content, ctx); break;
  }

  // A file with text but not one usable entry is not a dictionary of this kind (an actor file
  // given as verbs, say); everything it added is taken back so the set stays as it was.
  const size_t bad_lines = out->diagnostics.size() - before.diagnostics;
  if (EntryCount(*out, kind) == entries_before && bad_lines > 0 && HasContent(content)) {
    std::string first = out->diagnostics[before.diagnostics].ToString();
    Restore(before, out);
    return Status::InvalidArgument(std::string(filename) + ": no " + KindName(kind) +
                                   " entries could be read (" + std::to_string(bad_lines) +
                                   " bad lines; first: " + first + ")");
  }
  return Status::OK();
}

Status ReadDictionaryFiles(const DictionaryFiles& files, DictionarySet* out) {
  struct Group {
    const std::vector<std::string>* paths;
    DictionaryKind kind;
  };
  // Options first (labels), verbs before the rest so synsets from an earlier verb file are
  // known to a later one.
  const Group groups[] = {{&files.options, DictionaryKind::kOptions},
                          {&files.verbs, DictionaryKind::kVerbs},
                          {&files.actors, DictionaryKind::kActors},
                          {&files.agents, DictionaryKind::kAgents},
                          {&files.discards, DictionaryKind::kDiscards},
                          {&files.issues, DictionaryKind::kIssues}};
  std::string content;
  for (const Group& g : groups) {
    for (const std::string& path : *g.paths) {
      Status s = ReadFileToString(path, &content);
      if (!s.ok()) return s;  // ReadFileToString's message names the path
      s = ReadDictionary(content, path, g.kind, DictionaryFormat::kAuto, out);
      if (!s.ok()) return s;
    }
  }
  return Status::OK();
}

}  // namespace annal::lexicon
