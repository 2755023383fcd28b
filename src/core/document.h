// References to documents by number and symbol (số và ký hiệu): state style
// "886/QĐ-UBND", "15/2025/QĐ-UBND", "123/UBND-VP" (công văn) and Party style
// "06-NQ/TU", "272-TB/TU" (Decree 30/2020/NĐ-CP, Guide 36-HD/VPTW).
#ifndef KIEMDEM_CORE_DOCUMENT_H_
#define KIEMDEM_CORE_DOCUMENT_H_

#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/status.h"

namespace kiemdem {

struct DocumentRef {
  std::string type_code;    // "NQ", "QĐ", "TB"; empty for a state công văn
  std::string number;       // "06", "886" (leading zeros kept)
  std::string code;         // "06-NQ/TU", "886/QĐ-UBND": the full symbol, no spaces
  std::string issuer;       // "TU", "UBND", "ĐU" as the symbol says, or a body's name
  bool party = false;       // Party numbering: runs per term, not per year
  std::optional<int> year;  // "15/2025/QĐ-UBND" carries its year
  std::optional<Date> issued;
};

// Parses a number and symbol, tolerating spaces ("886/QĐ- UBND", "17- CT/TU").
// Fails with an example of each accepted form.
Result<DocumentRef> ParseDocumentCode(std::string_view text);

// "Nghị quyết" for "NQ", "Thông báo" for "TB", ...; "Công văn" for an empty
// type; the code itself when unknown.
std::string DocumentTypeNameVi(std::string_view type_code);

}  // namespace kiemdem

#endif  // KIEMDEM_CORE_DOCUMENT_H_
