// The approval inbox: the figures that wait for a reviewer, gathered by
// unit and period, so that a whole period is read and approved at once.
#ifndef KIEMDEM_ANALYTICS_INBOX_H_
#define KIEMDEM_ANALYTICS_INBOX_H_

#include <functional>
#include <string>
#include <vector>

#include "store/store.h"

namespace kiemdem::analytics {

// The figures of one unit and one period waiting for review.
struct InboxGroup {
  UnitId unit = kNoUnit;
  Period period;
  int count = 0;       // figures waiting
  std::string oldest;  // the earliest updated_at among them (ISO 8601, UTC)
};

// `waiting` (ResultStore::ListAwaitingReview: already without the
// reviewer's own figures) as one group per unit and period, keeping only
// the units `may_approve` accepts; it is asked once per unit. Ordered by
// the oldest submission first; groups submitted at the same moment by
// unit id, then by period key.
std::vector<InboxGroup> GroupInbox(const std::vector<store::ResultRecord>& waiting,
                                   const std::function<bool(UnitId)>& may_approve);

}  // namespace kiemdem::analytics

#endif  // KIEMDEM_ANALYTICS_INBOX_H_
