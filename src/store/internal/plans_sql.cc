// Bodies, plans and their targets.
#include <map>

#include "store/internal/areas.h"
#include "store/internal/json_text.h"

namespace kiemdem::store::internal {
namespace {

std::string TargetsJson(const std::vector<Target>& targets) {
  std::string out = "[";
  for (const Target& t : targets) {
    JsonObject o;
    o.Add("indicator", t.indicator).Add("year", static_cast<double>(t.year));
    o.Add("comparator", ComparatorSymbol(t.comparator)).Add("value", t.value).Add("value_high", t.value_high);
    if (t.form != TargetForm::kLevel) o.Add("form", TargetFormKey(t.form));
    if (t.adjusted) o.Add("adjusted", *t.adjusted).Add("adjusted_by", t.adjusted_by);
    out += (out.size() > 1 ? ", " : "") + o.str();
  }
  return out + "]";
}

std::string PlanJson(const Plan& p) {
  return JsonObject()
      .Add("body_kind", BodyKindKey(p.body_kind))
      .Add("first_year", static_cast<double>(p.first_year))
      .Add("last_year", static_cast<double>(p.last_year))
      .Add("resolution", p.resolution.code)
      .Add("resolution_date", Iso(p.resolution.issued))
      .Add("assigned_by_superior", p.assigned_by_superior)
      .AddRaw("targets", TargetsJson(p.targets))
      .str();
}

// One row of `targets` as read.
struct TargetRow {
  long long plan_id = 0;
  std::string indicator, comparator, form, adjusted_by;
  int year = 0;
  double value = 0, high = 0, adjusted = 0;
  soci::indicator high_ind = soci::i_null, adjusted_ind = soci::i_null;
};

constexpr const char* kTargetColumns =
    "SELECT t.plan_id, t.indicator_code, t.year, t.comparator, t.value, t.value_high, t.form, t.adjusted, "
    "t.adjusted_by FROM targets t ";

// Decodes one row of `targets`.
Result<Target> DecodeTarget(const TargetRow& r) {
  std::string where = "of plan " + std::to_string(r.plan_id);
  Target t;
  t.indicator = r.indicator;
  t.year = r.year;
  ASSIGN_OR_RETURN(t.comparator,
                   DecodeKey(ParseComparator(r.comparator), "targets", where, "comparator", r.comparator));
  ASSIGN_OR_RETURN(t.form, DecodeKey(ParseTargetForm(r.form), "targets", where, "form", r.form));
  t.value = r.value;
  if (r.high_ind == soci::i_ok) t.value_high = r.high;
  if (r.adjusted_ind == soci::i_ok) t.adjusted = r.adjusted;
  t.adjusted_by = r.adjusted_by;
  return t;
}

Result<std::vector<Target>> LoadTargets(soci::session& sql, long long plan_id) {
  std::vector<Target> out;
  TargetRow r;
  soci::statement st =
      (sql.prepare << std::string(kTargetColumns) + "WHERE t.plan_id = :p ORDER BY t.year, t.indicator_code",
       soci::use(plan_id), soci::into(r.plan_id), soci::into(r.indicator), soci::into(r.year),
       soci::into(r.comparator), soci::into(r.value), soci::into(r.high, r.high_ind), soci::into(r.form),
       soci::into(r.adjusted, r.adjusted_ind), soci::into(r.adjusted_by));
  st.execute();
  while (st.fetch()) {
    ASSIGN_OR_RETURN(Target t, DecodeTarget(r));
    out.push_back(std::move(t));
  }
  return out;
}

// The targets of every plan of `unit` (of every plan without one) in one
// query, into `plans` by id; each plan's in (year, indicator) order.
Status LoadTargetsOf(soci::session& sql, std::optional<UnitId> unit, std::vector<Plan>* plans) {
  if (plans->empty()) return Status::Ok();
  std::map<long long, Plan*> by_id;
  for (Plan& p : *plans) by_id[p.id] = &p;
  long long want = unit.value_or(0);
  TargetRow r;
  const std::string order = " ORDER BY t.plan_id, t.year, t.indicator_code";
  soci::statement st =
      unit ? (sql.prepare << std::string(kTargetColumns) +
                                 "JOIN plans p ON p.id = t.plan_id WHERE p.unit_id = :u" + order,
              soci::use(want), soci::into(r.plan_id), soci::into(r.indicator), soci::into(r.year),
              soci::into(r.comparator), soci::into(r.value), soci::into(r.high, r.high_ind),
              soci::into(r.form), soci::into(r.adjusted, r.adjusted_ind), soci::into(r.adjusted_by))
           : (sql.prepare << std::string(kTargetColumns) + order, soci::into(r.plan_id),
              soci::into(r.indicator), soci::into(r.year), soci::into(r.comparator), soci::into(r.value),
              soci::into(r.high, r.high_ind), soci::into(r.form), soci::into(r.adjusted, r.adjusted_ind),
              soci::into(r.adjusted_by));
  st.execute();
  while (st.fetch()) {
    auto it = by_id.find(r.plan_id);
    if (it == by_id.end()) continue;  // a plan saved after the plans were read
    ASSIGN_OR_RETURN(Target t, DecodeTarget(r));
    it->second->targets.push_back(std::move(t));
  }
  return Status::Ok();
}

Result<int64_t> SaveBody(Db db, const std::string& actor, const Body& body) {
  if (body.name.empty()) {
    return InvalidArgument("a body needs a name", "cơ quan cần có tên").WithField("name");
  }
  return Guard("save body", [&]() -> Result<int64_t> {
    soci::session& sql = db.sql;
    WriteTx tr(sql, db.dialect);
    long long unit = body.unit, id = 0;
    std::string kind = BodyKindKey(body.kind);
    soci::indicator ind = soci::i_null;
    sql << "SELECT id FROM bodies WHERE unit_id = :u AND kind = :k AND name = :n", soci::use(unit),
        soci::use(kind), soci::use(body.name), soci::into(id, ind);
    if (sql.got_data() && ind == soci::i_ok) return static_cast<int64_t>(id);
    sql << "INSERT INTO bodies(unit_id, kind, name) VALUES(:u, :k, :n) RETURNING id", soci::use(unit),
        soci::use(kind), soci::use(body.name), soci::into(id);
    WriteAudit(
        sql, actor, "create", "body", std::to_string(id), "",
        JsonObject().Add("unit", static_cast<double>(unit)).Add("kind", kind).Add("name", body.name).str());
    tr.Commit();
    return static_cast<int64_t>(id);
  });
}

Result<std::vector<Body>> ListBodies(Db db, std::optional<UnitId> unit) {
  return Guard("list bodies", [&]() -> Result<std::vector<Body>> {
    std::vector<Body> out;
    long long id = 0, unit_id = 0, want = unit.value_or(0);
    std::string kind, name;
    // Two statements, not "unit_id = :u OR :all = 1", so that one unit's
    // bodies are read through the index.
    soci::statement st =
        unit ? (db.sql.prepare << "SELECT id, unit_id, kind, name FROM bodies WHERE unit_id = :u ORDER BY id",
                soci::use(want), soci::into(id), soci::into(unit_id), soci::into(kind), soci::into(name))
             : (db.sql.prepare << "SELECT id, unit_id, kind, name FROM bodies ORDER BY id", soci::into(id),
                soci::into(unit_id), soci::into(kind), soci::into(name));
    st.execute();
    while (st.fetch()) {
      ASSIGN_OR_RETURN(BodyKind k,
                       DecodeKey(ParseBodyKind(kind), "bodies", std::to_string(id), "kind", kind));
      out.push_back({id, unit_id, k, name});
    }
    return out;
  });
}

Status RefuseAssigned() {
  return PermissionDenied(
             "these targets are assigned by the body above the unit: only an approver above it or an "
             "administrator may set or change them",
             "đây là chỉ tiêu cấp trên giao: chỉ người duyệt của cấp trên hoặc quản trị viên được giao "
             "hoặc sửa")
      .WithField("assigned_by_superior");
}

Status SavePlans(Db db, const std::string& actor, const std::vector<Plan>& plans,
                 const PlanStore::MayAssign& may_assign) {
  auto may = [&](UnitId unit) { return !may_assign || may_assign(unit); };
  for (const Plan& p : plans) {
    RETURN_IF_ERROR(p.Validate());
    if (p.assigned_by_superior && !may(p.unit)) return RefuseAssigned();
  }
  for (const Plan& p : plans) RETURN_IF_ERROR(p.Validate());
  return Guard("save plans", [&]() -> Status {
    soci::session& sql = db.sql;
    WriteTx tr(sql, db.dialect);
    for (const Plan& p : plans) {
      long long unit = p.unit, id = 0, body = p.body;
      std::string kind = BodyKindKey(p.body_kind), code = p.resolution.code, date = Iso(p.resolution.issued);
      soci::indicator date_ind = p.resolution.issued ? soci::i_ok : soci::i_null;
      soci::indicator body_ind = p.body != 0 ? soci::i_ok : soci::i_null;
      int assigned = p.assigned_by_superior ? 1 : 0;
      soci::indicator id_ind = soci::i_null;
      std::string for_update = db.dialect == Dialect::kPostgres ? " FOR UPDATE" : "";
      sql << "SELECT id FROM plans WHERE unit_id = :u AND body_kind = :k AND first_year = :f AND last_year = "
             ":l" +
                 for_update,
          soci::use(unit), soci::use(kind), soci::use(p.first_year), soci::use(p.last_year),
          soci::into(id, id_ind);
      std::string new_json = PlanJson(p);
      if (sql.got_data() && id_ind == soci::i_ok) {
        Plan old = p;
        std::string old_code;
        std::string old_date;
        soci::indicator od = soci::i_null;
        int old_assigned = 0;
        sql << "SELECT resolution_code, resolution_date, assigned_by_superior FROM plans WHERE id = :id",
            soci::use(id), soci::into(old_code), soci::into(old_date, od), soci::into(old_assigned);
        old.resolution.code = old_code;
        ASSIGN_OR_RETURN(old.resolution.issued,
                         DecodeDate(old_date, od, "plans", std::to_string(id), "resolution_date"));
        old.assigned_by_superior = old_assigned != 0;
        if (old.assigned_by_superior && !may(p.unit)) return RefuseAssigned();
        ASSIGN_OR_RETURN(old.targets, LoadTargets(sql, id));
        std::string old_json = PlanJson(old);
        if (old_json == new_json) continue;
        sql << "DELETE FROM targets WHERE plan_id = :p", soci::use(id);
        sql << "UPDATE plans SET body_id = :b, assigned_by_superior = :a, resolution_code = :c, "
               "resolution_date = :d WHERE id = :id",
            soci::use(body, body_ind), soci::use(assigned), soci::use(code), soci::use(date, date_ind),
            soci::use(id);
        WriteAudit(sql, actor, "update", "plan", std::to_string(id), old_json, new_json);
      } else {
        sql << "INSERT INTO plans(unit_id, body_id, body_kind, assigned_by_superior, first_year, last_year, "
               "resolution_code, resolution_date) VALUES(:u, :b, :k, :a, :f, :l, :c, :d) RETURNING id",
            soci::use(unit), soci::use(body, body_ind), soci::use(kind), soci::use(assigned),
            soci::use(p.first_year), soci::use(p.last_year), soci::use(code), soci::use(date, date_ind),
            soci::into(id);
        WriteAudit(sql, actor, "create", "plan", std::to_string(id), "", new_json);
      }
      for (const Target& t : p.targets) {
        int known = 0;
        sql << "SELECT COUNT(*) FROM indicators WHERE code = :c", soci::use(t.indicator), soci::into(known);
        if (known == 0) {
          return NotFound("indicator '" + t.indicator + "' is not in the catalogue",
                          "chỉ tiêu '" + t.indicator + "' không có trong danh mục")
              .WithField("indicator");
        }
        std::string comparator = ComparatorSymbol(t.comparator);
        double high = t.value_high.value_or(0);
        soci::indicator high_ind = t.value_high ? soci::i_ok : soci::i_null;
        std::string form = TargetFormKey(t.form);
        double adjusted = t.adjusted.value_or(0);
        soci::indicator adjusted_ind = t.adjusted ? soci::i_ok : soci::i_null;
        sql << "INSERT INTO targets(plan_id, indicator_code, year, comparator, value, value_high, form, "
               "adjusted, adjusted_by) VALUES(:p, :i, :y, :c, :v, :h, :f, :a, :ab)",
            soci::use(id), soci::use(t.indicator), soci::use(t.year), soci::use(comparator),
            soci::use(t.value), soci::use(high, high_ind), soci::use(form), soci::use(adjusted, adjusted_ind),
            soci::use(t.adjusted_by);
      }
    }
    tr.Commit();
    return Status::Ok();
  });
}

Result<std::vector<Plan>> ListPlans(Db db, std::optional<UnitId> unit) {
  return Guard("list plans", [&]() -> Result<std::vector<Plan>> {
    std::vector<Plan> out;
    {
      long long id = 0, unit_id = 0, body = 0, want = unit.value_or(0);
      std::string kind, code, date;
      int assigned = 0, first = 0, last = 0;
      soci::indicator body_ind = soci::i_null, date_ind = soci::i_null;
      // Two statements, not "unit_id = :u OR :all = 1" (a scan of every
      // plan): one unit's plans are read through plans_unit.
      soci::statement st(db.sql);
      st.alloc();
      st.prepare(std::string("SELECT id, unit_id, body_id, body_kind, assigned_by_superior, first_year, "
                             "last_year, resolution_code, resolution_date FROM plans ") +
                 (unit ? "WHERE unit_id = :u " : "") + "ORDER BY unit_id, first_year, id");
      if (unit) st.exchange(soci::use(want));
      st.exchange(soci::into(id));
      st.exchange(soci::into(unit_id));
      st.exchange(soci::into(body, body_ind));
      st.exchange(soci::into(kind));
      st.exchange(soci::into(assigned));
      st.exchange(soci::into(first));
      st.exchange(soci::into(last));
      st.exchange(soci::into(code));
      st.exchange(soci::into(date, date_ind));
      st.define_and_bind();
      st.execute();
      while (st.fetch()) {
        Plan p;
        p.id = id;
        p.unit = unit_id;
        p.body = body_ind == soci::i_ok ? body : 0;
        std::string row = std::to_string(id);
        ASSIGN_OR_RETURN(p.body_kind, DecodeKey(ParseBodyKind(kind), "plans", row, "body_kind", kind));
        p.assigned_by_superior = assigned != 0;
        p.first_year = first;
        p.last_year = last;
        if (!code.empty()) {
          Result<DocumentRef> ref = ParseDocumentCode(code);
          if (ref.ok()) p.resolution = *ref;
          p.resolution.code = code;
        }
        ASSIGN_OR_RETURN(p.resolution.issued, DecodeDate(date, date_ind, "plans", row, "resolution_date"));
        out.push_back(std::move(p));
      }
    }
    RETURN_IF_ERROR(LoadTargetsOf(db.sql, unit, &out));
    return out;
  });
}

class SqlPlanStore final : public PlanStore {
 public:
  explicit SqlPlanStore(Db db) : db_(db) {}

  Status PutIndicators(const std::string& actor, const std::vector<Indicator>& indicators) override {
    return Guard("save indicators", [&] { return internal::PutIndicators(db_, actor, indicators); });
  }
  Result<std::vector<Indicator>> ListIndicators() override {
    return Guard("list indicators", [&] { return internal::ListIndicators(db_); });
  }
  Result<int64_t> SaveBody(const std::string& actor, const Body& body) override {
    return internal::SaveBody(db_, actor, body);
  }
  Result<std::vector<Body>> ListBodies(std::optional<UnitId> unit) override {
    return internal::ListBodies(db_, unit);
  }
  Status SavePlans(const std::string& actor, const std::vector<Plan>& plans,
                   const MayAssign& may_assign) override {
    return internal::SavePlans(db_, actor, plans, may_assign);
  }
  Result<std::vector<Plan>> ListPlans(std::optional<UnitId> unit) override {
    return internal::ListPlans(db_, unit);
  }
  Result<std::unique_ptr<ResultImport>> BeginResultImport(const std::string& actor,
                                                          const std::string& source) override {
    return internal::BeginResultImport(db_, actor, source);
  }

 private:
  Db db_;
};

}  // namespace

std::unique_ptr<PlanStore> NewPlanStore(Db db) { return std::make_unique<SqlPlanStore>(db); }

}  // namespace kiemdem::store::internal
