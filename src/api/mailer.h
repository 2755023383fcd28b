// Mail through an SMTP relay (libcurl), so the completeness board's
// reminders reach the reporters' inboxes as well as their list in the app.
#ifndef KIEMDEM_API_MAILER_H_
#define KIEMDEM_API_MAILER_H_

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace kiemdem::api {

// Where mail goes: the province's relay, which accepts mail from this server
// without a password (as relays inside an agency network do).
struct MailRelay {
  std::string host;
  int port = 25;
  std::string from = "kiemdem@localhost";    // envelope sender and From:
  std::chrono::milliseconds timeout{10000};  // connecting and each exchange

  // "smtp.thanhhoa.gov.vn:25", "10.0.0.5" (port 25), "[::1]:2525".
  // InvalidArgument that names the text otherwise.
  static Result<MailRelay> Parse(std::string_view host_port);
  std::string Name() const;  // "host:port", as users wrote it
};

struct Mail {
  std::vector<std::string> to;  // addresses CheckEmailAddress accepts
  std::string subject;          // UTF-8
  std::string body;             // UTF-8 plain text, "\n" between lines
};

// The message as sent (RFC 5322, CRLF lines): the subject as UTF-8 encoded
// words (RFC 2047), the body as UTF-8 in base64, so no relay changes a letter.
std::string MailMessage(const std::string& from, const Mail& mail, std::string_view date,
                        std::string_view message_id);

// "Mon, 07 Dec 2026 14:40:05 +0000" for seconds since the epoch.
std::string MailDate(int64_t seconds);

class Mailer {
 public:
  explicit Mailer(MailRelay relay);
  // Hands the mail to the relay. kUnavailable naming the relay and what it
  // said (no answer, refused a recipient, ...): the mail was not accepted.
  Status Send(const Mail& mail) const;
  const MailRelay& relay() const { return relay_; }

 private:
  MailRelay relay_;
};

}  // namespace kiemdem::api

#endif  // KIEMDEM_API_MAILER_H_
