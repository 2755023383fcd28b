#include "extract/internal/phrases.h"

#include <algorithm>
#include <bit>

#include "extract/internal/text.h"

namespace kiemdem::extract::internal {

Phrase::Phrase(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    size_t j = i;
    while (j < text.size() && text[j] != ' ') ++j;
    if (j > i) keys_.push_back(SyllableHash(text.substr(i, j - i)));
    i = j;
  }
}

void PhraseSet::Add(const Phrase& p, int tag) {
  if (p.size() == 0) return;
  uint64_t key = p.keys()[0];
  first_bits_[(key >> 6) & 15] |= uint64_t{1} << (key & 63);
  uint64_t last = p.keys().back();
  last_bits_[(last >> 6) & 15] |= uint64_t{1} << (last & 63);
  Item item{p, tag};
  auto at = std::upper_bound(items_.begin(), items_.end(), item, [](const Item& a, const Item& b) {
    uint64_t ka = a.phrase.keys()[0];
    uint64_t kb = b.phrase.keys()[0];
    return ka != kb ? ka < kb : a.phrase.size() > b.phrase.size();
  });
  items_.insert(at, std::move(item));
  Reindex();  // word lists are built once, at their first use
}

void PhraseSet::Reindex() {
  last_order_.resize(items_.size());
  for (size_t i = 0; i < items_.size(); ++i) last_order_[i] = static_cast<uint32_t>(i);
  std::stable_sort(last_order_.begin(), last_order_.end(), [&](uint32_t a, uint32_t b) {
    const Phrase& pa = items_[a].phrase;
    const Phrase& pb = items_[b].phrase;
    uint64_t ka = pa.keys().back();
    uint64_t kb = pb.keys().back();
    return ka != kb ? ka < kb : pa.size() > pb.size();
  });
  // Runs of equal keys in a sorted sequence, as slots of a table with at least twice as many.
  auto build = [&](std::vector<Slot>* table, auto key_at) {
    size_t n = items_.size();
    table->assign(std::bit_ceil(2 * n + 1), Slot{});
    size_t mask = table->size() - 1;
    for (size_t b = 0; b < n;) {
      uint64_t key = key_at(b);
      size_t e = b + 1;
      while (e < n && key_at(e) == key) ++e;
      size_t s = SlotOf(key, mask);
      while ((*table)[s].range.begin != (*table)[s].range.end) s = (s + 1) & mask;
      (*table)[s] = {key, {static_cast<uint32_t>(b), static_cast<uint32_t>(e)}};
      b = e;
    }
  };
  build(&by_first_, [&](size_t i) { return items_[i].phrase.keys()[0]; });
  build(&by_last_, [&](size_t i) { return items_[last_order_[i]].phrase.keys().back(); });
}

KeyFilter::KeyFilter(std::initializer_list<const PhraseSet*> sets,
                     std::initializer_list<const Phrase*> words) {
  for (const PhraseSet* set : sets) {
    for (const PhraseSet::Item& item : *set) Include(item.phrase.keys()[0]);
  }
  for (const Phrase* word : words) {
    if (word->size() > 0) Include(word->keys()[0]);
  }
}

}  // namespace kiemdem::extract::internal
