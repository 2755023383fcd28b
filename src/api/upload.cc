#include "api/upload.h"

#include <utility>

namespace kiemdem::api {

Result<Upload> ReadUpload(Call& call, const Json& body) {
  ASSIGN_OR_RETURN(std::string name, StringField(body, "file_name"));
  if (name.empty() || name.size() > 255) {
    return InvalidArgument("'file_name' needs 1-255 characters", "'file_name' cần 1-255 ký tự")
        .WithField("file_name");
  }
  Result<App::ImportSlot> slot = call.app->AcquireImportSlot();
  if (!slot.ok()) {
    call.status = 429;
    call.headers.emplace_back("Retry-After", "60");
    return slot.status();
  }
  call.release_memory = true;
  std::string bytes;
  {
    ASSIGN_OR_RETURN(std::string encoded, StringField(body, "content_base64"));
    ASSIGN_OR_RETURN(bytes, DecodeBase64(encoded, "content_base64"));
  }  // the base64 text goes before the file is read
  return Upload{std::move(name), std::move(bytes), std::move(slot).value()};
}

}  // namespace kiemdem::api
