#include "core/assignee.h"

#include <vector>

#include "core/text.h"

namespace kiemdem {
namespace {

struct ShortForm {
  std::string_view folded;  // as FoldForSearch leaves it ("đ/c" → "d c")
  std::string_view full;
  bool needs_dot;  // a single letter is a short form only when a "." follows it
};

// The body and place short forms of data/extract/title_abbreviations.txt and
// actor_heads.txt, folded.
constexpr ShortForm kShortForms[] = {
    {"ubnd", "uy ban nhan dan", false},
    {"hdnd", "hoi dong nhan dan", false},
    {"mttq", "mat tran to quoc", false},
    {"bch", "ban chap hanh", false},
    {"btv", "ban thuong vu", false},
    {"ubkt", "uy ban kiem tra", false},
    {"tp", "thanh pho", false},
    {"tx", "thi xa", false},
    {"d c", "dong chi", false},
    {"p", "phuong", true},
    {"x", "xa", true},
    {"q", "quan", true},
    {"h", "huyen", true},
};

bool IsSeparator(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u < 0x80 && u != '/' && !(u >= '0' && u <= '9') && !(u >= 'a' && u <= 'z') &&
         !(u >= 'A' && u <= 'Z');
}

}  // namespace

std::string AssigneeKey(std::string_view name) {
  std::string out;
  size_t i = 0;
  while (i < name.size()) {
    if (IsSeparator(name[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < name.size() && !IsSeparator(name[end])) ++end;
    const std::string word = FoldForSearch(name.substr(i, end - i));
    const bool dot = end < name.size() && name[end] == '.';
    std::string_view spelled = word;
    for (const ShortForm& s : kShortForms) {
      if (word == s.folded && (!s.needs_dot || dot)) spelled = s.full;
    }
    if (!spelled.empty()) {
      if (!out.empty()) out += ' ';
      out += spelled;
    }
    i = end;
  }
  return out;
}

bool AssigneeMatches(std::string_view name, std::string_view query) {
  return SearchMatches(AssigneeKey(name), AssigneeKey(query));
}

}  // namespace kiemdem
