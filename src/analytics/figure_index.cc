#include "analytics/figure_index.h"

#include <cmath>
#include <limits>

namespace kiemdem::analytics {
namespace {

constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
constexpr int kPage = 20000;  // results read per statement
constexpr auto kGapPatience = std::chrono::seconds(10);

std::optional<double> Opt(double v) { return std::isnan(v) ? std::nullopt : std::optional<double>(v); }

}  // namespace

FigureIndex::Key FigureIndex::KeyOf(UnitId unit, int indicator, int year) const {
  return (static_cast<uint64_t>(unit) << 32) | (static_cast<uint64_t>(indicator & 0xffff) << 16) |
         static_cast<uint64_t>(year & 0xffff);
}

int FigureIndex::IndicatorNumber(const std::string& code) {
  auto it = indicator_numbers_.find(code);
  if (it != indicator_numbers_.end()) return it->second;
  int n = static_cast<int>(indicator_numbers_.size());
  indicator_numbers_.emplace(code, n);
  return n;
}

int FigureIndex::FindIndicator(const std::string& code) const {
  auto it = indicator_numbers_.find(code);
  return it == indicator_numbers_.end() ? -1 : it->second;
}

void FigureIndex::Put(const store::ResultRecord& r) {
  const Observation& o = r.observation;
  Block& b = blocks_[KeyOf(o.unit, IndicatorNumber(o.indicator), o.period.year())];
  Entry e{r.id,
          o.value,
          o.numerator.value_or(kNone),
          o.denominator.value_or(kNone),
          static_cast<uint8_t>(o.period.first_month()),
          static_cast<uint8_t>(o.period.last_month()),
          static_cast<uint8_t>(r.status),
          o.estimated};
  ++b.generation;  // what was worked out from it is stale
  for (Entry& held : b.entries) {
    if (held.id == r.id) {
      held = e;
      return;
    }
  }
  b.entries.push_back(e);
  ++size_;
}

Status FigureIndex::LoadIndicators(store::Store& store) {
  ASSIGN_OR_RETURN(std::vector<Indicator> all, store.ListIndicators());
  auto shared = std::make_shared<const std::vector<Indicator>>(std::move(all));
  std::unique_lock lock(mu_);
  for (const Indicator& i : *shared) IndicatorNumber(i.code);
  indicators_ = std::move(shared);
  return Status::Ok();
}

Status FigureIndex::LoadPlans(store::Store& store) {
  ASSIGN_OR_RETURN(std::vector<Plan> all, store.ListPlans());
  auto by_unit = std::make_shared<std::unordered_map<UnitId, std::vector<Plan>>>();
  for (Plan& p : all) (*by_unit)[p.unit].push_back(std::move(p));
  std::unique_lock lock(mu_);
  plans_ = std::move(by_unit);
  return Status::Ok();
}

Status FigureIndex::Load(store::Store& store) {
  std::lock_guard follow(follow_mu_);
  // Changes made while the tables are read are applied again by the next
  // CatchUp: applying a change twice leaves the same state.
  ASSIGN_OR_RETURN(int64_t version, store.DataVersion());
  RETURN_IF_ERROR(LoadIndicators(store));
  RETURN_IF_ERROR(LoadPlans(store));
  {
    std::unique_lock lock(mu_);
    blocks_.clear();
    size_ = 0;
    for (MemoShard& shard : memo_) {
      std::lock_guard memo_lock(shard.mu);
      shard.values.clear();
    }
  }
  int64_t after = 0;
  while (true) {
    ASSIGN_OR_RETURN(std::vector<store::ResultRecord> page, store.results().ResultsAfter(after, kPage));
    if (page.empty()) break;
    std::unique_lock lock(mu_);
    for (const store::ResultRecord& r : page) Put(r);
    after = page.back().id;
  }
  seen_ = version;
  ahead_.clear();
  gaps_.clear();
  return Status::Ok();
}

Status FigureIndex::ApplyChanges(store::Store& store, const std::vector<store::Change>& changes) {
  std::vector<int64_t> results;
  bool indicators = false;
  bool plans = false;
  for (const store::Change& c : changes) {
    if (c.entity == "result") {
      char* end = nullptr;
      long long id = std::strtoll(c.entity_id.c_str(), &end, 10);
      if (end != c.entity_id.c_str() && *end == '\0') results.push_back(id);
    } else if (c.entity == "indicator") {
      indicators = true;
    } else if (c.entity == "plan") {
      plans = true;
    }
  }
  if (indicators) RETURN_IF_ERROR(LoadIndicators(store));
  if (plans) RETURN_IF_ERROR(LoadPlans(store));
  for (size_t i = 0; i < results.size(); i += kPage) {
    std::vector<int64_t> ids(
        results.begin() + static_cast<std::ptrdiff_t>(i),
        results.begin() + static_cast<std::ptrdiff_t>(std::min(results.size(), i + kPage)));
    ASSIGN_OR_RETURN(std::vector<store::ResultRecord> records, store.results().ResultsWithIds(ids));
    std::unique_lock lock(mu_);
    for (const store::ResultRecord& r : records) Put(r);
  }
  return Status::Ok();
}

Status FigureIndex::CatchUp(store::Store& store) {
  std::lock_guard follow(follow_mu_);
  auto now = std::chrono::steady_clock::now();
  int64_t cursor = seen_;
  int64_t highest = ahead_.empty() ? seen_ : *ahead_.rbegin();
  while (true) {
    ASSIGN_OR_RETURN(std::vector<store::Change> page, store.audit().ChangesAfter(cursor, kPage));
    if (page.empty()) break;
    std::vector<store::Change> fresh;
    for (store::Change& c : page) {
      if (ahead_.count(c.id) > 0) continue;  // applied on an earlier look
      for (int64_t g = highest + 1; g < c.id; ++g) gaps_.emplace(g, now);
      highest = std::max(highest, c.id);
      gaps_.erase(c.id);
      ahead_.insert(c.id);
      fresh.push_back(std::move(c));
    }
    RETURN_IF_ERROR(ApplyChanges(store, fresh));
    cursor = page.back().id;
    if (page.size() < static_cast<size_t>(kPage)) break;
  }
  // Gaps that stayed empty this long were rolled back: nothing will fill them.
  for (auto it = gaps_.begin(); it != gaps_.end();) {
    it = now - it->second > kGapPatience ? gaps_.erase(it) : std::next(it);
  }
  while (!ahead_.empty()) {
    int64_t next = seen_ + 1;
    if (ahead_.count(next) > 0) {
      ahead_.erase(next);
    } else if (gaps_.count(next) > 0) {
      break;
    }
    seen_ = next;
  }
  return Status::Ok();
}

Result<std::shared_ptr<const std::vector<Indicator>>> FigureIndex::Indicators() {
  std::shared_lock lock(mu_);
  if (!indicators_) return FailedPrecondition("the figures are not loaded yet", "số liệu chưa được nạp");
  return indicators_;
}

Result<std::vector<Plan>> FigureIndex::Plans(UnitId unit) {
  std::shared_lock lock(mu_);
  if (!plans_) return FailedPrecondition("the figures are not loaded yet", "số liệu chưa được nạp");
  auto it = plans_->find(unit);
  return it == plans_->end() ? std::vector<Plan>{} : it->second;
}

Result<OwnValue> FigureIndex::Own(UnitId unit, const Indicator& indicator, const Period& period,
                                  FigureFilter filter) {
  OwnValue out;
  std::shared_lock lock(mu_);
  int number = FindIndicator(indicator.code);
  if (number < 0) return out;
  Key key = KeyOf(unit, number, period.year());
  auto it = blocks_.find(key);
  if (it == blocks_.end()) return out;
  const Block& block = it->second;
  auto first = static_cast<uint8_t>(period.first_month());
  auto last = static_cast<uint8_t>(period.last_month());
  auto as_observation = [&](const Memo& m) {
    Observation o;
    o.unit = unit;
    o.indicator = indicator.code;
    o.period = period;
    o.value = m.value;
    o.numerator = Opt(m.numerator);
    o.denominator = Opt(m.denominator);
    o.estimated = m.estimated;
    return o;
  };
  MemoKey memo_key{key, static_cast<uint16_t>(first * 16 + last + (filter.include_unapproved ? 256 : 0))};
  MemoShard& shard = memo_[(key * 0x9E3779B97F4A7C15ULL) >> 58];
  {
    std::lock_guard memo_lock(shard.mu);
    auto m = shard.values.find(memo_key);
    if (m != shard.values.end() && m->second.generation == block.generation) {
      out.months = m->second.months;
      if (m->second.has_value) out.value = as_observation(m->second);
      return out;
    }
  }
  thread_local std::vector<Observation> counted;  // reused: no allocation per block
  counted.clear();
  for (const Entry& e : block.entries) {
    if (!filter.include_unapproved && e.status != static_cast<uint8_t>(store::ResultStatus::kApproved))
      continue;
    Result<Period> p = Period::Months(period.year(), e.first_month, e.last_month);
    if (!p.ok()) continue;
    Observation o;
    o.unit = unit;
    o.indicator = indicator.code;
    o.period = *p;
    o.value = e.value;
    o.numerator = Opt(e.numerator);
    o.denominator = Opt(e.denominator);
    o.estimated = e.estimated;
    counted.push_back(std::move(o));
  }
  out.value = ValueFromResults(unit, indicator, period, counted, &out.months);
  Memo m{block.generation, out.months, out.value.has_value(), false, 0, kNone, kNone};
  if (out.value) {
    m.value = out.value->value;
    m.numerator = out.value->numerator.value_or(kNone);
    m.denominator = out.value->denominator.value_or(kNone);
    m.estimated = out.value->estimated;
  }
  std::lock_guard memo_lock(shard.mu);
  if (shard.values.size() >= kMemoCapacity / kShards) shard.values.clear();
  shard.values[memo_key] = m;
  return out;
}

Result<StoredPeriod> FigureIndex::Stored(UnitId unit, const std::string& indicator, const Period& period) {
  StoredPeriod out;
  std::shared_lock lock(mu_);
  int number = FindIndicator(indicator);
  if (number < 0) return out;
  auto it = blocks_.find(KeyOf(unit, number, period.year()));
  if (it == blocks_.end()) return out;
  for (const Entry& e : it->second.entries) {
    if (e.first_month < period.first_month() || e.last_month > period.last_month()) continue;
    if (e.first_month == period.first_month() && e.last_month == period.last_month()) {
      out.id = e.id;
      out.status = static_cast<store::ResultStatus>(e.status);
      out.value = e.value;
    }
    if (e.status != static_cast<uint8_t>(store::ResultStatus::kApproved)) out.unapproved_inside = true;
  }
  return out;
}

size_t FigureIndex::size() const {
  std::shared_lock lock(mu_);
  return size_;
}

int64_t FigureIndex::version() const {
  std::lock_guard follow(follow_mu_);
  return seen_;
}

}  // namespace kiemdem::analytics
