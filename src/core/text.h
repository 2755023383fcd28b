// UTF-8 checks and the folding that makes Vietnamese search work with or
// without diacritics ("quang hung" finds "Quảng Hưng").
#ifndef KIEMDEM_CORE_TEXT_H_
#define KIEMDEM_CORE_TEXT_H_

#include <string>
#include <string_view>

#include "core/status.h"

namespace kiemdem {

// OK, or an error naming the byte offset of the first invalid sequence
// ("invalid UTF-8 at byte 17"). Overlong forms and surrogates are invalid.
Status ValidateUtf8(std::string_view text);

// Lower-case ASCII with Vietnamese diacritics removed and "đ" -> "d", spaces
// collapsed: "Phường Quảng Hưng" -> "phuong quang hung". Works on NFC and NFD
// input (combining marks are dropped). Invalid bytes are skipped.
std::string FoldForSearch(std::string_view text);

// True when every word of `query` (folded) starts a word of `text` (folded),
// in any order: "quang hung" and "Q. Hưng" match "Phường Quảng Hưng".
bool SearchMatches(std::string_view text, std::string_view query);

}  // namespace kiemdem

#endif  // KIEMDEM_CORE_TEXT_H_
