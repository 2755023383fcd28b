// Documents: reports, resolutions and notices with their text.
#include "store/internal/areas.h"
#include "store/internal/json_text.h"

namespace kiemdem::store::internal {
namespace {

Result<std::vector<StoredDocument>> Load(soci::session& sql, const std::string& where, long long arg,
                                         bool with_text) {
  std::vector<StoredDocument> out;
  long long id = 0, unit = 0;
  std::string type, number, code, issued, issuer, title, text, created;
  soci::indicator issued_ind = soci::i_null, unit_ind = soci::i_null;
  soci::statement st =
      (sql.prepare << std::string("SELECT id, doc_type, number, code, issued, issuer, title, ") +
                          (with_text ? "body_text" : "''") + ", unit_id, created_at FROM documents " + where +
                          " ORDER BY id",
       soci::use(arg), soci::into(id), soci::into(type), soci::into(number), soci::into(code),
       soci::into(issued, issued_ind), soci::into(issuer), soci::into(title), soci::into(text),
       soci::into(unit, unit_ind), soci::into(created));
  st.execute();
  while (st.fetch()) {
    StoredDocument d;
    d.id = id;
    d.doc_type = type;
    d.number = number;
    d.code = code;
    ASSIGN_OR_RETURN(d.issued, DecodeDate(issued, issued_ind, "documents", std::to_string(id), "issued"));
    d.issuer = issuer;
    d.title = title;
    d.text = text;
    d.unit = unit_ind == soci::i_ok ? unit : kNoUnit;
    d.created_at = created;
    out.push_back(std::move(d));
  }
  return out;
}

Result<int64_t> SaveDocument(Db db, const std::string& actor, const StoredDocument& doc) {
  if (doc.doc_type.empty()) {
    return InvalidArgument("a document needs its type (Báo cáo, Nghị quyết, …)",
                           "văn bản cần có loại (Báo cáo, Nghị quyết, …)")
        .WithField("doc_type");
  }
  return Guard("save document", [&]() -> Result<int64_t> {
    soci::session& sql = db.sql;
    WriteTx tr(sql, db.dialect);
    long long id = 0, unit = doc.unit;
    std::string issued = Iso(doc.issued), now = NowIso();
    soci::indicator issued_ind = doc.issued ? soci::i_ok : soci::i_null;
    soci::indicator unit_ind = doc.unit != kNoUnit ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO documents(doc_type, number, code, issued, issuer, title, body_text, unit_id, "
           "created_at) "
           "VALUES(:t, :n, :c, :i, :is, :ti, :b, :u, :at) RETURNING id",
        soci::use(doc.doc_type), soci::use(doc.number), soci::use(doc.code), soci::use(issued, issued_ind),
        soci::use(doc.issuer), soci::use(doc.title), soci::use(doc.text), soci::use(unit, unit_ind),
        soci::use(now), soci::into(id);
    WriteAudit(sql, actor, "create", "document", std::to_string(id), "",
               JsonObject()
                   .Add("doc_type", doc.doc_type)
                   .Add("code", doc.code)
                   .Add("title", doc.title)
                   .Add("bytes", static_cast<double>(doc.text.size()))
                   .str());
    tr.Commit();
    return static_cast<int64_t>(id);
  });
}

Result<StoredDocument> GetDocument(Db db, int64_t id) {
  return Guard("get document", [&]() -> Result<StoredDocument> {
    ASSIGN_OR_RETURN(std::vector<StoredDocument> d, Load(db.sql, "WHERE id = :id", id, true));
    if (d.empty()) {
      return NotFound("document " + std::to_string(id) + " does not exist",
                      "không có văn bản số " + std::to_string(id));
    }
    return d[0];
  });
}

Result<std::vector<StoredDocument>> ListDocuments(Db db) {
  return Guard("list documents", [&]() -> Result<std::vector<StoredDocument>> {
    return Load(db.sql, "WHERE id >= :id", 0, false);
  });
}

class SqlDocumentStore final : public DocumentStore {
 public:
  explicit SqlDocumentStore(Db db) : db_(db) {}

  Result<int64_t> SaveDocument(const std::string& actor, const StoredDocument& doc) override {
    return internal::SaveDocument(db_, actor, doc);
  }
  Result<StoredDocument> GetDocument(int64_t id) override { return internal::GetDocument(db_, id); }
  Result<std::vector<StoredDocument>> ListDocuments() override { return internal::ListDocuments(db_); }

 private:
  Db db_;
};

}  // namespace

std::unique_ptr<DocumentStore> NewDocumentStore(Db db) { return std::make_unique<SqlDocumentStore>(db); }

}  // namespace kiemdem::store::internal
