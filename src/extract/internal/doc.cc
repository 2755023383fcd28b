#include "extract/internal/doc.h"

#include "extract/internal/lexicon.h"

namespace kiemdem::extract::internal {

std::string_view Doc::Text(size_t first, size_t last) const {
  return norm->text().substr(tokens[first].begin, tokens[last].end - tokens[first].begin);
}

Span Doc::InputSpan(size_t first, size_t last) const {
  return {norm->ToInput(tokens[first].begin), norm->ToInput(tokens[last].end)};
}

namespace {

// Does the '.' at token i end a sentence? Not after an abbreviation ("TP.
// Vinh"), nor between an upper-case short word and the next word written
// without a space ("TX.Phú Mỹ"), nor in "./." (a letter's end mark, ended
// by the '/').
bool DotEnds(const Doc& doc, size_t i) {
  static const Lexicon& abbreviations = GetLexicon("abbreviations");
  if (i == 0) return true;
  const Token& prev = doc.tokens[i - 1];
  if (prev.kind == TokenKind::kWord && !doc.tokens[i].space_before &&
      doc.MatchAny(i - 1, abbreviations.phrases()) > 0) {
    return false;
  }
  if (i + 1 < doc.size()) {
    const Token& next = doc.tokens[i + 1];
    if (next.kind == TokenKind::kWord && !next.space_before && prev.kind == TokenKind::kWord && prev.upper &&
        prev.text.size() <= 4 && !next.newline_before) {
      return false;
    }
    if (next.kind == TokenKind::kPunct && next.text == "/" && !next.space_before) return false;
  }
  return true;
}

}  // namespace

Doc BuildDoc(const NormalizedText& norm, size_t body_begin, ReferenceDate ref) {
  Doc doc;
  doc.norm = &norm;
  doc.ref = ref;
  doc.tokens = Tokenize(norm.text(), body_begin);
  doc.sentence.resize(doc.tokens.size());
  doc.paragraph.resize(doc.tokens.size());
  doc.used.assign(doc.tokens.size(), false);
  int s = 0;
  int p = 0;
  int depth = 0;  // inside brackets a '.', '?' or '!' ends no sentence
  bool ended = false;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    if (i > 0 && t.newline_before) {
      ++p;
      depth = 0;
    }
    if (i > 0 && (t.newline_before || ended)) ++s;
    ended = false;
    doc.sentence[i] = s;
    doc.paragraph[i] = p;
    if (t.kind != TokenKind::kPunct) continue;
    if (t.text == "(") {
      ++depth;
    } else if (t.text == ")") {
      depth = depth > 0 ? depth - 1 : 0;
    } else if (depth == 0 &&
               (t.text == "!" || t.text == "?" ||
                (t.text == "\xE2\x80\xA6" && i + 1 < doc.size() && doc.tokens[i + 1].upper) ||
                (t.text == "." && DotEnds(doc, i)) || (t.text == "/" && i > 0 && doc.IsPunct(i - 1, ".")))) {
      // A closing quote or bracket right after the mark stays in the sentence.
      while (i + 1 < doc.tokens.size() && !doc.tokens[i + 1].space_before &&
             doc.tokens[i + 1].kind == TokenKind::kPunct &&
             (doc.tokens[i + 1].text == "\xE2\x80\x9D" || doc.tokens[i + 1].text == "\"" ||
              doc.tokens[i + 1].text == "." || doc.tokens[i + 1].text == "/")) {
        ++i;
        doc.sentence[i] = s;
        doc.paragraph[i] = p;
      }
      ended = true;
    }
  }
  for (size_t i = 0; i < doc.size();) {
    size_t j = i;
    while (j + 1 < doc.size() && doc.sentence[j + 1] == doc.sentence[i]) ++j;
    doc.sentence_ranges.push_back({i, j});
    i = j + 1;
  }
  return doc;
}

}  // namespace kiemdem::extract::internal
