// The administrative units as stored: the registry saved once, units as flat
// records for import and export, successions, and lookups by code and date.
//
//   ASSIGN_OR_RETURN(UnitId ward, store.units().FindUnit("06817", *Date::Parse("01/01/2016")));
//
// Stored unit ids are the `units` table's keys; they are not the ids of an
// AdminRegistry (which number units in the order they were added).
#ifndef KIEMDEM_STORE_UNIT_STORE_H_
#define KIEMDEM_STORE_UNIT_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/admin_registry.h"
#include "core/status.h"
#include "core/unit_record.h"

namespace kiemdem::store {

// A unit as stored and as imported or exported: its parent by code
// (core/unit_record.h, shared with io's unit sheets).
using UnitRecord = ::kiemdem::UnitRecord;

// Every method may also fail with kUnavailable (the database is busy: retry)
// or kInternal (the database failed), and a read with kDataLoss naming the
// table and row when a stored value cannot be decoded.
class UnitStore {
 public:
  virtual ~UnitStore() = default;

  // Adds the registry's units and successions that are not stored yet (a unit
  // is its code and valid_from), in one transaction with one audit row.
  // Saving the same registry again adds nothing.
  virtual Status SaveUnits(const std::string& actor, const AdminRegistry& registry) = 0;

  // The stored unit holding `code` on `on`. NotFound (field "unit_code")
  // naming both when no unit had that code on that day.
  virtual Result<UnitId> FindUnit(const std::string& code, Date on) = 0;

  // The code of a stored unit; NotFound when `unit` is not stored.
  virtual Result<std::string> UnitCode(UnitId unit) = 0;

  // Inserts or updates units by code and valid_from, in one transaction, each
  // change audited with its old and new value. A parent is found by its code
  // as of the unit's valid_from: NotFound (field "parent_code") when it is not
  // stored, and nothing is written.
  virtual Status PutUnits(const std::string& actor, const std::vector<UnitRecord>& units) = 0;

  // Every stored unit, parents before children.
  virtual Result<std::vector<UnitRecord>> ListUnits() = 0;

  // Every stored succession (merges and splits), by stored unit ids.
  virtual Result<std::vector<Succession>> ListSuccessions() = 0;
};

}  // namespace kiemdem::store

#endif  // KIEMDEM_STORE_UNIT_STORE_H_
