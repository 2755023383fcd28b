// What the extractor read from stored documents, kept so that reading a
// report again does not run the extractor again (seconds on a long report).
// Documents do not change once stored; the key holds everything else the
// facts depend on (the document's id and its reference date). Bounded by the
// bytes of text the kept facts came from: the oldest go first.
#ifndef KIEMDEM_API_FACTS_CACHE_H_
#define KIEMDEM_API_FACTS_CACHE_H_

#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "extract/extract.h"

namespace kiemdem::api {

class FactsCache {
 public:
  explicit FactsCache(size_t max_bytes) : max_bytes_(max_bytes) {}

  std::shared_ptr<const extract::Facts> Find(const std::string& key) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = entries_.find(key);
    return it == entries_.end() ? nullptr : it->second.facts;
  }

  // `bytes`: the length of the text the facts were read from.
  void Keep(const std::string& key, std::shared_ptr<const extract::Facts> facts, size_t bytes) {
    if (bytes > max_bytes_) return;
    std::lock_guard<std::mutex> lock(mu_);
    if (entries_.count(key) != 0) return;
    while (!order_.empty() && used_ + bytes > max_bytes_) {
      auto oldest = entries_.find(order_.front());
      used_ -= oldest->second.bytes;
      entries_.erase(oldest);
      order_.pop_front();
    }
    entries_[key] = {std::move(facts), bytes};
    order_.push_back(key);
    used_ += bytes;
  }

  size_t size() {
    std::lock_guard<std::mutex> lock(mu_);
    return entries_.size();
  }

 private:
  struct Entry {
    std::shared_ptr<const extract::Facts> facts;
    size_t bytes = 0;
  };
  size_t max_bytes_;
  std::mutex mu_;
  std::map<std::string, Entry> entries_;
  std::deque<std::string> order_;
  size_t used_ = 0;
};

}  // namespace kiemdem::api

#endif  // KIEMDEM_API_FACTS_CACHE_H_
