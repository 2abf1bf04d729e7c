#pragma once
// The pairs of agents (a, b), a < b, in the order a double loop visits them, split into two
// sequences: pairs within a sector and pairs across sectors. PairOrder finds the k-th pair
// of either sequence in O(log^2 n) time without visiting the others, so that drawing a
// random network pair by pair (each pair with its own probability, by jumping over the
// failures) costs time in proportion to the ties it creates, not to the n^2 / 2 pairs.
#include <cstdint>
#include <vector>

namespace placesim {

class PairOrder {
 public:
  // group_of: each agent's sector (any integer label).
  explicit PairOrder(const std::vector<int>& group_of);

  struct Pair {
    int a = 0;
    int b = 0;
  };
  // Pairs in each sequence: within (same group) and across (different groups).
  std::uint64_t total(bool within) const { return within ? within_before_.back() : cross_before_.back(); }
  // The k-th pair of a sequence (0 <= k < total).
  Pair pair(bool within, std::uint64_t k) const;
  // Where a pair falls in the double loop's order (to interleave the two sequences).
  std::uint64_t position(const Pair& p) const {
    return static_cast<std::uint64_t>(p.a) * static_cast<std::uint64_t>(agents_) + static_cast<std::uint64_t>(p.b);
  }

 private:
  // Members of a's group with a larger index than a.
  std::uint64_t later_in_group(int a) const;
  // Members of a's group with index in (a, b].
  std::uint64_t in_group_between(int a, int b) const;

  int agents_ = 0;
  std::vector<int> group_of_;
  std::vector<std::vector<int>> members_;  // each group's agents, in index order
  std::vector<int> rank_;                  // a's place in members_[group_of[a]]
  std::vector<std::uint64_t> within_before_;  // pairs of each sequence in rows before a (n + 1 entries)
  std::vector<std::uint64_t> cross_before_;
};

}  // namespace placesim
