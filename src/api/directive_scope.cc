#include "api/directive_scope.h"

#include "api/app.h"

namespace kiemdem::api {

Result<DirectiveSessions> DirectiveSessions::Load(store::Store& store) {
  ASSIGN_OR_RETURN(std::vector<Meeting> meetings, store.ListMeetings());
  DirectiveSessions out;
  for (Meeting& m : meetings) {
    const int64_t id = m.id;
    out.meetings_.emplace(id, std::move(m));
  }
  return out;
}

UnitId DirectiveSessions::UnitOf(const Directive& d) const { return UnitOfDirective(d, MeetingOf(d)); }

const Meeting* DirectiveSessions::MeetingOf(const Directive& d) const {
  auto it = meetings_.find(d.meeting);
  return it == meetings_.end() ? nullptr : &it->second;
}

Json DirectiveSourceView(const Call& call, const DirectiveSessions& sessions, const Directive& d,
                         Date today) {
  Json unit = nullptr;
  std::shared_ptr<const analytics::UnitTree> tree = call.app->tree();
  if (const AdminUnit* u = tree->Get(sessions.UnitOf(d)); u != nullptr) {
    const UnitVersion& v = u->VersionOn(today);
    unit = {{"id", sessions.UnitOf(d)}, {"code", u->code}, {"name", v.name}, {"full_name", v.full_name}};
  }
  Json meeting = nullptr;
  if (const Meeting* m = sessions.MeetingOf(d); m != nullptr) {
    meeting = {{"id", m->id}, {"held_on", m->held_on.ToIso()}, {"host", m->host}};
  }
  return {{"unit", unit}, {"meeting", meeting}};
}

}  // namespace kiemdem::api
