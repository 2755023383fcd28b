// Importing results, or plans with their targets, from a spreadsheet through
// the API: the file travels as base64 in a JSON body; `check_only` previews
// every problem by sheet, row and column without storing anything; without it
// the file is stored whole or not at all. A caller who may enter results (set
// plans) nowhere is refused before the file is read; each row's unit must be
// one the caller may enter results for (set the plan of). A file of bad rows
// answers the first 200 problems and counts the rest.
#include "api/plan_scope.h"
#include "api/router.h"
#include "api/store_sheets.h"
#include "api/unit_codes.h"
#include "api/upload.h"
#include "api/views.h"
#include "io/importer.h"
#include "io/xlsx.h"

namespace kiemdem::api {
namespace {

Json ProblemView(const io::ImportProblem& p, bool vi) {
  return {{"sheet", p.sheet},
          {"row", p.row},
          {"column", p.column.empty() ? Json(nullptr) : Json(p.column)},
          {"message", vi ? p.message_vi : p.message_en}};
}

// The outcome: 200 when the file had no problem, else 422 with them.
void ReplyOutcome(Call& call, const std::string& name, bool check_only, const io::ImportOutcome& outcome) {
  Json problems = Json::array();
  for (const io::ImportProblem& p : outcome.problems) problems.push_back(ProblemView(p, call.vi()));
  Json notes = Json::array();
  for (const io::ImportProblem& p : outcome.notes) notes.push_back(ProblemView(p, call.vi()));
  Json by_column = Json::array();
  for (const auto& [column, count] : outcome.problems_by_column) {
    by_column.push_back({{"column", column.empty() ? Json(nullptr) : Json(column)}, {"count", count}});
  }
  call.Reply({{"file_name", name},
              {"rows", outcome.rows},
              {"stored", outcome.stored},
              {"check_only", check_only},
              {"problems", problems},
              {"notes", notes},
              {"problem_count", outcome.problem_count},
              {"problems_by_column", by_column}},
             outcome.problems.empty() ? 200 : 422);
}

// The uploaded file of `body` read as a sheet, its import slot held until
// the import is done; a file that does not read is the field "file_name"'s problem.
struct UploadedSheet {
  std::string name;
  io::Sheet sheet;
  App::ImportSlot slot;
};
Result<UploadedSheet> ReadUploadedSheet(Call& call, const Json& body) {
  ASSIGN_OR_RETURN(Upload upload, ReadUpload(call, body));
  Result<io::Sheet> sheet = io::ReadSpreadsheet(upload.bytes, upload.name);
  if (!sheet.ok()) {
    Status problem = sheet.status();
    return problem.WithField("file_name");
  }
  return UploadedSheet{std::move(upload.name), std::move(sheet).value(), std::move(upload.slot)};
}

Status ImportResultsRoute(Call& call) {
  ASSIGN_OR_RETURN(const Json* body, call.Body());
  ASSIGN_OR_RETURN(bool check_only, BoolField(*body, "check_only"));
  // Reading a file takes memory (bounded by io::ReadLimits): imports run a
  // few at a time, so that parallel uploads cannot multiply the bound.
  ASSIGN_OR_RETURN(UploadedSheet sheet, ReadUploadedSheet(call, *body));
  ResultImportOptions options;
  options.check_only = check_only;
  options.read.may_enter = [&call](UnitId unit) { return Authorise(call, Action::kEnter, unit); };
  options.read.resolve_unit = SheetUnitResolver(call.app->tree());
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  ASSIGN_OR_RETURN(io::ImportOutcome outcome, ImportResults(*store, call.actor(), sheet.sheet, options));
  ReplyOutcome(call, sheet.name, check_only, outcome);
  return Status::Ok();
}

// Plans: each plan's unit must be one the caller may manage, and targets
// assigned from above need the right to assign (a row's problem); a plan
// replacing assigned targets is refused by the store, and the file with it.
Status ImportPlansRoute(Call& call) {
  ASSIGN_OR_RETURN(const Json* body, call.Body());
  ASSIGN_OR_RETURN(bool check_only, BoolField(*body, "check_only"));
  ASSIGN_OR_RETURN(UploadedSheet sheet, ReadUploadedSheet(call, *body));
  PlanImportOptions options;
  options.check_only = check_only;
  options.read.may_set = [&call](const Plan& plan) { return MaySetPlan(call, plan); };
  options.may_assign = MayAssignFor(call);
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  ASSIGN_OR_RETURN(io::ImportOutcome outcome, ImportPlans(*store, call.actor(), sheet.sheet, options));
  ReplyOutcome(call, sheet.name, check_only, outcome);
  return Status::Ok();
}

}  // namespace

void AddImportRoutes(Router& r) {
  r.Add(
      {"POST", "/imports/results", {Scope::kSomeUnit, Action::kEnter}, ImportResultsRoute, false, 8u << 20});
  r.Add({"POST", "/imports/plans", {Scope::kSomeUnit, Action::kManage}, ImportPlansRoute, false, 8u << 20});
}

}  // namespace kiemdem::api
