// What the rules share about one document: the normalized text, its tokens,
// sentence and paragraph boundaries, phrase matching by syllable keys, and
// which tokens a rule has already used.
#ifndef KIEMDEM_EXTRACT_INTERNAL_DOC_H_
#define KIEMDEM_EXTRACT_INTERNAL_DOC_H_

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extract.h"
#include "extract/internal/text.h"
#include "extract/internal/tokens.h"

namespace kiemdem::extract::internal {

// A phrase to match, as syllable keys ("kế hoạch" -> {"kê2", "hoach5"}).
class Phrase {
 public:
  Phrase(std::string_view text);  // NOLINT(google-explicit-constructor): tables of literals
  Phrase(const char* text) : Phrase(std::string_view(text)) {}  // NOLINT(google-explicit-constructor)
  const std::vector<uint64_t>& keys() const { return keys_; }
  size_t size() const { return keys_.size(); }

 private:
  std::vector<uint64_t> keys_;
};

// Phrases matched together; a 256-bit filter on their first keys rejects
// most tokens with one bit test.
class PhraseSet {
 public:
  PhraseSet(std::initializer_list<Phrase> phrases) {
    for (const Phrase& p : phrases) Add(p);
  }
  void Add(const Phrase& p) {
    phrases_.push_back(p);
    if (p.size() > 0) bits_[Slot(p.keys()[0])] |= Bit(p.keys()[0]);
  }
  bool MayStartWith(uint64_t key) const { return (bits_[Slot(key)] & Bit(key)) != 0; }
  auto begin() const { return phrases_.begin(); }
  auto end() const { return phrases_.end(); }

 private:
  static size_t Slot(uint64_t key) { return (key >> 58) & 3; }
  static uint64_t Bit(uint64_t key) { return uint64_t{1} << ((key >> 20) & 63); }
  std::vector<Phrase> phrases_;
  uint64_t bits_[4] = {0, 0, 0, 0};
};

struct Doc {
  const NormalizedText* norm = nullptr;
  ReferenceDate ref;  // the text's reference date (header `date:` or the options)
  std::vector<Token> tokens;
  std::vector<int> sentence;   // sentence index of each token
  std::vector<int> paragraph;  // paragraph index of each token
  std::vector<bool> used;      // consumed by a docref, date or comparison

  size_t size() const { return tokens.size(); }
  const Token& at(size_t i) const { return tokens[i]; }
  bool IsWord(size_t i) const { return i < tokens.size() && tokens[i].kind == TokenKind::kWord; }
  bool IsNumber(size_t i) const { return i < tokens.size() && tokens[i].kind == TokenKind::kNumber; }
  bool IsPunct(size_t i, std::string_view p) const {
    return i < tokens.size() && tokens[i].kind == TokenKind::kPunct && tokens[i].text == p;
  }
  // Word key at i equals the key of `word` (case and tone placement ignored).
  bool KeyIs(size_t i, const Phrase& word) const {
    return i < tokens.size() && word.size() == 1 && tokens[i].key == word.keys()[0];
  }
  // The phrase's keys start at token i (words only).
  bool Matches(size_t i, const Phrase& phrase) const {
    size_t n = phrase.size();
    if (n == 0 || i + n > tokens.size() || tokens[i].key != phrase.keys()[0]) return false;
    for (size_t k = 1; k < n; ++k) {
      if (tokens[i + k].key != phrase.keys()[k]) return false;
    }
    return true;
  }
  // Length of the first of `phrases` that matches at i, or 0.
  size_t MatchAny(size_t i, const PhraseSet& phrases) const {
    if (i >= tokens.size() || !phrases.MayStartWith(tokens[i].key)) return 0;
    for (const Phrase& p : phrases) {
      if (Matches(i, p)) return p.size();
    }
    return 0;
  }
  // The phrase ends at token i (inclusive).
  bool MatchesEndingAt(size_t i, const Phrase& phrase) const {
    return i + 1 >= phrase.size() && Matches(i + 1 - phrase.size(), phrase);
  }

  // Text between tokens [first, last] (inclusive), as written.
  std::string_view Text(size_t first, size_t last) const;
  Span InputSpan(size_t first, size_t last) const;
};

// Tokens from `body_begin` (normalized offset, after a header) on.
Doc BuildDoc(const NormalizedText& norm, size_t body_begin, ReferenceDate ref);

// Rules, run in this order (later ones skip tokens earlier ones used).
void MarkDatesAndTimes(Doc& doc);
void FindDocRefs(Doc& doc, Facts* facts);
void FindMeasures(Doc& doc, Facts* facts);
void FindPersons(Doc& doc, Facts* facts);
void FindMeeting(Doc& doc, Facts* facts);
void FindDirectives(Doc& doc, Facts* facts);

}  // namespace kiemdem::extract::internal

#endif  // KIEMDEM_EXTRACT_INTERNAL_DOC_H_
