#pragma once
// Directed, weighted trust between agents who know each other (docs/ODD.md "Relations").
//
// Each agent keeps two rows of ties of fixed capacity: one to people of its own sector and
// one to people of other sectors. Rows are structures of arrays (target, trust, month of
// last contact), so the graph never allocates after construction, its memory grows with
// agents x capacity rather than agents squared, and the processes that concern only
// partnership ties (cohesion, success feedback) read only the short cross-sector rows.
// When a row is full, a new tie replaces the least recently used one: people keep a
// bounded personal network.
//
// Slots past a row's degree hold target -1 and last contact kNever, so passes over whole
// rows can treat them as ties that are neither found nor stale.
//
// A tie exists in both directions or in neither (each side keeps its own trust): ties are
// added in pairs (link), and a lapsed, displaced or departed relationship is removed from
// both rows. Each tie stores the position of its reverse (its mate), so the other direction
// is found without a search and a removal costs O(1) per tie.
#include <limits>
#include <vector>

namespace placesim {

inline constexpr int kNever = std::numeric_limits<int>::max();

enum class Layer : int { Within = 0, Cross = 1 };

class TrustGraph {
 public:
  // group_of: each agent's sector (any integer label); ties between different groups are
  // cross-sector ties.
  TrustGraph(std::vector<int> group_of, int max_within, int max_cross);

  int agents() const { return static_cast<int>(group_of_.size()); }
  int capacity(Layer layer) const { return capacity_[static_cast<int>(layer)]; }
  Layer layer_between(int n, int m) const {
    return group_of_[static_cast<std::size_t>(n)] == group_of_[static_cast<std::size_t>(m)]
               ? Layer::Within
               : Layer::Cross;
  }

  // Row access: agent n's ties in one layer, positions 0..degree-1.
  int degree(int n, Layer l) const { return degree_[row(n, l)]; }
  int target(int n, Layer l, int k) const { return target_[slot(n, l, k)]; }
  float trust(int n, Layer l, int k) const { return trust_[slot(n, l, k)]; }
  float& trust(int n, Layer l, int k) { return trust_[slot(n, l, k)]; }
  int last_contact(int n, Layer l, int k) const { return last_contact_[slot(n, l, k)]; }
  void mark_contact(int n, Layer l, int k, int month) { last_contact_[slot(n, l, k)] = month; }
  // Contiguous arrays of a row, for passes over every tie.
  const int* targets(int n, Layer l) const { return &target_[slot(n, l, 0)]; }
  float* trusts(int n, Layer l) { return &trust_[slot(n, l, 0)]; }
  const float* trusts(int n, Layer l) const { return &trust_[slot(n, l, 0)]; }
  const int* last_contacts(int n, Layer l) const { return &last_contact_[slot(n, l, 0)]; }
  int degree(int n) const { return degree(n, Layer::Within) + degree(n, Layer::Cross); }

  // Position of m in n's row, or -1 when n does not know m.
  int find(int n, int m) const;
  // n's trust in m, or `none` when n does not know m.
  double trust_in(int n, int m, double none = 0.0) const;
  // Positions of a relationship in both rows: m in n's row and n in m's row.
  struct Link {
    int forward = -1;
    int backward = -1;
    bool created = false;  // the relationship is new
  };
  // The relationship between n and m (n != m), created when absent with the given trust each
  // way and last contact this month. When a row is full, the relationship its owner used
  // least recently lapses (on both sides) to make room.
  Link link(int n, int m, double trust_nm, double trust_mn, int month);
  // Position of n in the row of the partner at position k of n's row.
  int mate(int n, Layer l, int k) const { return mate_[slot(n, l, k)]; }
  // Clears n's rows and every tie to n (n has left; a newcomer takes the post).
  void remove_agent(int n);
  // Removes n's ties, in both directions, last used before month `before`; returns how many.
  int lapse(int n, int before);
  // Whether every tie has its reverse and its mate points at it (the invariant above); for
  // tests.
  bool symmetric() const;

 private:
  std::size_t row(int n, Layer l) const {
    return 2 * static_cast<std::size_t>(n) + static_cast<std::size_t>(l);
  }
  std::size_t slot(int n, Layer l, int k) const {
    return offset_[row(n, l)] + static_cast<std::size_t>(k);
  }
  void remove_at(int n, Layer l, int k);
  // A free position in n's row (making room by a lapse when it is full).
  int free_position(int n, Layer l);

  std::vector<int> group_of_;
  int capacity_[2];
  std::vector<std::size_t> offset_;  // first slot of each row
  std::vector<int> degree_;
  std::vector<int> target_;
  std::vector<float> trust_;  // single precision: trust needs no more, and the
                              // monthly passes over every tie move half the bytes
  std::vector<int> last_contact_;
  std::vector<int> mate_;
};

}  // namespace placesim
