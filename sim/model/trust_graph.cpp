#include "model/trust_graph.hpp"

#include <algorithm>
#include <stdexcept>

namespace placesim {

TrustGraph::TrustGraph(std::vector<int> group_of, int max_within, int max_cross)
    : group_of_(std::move(group_of)), capacity_{max_within, max_cross} {
  if (max_within < 1 || max_cross < 1) {
    throw std::invalid_argument("trust graph needs room for at least one tie in each layer");
  }
  const std::size_t n = group_of_.size();
  const auto per_agent = static_cast<std::size_t>(max_within + max_cross);
  offset_.resize(2 * n);
  for (std::size_t a = 0; a < n; ++a) {
    offset_[2 * a] = a * per_agent;
    offset_[2 * a + 1] = a * per_agent + static_cast<std::size_t>(max_within);
  }
  degree_.assign(2 * n, 0);
  target_.assign(n * per_agent, -1);
  trust_.assign(n * per_agent, 0.0f);
  last_contact_.assign(n * per_agent, kNever);
  mate_.assign(n * per_agent, -1);
}

int TrustGraph::find(int n, int m) const {
  const Layer l = layer_between(n, m);
  const int* row_targets = targets(n, l);
  for (int k = 0, d = degree(n, l); k < d; ++k) {
    if (row_targets[k] == m) return k;
  }
  return -1;
}

double TrustGraph::trust_in(int n, int m, double none) const {
  const int k = find(n, m);
  return k < 0 ? none : trust(n, layer_between(n, m), k);
}

int TrustGraph::free_position(int n, Layer l) {
  if (degree(n, l) == capacity(l)) {
    // Make room: the relationship used least recently (the first of equals) lapses.
    const int* last = last_contacts(n, l);
    int k = 0;
    for (int j = 1; j < capacity(l); ++j) {
      if (last[j] < last[k]) k = j;
    }
    remove_at(target(n, l, k), l, mate(n, l, k));
    remove_at(n, l, k);
  }
  return degree_[row(n, l)]++;
}

TrustGraph::Link TrustGraph::link(int n, int m, double trust_nm, double trust_mn, int month) {
  const Layer l = layer_between(n, m);
  if (const int k = find(n, m); k >= 0) return {k, mate(n, l, k), false};
  const int forward = free_position(n, l);
  const int backward = free_position(m, l);
  const std::size_t f = slot(n, l, forward), b = slot(m, l, backward);
  target_[f] = m;
  trust_[f] = static_cast<float>(trust_nm);
  last_contact_[f] = month;
  mate_[f] = backward;
  target_[b] = n;
  trust_[b] = static_cast<float>(trust_mn);
  last_contact_[b] = month;
  mate_[b] = forward;
  return {forward, backward, true};
}

void TrustGraph::remove_at(int n, Layer l, int k) {
  const int last = --degree_[row(n, l)];
  const std::size_t from = slot(n, l, last), to = slot(n, l, k);
  if (last != k) {
    // The last tie moves into the freed position: its reverse must point at the new place.
    target_[to] = target_[from];
    trust_[to] = trust_[from];
    last_contact_[to] = last_contact_[from];
    mate_[to] = mate_[from];
    mate_[slot(target_[to], l, mate_[to])] = k;
  }
  target_[from] = -1;
  last_contact_[from] = kNever;
  mate_[from] = -1;
}

void TrustGraph::remove_agent(int n) {
  for (const Layer l : {Layer::Within, Layer::Cross}) {
    while (degree(n, l) > 0) {
      const int k = degree(n, l) - 1;
      remove_at(target(n, l, k), l, mate(n, l, k));
      remove_at(n, l, k);
    }
  }
}

int TrustGraph::lapse(int n, int before) {
  int removed = 0;
  for (const Layer l : {Layer::Within, Layer::Cross}) {
    // Backwards, so that the tie swapped into a freed slot has already been checked.
    for (int k = degree(n, l) - 1; k >= 0; --k) {
      if (last_contact(n, l, k) >= before) continue;
      remove_at(target(n, l, k), l, mate(n, l, k));
      remove_at(n, l, k);
      ++removed;
    }
  }
  return removed;
}

bool TrustGraph::symmetric() const {
  for (int n = 0; n < agents(); ++n) {
    for (const Layer l : {Layer::Within, Layer::Cross}) {
      for (int k = 0; k < degree(n, l); ++k) {
        const int m = target(n, l, k);
        const int back = mate(n, l, k);
        if (back < 0 || back >= degree(m, l) || target(m, l, back) != n || mate(m, l, back) != k) return false;
        if (find(m, n) != back) return false;
      }
    }
  }
  return true;
}

}  // namespace placesim
