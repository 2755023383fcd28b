// A file uploaded in a JSON body, read under the server's import slots. Apart
// from call.h because it needs the App (the fuzzers link call.cc alone).
#ifndef KIEMDEM_API_UPLOAD_H_
#define KIEMDEM_API_UPLOAD_H_

#include <string>

#include "api/app.h"
#include "api/call.h"

namespace kiemdem::api {

// A file sent in a JSON body as {"file_name", "content_base64"}: its name
// (1-255 bytes) and bytes, read while holding one of the few import slots
// (reading a spreadsheet or a document takes memory; none free after 30 s is
// a 429 with Retry-After), with the memory given back after the request.
struct Upload {
  std::string name;
  std::string bytes;
  App::ImportSlot slot;
};
Result<Upload> ReadUpload(Call& call, const Json& body);

}  // namespace kiemdem::api

#endif  // KIEMDEM_API_UPLOAD_H_
