// The Store over SOCI, for SQLite and PostgreSQL alike; the few differences
// are the connection, pragmas, the schema's placeholders and backups.
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <map>

#include "core/vn_number.h"
#include "store/internal/areas.h"
#include "store/internal/json_text.h"
#include "store/internal/schema.h"
#include "store/internal/sql.h"
#include "store/store.h"

namespace kiemdem::store {
namespace {

using internal::Dialect;
using internal::Guard;
using internal::Iso;
using internal::JsonObject;
using internal::NowIso;
using internal::WriteTx;

ResultStatus ParseStatus(const std::string& s) {
  if (s == "submitted") return ResultStatus::kSubmitted;
  if (s == "approved") return ResultStatus::kApproved;
  return ResultStatus::kDraft;
}

class SociStore final : public Store {
 public:
  SociStore(std::unique_ptr<soci::session> session, Dialect dialect)
      : sql_(std::move(session)), dialect_(dialect) {}

  std::string backend() const override { return dialect_ == Dialect::kSqlite ? "sqlite" : "postgresql"; }

  Status Migrate() override {
    return Guard("migrate", [&]() -> Status {
      soci::session& sql = *sql_;
      sql << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
             "applied_at TEXT NOT NULL)";
      for (const internal::Migration& m : internal::Migrations(dialect_)) {
        WriteTx tr(sql, dialect_);
        int have = 0;
        sql << "SELECT COUNT(*) FROM schema_migrations WHERE version = :v", soci::use(m.version),
            soci::into(have);
        if (have > 0) continue;  // the transaction rolls back: nothing was written
        for (const std::string& stmt : m.statements) sql << stmt;
        std::string now = NowIso();
        sql << "INSERT INTO schema_migrations(version, name, applied_at) VALUES(:v, :n, :a)",
            soci::use(m.version), soci::use(m.name), soci::use(now);
        tr.Commit();
      }
      return Status::Ok();
    });
  }

  Result<std::vector<MigrationState>> MigrationStatus() override {
    return Guard("db status", [&]() -> Result<std::vector<MigrationState>> {
      soci::session& sql = *sql_;
      sql << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
             "applied_at TEXT NOT NULL)";
      std::map<int, std::string> applied;
      int v = 0;
      std::string at;
      soci::statement st =
          (sql.prepare << "SELECT version, applied_at FROM schema_migrations", soci::into(v), soci::into(at));
      st.execute();
      while (st.fetch()) applied[v] = at;
      std::vector<MigrationState> out;
      for (const internal::Migration& m : internal::Migrations(dialect_)) {
        auto it = applied.find(m.version);
        out.push_back({m.version, m.name, it != applied.end(), it != applied.end() ? it->second : ""});
      }
      return out;
    });
  }

  Status SaveUnits(const std::string& actor, const AdminRegistry& registry) override {
    return Guard("save units", [&]() -> Status {
      soci::session& sql = *sql_;
      WriteTx tr(sql, dialect_);
      int added = SaveUnitRows(sql, registry);
      WriteAudit(actor, "import", "units", "*", "",
                 JsonObject().Add("added", static_cast<double>(added)).str());
      tr.Commit();
      return Status::Ok();
    });
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

  Result<UnitId> FindUnit(const std::string& code, Date on) override {
    return Guard("find unit", [&]() -> Result<UnitId> {
      long long id = 0;
      soci::indicator ind = soci::i_null;
      std::string d = on.ToIso();
      *sql_ << "SELECT id FROM units WHERE code = :c AND (valid_from IS NULL OR valid_from <= :d) "
               "AND (valid_to IS NULL OR valid_to > :d2)",
          soci::use(code), soci::use(d), soci::use(d), soci::into(id, ind);
      if (!sql_->got_data() || ind != soci::i_ok) {
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
      *sql_ << "SELECT code FROM units WHERE id = :id", soci::use(id), soci::into(code);
      if (!sql_->got_data()) {
        return NotFound("unit " + std::to_string(unit) + " is not stored",
                        "không có đơn vị số " + std::to_string(unit));
      }
      return code;
    });
  }

  Status PutIndicators(const std::string& actor, const std::vector<Indicator>& indicators) override {
    for (const Indicator& i : indicators) RETURN_IF_ERROR(i.Validate());
    return Guard("save indicators", [&]() -> Status {
      soci::session& sql = *sql_;
      WriteTx tr(sql, dialect_);
      for (const Indicator& i : indicators) {
        std::string aliases;
        for (const std::string& a : i.aliases) aliases += (aliases.empty() ? "" : "|") + a;
        std::string vk = ValueKindName(i.value_kind), dir = DirectionName(i.direction),
                    sp = SpatialAggregationName(i.spatial), tm = TimeAggregationName(i.time);
        int neg = i.allow_negative ? 1 : 0;
        std::string new_json = IndicatorJson(i);
        std::optional<Indicator> old = LoadIndicator(i.code);
        if (old) {
          sql << "UPDATE indicators SET name_vi = :a, name_en = :b, unit = :c, grp = :d, value_kind = :e, "
                 "direction = :f, spatial = :g, time_agg = :h, allow_negative = :i, aliases = :j WHERE code "
                 "= :k",
              soci::use(i.name_vi), soci::use(i.name_en), soci::use(i.unit), soci::use(i.group),
              soci::use(vk), soci::use(dir), soci::use(sp), soci::use(tm), soci::use(neg), soci::use(aliases),
              soci::use(i.code);
          std::string old_json = IndicatorJson(*old);
          if (old_json != new_json) WriteAudit(actor, "update", "indicator", i.code, old_json, new_json);
        } else {
          sql << "INSERT INTO indicators(code, name_vi, name_en, unit, grp, value_kind, direction, spatial, "
                 "time_agg, allow_negative, aliases) VALUES(:k, :a, :b, :c, :d, :e, :f, :g, :h, :i, :j)",
              soci::use(i.code), soci::use(i.name_vi), soci::use(i.name_en), soci::use(i.unit),
              soci::use(i.group), soci::use(vk), soci::use(dir), soci::use(sp), soci::use(tm), soci::use(neg),
              soci::use(aliases);
          WriteAudit(actor, "create", "indicator", i.code, "", new_json);
        }
      }
      tr.Commit();
      return Status::Ok();
    });
  }

  Result<std::vector<Indicator>> ListIndicators() override {
    return Guard("list indicators", [&]() -> Result<std::vector<Indicator>> {
      std::vector<std::string> codes;
      std::string code;
      soci::statement st = (sql_->prepare << "SELECT code FROM indicators ORDER BY code", soci::into(code));
      st.execute();
      while (st.fetch()) codes.push_back(code);
      std::vector<Indicator> out;
      out.reserve(codes.size());
      for (const std::string& c : codes) out.push_back(*LoadIndicator(c));
      return out;
    });
  }

  Result<int64_t> SaveResult(const std::string& actor, const Observation& obs) override {
    return Guard("save result", [&]() -> Result<int64_t> {
      WriteTx tr(*sql_, dialect_);
      ASSIGN_OR_RETURN(int64_t id, SaveResultInTransaction(actor, obs, "create"));
      tr.Commit();
      return id;
    });
  }

  Status SaveResults(const std::string& actor, const std::vector<Observation>& results,
                     const std::string& source) override {
    return Guard("import results", [&]() -> Status {
      WriteTx tr(*sql_, dialect_);
      // Within one transaction the catalogue and the units do not change:
      // read each indicator and check each unit once.
      std::map<std::string, std::optional<Indicator>> indicators;
      std::map<UnitId, bool> units;
      batch_indicators_ = &indicators;
      batch_units_ = &units;
      struct ClearBatch {
        SociStore* s;
        ~ClearBatch() {
          s->batch_indicators_ = nullptr;
          s->batch_units_ = nullptr;
        }
      } clear{this};
      // Check every row first, then insert the new ones in bulk.
      std::vector<const Observation*> rows;
      rows.reserve(results.size());
      for (const Observation& o : results) {
        RETURN_IF_ERROR(CheckResult(o));
        rows.push_back(&o);
      }
      for (const Observation* o : internal::InsertNewResults(db(), actor, "import", rows)) {
        RETURN_IF_ERROR(SaveResultInTransaction(actor, *o, "import").status());
      }
      WriteAudit(actor, "import", "results", source, "",
                 JsonObject().Add("rows", static_cast<double>(results.size())).str());
      tr.Commit();
      return Status::Ok();
    });
  }

  Status SubmitResult(const std::string& actor, int64_t id) override {
    return Transition(actor, id, ResultStatus::kDraft, ResultStatus::kSubmitted, "submit", "");
  }
  Status ApproveResult(const std::string& actor, int64_t id) override {
    return Transition(actor, id, ResultStatus::kSubmitted, ResultStatus::kApproved, "approve", "");
  }
  Status ReopenResult(const std::string& actor, int64_t id, const std::string& reason) override {
    if (reason.empty()) {
      return InvalidArgument("reopening an approved result needs a reason",
                             "mở lại kết quả đã duyệt cần nêu lý do")
          .WithField("reason");
    }
    return Transition(actor, id, ResultStatus::kApproved, ResultStatus::kDraft, "reopen", reason);
  }

  Status ReturnResult(const std::string& actor, int64_t id, const std::string& comment) override {
    if (comment.empty()) {
      return InvalidArgument("sending a result back needs a comment", "trả lại kết quả cần có ý kiến")
          .WithField("comment");
    }
    return Transition(actor, id, ResultStatus::kSubmitted, ResultStatus::kDraft, "return", comment);
  }

  Result<ResultRecord> GetResult(int64_t id) override {
    return Guard("get result", [&]() -> Result<ResultRecord> {
      std::vector<ResultRecord> r = LoadResults("WHERE id = :id", id);
      if (r.empty()) {
        return NotFound("result " + std::to_string(id) + " does not exist",
                        "không có kết quả số " + std::to_string(id));
      }
      return r[0];
    });
  }

  Result<std::vector<ResultRecord>> ListResults(std::optional<UnitId> unit) override {
    return Guard("list results", [&]() -> Result<std::vector<ResultRecord>> {
      if (unit) return LoadResults("WHERE unit_id = :id", *unit);
      return LoadResults("WHERE id >= :id", 0);
    });
  }

  Result<std::vector<ResultChange>> ResultHistory(int64_t id) override {
    return Guard("result history", [&]() -> Result<std::vector<ResultChange>> {
      std::vector<ResultChange> out;
      ResultChange c{};
      long long rid = id;
      soci::statement st =
          (sql_->prepare
               << "SELECT version, value, status, changed_by, changed_at, reason FROM result_history "
                  "WHERE result_id = :id ORDER BY id",
           soci::use(rid), soci::into(c.version), soci::into(c.value), soci::into(c.status),
           soci::into(c.changed_by), soci::into(c.changed_at), soci::into(c.reason));
      st.execute();
      while (st.fetch()) out.push_back(c);
      return out;
    });
  }

  // The other areas live in their own files (areas.h).
  Status PutUnits(const std::string& actor, const std::vector<UnitRecord>& units) override {
    return internal::PutUnitRecords(db(), actor, units);
  }
  Result<std::vector<UnitRecord>> ListUnits() override { return internal::ListUnitRecords(db()); }
  Result<std::vector<Succession>> ListSuccessions() override { return internal::ListSuccessions(db()); }

  Result<std::vector<ResultRecord>> ListResultsInYears(UnitId unit, int first_year, int last_year) override {
    return Guard("list results", [&]() -> Result<std::vector<ResultRecord>> {
      // Period keys begin with their year ("2026", "2026-03", "2026-01/2026-10"), so a
      // year range is a key range.
      return LoadResults("WHERE unit_id = :id AND period >= '" + std::to_string(first_year) +
                             "' AND period < '" + std::to_string(last_year + 1) + "'",
                         unit);
    });
  }

  Result<int64_t> UnitsVersion() override {
    return Guard("units version", [&]() -> Result<int64_t> {
      long long v = 0;
      soci::indicator ind = soci::i_null;
      *sql_ << "SELECT MAX(id) FROM audit_log WHERE entity IN ('unit', 'units')", soci::into(v, ind);
      return static_cast<int64_t>(ind == soci::i_ok ? v : 0);
    });
  }
  Result<int64_t> DataVersion() override {
    return Guard("data version", [&]() -> Result<int64_t> {
      long long v = 0;
      soci::indicator ind = soci::i_null;
      *sql_ << "SELECT MAX(id) FROM audit_log", soci::into(v, ind);
      return static_cast<int64_t>(ind == soci::i_ok ? v : 0);
    });
  }
  Result<int64_t> SaveBody(const std::string& actor, const Body& body) override {
    return internal::SaveBody(db(), actor, body);
  }
  Result<std::vector<Body>> ListBodies(std::optional<UnitId> unit) override {
    return internal::ListBodies(db(), unit);
  }
  Status SavePlans(const std::string& actor, const std::vector<Plan>& plans) override {
    return internal::SavePlans(db(), actor, plans);
  }
  Result<std::vector<Plan>> ListPlans(std::optional<UnitId> unit) override {
    return internal::ListPlans(db(), unit);
  }
  Result<int64_t> SaveDocument(const std::string& actor, const StoredDocument& doc) override {
    return internal::SaveDocument(db(), actor, doc);
  }
  Result<StoredDocument> GetDocument(int64_t id) override { return internal::GetDocument(db(), id); }
  Result<std::vector<StoredDocument>> ListDocuments() override { return internal::ListDocuments(db()); }
  Result<int64_t> SaveMeeting(const std::string& actor, const Meeting& meeting) override {
    return internal::SaveMeeting(db(), actor, meeting);
  }
  Result<Meeting> GetMeeting(int64_t id) override { return internal::GetMeeting(db(), id); }
  Result<std::vector<Meeting>> ListMeetings(std::optional<UnitId> unit) override {
    return internal::ListMeetings(db(), unit);
  }
  Result<int64_t> SaveDirective(const std::string& actor, const Directive& directive) override {
    return internal::SaveDirective(db(), actor, directive);
  }
  Status AddDirectiveProgress(const std::string& actor, int64_t id, const DirectiveProgress& p) override {
    return internal::AddDirectiveProgress(db(), actor, id, p);
  }
  Result<Directive> GetDirective(int64_t id) override { return internal::GetDirective(db(), id); }
  Result<std::vector<Directive>> ListDirectives(const DirectiveFilter& filter) override {
    return internal::ListDirectives(db(), filter);
  }
  Result<int64_t> CreateUser(const std::string& actor, const User& user) override {
    return internal::CreateUser(db(), actor, user);
  }
  Status SetPassword(const std::string& actor, const std::string& username,
                     const std::string& hash) override {
    return internal::SetPassword(db(), actor, username, hash);
  }
  Status GrantRole(const std::string& actor, const std::string& username, const RoleGrant& grant) override {
    return internal::GrantRole(db(), actor, username, grant);
  }
  Status RevokeRoles(const std::string& actor, const std::string& username) override {
    return internal::RevokeRoles(db(), actor, username);
  }
  Result<User> FindUser(const std::string& username) override { return internal::FindUser(db(), username); }
  Result<User> GetUser(int64_t id) override { return internal::GetUser(db(), id); }
  Result<std::vector<User>> ListUsers() override { return internal::ListUsers(db()); }
  Status CreateSession(const std::string& actor, const SessionRecord& session) override {
    return internal::CreateSession(db(), actor, session);
  }
  Result<SessionRecord> FindSession(const std::string& token_hash) override {
    return internal::FindSession(db(), token_hash);
  }
  Status RevokeSession(const std::string& actor, const std::string& token_hash) override {
    return internal::RevokeSession(db(), actor, token_hash);
  }

  Result<std::vector<AuditEntry>> Audit(const std::string& entity, const std::string& entity_id) override {
    return Guard("audit", [&]() -> Result<std::vector<AuditEntry>> {
      std::vector<AuditEntry> out;
      AuditEntry e{};
      long long id = 0;
      soci::statement st =
          (sql_->prepare
               << "SELECT id, at, actor, action, entity, entity_id, old_value, new_value FROM audit_log "
                  "WHERE entity = :e AND entity_id = :i ORDER BY id",
           soci::use(entity), soci::use(entity_id), soci::into(id), soci::into(e.at), soci::into(e.actor),
           soci::into(e.action), soci::into(e.entity), soci::into(e.entity_id), soci::into(e.old_value),
           soci::into(e.new_value));
      st.execute();
      while (st.fetch()) {
        e.id = id;
        out.push_back(e);
      }
      return out;
    });
  }

  Result<int64_t> AuditCount() override {
    return Guard("audit", [&]() -> Result<int64_t> {
      long long n = 0;
      *sql_ << "SELECT COUNT(*) FROM audit_log", soci::into(n);
      return static_cast<int64_t>(n);
    });
  }

  Status Backup(const std::string& path) override {
    if (dialect_ == Dialect::kPostgres) {
      return FailedPrecondition(
          "backups of PostgreSQL are made with pg_dump (e.g. pg_dump -Fc DBNAME > FILE)",
          "sao lưu PostgreSQL bằng pg_dump (ví dụ pg_dump -Fc TÊN_CSDL > TỆP)");
    }
    return Guard("backup", [&]() -> Status {
      std::string quoted;
      for (char c : path) quoted += c == '\'' ? std::string("''") : std::string(1, c);
      *sql_ << "VACUUM INTO '" + quoted + "'";
      return Status::Ok();
    });
  }

 private:
  internal::Db db() { return {*sql_, dialect_}; }
  std::string ForUpdate() const { return dialect_ == Dialect::kPostgres ? " FOR UPDATE" : ""; }

  std::string IndicatorJson(const Indicator& i) {
    return JsonObject()
        .Add("name_vi", i.name_vi)
        .Add("name_en", i.name_en)
        .Add("unit", i.unit)
        .Add("direction", DirectionName(i.direction))
        .Add("spatial", SpatialAggregationName(i.spatial))
        .Add("time", TimeAggregationName(i.time))
        .str();
  }

  std::optional<Indicator> LoadIndicator(const std::string& code) {
    Indicator i;
    std::string vk, dir, sp, tm, aliases;
    int neg = 0;
    *sql_ << "SELECT code, name_vi, name_en, unit, grp, value_kind, direction, spatial, time_agg, "
             "allow_negative, "
             "aliases FROM indicators WHERE code = :c",
        soci::use(code), soci::into(i.code), soci::into(i.name_vi), soci::into(i.name_en), soci::into(i.unit),
        soci::into(i.group), soci::into(vk), soci::into(dir), soci::into(sp), soci::into(tm), soci::into(neg),
        soci::into(aliases);
    if (!sql_->got_data()) return std::nullopt;
    i.value_kind = ParseValueKind(vk).ok() ? *ParseValueKind(vk) : ValueKind::kNumber;
    i.direction = ParseDirection(dir).ok() ? *ParseDirection(dir) : Direction::kHigherIsBetter;
    i.spatial = ParseSpatialAggregation(sp).ok() ? *ParseSpatialAggregation(sp) : SpatialAggregation::kSum;
    i.time = ParseTimeAggregation(tm).ok() ? *ParseTimeAggregation(tm) : TimeAggregation::kFlow;
    i.allow_negative = neg != 0;
    i.aliases = SplitAliases(aliases);
    return i;
  }

  void WriteAudit(const std::string& actor, const std::string& action, const std::string& entity,
                  const std::string& entity_id, const std::string& old_value, const std::string& new_value) {
    internal::WriteAudit(*sql_, actor, action, entity, entity_id, old_value, new_value);
  }

  static std::string ResultJson(double value, const std::optional<double>& num,
                                const std::optional<double>& den, const std::string& status) {
    return JsonObject()
        .Add("value", value)
        .Add("numerator", num)
        .Add("denominator", den)
        .Add("status", status)
        .str();
  }

  // The indicator exists and the value fits it; the unit is stored.
  Status CheckResult(const Observation& obs) {
    soci::session& sql = *sql_;
    std::optional<Indicator> ind;
    if (batch_indicators_ != nullptr) {
      auto it = batch_indicators_->find(obs.indicator);
      if (it == batch_indicators_->end())
        it = batch_indicators_->emplace(obs.indicator, LoadIndicator(obs.indicator)).first;
      ind = it->second;
    } else {
      ind = LoadIndicator(obs.indicator);
    }
    if (!ind) {
      return NotFound("indicator " + obs.indicator + " is not in the catalogue",
                      "chỉ tiêu " + obs.indicator + " không có trong danh mục")
          .WithField("indicator");
    }
    RETURN_IF_ERROR(ValidateObservation(obs, *ind));
    long long unit = obs.unit;
    int unit_exists = 0;
    if (batch_units_ != nullptr && batch_units_->count(obs.unit) > 0) {
      unit_exists = (*batch_units_)[obs.unit] ? 1 : 0;
    } else {
      sql << "SELECT COUNT(*) FROM units WHERE id = :u", soci::use(unit), soci::into(unit_exists);
      if (batch_units_ != nullptr) (*batch_units_)[obs.unit] = unit_exists > 0;
    }
    if (unit_exists == 0) {
      return NotFound("unit " + std::to_string(obs.unit) + " is not stored",
                      "không có đơn vị số " + std::to_string(obs.unit))
          .WithField("unit");
    }
    return Status::Ok();
  }

  Result<int64_t> SaveResultInTransaction(const std::string& actor, const Observation& obs,
                                          const std::string& action) {
    RETURN_IF_ERROR(CheckResult(obs));
    soci::session& sql = *sql_;
    long long unit = obs.unit;
    std::string period = obs.period.Key();
    long long id = 0;
    std::string status;
    double old_value = 0;
    double old_num = 0, old_den = 0;
    int version = 0;
    soci::indicator id_ind = soci::i_null, num_ind = soci::i_null, den_ind = soci::i_null;
    sql << "SELECT id, status, value, numerator, denominator, version FROM results "
           "WHERE unit_id = :u AND indicator_code = :i AND period = :p" +
               ForUpdate(),
        soci::use(unit), soci::use(obs.indicator), soci::use(period), soci::into(id, id_ind),
        soci::into(status), soci::into(old_value), soci::into(old_num, num_ind), soci::into(old_den, den_ind),
        soci::into(version);
    bool exists = sql.got_data() && id_ind == soci::i_ok;
    std::string now = NowIso();
    double num = obs.numerator.value_or(0), den = obs.denominator.value_or(0);
    soci::indicator n_ind = obs.numerator ? soci::i_ok : soci::i_null;
    soci::indicator d_ind = obs.denominator ? soci::i_ok : soci::i_null;
    std::string qualifier = QualifierKey(obs.qualifier), prov = ProvenanceKindKey(obs.provenance.kind);
    int estimated = obs.estimated ? 1 : 0;
    long long sb = obs.provenance.span_begin, se = obs.provenance.span_end;
    soci::indicator sb_ind = sb >= 0 ? soci::i_ok : soci::i_null,
                    se_ind = se >= 0 ? soci::i_ok : soci::i_null;
    std::string new_json = ResultJson(obs.value, obs.numerator, obs.denominator, "draft");
    if (!exists) {
      sql << "INSERT INTO results(unit_id, indicator_code, period, value, numerator, denominator, qualifier, "
             "estimated, status, provenance_kind, provenance_source, span_begin, span_end, version, "
             "updated_at, "
             "updated_by) VALUES(:u, :i, :p, :v, :n, :d, :q, :e, 'draft', :pk, :ps, :sb, :se, 1, :at, :by) "
             "RETURNING id",
          soci::use(unit), soci::use(obs.indicator), soci::use(period), soci::use(obs.value),
          soci::use(num, n_ind), soci::use(den, d_ind), soci::use(qualifier), soci::use(estimated),
          soci::use(prov), soci::use(obs.provenance.source), soci::use(sb, sb_ind), soci::use(se, se_ind),
          soci::use(now), soci::use(actor), soci::into(id);
      WriteAudit(actor, action, "result", std::to_string(id), "", new_json);
      return static_cast<int64_t>(id);
    }
    if (status == "approved") {
      return FailedPrecondition("result " + std::to_string(id) + " (" + obs.indicator + " " + period +
                                    ") is approved; reopen it before changing it",
                                "kết quả số " + std::to_string(id) + " (" + obs.indicator + " " + period +
                                    ") đã được duyệt; hãy mở lại trước khi sửa")
          .WithField("status");
    }
    std::optional<double> on = num_ind == soci::i_ok ? std::optional(old_num) : std::nullopt;
    std::optional<double> od = den_ind == soci::i_ok ? std::optional(old_den) : std::nullopt;
    sql << "INSERT INTO result_history(result_id, version, value, numerator, denominator, status, "
           "changed_at, "
           "changed_by, reason) VALUES(:r, :v, :val, :n, :d, :s, :at, :by, '')",
        soci::use(id), soci::use(version), soci::use(old_value), soci::use(old_num, num_ind),
        soci::use(old_den, den_ind), soci::use(status), soci::use(now), soci::use(actor);
    int next = version + 1;
    sql << "UPDATE results SET value = :v, numerator = :n, denominator = :d, qualifier = :q, estimated = :e, "
           "status = 'draft', provenance_kind = :pk, provenance_source = :ps, span_begin = :sb, span_end = "
           ":se, "
           "version = :ver, updated_at = :at, updated_by = :by WHERE id = :id",
        soci::use(obs.value), soci::use(num, n_ind), soci::use(den, d_ind), soci::use(qualifier),
        soci::use(estimated), soci::use(prov), soci::use(obs.provenance.source), soci::use(sb, sb_ind),
        soci::use(se, se_ind), soci::use(next), soci::use(now), soci::use(actor), soci::use(id);
    WriteAudit(actor, action == "create" ? "update" : action, "result", std::to_string(id),
               ResultJson(old_value, on, od, status), new_json);
    return static_cast<int64_t>(id);
  }

  Status Transition(const std::string& actor, int64_t id, ResultStatus from, ResultStatus to,
                    const std::string& action, const std::string& reason) {
    return Guard(action + " result", [&]() -> Status {
      soci::session& sql = *sql_;
      WriteTx tr(sql, dialect_);
      long long rid = id;
      std::string status;
      double value = 0;
      int version = 0;
      sql << "SELECT status, value, version FROM results WHERE id = :id" + ForUpdate(), soci::use(rid),
          soci::into(status), soci::into(value), soci::into(version);
      if (!sql.got_data()) {
        return NotFound("result " + std::to_string(id) + " does not exist",
                        "không có kết quả số " + std::to_string(id));
      }
      if (ParseStatus(status) != from) {
        return FailedPrecondition("result " + std::to_string(id) + " is " + status + "; only a " +
                                      ResultStatusKey(from) + " result can be " + action + "ed",
                                  "kết quả số " + std::to_string(id) + " đang ở trạng thái " + status +
                                      "; chỉ kết quả " + ResultStatusKey(from) + " mới thực hiện được")
            .WithField("status");
      }
      std::string now = NowIso(), next = ResultStatusKey(to);
      if (action == "reopen") {
        sql << "INSERT INTO result_history(result_id, version, value, status, changed_at, changed_by, "
               "reason) "
               "VALUES(:r, :v, :val, :s, :at, :by, :why)",
            soci::use(rid), soci::use(version), soci::use(value), soci::use(status), soci::use(now),
            soci::use(actor), soci::use(reason);
      }
      sql << "UPDATE results SET status = :s, updated_at = :at, updated_by = :by WHERE id = :id",
          soci::use(next), soci::use(now), soci::use(actor), soci::use(rid);
      JsonObject after;
      after.Add("status", next);
      if (!reason.empty()) after.Add("reason", reason);
      WriteAudit(actor, action, "result", std::to_string(id), JsonObject().Add("status", status).str(),
                 after.str());
      tr.Commit();
      return Status::Ok();
    });
  }

  std::vector<ResultRecord> LoadResults(const std::string& where, long long arg) {
    std::vector<ResultRecord> out;
    long long id = 0, unit = 0, sb = 0, se = 0;
    std::string indicator, period, qualifier, status, prov, source, at, by;
    double value = 0, num = 0, den = 0;
    int estimated = 0, version = 0;
    soci::indicator n_ind, d_ind, sb_ind, se_ind;
    soci::statement st =
        (sql_->prepare
             << "SELECT id, unit_id, indicator_code, period, value, numerator, denominator, qualifier, "
                "estimated, status, provenance_kind, provenance_source, span_begin, span_end, version, "
                "updated_at, updated_by FROM results " +
                    where + " ORDER BY id",
         soci::use(arg), soci::into(id), soci::into(unit), soci::into(indicator), soci::into(period),
         soci::into(value), soci::into(num, n_ind), soci::into(den, d_ind), soci::into(qualifier),
         soci::into(estimated), soci::into(status), soci::into(prov), soci::into(source),
         soci::into(sb, sb_ind), soci::into(se, se_ind), soci::into(version), soci::into(at), soci::into(by));
    st.execute();
    while (st.fetch()) {
      ResultRecord r;
      r.id = id;
      r.observation.unit = unit;
      r.observation.indicator = indicator;
      Result<Period> p = Period::Parse(period);
      if (p.ok()) r.observation.period = *p;
      r.observation.value = value;
      if (n_ind == soci::i_ok) r.observation.numerator = num;
      if (d_ind == soci::i_ok) r.observation.denominator = den;
      r.observation.qualifier =
          ParseQualifier(qualifier).ok() ? *ParseQualifier(qualifier) : Qualifier::kExact;
      r.observation.estimated = estimated != 0;
      r.observation.provenance.kind = prov == "document" ? ProvenanceKind::kDocument
                                      : prov == "import" ? ProvenanceKind::kImport
                                                         : ProvenanceKind::kForm;
      r.observation.provenance.source = source;
      r.observation.provenance.span_begin = sb_ind == soci::i_ok ? sb : -1;
      r.observation.provenance.span_end = se_ind == soci::i_ok ? se : -1;
      r.status = ParseStatus(status);
      r.version = version;
      r.updated_at = at;
      r.updated_by = by;
      out.push_back(r);
    }
    return out;
  }

  std::unique_ptr<soci::session> sql_;
  Dialect dialect_;
  // Set while SaveResults runs: lookups that cannot change inside its transaction.
  std::map<std::string, std::optional<Indicator>>* batch_indicators_ = nullptr;
  std::map<UnitId, bool>* batch_units_ = nullptr;
};

}  // namespace

const char* ResultStatusKey(ResultStatus s) {
  switch (s) {
    case ResultStatus::kDraft: return "draft";
    case ResultStatus::kSubmitted: return "submitted";
    case ResultStatus::kApproved: return "approved";
  }
  return "draft";
}

// "postgresql://user:pw@host:port/db?sslmode=disable" -> libpq key=value form.
std::string PostgresConnInfo(const std::string& url) {
  std::string rest = url.substr(url.find("://") + 3);
  std::string params;
  if (size_t q = rest.find('?'); q != std::string::npos) {
    params = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  std::string db;
  if (size_t slash = rest.find('/'); slash != std::string::npos) {
    db = rest.substr(slash + 1);
    rest = rest.substr(0, slash);
  }
  std::string user, password;
  if (size_t at = rest.rfind('@'); at != std::string::npos) {
    user = rest.substr(0, at);
    rest = rest.substr(at + 1);
    if (size_t colon = user.find(':'); colon != std::string::npos) {
      password = user.substr(colon + 1);
      user = user.substr(0, colon);
    }
  }
  std::string host = rest, port;
  if (size_t colon = rest.rfind(':'); colon != std::string::npos && rest.find(']') == std::string::npos) {
    host = rest.substr(0, colon);
    port = rest.substr(colon + 1);
  }
  auto quote = [](const std::string& v) {
    std::string out = "'";
    for (char c : v) {
      if (c == '\\' || c == '\'') out += '\\';
      out += c;
    }
    return out + "'";
  };
  std::string info;
  auto add = [&](const char* key, const std::string& value) {
    if (!value.empty()) info += std::string(info.empty() ? "" : " ") + key + "=" + quote(value);
  };
  add("host", host);
  add("port", port);
  add("user", user);
  add("password", password);
  add("dbname", db);
  size_t start = 0;
  while (start < params.size()) {
    size_t amp = params.find('&', start);
    std::string kv = params.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
    if (size_t eq = kv.find('='); eq != std::string::npos) add(kv.substr(0, eq).c_str(), kv.substr(eq + 1));
    if (amp == std::string::npos) break;
    start = amp + 1;
  }
  return info;
}

Result<std::unique_ptr<Store>> Store::Open(const StoreOptions& options) {
  const std::string& url = options.url;
  bool pg = url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
  try {
    if (pg) {
      auto session = std::make_unique<soci::session>(soci::postgresql, PostgresConnInfo(url));
      return std::unique_ptr<Store>(new SociStore(std::move(session), Dialect::kPostgres));
    }
    std::string conn =
        "db=" + url + " timeout=" + std::to_string(std::max(1, options.busy_timeout_ms / 1000));
    auto session = std::make_unique<soci::session>(soci::sqlite3, conn);
    // Durability and integrity: WAL with full sync, foreign keys enforced.
    *session << "PRAGMA journal_mode=WAL";
    *session << "PRAGMA synchronous=FULL";
    *session << "PRAGMA foreign_keys=ON";
    *session << "PRAGMA busy_timeout=" + std::to_string(options.busy_timeout_ms);
    return std::unique_ptr<Store>(new SociStore(std::move(session), Dialect::kSqlite));
  } catch (const std::exception& e) {
    std::string msg = e.what();
    return Status(StatusCode::kUnavailable, "cannot open the database " + url + ": " + msg,
                  "không mở được cơ sở dữ liệu " + url + ": " + msg);
  }
}

}  // namespace kiemdem::store
