// The two documents kiemdem writes, made from stored data, for the
// `kiemdem report` command and the download routes alike: a unit's periodic
// report and a working session's conclusion notice.
#ifndef KIEMDEM_API_REPORT_DOCUMENTS_H_
#define KIEMDEM_API_REPORT_DOCUMENTS_H_

#include <optional>

#include "analytics/unit_tree.h"
#include "core/date.h"
#include "core/period.h"
#include "core/plan.h"
#include "io/report.h"
#include "store/store.h"

namespace kiemdem::api {

// The report of stored unit `unit` for `period`, issued by its `body` on
// `date` (names as of that date while the unit exists). Errors are the
// evaluation's and IssuerFor's.
Result<io::UnitReport> UnitReportOf(store::Store& store, const analytics::UnitTree& tree, UnitId unit,
                                    Period period, Date date, BodyKind body, bool include_unapproved);

// The conclusion notice of working session `id`, dated `date` or the
// session's day. kNotFound when there is no such session.
Result<io::MeetingNotice> MeetingNoticeOf(store::Store& store, const analytics::UnitTree& tree, int64_t id,
                                          std::optional<Date> date);

}  // namespace kiemdem::api

#endif  // KIEMDEM_API_REPORT_DOCUMENTS_H_
