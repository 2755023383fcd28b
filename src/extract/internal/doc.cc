#include "extract/internal/doc.h"

namespace kiemdem::extract::internal {

Phrase::Phrase(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    size_t j = i;
    while (j < text.size() && text[j] != ' ') ++j;
    if (j > i) keys_.push_back(SyllableHash(text.substr(i, j - i)));
    i = j;
  }
}

std::string_view Doc::Text(size_t first, size_t last) const {
  return std::string_view(norm->text).substr(tokens[first].begin, tokens[last].end - tokens[first].begin);
}

Span Doc::InputSpan(size_t first, size_t last) const {
  return {norm->ToInput(tokens[first].begin), norm->ToInput(tokens[last].end)};
}

Doc BuildDoc(const NormalizedText& norm, size_t body_begin, ReferenceDate ref) {
  Doc doc;
  doc.norm = &norm;
  doc.ref = ref;
  doc.tokens = Tokenize(norm.text, body_begin);
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
