// The header some texts start with (SPEC.md, Input): `key: value` lines, such
// as `url:` and `date:`, ending at the first blank line. It is not report
// text; its `date:` is the text's reference date.
#ifndef KIEMDEM_EXTRACT_INTERNAL_HEADER_H_
#define KIEMDEM_EXTRACT_INTERNAL_HEADER_H_

#include <cstddef>
#include <string_view>

#include "extract/extract.h"

namespace kiemdem::extract::internal {

struct Header {
  size_t body_begin = 0;  // byte offset where the report text starts (0: no header)
  ReferenceDate date;     // from `date:`, unknown where absent or malformed
};

// Reads the header at the start of `text`. A block counts as a header only if
// every line before the first blank line is `key: value` with a lower-case
// ASCII key ("url", "date", "source_id"), so that a report opening with
// "Ngày 15-7: …" is not mistaken for one.
Header ReadHeader(std::string_view text);

}  // namespace kiemdem::extract::internal

#endif  // KIEMDEM_EXTRACT_INTERNAL_HEADER_H_
