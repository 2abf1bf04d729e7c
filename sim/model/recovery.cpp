#include "model/recovery.hpp"

#include "model/commitment.hpp"

namespace placesim {

void run_recovery(ModelState& st) {
  const RecoveryParams& rp = st.params.recovery;
  const double obsolescence = st.params.learning.knowledge_obsolescence;
  Agents& a = st.agents;
  for (int n = 0; n < a.count; ++n) {
    const auto ni = static_cast<std::size_t>(n);
    const SectorSpec& spec = st.sector_spec(n);
    a.fatigue[ni] *= 1.0 - rp.fatigue_decay;
    const double level = spec.attention * (1.0 - rp.fatigue_attention_cost * a.fatigue[ni]);
    a.attention[ni] += rp.attention_recovery * (level - a.attention[ni]);
    a.knowledge[ni] += obsolescence * (spec.knowledge - a.knowledge[ni]);
    a.focus_strength[ni] *= 1.0 - rp.focus_decay;
    ++a.tenure[ni];
  }
  update_commitment(st);
}

}  // namespace placesim
