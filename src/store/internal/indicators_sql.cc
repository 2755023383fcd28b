// The indicator catalogue (chỉ tiêu): one row per code, read through
// IndicatorRow.
#include <algorithm>

#include "store/internal/areas.h"
#include "store/internal/json_text.h"

namespace kiemdem::store::internal {
namespace {

std::string IndicatorJson(const Indicator& i) {
  return JsonObject()
      .Add("name_vi", i.name_vi)
      .Add("name_en", i.name_en)
      .Add("unit", i.unit)
      .Add("direction", DirectionName(i.direction))
      .Add("spatial", SpatialAggregationName(i.spatial))
      .Add("time", TimeAggregationName(i.time))
      .Add("weight_by", i.weight_by)
      .str();
}

std::string JoinAliases(const std::vector<std::string>& aliases) {
  std::string out;
  for (const std::string& a : aliases) out += (out.empty() ? "" : "|") + a;
  return out;
}

// The row mapper of `indicators`.
struct IndicatorRow {
  static constexpr std::string_view kColumns =
      "code, name_vi, name_en, unit, grp, value_kind, direction, spatial, time_agg, allow_negative, aliases, "
      "weight_by";

  std::string code, name_vi, name_en, unit, group, value_kind, direction, spatial, time, aliases, weight_by;
  int allow_negative = 0;

  void Into(soci::statement& st) {
    for (std::string* s :
         {&code, &name_vi, &name_en, &unit, &group, &value_kind, &direction, &spatial, &time}) {
      st.exchange(soci::into(*s));
    }
    st.exchange(soci::into(allow_negative));
    st.exchange(soci::into(aliases));
    st.exchange(soci::into(weight_by));
  }

  Result<Indicator> Decode() const {
    Indicator i;
    i.code = code;
    i.name_vi = name_vi;
    i.name_en = name_en;
    i.unit = unit;
    i.group = group;
    ASSIGN_OR_RETURN(i.value_kind,
                     DecodeKey(ParseValueKind(value_kind), "indicators", code, "value_kind", value_kind));
    ASSIGN_OR_RETURN(i.direction,
                     DecodeKey(ParseDirection(direction), "indicators", code, "direction", direction));
    ASSIGN_OR_RETURN(i.spatial,
                     DecodeKey(ParseSpatialAggregation(spatial), "indicators", code, "spatial", spatial));
    ASSIGN_OR_RETURN(i.time, DecodeKey(ParseTimeAggregation(time), "indicators", code, "time_agg", time));
    i.allow_negative = allow_negative != 0;
    i.aliases = SplitAliases(aliases);
    i.weight_by = weight_by;
    return i;
  }
};

Result<std::vector<Indicator>> LoadIndicators(Db db, const std::string& where, const std::string& arg) {
  std::vector<Indicator> out;
  IndicatorRow row;
  Query q(db.sql,
          "SELECT " + std::string(IndicatorRow::kColumns) + " FROM indicators " + where + " ORDER BY code");
  q.Use(arg).IntoRow(row).Execute();
  while (q.Next()) {
    ASSIGN_OR_RETURN(Indicator i, row.Decode());
    out.push_back(std::move(i));
  }
  return out;
}

}  // namespace

Result<std::optional<Indicator>> LoadIndicator(Db db, const std::string& code) {
  ASSIGN_OR_RETURN(std::vector<Indicator> found, LoadIndicators(db, "WHERE code = :c", code));
  if (found.empty()) return std::optional<Indicator>();
  return std::optional<Indicator>(std::move(found[0]));
}

Result<std::vector<Indicator>> ListIndicators(Db db) { return LoadIndicators(db, "WHERE :c = ''", ""); }

Status PutIndicators(Db db, const std::string& actor, const std::vector<Indicator>& indicators) {
  for (const Indicator& i : indicators) RETURN_IF_ERROR(i.Validate());
  soci::session& sql = db.sql;
  WriteTx tr(db);
  // A mean's base is an indicator of this batch or one already stored.
  for (const Indicator& i : indicators) {
    if (i.weight_by.empty()) continue;
    bool in_batch = std::any_of(indicators.begin(), indicators.end(),
                                [&](const Indicator& o) { return o.code == i.weight_by; });
    if (in_batch) continue;
    ASSIGN_OR_RETURN(std::optional<Indicator> base, LoadIndicator(db, i.weight_by));
    if (!base) {
      return InvalidArgument(
                 "indicator " + i.code + " is weighted by " + i.weight_by + ", which is not an indicator",
                 "chỉ tiêu " + i.code + " lấy trọng số theo " + i.weight_by + " nhưng không có chỉ tiêu này")
          .WithField("weight_by");
    }
  }
  for (const Indicator& i : indicators) {
    std::string aliases = JoinAliases(i.aliases);
    std::string vk = ValueKindName(i.value_kind), dir = DirectionName(i.direction),
                sp = SpatialAggregationName(i.spatial), tm = TimeAggregationName(i.time);
    int neg = i.allow_negative ? 1 : 0;
    std::string new_json = IndicatorJson(i);
    ASSIGN_OR_RETURN(std::optional<Indicator> old, LoadIndicator(db, i.code));
    if (old) {
      sql << "UPDATE indicators SET name_vi = :a, name_en = :b, unit = :c, grp = :d, value_kind = :e, "
             "direction = :f, spatial = :g, time_agg = :h, allow_negative = :i, aliases = :j, weight_by = :l "
             "WHERE code = :k",
          soci::use(i.name_vi), soci::use(i.name_en), soci::use(i.unit), soci::use(i.group), soci::use(vk),
          soci::use(dir), soci::use(sp), soci::use(tm), soci::use(neg), soci::use(aliases),
          soci::use(i.weight_by), soci::use(i.code);
      std::string old_json = IndicatorJson(*old);
      if (old_json != new_json) WriteAudit(sql, actor, "update", "indicator", i.code, old_json, new_json);
    } else {
      sql << "INSERT INTO indicators(" + std::string(IndicatorRow::kColumns) +
                 ") VALUES(:k, :a, :b, :c, :d, :e, :f, :g, :h, :i, :j, :l)",
          soci::use(i.code), soci::use(i.name_vi), soci::use(i.name_en), soci::use(i.unit),
          soci::use(i.group), soci::use(vk), soci::use(dir), soci::use(sp), soci::use(tm), soci::use(neg),
          soci::use(aliases), soci::use(i.weight_by);
      WriteAudit(sql, actor, "create", "indicator", i.code, "", new_json);
    }
  }
  tr.Commit();
  return Status::Ok();
}

}  // namespace kiemdem::store::internal
