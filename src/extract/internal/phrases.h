// Phrases as syllable keys, and sets of them (word lists) indexed for the
// per-token matching the rules do: by first key to match at a token, by
// last key to match a phrase that ends at one.
#ifndef KIEMDEM_EXTRACT_INTERNAL_PHRASES_H_
#define KIEMDEM_EXTRACT_INTERNAL_PHRASES_H_

#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <utility>
#include <vector>

namespace kiemdem::extract::internal {

// A phrase to match, as syllable keys ("kế hoạch" -> {"kê2", "hoach5"}).
class Phrase {
 public:
  Phrase(std::string_view text);  // NOLINT(google-explicit-constructor): tables of literals
  Phrase(const char* text) : Phrase(std::string_view(text)) {}  // NOLINT(google-explicit-constructor)
  const std::vector<uint64_t>& keys() const { return keys_; }
  size_t size() const { return keys_.size(); }

 private:
  std::vector<uint64_t> keys_;
};

// Phrases matched together (a word list). A 1024-bit filter on their first
// keys rejects most tokens with one bit test; the phrases that share a first
// key are then found through a hash table built once and tried longest
// first. The same is kept for last keys (phrases ending at a token). Each
// phrase may carry a tag (the index of its value in a lexicon file).
class PhraseSet {
 public:
  struct Item {
    Phrase phrase;
    int tag;
  };
  PhraseSet() = default;
  PhraseSet(std::initializer_list<Phrase> phrases) {
    for (const Phrase& p : phrases) Add(p);
  }
  void Add(const Phrase& p, int tag = -1);
  bool MayStartWith(uint64_t key) const { return InFilter(first_bits_, key); }
  bool MayEndWith(uint64_t key) const { return InFilter(last_bits_, key); }
  // The phrases whose first key is `key`, longest first.
  std::pair<const Item*, const Item*> StartingWith(uint64_t key) const {
    Range r = Find(by_first_, key);
    return {items_.data() + r.begin, items_.data() + r.end};
  }
  // Indices (into the items) of the phrases whose last key is `key`, longest first.
  std::pair<const uint32_t*, const uint32_t*> EndingWith(uint64_t key) const {
    Range r = Find(by_last_, key);
    return {last_order_.data() + r.begin, last_order_.data() + r.end};
  }
  const Item& item(uint32_t index) const { return items_[index]; }
  size_t size() const { return items_.size(); }
  auto begin() const { return items_.begin(); }
  auto end() const { return items_.end(); }

 private:
  struct Range {
    uint32_t begin = 0;
    uint32_t end = 0;
  };
  // Open addressing, a power of two in size; an empty slot has an empty range.
  struct Slot {
    uint64_t key = 0;
    Range range;
  };
  static bool InFilter(const uint64_t (&bits)[16], uint64_t key) {
    return (bits[(key >> 6) & 15] & (uint64_t{1} << (key & 63))) != 0;
  }
  static size_t SlotOf(uint64_t key, size_t mask) {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ULL) >> 32) & mask;
  }
  static Range Find(const std::vector<Slot>& table, uint64_t key) {
    if (table.empty()) return {};
    size_t mask = table.size() - 1;
    for (size_t s = SlotOf(key, mask);; s = (s + 1) & mask) {
      const Slot& slot = table[s];
      if (slot.range.begin == slot.range.end) return {};
      if (slot.key == key) return slot.range;
    }
  }
  void Reindex();

  std::vector<Item> items_;           // sorted by first key, then longest first
  std::vector<uint32_t> last_order_;  // item indices sorted by last key, then longest first
  std::vector<Slot> by_first_;        // first key -> its run of items_
  std::vector<Slot> by_last_;         // last key -> its run of last_order_
  uint64_t first_bits_[16] = {};
  uint64_t last_bits_[16] = {};
};

// The first keys of several phrase sets together (4096 bits): a rule that
// tries many lists at each token skips, with one bit test, the tokens none
// of them can start at.
class KeyFilter {
 public:
  KeyFilter(std::initializer_list<const PhraseSet*> sets, std::initializer_list<const Phrase*> words = {});
  bool MayStartWith(uint64_t key) const {
    return (bits_[(key >> 6) & 63] & (uint64_t{1} << (key & 63))) != 0;
  }

 private:
  void Include(uint64_t key) { bits_[(key >> 6) & 63] |= uint64_t{1} << (key & 63); }
  uint64_t bits_[64] = {};
};

}  // namespace kiemdem::extract::internal

#endif  // KIEMDEM_EXTRACT_INTERNAL_PHRASES_H_
