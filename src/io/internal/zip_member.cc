#include "io/internal/zip_member.h"

namespace kiemdem::io::internal {

std::string Mebibytes(size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

Result<ZipArchive> OpenZip(std::string_view bytes, const ZipErrors& errors) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (src == nullptr) {
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    return errors.damaged(why);
  }
  zip_t* raw = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (raw == nullptr) {
    std::string why = zip_error_strerror(&error);
    zip_source_free(src);
    zip_error_fini(&error);
    return errors.damaged(why);
  }
  zip_error_fini(&error);
  return ZipArchive(raw, zip_discard);
}

Status StreamMember(zip_t* archive, const std::string& name, size_t budget, const ZipErrors& errors,
                    const ZipChunk& sink) {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(archive, name.c_str(), 0, &st) != 0) return NotFound(name + " is absent", name + " không có");
  std::string part = name.substr(name.rfind('/') + 1);
  if ((st.valid & ZIP_STAT_SIZE) != 0 && st.size > budget) return errors.too_large(part, budget);
  std::unique_ptr<zip_file_t, decltype(&zip_fclose)> f(zip_fopen(archive, name.c_str(), 0), zip_fclose);
  if (!f) return errors.damaged(part + " cannot be opened: " + zip_strerror(archive));
  std::string buffer(size_t{64} << 10, '\0');
  size_t total = 0;
  while (true) {
    zip_int64_t n = zip_fread(f.get(), buffer.data(), buffer.size());
    if (n < 0) return errors.damaged(part + " is damaged: " + zip_file_strerror(f.get()));
    if (n == 0) break;
    total += static_cast<size_t>(n);
    if (total > budget) return errors.too_large(part, budget);
    RETURN_IF_ERROR(sink(std::string_view(buffer.data(), static_cast<size_t>(n))));
  }
  return Status::Ok();
}

Result<std::string> ReadMember(zip_t* archive, const std::string& name, size_t budget,
                               const ZipErrors& errors) {
  std::string out;
  RETURN_IF_ERROR(StreamMember(archive, name, budget, errors, [&out](std::string_view chunk) {
    out.append(chunk);
    return Status::Ok();
  }));
  return out;
}

}  // namespace kiemdem::io::internal
