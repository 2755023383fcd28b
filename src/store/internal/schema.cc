#include "store/internal/schema.h"

namespace kiemdem::store::internal {
namespace {

std::string Fill(std::string sql, Dialect d) {
  auto replace = [&](const std::string& from, const std::string& to) {
    for (size_t p = sql.find(from); p != std::string::npos; p = sql.find(from, p + to.size())) {
      sql.replace(p, from.size(), to);
    }
  };
  replace("{ID}", d == Dialect::kSqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGSERIAL PRIMARY KEY");
  replace("{REAL}", d == Dialect::kSqlite ? "REAL" : "DOUBLE PRECISION");
  replace("{BIGINT}", d == Dialect::kSqlite ? "INTEGER" : "BIGINT");
  return sql;
}

// Version 1: every entity of the core.
const char* kInitial[] = {
    R"(CREATE TABLE users (
      id {ID}, username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL DEFAULT '',
      password_hash TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL))",
    R"(CREATE TABLE units (
      id {ID}, code TEXT NOT NULL, name TEXT NOT NULL, full_name TEXT NOT NULL, unit_type TEXT NOT NULL,
      parent_id {BIGINT} REFERENCES units(id), valid_from TEXT, valid_to TEXT))",
    "CREATE UNIQUE INDEX units_code_from ON units(code, COALESCE(valid_from, ''))",
    R"(CREATE TABLE unit_versions (
      id {ID}, unit_id {BIGINT} NOT NULL REFERENCES units(id), valid_from TEXT NOT NULL,
      name TEXT NOT NULL, full_name TEXT NOT NULL, unit_type TEXT NOT NULL))",
    R"(CREATE TABLE successions (
      id {ID}, predecessor_id {BIGINT} NOT NULL REFERENCES units(id),
      successor_id {BIGINT} NOT NULL REFERENCES units(id), effective TEXT NOT NULL,
      coverage TEXT NOT NULL CHECK (coverage IN ('full', 'partial')), basis TEXT NOT NULL DEFAULT '',
      UNIQUE (predecessor_id, successor_id)))",
    R"(CREATE TABLE bodies (
      id {ID}, unit_id {BIGINT} NOT NULL REFERENCES units(id), kind TEXT NOT NULL, name TEXT NOT NULL))",
    R"(CREATE TABLE indicators (
      code TEXT PRIMARY KEY, name_vi TEXT NOT NULL, name_en TEXT NOT NULL, unit TEXT NOT NULL,
      grp TEXT NOT NULL, value_kind TEXT NOT NULL, direction TEXT NOT NULL, spatial TEXT NOT NULL,
      time_agg TEXT NOT NULL, allow_negative INTEGER NOT NULL, aliases TEXT NOT NULL))",
    R"(CREATE TABLE documents (
      id {ID}, doc_type TEXT NOT NULL, number TEXT NOT NULL DEFAULT '', code TEXT NOT NULL DEFAULT '',
      issued TEXT, issuer TEXT NOT NULL DEFAULT '', title TEXT NOT NULL DEFAULT '',
      body_text TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL))",
    R"(CREATE TABLE plans (
      id {ID}, unit_id {BIGINT} NOT NULL REFERENCES units(id), body_id {BIGINT} REFERENCES bodies(id),
      body_kind TEXT NOT NULL, assigned_by_superior INTEGER NOT NULL, first_year INTEGER NOT NULL,
      last_year INTEGER NOT NULL, resolution_code TEXT NOT NULL DEFAULT '', resolution_date TEXT,
      document_id {BIGINT} REFERENCES documents(id)))",
    R"(CREATE TABLE targets (
      id {ID}, plan_id {BIGINT} NOT NULL REFERENCES plans(id), indicator_code TEXT NOT NULL REFERENCES indicators(code),
      year INTEGER NOT NULL, comparator TEXT NOT NULL, value {REAL} NOT NULL, value_high {REAL},
      UNIQUE (plan_id, indicator_code, year)))",
    R"(CREATE TABLE results (
      id {ID}, unit_id {BIGINT} NOT NULL REFERENCES units(id),
      indicator_code TEXT NOT NULL REFERENCES indicators(code), period TEXT NOT NULL, value {REAL} NOT NULL,
      numerator {REAL}, denominator {REAL}, qualifier TEXT NOT NULL, estimated INTEGER NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'approved')),
      provenance_kind TEXT NOT NULL, provenance_source TEXT NOT NULL DEFAULT '',
      span_begin {BIGINT}, span_end {BIGINT}, document_id {BIGINT} REFERENCES documents(id),
      version INTEGER NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
      UNIQUE (unit_id, indicator_code, period)))",
    R"(CREATE TABLE result_history (
      id {ID}, result_id {BIGINT} NOT NULL REFERENCES results(id), version INTEGER NOT NULL,
      value {REAL} NOT NULL, numerator {REAL}, denominator {REAL}, status TEXT NOT NULL,
      changed_at TEXT NOT NULL, changed_by TEXT NOT NULL, reason TEXT NOT NULL DEFAULT ''))",
    R"(CREATE TABLE meetings (
      id {ID}, held_on TEXT, host TEXT NOT NULL DEFAULT '', unit_id {BIGINT} REFERENCES units(id),
      chair TEXT NOT NULL DEFAULT '', attendees TEXT NOT NULL DEFAULT '', conclusions TEXT NOT NULL DEFAULT '',
      document_id {BIGINT} REFERENCES documents(id)))",
    R"(CREATE TABLE directives (
      id {ID}, meeting_id {BIGINT} REFERENCES meetings(id), text TEXT NOT NULL, assignee TEXT NOT NULL DEFAULT '',
      assignee_unit_id {BIGINT} REFERENCES units(id), cooperating TEXT NOT NULL DEFAULT '', deadline TEXT,
      status TEXT NOT NULL, indicator_code TEXT REFERENCES indicators(code), created_at TEXT NOT NULL))",
    R"(CREATE TABLE directive_events (
      id {ID}, directive_id {BIGINT} NOT NULL REFERENCES directives(id), at TEXT NOT NULL, actor TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '', status TEXT NOT NULL, evidence_document_id {BIGINT} REFERENCES documents(id),
      evidence_result_id {BIGINT} REFERENCES results(id)))",
    R"(CREATE TABLE audit_log (
      id {ID}, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, entity TEXT NOT NULL,
      entity_id TEXT NOT NULL, old_value TEXT NOT NULL DEFAULT '', new_value TEXT NOT NULL DEFAULT ''))",
    "CREATE INDEX audit_entity ON audit_log(entity, entity_id)",
};

// The audit log is append-only: the database itself refuses UPDATE and DELETE.
const char* kAppendOnlySqlite[] = {
    "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log BEGIN "
    "SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log BEGIN "
    "SELECT RAISE(ABORT, 'audit_log is append-only'); END",
};
const char* kAppendOnlyPostgres[] = {
    "CREATE FUNCTION audit_append_only() RETURNS trigger AS $$ BEGIN "
    "RAISE EXCEPTION 'audit_log is append-only'; END $$ LANGUAGE plpgsql",
    "CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION audit_append_only()",
    "CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit_log "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()",
};

// Version 3: what working sessions, directives and accounts need.
const char* kSessionsAndAccounts[] = {
    "ALTER TABLE documents ADD COLUMN unit_id {BIGINT} REFERENCES units(id)",
    "ALTER TABLE directives ADD COLUMN issuer TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE directives ADD COLUMN assignee_kind TEXT NOT NULL DEFAULT 'body'",
    "ALTER TABLE directives ADD COLUMN completed_on TEXT",
    "ALTER TABLE directive_events ADD COLUMN on_date TEXT",
    "ALTER TABLE directive_events ADD COLUMN completes INTEGER NOT NULL DEFAULT 0",
    R"(CREATE TABLE meeting_documents (
      meeting_id {BIGINT} NOT NULL REFERENCES meetings(id), document_id {BIGINT} NOT NULL REFERENCES documents(id),
      PRIMARY KEY (meeting_id, document_id)))",
    "ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0",
    R"(CREATE TABLE user_roles (
      id {ID}, user_id {BIGINT} NOT NULL REFERENCES users(id), role TEXT NOT NULL
      CHECK (role IN ('viewer', 'reporter', 'approver', 'admin')), unit_id {BIGINT} REFERENCES units(id)))",
    R"(CREATE TABLE sessions (
      token_hash TEXT PRIMARY KEY, user_id {BIGINT} NOT NULL REFERENCES users(id),
      kind TEXT NOT NULL CHECK (kind IN ('session', 'api')), csrf TEXT NOT NULL DEFAULT '',
      label TEXT NOT NULL DEFAULT '', created_at {BIGINT} NOT NULL, expires_at {BIGINT} NOT NULL,
      revoked INTEGER NOT NULL DEFAULT 0))",
    "CREATE INDEX results_unit_period ON results(unit_id, period)",
    "CREATE INDEX targets_plan ON targets(plan_id)",
    "CREATE INDEX plans_unit ON plans(unit_id)",
    "CREATE INDEX directives_meeting ON directives(meeting_id)",
    "CREATE INDEX units_parent ON units(parent_id)",
};

// Version 4: the newest write of each kind of entity, found without a scan
// (servers follow the units' version to reload their unit tree).
const char* kAuditByEntity[] = {
    "CREATE INDEX audit_entity_latest ON audit_log(entity, id)",
};

// Version 5: a figure sent back keeps the approver's comment for the reporter
// who submitted it, until it is submitted again.
const char* kReturnedFigures[] = {
    "ALTER TABLE results ADD COLUMN returned_to TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE results ADD COLUMN return_comment TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE results ADD COLUMN returned_by TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE results ADD COLUMN returned_at TEXT NOT NULL DEFAULT ''",
};

// Version 6: a directive may carry several deadlines (milestones before the
// final one, a line each) or be a standing duty ("thường xuyên").
const char* kDirectiveDeadlines[] = {
    "ALTER TABLE directives ADD COLUMN milestones TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE directives ADD COLUMN standing INTEGER NOT NULL DEFAULT 0",
};

// Version 7: a target written as a change from last year ("tăng 10,5% so với
// năm trước", "giảm 0,43 điểm %"), worked out when last year's result is known.
const char* kTargetForms[] = {
    "ALTER TABLE targets ADD COLUMN form TEXT NOT NULL DEFAULT 'level' "
    "CHECK (form IN ('level', 'growth_percent', 'change_points'))",
};

// Version 8: reminders an approver sends from the completeness board to the
// units below that are late or due with a period's report.
const char* kReminders[] = {
    R"(CREATE TABLE reminders (
      id {ID}, unit_id {BIGINT} NOT NULL REFERENCES units(id), period TEXT NOT NULL,
      from_unit_id {BIGINT} NOT NULL REFERENCES units(id), reason TEXT NOT NULL CHECK (reason IN ('late', 'due')),
      send_by TEXT NOT NULL, sent_by TEXT NOT NULL, sent_at TEXT NOT NULL))",
    "CREATE INDEX reminders_unit ON reminders(unit_id, id)",
};

// Version 9: a user's e-mail address, where reminders are sent when the
// server has an SMTP relay ('' for none).
const char* kUserEmail[] = {
    "ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT ''",
};

// Version 10: the indicator whose value weighs a mean across units (income
// per head by population); '' for a plain mean.
const char* kIndicatorWeight[] = {
    "ALTER TABLE indicators ADD COLUMN weight_by TEXT NOT NULL DEFAULT ''",
};

// Version 11: a target adjusted during the year (dự toán điều chỉnh bổ
// sung), judged on the adjusted level with the first one kept beside it.
const char* kAdjustedTargets[] = {
    "ALTER TABLE targets ADD COLUMN adjusted {REAL}",
    "ALTER TABLE targets ADD COLUMN adjusted_by TEXT NOT NULL DEFAULT ''",
};

// Version 12: a target written against the one assigned from above ("vượt 5%
// chỉ tiêu cấp trên giao"), a fourth form. SQLite cannot change a CHECK in
// place, so its table is rebuilt with the same rows and ids.
const char* kAboveAssignedSqlite[] = {
    R"(CREATE TABLE targets_v12 (
      id {ID}, plan_id {BIGINT} NOT NULL REFERENCES plans(id), indicator_code TEXT NOT NULL REFERENCES indicators(code),
      year INTEGER NOT NULL, comparator TEXT NOT NULL, value {REAL} NOT NULL, value_high {REAL},
      form TEXT NOT NULL DEFAULT 'level'
        CHECK (form IN ('level', 'growth_percent', 'change_points', 'above_assigned_percent')),
      adjusted {REAL}, adjusted_by TEXT NOT NULL DEFAULT '',
      UNIQUE (plan_id, indicator_code, year)))",
    R"(INSERT INTO targets_v12(id, plan_id, indicator_code, year, comparator, value, value_high, form,
        adjusted, adjusted_by)
      SELECT id, plan_id, indicator_code, year, comparator, value, value_high, form, adjusted, adjusted_by
      FROM targets)",
    "DROP TABLE targets",
    "ALTER TABLE targets_v12 RENAME TO targets",
    "CREATE INDEX targets_plan ON targets(plan_id)",
};
const char* kAboveAssignedPostgres[] = {
    "ALTER TABLE targets DROP CONSTRAINT targets_form_check",
    "ALTER TABLE targets ADD CONSTRAINT targets_form_check "
    "CHECK (form IN ('level', 'growth_percent', 'change_points', 'above_assigned_percent'))",
};

}  // namespace

std::vector<Migration> Migrations(Dialect d) {
  Migration initial{1, "initial schema", {}};
  for (const char* s : kInitial) initial.statements.push_back(Fill(s, d));
  Migration audit{2, "append-only audit log", {}};
  if (d == Dialect::kSqlite) {
    for (const char* s : kAppendOnlySqlite) audit.statements.emplace_back(s);
  } else {
    for (const char* s : kAppendOnlyPostgres) audit.statements.emplace_back(s);
  }
  Migration accounts{3, "working sessions, directives and accounts", {}};
  for (const char* s : kSessionsAndAccounts) accounts.statements.push_back(Fill(s, d));
  Migration by_entity{4, "index of the audit log by entity and id", {}};
  for (const char* s : kAuditByEntity) by_entity.statements.push_back(Fill(s, d));
  Migration returned{5, "the comment on a figure sent back, for its reporter", {}};
  for (const char* s : kReturnedFigures) returned.statements.push_back(Fill(s, d));
  Migration deadlines{6, "several deadlines of a directive, and standing duties", {}};
  for (const char* s : kDirectiveDeadlines) deadlines.statements.push_back(Fill(s, d));
  Migration forms{7, "targets written as a change from last year", {}};
  for (const char* s : kTargetForms) forms.statements.push_back(Fill(s, d));
  Migration reminders{8, "reminders to the units late with a report", {}};
  for (const char* s : kReminders) reminders.statements.push_back(Fill(s, d));
  Migration email{9, "a user's e-mail address for reminders", {}};
  for (const char* s : kUserEmail) email.statements.push_back(Fill(s, d));
  Migration weight{10, "the base that weighs a mean across units", {}};
  for (const char* s : kIndicatorWeight) weight.statements.push_back(Fill(s, d));
  Migration adjusted{11, "targets adjusted during the year", {}};
  for (const char* s : kAdjustedTargets) adjusted.statements.push_back(Fill(s, d));
  Migration above{12, "targets written against the one assigned from above", {}};
  if (d == Dialect::kSqlite) {
    for (const char* s : kAboveAssignedSqlite) above.statements.push_back(Fill(s, d));
  } else {
    for (const char* s : kAboveAssignedPostgres) above.statements.push_back(Fill(s, d));
  }
  return {initial, audit,     accounts, by_entity, returned, deadlines,
          forms,   reminders, email,    weight,    adjusted, above};
}

}  // namespace kiemdem::store::internal
