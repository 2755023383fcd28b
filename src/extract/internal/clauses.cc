#include "extract/internal/clauses.h"

namespace kiemdem::extract::internal {

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
