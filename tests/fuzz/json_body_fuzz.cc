// Fuzzes what every JSON route does with a request body before its handler's
// logic: the depth check, the parse, and the typed fields handlers read.
// A body the depth check lets through must parse without running away, and
// no field accessor may crash or hit undefined behaviour on any value.
#include <cstddef>
#include <cstdint>
#include <string>

#include "api/call.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  kiemdem::api::Call call;
  call.body.assign(reinterpret_cast<const char*>(data), size);
  kiemdem::Result<const kiemdem::api::Json*> body = call.Body();
  if (!body.ok()) return 0;
  const kiemdem::api::Json& j = **body;
  for (const char* name : {"username", "password", "unit", "value", "period", "held_on", "roles", "year"}) {
    (void)kiemdem::api::StringField(j, name, false);
    (void)kiemdem::api::NumberField(j, name, false);
    (void)kiemdem::api::IdField(j, name, false);
    (void)kiemdem::api::BoolField(j, name);
    (void)kiemdem::api::StringListField(j, name);
    (void)kiemdem::api::DateField(j, name, false);
    (void)kiemdem::api::YearField(j, name, false);
  }
  // Paginate takes the list a handler built; a body that is an array stands in for one.
  if (j.is_array()) (void)kiemdem::api::Paginate(call, j);
  return 0;
}
