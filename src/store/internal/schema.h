// The schema as numbered migrations, written once with placeholders that each
// backend fills in ({ID}: its auto-increment key, {REAL}: its double type).
#ifndef KIEMDEM_STORE_INTERNAL_SCHEMA_H_
#define KIEMDEM_STORE_INTERNAL_SCHEMA_H_

#include <string>
#include <vector>

namespace kiemdem::store::internal {

enum class Dialect { kSqlite, kPostgres };

struct Migration {
  int version;
  std::string name;
  std::vector<std::string> statements;  // for the dialect asked for
};

std::vector<Migration> Migrations(Dialect dialect);

}  // namespace kiemdem::store::internal

#endif  // KIEMDEM_STORE_INTERNAL_SCHEMA_H_
