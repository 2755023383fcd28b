// Text preparation for the extractor: NFC normalisation with a map back to
// the input's byte offsets, and the tone-placement-insensitive key of a
// syllable ("uỷ" and "ủy" have one key).
#ifndef KIEMDEM_EXTRACT_INTERNAL_TEXT_H_
#define KIEMDEM_EXTRACT_INTERNAL_TEXT_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kiemdem::extract::internal {

// The input in NFC (Latin letters with Vietnamese marks composed), and for
// every byte of it the byte offset in the input it came from. Text already
// in NFC (nearly all) is not copied: text() is then the input itself, which
// must outlive this.
struct NormalizedText {
  std::string_view input;
  std::string composed;          // the NFC text, where it differs from the input
  std::vector<uint32_t> origin;  // empty when text() == input (no change)
  uint32_t input_size = 0;

  std::string_view text() const { return origin.empty() ? input : std::string_view(composed); }
  // Offset in the input of normalized offset `i` (i may equal text().size()).
  uint32_t ToInput(size_t i) const {
    if (origin.empty()) return static_cast<uint32_t>(i);
    return i < origin.size() ? origin[i] : input_size;
  }
};

// Requires valid UTF-8. Fast path: text without combining marks is kept as it is.
NormalizedText NormalizeNfc(std::string_view input);

// Decodes one code point of valid UTF-8 at s[*i] and advances *i.
inline uint32_t NextCodePoint(std::string_view s, size_t* i) {
  auto c = static_cast<unsigned char>(s[*i]);
  if (c < 0x80) {
    ++*i;
    return c;
  }
  int len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
  uint32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
  for (int k = 1; k < len && *i + static_cast<size_t>(k) < s.size(); ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[*i + static_cast<size_t>(k)]) & 0x3F);
  }
  *i += static_cast<size_t>(len);
  return cp;
}
void AppendUtf8(uint32_t cp, std::string* out);

// Key of a word: lower case, tone marks removed from the letters and the
// tone (1-5) appended as a digit: "Thành" -> "thanh1", "uỷ"/"ủy" -> "uy4".
std::string SyllableKey(std::string_view word);
void AppendSyllableKey(std::string_view word, std::string* out);

// 64-bit FNV-1a hash of SyllableKey(word), computed without allocating.
uint64_t SyllableHash(std::string_view word);

// For code points below kFastKeyLimit: (base letter << 8 | tone), 0 when the
// letter is its own key. A constant table (syllable_table.inc).
inline constexpr uint32_t kFastKeyLimit = 0x1F00;
extern const std::array<uint32_t, kFastKeyLimit> kFastKeys;

// Builds SyllableHash one code point at a time (for the tokenizer's single
// pass); inline, as the tokenizer calls it for every letter.
class KeyHasher {
 public:
  void Add(uint32_t cp) {
    if (cp < 0x80) {
      Fnv(static_cast<unsigned char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
      return;
    }
    uint32_t base = cp;
    if (cp < kFastKeyLimit) {
      // Without branches on the letter (Vietnamese mixes one- and two-byte bases unpredictably).
      uint32_t fast = kFastKeys[cp];
      base = fast != 0 ? fast >> 8 : cp;
      tone_ = (fast & 0xFF) != 0 ? static_cast<int>(fast & 0xFF) : tone_;
    } else {
      base = RareKey(cp, &tone_);
    }
    if (base < 0x800) {
      uint64_t one = (h_ ^ base) * kFnvPrime;
      uint64_t two = (((h_ ^ (0xC0 | (base >> 6))) * kFnvPrime) ^ (0x80 | (base & 0x3F))) * kFnvPrime;
      h_ = base < 0x80 ? one : two;
    } else if (base < 0x10000) {
      Fnv(static_cast<unsigned char>(0xE0 | (base >> 12)));
      Fnv(static_cast<unsigned char>(0x80 | ((base >> 6) & 0x3F)));
      Fnv(static_cast<unsigned char>(0x80 | (base & 0x3F)));
    } else {
      Fnv(static_cast<unsigned char>(0xF0 | (base >> 18)));
      Fnv(static_cast<unsigned char>(0x80 | ((base >> 12) & 0x3F)));
      Fnv(static_cast<unsigned char>(0x80 | ((base >> 6) & 0x3F)));
      Fnv(static_cast<unsigned char>(0x80 | (base & 0x3F)));
    }
  }
  // An ASCII letter already in lower case, or a digit.
  void AddFolded(unsigned char c) { Fnv(c); }
  // The base letter of a code point above the fast table; sets *tone when it has one.
  static uint32_t RareKey(uint32_t cp, int* tone);
  uint64_t Finish() const {
    uint64_t h = h_;
    if (tone_ != 0) {
      h ^= static_cast<unsigned char>('0' + tone_);
      h *= kFnvPrime;
    }
    return h;
  }

 private:
  static constexpr uint64_t kFnvOffset = 1469598103934665603ULL;
  static constexpr uint64_t kFnvPrime = 1099511628211ULL;
  void Fnv(unsigned char c) {
    h_ ^= c;
    h_ *= kFnvPrime;
  }

  uint64_t h_ = kFnvOffset;
  int tone_ = 0;
};
uint64_t HashBytes(std::string_view bytes);

// Keys of each space-separated word of a phrase, joined by ' '.
std::string PhraseKey(std::string_view phrase);
void AppendPhraseKey(std::string_view phrase, std::string* out);

inline bool IsMark(uint32_t cp) { return cp >= 0x300 && cp <= 0x36F; }

inline bool IsLetter(uint32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x1E00 && cp <= 0x1EFF) ||
         IsMark(cp);
}

inline bool IsUpper(uint32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp == 0x110) return true;  // Đ
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if ((cp >= 0x100 && cp <= 0x17F) || (cp >= 0x1E00 && cp <= 0x1EFF)) return cp % 2 == 0;
  if (cp == 0x1A0 || cp == 0x1AF) return true;  // Ơ, Ư
  return false;
}

}  // namespace kiemdem::extract::internal

#endif  // KIEMDEM_EXTRACT_INTERNAL_TEXT_H_
