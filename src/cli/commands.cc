#include "cli/commands.h"

#include <charconv>
#include <iostream>
#include <set>

#include "cli/flags.h"
#include "cli/table.h"
#include "cli/workspace.h"
#include "core/consistency.h"
#include "core/evaluation.h"
#include "core/vn_number.h"

namespace kiemdem::cli {

int Fail(const GlobalOptions& g, const Status& s) {
  std::cerr << "kiemdem: " << s.message_in(g.lang) << "\n";
  return 1;
}

namespace {

bool Vi(const GlobalOptions& g) { return g.lang == "vi"; }

int Usage(const std::string& text) {
  std::cerr << "usage: " << text << "\n";
  return 2;
}

Result<Date> AsOf(const Flags& f) {
  auto it = f.values.find("--as-of");
  if (it == f.values.end()) return Today();
  return Date::Parse(it->second);
}

std::string UnitLine(const AdminRegistry& reg, UnitId id, Date on) {
  const AdminUnit* u = reg.Get(id);
  const UnitVersion& v = u->VersionOn(on);
  std::string span;
  if (u->valid_from || u->valid_to) {
    span = " [" + (u->valid_from ? u->valid_from->ToVietnamese() : std::string("…")) + " – " +
           (u->valid_to ? u->valid_to->AddDays(-1).ToVietnamese() : std::string("nay")) + "]";
  }
  return v.full_name + " (" + u->code + ")" + span;
}

int UnitsTree(const GlobalOptions& g, const Workspace& ws, const Flags& f) {
  Result<Date> on = AsOf(f);
  if (!on.ok()) return Fail(g, on.status());
  UnitId root = kNoUnit;
  if (auto it = f.values.find("--root"); it != f.values.end()) {
    Result<UnitId> r = ws.units.FindByCode(it->second, *on);
    if (!r.ok()) return Fail(g, r.status());
    root = *r;
  }
  int max_depth = root == kNoUnit ? 0 : 1;
  if (auto it = f.values.find("--depth"); it != f.values.end()) {
    auto [p, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), max_depth);
    if (ec != std::errc() || max_depth < 0) return Usage("--depth takes a whole number ≥ 0");
  }
  Result<std::vector<TreeNode>> tree = ws.units.TreeAsOf(*on, root);
  if (!tree.ok()) return Fail(g, tree.status());
  size_t shown = 0;
  for (const TreeNode& n : *tree) {
    if (n.depth > max_depth) continue;
    std::cout << std::string(static_cast<size_t>(n.depth) * 2, ' ') << UnitLine(ws.units, n.id, *on) << "\n";
    ++shown;
  }
  std::cerr << shown << (Vi(g) ? " đơn vị vào ngày " : " units on ") << on->ToVietnamese() << "\n";
  return 0;
}

int UnitsSearch(const GlobalOptions& g, const Workspace& ws, const Flags& f) {
  if (f.rest.size() != 1) return Usage("kiemdem units search QUERY [--as-of dd/mm/yyyy]");
  Result<Date> on = AsOf(f);
  if (!on.ok()) return Fail(g, on.status());
  for (UnitId id : ws.units.Search(f.rest[0], *on)) {
    const AdminUnit* u = ws.units.Get(id);
    std::string parent = u->parent == kNoUnit ? "" : ", " + ws.units.Get(u->parent)->VersionOn(*on).full_name;
    std::cout << UnitLine(ws.units, id, *on) << parent << "\n";
  }
  return 0;
}

int UnitsHistory(const GlobalOptions& g, const Workspace& ws, const Flags& f) {
  if (f.rest.size() != 1) return Usage("kiemdem units history CODE");
  std::vector<UnitId> ids = ws.units.AllWithCode(f.rest[0]);
  if (ids.empty()) {
    return Fail(g,
                NotFound("no unit ever had code " + f.rest[0], "không có đơn vị nào mang mã " + f.rest[0]));
  }
  auto cov = [&](Coverage c) {
    return c == Coverage::kFull ? (Vi(g) ? "toàn bộ" : "whole") : (Vi(g) ? "một phần" : "part");
  };
  for (UnitId id : ids) {
    const AdminUnit* u = ws.units.Get(id);
    Date last = u->valid_to ? u->valid_to->AddDays(-1) : Today();
    std::cout << UnitLine(ws.units, id, last) << "\n";
    for (size_t i = 1; i < u->versions.size(); ++i) {
      std::cout << "  " << u->versions[i].from.ToVietnamese() << ": " << u->versions[i].full_name << "\n";
    }
    for (const Succession& s : ws.units.PredecessorsOf(id)) {
      std::cout << "  ← " << UnitLine(ws.units, s.predecessor, s.effective.AddDays(-1)) << " ("
                << cov(s.coverage) << ")\n";
    }
    for (const Succession& s : ws.units.SuccessorsOf(id)) {
      std::cout << "  → " << UnitLine(ws.units, s.successor, s.effective) << " (" << cov(s.coverage) << ")\n";
    }
  }
  return 0;
}

}  // namespace

int RunUnits(const GlobalOptions& g, const std::vector<std::string>& args) {
  const char* usage = "kiemdem units tree|search|history ... [--as-of dd/mm/yyyy] [--root CODE] [--depth N]";
  if (args.empty()) return Usage(usage);
  Flags f = ParseFlags({args.begin() + 1, args.end()}, {"--as-of", "--root", "--depth"});
  if (!f.error.empty()) return Usage(f.error);
  Workspace ws;
  if (Status s = LoadReferenceData(g.data_dir, &ws); !s.ok()) return Fail(g, s);
  if (args[0] == "tree") return UnitsTree(g, ws, f);
  if (args[0] == "search") return UnitsSearch(g, ws, f);
  if (args[0] == "history") return UnitsHistory(g, ws, f);
  return Usage(usage);
}

int RunIndicators(const GlobalOptions& g, const std::vector<std::string>& args) {
  if (!args.empty()) return Usage("kiemdem indicators");
  Workspace ws;
  if (Status s = LoadReferenceData(g.data_dir, &ws); !s.ok()) return Fail(g, s);
  TextTable t(Vi(g) ? std::vector<std::string>{"Mã", "Tên chỉ tiêu", "Đơn vị", "Chiều", "Cộng theo đơn vị",
                                               "Theo thời gian"}
                    : std::vector<std::string>{"Code", "Indicator", "Unit", "Direction", "Across units",
                                               "Over time"});
  for (const Indicator& i : ws.indicators) {
    t.AddRow({i.code, Vi(g) ? i.name_vi : i.name_en, i.unit, DirectionName(i.direction),
              SpatialAggregationName(i.spatial), TimeAggregationName(i.time)});
  }
  t.Print(std::cout);
  return 0;
}

int RunCheckPercent(const GlobalOptions& g, const std::vector<std::string>& args) {
  if (args.size() != 3) return Usage("kiemdem check-percent PART WHOLE STATED   (e.g. 8 12 66,66%)");
  Result<ParsedNumber> part = ParseVietnameseNumber(args[0]);
  if (!part.ok()) return Fail(g, part.status());
  Result<ParsedNumber> whole = ParseVietnameseNumber(args[1]);
  if (!whole.ok()) return Fail(g, whole.status());
  Result<PercentCheck> c = CheckStatedPercent(part->value, whole->value, args[2]);
  if (!c.ok()) return Fail(g, c.status());
  std::cout << (Vi(g) ? c->message_vi : c->message_en) << "\n";
  return c->consistent ? 0 : 1;
}

}  // namespace kiemdem::cli
