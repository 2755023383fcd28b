#include "extract/internal/lexicon.h"

#include <cstdio>
#include <cstdlib>
#include <map>

namespace kiemdem::extract::internal {
namespace {

struct EmbeddedFile {
  const char* name;
  const char* content;
};

constexpr EmbeddedFile kFiles[] = {
#include "lexicon_data.inc"
};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

Lexicon Parse(std::string_view content) {
  Lexicon lex;
  while (!content.empty()) {
    size_t eol = content.find('\n');
    std::string_view line = content.substr(0, eol);
    content = eol == std::string_view::npos ? std::string_view() : content.substr(eol + 1);
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = Trim(line);
    if (line.empty()) continue;
    size_t eq = line.find(" = ");
    if (eq == std::string_view::npos) {
      lex.Add(line, "");
    } else {
      lex.Add(Trim(line.substr(0, eq)), Trim(line.substr(eq + 3)));
    }
  }
  return lex;
}

const std::map<std::string, Lexicon, std::less<>>& All() {
  static const auto* all = [] {
    auto* m = new std::map<std::string, Lexicon, std::less<>>();
    for (const EmbeddedFile& f : kFiles) m->emplace(f.name, Parse(f.content));
    return m;
  }();
  return *all;
}

}  // namespace

void Lexicon::Add(std::string_view text, std::string_view value) {
  entries_.push_back({std::string(text), std::string(value)});
  phrases_.Add(Phrase(text), static_cast<int>(entries_.size() - 1));
}

const std::string* Lexicon::ValueAt(const Doc& doc, size_t i, size_t* length) const {
  int tag = -1;
  size_t n = doc.MatchAny(i, phrases_, &tag);
  if (length != nullptr) *length = n;
  return n > 0 ? &entries_[static_cast<size_t>(tag)].value : nullptr;
}

const Lexicon& GetLexicon(std::string_view name) {
  const auto& all = All();
  auto it = all.find(name);
  if (it == all.end()) {
    // A programmer error: the rules name a list that data/extract does not have.
    std::fprintf(stderr, "kiemdem: no word list data/extract/%.*s.txt\n", static_cast<int>(name.size()),
                 name.data());
    std::abort();
  }
  return it->second;
}

std::vector<std::string_view> Fields(std::string_view value) {
  std::vector<std::string_view> out;
  while (true) {
    size_t bar = value.find('|');
    out.push_back(Trim(value.substr(0, bar)));
    if (bar == std::string_view::npos) break;
    value = value.substr(bar + 1);
  }
  return out;
}

}  // namespace kiemdem::extract::internal
