// The audit log read back, and the data versions taken from it.
#include "store/internal/areas.h"

namespace kiemdem::store::internal {
namespace {

// The row mapper of `audit_log`.
struct AuditRow {
  static constexpr std::string_view kColumns =
      "id, at, actor, action, entity, entity_id, old_value, new_value";
  long long id = 0;
  AuditEntry e{};

  void Into(soci::statement& st) {
    st.exchange(soci::into(id));
    for (std::string* s : {&e.at, &e.actor, &e.action, &e.entity, &e.entity_id, &e.old_value, &e.new_value}) {
      st.exchange(soci::into(*s));
    }
  }
  AuditEntry Decode() const {
    AuditEntry out = e;
    out.id = id;
    return out;
  }
};

class SqlAuditStore final : public AuditStore {
 public:
  explicit SqlAuditStore(Db db) : db_(db) {}

  Result<std::vector<AuditEntry>> Audit(const std::string& entity, const std::string& entity_id) override {
    return Guard("audit", [&]() -> Result<std::vector<AuditEntry>> {
      std::vector<AuditEntry> out;
      AuditRow row;
      Query q(db_.sql, "SELECT " + std::string(AuditRow::kColumns) +
                           " FROM audit_log WHERE entity = :e AND entity_id = :i ORDER BY id");
      q.Use(entity).Use(entity_id).IntoRow(row).Execute();
      while (q.Next()) out.push_back(row.Decode());
      return out;
    });
  }

  Result<int64_t> AuditCount() override {
    return Guard("audit", [&]() -> Result<int64_t> {
      long long n = 0;
      db_.sql << "SELECT COUNT(*) FROM audit_log", soci::into(n);
      return static_cast<int64_t>(n);
    });
  }

  Result<int64_t> DataVersion() override {
    return Guard("data version", [&]() -> Result<int64_t> { return MaxId("SELECT MAX(id) FROM audit_log"); });
  }

  Result<std::vector<Change>> ChangesAfter(int64_t after_id, int limit) override {
    return Guard("audit", [&]() -> Result<std::vector<Change>> {
      std::vector<Change> out;
      long long id = 0;
      long long after = after_id;
      Change c;
      Query q(db_.sql, "SELECT id, entity, entity_id FROM audit_log WHERE id > :a ORDER BY id LIMIT " +
                           std::to_string(std::max(limit, 1)));
      q.Use(after).Into(id).Into(c.entity).Into(c.entity_id).Execute();
      while (q.Next()) {
        c.id = id;
        out.push_back(c);
      }
      return out;
    });
  }

  Result<int64_t> UnitsVersion() override {
    return Guard("units version", [&]() -> Result<int64_t> {
      return MaxId("SELECT MAX(id) FROM audit_log WHERE entity IN ('unit', 'units')");
    });
  }

 private:
  int64_t MaxId(const std::string& query) {
    long long v = 0;
    soci::indicator ind = soci::i_null;
    db_.sql << query, soci::into(v, ind);
    return static_cast<int64_t>(ind == soci::i_ok ? v : 0);
  }

  Db db_;
};

}  // namespace

std::unique_ptr<AuditStore> NewAuditStore(Db db) { return std::make_unique<SqlAuditStore>(db); }

}  // namespace kiemdem::store::internal
