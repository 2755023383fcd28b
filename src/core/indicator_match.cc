#include "core/indicator_match.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <utility>

#include "core/text.h"

namespace kiemdem {
namespace {

std::vector<std::string> Words(std::string_view text) {
  std::string folded = FoldForSearch(text);
  std::vector<std::string> out;
  std::string w;
  for (char c : folded) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      w += c;
    } else if (!w.empty()) {
      out.push_back(w);
      w.clear();
    }
  }
  if (!w.empty()) out.push_back(w);
  return out;
}

// Share of the name's word pairs (or words, for a one-word name) that the
// subject has: "thu ngan sach" matches "thu ngân sách phường" fully.
double Overlap(const std::vector<std::string>& subject, const std::vector<std::string>& name) {
  if (name.empty() || subject.empty()) return 0;
  std::set<std::string> words(subject.begin(), subject.end());
  std::set<std::string> pairs;
  for (size_t i = 0; i + 1 < subject.size(); ++i) pairs.insert(subject[i] + " " + subject[i + 1]);
  if (name.size() == 1) return words.count(name[0]) ? 1.0 : 0.0;
  int found = 0;
  for (size_t i = 0; i + 1 < name.size(); ++i) found += pairs.count(name[i] + " " + name[i + 1]) ? 1 : 0;
  return static_cast<double>(found) / static_cast<double>(name.size() - 1);
}

// "đồng/người/năm" -> "dong"; a unit of measure by its first part, folded.
std::string UnitHead(std::string_view unit) {
  size_t slash = unit.find('/');
  if (slash != std::string_view::npos) unit = unit.substr(0, slash);
  while (!unit.empty() && unit.back() == ' ') unit.remove_suffix(1);
  return FoldForSearch(unit);
}

}  // namespace

MeasureKind KindOfMeasure(std::string_view unit, bool has_total) {
  if (has_total) return MeasureKind::kFraction;
  if (unit == "%") return MeasureKind::kPercent;
  return MeasureKind::kNumber;
}

bool KindFits(MeasureKind kind, std::string_view unit, const Indicator& indicator) {
  // "đạt chuẩn" or not is no figure: a number in a report never fills it.
  if (indicator.value_kind == ValueKind::kYesNo) return false;
  switch (kind) {
    case MeasureKind::kPercent: return indicator.value_kind != ValueKind::kNumber;
    case MeasureKind::kFraction: return indicator.value_kind == ValueKind::kFraction;
    case MeasureKind::kNumber: return indicator.value_kind == ValueKind::kNumber || unit.empty();
  }
  return false;
}

std::vector<IndicatorMatch> MatchMeasure(std::string_view subject, std::string_view unit, bool has_total,
                                         const std::vector<Indicator>& indicators, size_t limit) {
  MeasureKind kind = KindOfMeasure(unit, has_total);
  std::string head = UnitHead(unit);
  std::vector<Indicator> fitting;
  for (const Indicator& ind : indicators) {
    if (!KindFits(kind, unit, ind)) continue;
    if (kind == MeasureKind::kNumber &&
        (ind.value_kind != ValueKind::kNumber || (!head.empty() && UnitHead(ind.unit) != head)))
      continue;
    fitting.push_back(ind);
  }
  return MatchIndicators(subject, unit, fitting, limit);
}

std::vector<IndicatorMatch> MatchIndicators(std::string_view subject, std::string_view unit,
                                            const std::vector<Indicator>& indicators, size_t limit) {
  std::vector<std::string> words = Words(subject);
  std::string folded_unit = FoldForSearch(unit);
  // With the score, the length of the name that gave it: on a tie the longer
  // name is the more specific ("tỷ lệ hộ nghèo" over "hộ nghèo").
  std::vector<std::pair<IndicatorMatch, size_t>> found;
  for (const Indicator& ind : indicators) {
    double best = 0;
    size_t length = 0;
    auto consider = [&](std::string_view name) {
      std::vector<std::string> w = Words(name);
      double score = Overlap(words, w);
      if (score > best || (score == best && score > 0 && w.size() > length)) {
        best = score;
        length = w.size();
      }
    };
    consider(ind.name_vi);
    for (const std::string& a : ind.aliases) consider(a);
    if (best <= 0) continue;
    if (!folded_unit.empty() && FoldForSearch(ind.unit) == folded_unit) best = std::min(1.0, best + 0.05);
    found.push_back({{ind.code, best}, length});
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return a.first.score != b.first.score ? a.first.score > b.first.score : a.second > b.second;
  });
  std::vector<IndicatorMatch> out;
  for (size_t i = 0; i < found.size() && i < limit; ++i) out.push_back(found[i].first);
  return out;
}

}  // namespace kiemdem
