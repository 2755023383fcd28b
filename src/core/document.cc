#include "core/document.h"

#include <charconv>

namespace kiemdem {
namespace {

struct TypeName {
  const char* code;
  const char* vi;
};

constexpr TypeName kTypes[] = {
    {"NQ", "Nghị quyết"},    {"QĐ", "Quyết định"}, {"CT", "Chỉ thị"},   {"QC", "Quy chế"},
    {"QyĐ", "Quy định"},     {"TC", "Thông cáo"},  {"TB", "Thông báo"}, {"HD", "Hướng dẫn"},
    {"CTr", "Chương trình"}, {"KH", "Kế hoạch"},   {"PA", "Phương án"}, {"ĐA", "Đề án"},
    {"DA", "Dự án"},         {"BC", "Báo cáo"},    {"BB", "Biên bản"},  {"TTr", "Tờ trình"},
    {"HĐ", "Hợp đồng"},      {"CĐ", "Công điện"},  {"KL", "Kết luận"},  {"CV", "Công văn"},
    {"GM", "Giấy mời"},
};

bool IsDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool IsKnownType(std::string_view s) {
  for (const TypeName& t : kTypes) {
    if (s == t.code) return true;
  }
  return false;
}

Status BadCode(std::string_view text) {
  std::string t(text.substr(0, 60));
  return InvalidArgument("'" + t +
                             "' is not a document number and symbol (e.g. 06-NQ/TU, 886/QĐ-UBND, "
                             "15/2025/QĐ-UBND)",
                         "'" + t +
                             "' không phải là số và ký hiệu văn bản (ví dụ 06-NQ/TU, 886/QĐ-UBND, "
                             "15/2025/QĐ-UBND)");
}

}  // namespace

std::string DocumentTypeNameVi(std::string_view type_code) {
  if (type_code.empty()) return "Công văn";
  for (const TypeName& t : kTypes) {
    if (type_code == t.code) return t.vi;
  }
  return std::string(type_code);
}

Result<DocumentRef> ParseDocumentCode(std::string_view text) {
  std::string s;
  for (char c : text) {
    if (c != ' ' && c != '\t') s += c;
  }
  if (s.substr(0, 4) == "Số:") s.erase(0, 4);
  if (s.size() > 3 && (s.rfind("số", 0) == 0 || s.rfind("Số", 0) == 0)) s.erase(0, 3);
  if (s.empty() || s.size() > 80) return BadCode(text);
  DocumentRef ref;
  ref.code = s;
  size_t slash = s.find('/');
  if (slash == std::string::npos) return BadCode(text);
  std::string head = s.substr(0, slash);
  std::string tail = s.substr(slash + 1);
  size_t dash = head.find('-');
  if (dash != std::string::npos) {
    // Party: NUMBER-TYPE/BODY
    ref.party = true;
    ref.number = head.substr(0, dash);
    ref.type_code = head.substr(dash + 1);
    ref.issuer = tail;
    if (!IsDigits(ref.number) || ref.type_code.empty() || ref.issuer.empty()) return BadCode(text);
    return ref;
  }
  if (!IsDigits(head)) return BadCode(text);
  ref.number = head;
  // State: NUMBER/[YEAR/]TYPE-BODY or NUMBER/BODY-UNIT (công văn)
  size_t slash2 = tail.find('/');
  if (slash2 != std::string::npos) {
    std::string year = tail.substr(0, slash2);
    int y = 0;
    if (year.size() != 4 || !IsDigits(year)) return BadCode(text);
    std::from_chars(year.data(), year.data() + year.size(), y);
    ref.year = y;
    tail = tail.substr(slash2 + 1);
  }
  size_t dash2 = tail.find('-');
  std::string first = tail.substr(0, dash2);
  if (first.empty()) return BadCode(text);
  if (dash2 != std::string::npos && IsKnownType(first)) {
    ref.type_code = first;
    ref.issuer = tail.substr(dash2 + 1);
  } else {
    ref.issuer = tail;  // công văn: body-drafting unit
  }
  if (ref.issuer.empty()) return BadCode(text);
  return ref;
}

}  // namespace kiemdem
