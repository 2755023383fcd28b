#include "core/text.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

namespace kiemdem {
namespace {

struct FoldEntry {
  uint32_t code_point;
  char base;
};

constexpr FoldEntry kFoldTable[] = {
#include "core/internal/fold_table.inc"
};

// Decodes one UTF-8 sequence at text[*pos]. Returns false for an invalid one.
bool DecodeUtf8(std::string_view text, size_t* pos, uint32_t* cp) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size();
  size_t i = *pos;
  unsigned char c = s[i];
  if (c < 0x80) {
    *cp = c;
    *pos = i + 1;
    return true;
  }
  int len = 0;
  uint32_t min = 0;
  if ((c & 0xE0) == 0xC0) {
    len = 2;
    *cp = c & 0x1F;
    min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3;
    *cp = c & 0x0F;
    min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4;
    *cp = c & 0x07;
    min = 0x10000;
  } else {
    return false;
  }
  if (i + static_cast<size_t>(len) > n) return false;
  for (int k = 1; k < len; ++k) {
    unsigned char cc = s[i + static_cast<size_t>(k)];
    if ((cc & 0xC0) != 0x80) return false;
    *cp = (*cp << 6) | (cc & 0x3F);
  }
  if (*cp < min || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF)) return false;
  *pos = i + static_cast<size_t>(len);
  return true;
}

char FoldCodePoint(uint32_t cp) {
  if (cp < 0x80) {
    char c = static_cast<char>(cp);
    if (c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return c;
    return ' ';
  }
  if (cp >= 0x0300 && cp <= 0x036F) return 0;  // combining mark (NFD input)
  const auto* end = std::end(kFoldTable);
  const auto* it = std::lower_bound(std::begin(kFoldTable), end, cp,
                                    [](const FoldEntry& e, uint32_t v) { return e.code_point < v; });
  if (it != end && it->code_point == cp) return it->base;
  return ' ';
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

}  // namespace

Status ValidateUtf8(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    // ASCII runs, eight bytes at a time.
    while (pos + 8 <= text.size()) {
      uint64_t chunk = 0;
      std::memcpy(&chunk, text.data() + pos, 8);
      if ((chunk & 0x8080808080808080ULL) != 0) break;
      pos += 8;
    }
    if (pos >= text.size()) break;
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    uint32_t cp = 0;
    size_t at = pos;
    if (!DecodeUtf8(text, &pos, &cp)) {
      return InvalidArgument("invalid UTF-8 at byte " + std::to_string(at),
                             "UTF-8 không hợp lệ tại byte " + std::to_string(at));
    }
  }
  return Status::Ok();
}

std::string FoldForSearch(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    uint32_t cp = 0;
    if (!DecodeUtf8(text, &pos, &cp)) {
      ++pos;
      continue;
    }
    char c = FoldCodePoint(cp);
    if (c == 0) continue;
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool SearchMatches(std::string_view text, std::string_view query) {
  std::string t = FoldForSearch(text);
  std::string q = FoldForSearch(query);
  std::vector<std::string_view> text_words = Words(t);
  for (std::string_view qw : Words(q)) {
    bool found = std::any_of(text_words.begin(), text_words.end(),
                             [&](std::string_view tw) { return tw.substr(0, qw.size()) == qw; });
    if (!found) return false;
  }
  return true;
}

}  // namespace kiemdem
