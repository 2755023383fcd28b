// The registry's codes: aliases, the unit a code names on a day or for a
// period, and messages that say what became of a unit and how to reach the
// other holder of a reused code.
#include <algorithm>

#include "core/admin_registry.h"

namespace kiemdem {
namespace {

// "từ 01/07/2025", "đến 30/06/2025", "từ 01/03/2020 đến 30/06/2025"; empty
// when the unit has no known bounds.
std::string SpanVi(const AdminUnit& u) {
  std::string out;
  if (u.valid_from) out = "từ " + u.valid_from->ToVietnamese();
  if (u.valid_to)
    out += (out.empty() ? "" : " ") + std::string("đến ") + u.valid_to->AddDays(-1).ToVietnamese();
  return out;
}
std::string SpanEn(const AdminUnit& u) {
  std::string out;
  if (u.valid_from) out = "from " + u.valid_from->ToVietnamese();
  if (u.valid_to)
    out += (out.empty() ? "" : " ") + std::string("until ") + u.valid_to->AddDays(-1).ToVietnamese();
  return out;
}

// "A, B và C" / "A, B and C"; past `max` names, "và 4 đơn vị khác".
std::string JoinNames(const std::vector<std::string>& names, bool vi, size_t max = 8) {
  std::string out;
  size_t shown = std::min(names.size(), max);
  for (size_t i = 0; i < shown; ++i) {
    if (i > 0) out += i + 1 == shown && shown == names.size() ? (vi ? " và " : " and ") : ", ";
    out += names[i];
  }
  if (shown < names.size()) {
    std::string more = std::to_string(names.size() - shown);
    out += vi ? " và " + more + " đơn vị khác" : " and " + more + " other units";
  }
  return out;
}

// The months of `p` that `u` covers, as a run (the unit's validity is one span).
std::optional<Period> CoveredPart(const AdminUnit& u, const Period& p) {
  int first = 0;
  int last = 0;
  for (int m = p.first_month(); m <= p.last_month(); ++m) {
    if (!u.CoversMonth(p.year(), m)) continue;
    if (first == 0) first = m;
    last = m;
  }
  if (first == 0) return std::nullopt;
  Result<Period> part = Period::Months(p.year(), first, last);
  return part.ok() ? std::optional<Period>(*part) : std::nullopt;
}

}  // namespace

Status AdminRegistry::AddCodeAlias(std::string alias, std::string code) {
  if (alias.empty() || code.empty() || alias == code) {
    return InvalidArgument("a code alias needs two different codes", "mã thay thế phải khác mã chính");
  }
  auto [it, inserted] = aliases_.try_emplace(std::move(alias), code);
  if (!inserted && it->second != code) {
    return AlreadyExists("code " + it->first + " is already another name for " + it->second,
                         "mã " + it->first + " đã là mã thay thế của " + it->second);
  }
  return Status::Ok();
}

std::vector<UnitId> AdminRegistry::HoldersOn(const std::string& code, Date on) const {
  std::vector<UnitId> out;
  if (auto it = by_code_.find(code); it != by_code_.end()) {
    for (UnitId id : it->second) {
      if (Get(id)->ValidOn(on)) out.push_back(id);
    }
  }
  if (auto alias = aliases_.find(code); out.empty() && alias != aliases_.end())
    return HoldersOn(alias->second, on);
  return out;
}

std::string AdminRegistry::Describe(UnitId id) const {
  const AdminUnit* u = Get(id);
  Date last = u->LastDayOr(u->valid_from.value_or(Date()));
  std::string province;
  UnitId p = ProvinceOf(id, last);
  if (p != kNoUnit && p != id) {
    const AdminUnit* pu = Get(p);
    province = ", " + pu->VersionOn(last).full_name;
  }
  return u->VersionOn(last).full_name + " (" + u->code + province + ")";
}

std::string AdminRegistry::SuccessorClause(UnitId id, bool vi) const {
  std::vector<Succession> next = SuccessorsOf(id);
  if (next.empty()) return "";
  std::vector<std::string> names;
  for (const Succession& s : next) {
    const AdminUnit* u = Get(s.successor);
    names.push_back(u->VersionOn(s.effective).full_name + " (" + u->code + ")");
  }
  std::string day = next.front().effective.ToVietnamese();
  bool whole = next.size() == 1 && next[0].coverage == Coverage::kFull;
  if (vi) {
    if (whole) return "đã nhập vào " + names[0] + " từ " + day;
    if (next.size() == 1) return "một phần đã nhập vào " + names[0] + " từ " + day;
    return "đã được chia vào " + JoinNames(names, true) + " từ " + day;
  }
  if (whole) return "became part of " + names[0] + " on " + day;
  if (next.size() == 1) return "partly became part of " + names[0] + " on " + day;
  return "was divided between " + JoinNames(names, false) + " on " + day;
}

std::string AdminRegistry::PredecessorClause(UnitId id, bool vi) const {
  std::vector<std::string> names;
  for (const Succession& s : PredecessorsOf(id)) {
    const AdminUnit* u = Get(s.predecessor);
    std::string name = u->VersionOn(s.effective.AddDays(-1)).full_name;
    if (s.coverage == Coverage::kPartial) name = (vi ? "một phần " : "part of ") + name;
    names.push_back(name);
  }
  return JoinNames(names, vi);
}

Result<UnitId> AdminRegistry::FindByCode(std::string_view code, Date on, const DateOption& option) const {
  std::string canon(code);
  std::string c(code.substr(0, 20));
  std::string day = on.ToVietnamese();
  std::vector<UnitId> holders = HoldersOn(canon, on);
  if (holders.size() == 1) return holders[0];
  if (holders.size() > 1) {
    std::vector<std::string> names;
    names.reserve(holders.size());
    for (UnitId h : holders) names.push_back(Describe(h));
    return InvalidArgument("code " + c + " names " + std::to_string(holders.size()) + " units on " + day +
                               ": " + JoinNames(names, false) + "; name the unit by a code of its own",
                           "mã " + c + " ứng với " + std::to_string(holders.size()) + " đơn vị vào ngày " +
                               day + ": " + JoinNames(names, true) + "; hãy dùng mã riêng của đơn vị")
        .WithField("unit_code");
  }
  std::string en = "no administrative unit has code " + c + " on " + day;
  std::string vi = "không có đơn vị hành chính mã " + c + " vào ngày " + day;
  std::vector<UnitId> all = AllWithCode(canon);
  if (all.empty()) return NotFound(en, vi).WithField("unit_code");
  // The holder nearest in time, what became of it, and how to choose it.
  UnitId nearest = all.front();
  int64_t best = -1;
  for (UnitId id : all) {
    const AdminUnit* u = Get(id);
    int64_t gap =
        u->valid_to && on >= *u->valid_to ? on - *u->valid_to : (u->valid_from ? *u->valid_from - on : 0);
    if (best < 0 || gap < best) {
      best = gap;
      nearest = id;
    }
  }
  const AdminUnit* n = Get(nearest);
  bool ended = n->valid_to && on >= *n->valid_to;
  std::string name = n->VersionOn(ended ? n->valid_to->AddDays(-1) : *n->valid_from).full_name;
  if (ended) {
    std::string last = n->valid_to->AddDays(-1).ToVietnamese();
    en += ": " + Describe(nearest) + " existed until " + last;
    vi += ": " + Describe(nearest) + " tồn tại đến " + last;
    std::string next_en = SuccessorClause(nearest, false);
    std::string next_vi = SuccessorClause(nearest, true);
    if (!next_en.empty()) {
      en += " and " + next_en;
      vi += " và " + next_vi;
    }
    if (!option.en.empty()) {
      en += "; " + option.en + " with a day up to " + last + " for " + name;
      vi += "; " + option.vi + " với một ngày đến " + last + " để chọn " + name;
    }
  } else {
    std::string first = n->valid_from->ToVietnamese();
    en += ": " + Describe(nearest) + " exists from " + first;
    vi += ": " + Describe(nearest) + " có từ " + first;
    if (!option.en.empty()) {
      en += "; " + option.en + " with a day from " + first + " for " + name;
      vi += "; " + option.vi + " với một ngày từ " + first + " để chọn " + name;
    }
  }
  return NotFound(en, vi).WithField("unit_code");
}

Result<UnitId> AdminRegistry::ResolveCode(std::string_view code, const Period& period,
                                          const DateOption& option) const {
  std::string canon(code);
  std::string c(code.substr(0, 20));
  // The holder of each month, in order; a month with two holders is ambiguous as on a day.
  std::vector<UnitId> distinct;
  bool gap = false;
  for (int m = period.first_month(); m <= period.last_month(); ++m) {
    Date end = EndOfMonth(period.year(), m);
    std::vector<UnitId> holders = HoldersOn(canon, end);
    if (holders.size() > 1) return FindByCode(code, end, option);
    if (holders.empty()) {
      gap = true;
      continue;
    }
    if (std::find(distinct.begin(), distinct.end(), holders[0]) == distinct.end())
      distinct.push_back(holders[0]);
  }
  if (distinct.size() == 1 && !gap) return distinct[0];
  if (distinct.size() == 1) return CheckCoversPeriod(distinct[0], period).WithField("unit_code");
  if (distinct.empty()) {
    Result<UnitId> at_end = FindByCode(code, EndOfMonth(period.year(), period.last_month()), option);
    const Status& s = at_end.status();
    return Status(s.code(), s.message(), s.message_vi()).WithField("unit_code");
  }
  std::vector<std::string> en_parts;
  std::vector<std::string> vi_parts;
  std::vector<std::string> en_each;
  std::vector<std::string> vi_each;
  for (UnitId id : distinct) {
    const AdminUnit* u = Get(id);
    en_parts.push_back(Describe(id) + " " + SpanEn(*u));
    vi_parts.push_back(Describe(id) + " " + SpanVi(*u));
    std::optional<Period> part = CoveredPart(*u, period);
    std::string name = u->VersionOn(u->LastDayOr(u->valid_from.value_or(Date()))).full_name;
    if (part) {
      en_each.push_back(part->LabelEn() + " for " + name);
      vi_each.push_back(part->LabelVi() + " cho " + name);
    }
  }
  std::string n = std::to_string(distinct.size());
  std::string en = "code " + c + " names " + n + " units in " + period.LabelEn() + ": " +
                   JoinNames(en_parts, false) +
                   "; none of them holds it for the whole period: give each unit its own months (" +
                   JoinNames(en_each, false) + ")";
  std::string vi = "mã " + c + " ứng với " + n + " đơn vị trong " + period.LabelVi() + ": " +
                   JoinNames(vi_parts, true) +
                   "; không đơn vị nào giữ mã này suốt kỳ: hãy ghi số liệu theo kỳ của từng đơn vị (" +
                   JoinNames(vi_each, true) + ")";
  if (!option.en.empty()) {
    en += ", or " + option.en + " to choose one";
    vi += ", hoặc " + option.vi + " để chọn một đơn vị";
  }
  return InvalidArgument(en, vi).WithField("unit_code");
}

Status AdminRegistry::CheckCoversPeriod(UnitId unit, const Period& period) const {
  const AdminUnit* u = Get(unit);
  if (u == nullptr) {
    return NotFound("unit id " + std::to_string(unit) + " is unknown",
                    "không có đơn vị mã nội bộ " + std::to_string(unit));
  }
  if (u->CoversPeriod(period)) return Status::Ok();
  bool open_end = !u->valid_to;
  std::string en = Describe(unit) + (open_end ? " exists " : " existed ") + SpanEn(*u) +
                   ": it has no figures for " + period.LabelEn();
  std::string vi = Describe(unit) + (open_end ? " có " : " chỉ tồn tại ") + SpanVi(*u) +
                   ": không có số liệu " + period.LabelVi();
  if (std::optional<Period> part = CoveredPart(*u, period)) {
    en += " (only for " + part->LabelEn() + ")";
    vi += " (chỉ có " + part->LabelVi() + ")";
  }
  bool before = u->valid_from && !u->CoversMonth(period.year(), period.first_month()) &&
                EndOfMonth(period.year(), period.first_month()) < *u->valid_from;
  bool after = u->valid_to && !u->CoversMonth(period.year(), period.last_month()) &&
               EndOfMonth(period.year(), period.last_month()) >= *u->valid_to;
  if (before && !PredecessorsOf(unit).empty()) {
    en += "; the months before belong to the units it was formed from, " + PredecessorClause(unit, false) +
          ", from which kiemdem rebuilds its figures on the new boundary";
    vi += "; các tháng trước đó thuộc các đơn vị đã hợp thành nó: " + PredecessorClause(unit, true) +
          ", kiemdem tính số liệu theo địa giới mới từ các đơn vị này";
  }
  if (after) {
    std::string next_en = SuccessorClause(unit, false);
    std::string next_vi = SuccessorClause(unit, true);
    if (!next_en.empty()) {
      en += "; it " + next_en;
      vi += "; đơn vị này " + next_vi;
    }
  }
  return FailedPrecondition(en, vi).WithField("period");
}

}  // namespace kiemdem
