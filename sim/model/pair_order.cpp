#include "model/pair_order.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace placesim {

PairOrder::PairOrder(const std::vector<int>& group_of)
    : agents_(static_cast<int>(group_of.size())), rank_(group_of.size()) {
  std::map<int, int> group_index;  // labels to 0..groups-1
  for (const int label : group_of) group_index.emplace(label, static_cast<int>(group_index.size()));
  members_.resize(group_index.size());
  for (int a = 0; a < agents_; ++a) {
    const int g = group_index[group_of[static_cast<std::size_t>(a)]];
    group_of_.push_back(g);
    rank_[static_cast<std::size_t>(a)] = static_cast<int>(members_[static_cast<std::size_t>(g)].size());
    members_[static_cast<std::size_t>(g)].push_back(a);
  }
  within_before_.assign(static_cast<std::size_t>(agents_) + 1, 0);
  cross_before_.assign(static_cast<std::size_t>(agents_) + 1, 0);
  for (int a = 0; a < agents_; ++a) {
    const std::uint64_t later = static_cast<std::uint64_t>(agents_ - 1 - a);
    const std::uint64_t same = later_in_group(a);
    const auto i = static_cast<std::size_t>(a);
    within_before_[i + 1] = within_before_[i] + same;
    cross_before_[i + 1] = cross_before_[i] + (later - same);
  }
}

std::uint64_t PairOrder::later_in_group(int a) const {
  const auto& group = members_[static_cast<std::size_t>(group_of_[static_cast<std::size_t>(a)])];
  return group.size() - 1 - static_cast<std::size_t>(rank_[static_cast<std::size_t>(a)]);
}

std::uint64_t PairOrder::in_group_between(int a, int b) const {
  const auto& group = members_[static_cast<std::size_t>(group_of_[static_cast<std::size_t>(a)])];
  const auto end = std::upper_bound(group.begin(), group.end(), b);
  return static_cast<std::uint64_t>(end - group.begin()) - 1 - static_cast<std::uint64_t>(rank_[static_cast<std::size_t>(a)]);
}

PairOrder::Pair PairOrder::pair(bool within, std::uint64_t k) const {
  const std::vector<std::uint64_t>& before = within ? within_before_ : cross_before_;
  if (k >= before.back()) throw std::out_of_range("PairOrder: no such pair");
  // The row: the last a whose earlier rows hold at most k pairs of the sequence.
  const auto row = std::upper_bound(before.begin(), before.end(), k) - before.begin() - 1;
  const int a = static_cast<int>(row);
  const std::uint64_t j = k - before[static_cast<std::size_t>(row)];  // the j-th of the row
  if (within) {
    const auto& group = members_[static_cast<std::size_t>(group_of_[static_cast<std::size_t>(a)])];
    return {a, group[static_cast<std::size_t>(rank_[static_cast<std::size_t>(a)]) + 1 + j]};
  }
  // Across: the smallest b > a with j + 1 agents of other groups in (a, b].
  int lo = a + 1, hi = agents_ - 1;
  while (lo < hi) {
    const int mid = lo + (hi - lo) / 2;
    const std::uint64_t others = static_cast<std::uint64_t>(mid - a) - in_group_between(a, mid);
    if (others >= j + 1) hi = mid;
    else lo = mid + 1;
  }
  return {a, lo};
}

}  // namespace placesim
