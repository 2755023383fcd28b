#include "extract/internal/text.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <tuple>
#include <vector>

namespace kiemdem::extract::internal {
namespace {

struct Compose {
  uint32_t base;
  uint32_t mark1;
  uint32_t mark2;
  uint32_t composed;
};
constexpr Compose kCompose[] = {
#include "extract/internal/compose_table.inc"
};

struct KeyEntry {
  uint32_t cp;
  uint32_t base;
  int tone;
};
constexpr KeyEntry kKeys[] = {
#include "extract/internal/syllable_table.inc"
};

// Canonical combining class of the marks Vietnamese uses.
int CombiningClass(uint32_t cp) {
  if (cp == 0x323) return 220;  // dot below
  if (cp == 0x31B) return 216;  // horn
  return 230;
}

uint32_t ComposeOne(uint32_t base, uint32_t m1, uint32_t m2) {
  const Compose* end = std::end(kCompose);
  const Compose* it = std::lower_bound(
      std::begin(kCompose), end, Compose{base, m1, m2, 0}, [](const Compose& a, const Compose& b) {
        return std::tie(a.base, a.mark1, a.mark2) < std::tie(b.base, b.mark1, b.mark2);
      });
  if (it != end && it->base == base && it->mark1 == m1 && it->mark2 == m2) return it->composed;
  return 0;
}

}  // namespace

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

NormalizedText NormalizeNfc(std::string_view input) {
  NormalizedText out;
  out.input_size = static_cast<uint32_t>(input.size());
  // U+0300..U+036F are encoded as CC 80..CD AF (found by memchr: most texts have none).
  bool has_marks = false;
  if (input.size() >= 2) {
    const char* data = input.data();
    size_t n = input.size() - 1;  // a mark's lead byte is never the last one
    has_marks = std::memchr(data, 0xCC, n) != nullptr;
    for (const char* p = data; !has_marks && p != nullptr;) {
      p = static_cast<const char*>(std::memchr(p, 0xCD, n - static_cast<size_t>(p - data)));
      if (p == nullptr) break;
      has_marks = static_cast<unsigned char>(p[1]) <= 0xAF;
      ++p;
    }
  }
  out.input = input;
  if (!has_marks) return out;
  out.composed.reserve(input.size());
  out.origin.reserve(input.size());
  size_t i = 0;
  while (i < input.size()) {
    size_t start = i;
    uint32_t cp = NextCodePoint(input, &i);
    std::array<uint32_t, 4> marks{};
    size_t n = 0;
    size_t j = i;
    while (j < input.size() && n < marks.size()) {
      size_t k = j;
      uint32_t m = NextCodePoint(input, &k);
      if (!IsMark(m)) break;
      marks[n++] = m;
      j = k;
    }
    uint32_t composed = 0;
    if (n > 0 && n <= 2) {
      std::stable_sort(marks.begin(), marks.begin() + static_cast<long>(n),
                       [](uint32_t a, uint32_t b) { return CombiningClass(a) < CombiningClass(b); });
      composed = ComposeOne(cp, marks[0], n == 2 ? marks[1] : 0);
    }
    size_t before = out.composed.size();
    if (composed != 0) {
      AppendUtf8(composed, &out.composed);
      i = j;
    } else {
      AppendUtf8(cp, &out.composed);  // marks that do not compose stay as they are
    }
    for (size_t b = before; b < out.composed.size(); ++b) out.origin.push_back(static_cast<uint32_t>(start));
  }
  return out;
}

constexpr std::array<uint32_t, kFastKeyLimit> kFastKeys = [] {
  std::array<uint32_t, kFastKeyLimit> t{};
  for (const KeyEntry& e : kKeys) {
    if (e.cp < kFastKeyLimit) t[e.cp] = (e.base << 8) | static_cast<uint32_t>(e.tone);
  }
  return t;
}();

uint64_t HashBytes(std::string_view bytes) {
  uint64_t h = 1469598103934665603ULL;
  for (char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

uint32_t KeyHasher::RareKey(uint32_t cp, int* tone) {
  const KeyEntry* end = std::end(kKeys);
  const KeyEntry* it =
      std::lower_bound(std::begin(kKeys), end, cp, [](const KeyEntry& e, uint32_t v) { return e.cp < v; });
  if (it == end || it->cp != cp) return cp;
  if (it->tone != 0) *tone = it->tone;
  return it->base;
}

uint64_t SyllableHash(std::string_view word) {
  KeyHasher hasher;
  size_t i = 0;
  while (i < word.size()) hasher.Add(NextCodePoint(word, &i));
  return hasher.Finish();
}

void AppendSyllableKey(std::string_view word, std::string* out) {
  int tone = 0;
  size_t i = 0;
  while (i < word.size()) {
    uint32_t cp = NextCodePoint(word, &i);
    if (cp < 0x80) {
      out->push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
      continue;
    }
    uint32_t base = cp;
    if (cp < kFastKeyLimit) {
      if (uint32_t fast = kFastKeys[cp]; fast != 0) {
        base = fast >> 8;
        if ((fast & 0xFF) != 0) tone = static_cast<int>(fast & 0xFF);
      }
    } else {
      base = KeyHasher::RareKey(cp, &tone);
    }
    AppendUtf8(base, out);
  }
  if (tone != 0) out->push_back(static_cast<char>('0' + tone));
}

std::string SyllableKey(std::string_view word) {
  std::string out;
  out.reserve(word.size() + 1);
  AppendSyllableKey(word, &out);
  return out;
}

void AppendPhraseKey(std::string_view phrase, std::string* out) {
  const size_t start = out->size();
  size_t i = 0;
  while (i < phrase.size()) {
    while (i < phrase.size() && phrase[i] == ' ') ++i;
    size_t j = i;
    while (j < phrase.size() && phrase[j] != ' ') ++j;
    if (j > i) {
      if (out->size() > start) out->push_back(' ');
      AppendSyllableKey(phrase.substr(i, j - i), out);
    }
    i = j;
  }
}

std::string PhraseKey(std::string_view phrase) {
  std::string out;
  AppendPhraseKey(phrase, &out);
  return out;
}

}  // namespace kiemdem::extract::internal
