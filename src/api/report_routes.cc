// Downloads of the documents kiemdem writes: a unit's periodic report as
// .docx (or PDF, converted by LibreOffice where the server has it) and a
// working session's conclusion notice as .docx. Each needs the right to read
// the unit; a unit or session that is missing and one that is not the
// caller's answer the same 404, so that ids and codes cannot be probed.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "api/report_documents.h"
#include "api/router.h"
#include "api/views.h"
#include "io/docx.h"

namespace kiemdem::api {
namespace {

constexpr const char* kDocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

Status NoSuch(const std::string& what_en, const std::string& what_vi) {
  return NotFound("no " + what_en + " you may read", "không có " + what_vi + " mà bạn được xem");
}

void ReplyFile(Call& call, std::string bytes, const char* type, const std::string& file_name) {
  call.status = 200;
  call.response = std::move(bytes);
  call.content_type = type;
  call.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
  call.headers.emplace_back("Cache-Control", "no-store");
}

// `docx` as PDF through `soffice --headless --convert-to pdf` in a folder of
// its own (with its own LibreOffice profile, so conversions never share one).
// FailedPrecondition when LibreOffice is not installed.
Result<std::string> ToPdf(const std::string& docx) {
  if (std::system("command -v soffice >/dev/null 2>&1") != 0) {
    return FailedPrecondition(
        "PDF needs LibreOffice on the server, which is not installed; download the .docx instead",
        "máy chủ chưa cài LibreOffice nên không tạo được PDF; hãy tải bản .docx");
  }
  std::string dir_template = (std::filesystem::temp_directory_path() / "kiemdem-pdf-XXXXXX").string();
  if (mkdtemp(dir_template.data()) == nullptr) {
    return Internal("cannot make a folder for the PDF", "không tạo được thư mục để làm PDF");
  }
  std::filesystem::path dir(dir_template);
  auto cleanup = [&dir] {
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  };
  {
    std::ofstream out(dir / "report.docx", std::ios::binary);
    out << docx;
  }
  // The folder is ours (mkdtemp) and holds no quote, so the command is safe to give a shell.
  std::string d = dir.string();
  // A hung LibreOffice must not hold a worker: it gets two minutes (coreutils' timeout).
  std::string command = "cd '" + d +
                        "' && timeout -k 5 120 soffice --headless -env:UserInstallation=file://" + d +
                        "/profile --convert-to pdf --outdir '" + d + "' report.docx >/dev/null 2>&1";
  int rc = std::system(command.c_str());
  if (WIFEXITED(rc) && (WEXITSTATUS(rc) == 124 || WEXITSTATUS(rc) == 137)) {
    cleanup();
    return FailedPrecondition(
        "LibreOffice took more than two minutes to make the PDF; try again or download the .docx",
        "LibreOffice quá 2 phút chưa tạo xong PDF; hãy thử lại hoặc tải bản .docx");
  }
  std::ifstream in(dir / "report.pdf", std::ios::binary);
  std::stringstream pdf;
  pdf << in.rdbuf();
  cleanup();
  if (rc != 0 || pdf.str().empty()) {
    return Internal("LibreOffice could not convert the report to PDF (exit " + std::to_string(rc) + ")",
                    "LibreOffice không chuyển được báo cáo sang PDF");
  }
  return pdf.str();
}

Status UnitReportRoute(Call& call) {
  const std::string& code = call.captures.at(0);
  std::string period_text = call.Query("period");
  Result<Period> period = Period::Parse(period_text);
  if (period_text.empty() || !period.ok()) {
    return InvalidArgument(
               "query parameter 'period' must be a period (2026, 2026-Q3, 2026-H1, 2026-01/2026-10)",
               "tham số 'period' phải là kỳ báo cáo (2026, 2026-Q3, 2026-H1, 2026-01/2026-10)")
        .WithField("period");
  }
  std::string format = call.Query("format");
  if (!format.empty() && format != "docx" && format != "pdf") {
    return InvalidArgument("'format' is docx or pdf", "'format' là docx hoặc pdf").WithField("format");
  }
  std::shared_ptr<const analytics::UnitTree> tree = call.app->tree();
  Result<UnitId> in_registry = tree->registry().ResolveCode(code, *period);
  if (!in_registry.ok()) return NoSuch("unit " + code, "đơn vị " + code);
  UnitId unit = tree->ToStored(*in_registry);
  if (!Authorise(call, Action::kRead, unit).ok()) return NoSuch("unit " + code, "đơn vị " + code);
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  bool include_unapproved = call.Query("include_unapproved") == "true";  // drafts and submitted figures too
  ASSIGN_OR_RETURN(io::UnitReport report, UnitReportOf(*store, *tree, unit, *period, Today(call),
                                                       BodyKind::kPeoplesCommittee, include_unapproved));
  ASSIGN_OR_RETURN(std::string docx, io::DocxBytes(io::UnitReportDocument(report)));
  std::string name = "bao-cao-" + code + "-" + period->Key();
  std::replace(name.begin(), name.end(), '/', '_');  // "2026-01/2026-10"
  if (format == "pdf") {
    // A conversion holds a LibreOffice process: a few at a time, as imports.
    Result<App::ImportSlot> slot = call.app->AcquireImportSlot();
    if (!slot.ok()) {
      call.status = 429;
      call.headers.emplace_back("Retry-After", "60");
      return slot.status();
    }
    ASSIGN_OR_RETURN(std::string pdf, ToPdf(docx));
    ReplyFile(call, std::move(pdf), "application/pdf", name + ".pdf");
    return Status::Ok();
  }
  ReplyFile(call, std::move(docx), kDocxType, name + ".docx");
  return Status::Ok();
}

Status MeetingNoticeRoute(Call& call) {
  ASSIGN_OR_RETURN(int64_t id, call.CaptureId(1));
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  Result<Meeting> meeting = store->GetMeeting(id);
  if (!meeting.ok() && meeting.status().code() != StatusCode::kNotFound) return meeting.status();
  if (!meeting.ok() || !Authorise(call, Action::kRead, meeting->unit).ok()) {
    return NoSuch("working session " + std::to_string(id), "buổi làm việc " + std::to_string(id));
  }
  std::shared_ptr<const analytics::UnitTree> tree = call.app->tree();
  ASSIGN_OR_RETURN(io::MeetingNotice notice, MeetingNoticeOf(*store, *tree, id, std::nullopt));
  ASSIGN_OR_RETURN(std::string docx, io::DocxBytes(io::MeetingNoticeDocument(notice)));
  ReplyFile(call, std::move(docx), kDocxType, "thong-bao-ket-luan-" + std::to_string(id) + ".docx");
  return Status::Ok();
}

}  // namespace

void AddReportRoutes(Router& r) {
  r.Add({"GET", R"(/reports/unit/(\d+))", {Scope::kSignedIn, Action::kRead}, UnitReportRoute});
  r.Add({"GET", R"(/meetings/(\d+)/notice.docx)", {Scope::kSignedIn, Action::kRead}, MeetingNoticeRoute});
}

}  // namespace kiemdem::api
