#include "core/indicator_match.h"

#include <algorithm>
#include <cctype>
#include <set>

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

}  // namespace

std::vector<IndicatorMatch> MatchIndicators(std::string_view subject, std::string_view unit,
                                            const std::vector<Indicator>& indicators, size_t limit) {
  std::vector<std::string> words = Words(subject);
  std::string folded_unit = FoldForSearch(unit);
  std::vector<IndicatorMatch> out;
  for (const Indicator& ind : indicators) {
    double best = Overlap(words, Words(ind.name_vi));
    for (const std::string& a : ind.aliases) best = std::max(best, Overlap(words, Words(a)));
    if (best <= 0) continue;
    if (!folded_unit.empty() && FoldForSearch(ind.unit) == folded_unit) best = std::min(1.0, best + 0.05);
    out.push_back({ind.code, best});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const IndicatorMatch& a, const IndicatorMatch& b) { return a.score > b.score; });
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace kiemdem
