#include "cli/stored_units.h"

#include <iostream>

namespace kiemdem::cli {

Result<analytics::UnitTree> LoadStoredUnits(store::Store& store, const GlobalOptions& g) {
  ASSIGN_OR_RETURN(analytics::UnitTree tree, analytics::UnitTree::Load(store));
  const char* prefix = g.lang == "vi" ? "kiemdem: cảnh báo: " : "kiemdem: warning: ";
  for (const analytics::UnitTree::Problem& p : tree.problems()) {
    std::cerr << prefix << p.cause.message_in(g.lang) << "\n";
  }
  return tree;
}

}  // namespace kiemdem::cli
