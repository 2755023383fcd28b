// Whether a text can be a user's e-mail address ("lan.nguyen@quangphu.gov.vn"):
// what the reminders of the completeness board are sent to.
#ifndef KIEMDEM_CORE_EMAIL_ADDRESS_H_
#define KIEMDEM_CORE_EMAIL_ADDRESS_H_

#include <string_view>

#include "core/status.h"

namespace kiemdem {

// Ok for an address of the form local@domain.tld: at most 254 bytes, one
// "@", no spaces, control characters, quotes, angle brackets or commas (so
// it cannot add a recipient or a header to a message), a domain with a dot
// and no empty labels. An empty text is Ok (no address). Otherwise
// InvalidArgument (field "email") that says what is wrong.
Status CheckEmailAddress(std::string_view address);

}  // namespace kiemdem

#endif  // KIEMDEM_CORE_EMAIL_ADDRESS_H_
