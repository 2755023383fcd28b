// `kiemdem report unit CODE --period P [--as-of DATE] [--body KIND] -o FILE.docx`:
// a unit's periodic report as a Word document (Decree 30 / Guide 36 layout),
// from the evaluation analytics makes of the stored results and plans.
// `kiemdem report meeting ID -o FILE.docx`: a working session's conclusion notice.
#include <charconv>
#include <iostream>

#include "analytics/unit_tree.h"
#include "api/report_documents.h"
#include "cli/commands.h"
#include "cli/flags.h"
#include "cli/stored_units.h"
#include "cli/workspace.h"
#include "io/report.h"
#include "store/store.h"

namespace kiemdem::cli {
namespace {

constexpr const char* kUsage =
    "usage: kiemdem report unit CODE --period P [--as-of dd/mm/yyyy] [--body KIND] [--include-unapproved] -o "
    "FILE.docx [--db PATH]\n"
    "       kiemdem report meeting ID [--as-of dd/mm/yyyy] -o FILE.docx [--db PATH]\n"
    "  P: 2020, 2020-H1, 2020-Q3, 2020-10 or 2020-01/2020-10; KIND: peoples_committee (default),\n"
    "  peoples_council, party_committee, party_standing_committee\n";

struct ReportFlags {
  std::string db = "kiemdem.db";
  std::string period;
  std::string as_of;
  std::string body = "peoples_committee";
  std::string output;
  bool include_unapproved = false;  // count drafts and submitted figures too
  std::vector<std::string> rest;
  std::string error;
};

ReportFlags Parse(const std::vector<std::string>& args) {
  Flags flags =
      ParseFlags(args, {"--db", "--period", "--as-of", "--body", "-o", "--output"}, {"--include-unapproved"});
  ReportFlags f;
  f.db = flags.Get("--db", f.db);
  f.period = flags.Get("--period", "");
  f.as_of = flags.Get("--as-of", "");
  f.body = flags.Get("--body", f.body);
  f.output = flags.Get("-o", flags.Get("--output", ""));
  f.include_unapproved = flags.Has("--include-unapproved");
  f.rest = std::move(flags.rest);
  f.error = std::move(flags.error);
  return f;
}

Status WriteUnitReport(const GlobalOptions& g, const ReportFlags& f) {
  ASSIGN_OR_RETURN(Period period, Period::Parse(f.period));
  Date date = Today();
  if (!f.as_of.empty()) {
    ASSIGN_OR_RETURN(date, Date::Parse(f.as_of));
  }
  ASSIGN_OR_RETURN(BodyKind body, ParseBodyKind(f.body));
  ASSIGN_OR_RETURN(std::unique_ptr<store::Store> store, store::Store::Open({.url = f.db}));
  RETURN_IF_ERROR(store->Migrate());
  ASSIGN_OR_RETURN(analytics::UnitTree tree, LoadStoredUnits(*store, g));
  ASSIGN_OR_RETURN(UnitId in_registry, tree.registry().ResolveCode(f.rest[1], period));
  UnitId unit = tree.ToStored(in_registry);
  ASSIGN_OR_RETURN(io::UnitReport report,
                   api::UnitReportOf(*store, tree, unit, period, date, body, f.include_unapproved));
  return io::WriteDocx(io::UnitReportDocument(report), f.output);
}

// The conclusion notice of working session `rest[1]`, dated --as-of or the session's day.
Status WriteMeetingNotice(const GlobalOptions& g, const ReportFlags& f) {
  int64_t id = 0;
  const std::string& text = f.rest[1];
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) {
    return InvalidArgument("'" + text + "' is not a working session's number",
                           "'" + text + "' không phải là số của buổi làm việc");
  }
  ASSIGN_OR_RETURN(std::unique_ptr<store::Store> store, store::Store::Open({.url = f.db}));
  RETURN_IF_ERROR(store->Migrate());
  ASSIGN_OR_RETURN(analytics::UnitTree tree, LoadStoredUnits(*store, g));
  std::optional<Date> date;
  if (!f.as_of.empty()) {
    ASSIGN_OR_RETURN(date, Date::Parse(f.as_of));
  }
  ASSIGN_OR_RETURN(io::MeetingNotice notice, api::MeetingNoticeOf(*store, tree, id, date));
  return io::WriteDocx(io::MeetingNoticeDocument(notice), f.output);
}

}  // namespace

int RunReport(const GlobalOptions& g, const std::vector<std::string>& args) {
  ReportFlags f = Parse(args);
  bool unit = !f.rest.empty() && f.rest[0] == "unit";
  bool meeting = !f.rest.empty() && f.rest[0] == "meeting";
  if (!f.error.empty() || f.rest.size() != 2 || !(unit || meeting) || (unit && f.period.empty()) ||
      f.output.empty()) {
    if (!f.error.empty()) std::cerr << "kiemdem: " << f.error << "\n";
    std::cerr << kUsage;
    return 2;
  }
  if (Status s = unit ? WriteUnitReport(g, f) : WriteMeetingNotice(g, f); !s.ok()) {
    std::cerr << "kiemdem: " << s.message_in(g.lang) << "\n";
    return 1;
  }
  return 0;
}

}  // namespace kiemdem::cli
