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

// Inserts the units and successions not stored yet; returns how many units
// were added. Its prepared statements end before the caller commits (SQLite
// cannot commit while a statement is in progress).
int SaveUnitRows(soci::session& sql, const AdminRegistry& registry) {
  {
    std::map<UnitId, long long> stored;  // registry id -> units.id
    long long id = 0;
    std::string code, name, full_name, type, from, to;
    long long parent = 0;
    soci::indicator parent_ind = soci::i_null, from_ind = soci::i_null, to_ind = soci::i_null;
    soci::indicator found_ind = soci::i_null;
    long long found = 0;
    soci::statement find =
        (sql.prepare << "SELECT id FROM units WHERE code = :c AND COALESCE(valid_from, '') = :f",
         soci::use(code), soci::use(from), soci::into(found, found_ind));
    soci::statement insert =
        (sql.prepare
             << "INSERT INTO units(code, name, full_name, unit_type, parent_id, valid_from, valid_to) "
                "VALUES(:c, :n, :fn, :t, :p, :vf, :vt) RETURNING id",
         soci::use(code), soci::use(name), soci::use(full_name), soci::use(type),
         soci::use(parent, parent_ind), soci::use(from, from_ind), soci::use(to, to_ind), soci::into(id));
    int added = 0;
    for (UnitId u = 1; u <= static_cast<UnitId>(registry.size()); ++u) {
      const AdminUnit* unit = registry.Get(u);
      code = unit->code;
      from = Iso(unit->valid_from);
      found_ind = soci::i_null;
      find.execute(true);
      if (find.got_data() && found_ind == soci::i_ok) {
        stored[u] = found;
        continue;
      }
      const UnitVersion& first = unit->versions.front();
      name = first.name;
      full_name = first.full_name;
      type = UnitTypeKey(first.type);
      parent_ind = unit->parent != kNoUnit && stored.count(unit->parent) ? soci::i_ok : soci::i_null;
      parent = parent_ind == soci::i_ok ? stored[unit->parent] : 0;
      from_ind = unit->valid_from ? soci::i_ok : soci::i_null;
      to = Iso(unit->valid_to);
      to_ind = unit->valid_to ? soci::i_ok : soci::i_null;
      insert.execute(true);
      stored[u] = id;
      for (size_t k = 1; k < unit->versions.size(); ++k) {
        const UnitVersion& v = unit->versions[k];
        std::string vf = v.from.ToIso(), vt = UnitTypeKey(v.type);
        sql << "INSERT INTO unit_versions(unit_id, valid_from, name, full_name, unit_type) "
               "VALUES(:u, :f, :n, :fn, :t)",
            soci::use(id), soci::use(vf), soci::use(v.name), soci::use(v.full_name), soci::use(vt);
      }
      ++added;
    }
    long long pred = 0, succ = 0;
    std::string effective, coverage, basis;
    soci::statement add_succession =
        (sql.prepare << "INSERT INTO successions(predecessor_id, successor_id, effective, coverage, basis) "
                        "SELECT :p, :s, :e, :c, :b WHERE NOT EXISTS (SELECT 1 FROM successions "
                        "WHERE predecessor_id = :p2 AND successor_id = :s2)",
         soci::use(pred), soci::use(succ), soci::use(effective), soci::use(coverage), soci::use(basis),
         soci::use(pred), soci::use(succ));
    for (UnitId u = 1; u <= static_cast<UnitId>(registry.size()); ++u) {
      for (const Succession& s : registry.SuccessorsOf(u)) {
        pred = stored[s.predecessor];
        succ = stored[s.successor];
        effective = s.effective.ToIso();
        coverage = s.coverage == Coverage::kFull ? "full" : "partial";
        basis = s.basis;
        add_succession.execute(true);
      }
    }
    return added;
  }
}

Result<std::vector<UnitRecord>> ListUnitRecords(Db db);

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
      std::string row = std::to_string(id);
      ASSIGN_OR_RETURN(u.type, DecodeKey(ParseUnitType(type), "units", row, "unit_type", type));
      u.parent_code = parent_ind == soci::i_ok ? parent : "";
      ASSIGN_OR_RETURN(u.valid_from, DecodeDate(from, from_ind, "units", row, "valid_from"));
      ASSIGN_OR_RETURN(u.valid_to, DecodeDate(to, to_ind, "units", row, "valid_to"));
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
    long long id = 0, pred = 0, succ = 0;
    std::string effective, coverage, basis;
    soci::statement st =
        (db.sql.prepare << "SELECT id, predecessor_id, successor_id, effective, coverage, basis "
                           "FROM successions ORDER BY id",
         soci::into(id), soci::into(pred), soci::into(succ), soci::into(effective), soci::into(coverage),
         soci::into(basis));
    st.execute();
    while (st.fetch()) {
      std::string row = std::to_string(id);
      Succession s;
      s.predecessor = pred;
      s.successor = succ;
      ASSIGN_OR_RETURN(std::optional<Date> on,
                       DecodeDate(effective, soci::i_ok, "successions", row, "effective"));
      if (!on) return Undecodable("successions", row, "effective", effective);
      s.effective = *on;
      if (coverage != "full" && coverage != "partial")
        return Undecodable("successions", row, "coverage", coverage);
      s.coverage = coverage == "partial" ? Coverage::kPartial : Coverage::kFull;
      s.basis = basis;
      out.push_back(std::move(s));
    }
    return out;
  });
}

}  // namespace

std::string JoinLines(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : "\n") + s;
  return out;
}

namespace {

class SqlUnitStore final : public UnitStore {
 public:
  explicit SqlUnitStore(Db db) : db_(db) {}

  Status SaveUnits(const std::string& actor, const AdminRegistry& registry) override {
    return Guard("save units", [&]() -> Status {
      WriteTx tr(db_);
      int added = SaveUnitRows(db_.sql, registry);
      WriteAudit(db_.sql, actor, "import", "units", "*", "",
                 JsonObject().Add("added", static_cast<double>(added)).str());
      tr.Commit();
      return Status::Ok();
    });
  }

  Result<UnitId> FindUnit(const std::string& code, Date on) override {
    return Guard("find unit", [&]() -> Result<UnitId> {
      long long id = 0;
      soci::indicator ind = soci::i_null;
      std::string d = on.ToIso();
      db_.sql << "SELECT id FROM units WHERE code = :c AND (valid_from IS NULL OR valid_from <= :d) "
                 "AND (valid_to IS NULL OR valid_to > :d2)",
          soci::use(code), soci::use(d), soci::use(d), soci::into(id, ind);
      if (!db_.sql.got_data() || ind != soci::i_ok) {
        return NotFound("no administrative unit has code " + code + " on " + on.ToVietnamese(),
                        "không có đơn vị hành chính mã " + code + " vào ngày " + on.ToVietnamese())
            .WithField("unit_code");
      }
      return static_cast<UnitId>(id);
    });
  }

  Result<std::string> UnitCode(UnitId unit) override {
    return Guard("unit code", [&]() -> Result<std::string> {
      std::string code;
      long long id = unit;
      db_.sql << "SELECT code FROM units WHERE id = :id", soci::use(id), soci::into(code);
      if (!db_.sql.got_data()) {
        return NotFound("unit " + std::to_string(unit) + " is not stored",
                        "không có đơn vị số " + std::to_string(unit));
      }
      return code;
    });
  }

  Status PutUnits(const std::string& actor, const std::vector<UnitRecord>& units) override {
    return PutUnitRecords(db_, actor, units);
  }
  Result<std::vector<UnitRecord>> ListUnits() override { return ListUnitRecords(db_); }
  Result<std::vector<Succession>> ListSuccessions() override { return internal::ListSuccessions(db_); }

 private:
  Db db_;
};

}  // namespace

std::unique_ptr<UnitStore> NewUnitStore(Db db) { return std::make_unique<SqlUnitStore>(db); }

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
