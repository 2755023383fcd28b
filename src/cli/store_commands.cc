// `kiemdem db migrate|status|init`, `kiemdem import`, `kiemdem export` and
// `kiemdem backup`: the store from the command line.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <optional>
#include <string_view>
#include <utility>

#include "analytics/unit_tree.h"
#include "api/store_sheets.h"
#include "api/unit_codes.h"
#include "cli/commands.h"
#include "cli/stored_units.h"
#include "cli/workspace.h"
#include "io/importer.h"
#include "io/xlsx.h"
#include "store/store.h"

namespace kiemdem::cli {
namespace {

struct StoreFlags {
  std::string db = "kiemdem.db";
  std::string actor;
  std::string output;
  std::string format = "csv";
  std::vector<std::string> rest;
  std::string error;
};

StoreFlags Parse(const std::vector<std::string>& args) {
  StoreFlags f;
  const char* user = std::getenv("USER");
  f.actor = std::string("cli:") + (user != nullptr ? user : "unknown");
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= args.size()) {
        f.error = a + " needs a value";
        return;
      }
      *out = args[++i];
    };
    if (a == "--db") {
      value(&f.db);
    } else if (a == "--as") {
      value(&f.actor);
    } else if (a == "-o" || a == "--output") {
      value(&f.output);
    } else if (a == "--format") {
      value(&f.format);
    } else if (a.rfind("--", 0) == 0) {
      f.error = "unknown option " + a;
    } else {
      f.rest.push_back(a);
    }
  }
  return f;
}

Result<std::unique_ptr<store::Store>> OpenMigrated(const std::string& db) {
  ASSIGN_OR_RETURN(std::unique_ptr<store::Store> s, store::Store::Open({.url = db}));
  RETURN_IF_ERROR(s->Migrate());
  return s;
}

bool IsKind(const std::string& kind) {
  return kind == "units" || kind == "indicators" || kind == "plans" || kind == "results";
}

}  // namespace

int RunDb(const GlobalOptions& g, const std::vector<std::string>& args) {
  StoreFlags f = Parse(args);
  const char* usage = "kiemdem db migrate|status|init [--db PATH|postgresql://…]";
  if (!f.error.empty() || f.rest.size() != 1) {
    std::cerr << "usage: " << usage << "\n";
    return 2;
  }
  Result<std::unique_ptr<store::Store>> s = store::Store::Open({.url = f.db});
  if (!s.ok()) return Fail(g, s.status());
  store::Store& st = **s;
  bool vi = g.lang == "vi";
  if (f.rest[0] == "status") {
    Result<std::vector<store::MigrationState>> states = st.MigrationStatus();
    if (!states.ok()) return Fail(g, states.status());
    for (const store::MigrationState& m : *states) {
      std::cout << m.version << "  "
                << (m.applied ? (vi ? "đã áp dụng " : "applied ") + m.applied_at
                              : (vi ? "chưa áp dụng" : "pending"))
                << "  " << m.name << "\n";
    }
    std::cout << st.backend() << ": " << f.db << "\n";
    return 0;
  }
  if (Status m = st.Migrate(); !m.ok()) return Fail(g, m);
  if (f.rest[0] == "migrate") {
    std::cout << (vi ? "Cơ sở dữ liệu đã ở phiên bản mới nhất: " : "The database is up to date: ") << f.db
              << "\n";
    return 0;
  }
  if (f.rest[0] == "init") {
    Workspace ws;
    if (Status r = LoadReferenceData(g.data_dir, &ws); !r.ok()) return Fail(g, r);
    if (Status u = st.SaveUnits(f.actor, ws.units); !u.ok()) return Fail(g, u);
    if (Status i = st.PutIndicators(f.actor, ws.indicators); !i.ok()) return Fail(g, i);
    std::cout << (vi ? "Đã nạp " : "Loaded ") << ws.units.size()
              << (vi ? " đơn vị hành chính và " : " units and ") << ws.indicators.size()
              << (vi ? " chỉ tiêu vào " : " indicators into ") << f.db << "\n";
    return 0;
  }
  std::cerr << "usage: " << usage << "\n";
  return 2;
}

namespace {

bool IsCsvName(const std::string& name) {
  if (name.size() < 4) return false;
  std::string ext = name.substr(name.size() - 4);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".csv";
}

// A file mapped read-only; the pages read can be let go, so that a long file
// read front to back holds a few pages at a time, not the file.
class MappedFile {
 public:
  static Result<MappedFile> Open(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st {};
    if (fd < 0 || ::fstat(fd, &st) != 0) {
      std::string why = std::strerror(errno);
      if (fd >= 0) ::close(fd);
      return NotFound("cannot read " + path + ": " + why, "không đọc được " + path + ": " + why);
    }
    MappedFile m;
    m.size_ = static_cast<size_t>(st.st_size);
    if (m.size_ > 0) {
      void* p = ::mmap(nullptr, m.size_, PROT_READ, MAP_PRIVATE, fd, 0);
      if (p == MAP_FAILED) {
        std::string why = std::strerror(errno);
        ::close(fd);
        return NotFound("cannot read " + path + ": " + why, "không đọc được " + path + ": " + why);
      }
      m.data_ = static_cast<const char*>(p);
      ::madvise(p, m.size_, MADV_SEQUENTIAL);
    }
    ::close(fd);
    return m;
  }
  MappedFile(MappedFile&& o) noexcept
      : data_(std::exchange(o.data_, nullptr)), size_(o.size_), released_(o.released_) {}
  MappedFile& operator=(MappedFile&&) = delete;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile() {
    if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
  }
  std::string_view text() const { return {data_ == nullptr ? "" : data_, size_}; }
  // The first n bytes are read: their whole pages leave memory.
  void Release(size_t n) {
    size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
    size_t upto = n / page * page;
    if (data_ == nullptr || upto <= released_) return;
    ::madvise(const_cast<char*>(data_) + released_, upto - released_, MADV_DONTNEED);
    released_ = upto;
  }

 private:
  MappedFile() = default;
  const char* data_ = nullptr;
  size_t size_ = 0;
  size_t released_ = 0;
};

}  // namespace

int RunImport(const GlobalOptions& g, const std::vector<std::string>& args) {
  StoreFlags f = Parse(args);
  const char* usage =
      "kiemdem import units|indicators|plans|results FILE.csv|FILE.xlsx [--db PATH] [--as USER]";
  if (!f.error.empty() || f.rest.size() != 2) {
    std::cerr << "usage: " << usage << "\n";
    return 2;
  }
  const std::string& kind = f.rest[0];
  const std::string& path = f.rest[1];
  if (!IsKind(kind)) {
    std::cerr << "usage: " << usage << "\n";
    return 2;
  }
  std::string name = path.substr(path.find_last_of('/') + 1);
  // Results from CSV stream from the mapped file (national files have
  // millions of rows); everything else is read whole.
  bool stream = kind == "results" && IsCsvName(name);
  std::optional<MappedFile> mapped;
  Result<std::string> text = std::string();
  Result<io::Sheet> sheet = io::Sheet();
  if (stream) {
    Result<MappedFile> m = MappedFile::Open(path);
    if (!m.ok()) return Fail(g, m.status());
    mapped.emplace(std::move(*m));
  } else {
    text = ReadFile(path);
    if (!text.ok()) return Fail(g, text.status());
    sheet = io::ReadSpreadsheet(*text, name, io::ReadLimits::CommandLine());
    if (!sheet.ok()) return Fail(g, sheet.status());
  }
  Result<std::unique_ptr<store::Store>> s = OpenMigrated(f.db);
  if (!s.ok()) return Fail(g, s.status());
  api::ResultImportOptions options;
  if (kind == "results") {
    // Codes by the rows' periods (or unit_on), with the registry's messages.
    Result<analytics::UnitTree> tree = LoadStoredUnits(**s, g);
    if (!tree.ok()) return Fail(g, tree.status());
    options.read.resolve_unit =
        api::SheetUnitResolver(std::make_shared<const analytics::UnitTree>(std::move(*tree)));
  }
  Result<io::ImportOutcome> outcome =
      stream                 ? api::ImportResultsCsv(**s, f.actor, mapped->text(), name, options,
                                                     io::ReadLimits::CommandLine(), [&](size_t n) { mapped->Release(n); })
      : kind == "results"    ? api::ImportResults(**s, f.actor, *sheet, options)
      : kind == "indicators" ? api::ImportIndicators(**s, f.actor, *sheet)
      : kind == "units"      ? api::ImportUnits(**s, f.actor, *sheet)
                             : api::ImportPlans(**s, f.actor, *sheet);
  if (!outcome.ok()) return Fail(g, outcome.status());
  bool vi = g.lang == "vi";
  for (const io::ImportProblem& n : outcome->notes) std::cerr << "  " << n.ToString(g.lang) << "\n";
  if (!outcome->problems.empty()) {
    std::cerr << (vi ? "Không nhập tệp " : "Nothing imported from ") << name << ": " << outcome->problem_count
              << (vi ? " lỗi" : " problem(s)") << "\n";
    for (const io::ImportProblem& p : outcome->problems) std::cerr << "  " << p.ToString(g.lang) << "\n";
    if (size_t more = outcome->problem_count - outcome->problems.size(); more > 0) {
      std::cerr << "  … " << (vi ? "và " : "and ") << more
                << (vi ? " lỗi nữa; theo cột:" : " more; by column:");
      for (const auto& [column, n] : outcome->problems_by_column)
        std::cerr << " " << (column.empty() ? (vi ? "cả dòng" : "whole row") : column) << " " << n << ";";
      std::cerr << "\n";
    }
    return 1;
  }
  std::cout << (vi ? "Đã nhập " : "Imported ") << outcome->stored << (vi ? " dòng từ " : " rows from ")
            << name << "\n";
  return 0;
}

int RunExport(const GlobalOptions& g, const std::vector<std::string>& args) {
  StoreFlags f = Parse(args);
  const char* usage =
      "kiemdem export units|indicators|plans|results [--format csv|xlsx] [-o FILE] [--db PATH]";
  if (!f.error.empty() || f.rest.size() != 1 || !IsKind(f.rest[0])) {
    std::cerr << "usage: " << usage << "\n";
    return 2;
  }
  if (f.format != "csv" && f.format != "xlsx") {
    return Fail(g, InvalidArgument("format " + f.format + " is not csv or xlsx",
                                   "định dạng " + f.format + " không phải csv hay xlsx"));
  }
  if (f.format == "xlsx" && (f.output.empty() || f.output == "-")) {
    return Fail(g, InvalidArgument("an .xlsx export needs -o FILE.xlsx", "xuất .xlsx cần -o TỆP.xlsx"));
  }
  Result<std::unique_ptr<store::Store>> s = OpenMigrated(f.db);
  if (!s.ok()) return Fail(g, s.status());
  const std::string& kind = f.rest[0];
  Result<io::Sheet> sheet = kind == "results"      ? api::ExportResults(**s, kind)
                            : kind == "indicators" ? api::ExportIndicators(**s, kind)
                            : kind == "units"      ? api::ExportUnits(**s, kind)
                                                   : api::ExportPlans(**s, kind);
  if (!sheet.ok()) return Fail(g, sheet.status());
  if (f.format == "xlsx") {
    if (Status w = io::WriteXlsx(*sheet, f.output); !w.ok()) return Fail(g, w);
    return 0;
  }
  std::string csv = io::SheetToCsv(*sheet);
  if (f.output.empty() || f.output == "-") {
    std::cout << csv;
    return 0;
  }
  std::ofstream out(f.output, std::ios::binary);
  out << csv;
  if (!out) return Fail(g, Internal("cannot write " + f.output, "không ghi được " + f.output));
  return 0;
}

int RunBackup(const GlobalOptions& g, const std::vector<std::string>& args) {
  StoreFlags f = Parse(args);
  if (!f.error.empty() || f.rest.size() != 1) {
    std::cerr << "usage: kiemdem backup PATH [--db PATH]\n";
    return 2;
  }
  Result<std::unique_ptr<store::Store>> s = store::Store::Open({.url = f.db});
  if (!s.ok()) return Fail(g, s.status());
  if (Status b = (*s)->Backup(f.rest[0]); !b.ok()) return Fail(g, b);
  std::cout << (g.lang == "vi" ? "Đã sao lưu vào " : "Backed up to ") << f.rest[0] << "\n";
  return 0;
}

}  // namespace kiemdem::cli
