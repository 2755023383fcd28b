// Reading members out of a zip held in memory with a byte budget, for the
// .xlsx and .docx readers: the size a member declares is checked first and the
// bytes that actually come out are counted too (a zip can lie either way), so
// a zip bomb stops at the budget, not at the end of memory.
#ifndef KIEMDEM_IO_INTERNAL_ZIP_MEMBER_H_
#define KIEMDEM_IO_INTERNAL_ZIP_MEMBER_H_

#include <zip.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace kiemdem::io::internal {

// The errors of one reader, in its own words: `damaged` for an archive or
// member that cannot be read (`why` is libzip's reason), `too_large` for a
// member past its budget (`part` is its file name without folders).
struct ZipErrors {
  std::function<Status(const std::string& why)> damaged;
  std::function<Status(const std::string& part, size_t budget)> too_large;
};

using ZipArchive = std::unique_ptr<zip_t, decltype(&zip_discard)>;
using ZipChunk = std::function<Status(std::string_view)>;

// Opens `bytes` (which must outlive the archive) as a zip; `errors.damaged`
// when it is not one.
Result<ZipArchive> OpenZip(std::string_view bytes, const ZipErrors& errors);

// Streams member `name` to `sink` in chunks of at most 64 KiB. kNotFound when
// the member is absent; `errors.too_large` past `budget` bytes.
Status StreamMember(zip_t* archive, const std::string& name, size_t budget, const ZipErrors& errors,
                    const ZipChunk& sink);

// A member whole, within `budget`.
Result<std::string> ReadMember(zip_t* archive, const std::string& name, size_t budget,
                               const ZipErrors& errors);

// "64 MiB" for a byte count, for messages.
std::string Mebibytes(size_t bytes);

}  // namespace kiemdem::io::internal

#endif  // KIEMDEM_IO_INTERNAL_ZIP_MEMBER_H_
