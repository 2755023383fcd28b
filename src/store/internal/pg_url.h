// A PostgreSQL URL ("postgresql://user:pw@host:port/db?sslmode=disable") in
// libpq's key=value form ("host='host' port='port' user='user' …"), each
// value quoted. An IPv6 host is written in brackets ("[::1]:5432") and
// handed to libpq without them.
#ifndef KIEMDEM_STORE_INTERNAL_PG_URL_H_
#define KIEMDEM_STORE_INTERNAL_PG_URL_H_

#include <string>

namespace kiemdem::store::internal {

std::string PostgresConnInfo(const std::string& url);

}  // namespace kiemdem::store::internal

#endif  // KIEMDEM_STORE_INTERNAL_PG_URL_H_
