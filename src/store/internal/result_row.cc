#include "store/internal/result_row.h"

namespace kiemdem::store::internal {

ResultRow ResultRow::From(const Observation& o) {
  ResultRow r;
  r.unit = o.unit;
  r.indicator = o.indicator;
  r.period = o.period.Key();
  r.value = o.value;
  r.num = o.numerator.value_or(0);
  r.den = o.denominator.value_or(0);
  r.num_ind = o.numerator ? soci::i_ok : soci::i_null;
  r.den_ind = o.denominator ? soci::i_ok : soci::i_null;
  r.qualifier = QualifierKey(o.qualifier);
  r.estimated = o.estimated ? 1 : 0;
  r.prov = ProvenanceKindKey(o.provenance.kind);
  r.source = o.provenance.source;
  r.span_begin = o.provenance.span_begin;
  r.span_end = o.provenance.span_end;
  r.span_begin_ind = r.span_begin >= 0 ? soci::i_ok : soci::i_null;
  r.span_end_ind = r.span_end >= 0 ? soci::i_ok : soci::i_null;
  return r;
}

void ResultRow::UseKey(soci::statement& st) {
  st.exchange(soci::use(unit));
  st.exchange(soci::use(indicator));
  st.exchange(soci::use(period));
}

void ResultRow::UseValues(soci::statement& st) {
  st.exchange(soci::use(value));
  st.exchange(soci::use(num, num_ind));
  st.exchange(soci::use(den, den_ind));
  st.exchange(soci::use(qualifier));
  st.exchange(soci::use(estimated));
  st.exchange(soci::use(prov));
  st.exchange(soci::use(source));
  st.exchange(soci::use(span_begin, span_begin_ind));
  st.exchange(soci::use(span_end, span_end_ind));
}

void ResultRow::Into(soci::statement& st) {
  st.exchange(soci::into(id));
  st.exchange(soci::into(unit));
  st.exchange(soci::into(indicator));
  st.exchange(soci::into(period));
  st.exchange(soci::into(value));
  st.exchange(soci::into(num, num_ind));
  st.exchange(soci::into(den, den_ind));
  st.exchange(soci::into(qualifier));
  st.exchange(soci::into(estimated));
  st.exchange(soci::into(prov));
  st.exchange(soci::into(source));
  st.exchange(soci::into(span_begin, span_begin_ind));
  st.exchange(soci::into(span_end, span_end_ind));
  st.exchange(soci::into(status));
  st.exchange(soci::into(version));
  st.exchange(soci::into(updated_at));
  st.exchange(soci::into(updated_by));
  st.exchange(soci::into(return_comment));
  st.exchange(soci::into(returned_by));
  st.exchange(soci::into(returned_at));
}

Result<ResultStatus> DecodeResultStatus(const std::string& text, std::string_view table,
                                        std::string_view id) {
  for (ResultStatus s : {ResultStatus::kDraft, ResultStatus::kSubmitted, ResultStatus::kApproved}) {
    if (text == ResultStatusKey(s)) return s;
  }
  return Undecodable(table, id, "status", text);
}

namespace {

Result<ProvenanceKind> DecodeProvenance(const std::string& text, std::string_view id) {
  for (ProvenanceKind k : {ProvenanceKind::kForm, ProvenanceKind::kImport, ProvenanceKind::kDocument}) {
    if (text == ProvenanceKindKey(k)) return k;
  }
  return Undecodable("results", id, "provenance_kind", text);
}

}  // namespace

Result<ResultRecord> ResultRow::Decode() const {
  std::string row = std::to_string(id);
  ResultRecord r;
  r.id = id;
  Observation& o = r.observation;
  o.unit = unit;
  o.indicator = indicator;
  ASSIGN_OR_RETURN(o.period, DecodeKey(Period::Parse(period), "results", row, "period", period));
  o.value = value;
  if (num_ind == soci::i_ok) o.numerator = num;
  if (den_ind == soci::i_ok) o.denominator = den;
  ASSIGN_OR_RETURN(o.qualifier, DecodeKey(ParseQualifier(qualifier), "results", row, "qualifier", qualifier));
  o.estimated = estimated != 0;
  ASSIGN_OR_RETURN(o.provenance.kind, DecodeProvenance(prov, row));
  o.provenance.source = source;
  o.provenance.span_begin = span_begin_ind == soci::i_ok ? span_begin : -1;
  o.provenance.span_end = span_end_ind == soci::i_ok ? span_end : -1;
  ASSIGN_OR_RETURN(r.status, DecodeResultStatus(status, "results", row));
  r.version = version;
  r.updated_at = updated_at;
  r.updated_by = updated_by;
  // Submitting clears the comment; a draft that still has one waits for its reporter.
  if (r.status == ResultStatus::kDraft && !return_comment.empty()) {
    r.sent_back = ResultRecord::SentBack{return_comment, returned_by, returned_at};
  }
  return r;
}

}  // namespace kiemdem::store::internal
