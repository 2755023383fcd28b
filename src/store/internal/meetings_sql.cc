// Working sessions and their directives with dated progress notes.
#include "store/internal/areas.h"
#include "store/internal/json_text.h"

namespace kiemdem::store::internal {
namespace {

std::string MeetingJson(const Meeting& m) {
  return JsonObject()
      .Add("held_on", m.held_on.ToIso())
      .Add("host", m.host)
      .Add("unit", static_cast<double>(m.unit))
      .Add("chair", m.chair)
      .Add("attendees", JoinLines(m.attendees))
      .Add("conclusions", m.conclusions)
      .str();
}

// Milestones in one text column, a line each: "due<TAB>delivered<TAB>what"
// with ISO dates (delivered empty while open).
std::string EncodeMilestones(const std::vector<Milestone>& milestones) {
  std::string out;
  for (const Milestone& m : milestones) {
    std::string what = m.what;
    for (char& c : what) {
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    }
    if (!out.empty()) out += '\n';
    out += m.on.ToIso() + '\t' + Iso(m.done_on) + '\t' + what;
  }
  return out;
}

Result<std::vector<Milestone>> DecodeMilestones(const std::string& text, const std::string& row) {
  std::vector<Milestone> out;
  for (const std::string& line : SplitLines(text)) {
    size_t a = line.find('\t');
    size_t b = a == std::string::npos ? a : line.find('\t', a + 1);
    if (b == std::string::npos) return Undecodable("directives", row, "milestones", line);
    Milestone m;
    ASSIGN_OR_RETURN(std::optional<Date> on,
                     DecodeDate(line.substr(0, a), soci::i_ok, "directives", row, "milestones"));
    if (!on) return Undecodable("directives", row, "milestones", line);
    m.on = *on;
    ASSIGN_OR_RETURN(m.done_on,
                     DecodeDate(line.substr(a + 1, b - a - 1), soci::i_ok, "directives", row, "milestones"));
    m.what = line.substr(b + 1);
    out.push_back(std::move(m));
  }
  return out;
}

std::string DirectiveJson(const Directive& d) {
  return JsonObject()
      .Add("meeting", static_cast<double>(d.meeting))
      .Add("issuer", d.issuer)
      .Add("text", d.text)
      .Add("assignee_kind", AssigneeKindKey(d.assignee.kind))
      .Add("assignee", d.assignee.name)
      .Add("assignee_unit", static_cast<double>(d.assignee.unit))
      .Add("cooperating", JoinLines(d.cooperating))
      .Add("deadline", Iso(d.deadline))
      .Add("milestones", EncodeMilestones(d.milestones))
      .Add("standing", d.standing ? "true" : "false")
      .Add("completed_on", Iso(d.completed_on))
      .Add("indicator", d.indicator)
      .str();
}

Result<std::vector<Meeting>> LoadMeetings(soci::session& sql, const std::string& where, long long arg) {
  std::vector<Meeting> out;
  {
    long long id = 0, unit = 0;
    std::string held, host, chair, attendees, conclusions;
    soci::indicator held_ind = soci::i_null, unit_ind = soci::i_null;
    soci::statement st =
        (sql.prepare << "SELECT id, held_on, host, unit_id, chair, attendees, conclusions "
                        "FROM meetings " +
                            where + " ORDER BY held_on DESC, id DESC",
         soci::use(arg), soci::into(id), soci::into(held, held_ind), soci::into(host),
         soci::into(unit, unit_ind), soci::into(chair), soci::into(attendees), soci::into(conclusions));
    st.execute();
    while (st.fetch()) {
      Meeting m;
      m.id = id;
      ASSIGN_OR_RETURN(std::optional<Date> on,
                       DecodeDate(held, held_ind, "meetings", std::to_string(id), "held_on"));
      if (!on) return Undecodable("meetings", std::to_string(id), "held_on", "");  // a session has a date
      m.held_on = *on;
      m.host = host;
      m.unit = unit_ind == soci::i_ok ? unit : kNoUnit;
      m.chair = chair;
      m.attendees = SplitLines(attendees);
      m.conclusions = conclusions;
      out.push_back(std::move(m));
    }
  }
  for (Meeting& m : out) {
    long long doc = 0, mid = m.id;
    soci::statement st = (sql.prepare << "SELECT document_id FROM meeting_documents WHERE meeting_id = :m "
                                         "ORDER BY document_id",
                          soci::use(mid), soci::into(doc));
    st.execute();
    while (st.fetch()) m.documents.push_back(doc);
  }
  return out;
}

Status LoadProgress(soci::session& sql, Directive* d) {
  long long did = d->id, event = 0, doc = 0, result = 0;
  std::string on, actor, note;
  int completes = 0;
  soci::indicator on_ind = soci::i_null, doc_ind = soci::i_null, result_ind = soci::i_null;
  soci::statement st =
      (sql.prepare << "SELECT id, on_date, actor, note, completes, evidence_document_id, evidence_result_id "
                      "FROM directive_events WHERE directive_id = :d ORDER BY id",
       soci::use(did), soci::into(event), soci::into(on, on_ind), soci::into(actor), soci::into(note),
       soci::into(completes), soci::into(doc, doc_ind), soci::into(result, result_ind));
  st.execute();
  while (st.fetch()) {
    DirectiveProgress p;
    ASSIGN_OR_RETURN(std::optional<Date> day,
                     DecodeDate(on, on_ind, "directive_events", std::to_string(event), "on_date"));
    if (!day) return Undecodable("directive_events", std::to_string(event), "on_date", "");
    p.on = *day;
    p.actor = actor;
    p.note = note;
    p.completes = completes != 0;
    if (doc_ind == soci::i_ok) p.evidence_document = doc;
    if (result_ind == soci::i_ok) p.evidence_result = result;
    d->progress.push_back(std::move(p));
  }
  return Status::Ok();
}

Result<std::vector<Directive>> LoadDirectives(soci::session& sql, const std::string& where,
                                              const std::vector<std::string>& args) {
  std::vector<Directive> out;
  {
    long long id = 0, meeting = 0, unit = 0;
    std::string issuer, text, kind, assignee, cooperating, deadline, completed, indicator, milestones;
    int standing = 0;
    soci::indicator meeting_ind = soci::i_null, unit_ind = soci::i_null, deadline_ind = soci::i_null,
                    completed_ind = soci::i_null, indicator_ind = soci::i_null;
    soci::statement st(sql);
    st.alloc();
    st.prepare(
        "SELECT id, meeting_id, issuer, text, assignee_kind, assignee, assignee_unit_id, cooperating, "
        "deadline, completed_on, indicator_code, milestones, standing FROM directives " +
        where + " ORDER BY id");
    for (const std::string& a : args) st.exchange(soci::use(a));
    st.exchange(soci::into(id));
    st.exchange(soci::into(meeting, meeting_ind));
    st.exchange(soci::into(issuer));
    st.exchange(soci::into(text));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(assignee));
    st.exchange(soci::into(unit, unit_ind));
    st.exchange(soci::into(cooperating));
    st.exchange(soci::into(deadline, deadline_ind));
    st.exchange(soci::into(completed, completed_ind));
    st.exchange(soci::into(indicator, indicator_ind));
    st.exchange(soci::into(milestones));
    st.exchange(soci::into(standing));
    st.define_and_bind();
    st.execute();
    while (st.fetch()) {
      Directive d;
      d.id = id;
      d.meeting = meeting_ind == soci::i_ok ? meeting : 0;
      d.issuer = issuer;
      d.text = text;
      std::string row = std::to_string(id);
      ASSIGN_OR_RETURN(d.assignee.kind,
                       DecodeKey(ParseAssigneeKind(kind), "directives", row, "assignee_kind", kind));
      d.assignee.name = assignee;
      d.assignee.unit = unit_ind == soci::i_ok ? unit : kNoUnit;
      d.cooperating = SplitLines(cooperating);
      ASSIGN_OR_RETURN(d.deadline, DecodeDate(deadline, deadline_ind, "directives", row, "deadline"));
      ASSIGN_OR_RETURN(d.completed_on,
                       DecodeDate(completed, completed_ind, "directives", row, "completed_on"));
      d.indicator = indicator_ind == soci::i_ok ? indicator : "";
      ASSIGN_OR_RETURN(d.milestones, DecodeMilestones(milestones, row));
      d.standing = standing != 0;
      out.push_back(std::move(d));
    }
  }
  for (Directive& d : out) RETURN_IF_ERROR(LoadProgress(sql, &d));
  return out;
}

// Inserts or updates a session and its documents inside the caller's transaction.
Result<int64_t> WriteMeeting(soci::session& sql, const std::string& actor, const Meeting& meeting) {
  {
    long long id = meeting.id, unit = meeting.unit;
    std::string held = meeting.held_on.ToIso(), attendees = JoinLines(meeting.attendees);
    std::string new_json = MeetingJson(meeting);
    if (id == 0) {
      sql << "INSERT INTO meetings(held_on, host, unit_id, chair, attendees, conclusions) "
             "VALUES(:h, :ho, :u, :c, :a, :co) RETURNING id",
          soci::use(held), soci::use(meeting.host), soci::use(unit), soci::use(meeting.chair),
          soci::use(attendees), soci::use(meeting.conclusions), soci::into(id);
      WriteAudit(sql, actor, "create", "meeting", std::to_string(id), "", new_json);
    } else {
      ASSIGN_OR_RETURN(std::vector<Meeting> old, LoadMeetings(sql, "WHERE id = :id", id));
      if (old.empty()) {
        return NotFound("working session " + std::to_string(id) + " does not exist",
                        "không có buổi làm việc số " + std::to_string(id));
      }
      sql << "UPDATE meetings SET held_on = :h, host = :ho, unit_id = :u, chair = :c, attendees = :a, "
             "conclusions = :co WHERE id = :id",
          soci::use(held), soci::use(meeting.host), soci::use(unit), soci::use(meeting.chair),
          soci::use(attendees), soci::use(meeting.conclusions), soci::use(id);
      sql << "DELETE FROM meeting_documents WHERE meeting_id = :m", soci::use(id);
      WriteAudit(sql, actor, "update", "meeting", std::to_string(id), MeetingJson(old[0]), new_json);
    }
    for (int64_t doc : meeting.documents) {
      long long d = doc;
      sql << "INSERT INTO meeting_documents(meeting_id, document_id) VALUES(:m, :d)", soci::use(id),
          soci::use(d);
    }
    return static_cast<int64_t>(id);
  }
}

Status NoSuch(const char* table, int64_t id) {
  std::string n = std::to_string(id);
  if (std::string_view(table) == "units")
    return NotFound("unit " + n + " is not stored", "không có đơn vị số " + n);
  if (std::string_view(table) == "documents") {
    return NotFound("document " + n + " does not exist", "không có văn bản số " + n);
  }
  return NotFound("working session " + n + " does not exist", "không có buổi làm việc số " + n);
}

bool Exists(soci::session& sql, const char* table, int64_t id) {
  long long key = id;
  int found = 0;
  sql << std::string("SELECT COUNT(*) FROM ") + table + " WHERE id = :id", soci::use(key), soci::into(found);
  return found > 0;
}

// What a session names is stored: its unit and its documents.
Status CheckMeeting(soci::session& sql, const Meeting& m) {
  RETURN_IF_ERROR(m.Validate());
  if (!Exists(sql, "units", m.unit)) return NoSuch("units", m.unit).WithField("unit");
  for (int64_t doc : m.documents) {
    if (!Exists(sql, "documents", doc)) return NoSuch("documents", doc).WithField("documents");
  }
  return Status::Ok();
}

// What a directive names is stored: its session, its assignee unit and its
// indicator. `in_new_meeting`: its session is being created with it.
Status CheckDirective(Db db, const Directive& d, bool in_new_meeting) {
  RETURN_IF_ERROR(d.Validate());
  if (!in_new_meeting && d.meeting != 0 && !Exists(db.sql, "meetings", d.meeting)) {
    return NoSuch("meetings", d.meeting).WithField("meeting");
  }
  if (d.assignee.unit != kNoUnit && !Exists(db.sql, "units", d.assignee.unit)) {
    return NoSuch("units", d.assignee.unit).WithField("unit");
  }
  if (!d.indicator.empty()) {
    ASSIGN_OR_RETURN(std::optional<Indicator> found, LoadIndicator(db, d.indicator));
    if (!found) {
      return NotFound("indicator " + d.indicator + " is not in the catalogue",
                      "chỉ tiêu " + d.indicator + " không có trong danh mục")
          .WithField("indicator");
    }
  }
  return Status::Ok();
}

Result<int64_t> WriteDirective(soci::session& sql, const std::string& actor, const Directive& d);

Result<int64_t> SaveMeeting(Db db, const std::string& actor, const Meeting& meeting) {
  RETURN_IF_ERROR(meeting.Validate());
  return Guard("save meeting", [&]() -> Result<int64_t> {
    WriteTx tr(db);
    RETURN_IF_ERROR(CheckMeeting(db.sql, meeting));
    ASSIGN_OR_RETURN(int64_t id, WriteMeeting(db.sql, actor, meeting));
    tr.Commit();
    return id;
  });
}

Result<MeetingWithDirectives> SaveMeetingWithDirectives(Db db, const std::string& actor,
                                                        const MeetingWithDirectives& session) {
  RETURN_IF_ERROR(session.meeting.Validate());
  for (const Directive& d : session.directives) RETURN_IF_ERROR(d.Validate());
  return Guard("save working session", [&]() -> Result<MeetingWithDirectives> {
    WriteTx tr(db);
    // Everything is checked before the first write.
    RETURN_IF_ERROR(CheckMeeting(db.sql, session.meeting));
    bool created = session.meeting.id == 0;
    for (const Directive& d : session.directives) RETURN_IF_ERROR(CheckDirective(db, d, created));
    MeetingWithDirectives saved = session;
    ASSIGN_OR_RETURN(saved.meeting.id, WriteMeeting(db.sql, actor, session.meeting));
    for (Directive& d : saved.directives) {
      d.meeting = saved.meeting.id;
      ASSIGN_OR_RETURN(d.id, WriteDirective(db.sql, actor, d));
    }
    tr.Commit();
    return saved;
  });
}

Result<Meeting> GetMeeting(Db db, int64_t id) {
  return Guard("get meeting", [&]() -> Result<Meeting> {
    ASSIGN_OR_RETURN(std::vector<Meeting> m, LoadMeetings(db.sql, "WHERE id = :id", id));
    if (m.empty()) {
      return NotFound("working session " + std::to_string(id) + " does not exist",
                      "không có buổi làm việc số " + std::to_string(id));
    }
    return m[0];
  });
}

Result<std::vector<Meeting>> ListMeetings(Db db, std::optional<UnitId> unit) {
  return Guard("list meetings", [&]() -> Result<std::vector<Meeting>> {
    if (unit) return LoadMeetings(db.sql, "WHERE unit_id = :u", *unit);
    return LoadMeetings(db.sql, "WHERE id >= :u", 0);
  });
}

// Inserts or updates a directive inside the caller's transaction.
Result<int64_t> WriteDirective(soci::session& sql, const std::string& actor, const Directive& d) {
  {
    long long id = d.id, meeting = d.meeting, unit = d.assignee.unit;
    soci::indicator meeting_ind = d.meeting != 0 ? soci::i_ok : soci::i_null;
    soci::indicator unit_ind = d.assignee.unit != kNoUnit ? soci::i_ok : soci::i_null;
    std::string kind = AssigneeKindKey(d.assignee.kind), cooperating = JoinLines(d.cooperating);
    std::string deadline = Iso(d.deadline), completed = Iso(d.completed_on), now = NowIso();
    soci::indicator deadline_ind = d.deadline ? soci::i_ok : soci::i_null;
    soci::indicator completed_ind = d.completed_on ? soci::i_ok : soci::i_null;
    soci::indicator indicator_ind = d.indicator.empty() ? soci::i_null : soci::i_ok;
    std::string status = d.completed_on ? "done" : "open";
    std::string milestones = EncodeMilestones(d.milestones);
    int standing = d.standing ? 1 : 0;
    std::string new_json = DirectiveJson(d);
    if (id == 0) {
      sql << "INSERT INTO directives(meeting_id, issuer, text, assignee_kind, assignee, assignee_unit_id, "
             "cooperating, deadline, completed_on, status, indicator_code, created_at, milestones, standing) "
             "VALUES(:m, :is, :t, :k, :a, :u, :c, :d, :co, :s, :i, :at, :ms, :st) RETURNING id",
          soci::use(meeting, meeting_ind), soci::use(d.issuer), soci::use(d.text), soci::use(kind),
          soci::use(d.assignee.name), soci::use(unit, unit_ind), soci::use(cooperating),
          soci::use(deadline, deadline_ind), soci::use(completed, completed_ind), soci::use(status),
          soci::use(d.indicator, indicator_ind), soci::use(now), soci::use(milestones), soci::use(standing),
          soci::into(id);
      WriteAudit(sql, actor, "create", "directive", std::to_string(id), "", new_json);
    } else {
      ASSIGN_OR_RETURN(std::vector<Directive> old,
                       LoadDirectives(sql, "WHERE id = :id", {std::to_string(id)}));
      if (old.empty()) {
        return NotFound("directive " + std::to_string(id) + " does not exist",
                        "không có ý kiến chỉ đạo số " + std::to_string(id));
      }
      sql << "UPDATE directives SET meeting_id = :m, issuer = :is, text = :t, assignee_kind = :k, assignee = "
             ":a, "
             "assignee_unit_id = :u, cooperating = :c, deadline = :d, completed_on = :co, status = :s, "
             "indicator_code = :i, milestones = :ms, standing = :st WHERE id = :id",
          soci::use(meeting, meeting_ind), soci::use(d.issuer), soci::use(d.text), soci::use(kind),
          soci::use(d.assignee.name), soci::use(unit, unit_ind), soci::use(cooperating),
          soci::use(deadline, deadline_ind), soci::use(completed, completed_ind), soci::use(status),
          soci::use(d.indicator, indicator_ind), soci::use(milestones), soci::use(standing), soci::use(id);
      WriteAudit(sql, actor, "update", "directive", std::to_string(id), DirectiveJson(old[0]), new_json);
    }
    return static_cast<int64_t>(id);
  }
}

Result<int64_t> SaveDirective(Db db, const std::string& actor, const Directive& d) {
  RETURN_IF_ERROR(d.Validate());
  return Guard("save directive", [&]() -> Result<int64_t> {
    WriteTx tr(db);
    RETURN_IF_ERROR(CheckDirective(db, d, false));
    ASSIGN_OR_RETURN(int64_t id, WriteDirective(db.sql, actor, d));
    tr.Commit();
    return id;
  });
}

Status AddDirectiveProgress(Db db, const std::string& actor, int64_t id, const DirectiveProgress& p) {
  if (p.note.empty() && !p.completes) {
    return InvalidArgument("a progress note needs its text", "cập nhật tiến độ cần có nội dung")
        .WithField("note");
  }
  return Guard("directive progress", [&]() -> Status {
    soci::session& sql = db.sql;
    WriteTx tr(sql, db.dialect);
    long long did = id;
    std::string completed;
    soci::indicator completed_ind = soci::i_null;
    std::string for_update = db.dialect == Dialect::kPostgres ? " FOR UPDATE" : "";
    sql << "SELECT completed_on FROM directives WHERE id = :id" + for_update, soci::use(did),
        soci::into(completed, completed_ind);
    if (!sql.got_data()) {
      return NotFound("directive " + std::to_string(id) + " does not exist",
                      "không có ý kiến chỉ đạo số " + std::to_string(id));
    }
    std::string on = p.on.ToIso(), now = NowIso(), status = p.completes ? "done" : "open";
    long long doc = p.evidence_document.value_or(0), result = p.evidence_result.value_or(0);
    soci::indicator doc_ind = p.evidence_document ? soci::i_ok : soci::i_null;
    soci::indicator result_ind = p.evidence_result ? soci::i_ok : soci::i_null;
    int completes = p.completes ? 1 : 0;
    sql << "INSERT INTO directive_events(directive_id, at, actor, note, status, evidence_document_id, "
           "evidence_result_id, on_date, completes) VALUES(:d, :at, :a, :n, :s, :ed, :er, :o, :c)",
        soci::use(did), soci::use(now), soci::use(actor), soci::use(p.note), soci::use(status),
        soci::use(doc, doc_ind), soci::use(result, result_ind), soci::use(on), soci::use(completes);
    if (p.completes) {
      sql << "UPDATE directives SET completed_on = :o, status = 'done' WHERE id = :id", soci::use(on),
          soci::use(did);
    }
    WriteAudit(sql, actor, p.completes ? "complete" : "progress", "directive", std::to_string(id),
               JsonObject().Add("completed_on", completed_ind == soci::i_ok ? completed : "").str(),
               JsonObject().Add("on", on).Add("note", p.note).Add("completes", p.completes).str());
    tr.Commit();
    return Status::Ok();
  });
}

Result<Directive> GetDirective(Db db, int64_t id) {
  return Guard("get directive", [&]() -> Result<Directive> {
    ASSIGN_OR_RETURN(std::vector<Directive> d,
                     LoadDirectives(db.sql, "WHERE id = :id", {std::to_string(id)}));
    if (d.empty()) {
      return NotFound("directive " + std::to_string(id) + " does not exist",
                      "không có ý kiến chỉ đạo số " + std::to_string(id));
    }
    return d[0];
  });
}

Result<std::vector<Directive>> ListDirectives(Db db, const DirectiveFilter& f) {
  return Guard("list directives", [&]() -> Result<std::vector<Directive>> {
    std::string where = "WHERE 1 = 1";
    std::vector<std::string> args;
    auto add = [&](const std::string& clause, const std::string& value) {
      where += " AND " + clause + " = :a" + std::to_string(args.size());
      args.push_back(value);
    };
    // Ids compare as text so that every bound value is one type.
    if (f.meeting) add("CAST(meeting_id AS TEXT)", std::to_string(*f.meeting));
    if (f.assignee_unit) add("CAST(assignee_unit_id AS TEXT)", std::to_string(*f.assignee_unit));
    if (!f.assignee.empty()) add("assignee", f.assignee);
    if (!f.issuer.empty()) add("issuer", f.issuer);
    if (f.open_only) where += " AND completed_on IS NULL";
    return LoadDirectives(db.sql, where, args);
  });
}

class SqlMeetingStore final : public MeetingStore {
 public:
  explicit SqlMeetingStore(Db db) : db_(db) {}

  Result<int64_t> SaveMeeting(const std::string& actor, const Meeting& meeting) override {
    return internal::SaveMeeting(db_, actor, meeting);
  }
  Result<Meeting> GetMeeting(int64_t id) override { return internal::GetMeeting(db_, id); }
  Result<std::vector<Meeting>> ListMeetings(std::optional<UnitId> unit) override {
    return internal::ListMeetings(db_, unit);
  }
  Result<MeetingWithDirectives> SaveMeetingWithDirectives(const std::string& actor,
                                                          const MeetingWithDirectives& session) override {
    return internal::SaveMeetingWithDirectives(db_, actor, session);
  }
  Result<int64_t> SaveDirective(const std::string& actor, const Directive& directive) override {
    return internal::SaveDirective(db_, actor, directive);
  }
  Status AddDirectiveProgress(const std::string& actor, int64_t id, const DirectiveProgress& p) override {
    return internal::AddDirectiveProgress(db_, actor, id, p);
  }
  Result<Directive> GetDirective(int64_t id) override { return internal::GetDirective(db_, id); }
  Result<std::vector<Directive>> ListDirectives(const DirectiveFilter& filter) override {
    return internal::ListDirectives(db_, filter);
  }

 private:
  Db db_;
};

}  // namespace

std::unique_ptr<MeetingStore> NewMeetingStore(Db db) { return std::make_unique<SqlMeetingStore>(db); }

}  // namespace kiemdem::store::internal
