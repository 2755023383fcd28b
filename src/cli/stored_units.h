// The stored units as a tree, for the commands that work on a database
// (evaluate, import results, report, user role): loaded once per command,
// with what the store holds that does not fit together said on stderr.
#ifndef KIEMDEM_CLI_STORED_UNITS_H_
#define KIEMDEM_CLI_STORED_UNITS_H_

#include "analytics/unit_tree.h"
#include "cli/commands.h"

namespace kiemdem::cli {

// UnitTree::Load, then each of its problems() on stderr as one line,
// "kiemdem: cảnh báo: ..." or "kiemdem: warning: ..." in g.lang. A problem
// does not stop the command: the unit or succession is left out or kept as
// UnitTree says. Fails only when the store cannot be read.
Result<analytics::UnitTree> LoadStoredUnits(store::Store& store, const GlobalOptions& g);

}  // namespace kiemdem::cli

#endif  // KIEMDEM_CLI_STORED_UNITS_H_
