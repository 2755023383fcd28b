// What a figure of an evaluation rests on, as JSON: "số liệu báo cáo" (the
// unit's own), or "tính theo địa giới mới" with the units it was rebuilt
// from, the share counted of each, and the split units left out.
#include <set>

#include "api/views.h"
#include "core/vn_number.h"

namespace kiemdem::api {
namespace {

std::string NameOn(const analytics::UnitTree& tree, UnitId unit, Date on) {
  const AdminUnit* u = tree.Get(unit);
  return u == nullptr ? std::to_string(unit) : u->VersionOn(on).full_name;
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i == 0 ? "" : ", ") + items[i];
  return out;
}

// "Tính theo địa giới mới từ Phường Thanh Sơn, Phường Quang Trung, Phường Yên
// Thanh; chưa tính Phường Trưng Vương (bị chia tách, chưa đặt tỷ lệ)."
std::string Describe(const analytics::UnitSeries& s, const analytics::UnitTree& tree, UnitId self, bool vi) {
  if (!s.rebuilt()) return vi ? "Số liệu báo cáo của đơn vị." : "The unit's own reported figures.";
  if (s.parts.empty()) return vi ? s.note_vi : s.note_en;
  std::vector<std::string> counted, split, missing;
  std::set<UnitId> units;
  for (const analytics::SeriesPartView& p : s.parts) {
    Date end = EndOfMonth(p.period.year(), p.period.last_month());
    std::string name = NameOn(tree, p.unit, end);
    if (p.unit == self) name += vi ? " (số liệu của đơn vị)" : " (its own figures)";
    if (s.basis == SeriesBasis::kMixed) name += " – " + (vi ? p.period.LabelVi() : p.period.LabelEn());
    if (p.coverage == Coverage::kPartial && p.share) {
      name += (vi ? " tính " : " counted at ") + FormatVietnamesePercent(*p.share * 100, 1);
    }
    if (p.unit != self) units.insert(p.unit);
    if (p.counted) {
      counted.push_back(name);
    } else if (p.share) {
      missing.push_back(name);
    }
  }
  for (UnitId u : s.split_units) {
    for (const analytics::SeriesPartView& p : s.parts) {
      if (p.unit != u) continue;
      split.push_back(NameOn(tree, u, EndOfMonth(p.period.year(), p.period.last_month())));
      break;
    }
  }
  std::string out = vi ? "Tính theo địa giới mới" : "On the new boundary";
  // Every unit it was formed from was split and none has a share set.
  if (!split.empty() && split.size() == units.size()) {
    out += vi ? ": cả " + std::to_string(split.size()) +
                    " đơn vị hợp thành đều bị chia tách, chưa đặt tỷ lệ nên chưa tính (" + Join(split) + ")"
              : ": all " + std::to_string(split.size()) +
                    " units it was formed from were split and no share is set, so none is counted (" +
                    Join(split) + ")";
    if (!counted.empty()) out += (vi ? "; tính " : "; counted: ") + Join(counted);
  } else {
    if (!counted.empty()) out += (vi ? " từ " : " from ") + Join(counted);
    if (!split.empty()) {
      out += vi ? "; chưa tính " + Join(split) + " (bị chia tách, chưa đặt tỷ lệ)"
                : "; not counted: " + Join(split) + " (split, no share set)";
    }
  }
  if (!missing.empty()) out += (vi ? "; chưa có số liệu: " : "; no figures yet: ") + Join(missing);
  return out + ".";
}

}  // namespace

Json SeriesView(const analytics::UnitSeries& s, const analytics::UnitTree& tree, UnitId self, bool vi) {
  Json parts = Json::array();
  for (const analytics::SeriesPartView& p : s.parts) {
    Date end = EndOfMonth(p.period.year(), p.period.last_month());
    parts.push_back({{"unit", UnitView(tree, p.unit, end, vi)},
                     {"period", p.period.Key()},
                     {"period_label", vi ? p.period.LabelVi() : p.period.LabelEn()},
                     {"coverage", p.coverage == Coverage::kFull ? "full" : "partial"},
                     {"share", p.share ? Json(*p.share) : Json(nullptr)},
                     {"value", p.value ? Json(*p.value) : Json(nullptr)},
                     {"counted", p.counted}});
  }
  Json split = Json::array();
  for (UnitId u : s.split_units) {
    for (const analytics::SeriesPartView& p : s.parts) {
      if (p.unit != u) continue;
      split.push_back(UnitView(tree, u, EndOfMonth(p.period.year(), p.period.last_month()), vi));
      break;
    }
  }
  return Json{{"basis", SeriesBasisKey(s.basis)},
              {"label", vi ? SeriesBasisLabelVi(s.basis) : SeriesBasisLabelEn(s.basis)},
              {"value", s.value ? Json(s.value->value) : Json(nullptr)},
              {"complete", s.split_units.empty() && s.missing.empty() && s.note_en.empty()},
              {"parts", parts},
              {"split_units", split},
              {"text", Describe(s, tree, self, vi)}};
}

}  // namespace kiemdem::api
