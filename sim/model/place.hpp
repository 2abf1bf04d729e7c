#pragma once
// The fixed structure of a place, built once from the parameters: the issues in use, who
// holds which post, who sits on which forum, and the cultural distances between sectors.
#include <array>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/params.hpp"

namespace placesim {

// Parameters that do not make a place (a forum naming an unknown role, an issue without
// stakeholders, ...). The scenario's checks find these first and name the key at fault; this
// is the model's own guard, in the model's words.
class PlaceError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

struct ForumMeeting {
  int forum = 0;          // index into Params::forums
  int neighbourhood = -1; // for neighbourhood-scope forums
  int cadence_months = 0;
  std::vector<int> members;
};

struct Place {
  int neighbourhoods = 0;
  int sectors = 0;                         // params.sectors, in their order
  std::array<CouncilRole, kMaxSectors> council{};
  std::vector<IssueSpec> issues;           // enabled issues; salience normalised
  std::vector<PerSector> issue_weights;    // each enabled issue's w_is, normalised over sectors
  std::vector<RoleSpec> roles;             // roles with at least one post

  // Per agent (post).
  std::vector<int> role_of;
  std::vector<Sector> sector_of;
  std::vector<double> authority_of;
  std::vector<Level> level_of;
  std::vector<int> neighbourhood_of;  // home neighbourhood, -1 at place level
  std::vector<std::vector<int>> neighbourhoods_covered;  // every neighbourhood a post serves
  std::vector<char> executive;        // members at place level: the leader and cabinet
  // Authority weight a'_m as heard by a listener of sector s: a_m ^ (kappa h_s).
  std::vector<PerSector> heard_authority;

  std::vector<ForumMeeting> forums;
  std::array<PerSector, kMaxSectors> culture_distance{};
  std::array<int, kMaxSectors> sector_size{};
  std::vector<int> staffed_sectors;  // indices of the sectors with posts, in order
  double other_sector_weight = 0;    // 1 / (staffed sectors - 1): one sector's share of a cross-sector mean
  PerSector sector_authority{};   // sum of authority in each sector
  std::vector<int> member_seats;  // agents of the council's member sectors, in index order

  bool is_member(Sector s) const { return council[index(s)] == CouncilRole::Member; }

  int agent_count() const { return static_cast<int>(role_of.size()); }
  int issue_count() const { return static_cast<int>(issues.size()); }
};

Place build_place(const Params& params);

// Index of an enabled issue by name, or -1.
int issue_index(const Place& place, const std::string& name);

}  // namespace placesim
