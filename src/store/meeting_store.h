// Working sessions (buổi làm việc) and the directives they issue (ý kiến chỉ
// đạo, kết luận), followed by dated progress notes until done.
#ifndef KIEMDEM_STORE_MEETING_STORE_H_
#define KIEMDEM_STORE_MEETING_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/directive.h"
#include "core/status.h"

namespace kiemdem::store {

struct DirectiveFilter {
  std::optional<int64_t> meeting;
  std::optional<UnitId> assignee_unit;
  std::string assignee;  // exact assignee name
  std::string issuer;    // exact issuing body
  bool open_only = false;
};

// A working session with the directives it issued, saved together.
struct MeetingWithDirectives {
  Meeting meeting;
  std::vector<Directive> directives;
};

// Every method may also fail with kUnavailable (the database is busy: retry)
// or kInternal (the database failed), and a read with kDataLoss naming the
// table and row when a stored value cannot be decoded.
class MeetingStore {
 public:
  virtual ~MeetingStore() = default;

  // id 0 creates, otherwise updates (audited with old and new); the linked
  // documents are replaced. Returns the id. InvalidArgument from
  // Meeting::Validate; NotFound (field "unit" or "documents") for a unit or
  // document that is not stored; NotFound when updating an unknown id.
  virtual Result<int64_t> SaveMeeting(const std::string& actor, const Meeting& meeting) = 0;

  // Saves a session (id 0 creates it) and the directives it issued, in one
  // transaction; each directive's meeting is set to the session. Returns
  // both with their ids. Everything is checked before the first write:
  // InvalidArgument from Meeting::Validate or Directive::Validate; NotFound
  // (field "unit", "documents" or "indicator") for a unit, document or
  // indicator that is not stored. On any error nothing is written.
  virtual Result<MeetingWithDirectives> SaveMeetingWithDirectives(const std::string& actor,
                                                                  const MeetingWithDirectives& session) = 0;

  // With its linked documents; NotFound for an unknown id.
  virtual Result<Meeting> GetMeeting(int64_t id) = 0;

  // The sessions about `unit`, or every session, newest first.
  virtual Result<std::vector<Meeting>> ListMeetings(std::optional<UnitId> unit = std::nullopt) = 0;

  // id 0 creates, otherwise updates (audited with old and new); progress
  // notes are not touched. Returns the id. InvalidArgument from
  // Directive::Validate; NotFound (field "meeting", "unit" or "indicator")
  // for a session, unit or indicator that is not stored; NotFound when
  // updating an unknown id.
  virtual Result<int64_t> SaveDirective(const std::string& actor, const Directive& directive) = 0;

  // Appends a dated note; a completing note sets the completion date.
  // InvalidArgument (field "note") for a note with neither text nor
  // completion; NotFound for an unknown directive.
  virtual Status AddDirectiveProgress(const std::string& actor, int64_t id, const DirectiveProgress& p) = 0;

  // With its progress notes; NotFound for an unknown id.
  virtual Result<Directive> GetDirective(int64_t id) = 0;

  // The directives matching every field set in `filter`, by id.
  virtual Result<std::vector<Directive>> ListDirectives(const DirectiveFilter& filter) = 0;
};

}  // namespace kiemdem::store

#endif  // KIEMDEM_STORE_MEETING_STORE_H_
