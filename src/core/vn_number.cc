#include "core/vn_number.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>

namespace kiemdem {
namespace {

Status NotANumber(std::string_view text, std::string_view why_en, std::string_view why_vi) {
  std::string t(text.substr(0, 40));
  return InvalidArgument("'" + t + "' is not a number: " + std::string(why_en),
                         "'" + t + "' không phải là số: " + std::string(why_vi));
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Checks "1.234.567" style grouping (first group 1-3 digits, then 3 each).
bool GroupedDigits(std::string_view s, char sep, std::string* digits) {
  size_t start = 0;
  bool first = true;
  while (true) {
    size_t pos = s.find(sep, start);
    std::string_view group = s.substr(start, pos == std::string_view::npos ? s.npos : pos - start);
    if (!AllDigits(group)) return false;
    if (first ? group.size() > 3 : group.size() != 3) return false;
    digits->append(group);
    first = false;
    if (pos == std::string_view::npos) return true;
    start = pos + 1;
  }
}

std::string InsertThousands(const std::string& int_digits) {
  std::string out;
  int n = static_cast<int>(int_digits.size());
  for (int i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += '.';
    out += int_digits[static_cast<size_t>(i)];
  }
  return out;
}

}  // namespace

Result<ParsedNumber> ParseVietnameseNumber(std::string_view text) {
  std::string_view s = text;
  auto trim = [](std::string_view& v) {
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
  };
  trim(s);
  if (s.empty()) return NotANumber(text, "it is empty", "ô trống");
  bool negative = false;
  if (s.front() == '-' || s.front() == '+') {
    negative = s.front() == '-';
    s.remove_prefix(1);
  } else if (s.substr(0, 3) == "\xE2\x88\x92") {  // U+2212 minus sign
    negative = true;
    s.remove_prefix(3);
  }
  trim(s);
  // Spaces (and no-break spaces) inside the number group thousands: "2 317,8".
  std::string compact;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ') {
      compact += '.';
    } else if (i + 1 < s.size() && static_cast<unsigned char>(s[i]) == 0xC2 &&
               static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      compact += '.';
      ++i;
    } else {
      compact += s[i];
    }
  }
  std::string_view c = compact;
  if (c.empty()) return NotANumber(text, "it has no digits", "không có chữ số");

  std::string int_digits;
  std::string frac_digits;
  size_t comma = c.find(',');
  if (comma != std::string_view::npos) {
    if (c.find(',', comma + 1) != std::string_view::npos) {
      return NotANumber(text, "it has more than one decimal comma", "có nhiều hơn một dấu phẩy thập phân");
    }
    std::string_view int_part = c.substr(0, comma);
    frac_digits = std::string(c.substr(comma + 1));
    if (!AllDigits(frac_digits)) {
      return NotANumber(text, "only digits may follow the decimal comma",
                        "sau dấu phẩy thập phân chỉ được có chữ số");
    }
    if (int_part.empty()) {
      int_digits = "0";
    } else if (!GroupedDigits(int_part, '.', &int_digits)) {
      return NotANumber(text, "thousands must be grouped by three with '.' (e.g. 2.317,8)",
                        "phần nghìn phải nhóm ba chữ số bằng dấu '.' (ví dụ 2.317,8)");
    }
  } else {
    size_t dot = c.find('.');
    if (dot == std::string_view::npos) {
      if (!AllDigits(c))
        return NotANumber(text, "it has characters that are not digits", "có ký tự không phải chữ số");
      int_digits = std::string(c);
    } else if (GroupedDigits(c, '.', &int_digits)) {
      // "1.500", "19.885.177.001": thousands.
    } else if (c.find('.', dot + 1) == std::string_view::npos && AllDigits(c.substr(0, dot)) &&
               AllDigits(c.substr(dot + 1))) {
      int_digits = std::string(c.substr(0, dot));  // "22.5": a decimal point
      frac_digits = std::string(c.substr(dot + 1));
    } else {
      return NotANumber(text, "thousands must be grouped by three with '.' (e.g. 19.885.177.001)",
                        "phần nghìn phải nhóm ba chữ số bằng dấu '.' (ví dụ 19.885.177.001)");
    }
  }
  if (int_digits.size() > 18) return NotANumber(text, "it is too large", "số quá lớn");
  std::string plain = int_digits;
  if (!frac_digits.empty()) plain += "." + frac_digits;
  ParsedNumber out;
  std::from_chars(plain.data(), plain.data() + plain.size(), out.value);
  if (negative) out.value = -out.value;
  out.decimals = static_cast<int>(frac_digits.size());
  return out;
}

std::string FormatVietnameseFixed(double value, int decimals) {
  if (!std::isfinite(value)) return "—";
  if (decimals < 0) decimals = 0;
  if (decimals > 9) decimals = 9;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(value));
  std::string s = buf;
  size_t dot = s.find('.');
  std::string int_digits = s.substr(0, dot);
  std::string frac = dot == std::string::npos ? "" : s.substr(dot + 1);
  bool is_zero = int_digits.find_first_not_of('0') == std::string::npos &&
                 frac.find_first_not_of('0') == std::string::npos;
  std::string out = (value < 0 && !is_zero) ? "-" : "";
  out += InsertThousands(int_digits);
  if (!frac.empty()) out += "," + frac;
  return out;
}

std::string FormatVietnameseNumber(double value, int max_decimals) {
  std::string s = FormatVietnameseFixed(value, max_decimals);
  size_t comma = s.find(',');
  if (comma == std::string::npos) return s;
  while (s.back() == '0') s.pop_back();
  if (s.back() == ',') s.pop_back();
  return s;
}

std::string FormatVietnamesePercent(double percent, int max_decimals) {
  return FormatVietnameseNumber(percent, max_decimals) + "%";
}

std::string FormatEnglishNumber(double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", value);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

std::string FormatReportedPercent(double percent) {
  double hundredths = percent * 100;
  bool two = std::fabs(hundredths - std::round(hundredths)) < 1e-6;
  return FormatVietnamesePercent(percent, two ? 2 : 1);
}

std::string FormatPoints(double points, bool vi) {
  std::string text = FormatVietnameseNumber(std::fabs(points), 2);
  if (text == "0") return vi ? "0 điểm %" : "0 pts";
  return (points > 0 ? "+" : "\u2212") + text + (vi ? " điểm %" : " pts");
}

}  // namespace kiemdem
