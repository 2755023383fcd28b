// The row mapper of the `results` table: one place that names its columns,
// binds them for reading and writing, and decodes a row into a ResultRecord
// (kDataLoss naming the row when a stored value does not decode).
#ifndef KIEMDEM_STORE_INTERNAL_RESULT_ROW_H_
#define KIEMDEM_STORE_INTERNAL_RESULT_ROW_H_

#include <soci/soci.h>

#include <string>
#include <string_view>

#include "store/internal/sql.h"
#include "store/result_store.h"

namespace kiemdem::store::internal {

struct ResultRow {
  // What identifies a result, and what an observation writes besides.
  static constexpr std::string_view kKeyColumns = "unit_id, indicator_code, period";
  static constexpr std::string_view kValueColumns =
      "value, numerator, denominator, qualifier, estimated, provenance_kind, provenance_source, span_begin, "
      "span_end";
  // Every column, in the order Into() binds them.
  static constexpr std::string_view kColumns =
      "id, unit_id, indicator_code, period, value, numerator, denominator, qualifier, estimated, "
      "provenance_kind, provenance_source, span_begin, span_end, status, version, updated_at, updated_by, "
      "return_comment, returned_by, returned_at";

  long long id = 0;
  long long unit = 0;
  std::string indicator, period;
  double value = 0, num = 0, den = 0;
  soci::indicator num_ind = soci::i_null, den_ind = soci::i_null;
  std::string qualifier;
  int estimated = 0;
  std::string prov, source;
  long long span_begin = 0, span_end = 0;
  soci::indicator span_begin_ind = soci::i_null, span_end_ind = soci::i_null;
  std::string status;
  int version = 0;
  std::string updated_at, updated_by;
  std::string return_comment, returned_by, returned_at;  // '' unless sent back

  // The key and value columns of an observation (the workflow columns are
  // left for the statement to set).
  static ResultRow From(const Observation& obs);

  // Binds the key columns, then the value columns, as parameters in order.
  void UseKey(soci::statement& st);
  void UseValues(soci::statement& st);
  // Binds every column of kColumns as an output, in order.
  void Into(soci::statement& st);

  Result<ResultRecord> Decode() const;
};

Result<ResultStatus> DecodeResultStatus(const std::string& text, std::string_view table, std::string_view id);

}  // namespace kiemdem::store::internal

#endif  // KIEMDEM_STORE_INTERNAL_RESULT_ROW_H_
