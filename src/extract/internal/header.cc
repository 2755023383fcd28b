#include "extract/internal/header.h"

#include <charconv>

#include "core/date.h"

namespace kiemdem::extract::internal {
namespace {

bool IsKeyChar(char c) { return (c >= 'a' && c <= 'z') || c == '_' || c == '-'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

Header ReadHeader(std::string_view text) {
  Header h;
  size_t pos = 0;
  ReferenceDate date;
  int lines = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    std::string_view line = text.substr(pos, eol == std::string_view::npos ? text.size() - pos : eol - pos);
    size_t next = eol == std::string_view::npos ? text.size() : eol + 1;
    if (Trim(line).empty()) {
      if (lines == 0) return h;  // a text that starts with a blank line has no header
      h.body_begin = next;
      h.date = date;
      return h;
    }
    size_t k = 0;
    while (k < line.size() && IsKeyChar(line[k])) ++k;
    if (k == 0 || k > 32 || k >= line.size() || line[k] != ':') return h;
    if (line.substr(0, k) == "date") {
      Result<ReferenceDate> d = ParseReferenceDate(Trim(line.substr(k + 1)));
      if (d.ok()) date = *d;
    }
    ++lines;
    pos = next;
  }
  return h;  // no blank line: the whole text is a report, not a header
}

}  // namespace kiemdem::extract::internal
