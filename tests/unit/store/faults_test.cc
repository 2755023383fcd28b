// The store when the database fails under it: a PostgreSQL connection cut by
// the server, a SQLite file that cannot grow (a full disk), and accounts that
// are disabled. A failure is a retryable kUnavailable, never a half-done write.
#include <soci/postgresql/soci-postgresql.h>

#include "store/internal/sql.h"
#include "tests/unit/store/store_fixture.h"

namespace kiemdem::store {
namespace {

User Person(const std::string& name) { return TestUser(name, "Cán bộ văn phòng"); }

SessionRecord Session(int64_t user, const std::string& hash, const std::string& kind) {
  return {hash,
          user,
          *ParseSessionKind(kind),
          kind == "session" ? "csrf" : "",
          kind == "api" ? "đồng bộ" : "",
          1700000000,
          0};
}

TEST_P(StoreTest, DisablingAUserEndsTheirSessionsAndTokensAndIsAuditedOnce) {
  AccountStore& accounts = store_->accounts();
  int64_t id = *accounts.CreateUser("admin", Person("vp_an"));
  ASSERT_TRUE(accounts.CreateSession("vp_an", Session(id, "aaaa1111", "session")).ok());
  ASSERT_TRUE(accounts.CreateSession("vp_an", Session(id, "bbbb2222", "api")).ok());

  ASSERT_TRUE(accounts.SetDisabled("cli:root", "vp_an", true).ok());
  EXPECT_TRUE(accounts.FindUser("vp_an")->disabled);
  EXPECT_TRUE(accounts.FindSession("aaaa1111")->revoked);
  EXPECT_TRUE(accounts.FindSession("bbbb2222")->revoked);
  ASSERT_TRUE(accounts.SetDisabled("cli:root", "vp_an", true).ok());  // already: no second row

  ASSERT_TRUE(accounts.SetDisabled("cli:root", "vp_an", false).ok());
  EXPECT_FALSE(accounts.FindUser("vp_an")->disabled);
  EXPECT_TRUE(accounts.FindSession("bbbb2222")->revoked) << "enabling must not revive old tokens";

  std::vector<std::string> actions;
  for (const AuditEntry& e : *store_->Audit("user", "vp_an")) {
    actions.push_back(e.action + (e.actor == "cli:root" ? "" : " by " + e.actor));
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"create by admin", "disable", "enable"}));
  Status unknown = accounts.SetDisabled("cli:root", "nobody", true);
  EXPECT_EQ(unknown.code(), StatusCode::kNotFound);
  EXPECT_EQ(unknown.field(), "username");
}

TEST_P(StoreTest, AnEmailAddressIsCheckedStoredAndAuditedWithTheOldOne) {
  AccountStore& accounts = store_->accounts();
  User lan = Person("vp_lan");
  lan.email = "lan@phuong.vn";
  ASSERT_TRUE(accounts.CreateUser("admin", lan).ok());
  EXPECT_EQ(accounts.FindUser("vp_lan")->email, "lan@phuong.vn");
  User bad = Person("vp_bad");
  bad.email = "bad@phuong.vn\r\nBcc: all@tinh.vn";
  Result<int64_t> refused = accounts.CreateUser("admin", bad);
  EXPECT_EQ(refused.status().field(), "email");
  EXPECT_EQ(accounts.FindUser("vp_bad").status().code(), StatusCode::kNotFound) << "nothing written";

  ASSERT_TRUE(accounts.SetEmail("cli:root", "vp_lan", "lan.nguyen@phuong.vn").ok());
  ASSERT_TRUE(accounts.SetEmail("cli:root", "vp_lan", "lan.nguyen@phuong.vn").ok());  // already: no row
  EXPECT_EQ(accounts.SetEmail("cli:root", "vp_lan", "lan nguyen").field(), "email");
  EXPECT_EQ(accounts.FindUser("vp_lan")->email, "lan.nguyen@phuong.vn")
      << "a refused address changes nothing";
  ASSERT_TRUE(accounts.SetEmail("cli:root", "vp_lan", "").ok());
  EXPECT_EQ(accounts.FindUser("vp_lan")->email, "");
  EXPECT_EQ(accounts.SetEmail("cli:root", "nobody", "a@b.vn").code(), StatusCode::kNotFound);
  std::vector<std::string> changes;
  for (const AuditEntry& e : *store_->Audit("user", "vp_lan")) {
    if (e.action == "email") changes.push_back(e.old_value + " -> " + e.new_value);
  }
  EXPECT_EQ(changes,
            (std::vector<std::string>{R"({"email": "lan@phuong.vn"} -> {"email": "lan.nguyen@phuong.vn"})",
                                      R"({"email": "lan.nguyen@phuong.vn"} -> {"email": ""})"}));
}

TEST_P(StoreTest, AConnectionCutByTheServerIsUnavailableThenReconnects) {
  if (GetParam() != "postgresql") {
    EXPECT_TRUE(store_->Connected(false));
    EXPECT_TRUE(store_->Connected(true));
    return;
  }
  ASSERT_TRUE(store_->Connected(true));
  // What a restart of PostgreSQL does to every open connection.
  std::string err = db_.RawExec(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
      "WHERE datname = current_database() AND pid <> pg_backend_pid()");
  ASSERT_EQ(err, "");
  Result<std::vector<User>> users = store_->accounts().ListUsers();
  ASSERT_FALSE(users.ok());
  EXPECT_EQ(users.status().code(), StatusCode::kUnavailable) << users.status().ToString();
  EXPECT_NE(users.status().message().find("cannot be reached"), std::string::npos)
      << users.status().ToString();
  EXPECT_FALSE(store_->Connected(false)) << "the lost connection is known without asking the server";

  EXPECT_TRUE(store_->Connected(true)) << "a probe reconnects once the server answers";
  EXPECT_TRUE(store_->Connected(false));
  Result<std::vector<User>> again = store_->accounts().ListUsers();
  EXPECT_TRUE(again.ok()) << again.status().ToString();
}

TEST(SqliteFaults, AFullDiskRefusesTheWriteWholeAndKeepsWhatWasStored) {
  TestDatabase db = TestDatabase::Make("sqlite");
  int64_t size = 0;
  {
    std::unique_ptr<Store> s = *Store::Open({.url = db.url});
    ASSERT_TRUE(s->Migrate().ok());
    ASSERT_TRUE(s->SaveUnits("admin", SmallRegistry()).ok());
    ASSERT_TRUE(s->PutIndicators("admin", {Revenue()}).ok());
    ASSERT_TRUE(s->Backup(db.sqlite_path + ".full").ok());  // checkpointed copy: its size is the data's
    size = static_cast<int64_t>(std::filesystem::file_size(db.sqlite_path + ".full"));
    std::filesystem::remove(db.sqlite_path + ".full");
  }
  // The file may grow by a few pages only: the disk is all but full.
  std::unique_ptr<Store> s = *Store::Open({.url = db.url, .sqlite_max_bytes = size + int64_t{16} * 4096});
  UnitId ward = *s->FindUnit("06817", D("01/01/2016"));
  int64_t audit_before = *s->AuditCount();
  std::vector<Observation> rows;
  for (int month = 1; month <= 12; ++month) {
    for (int year = 2000; year <= 2024; ++year) {
      Observation o;
      o.unit = ward;
      o.indicator = "THU_NS";
      o.period = *Period::Parse(std::to_string(year) + "-" + (month < 10 ? "0" : "") + std::to_string(month));
      o.value = 1000.5 + year;
      o.provenance.source = std::string(400, 'x');  // wide rows fill the pages fast
      rows.push_back(o);
    }
  }
  Status full = s->results().SaveResults("admin", rows, "import");
  ASSERT_FALSE(full.ok()) << "the cap should have been reached";
  EXPECT_EQ(full.code(), StatusCode::kUnavailable) << full.ToString();
  EXPECT_NE(full.message().find("full"), std::string::npos) << full.ToString();
  EXPECT_NE(full.message_in("vi").find("đầy"), std::string::npos) << full.message_in("vi");
  EXPECT_TRUE(s->results().ListResults()->empty()) << "nothing of the refused import may be stored";
  EXPECT_EQ(*s->AuditCount(), audit_before);
  // What was stored before is intact, and a small write still fits.
  EXPECT_TRUE(s->FindUnit("06817", D("01/01/2016")).ok());
  rows.resize(1);
  rows[0].provenance.source = "form";
  EXPECT_TRUE(s->results().SaveResults("admin", rows, "form").ok());
  EXPECT_EQ(s->results().ListResults()->size(), 1U);
  s.reset();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db.sqlite_path + suffix);
}

// A transaction whose ROLLBACK fails (here: it was ended behind its back)
// still hands the caller the error that ended it.
TEST(WriteTx, AFailedRollbackKeepsTheErrorThatEndedTheTransaction) {
  soci::session sql("sqlite3", "db=:memory:");
  Status returned = internal::Guard("save unit", [&]() -> Status {
    internal::WriteTx tx(sql, internal::Dialect::kSqlite);
    sql << "ROLLBACK";
    return NotFound("unit 06817 is not stored", "đơn vị 06817 chưa có");
  });
  EXPECT_EQ(returned.code(), StatusCode::kNotFound);
  EXPECT_EQ(returned.message(), "unit 06817 is not stored");
  Status thrown = internal::Guard("save unit", [&]() -> Status {
    internal::WriteTx tx(sql, internal::Dialect::kSqlite);
    sql << "ROLLBACK";
    sql << "SELECT id FROM nowhere";
    return Status::Ok();
  });
  EXPECT_EQ(thrown.code(), StatusCode::kInternal);
  EXPECT_NE(thrown.message().find("no such table: nowhere"), std::string::npos) << thrown.message();
}

TEST(FromException, ALostServerIsUnavailableByItsSqlstateOrItsWords) {
  soci::postgresql_soci_error shutdown("terminating connection due to administrator command", "57P01");
  EXPECT_EQ(internal::FromException(shutdown, "list users").code(), StatusCode::kUnavailable);
  soci::postgresql_soci_error link("some words libpq never used", "08006");
  EXPECT_EQ(internal::FromException(link, "list users").code(), StatusCode::kUnavailable);
  soci::soci_error closed("server closed the connection unexpectedly");
  Status s = internal::FromException(closed, "save result");
  EXPECT_EQ(s.code(), StatusCode::kUnavailable);
  EXPECT_NE(s.message().find("cannot be reached"), std::string::npos) << s.message();
  soci::soci_error syntax("syntax error at or near \"FROM\"");
  EXPECT_EQ(internal::FromException(syntax, "list users").code(), StatusCode::kInternal);
}

// Every insert reads its key first, so on PostgreSQL a duplicate key is a
// concurrent insert of the same new key that a second try resolves; SQLite
// serialises writers, so there it is a bug.
TEST(FromException, AUniqueKeyRaceOnPostgresqlIsRetryableAndSaysSo) {
  soci::postgresql_soci_error race(
      "duplicate key value violates unique constraint \"results_unit_id_indicator_code_period_key\"",
      "23505");
  Status s = internal::FromException(race, "save result");
  EXPECT_EQ(s.code(), StatusCode::kUnavailable);
  EXPECT_NE(s.message().find("another change stored the same record at the same moment; try again"),
            std::string::npos)
      << s.message();
  EXPECT_NE(s.message_vi().find("một thay đổi khác vừa lưu cùng bản ghi này; hãy thử lại"), std::string::npos)
      << s.message_vi();
  soci::postgresql_soci_error other_words("some other words", "23505");
  EXPECT_EQ(internal::FromException(other_words, "save result").code(), StatusCode::kUnavailable);
  soci::postgresql_soci_error not_null("null value in column \"code\" violates not-null constraint", "23502");
  EXPECT_EQ(internal::FromException(not_null, "save unit").code(), StatusCode::kInternal);
  soci::soci_error sqlite(
      "UNIQUE constraint failed: meeting_documents.meeting_id, meeting_documents.document_id");
  EXPECT_EQ(internal::FromException(sqlite, "save meeting").code(), StatusCode::kInternal);
}

TEST(FromException, BoundValuesNeverReachTheMessage) {
  soci::soci_error e(
      "UNIQUE constraint failed: users.username while executing \"INSERT INTO users(username, password_hash) "
      "VALUES(:u, :h)\" with :u=\"an\", :h=\"$argon2id$v=19$m=65536$SECRET\".");
  Status s = internal::FromException(e, "create user");
  EXPECT_EQ(s.message().find("SECRET"), std::string::npos) << s.message();
  EXPECT_EQ(s.message_in("vi").find("argon2id"), std::string::npos) << s.message_in("vi");
  EXPECT_NE(s.message().find("INSERT INTO users"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("values not shown"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace kiemdem::store
