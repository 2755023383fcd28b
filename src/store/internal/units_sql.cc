// Units as flat records for import and export.
#include <algorithm>
#include <map>

#include "store/internal/areas.h"
#include "store/internal/json_text.h"

namespace kiemdem::store::internal {
namespace {

std::string UnitJson(const UnitRecord& u) {
  return JsonObject()
      .Add("code", u.code)
      .Add("name", u.name)
      .Add("full_name", u.full_name)
      .Add("type", UnitTypeKey(u.type))
      .Add("parent", u.parent_code)
      .Add("valid_from", Iso(u.valid_from))
      .Add("valid_to", Iso(u.valid_to))
      .str();
}

// The day on which a unit's parent is looked up: the unit's first day, or
// its last one for a unit that ended, or today.
std::string AnchorDay(const UnitRecord& u) {
  if (u.valid_from) return u.valid_from->ToIso();
  if (u.valid_to) return u.valid_to->AddDays(-1).ToIso();
  return NowIso().substr(0, 10);
}

}  // namespace

Status PutUnitRecords(Db db, const std::string& actor, const std::vector<UnitRecord>& units) {
  return Guard("save units", [&]() -> Status {
    soci::session& sql = db.sql;
    WriteTx tr(sql, db.dialect);
    std::vector<UnitRecord> stored_rows;
    ASSIGN_OR_RETURN(stored_rows, ListUnitRecords(db));
    std::map<std::pair<std::string, std::string>, size_t> index;  // (code, valid_from) -> row
    for (size_t i = 0; i < stored_rows.size(); ++i) {
      index[{stored_rows[i].code, Iso(stored_rows[i].valid_from)}] = i;
    }
    for (const UnitRecord& u : units) {
      long long parent = 0;
      soci::indicator parent_ind = soci::i_null;
      if (!u.parent_code.empty()) {
        std::string day = AnchorDay(u);
        soci::indicator found = soci::i_null;
        sql << "SELECT id FROM units WHERE code = :c AND (valid_from IS NULL OR valid_from <= :d) "
               "AND (valid_to IS NULL OR valid_to > :d2)",
            soci::use(u.parent_code), soci::use(day), soci::use(day), soci::into(parent, found);
        if (!sql.got_data() || found != soci::i_ok) {
          return NotFound(
                     "unit " + u.code + ": its parent " + u.parent_code + " is not stored on " + day,
                     "đơn vị " + u.code + ": đơn vị cấp trên " + u.parent_code + " chưa có vào ngày " + day)
              .WithField("parent_code");
        }
        parent_ind = soci::i_ok;
      }
      std::string from = Iso(u.valid_from), to = Iso(u.valid_to), type = UnitTypeKey(u.type);
      soci::indicator from_ind = u.valid_from ? soci::i_ok : soci::i_null;
      soci::indicator to_ind = u.valid_to ? soci::i_ok : soci::i_null;
      auto found_row = index.find({u.code, from});
      std::string new_json = UnitJson(u);
      if (found_row == index.end()) {
        long long id = 0;
        sql << "INSERT INTO units(code, name, full_name, unit_type, parent_id, valid_from, valid_to) "
               "VALUES(:c, :n, :fn, :t, :p, :vf, :vt) RETURNING id",
            soci::use(u.code), soci::use(u.name), soci::use(u.full_name), soci::use(type),
            soci::use(parent, parent_ind), soci::use(from, from_ind), soci::use(to, to_ind), soci::into(id);
        WriteAudit(sql, actor, "create", "unit", std::to_string(id), "", new_json);
        UnitRecord added = u;
        added.id = id;
        index[{u.code, from}] = stored_rows.size();
        stored_rows.push_back(added);
        continue;
      }
      UnitRecord* old = &stored_rows[found_row->second];
      std::string old_json = UnitJson(*old);
      if (old_json == new_json) continue;
      long long id = old->id;
      sql << "UPDATE units SET name = :n, full_name = :fn, unit_type = :t, parent_id = :p, valid_to = :vt "
             "WHERE id = :id",
          soci::use(u.name), soci::use(u.full_name), soci::use(type), soci::use(parent, parent_ind),
          soci::use(to, to_ind), soci::use(id);
      WriteAudit(sql, actor, "update", "unit", std::to_string(id), old_json, new_json);
      *old = u;
      old->id = id;
    }
    tr.Commit();
    return Status::Ok();
  });
}

Result<std::vector<UnitRecord>> ListUnitRecords(Db db) {
  return Guard("list units", [&]() -> Result<std::vector<UnitRecord>> {
    std::vector<UnitRecord> out;
    long long id = 0;
    std::string code, name, full_name, type, parent, from, to;
    soci::indicator parent_ind = soci::i_null, from_ind = soci::i_null, to_ind = soci::i_null;
    soci::statement st =
        (db.sql.prepare << "SELECT u.id, u.code, u.name, u.full_name, u.unit_type, p.code, u.valid_from, "
                           "u.valid_to FROM units u LEFT JOIN units p ON p.id = u.parent_id ORDER BY u.id",
         soci::into(id), soci::into(code), soci::into(name), soci::into(full_name), soci::into(type),
         soci::into(parent, parent_ind), soci::into(from, from_ind), soci::into(to, to_ind));
    st.execute();
    while (st.fetch()) {
      UnitRecord u;
      u.id = id;
      u.code = code;
      u.name = name;
      u.full_name = full_name;
      Result<UnitType> t = ParseUnitType(type);
      u.type = t.ok() ? *t : UnitType::kWard;
      u.parent_code = parent_ind == soci::i_ok ? parent : "";
      u.valid_from = DateColumn(from, from_ind);
      u.valid_to = DateColumn(to, to_ind);
      out.push_back(std::move(u));
    }
    std::stable_sort(out.begin(), out.end(), [](const UnitRecord& a, const UnitRecord& b) {
      return LevelOf(a.type) < LevelOf(b.type);
    });
    return out;
  });
}

Result<std::vector<Succession>> ListSuccessions(Db db) {
  return Guard("list successions", [&]() -> Result<std::vector<Succession>> {
    std::vector<Succession> out;
    long long pred = 0, succ = 0;
    std::string effective, coverage, basis;
    soci::statement st =
        (db.sql.prepare << "SELECT predecessor_id, successor_id, effective, coverage, basis "
                           "FROM successions ORDER BY id",
         soci::into(pred), soci::into(succ), soci::into(effective), soci::into(coverage), soci::into(basis));
    st.execute();
    while (st.fetch()) {
      Succession s;
      s.predecessor = pred;
      s.successor = succ;
      s.effective = DateColumn(effective, soci::i_ok).value_or(Date());
      s.coverage = coverage == "partial" ? Coverage::kPartial : Coverage::kFull;
      s.basis = basis;
      out.push_back(std::move(s));
    }
    return out;
  });
}

std::string JoinLines(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : "\n") + s;
  return out;
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    std::string item = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    if (!item.empty()) out.push_back(item);
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

}  // namespace kiemdem::store::internal
