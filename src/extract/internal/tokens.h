// Tokens of a normalized text: words (with their syllable keys), numbers
// and single punctuation marks, with byte spans and the spacing before them.
#ifndef KIEMDEM_EXTRACT_INTERNAL_TOKENS_H_
#define KIEMDEM_EXTRACT_INTERNAL_TOKENS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kiemdem::extract::internal {

enum class TokenKind : uint8_t { kWord, kNumber, kPunct };

struct Token {
  TokenKind kind;
  bool space_before = false;    // whitespace between this and the previous token
  bool newline_before = false;  // a line break between them: a new paragraph
  bool upper = false;           // a word starting with a capital letter
  uint32_t begin = 0;           // byte span in the normalized text
  uint32_t end = 0;
  std::string_view text;
  uint64_t key = 0;  // words: SyllableHash; punctuation: hash of the text; numbers: 0
};

// Splits normalized text into tokens from byte `begin` on (after a header).
// Numbers keep inner '.' and ',' between digits ("2.317,8"); words keep
// trailing digits ("m2", "TW4").
std::vector<Token> Tokenize(std::string_view text, size_t begin = 0);

}  // namespace kiemdem::extract::internal

#endif  // KIEMDEM_EXTRACT_INTERNAL_TOKENS_H_
