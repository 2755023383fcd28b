#include "core/email_address.h"

#include <string>

namespace kiemdem {
namespace {

Status Refuse(std::string_view address, const std::string& en, const std::string& vi) {
  std::string shown(address.substr(0, 80));
  return InvalidArgument("'" + shown + "' is not an e-mail address: " + en,
                         "'" + shown + "' không phải địa chỉ e-mail: " + vi)
      .WithField("email");
}

}  // namespace

Status CheckEmailAddress(std::string_view address) {
  if (address.empty()) return Status::Ok();
  if (address.size() > 254) return Refuse(address, "longer than 254 characters", "dài quá 254 ký tự");
  for (char c : address) {
    auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F || c == '"' || c == '<' || c == '>' || c == ',' || c == ';' || c == '\\' ||
        c == '(' || c == ')') {
      return Refuse(address, "it holds a space, a control character or one of \" < > , ; \\ ( )",
                    "có dấu cách, ký tự điều khiển hoặc một trong các ký tự \" < > , ; \\ ( )");
    }
  }
  size_t at = address.find('@');
  if (at == std::string_view::npos || address.find('@', at + 1) != std::string_view::npos) {
    return Refuse(address, "it needs exactly one @", "phải có đúng một dấu @");
  }
  std::string_view local = address.substr(0, at);
  std::string_view domain = address.substr(at + 1);
  if (local.empty() || local.size() > 64) {
    return Refuse(address, "the part before @ is 1-64 characters", "phần trước @ dài 1-64 ký tự");
  }
  if (domain.find('.') == std::string_view::npos || domain.front() == '.' || domain.back() == '.' ||
      domain.find("..") != std::string_view::npos || domain.front() == '-') {
    return Refuse(address, "the part after @ must be a domain such as quangphu.gov.vn",
                  "phần sau @ phải là tên miền, ví dụ quangphu.gov.vn");
  }
  return Status::Ok();
}

}  // namespace kiemdem
