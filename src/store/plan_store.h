// What is measured and what is planned: the indicator catalogue, the bodies of
// a unit (Đảng ủy, HĐND, UBND, …) and plans with their targets.
//
//   RETURN_IF_ERROR(store.plans().PutIndicators("admin", catalogue));
//   ASSIGN_OR_RETURN(std::vector<Plan> plans, store.plans().ListPlans(ward));
#ifndef KIEMDEM_STORE_PLAN_STORE_H_
#define KIEMDEM_STORE_PLAN_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/indicator.h"
#include "core/plan.h"
#include "core/status.h"
#include "store/result_import.h"

namespace kiemdem::store {

// Every method may also fail with kUnavailable (the database is busy: retry)
// or kInternal (the database failed), and a read with kDataLoss naming the
// table and row when a stored value cannot be decoded.
class PlanStore {
 public:
  virtual ~PlanStore() = default;

  // Inserts or updates indicators by code, in one transaction, each change
  // audited with its old and new value. InvalidArgument from
  // Indicator::Validate for the first bad one, and nothing is written.
  virtual Status PutIndicators(const std::string& actor, const std::vector<Indicator>& indicators) = 0;

  // The whole catalogue, by code.
  virtual Result<std::vector<Indicator>> ListIndicators() = 0;

  // The id of the body of `body.unit` with that kind and name, created (and
  // audited) when there is none. InvalidArgument (field "name") without a name.
  virtual Result<int64_t> SaveBody(const std::string& actor, const Body& body) = 0;

  // The bodies of `unit`, or of every unit.
  virtual Result<std::vector<Body>> ListBodies(std::optional<UnitId> unit = std::nullopt) = 0;

  // Whether the writer may set the targets the body above a unit assigns
  // (giao chỉ tiêu) for that unit; empty: it may for every unit.
  using MayAssign = std::function<bool(UnitId)>;

  // Saves plans in one transaction. A plan is keyed by unit, body kind and
  // years; saving one that exists replaces its targets (old and new audited).
  // InvalidArgument from Plan::Validate for the first bad one; NotFound (field
  // "indicator") for a target of an indicator not in the catalogue; PermissionDenied
  // (field "assigned_by_superior") when a plan is assigned by the body above,
  // or replaces one that is, and `may_assign` refuses its unit (the unit
  // cannot write them, nor replace them with its own): read and decided inside
  // the transaction, and nothing is written.
  virtual Status SavePlans(const std::string& actor, const std::vector<Plan>& plans,
                           const MayAssign& may_assign) = 0;
  Status SavePlans(const std::string& actor, const std::vector<Plan>& plans) {
    return SavePlans(actor, plans, MayAssign());
  }

  // The plans of `unit`, or of every unit, with their targets.
  virtual Result<std::vector<Plan>> ListPlans(std::optional<UnitId> unit = std::nullopt) = 0;

  // Starts an import of results by `actor` from `source` (result_import.h):
  // it holds the write transaction until it is committed or dropped.
  // (Here rather than in ResultStore only because that interface has
  // another owner; it belongs there.)
  virtual Result<std::unique_ptr<ResultImport>> BeginResultImport(const std::string& actor,
                                                                  const std::string& source) = 0;
};

}  // namespace kiemdem::store

#endif  // KIEMDEM_STORE_PLAN_STORE_H_
