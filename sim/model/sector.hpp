#pragma once
// The sectors of a place and their cultures (MODEL.md "Sectors and cultures").
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace placesim {

enum class Sector : int { Member = 0, Officer = 1, Police = 2, Health = 3, Vcs = 4 };
inline constexpr std::size_t kSectorCount = 5;
inline constexpr std::array<std::string_view, kSectorCount> kSectorNames = {
    "member", "officer", "police", "health", "vcs"};

constexpr std::size_t index(Sector s) { return static_cast<std::size_t>(s); }
constexpr std::string_view name(Sector s) { return kSectorNames[index(s)]; }
std::optional<Sector> sector_from_name(std::string_view name);

// One number per sector; used for stakeholder weights and other per-sector values.
using PerSector = std::array<double, kSectorCount>;

// A sector's culture. Distances between cultures make cross-sector meetings harder.
struct Culture {
  double hierarchy = 0;      // h_s: command and control; influence follows authority
  double target_focus = 0;   // g_s: anchoring to national targets; raises stubbornness
  double data_openness = 0;  // d_s: willingness to share data and learning across sectors
  double literacy = 0;       // l_s: baseline understanding of the other sectors
};

// Euclidean distance between two culture vectors, scaled to [0, 1] (divided by sqrt(4)).
double culture_distance(const Culture& a, const Culture& b);

// Whether a leader acts for the whole place or for one neighbourhood.
enum class Level : int { Place = 0, Neighbourhood = 1 };
std::optional<Level> level_from_name(std::string_view name);
std::string_view name(Level level);

}  // namespace placesim
