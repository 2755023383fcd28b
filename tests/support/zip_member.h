// Reads one member of a zip archive whole, for tests that look inside the
// .docx and .xlsx files kiemdem writes ("" when the member or the archive is
// absent or not a zip).
//
//   std::string xml = testing_zip::MemberOfFile(path, "word/document.xml");
#ifndef KIEMDEM_TESTS_SUPPORT_ZIP_MEMBER_H_
#define KIEMDEM_TESTS_SUPPORT_ZIP_MEMBER_H_

#include <zip.h>

#include <string>

namespace testing_zip {

// `name` of the open archive `z`, which it then discards.
inline std::string ReadAndDiscard(zip_t* z, const std::string& name) {
  std::string out;
  if (zip_file_t* f = zip_fopen(z, name.c_str(), 0); f != nullptr) {
    char buf[4096];
    zip_int64_t n = 0;
    while ((n = zip_fread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
    zip_fclose(f);
  }
  zip_discard(z);
  return out;
}

inline std::string MemberOfFile(const std::string& path, const std::string& name) {
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &error);
  return z == nullptr ? "" : ReadAndDiscard(z, name);
}

inline std::string MemberOfBytes(const std::string& bytes, const std::string& name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (src == nullptr) return "";
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &error);
  if (z == nullptr) {
    zip_source_free(src);
    return "";
  }
  return ReadAndDiscard(z, name);
}

}  // namespace testing_zip

#endif  // KIEMDEM_TESTS_SUPPORT_ZIP_MEMBER_H_
