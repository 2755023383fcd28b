// Results and their workflow: draft → submitted → approved, sent back or
// reopened with a reason; every change keeps the previous value.
//
//   ASSIGN_OR_RETURN(int64_t id, store.results().SaveResult("alice", observation));
//   RETURN_IF_ERROR(store.results().SubmitResult("alice", id));
#ifndef KIEMDEM_STORE_RESULT_STORE_H_
#define KIEMDEM_STORE_RESULT_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/observation.h"
#include "core/status.h"

namespace kiemdem::store {

enum class ResultStatus { kDraft, kSubmitted, kApproved };
const char* ResultStatusKey(ResultStatus s);  // "draft", "submitted", "approved"

// A stored result: the observation plus its workflow state.
struct ResultRecord {
  int64_t id = 0;
  Observation observation;
  ResultStatus status = ResultStatus::kDraft;
  int version = 1;
  std::string updated_by;
  std::string updated_at;  // ISO 8601, UTC
  // Set while the figure is a draft an approver sent back and its reporter
  // has not submitted again: their comment, who sent it back and when.
  struct SentBack {
    std::string comment;
    std::string by;
    std::string at;  // ISO 8601, UTC
  };
  std::optional<SentBack> sent_back;
};

// An earlier value of a result, kept when it changes or is reopened.
struct ResultChange {
  int version;
  double value;
  ResultStatus status;  // what the figure was in before the change
  std::string changed_by;
  std::string changed_at;
  std::string reason;
};

// A figure as an approver reviewed it: its id and the version read.
struct ReviewedFigure {
  int64_t id = 0;
  int version = 0;
};

enum class Review { kApprove, kReturn };

// A figure sent back to the reporter who submitted it, not submitted again.
struct ReturnedResult {
  ResultRecord result;
  std::string comment;
  std::string returned_by;
  std::string returned_at;  // ISO 8601, UTC
};

// A figure of a period as the completeness board reads it: its state, whether
// it was sent back and not submitted again, and when it last changed.
struct PeriodFigure {
  UnitId unit = kNoUnit;
  ResultStatus status = ResultStatus::kDraft;
  bool returned = false;
  std::string updated_at;  // ISO 8601, UTC
};

// Every method may also fail with kUnavailable (the database is busy: retry)
// or kInternal (the database failed), and a read with kDataLoss naming the
// table and row when a stored value cannot be decoded.
class ResultStore {
 public:
  virtual ~ResultStore() = default;

  // Creates a draft, or updates the draft or submitted result of the same
  // unit, indicator and period (back to draft, version + 1, the old value in
  // the history); returns its id. Observation::unit is a stored unit id.
  // NotFound (field "indicator" or "unit") for an unknown indicator or unit;
  // InvalidArgument when the value does not fit the indicator;
  // FailedPrecondition (field "status") when the result is approved: reopen
  // it first.
  virtual Result<int64_t> SaveResult(const std::string& actor, const Observation& obs) = 0;

  // Saves many results in one transaction, all or none, with one audit row
  // naming `source` besides each result's own. The first refused row's
  // error, as SaveResult would give it, and nothing is written.
  virtual Status SaveResults(const std::string& actor, const std::vector<Observation>& results,
                             const std::string& source) = 0;

  // Draft → submitted. NotFound for an unknown id; FailedPrecondition (field
  // "status") when the result is not a draft.
  virtual Status SubmitResult(const std::string& actor, int64_t id) = 0;

  // Submitted → approved, if the result is still at `version`: the version
  // the approver reviewed. Inside one transaction: NotFound for an unknown id;
  // PermissionDenied when `actor` entered, changed or submitted it (four
  // eyes); FailedPrecondition (field "version") when it changed since;
  // FailedPrecondition (field "status") when it is not submitted.
  virtual Status ApproveResult(const std::string& actor, int64_t id, int version) = 0;

  // Approved → draft, the approved value kept in the history with `reason`.
  // InvalidArgument (field "reason") without a reason; NotFound for an
  // unknown id; FailedPrecondition (field "version") when the result is no
  // longer at `version`; FailedPrecondition (field "status") when not approved.
  virtual Status ReopenResult(const std::string& actor, int64_t id, int version,
                              const std::string& reason) = 0;

  // Submitted → draft: sent back to its reporter with a comment.
  // InvalidArgument (field "comment") without one; NotFound for an unknown
  // id; FailedPrecondition (field "version") when the result is no longer at
  // `version`; FailedPrecondition (field "status") when not submitted.
  virtual Status ReturnResult(const std::string& actor, int64_t id, int version,
                              const std::string& comment) = 0;

  // Approves or sends back, in one transaction, every submitted figure of
  // `unit` for `period` that `actor` did not enter, change or submit; each
  // is audited as ApproveResult or ReturnResult would. `reviewed` names
  // them with the version the approver read (it may also name submitted
  // figures of the period that `actor` wrote: those can be sent back, not
  // approved). On any error nothing is written, and the error names the
  // figure: InvalidArgument (field "items") for an empty list or an id given
  // twice; InvalidArgument (field "comment") to send back without a comment;
  // NotFound (field "items") for an id not of that unit and period;
  // PermissionDenied when approving a figure `actor` wrote (four eyes);
  // FailedPrecondition (field "version") when one changed since it was read,
  // (field "status") when one is no longer submitted, (field "items") when a
  // figure submitted since is not in the list.
  virtual Status ReviewPeriod(const std::string& actor, UnitId unit, const Period& period, Review review,
                              const std::vector<ReviewedFigure>& reviewed, const std::string& comment) = 0;

  // The submitted figures `actor` did not enter, change or submit (what
  // four eyes lets them approve), by unit, period and id. updated_at and
  // updated_by are when and by whom each was submitted.
  virtual Result<std::vector<ResultRecord>> ListAwaitingReview(const std::string& actor) = 0;

  // The figures `reporter` submitted that were sent back and not submitted
  // again since, with the comment, newest first.
  virtual Result<std::vector<ReturnedResult>> ListReturned(const std::string& reporter) = 0;

  // The figures of `units` for exactly `period` (not shorter periods inside
  // it), by unit and id, in one query; empty when `units` is.
  virtual Result<std::vector<PeriodFigure>> PeriodFigures(const std::vector<UnitId>& units,
                                                          const Period& period) = 0;

  // NotFound for an unknown id.
  virtual Result<ResultRecord> GetResult(int64_t id) = 0;

  // The results of `unit`, or every result, by id.
  virtual Result<std::vector<ResultRecord>> ListResults(std::optional<UnitId> unit = std::nullopt) = 0;

  // The earlier values of a result, oldest first (empty for an unknown id).
  virtual Result<std::vector<ResultChange>> ResultHistory(int64_t id) = 0;

  // The results of `unit` for periods in the years first_year..last_year.
  virtual Result<std::vector<ResultRecord>> ListResultsInYears(UnitId unit, int first_year,
                                                               int last_year) = 0;

  // Up to `limit` results with ids above `after_id`, by id: the table read in
  // pages by a follower loading every figure. Only the figure and its state
  // are read (unit, indicator, period, value, numerator, denominator,
  // estimated, status, version); provenance, qualifier and who and when are
  // left at their defaults.
  virtual Result<std::vector<ResultRecord>> ResultsAfter(int64_t after_id, int limit) = 0;

  // The results with these ids, by id; ids that do not exist are left out.
  virtual Result<std::vector<ResultRecord>> ResultsWithIds(const std::vector<int64_t>& ids) = 0;
};

}  // namespace kiemdem::store

#endif  // KIEMDEM_STORE_RESULT_STORE_H_
