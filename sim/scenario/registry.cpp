// Every parameter of the model, declared once.
//
// Sources: S0..S4 are the seed documents listed in docs/sources.md:
//   S0 Atkinson, Leadership Centre: "How to create a leadership plan for the top team"
//   S1 Leadership Centre: "The centre's approach"
//   S2 Audit Commission / IDeA: "CPA - How the best achieve"
//   S3 "Renewing Top Team Working": three workshops after elections
//   S4 OPM (2009) for IDeA, Leadership Centre, NHS Institute and NPIA: leadership of place
// "Tuned against Pn" names the pattern (docs/ODD.md, section 1) the value was chosen to reproduce.
// Values marked illustrative are not calibrated to data (docs/ODD.md says so for the defaults).
#include "scenario/registry.hpp"

#include <algorithm>
#include <cstdint>

#include "scenario/intervention_tables.hpp"
#include "scenario/table.hpp"
#include "scenario/value_names.hpp"

namespace placesim {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Shorthands that keep each declaration on a few readable lines.
struct Declare {
  Registry& registry;

  template <class Ref>
  void scalar(FieldInfo info, Ref ref) {
    Field<Params> f;
    static_cast<FieldInfo&>(f) = std::move(info);
    f.get = [ref](const Params& p) { return to_value(ref(const_cast<Params&>(p))); };
    f.set = [ref](Params& p, const Value& v) { from_value(v, ref(p)); };
    registry.add(std::move(f));
  }
  template <class Ref>
  void real(std::string key, Ref ref, double def, double lo, double hi, std::string unit,
            std::string description, std::string source) {
    scalar({std::move(key), ValueType::Real, def, lo, hi, {}, std::move(unit),
            std::move(description), std::move(source)},
           ref);
  }
  template <class Ref>
  void integer(std::string key, Ref ref, std::int64_t def, double lo, double hi, std::string unit,
               std::string description, std::string source) {
    scalar({std::move(key), ValueType::Integer, def, lo, hi, {}, std::move(unit),
            std::move(description), std::move(source)},
           ref);
  }
};

FieldInfo real(std::string key, double def, double lo, double hi, std::string unit,
               std::string description, std::string source) {
  return {std::move(key), ValueType::Real, def, lo, hi, {}, std::move(unit),
          std::move(description), std::move(source)};
}
FieldInfo integer(std::string key, std::int64_t def, double lo, double hi, std::string unit,
                  std::string description, std::string source) {
  return {std::move(key), ValueType::Integer, def, lo, hi, {}, std::move(unit),
          std::move(description), std::move(source)};
}
FieldInfo choice(std::string key, std::string def, std::vector<std::string> choices,
                 std::string description, std::string source) {
  return {std::move(key), ValueType::Choice, std::move(def), -kInf, kInf, std::move(choices), "",
          std::move(description), std::move(source)};
}

std::vector<std::string> level_choices() { return {"place", "neighbourhood"}; }

// Stakeholder weights of the default issues over the default sectors (zeros left out).
SectorWeights weights(double member, double officer, double police, double health) {
  SectorWeights w;
  for (const auto& [sector, weight] :
       {std::pair{"member", member}, {"officer", officer}, {"police", police}, {"health", health}}) {
    if (weight > 0) w[sector] = weight;
  }
  return w;
}

void declare_simulation(Declare& d) {
  d.scalar({"simulation.name", ValueType::Text, std::string("default"), -kInf, kInf, {}, "",
            "Scenario name; names the default results file results/<name>.h5", "convention"},
           [](Params& p) -> auto& { return p.simulation.name; });
  d.integer("simulation.months", [](Params& p) -> auto& { return p.simulation.months; }, 120, 1,
            12000, "months", "Horizon of each run (one step is one month)",
            "conceptual model: default horizon 120 months (ten years: two or three election cycles)");
  d.integer("simulation.replicates", [](Params& p) -> auto& { return p.simulation.replicates; },
            1, 1, 10000000, "runs", "Replicates of each scenario variant (different random streams)",
            "convention");
  d.integer("simulation.first_replicate", [](Params& p) -> auto& { return p.simulation.first_replicate; },
            0, 0, 10000000, "", "Number of the first replicate: replicates first_replicate .. first_replicate + replicates - 1 run, with those replicates' random streams (how placesim run --until adds a round to earlier ones)",
            "convention");
  d.integer("simulation.seed", [](Params& p) -> auto& { return p.simulation.seed; }, 1, 0,
            9.2e18, "", "Base seed: the key of every random stream", "convention");
  d.scalar({"simulation.strategies", ValueType::NameList, std::vector<std::string>{"baseline"}, -kInf, kInf, {},
            "", "The strategies to compare, by name ([strategies.<name>]); each runs every replicate",
            "convention"},
           [](Params& p) -> auto& { return p.simulation.strategies; });
}

void declare_place(Declare& d) {
  d.integer("place.neighbourhoods", [](Params& p) -> auto& { return p.place.neighbourhoods; }, 6, 1,
            10000, "neighbourhoods", "Neighbourhoods of the place, each with its own panel",
            "conceptual model default W = 6; S4 1.2 (police think of place as neighbourhood or ward)");
}

void declare_population(Declare& d) {
  d.real("population.individual_spread",
         [](Params& p) -> auto& { return p.population.individual_spread; }, 0.1, 0, 0.5, "",
         "Newcomers' capacity, knowledge, literacy and openness: sector level plus or minus this "
         "(uniform)",
         "illustrative: differences within a sector, small next to those between sectors");
  d.integer("population.initial_tenure_months",
            [](Params& p) -> auto& { return p.population.initial_tenure_months; }, 60, 1, 1200,
            "months", "Post holders at the start have been in post uniformly 0 to this many months",
            "illustrative: five years, so that about one in ten is still in induction at the start");
  d.integer("population.induction_months",
            [](Params& p) -> auto& { return p.population.induction_months; }, 6, 0, 120, "months",
            "A newcomer's contribution to joint work builds up linearly over this many months (0: at once)",
            "illustrative: new leaders take months to learn the place and its partners (S4 1.1, understanding the "
            "place); makes turnover cost joint work");
  d.real("population.initial_priority_noise",
         [](Params& p) -> auto& { return p.population.initial_priority_noise; }, 0.3, 0, 1, "",
         "Share of a uniformly random simplex point in each agent's starting priorities",
         "illustrative: people in post at the start have moved from their mandates; sets the starting shared ambition (about 0.79)");
  d.real("population.mandate_floor", [](Params& p) -> auto& { return p.population.mandate_floor; },
         0.05, 0, 1, "",
         "Weight every issue keeps in a sector's mandate before normalising, so no issue is "
         "ignored entirely",
         "illustrative: every issue keeps some place in every mandate");
  d.real("population.stubbornness_base",
         [](Params& p) -> auto& { return p.population.stubbornness_base; }, 0.02, 0, 1,
         "1/month", "Monthly pull of priorities back to the mandate, for every agent (lambda)",
         "illustrative; checked against P6 (a priority adopted at the top must be able to spread)");
  d.real("population.stubbornness_target",
         [](Params& p) -> auto& { return p.population.stubbornness_target; }, 0.1, 0, 1,
         "1/month", "Added stubbornness per unit of the sector's target focus",
         "S4 2.1 ('very target driven'); conceptual model: target focus raises stubbornness");
  d.real("population.stubbornness_authority",
         [](Params& p) -> auto& { return p.population.stubbornness_authority; }, 0.04, 0, 1,
         "1/month", "Added stubbornness per unit of authority: senior people answer for the mandate",
         "illustrative: senior people answer for their mandate; small next to target focus");
}

void declare_trust(Declare& d) {
  d.real("trust.initial_within", [](Params& p) -> auto& { return p.trust.initial_within; }, 0.65,
         0, 1, "trust", "Mean starting trust on ties inside a sector",
         "conceptual model: denser and higher inside an organisation at start");
  d.real("trust.initial_cross", [](Params& p) -> auto& { return p.trust.initial_cross; }, 0.3, 0,
         1, "trust", "Mean starting trust on cross-sector ties, and leaders' starting regard for the other sectors",
         "tuned: below the threshold between the vicious and virtuous circles (about 0.4 on the default place, "
         "P9), so that the default place stays in the vicious circle unless something tips it (P11); no source "
         "gives a figure");
  d.real("trust.initial_spread", [](Params& p) -> auto& { return p.trust.initial_spread; }, 0.1,
         0, 0.5, "trust", "Starting trust is the mean plus or minus this (uniform)", "illustrative: starting relationships differ");
  d.real("trust.tie_probability_within",
         [](Params& p) -> auto& { return p.trust.tie_probability_within; }, 0.3, 0, 1,
         "probability", "Chance two people of one sector know each other beyond shared forums",
         "illustrative: colleagues met outside forums; with the forums about 10 within-sector ties per agent");
  d.real("trust.tie_probability_cross",
         [](Params& p) -> auto& { return p.trust.tie_probability_cross; }, 0.03, 0, 1,
         "probability", "Chance two people of different sectors know each other beyond forums",
         "conceptual model: sparse across sectors at start");
  d.real("trust.new_tie_within", [](Params& p) -> auto& { return p.trust.new_tie_within; }, 0.5,
         0, 1, "trust", "Trust before the first experience with a colleague of one's own sector",
         "illustrative: a colleague from one's own organisation starts above a stranger from another sector (S4 2.1)");
  d.real("trust.new_tie_cross", [](Params& p) -> auto& { return p.trust.new_tie_cross; }, 0.3, 0,
         1, "trust", "Trust before the first experience with someone from another sector",
         "S4 2.1 (different languages, cultures and ways of working)");
  d.real("trust.learning_up", [](Params& p) -> auto& { return p.trust.learning_up; }, 0.15, 0, 1,
         "", "Trust learning rate after a better-than-expected experience (eta up)",
         "conceptual model: trust slow to build (half the rate of loss); Slovic 1993 (trust asymmetry); "
         "level tuned in the first model against a quiet partnership holding its trust (docs/model-changes.md), kept");
  d.real("trust.learning_down", [](Params& p) -> auto& { return p.trust.learning_down; }, 0.3, 0,
         1, "", "Trust learning rate after a worse-than-expected experience (eta down)",
         "conceptual model: trust quick to lose; Slovic 1993 (trust asymmetry)");
  d.real("trust.decay", [](Params& p) -> auto& { return p.trust.decay; }, 0.02, 0, 1, "1/month",
         "Monthly regression of an unused tie's trust towards the floor",
         "illustrative; tuned in the first model against a quiet partnership holding its trust (docs/model-changes.md), kept");
  d.real("trust.floor", [](Params& p) -> auto& { return p.trust.floor; }, 0.2, 0, 1, "trust",
         "Level an unused tie regresses to", "illustrative: an acquaintance without recent contact, below first-meeting trust");
  d.integer("trust.lapse_months", [](Params& p) -> auto& { return p.trust.lapse_months; }, 24, 1,
            12000, "months",
            "A relationship unused for longer than this lapses (on both sides); the mean trust "
            "metrics therefore describe maintained relationships",
            "illustrative; chosen so dormant acquaintances do not dominate the trust metrics (docs/ODD.md 7.2.7)");
  d.integer("trust.max_ties_within", [](Params& p) -> auto& { return p.trust.max_ties_within; },
            32, 1, 4096, "ties",
            "Most ties one agent keeps within its sector; a new tie replaces the least recently used",
            "illustrative (a bounded personal network)");
  d.integer("trust.max_ties_cross", [](Params& p) -> auto& { return p.trust.max_ties_cross; },
            24, 1, 4096, "ties",
            "Most ties one agent keeps across sectors; a new tie replaces the least recently used",
            "illustrative (a bounded personal network)");
  d.real("trust.strong_tie", [](Params& p) -> auto& { return p.trust.strong_tie; }, 0.6, 0, 1,
         "trust", "Trust at or above which a tie counts as strong (metrics only)", "convention");
  d.real("trust.generalisation", [](Params& p) -> auto& { return p.trust.generalisation; }, 0.5, 0, 1, "",
         "Weight, on a first meeting, of one's regard for the stranger's sector (against trust.new_tie_*)",
         "illustrative: people meet a stranger as they have come to find the stranger's organisation; tuned "
         "against P9 (it couples relationships into a place-wide climate)");
  d.real("trust.regard_learning", [](Params& p) -> auto& { return p.trust.regard_learning; }, 0.05, 0, 1, "",
         "Share of the way one encounter moves one's regard for the partner's sector towards one's updated "
         "trust in that partner",
         "illustrative: a view of another organisation forms over about twenty encounters with its people");
  d.real("trust.institutional_memory", [](Params& p) -> auto& { return p.trust.institutional_memory; }, 0.7, 0, 1,
         "", "Share of a newcomer's regard for each sector taken from its colleagues' (the rest from a stranger's)",
         "Geddes, Davies & Fuller 2007 (success came with a tradition of cooperation and trust); tuned against P9");
}

void declare_meetings(Declare& d) {
  d.integer("meetings.encounters_per_meeting",
            [](Params& p) -> auto& { return p.meetings.encounters_per_meeting; }, 2, 0, 100,
            "encounters", "Conversations a fully committed attendee starts with another attendee per meeting (each "
            "happens with probability equal to the attendee's commitment)",
            "illustrative: two substantive conversations at full commitment (with informal contacts, about four "
            "encounter sides per agent-month at the default commitment)");
  d.real("meetings.attendance_floor",
         [](Params& p) -> auto& { return p.meetings.attendance_floor; }, 0.5, 0, 1, "probability",
         "Attendance probability of an agent with no free attention (rises linearly to 1)",
         "illustrative; S2 ('not diverted by short term crises')");
  d.real("meetings.informal_contact_rate",
         [](Params& p) -> auto& { return p.meetings.informal_contact_rate; }, 1.0, 0, 100,
         "contacts/month",
         "Expected informal contacts a fully committed agent makes a month, times its commitment (the whole part always, the "
         "fraction with that probability), each with someone chosen by trust",
         "conceptual model: informal contacts chosen with probability rising with trust; the rate is "
         "illustrative (with forums, about four encounter sides per agent-month)");
  d.real("meetings.introduction_probability",
         [](Params& p) -> auto& { return p.meetings.introduction_probability; }, 0.1, 0, 1,
         "probability", "Chance an informal contact is a friend of a trusted contact (a new tie)",
         "illustrative: occasional introductions (triadic closure)");
}

void declare_experience(Declare& d) {
  d.real("experience.base", [](Params& p) -> auto& { return p.experience.base; }, 0.4, -1, 1, "",
         "b0: base quality of an encounter",
         "illustrative; tuned in the first model against a quiet partnership holding its trust (docs/model-changes.md), kept");
  d.real("experience.literacy", [](Params& p) -> auto& { return p.experience.literacy; }, 0.2, 0,
         1, "", "b_l: weight of the agent's literacy, in cross-sector encounters only",
         "S4 2.4 (understanding councillors' role; members' confidence with partners)");
  d.real("experience.alignment", [](Params& p) -> auto& { return p.experience.alignment; }, 0.35,
         0, 1, "", "b_a: weight of priority alignment 1 - |p_n - p_m|_1 / 2",
         "S4 1.2 ('a common view about what sort of place')");
  d.real("experience.capacity", [](Params& p) -> auto& { return p.experience.capacity; }, 0.2, 0,
         1, "", "b_c: weight of the pair's mean collaborative capacity", "S4 exec summary (capacity)");
  d.real("experience.distance", [](Params& p) -> auto& { return p.experience.distance; }, 0.5, 0,
         2, "", "b_d: weight of the cultural distance between the pair's sectors",
         "S4 2.1 ('full of different languages, cultures and ways of working')");
  d.real("experience.noise", [](Params& p) -> auto& { return p.experience.noise; }, 0.15, 0, 1,
         "", "Standard deviation of the uniform noise in each experience", "illustrative: encounters vary, so that some go badly");
  d.real("experience.reciprocity", [](Params& p) -> auto& { return p.experience.reciprocity; }, 1.0, 0, 2, "",
         "b_r: weight of the partner's openness (from closed, -1/2, to open, +1/2) in an encounter's experience",
         "Ansell & Gash 2008 (trust-building and commitment reinforce each other); tuned against P9: with "
         "b_r / reciprocity_width > 1 a relationship has a trusting and a distrustful state");
  d.real("experience.reciprocity_threshold",
         [](Params& p) -> auto& { return p.experience.reciprocity_threshold; }, 0.45, 0, 1, "trust",
         "The partner's trust at which their openness is even", "tuned against P9 (the threshold between circles)");
  d.real("experience.reciprocity_width", [](Params& p) -> auto& { return p.experience.reciprocity_width; }, 0.3,
         0.01, 2, "trust", "The span of the partner's trust over which their openness goes from closed to open",
         "tuned against P9");
}

void declare_influence(Declare& d) {
  d.real("influence.rate", [](Params& p) -> auto& { return p.influence.rate; }, 0.2, 0, 1, "",
         "mu: weight of one encounter in moving priorities (times trust and authority weight)",
         "illustrative; tuned against P6");
  d.real("influence.confidence_base", [](Params& p) -> auto& { return p.influence.confidence_base; },
         0.15, 0, 1, "", "epsilon: priorities this close (|p_n - p_m|_1 / 2) can influence",
         "Deffuant et al. 2000 (bounded confidence)");
  d.real("influence.confidence_openness",
         [](Params& p) -> auto& { return p.influence.confidence_openness; }, 0.25, 0, 1, "",
         "epsilon widens by this per unit of effective openness", "S2 ('the learning response')");
  d.real("influence.confidence_trust",
         [](Params& p) -> auto& { return p.influence.confidence_trust; }, 0.2, 0, 1, "",
         "epsilon widens by this per unit of trust in the speaker", "conceptual model");
  d.real("influence.authority_steepness",
         [](Params& p) -> auto& { return p.influence.authority_steepness; }, 3, 0, 20, "",
         "kappa: authority weight a' = a^(kappa h), h the listener's sector hierarchy",
         "S4 2.1 ('once you have convinced the top - things will happen'); tuned against P6");
}

void declare_learning(Declare& d) {
  d.real("learning.knowledge_flow", [](Params& p) -> auto& { return p.learning.knowledge_flow; },
         0.05, 0, 1, "", "Share of a knowledge gap closed per encounter, times trust and the "
         "speaker's data openness",
         "S4 2.1 (confidentiality limits sharing of diagnostic data)");
  d.real("learning.knowledge_obsolescence",
         [](Params& p) -> auto& { return p.learning.knowledge_obsolescence; }, 0.01, 0, 1,
         "1/month", "Monthly regression of knowledge towards the sector level (evidence ages)",
         "illustrative: evidence ages back to the sector level over about 100 months");
  d.real("learning.literacy_growth", [](Params& p) -> auto& { return p.learning.literacy_growth; },
         0.02, 0, 1, "",
         "Literacy gain per good cross-sector experience, times (e - threshold)(1 - l)",
         "conceptual model: literacy grows with good cross-sector experiences");
  d.real("learning.literacy_threshold",
         [](Params& p) -> auto& { return p.learning.literacy_threshold; }, 0.5, 0, 1, "",
         "Cross-sector experiences better than this raise literacy",
         "illustrative (the middle of the experience scale)");
}

void declare_joint_action(Declare& d) {
  d.real("joint_action.outcome_rate", [](Params& p) -> auto& { return p.joint_action.outcome_rate; },
         1.8, 0, 100, "1/month", "r: outcome gain per unit of effectiveness",
         "tuned against P9 and P10: a place in the virtuous circle sustains an index of about 0.65, one in the "
         "vicious circle about 0.45 (illustrative levels; the elasticity is in docs/ODD.md section 8)");
  d.real("joint_action.salience_floor",
         [](Params& p) -> auto& { return p.joint_action.salience_floor; }, 0.1, 0, 10, "",
         "Residents' concern keeps this much weight when an outcome is perfect", "illustrative: residents' concern for an issue never vanishes");
  d.real("joint_action.success_scale",
         [](Params& p) -> auto& { return p.joint_action.success_scale; }, 0.005, 1e-6, 1,
         "outcome/month", "A monthly outcome change of this size counts as full success or failure",
         "illustrative: a change of half a point of outcome in a month is plainly visible");
  d.real("joint_action.success_trust_gain",
         [](Params& p) -> auto& { return p.joint_action.success_trust_gain; }, 0.02, 0, 1, "",
         "Trust gain of contributors to a successful issue, times (1 - trust)",
         "S0 ('amplify what works')");
  d.real("joint_action.failure_trust_loss",
         [](Params& p) -> auto& { return p.joint_action.failure_trust_loss; }, 0.02, 0, 1, "",
         "Trust loss of contributors to a visibly failing issue, times trust",
         "conceptual model: visible failure lowers trust a little");
  d.real("joint_action.progress_memory", [](Params& p) -> auto& { return p.joint_action.progress_memory; }, 6, 1,
         120, "months", "Months over which leaders remember progress and setbacks (the mean age of an exponential memory)",
         "Geddes, Davies & Fuller 2007 (results were slow to show): about half a year");
}

void declare_commitment(Declare& d) {
  d.real("commitment.base", [](Params& p) -> auto& { return p.commitment.base; }, 0.5, 0, 1, "",
         "chi of a leader whose cross-sector trust is that of a first meeting and who sees no progress",
         "illustrative: half of the time and effort a leader could give to joint work");
  d.real("commitment.trust", [](Params& p) -> auto& { return p.commitment.trust; }, 2.0, 0, 10, "",
         "Added commitment per unit of mean cross-sector trust above trust.new_tie_cross",
         "Ansell & Gash 2008 (commitment follows trust); tuned against P9 and P10");
  d.real("commitment.progress", [](Params& p) -> auto& { return p.commitment.progress; }, 0.3, 0, 10, "",
         "Added commitment per unit of progress on the issues the leader cares about",
         "S0 ('amplify what works'); Ansell & Gash 2008 (small wins); tuned against P9");
  d.real("commitment.adjustment", [](Params& p) -> auto& { return p.commitment.adjustment; }, 0.1, 0, 1, "1/month",
         "Monthly share of the way commitment moves to the level trust and progress set",
         "illustrative: about a year to settle");
}

void declare_arrangements(Declare& d) {
  d.real("arrangements.dissolve_below", [](Params& p) -> auto& { return p.arrangements.dissolve_below; }, 0.35, 0,
         1, "trust", "A standing arrangement ends when its members' mutual trust falls below this",
         "illustrative: below the trust of a first meeting plus a little, a group has lost its reason to meet; "
         "tuned against P11");
}

void declare_events(Declare& d) {
  d.integer("events.elections.parties", [](Params& p) -> auto& { return p.events.elections.parties; }, 2, 2, 20,
            "parties", "Parties that can hold control; each has an ideology (a random simplex point)",
            "illustrative (control and opposition)");
  d.integer("events.elections.cycle_months", [](Params& p) -> auto& { return p.events.elections.cycle_months; },
            48, 1, 1200, "months", "Months between elections",
            "conceptual model: elections every four years, or by thirds yearly");
  d.integer("events.elections.first_month", [](Params& p) -> auto& { return p.events.elections.first_month; },
            24, 1, 12000, "month", "Month of the first election", "illustrative: two years in, so a ten-year run sees elections at months 24, 72 and 120");
  d.integer("events.elections.groups", [](Params& p) -> auto& { return p.events.elections.groups; }, 1, 1, 12,
            "", "Seats are elected in this many groups in turn: 1 all-out, 3 by thirds",
            "conceptual model: all-out or by thirds");
  d.real("events.elections.turnover_base", [](Params& p) -> auto& { return p.events.elections.turnover_base; },
         0.15, 0, 1, "probability", "Chance a seat changes hands with content residents",
         "illustrative: seats change hands even when residents are content");
  d.real("events.elections.turnover_dissatisfaction",
         [](Params& p) -> auto& { return p.events.elections.turnover_dissatisfaction; }, 0.5, 0, 1,
         "probability", "Added chance per unit of dissatisfaction 1 - sum_i s_i y_i",
         "conceptual model: turnover rising with residents' dissatisfaction");
  d.real("events.elections.control_change_threshold",
         [](Params& p) -> auto& { return p.events.elections.control_change_threshold; }, 0.3, 0, 1, "",
         "Dissatisfaction below which control never changes", "illustrative: with the slope, control changes at about one default election in four (0.8 in 3 measured)");
  d.real("events.elections.control_change_slope",
         [](Params& p) -> auto& { return p.events.elections.control_change_slope; }, 1.5, 0, 100, "",
         "Chance of a change of control per unit of dissatisfaction above the threshold",
         "illustrative: with the threshold, control changes at about one default election in four (0.8 in 3 measured)");
  d.real("events.elections.manifesto_responsiveness",
         [](Params& p) -> auto& { return p.events.elections.manifesto_responsiveness; }, 0.5, 0, 1, "",
         "Weight of residents' salience (against party ideology) in a new manifesto",
         "S3 (aspirations 'usually expressed in the recent election')");
  d.real("events.crises.attention_loss", [](Params& p) -> auto& { return p.events.crises.attention_loss; }, 0.3,
         0, 1, "attention", "Attention a crisis takes from its most involved sector's agents",
         "conceptual model: crises take attention");
  d.real("events.crises.capacity_shield", [](Params& p) -> auto& { return p.events.crises.capacity_shield; },
         0.7, 0, 1, "", "Share of that loss a fully capable agent avoids",
         "S2 ('high level of focus - not diverted by short term crises')");
  d.real("events.policy.size", [](Params& p) -> auto& { return p.events.policy.size; }, 0.2, 0, 1, "",
         "How far a national policy change moves a sector's mandate towards its new national "
         "priority (one issue, drawn by the sector's stakeholder weights)",
         "S0 ('change as an annual event'); illustrative");
  d.real("events.policy.fatigue", [](Params& p) -> auto& { return p.events.policy.fatigue; }, 0.1, 0, 1,
         "fatigue", "Fatigue a national policy change adds to its sector, times (1 - fatigue)",
         "S2 ('the big lie: that after this change, the change will stop')");
  d.real("recovery.focus_decay", [](Params& p) -> auto& { return p.recovery.focus_decay; }, 0.15, 0,
         1, "1/month", "Monthly decay of the extra effort an intervention puts on its focal issue",
         "illustrative: concentrated work fades within months of the sessions (P3: the diagnostic fades)");
  d.real("recovery.fatigue_decay", [](Params& p) -> auto& { return p.recovery.fatigue_decay; },
         0.05, 0, 1, "1/month", "Monthly decay of fatigue",
         "illustrative: fatigue halves in about 14 months (S2: change fatigue lingers)");
  d.real("recovery.attention_recovery",
         [](Params& p) -> auto& { return p.recovery.attention_recovery; }, 0.2, 0, 1, "1/month",
         "Monthly recovery of attention towards its level", "illustrative: attention comes back within a few months of a crisis");
  d.real("recovery.fatigue_attention_cost",
         [](Params& p) -> auto& { return p.recovery.fatigue_attention_cost; }, 0.5, 0, 1, "",
         "Share of attention a fully fatigued agent loses", "illustrative: full fatigue takes half of the attention free for partnership work");
}

std::unique_ptr<Table> sectors_table() {
  auto t = std::make_unique<NamedRowTable<SectorSpec>>(
      "sectors",
      "The place's sectors: each one's culture and the starting levels of its newcomers. Add a row to add a "
      "sector (a fire and rescue service, say), with roles in it; a place has at most " +
          std::to_string(kMaxSectors) + " sectors.",
      [](Params& p) -> std::vector<SectorSpec>& { return p.sectors; });
  t->field(choice("council", "none", {"none", "member", "officer"},
                  "The sector's part in the council: member (elected: seats turn over at elections, mandates "
                  "from manifestos), officer (the council's staff), or none (a partner agency); member-officer "
                  "trust is the trust between the two",
                  "conceptual model (members and officers)"),
           [](SectorSpec& s) -> auto& { return s.council; })
      .field(real("hierarchy", 0.5, 0, 1, "", "h_s: command and control; influence follows authority",
                "S4 2.1"),
           [](SectorSpec& s) -> auto& { return s.culture.hierarchy; })
      .field(real("target_focus", 0.5, 0, 1, "", "g_s: anchoring to national targets", "S4 2.1"),
             [](SectorSpec& s) -> auto& { return s.culture.target_focus; })
      .field(real("data_openness", 0.5, 0, 1, "", "d_s: willingness to share data and learning",
                  "S4 2.1 (confidentiality)"),
             [](SectorSpec& s) -> auto& { return s.culture.data_openness; })
      .field(real("literacy", 0.3, 0, 1, "", "l_s: newcomers' understanding of other sectors",
                  "S4 2.4"),
             [](SectorSpec& s) -> auto& { return s.culture.literacy; })
      .field(real("capacity", 0.5, 0, 1, "", "Newcomers' collaborative leadership capacity",
                  "S4 exec summary (capacity)"),
             [](SectorSpec& s) -> auto& { return s.capacity; })
      .field(real("knowledge", 0.5, 0, 1, "", "Newcomers' knowledge of the place",
                  "S4 exec summary (knowledge)"),
             [](SectorSpec& s) -> auto& { return s.knowledge; })
      .field(real("openness", 0.5, 0, 1, "", "Newcomers' openness to learning", "S2"),
             [](SectorSpec& s) -> auto& { return s.openness; })
      .field(real("attention", 0.5, 0, 1, "", "Share of time free for partnership work",
                  "illustrative: about half a senior leader's time"),
             [](SectorSpec& s) -> auto& { return s.attention; })
      .field(real("policy_changes_per_year", 1.0, 0, 12, "1/year",
                  "Rate of national policy changes to the sector's mandate",
                  "S0 ('change as an annual event')"),
             [](SectorSpec& s) -> auto& { return s.policy_changes_per_year; });
  auto sector = [](std::string name, std::string council, double h, double g, double d, double l, double capacity,
                   double knowledge, double openness, double attention, double churn) {
    return DefaultRow{std::move(name),
                      {{"council", std::move(council)}, {"hierarchy", h}, {"target_focus", g}, {"data_openness", d},
                       {"literacy", l}, {"capacity", capacity}, {"knowledge", knowledge},
                       {"openness", openness}, {"attention", attention},
                       {"policy_changes_per_year", churn}}};
  };
  // Members: political, not command-and-control; IDeA keen to share all learning (S4 2.1);
  // low confidence with partners (S4 2.4). Police: command and control within each force,
  // target driven (S4 2.1). Health: 'very command and control, very target driven', data
  // kept confidential, 'little sense yet of looking outwards' (S4 1.2, 2.1).
  t->default_row(sector("member", "member", 0.3, 0.2, 0.7, 0.3, 0.4, 0.4, 0.5, 0.5, 1.0))
      .default_row(sector("officer", "officer", 0.5, 0.4, 0.7, 0.5, 0.5, 0.5, 0.5, 0.5, 1.0))
      .default_row(sector("police", "none", 0.9, 0.7, 0.4, 0.3, 0.5, 0.4, 0.4, 0.5, 1.0))
      .default_row(sector("health", "none", 0.7, 0.8, 0.3, 0.2, 0.5, 0.5, 0.4, 0.4, 1.0))
      .default_row(sector("vcs", "none", 0.2, 0.2, 0.6, 0.5, 0.4, 0.4, 0.6, 0.4, 0.5));
  return t;
}

std::unique_ptr<Table> issues_table() {
  auto t = std::make_unique<NamedRowTable<IssueSpec>>(
      "place.issues", "The place's issues. Add a row to add an issue; enabled = false drops one.",
      [](Params& p) -> std::vector<IssueSpec>& { return p.place.issues; });
  t->field({"enabled", ValueType::Boolean, true, -kInf, kInf, {}, "", "Whether the issue is modelled",
            "convention"},
           [](IssueSpec& i) -> auto& { return i.enabled; })
      .field(real("salience", 1, 0, kInf, "", "Baseline residents' concern (normalised over issues)",
                  "illustrative: a new issue weighs like any other; the defaults favour safety, care and children"),
             [](IssueSpec& i) -> auto& { return i.salience; })
      .field({"weights", ValueType::BySector, SectorWeights{}, 0, kInf, {}, "",
              "Stakeholder weights w_is by sector (normalised); a sector left out has no part",
              "S4 2.1 (some issues are bilateral, not tri-partisan)"},
             [](IssueSpec& i) -> auto& { return i.weights; })
      .field(real("wickedness", 0.5, 0, 1, "", "omega_i: how far progress needs the stakeholders together",
                  "S4 1.2 (wicked issues such as cohesion and inequality)"),
             [](IssueSpec& i) -> auto& { return i.wickedness; })
      .field(real("drift", 0.01, 0, 1, "1/month", "delta_i: monthly outcome decay without action",
                  "illustrative; S2 ('direction not drift')"),
             [](IssueSpec& i) -> auto& { return i.drift; })
      .field(real("crises_per_year", 0.3, 0, 12, "1/year", "Crisis hazard",
                  "illustrative: about one crisis per issue in three years"),
             [](IssueSpec& i) -> auto& { return i.crises_per_year; })
      .field(real("crisis_size", 0.1, 0, 1, "", "Share of the outcome a crisis takes away",
                  "illustrative: a crisis takes a tenth of the outcome"),
             [](IssueSpec& i) -> auto& { return i.crisis_size; })
      .field(real("initial_outcome", 0.55, 0, 1, "outcome", "y_i at month 0",
                  "tuned: between the outcomes the vicious (about 0.45) and the virtuous circle (about 0.65) "
                  "sustain on the default place (P9)"),
             [](IssueSpec& i) -> auto& { return i.initial_outcome; })
      .field(choice("level", "place", level_choices(),
                    "Whether the issue is worked on for the place or in neighbourhoods",
                    "S4 1.2 (police: neighbourhood or ward)"),
             [](IssueSpec& i) -> auto& { return i.level; });
  auto issue = [](std::string name, double salience, SectorWeights w, double wickedness,
                  std::string level, double initial_outcome) {
    return DefaultRow{std::move(name),
                      {{"salience", salience}, {"weights", w}, {"wickedness", wickedness},
                       {"level", std::move(level)}, {"initial_outcome", initial_outcome}}};
  };
  // The conceptual model's six issues. Adult social care is bilateral (health and local government, no
  // police); the local economy is the council's own (S4 2.1). Cohesion and inequality are the
  // wicked issues the seeds name (S4 1.2). Initial outcomes: between what the vicious and the
  // virtuous circle sustain (P9), so that the start does not decide which circle a place ends in.
  t->default_row(issue("community_safety", 0.2, weights(0.2, 0.2, 0.5, 0.1), 0.4, "neighbourhood", 0.55))
      .default_row(issue("health_inequalities", 0.15, weights(0.2, 0.3, 0, 0.5), 0.8, "place", 0.55))
      .default_row(issue("adult_social_care", 0.2, weights(0.1, 0.4, 0, 0.5), 0.5, "place", 0.55))
      .default_row(issue("children_and_young_people", 0.2, weights(0.2, 0.4, 0.2, 0.2), 0.6, "place", 0.55))
      .default_row(issue("local_economy", 0.15, weights(0.5, 0.5, 0, 0), 0.3, "place", 0.55))
      .default_row(issue("community_cohesion", 0.1, weights(0.3, 0.3, 0.3, 0.1), 0.8, "neighbourhood", 0.55));
  return t;
}

std::unique_ptr<Table> roles_table() {
  auto t = std::make_unique<NamedRowTable<RoleSpec>>(
      "population.roles", "The population: roles with their sector, number of posts and authority. "
               "count = 0 drops a role.",
      [](Params& p) -> std::vector<RoleSpec>& { return p.population.roles; });
  t->field({"sector", ValueType::Text, std::string("member"), -kInf, kInf, {}, "",
            "Sector of the role: a row of [sectors]", "conceptual model"},
           [](RoleSpec& r) -> auto& { return r.sector; })
      .field(integer("count", 1, 0, 1e6, "agents", "Number of posts", "conceptual model default place"),
             [](RoleSpec& r) -> auto& { return r.count; })
      .field(real("authority", 0.5, 0, 1, "", "a: formal authority",
                  "illustrative: 1 for the head of an organisation, 0.6-0.8 for its top team, "
                  "0.3-0.4 for neighbourhood posts"),
             [](RoleSpec& r) -> auto& { return r.authority; })
      .field(choice("level", "place", level_choices(),
                    "Place-level posts act for the whole place; neighbourhood posts are spread "
                    "over the neighbourhoods",
                    "conceptual model"),
             [](RoleSpec& r) -> auto& { return r.level; })
      .field(real("tenure_months", 0, 0, 1200, "months",
                  "Mean months in post (monthly hazard 1/tenure); 0: leaves only at elections",
                  "see the default rows"),
             [](RoleSpec& r) -> auto& { return r.tenure_months; });
  auto role = [](std::string name, std::string sector, std::int64_t count, double authority,
                 std::string level, double tenure) {
    return DefaultRow{std::move(name),
                      {{"sector", std::move(sector)}, {"count", count}, {"authority", authority},
                       {"level", std::move(level)}, {"tenure_months", tenure}}};
  };
  // Counts from the conceptual model. Tenures: NHS trust chief executives about 3 years (King's Fund /
  // NHS Providers 2018); borough commanders rotate faster (conceptual model); others illustrative.
  t->default_row(role("leader", "member", 1, 1.0, "place", 0))
      .default_row(role("cabinet", "member", 8, 0.7, "place", 0))
      .default_row(role("ward_councillor", "member", 30, 0.3, "neighbourhood", 0))
      .default_row(role("chief_executive", "officer", 1, 1.0, "place", 60))
      .default_row(role("director", "officer", 6, 0.7, "place", 48))
      .default_row(role("neighbourhood_manager", "officer", 6, 0.4, "neighbourhood", 36))
      .default_row(role("borough_commander", "police", 1, 1.0, "place", 24))
      .default_row(role("superintendent", "police", 2, 0.7, "place", 30))
      .default_row(role("neighbourhood_inspector", "police", 6, 0.4, "neighbourhood", 24))
      .default_row(role("health_chief_executive", "health", 1, 1.0, "place", 36))
      .default_row(role("director_of_public_health", "health", 1, 0.8, "place", 60))
      .default_row(role("health_board_member", "health", 4, 0.6, "place", 48))
      .default_row(role("commissioner", "health", 3, 0.4, "neighbourhood", 36));
  return t;
}

std::unique_ptr<Table> forums_table() {
  auto t = std::make_unique<NamedRowTable<ForumSpec>>(
      "place.forums", "Forums that meet on a cadence. cadence_months = 0 stops one meeting.",
      [](Params& p) -> std::vector<ForumSpec>& { return p.place.forums; });
  t->field(integer("cadence_months", 1, 0, 1200, "months", "Months between meetings",
                   "illustrative: management teams monthly, panels every two months, the "
                   "partnership board quarterly"),
           [](ForumSpec& f) -> auto& { return f.cadence_months; })
      .field(choice("scope", "place", level_choices(),
                    "place: one forum; neighbourhood: one per neighbourhood, with the posts "
                    "covering it",
                    "conceptual model"),
             [](ForumSpec& f) -> auto& { return f.scope; })
      .field({"roles", ValueType::NameList, std::vector<std::string>{}, -kInf, kInf, {}, "",
              "Roles whose holders belong to the forum", "conceptual model"},
             [](ForumSpec& f) -> auto& { return f.roles; });
  auto forum = [](std::string name, std::int64_t cadence, std::string scope,
                  std::vector<std::string> roles) {
    return DefaultRow{std::move(name),
                      {{"cadence_months", cadence}, {"scope", std::move(scope)},
                       {"roles", std::move(roles)}}};
  };
  t->default_row(forum("top_team", 1, "place", {"leader", "cabinet", "chief_executive", "director"}))
      .default_row(forum("partnership_board", 3, "place",
                         {"leader", "chief_executive", "borough_commander",
                          "health_chief_executive", "director_of_public_health"}))
      .default_row(forum("neighbourhood_panel", 2, "neighbourhood",
                         {"ward_councillor", "neighbourhood_manager", "neighbourhood_inspector",
                          "commissioner"}))
      .default_row(forum("cabinet_meeting", 1, "place", {"leader", "cabinet"}))
      .default_row(forum("council_management_team", 1, "place",
                         {"chief_executive", "director", "neighbourhood_manager"}))
      .default_row(forum("police_command_team", 1, "place",
                         {"borough_commander", "superintendent", "neighbourhood_inspector"}))
      .default_row(forum("health_board", 1, "place",
                         {"health_chief_executive", "director_of_public_health",
                          "health_board_member", "commissioner"}));
  return t;
}

}  // namespace

Registry::Registry() {
  Declare d{*this};
  declare_simulation(d);
  declare_place(d);
  declare_population(d);
  declare_trust(d);
  declare_meetings(d);
  declare_experience(d);
  declare_influence(d);
  declare_learning(d);
  declare_joint_action(d);
  declare_commitment(d);
  declare_arrangements(d);
  declare_events(d);
  add(sectors_table());
  add(issues_table());
  add(roles_table());
  add(forums_table());
  add(interventions_table());
  add(strategies_table());
}

const Registry& Registry::instance() {
  static const Registry registry;
  return registry;
}

const Field<Params>* Registry::find_scalar(std::string_view key) const {
  for (const auto& f : scalars_) {
    if (f.key == key) return &f;
  }
  return nullptr;
}

const Table* Registry::find_table(std::string_view name) const {
  for (const auto& t : tables_) {
    if (t->name() == name) return t.get();
  }
  return nullptr;
}

Params Registry::defaults() const {
  Params params;
  for (const auto& f : scalars_) f.set(params, f.default_value);
  for (const auto& t : tables_) t->apply_defaults(params);
  return params;
}


}  // namespace placesim
