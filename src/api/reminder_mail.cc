#include "api/reminder_mail.h"

#include "core/access.h"

namespace kiemdem::api {

std::map<UnitId, std::vector<std::string>> ReminderRecipients(const std::vector<store::User>& users) {
  std::map<UnitId, std::vector<std::string>> out;
  for (const store::User& u : users) {
    if (u.disabled || u.email.empty()) continue;
    std::vector<Grant> grants;
    for (const store::RoleGrant& g : u.roles) grants.push_back({g.role, g.unit});
    for (UnitId reminded : RemindedUnits(grants)) out[reminded].push_back(u.email);
  }
  return out;
}

Mail ReminderMail(const store::Reminder& reminder, const ReminderContext& context,
                  std::vector<std::string> to) {
  Mail m;
  m.to = std::move(to);
  const std::string period = reminder.period.LabelVi();
  m.subject = "Nhắc báo cáo " + period + " — " + context.unit_name;
  std::string b = "Kính gửi " + context.unit_name + ",\n\n";
  b += context.from_name + " nhắc: báo cáo " + period + " của đơn vị " +
       (reminder.late ? "đã quá hạn gửi" : "sắp đến hạn gửi") + " (hạn gửi " +
       reminder.send_by.ToVietnamese() + ").\n";
  if (context.report != nullptr) {
    b += "Tình trạng hiện nay: " + std::string(ReportStateNameVi(context.report->state)) + ", " +
         std::to_string(context.report->present) + "/" + std::to_string(context.report->expected) +
         " chỉ tiêu đã nhập.\n";
  }
  if (!context.link.empty()) b += "\nNhập và gửi số liệu: " + context.link + "\n";
  b += "\nNgười nhắc: " + context.sender + "\n\n";
  b += "Thư gửi tự động từ kiemdem khi có nhắc báo cáo; xin đừng trả lời thư này.\n";
  m.body = std::move(b);
  return m;
}

}  // namespace kiemdem::api
