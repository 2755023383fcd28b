#include "core/plan.h"

#include <cmath>
#include <set>
#include <sstream>

#include "core/vn_number.h"

namespace kiemdem {
namespace {

struct BodyInfo {
  BodyKind kind;
  const char* key;
  const char* vi;
  const char* en;
};

constexpr BodyInfo kBodies[] = {
    {BodyKind::kPartyCommittee, "party_committee", "Đảng ủy", "Party Committee"},
    {BodyKind::kPartyStandingCommittee, "party_standing_committee", "Ban Thường vụ",
     "Party Standing Committee"},
    {BodyKind::kPeoplesCouncil, "peoples_council", "HĐND", "People's Council"},
    {BodyKind::kPeoplesCommittee, "peoples_committee", "UBND", "People's Committee"},
    {BodyKind::kFatherlandFront, "fatherland_front", "MTTQ", "Fatherland Front"},
    {BodyKind::kMassOrganisation, "mass_organisation", "Đoàn thể", "Mass organisation"},
    {BodyKind::kDepartment, "department", "Phòng, ban", "Department"},
    {BodyKind::kOther, "other", "Khác", "Other"},
};

const BodyInfo& Info(BodyKind k) {
  for (const BodyInfo& b : kBodies) {
    if (b.kind == k) return b;
  }
  return kBodies[7];
}

}  // namespace

const char* BodyKindKey(BodyKind k) { return Info(k).key; }
const char* BodyKindNameVi(BodyKind k) { return Info(k).vi; }
const char* BodyKindNameEn(BodyKind k) { return Info(k).en; }

Result<BodyKind> ParseBodyKind(std::string_view key) {
  for (const BodyInfo& b : kBodies) {
    if (key == b.key || key == b.vi) return b.kind;
  }
  std::string k(key.substr(0, 40));
  return InvalidArgument("'" + k +
                             "' is not a kind of body (party_committee, peoples_council, "
                             "peoples_committee, ...)",
                         "'" + k +
                             "' không phải là loại cơ quan (party_committee, peoples_council, "
                             "peoples_committee, ...)");
}

const char* ComparatorSymbol(Comparator c) {
  switch (c) {
    case Comparator::kAtLeast: return "≥";
    case Comparator::kAtMost: return "≤";
    case Comparator::kEqual: return "=";
    case Comparator::kBand: return "∈";
  }
  return "?";
}

Result<Comparator> ParseComparator(std::string_view s) {
  if (s == ">=" || s == "≥") return Comparator::kAtLeast;
  if (s == "<=" || s == "≤") return Comparator::kAtMost;
  if (s == "=" || s == "==") return Comparator::kEqual;
  if (s == "band" || s == "∈") return Comparator::kBand;
  std::string v(s.substr(0, 20));
  return InvalidArgument("'" + v + "' is not a comparator (>=, <=, = or band)",
                         "'" + v + "' không phải là phép so sánh (>=, <=, = hoặc band)");
}

const char* TargetFormKey(TargetForm f) {
  switch (f) {
    case TargetForm::kLevel: return "level";
    case TargetForm::kGrowthPercent: return "growth_percent";
    case TargetForm::kChangePoints: return "change_points";
    case TargetForm::kAboveAssigned: return "above_assigned_percent";
  }
  return "level";
}

Result<TargetForm> ParseTargetForm(std::string_view key) {
  if (key.empty()) return TargetForm::kLevel;
  for (TargetForm f : {TargetForm::kLevel, TargetForm::kGrowthPercent, TargetForm::kChangePoints,
                       TargetForm::kAboveAssigned}) {
    if (key == TargetFormKey(f)) return f;
  }
  const std::string forms = " (level, growth_percent, change_points, above_assigned_percent)";
  return InvalidArgument("'" + std::string(key) + "' is not a target form" + forms,
                         "'" + std::string(key) + "' không phải dạng chỉ tiêu" + forms)
      .WithField("form");
}

std::string Target::FormVi() const {
  std::string base = " so với năm " + std::to_string(year - 1);
  switch (form) {
    case TargetForm::kLevel: return "";
    case TargetForm::kGrowthPercent:
      return (value < 0 ? "giảm " : "tăng ") + FormatVietnamesePercent(std::fabs(value)) + base;
    case TargetForm::kChangePoints:
      return (value < 0 ? "giảm " : "tăng ") + FormatVietnameseNumber(std::fabs(value)) + " điểm %" + base;
    case TargetForm::kAboveAssigned:
      return (value < 0 ? "thấp hơn " : "vượt ") + FormatVietnamesePercent(std::fabs(value)) +
             " chỉ tiêu cấp trên giao";
  }
  return "";
}

std::string Target::FormEn() const {
  std::string base = " on " + std::to_string(year - 1);
  std::ostringstream v;
  v << std::fabs(value);
  switch (form) {
    case TargetForm::kLevel: return "";
    case TargetForm::kGrowthPercent: return (value < 0 ? "down " : "up ") + v.str() + "%" + base;
    case TargetForm::kChangePoints: return (value < 0 ? "down " : "up ") + v.str() + " points" + base;
    case TargetForm::kAboveAssigned:
      return v.str() + "% " + (value < 0 ? "below" : "above") + " the target assigned from above";
  }
  return "";
}

Result<Target> LevelOf(const Target& t, const TargetBasis& basis) {
  if (t.form == TargetForm::kLevel) return t;
  if (t.form == TargetForm::kAboveAssigned) {
    if (!basis.assigned) {
      return FailedPrecondition("the target (" + t.FormEn() + ") needs the target assigned from above for " +
                                    std::to_string(t.year),
                                "chỉ tiêu (" + t.FormVi() + ") cần chỉ tiêu cấp trên giao năm " +
                                    std::to_string(t.year) + " để tính")
          .WithField("assigned");
    }
    Target out = t;
    out.form = TargetForm::kLevel;
    out.value = *basis.assigned * (1 + t.value / 100.0);
    if (t.value_high) out.value_high = *basis.assigned * (1 + *t.value_high / 100.0);
    return out;
  }
  const std::optional<double>& last_year = basis.last_year;
  if (!last_year) {
    return FailedPrecondition(
               "the target (" + t.FormEn() + ") needs the result of " + std::to_string(t.year - 1),
               "chỉ tiêu (" + t.FormVi() + ") cần kết quả năm " + std::to_string(t.year - 1) + " để tính")
        .WithField("previous");
  }
  auto level = [&](double change) {
    return t.form == TargetForm::kGrowthPercent ? *last_year * (1 + change / 100.0) : *last_year + change;
  };
  Target out = t;
  out.form = TargetForm::kLevel;
  out.value = level(t.value);
  if (t.value_high) out.value_high = level(*t.value_high);
  return out;
}

Status Target::Validate() const {
  std::string where = "target for " + indicator + " in " + std::to_string(year);
  std::string where_vi = "chỉ tiêu " + indicator + " năm " + std::to_string(year);
  if (indicator.empty()) {
    return InvalidArgument("a target needs an indicator", "chỉ tiêu kế hoạch phải gắn với một chỉ tiêu")
        .WithField("indicator");
  }
  if (!std::isfinite(value)) {
    return InvalidArgument(where + ": the value is not a finite number", where_vi + ": giá trị không hợp lệ")
        .WithField("value");
  }
  if ((form == TargetForm::kGrowthPercent || form == TargetForm::kAboveAssigned) &&
      (value <= -100 || (value_high && *value_high <= -100))) {
    return InvalidArgument(where + ": a fall of 100% or more leaves nothing to reach",
                           where_vi + ": giảm từ 100% trở lên thì không còn gì để đạt")
        .WithField("value");
  }
  if (adjusted) {
    if (!std::isfinite(*adjusted)) {
      return InvalidArgument(where + ": the adjusted value is not a finite number",
                             where_vi + ": giá trị kế hoạch điều chỉnh không hợp lệ")
          .WithField("adjusted");
    }
    if (comparator == Comparator::kBand || form != TargetForm::kLevel) {
      return InvalidArgument(where +
                                 ": only a level target (not a band, nor a change from last year) can be "
                                 "adjusted; enter the new band or change as its own target",
                             where_vi +
                                 ": chỉ điều chỉnh được chỉ tiêu là một mức (không phải khoảng hay "
                                 "mức tăng/giảm so với năm trước); hãy nhập khoảng hoặc mức mới")
          .WithField("adjusted");
    }
  }
  if (comparator == Comparator::kBand) {
    if (!value_high || !std::isfinite(*value_high) || *value_high < value) {
      return InvalidArgument(where + ": a band needs an upper bound not below its lower bound",
                             where_vi + ": khoảng chỉ tiêu cần cận trên không nhỏ hơn cận dưới")
          .WithField("value_high");
    }
  }
  return Status::Ok();
}

Target Target::InForce() const {
  Target t = AsFirstSet();
  if (adjusted) t.value = *adjusted;
  return t;
}

Target Target::AsFirstSet() const {
  Target t = *this;
  t.adjusted.reset();
  t.adjusted_by.clear();
  return t;
}

Status Plan::Validate() const {
  if (first_year < 1945 || last_year > 2200 || first_year > last_year) {
    return InvalidArgument("plan years " + std::to_string(first_year) + "-" + std::to_string(last_year) +
                               " are not a valid span",
                           "các năm của kế hoạch " + std::to_string(first_year) + "-" +
                               std::to_string(last_year) + " không hợp lệ")
        .WithField("years");
  }
  std::set<std::pair<std::string, int>> seen;
  for (const Target& t : targets) {
    RETURN_IF_ERROR(t.Validate());
    if (assigned_by_superior && t.form == TargetForm::kAboveAssigned) {
      return InvalidArgument("the target for " + t.indicator +
                                 " is written against the assigned target, in the assigned plan itself",
                             "chỉ tiêu " + t.indicator +
                                 " ghi theo chỉ tiêu cấp trên giao nhưng chính kế hoạch này là cấp trên giao")
          .WithField("form");
    }
    if (t.year < first_year || t.year > last_year) {
      return InvalidArgument("the target for " + t.indicator + " is for " + std::to_string(t.year) +
                                 ", outside the plan's years",
                             "chỉ tiêu " + t.indicator + " của năm " + std::to_string(t.year) +
                                 " nằm ngoài các năm của kế hoạch")
          .WithField("year");
    }
    if (!seen.insert({t.indicator, t.year}).second) {
      return AlreadyExists(
                 "the plan sets " + t.indicator + " for " + std::to_string(t.year) + " twice",
                 "kế hoạch đặt chỉ tiêu " + t.indicator + " năm " + std::to_string(t.year) + " hai lần")
          .WithField("indicator");
    }
  }
  return Status::Ok();
}

const Target* Plan::FindTarget(std::string_view indicator, int year) const {
  for (const Target& t : targets) {
    if (t.indicator == indicator && t.year == year) return &t;
  }
  return nullptr;
}

std::vector<TargetBySource> TargetsFor(const std::vector<Plan>& plans, UnitId unit,
                                       std::string_view indicator, int year) {
  std::vector<TargetBySource> out;
  for (const Plan& p : plans) {
    if (p.unit != unit) continue;
    if (const Target* t = p.FindTarget(indicator, year)) out.push_back({&p, t});
  }
  return out;
}

}  // namespace kiemdem
