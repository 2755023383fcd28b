#include "analytics/unit_tree.h"

namespace kiemdem::analytics {

namespace {

// "06817" or "06817 (từ 01/07/2025)": a code with the day it was first held,
// since codes are reused.
std::string Named(const store::UnitRecord& u) {
  return u.valid_from ? u.code + " (" + u.valid_from->ToVietnamese() + ")" : u.code;
}

// `cause` prefixed with what Load did about it.
Status Said(const Status& cause, const std::string& en, const std::string& vi) {
  return Status(cause.code(), en + ": " + cause.message(), vi + ": " + cause.message_vi());
}

}  // namespace

Result<UnitTree> UnitTree::Load(store::Store& store) {
  ASSIGN_OR_RETURN(std::vector<store::UnitRecord> units, store.ListUnits());
  ASSIGN_OR_RETURN(std::vector<Succession> successions, store.ListSuccessions());
  UnitTree t;
  t.to_stored_.push_back(kNoUnit);
  std::unordered_map<UnitId, const store::UnitRecord*> by_stored;
  // ListUnits names parents by code: find each as of the unit's first day.
  for (const store::UnitRecord& u : units) {
    by_stored[u.id] = &u;
    AdminUnit a;
    a.code = u.code;
    a.valid_from = u.valid_from;
    a.valid_to = u.valid_to;
    a.versions.push_back({u.valid_from.value_or(Date()), u.name, u.full_name, u.type});
    if (!u.parent_code.empty()) {
      Date anchor = u.valid_from ? *u.valid_from
                    : u.valid_to ? u.valid_to->AddDays(-1)
                                 : Date::FromDayNumber(1 << 20);
      Result<UnitId> parent = t.registry_.FindByCode(u.parent_code, anchor);
      if (parent.ok()) {
        a.parent = *parent;
      } else {
        t.problems_.push_back(
            {u.code,
             Said(parent.status(), "unit " + Named(u) + " is kept without its parent " + u.parent_code,
                  "đơn vị " + Named(u) + " được giữ nhưng không có đơn vị cấp trên " + u.parent_code)});
      }
    }
    Result<UnitId> id = t.registry_.Add(std::move(a));
    if (!id.ok()) {
      ++t.skipped_;
      t.problems_.push_back({u.code, Said(id.status(), "unit " + Named(u) + " is left out",
                                          "đơn vị " + Named(u) + " bị bỏ qua")});
      continue;
    }
    t.to_registry_[u.id] = *id;
    t.to_stored_.resize(static_cast<size_t>(*id) + 1, kNoUnit);
    t.to_stored_[static_cast<size_t>(*id)] = u.id;
  }
  for (Succession s : successions) {
    auto pred = by_stored.find(s.predecessor);
    auto succ = by_stored.find(s.successor);
    std::string pred_code = pred == by_stored.end() ? std::to_string(s.predecessor) : Named(*pred->second);
    std::string succ_code = succ == by_stored.end() ? std::to_string(s.successor) : Named(*succ->second);
    std::string day = s.effective.ToVietnamese();
    std::string en = "the succession from " + pred_code + " to " + succ_code + " on " + day + " is left out";
    std::string vi = "quan hệ kế thừa từ " + pred_code + " sang " + succ_code + " ngày " + day + " bị bỏ qua";
    std::string code = pred == by_stored.end() ? pred_code : pred->second->code;
    s.predecessor = t.ToRegistry(s.predecessor);
    s.successor = t.ToRegistry(s.successor);
    if (s.predecessor == kNoUnit || s.successor == kNoUnit) {
      t.problems_.push_back(
          {code, Status(StatusCode::kFailedPrecondition, en + ": one of its units is left out",
                        vi + ": một trong hai đơn vị đã bị bỏ qua")});
      continue;
    }
    if (Status added = t.registry_.AddSuccession(s); !added.ok()) {
      t.problems_.push_back({code, Said(added, en, vi)});
    }
  }
  return t;
}

UnitId UnitTree::ToRegistry(UnitId stored) const {
  auto it = to_registry_.find(stored);
  return it == to_registry_.end() ? kNoUnit : it->second;
}

UnitId UnitTree::ToStored(UnitId registry_id) const {
  return registry_id > 0 && static_cast<size_t>(registry_id) < to_stored_.size()
             ? to_stored_[static_cast<size_t>(registry_id)]
             : kNoUnit;
}

const AdminUnit* UnitTree::Get(UnitId stored) const {
  UnitId r = ToRegistry(stored);
  return r == kNoUnit ? nullptr : registry_.Get(r);
}

UnitId UnitTree::Parent(UnitId stored) const {
  const AdminUnit* u = Get(stored);
  return u == nullptr ? kNoUnit : ToStored(u->parent);
}

bool UnitTree::Within(UnitId unit, UnitId root) const {
  for (int depth = 0; unit != kNoUnit && depth < 16; ++depth) {
    if (unit == root) return true;
    unit = Parent(unit);
  }
  return false;
}

bool UnitTree::CoversHistory(UnitId unit, UnitId root) const {
  return registry_.CoversHistory(ToRegistry(unit), ToRegistry(root));
}

Status UnitTree::CheckCoversPeriod(UnitId unit, const Period& period) const {
  return registry_.CheckCoversPeriod(ToRegistry(unit), period).WithField("period");
}

std::vector<UnitId> UnitTree::ChildrenOn(UnitId stored_parent, Date on) const {
  std::vector<UnitId> out;
  for (UnitId r : registry_.ChildrenOn(ToRegistry(stored_parent), on)) out.push_back(ToStored(r));
  return out;
}

std::vector<UnitId> UnitTree::RootsOn(Date on) const {
  std::vector<UnitId> out;
  for (UnitId r : registry_.RootsOn(on)) out.push_back(ToStored(r));
  return out;
}

std::vector<UnitId> UnitTree::Search(std::string_view query, Date on, size_t limit) const {
  std::vector<UnitId> out;
  for (UnitId r : registry_.Search(query, on, limit)) out.push_back(ToStored(r));
  return out;
}

std::vector<UnitId> UnitTree::SearchHistory(std::string_view query, Date on, size_t limit) const {
  std::vector<UnitId> out;
  for (UnitId r : registry_.SearchHistory(query, on, limit)) out.push_back(ToStored(r));
  return out;
}

std::vector<UnitId> UnitTree::SubtreeOn(UnitId stored_root, Date on) const {
  std::vector<UnitId> out = {stored_root};
  for (size_t i = 0; i < out.size(); ++i) {
    for (UnitId c : ChildrenOn(out[i], on)) out.push_back(c);
  }
  return out;
}

}  // namespace kiemdem::analytics
