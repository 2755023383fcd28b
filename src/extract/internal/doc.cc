#include "extract/internal/doc.h"

namespace kiemdem::extract::internal {

Phrase::Phrase(std::string_view text) {
  std::string key = PhraseKey(text);
  size_t i = 0;
  while (i <= key.size() && !key.empty()) {
    size_t j = key.find(' ', i);
    keys_.push_back(key.substr(i, j == std::string::npos ? std::string::npos : j - i));
    if (j == std::string::npos) break;
    i = j + 1;
  }
}

bool Doc::KeyIs(size_t i, const Phrase& word) const {
  return i < tokens.size() && word.size() == 1 && tokens[i].key == word.keys()[0];
}

bool Doc::Matches(size_t i, const Phrase& phrase) const {
  if (phrase.size() == 0 || i + phrase.size() > tokens.size()) return false;
  for (size_t k = 0; k < phrase.size(); ++k) {
    if (tokens[i + k].key != phrase.keys()[k]) return false;
  }
  return true;
}

size_t Doc::MatchAny(size_t i, const std::vector<Phrase>& phrases) const {
  for (const Phrase& p : phrases) {
    if (Matches(i, p)) return p.size();
  }
  return 0;
}

bool Doc::MatchesEndingAt(size_t i, const Phrase& phrase) const {
  return i + 1 >= phrase.size() && Matches(i + 1 - phrase.size(), phrase);
}

std::string_view Doc::Text(size_t first, size_t last) const {
  return std::string_view(norm->text).substr(tokens[first].begin, tokens[last].end - tokens[first].begin);
}

Span Doc::InputSpan(size_t first, size_t last) const {
  return {norm->ToInput(tokens[first].begin), norm->ToInput(tokens[last].end)};
}

Doc BuildDoc(const NormalizedText& norm) {
  Doc doc;
  doc.norm = &norm;
  doc.tokens = Tokenize(norm.text);
  doc.sentence.resize(doc.tokens.size());
  doc.paragraph.resize(doc.tokens.size());
  doc.used.assign(doc.tokens.size(), false);
  int s = 0;
  int p = 0;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    if (i > 0 && t.newline_before) {
      ++p;
      ++s;
    }
    doc.sentence[i] = s;
    doc.paragraph[i] = p;
    // A sentence ends after '.', '!' or '?' (numbers keep their inner dots).
    if (t.kind == TokenKind::kPunct && (t.text == "." || t.text == "!" || t.text == "?")) ++s;
  }
  return doc;
}

}  // namespace kiemdem::extract::internal
