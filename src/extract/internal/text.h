// Text preparation for the extractor: NFC normalisation with a map back to
// the input's byte offsets, and the tone-placement-insensitive key of a
// syllable ("uỷ" and "ủy" have one key).
#ifndef KIEMDEM_EXTRACT_INTERNAL_TEXT_H_
#define KIEMDEM_EXTRACT_INTERNAL_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kiemdem::extract::internal {

// The input in NFC (Latin letters with Vietnamese marks composed), and for
// every byte of it the byte offset in the input it came from.
struct NormalizedText {
  std::string text;
  std::vector<uint32_t> origin;  // empty when text == input (no change)
  uint32_t input_size = 0;

  // Offset in the input of normalized offset `i` (i may equal text.size()).
  uint32_t ToInput(size_t i) const {
    if (origin.empty()) return static_cast<uint32_t>(i);
    return i < origin.size() ? origin[i] : input_size;
  }
};

// Requires valid UTF-8. Fast path: text without combining marks is copied.
NormalizedText NormalizeNfc(std::string_view input);

// Decodes one code point of valid UTF-8 at s[*i] and advances *i.
uint32_t NextCodePoint(std::string_view s, size_t* i);
void AppendUtf8(uint32_t cp, std::string* out);

// Key of a word: lower case, tone marks removed from the letters and the
// tone (1-5) appended as a digit: "Thành" -> "thanh1", "uỷ"/"ủy" -> "uy4".
std::string SyllableKey(std::string_view word);

// 64-bit FNV-1a hash of SyllableKey(word), computed without allocating.
uint64_t SyllableHash(std::string_view word);

// Builds SyllableHash one code point at a time (for the tokenizer's single pass).
class KeyHasher {
 public:
  KeyHasher();
  void Add(uint32_t cp);
  uint64_t Finish() const;

 private:
  const uint32_t* fast_;
  uint64_t h_;
  int tone_ = 0;
};
uint64_t HashBytes(std::string_view bytes);

// Keys of each space-separated word of a phrase, joined by ' '.
std::string PhraseKey(std::string_view phrase);

bool IsLetter(uint32_t cp);
bool IsUpper(uint32_t cp);

}  // namespace kiemdem::extract::internal

#endif  // KIEMDEM_EXTRACT_INTERNAL_TEXT_H_
