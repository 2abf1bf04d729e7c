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

int TrustGraph::find_or_add(int n, int m, double initial, int month) {
  if (const int k = find(n, m); k >= 0) return k;
  const Layer l = layer_between(n, m);
  int k = degree(n, l);
  if (k == capacity(l)) {
    // Replace the least recently used tie (the first of equals, for determinism); that
    // relationship lapses on both sides.
    const int* last = last_contacts(n, l);
    k = 0;
    for (int j = 1; j < capacity(l); ++j) {
      if (last[j] < last[k]) k = j;
    }
    const int lapsed = target(n, l, k);
    if (const int back = find(lapsed, n); back >= 0) remove_at(lapsed, l, back);
  } else {
    ++degree_[row(n, l)];
  }
  target_[slot(n, l, k)] = m;
  trust_[slot(n, l, k)] = static_cast<float>(initial);
  last_contact_[slot(n, l, k)] = month;
  return k;
}

void TrustGraph::remove_at(int n, Layer l, int k) {
  const int last = --degree_[row(n, l)];
  target_[slot(n, l, k)] = target_[slot(n, l, last)];
  trust_[slot(n, l, k)] = trust_[slot(n, l, last)];
  last_contact_[slot(n, l, k)] = last_contact_[slot(n, l, last)];
  target_[slot(n, l, last)] = -1;
  last_contact_[slot(n, l, last)] = kNever;
}

void TrustGraph::remove_agent(int n) {
  for (const Layer l : {Layer::Within, Layer::Cross}) {
    for (int k = 0; k < degree(n, l); ++k) {
      const int partner = target(n, l, k);
      if (const int back = find(partner, n); back >= 0) remove_at(partner, l, back);
      target_[slot(n, l, k)] = -1;
      last_contact_[slot(n, l, k)] = kNever;
    }
    degree_[row(n, l)] = 0;
  }
}

int TrustGraph::lapse(int n, int before) {
  int removed = 0;
  for (const Layer l : {Layer::Within, Layer::Cross}) {
    // Backwards, so that the tie swapped into a freed slot has already been checked.
    for (int k = degree(n, l) - 1; k >= 0; --k) {
      if (last_contact(n, l, k) >= before) continue;
      const int partner = target(n, l, k);
      if (const int back = find(partner, n); back >= 0) remove_at(partner, l, back);
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
        if (find(target(n, l, k), n) < 0) return false;
      }
    }
  }
  return true;
}

}  // namespace placesim
