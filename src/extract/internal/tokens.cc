#include "extract/internal/tokens.h"

#include <algorithm>
#include <array>

#include "extract/internal/text.h"

namespace kiemdem::extract::internal {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// An ASCII byte inside a word: the letter in lower case or the digit; 0 for any other.
constexpr std::array<unsigned char, 128> kWordByte = [] {
  std::array<unsigned char, 128> t{};
  for (int c = 0; c < 128; ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) t[c] = static_cast<unsigned char>(c);
    if (c >= 'A' && c <= 'Z') t[c] = static_cast<unsigned char>(c + 32);
  }
  return t;
}();

}  // namespace

std::vector<Token> Tokenize(std::string_view text, size_t begin) {
  std::vector<Token> out;
  out.reserve((text.size() - std::min(begin, text.size())) / 4);  // about 5 bytes a token
  size_t i = begin;
  bool space = false;
  bool newline = false;
  while (i < text.size()) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
      space = true;
      if (c == '\n') newline = true;
      ++i;
      continue;
    }
    Token t;
    t.space_before = space;
    t.newline_before = newline;
    space = newline = false;
    size_t start = i;
    if (IsDigit(c)) {
      t.kind = TokenKind::kNumber;
      ++i;
      while (i < text.size()) {
        if (IsDigit(text[i])) {
          ++i;
        } else if ((text[i] == '.' || text[i] == ',') && i + 1 < text.size() && IsDigit(text[i + 1])) {
          i += 2;
        } else {
          break;
        }
      }
    } else {
      size_t j = i;
      uint32_t cp = NextCodePoint(text, &j);
      if (cp == 0xA0 || cp == 0x2002 || cp == 0x2003 || cp == 0x2009 || cp == 0x200B || cp == 0xFEFF) {
        space = true;  // no-break and other spaces
        i = j;
        continue;
      }
      if (IsLetter(cp)) {
        t.kind = TokenKind::kWord;
        t.upper = IsUpper(cp);
        KeyHasher hasher;
        hasher.Add(cp);
        i = j;
        const size_t n = text.size();
        while (i < n) {
          auto c = static_cast<unsigned char>(text[i]);
          if (c < 0x80) {
            unsigned char folded = kWordByte[c];
            if (folded == 0) break;
            hasher.AddFolded(folded);
            ++i;
            continue;
          }
          // Two- and three-byte letters (all of Vietnamese) decoded in place.
          uint32_t next = 0;
          size_t k = i;
          if ((c & 0xE0) == 0xC0 && i + 1 < n) {
            next = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
            k = i + 2;
          } else if ((c & 0xF0) == 0xE0 && i + 2 < n) {
            next = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 6) |
                   (static_cast<unsigned char>(text[i + 2]) & 0x3Fu);
            k = i + 3;
          } else {
            next = NextCodePoint(text, &k);
          }
          if (!IsLetter(next)) break;
          hasher.Add(next);
          i = k;
        }
        t.key = hasher.Finish();
      } else {
        t.kind = TokenKind::kPunct;
        i = j;
      }
    }
    t.begin = static_cast<uint32_t>(start);
    t.end = static_cast<uint32_t>(i);
    t.text = text.substr(start, i - start);
    if (t.kind == TokenKind::kPunct) {
      t.key = HashBytes(t.text);
    }
    out.push_back(t);
  }
  return out;
}

}  // namespace kiemdem::extract::internal
