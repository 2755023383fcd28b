// Documents: reports, resolutions and conclusion notices, with their text.
#ifndef KIEMDEM_STORE_DOCUMENT_STORE_H_
#define KIEMDEM_STORE_DOCUMENT_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/admin_unit.h"
#include "core/date.h"
#include "core/status.h"

namespace kiemdem::store {

// A document: a report, a resolution, a conclusion notice, with its text.
struct StoredDocument {
  int64_t id = 0;
  std::string doc_type;  // "Báo cáo", "Nghị quyết", "Thông báo", ...
  std::string number;    // "06"
  std::string code;      // "06-NQ/TU"
  std::optional<Date> issued;
  std::string issuer;
  std::string title;
  std::string text;
  UnitId unit = kNoUnit;  // the unit it reports on, when known
  std::string created_at;
};

// Every method may also fail with kUnavailable (the database is busy: retry)
// or kInternal (the database failed), and a read with kDataLoss naming the
// table and row when a stored value cannot be decoded.
class DocumentStore {
 public:
  virtual ~DocumentStore() = default;

  // Stores a new document (audited without its text); returns its id.
  // InvalidArgument (field "doc_type") without a type.
  virtual Result<int64_t> SaveDocument(const std::string& actor, const StoredDocument& doc) = 0;

  // With its text; NotFound for an unknown id.
  virtual Result<StoredDocument> GetDocument(int64_t id) = 0;

  // Every document without its text, by id.
  virtual Result<std::vector<StoredDocument>> ListDocuments() = 0;
};

}  // namespace kiemdem::store

#endif  // KIEMDEM_STORE_DOCUMENT_STORE_H_
