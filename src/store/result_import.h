// An import of results written as it is read: batches inside one transaction,
// so that a file of millions of rows needs memory for one batch, not for the
// file, and is still stored all or none.
//
//   ASSIGN_OR_RETURN(std::unique_ptr<ResultImport> imp, store.plans().BeginResultImport("an", "kq.csv"));
//   RETURN_IF_ERROR(imp->Add(batch));   // as often as needed
//   RETURN_IF_ERROR(imp->Commit());     // or drop it: nothing is stored
#ifndef KIEMDEM_STORE_RESULT_IMPORT_H_
#define KIEMDEM_STORE_RESULT_IMPORT_H_

#include <string>
#include <vector>

#include "core/observation.h"
#include "core/status.h"

namespace kiemdem::store {

// Holds the store's write transaction from its start to Commit() or its
// destruction (which rolls everything back); nothing else may use the store
// meanwhile. Each row is saved as ResultStore::SaveResults saves it (a new
// result, or the update of a stored draft or submitted one, each audited);
// Commit() adds the one audit row naming the source.
class ResultImport {
 public:
  virtual ~ResultImport() = default;

  // Saves `batch`. The first refused row's error, as SaveResult would give
  // it; the import is then spoiled: later calls fail and nothing is stored.
  // A row repeating an earlier row's unit, indicator and period updates it.
  virtual Status Add(const std::vector<Observation>& batch) = 0;

  // The rows added so far.
  virtual size_t rows() const = 0;

  // Stores every row added, with the import's own audit row.
  virtual Status Commit() = 0;
};

}  // namespace kiemdem::store

#endif  // KIEMDEM_STORE_RESULT_IMPORT_H_
