// The extractor's word lists: data/extract/NAME.txt, compiled into the binary
// (src/extract/embed_lexicons.cmake) and read once, on first use. A file has
// one entry a line, `#` starts a comment; an entry is a phrase ("kế hoạch"),
// or a phrase and its value ("kế hoạch pháp lệnh = plan"). Phrases match by
// syllable keys, so case and tone-mark placement do not matter; the longest
// phrase wins.
//
//   static const Lexicon& verbs = GetLexicon("directive_verbs");
//   if (size_t n = doc.MatchAny(i, verbs.phrases())) ...
#ifndef KIEMDEM_EXTRACT_INTERNAL_LEXICON_H_
#define KIEMDEM_EXTRACT_INTERNAL_LEXICON_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/internal/doc.h"

namespace kiemdem::extract::internal {

class Lexicon {
 public:
  struct Entry {
    std::string text;   // the phrase as written in the file
    std::string value;  // after " = ", empty where none
  };
  const PhraseSet& phrases() const { return phrases_; }
  // The entry behind a tag that Doc::MatchAny returned.
  const Entry& entry(int tag) const { return entries_[static_cast<size_t>(tag)]; }
  const std::vector<Entry>& entries() const { return entries_; }
  // The value of the longest entry matching at token i, or nullptr; *length its tokens.
  const std::string* ValueAt(const Doc& doc, size_t i, size_t* length = nullptr) const;

  void Add(std::string_view text, std::string_view value);

 private:
  PhraseSet phrases_;
  std::vector<Entry> entries_;
};

// The list data/extract/NAME.txt. A name with no file is a programmer error
// (it aborts, naming it): every name used is covered by the unit tests.
const Lexicon& GetLexicon(std::string_view name);

// The `|`-separated fields of a value ("Nghị quyết | NQ").
std::vector<std::string_view> Fields(std::string_view value);

}  // namespace kiemdem::extract::internal

#endif  // KIEMDEM_EXTRACT_INTERNAL_LEXICON_H_
