#include "extract/internal/clauses.h"

namespace kiemdem::extract::internal {

std::vector<TokenRange> Sentences(const Doc& doc) {
  std::vector<TokenRange> out;
  for (size_t i = 0; i < doc.size();) {
    size_t j = i;
    while (j + 1 < doc.size() && doc.sentence[j + 1] == doc.sentence[i]) ++j;
    out.push_back({i, j});
    i = j + 1;
  }
  return out;
}

Parts FindParts(const Doc& doc) {
  Parts parts;
  size_t end0 = 0;
  while (end0 < doc.size() && doc.paragraph[end0] == 0) ++end0;
  bool headline = end0 > 0 && end0 < doc.size() && end0 <= 40 && !doc.IsPunct(end0 - 1, ".");
  parts.headline_end = headline ? end0 : 0;
  int lead_paragraphs = headline ? 4 : 3;
  size_t lead = parts.headline_end;
  while (lead < doc.size() && doc.paragraph[lead] < lead_paragraphs) ++lead;
  parts.lead_end = lead;
  return parts;
}

}  // namespace kiemdem::extract::internal
