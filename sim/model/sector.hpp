#pragma once
// The sectors of a place and their cultures (docs/ODD.md "Sectors and cultures"). Sectors are rows
// of the scenario (params.sectors): a place has as many as its scenario declares, up to
// kMaxSectors, so that per-sector values fit in fixed arrays the monthly step never allocates.
#include <array>
#include <cstddef>
#include <cstdint>

namespace placesim {

// A sector: its index in params.sectors (the scenario's order).
enum class Sector : std::uint8_t {};
inline constexpr std::size_t kMaxSectors = 8;

constexpr std::size_t index(Sector s) { return static_cast<std::size_t>(s); }
constexpr Sector sector_at(std::size_t i) { return static_cast<Sector>(i); }

// One number per sector (entries past the place's sector count are zero).
using PerSector = std::array<double, kMaxSectors>;

// A sector's culture. Distances between cultures make cross-sector meetings harder.
struct Culture {
  double hierarchy = 0;      // h_s: command and control; influence follows authority
  double target_focus = 0;   // g_s: anchoring to national targets; raises stubbornness
  double data_openness = 0;  // d_s: willingness to share data and learning across sectors
  double literacy = 0;       // l_s: baseline understanding of the other sectors
};

// Euclidean distance between two culture vectors, scaled to [0, 1] (divided by sqrt(4)).
double culture_distance(const Culture& a, const Culture& b);

// A sector's part in the council, which the model treats specially: elected members hold
// seats that turn over at elections and take their mandates from manifestos; member-officer
// trust is the trust between the council's members and its officers.
enum class CouncilRole : int { None = 0, Member = 1, Officer = 2 };

// Whether a leader acts for the whole place or for one neighbourhood.
enum class Level : int { Place = 0, Neighbourhood = 1 };

}  // namespace placesim
