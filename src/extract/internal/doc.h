// What the rules share about one document: the normalized text, its tokens,
// sentence and paragraph boundaries, phrase matching by syllable keys, and
// which tokens a rule has already used.
#ifndef KIEMDEM_EXTRACT_INTERNAL_DOC_H_
#define KIEMDEM_EXTRACT_INTERNAL_DOC_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/extract.h"
#include "extract/internal/phrases.h"
#include "extract/internal/text.h"
#include "extract/internal/tokens.h"

namespace kiemdem::extract::internal {

struct TokenRange {
  size_t first;
  size_t last;  // inclusive
};

struct Doc {
  const NormalizedText* norm = nullptr;
  ReferenceDate ref;  // the text's reference date (header `date:` or the options)
  std::vector<Token> tokens;
  std::vector<int> sentence;                // sentence index of each token
  std::vector<TokenRange> sentence_ranges;  // the tokens of each sentence
  std::vector<int> paragraph;               // paragraph index of each token
  std::vector<uint8_t> used;  // consumed by a docref, date or comparison (a byte each: read often)

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
  // Length of the longest of `phrases` that matches at i, or 0; its tag in *tag.
  size_t MatchAny(size_t i, const PhraseSet& phrases, int* tag = nullptr) const {
    if (i >= tokens.size() || !phrases.MayStartWith(tokens[i].key)) return 0;
    auto [first, last] = phrases.StartingWith(tokens[i].key);
    for (const PhraseSet::Item* it = first; it != last; ++it) {
      if (Matches(i, it->phrase)) {
        if (tag != nullptr) *tag = it->tag;
        return it->phrase.size();
      }
    }
    return 0;
  }
  // The phrase of `phrases` that ends at token i (inclusive), longest first; its length or 0.
  size_t MatchAnyEndingAt(size_t i, const PhraseSet& phrases) const {
    if (i >= tokens.size() || !phrases.MayEndWith(tokens[i].key)) return 0;
    auto [first, last] = phrases.EndingWith(tokens[i].key);
    for (const uint32_t* it = first; it != last; ++it) {
      const Phrase& phrase = phrases.item(*it).phrase;
      if (MatchesEndingAt(i, phrase)) return phrase.size();
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
void FindPersons(Doc& doc, Facts* facts);
void FindMeeting(Doc& doc, Facts* facts);
void FindMeasures(Doc& doc, Facts* facts);  // the meeting's month is the fallback period
void FindDirectives(Doc& doc, Facts* facts);

}  // namespace kiemdem::extract::internal

#endif  // KIEMDEM_EXTRACT_INTERNAL_DOC_H_
