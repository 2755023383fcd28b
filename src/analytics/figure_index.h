// Every stored figure, plan and indicator held in memory for the server and
// kept current from the audit log: a write by this server is applied before
// its answer goes out (CatchUp), one by another server or the CLI within the
// watcher's next look. Reads never query the database, so an evaluation,
// roll-up or ranking costs what its arithmetic costs. A unit's own value of
// a period is worked out once and kept until one of its figures changes.
//
//   FigureIndex index;
//   RETURN_IF_ERROR(index.Load(store));       // at start: every result
//   RETURN_IF_ERROR(index.CatchUp(store));    // after a write
//   EvaluateUnit(index, tree, ward, period);
#ifndef KIEMDEM_ANALYTICS_FIGURE_INDEX_H_
#define KIEMDEM_ANALYTICS_FIGURE_INDEX_H_

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "analytics/figures.h"

namespace kiemdem::analytics {

class FigureIndex final : public FigureSource {
 public:
  FigureIndex() = default;
  FigureIndex(const FigureIndex&) = delete;
  FigureIndex& operator=(const FigureIndex&) = delete;

  // Reads every result, plan and indicator; replaces what was held.
  Status Load(store::Store& store);
  // Applies what the audit log says changed since the last look.
  Status CatchUp(store::Store& store);

  Result<std::shared_ptr<const std::vector<Indicator>>> Indicators() override;
  Result<std::vector<Plan>> Plans(UnitId unit) override;
  Result<OwnValue> Own(UnitId unit, const Indicator& indicator, const Period& period,
                       FigureFilter filter) override;
  Result<StoredPeriod> Stored(UnitId unit, const std::string& indicator, const Period& period) override;

  // How many results are held, and the audit id they reflect.
  size_t size() const;
  int64_t version() const;

 private:
  // One stored result, packed: the year and indicator are its block's.
  struct Entry {
    int64_t id;
    double value;
    double numerator;    // NaN: none
    double denominator;  // NaN: none
    uint8_t first_month;
    uint8_t last_month;
    uint8_t status;  // store::ResultStatus
    bool estimated;
  };
  // The results of one unit, indicator and year; `generation` changes with them.
  struct Block {
    std::vector<Entry> entries;
    uint32_t generation = 0;
  };
  // A worked-out own value of a block for one period and filter, valid while
  // the block is at `generation`.
  struct Memo {
    uint32_t generation;
    int32_t months;
    bool has_value;
    bool estimated;
    double value;
    double numerator;
    double denominator;
  };
  struct MemoKey {
    uint64_t block;
    uint16_t period;  // first month * 16 + last month, and 256 with drafts counted
    bool operator==(const MemoKey&) const = default;
  };
  struct MemoHash {
    size_t operator()(const MemoKey& k) const { return (k.block * 0x9E3779B97F4A7C15ULL) ^ k.period; }
  };
  // Worked-out values, sharded by block; a shard starts over when full, so
  // they take at most kMemoCapacity entries in all.
  struct MemoShard {
    std::mutex mu;
    std::unordered_map<MemoKey, Memo, MemoHash> values;
  };
  using Key = uint64_t;  // unit, indicator number, year
  Key KeyOf(UnitId unit, int indicator, int year) const;
  int IndicatorNumber(const std::string& code);      // under the write lock
  int FindIndicator(const std::string& code) const;  // -1 when none: under a read lock
  void Put(const store::ResultRecord& r);            // under the write lock
  Status LoadPlans(store::Store& store);
  Status LoadIndicators(store::Store& store);
  Status ApplyChanges(store::Store& store, const std::vector<store::Change>& changes);

  mutable std::shared_mutex mu_;
  std::unordered_map<Key, Block> blocks_;
  std::unordered_map<std::string, int> indicator_numbers_;
  size_t size_ = 0;
  std::shared_ptr<const std::vector<Indicator>> indicators_;
  std::shared_ptr<const std::unordered_map<UnitId, std::vector<Plan>>> plans_;

  // The audit log as followed: every id up to `seen_` was read; ids above it
  // read out of order are in `ahead_`. A gap (a transaction of another
  // server not yet committed) is read again until it fills or is 10 s old.
  mutable std::mutex follow_mu_;
  int64_t seen_ = 0;
  std::set<int64_t> ahead_;
  std::map<int64_t, std::chrono::steady_clock::time_point> gaps_;

  static constexpr size_t kShards = 64;
  static constexpr size_t kMemoCapacity = size_t{4} << 20;
  mutable std::array<MemoShard, kShards> memo_;
};

}  // namespace kiemdem::analytics

#endif  // KIEMDEM_ANALYTICS_FIGURE_INDEX_H_
