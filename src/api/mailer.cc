#include "api/mailer.h"

#include <curl/curl.h>
#include <sodium.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <ctime>
#include <mutex>

namespace kiemdem::api {
namespace {

std::string Base64(std::string_view bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80 || c == '\r' || c == '\n') return false;
  }
  return true;
}

// RFC 2047 encoded words of at most 75 characters, cut between letters, on
// folded lines.
std::string EncodedWords(std::string_view text) {
  if (IsAscii(text) && text.size() <= 900) return std::string(text);
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t n =
        std::min<size_t>(42, text.size() - i);  // 42 bytes: 56 characters, a line of 77 with "Subject: "
    while (i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80) --n;
    std::string piece(text.substr(i, n));
    for (char& c : piece) {
      if (c == '\r' || c == '\n') c = ' ';
    }
    out += (out.empty() ? "" : "\r\n ") + std::string("=?UTF-8?B?") + Base64(piece) + "?=";
    i += n;
  }
  return out;
}

struct Upload {
  std::string data;
  size_t at = 0;
};

size_t ReadUpload(char* buffer, size_t size, size_t count, void* user) {
  auto* u = static_cast<Upload*>(user);
  size_t n = std::min(size * count, u->data.size() - u->at);
  std::copy_n(u->data.data() + u->at, n, buffer);
  u->at += n;
  return n;
}

void InitCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

Result<MailRelay> MailRelay::Parse(std::string_view host_port) {
  MailRelay r;
  std::string_view host = host_port;
  std::string_view port;
  if (!host.empty() && host.front() == '[') {
    size_t close = host.find(']');
    if (close == std::string_view::npos)
      host = {};
    else {
      port = host.substr(close + 1);
      host = host.substr(1, close - 1);
      if (!port.empty() && port.front() != ':') host = {};
      if (!port.empty()) port.remove_prefix(1);
    }
  } else if (size_t colon = host.rfind(':'); colon != std::string_view::npos) {
    port = host.substr(colon + 1);
    host = host.substr(0, colon);
  }
  bool host_ok =
      !host.empty() && host.size() <= 253 && host.find_first_of(" \t\r\n/@?#") == std::string_view::npos;
  int number = port.empty() ? 25 : 0;
  for (char c : port) {
    if (c < '0' || c > '9' || number > 65535) {
      number = 0;
      break;
    }
    number = number * 10 + (c - '0');
  }
  if (!host_ok || number < 1 || number > 65535) {
    return InvalidArgument(
               "'" + std::string(host_port) + "' is not a mail relay: write HOST or HOST:PORT",
               "'" + std::string(host_port) + "' không phải máy chủ thư: viết HOST hoặc HOST:PORT")
        .WithField("smtp");
  }
  r.host = std::string(host);
  r.port = number;
  return r;
}

std::string MailRelay::Name() const {
  bool v6 = host.find(':') != std::string::npos;
  return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

std::string MailDate(int64_t seconds) {
  static const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  auto t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[tm.tm_wday], tm.tm_mday,
                kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

std::string MailMessage(const std::string& from, const Mail& mail, std::string_view date,
                        std::string_view message_id) {
  std::string to;
  for (const std::string& a : mail.to) to += (to.empty() ? "" : ",\r\n ") + a;
  std::string body;
  for (char c : mail.body) {
    if (c == '\n')
      body += "\r\n";
    else if (c != '\r')
      body += c;
  }
  std::string encoded = Base64(body);
  std::string out = "Date: " + std::string(date) + "\r\nFrom: kiemdem <" + from + ">\r\nTo: " + to +
                    "\r\nMessage-ID: " + std::string(message_id) +
                    "\r\nSubject: " + EncodedWords(mail.subject) +
                    "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                    "Content-Transfer-Encoding: base64\r\nAuto-Submitted: auto-generated\r\n\r\n";
  for (size_t i = 0; i < encoded.size(); i += 76) out += encoded.substr(i, 76) + "\r\n";
  return out;
}

Mailer::Mailer(MailRelay relay) : relay_(std::move(relay)) { InitCurlOnce(); }

Status Mailer::Send(const Mail& mail) const {
  static std::atomic<uint64_t> sequence{0};
  auto now = static_cast<int64_t>(std::time(nullptr));
  std::string domain = relay_.from.substr(relay_.from.find('@') + 1);
  std::string id = "<kiemdem." + std::to_string(now) + "." + std::to_string(++sequence) + "." +
                   std::to_string(randombytes_random()) + "@" + domain + ">";
  Upload upload{MailMessage(relay_.from, mail, MailDate(now), id), 0};
  auto refused = [&](const std::string& why) {
    return Status(StatusCode::kUnavailable,
                  "the mail relay " + relay_.Name() + " did not take the mail: " + why,
                  "máy chủ thư " + relay_.Name() + " không nhận thư: " + why);
  };
  CURL* curl = curl_easy_init();
  if (curl == nullptr) return refused("libcurl could not start");
  curl_slist* recipients = nullptr;
  for (const std::string& a : mail.to) recipients = curl_slist_append(recipients, ("<" + a + ">").c_str());
  std::string url = "smtp://" + relay_.Name() + "/" + domain;
  std::string sender = "<" + relay_.from + ">";
  char error[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, sender.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, ReadUpload);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(relay_.timeout.count()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(3 * relay_.timeout.count()));
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp");
  CURLcode rc = curl_easy_perform(curl);
  long reply = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply);
  curl_slist_free_all(recipients);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK) {
    std::string why = error[0] != '\0' ? error : curl_easy_strerror(rc);
    if (reply > 0) why += " (" + std::to_string(reply) + ")";
    return refused(why);
  }
  return Status::Ok();
}

}  // namespace kiemdem::api
