// The interventions and strategies tables: every field an intervention and a strategy have,
// with its type, default, range and meaning. The built-in rows (the presets) are data:
// scenarios/presets/presets.toml (scenario/presets.hpp).
#include "scenario/intervention_tables.hpp"

#include <limits>

#include "model/interventions/intervention_spec.hpp"
#include "scenario/presets.hpp"
#include "scenario/table.hpp"
#include "scenario/value_names.hpp"

namespace placesim {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

FieldInfo info(std::string key, ValueType type, Value def, double lo, double hi, std::string unit,
               std::string description, std::string source, std::vector<std::string> choices = {}) {
  return {std::move(key), type, std::move(def), lo, hi, std::move(choices), std::move(unit),
          std::move(description), std::move(source)};
}

using Names = std::vector<std::string>;

}  // namespace

std::unique_ptr<Table> interventions_table() {
  auto t = std::make_unique<NamedRowTable<InterventionSpec>>(
      "interventions",
      "Interventions: each row is one, the presets (scenarios/presets/presets.toml) first. A new name declares your own; "
      "based_on copies an existing one's fields before yours apply.",
      [](Params& p) -> std::vector<InterventionSpec>& { return p.interventions; });
  const std::string doc = "docs/interventions.md";
  t->field(info("based_on", ValueType::Text, std::string(), -kInf, kInf, "",
                "An intervention (a preset, or one declared earlier) whose fields this one starts from", doc),
           [](InterventionSpec& s) -> auto& { return s.based_on; })
      .field(info("provider", ValueType::Text, std::string(), -kInf, kInf, "", "Who provides it", doc),
             [](InterventionSpec& s) -> auto& { return s.provider; })
      .field(info("theory", ValueType::Text, std::string(), -kInf, kInf, "", "Its theory of change, in a sentence", doc),
             [](InterventionSpec& s) -> auto& { return s.theory; })
      .field(info("source", ValueType::Text, std::string(), -kInf, kInf, "",
                  "Where its theory and values come from (docs/sources.md)", doc),
             [](InterventionSpec& s) -> auto& { return s.source; })
      .field(info("trigger", ValueType::Choice, std::string("schedule"), -kInf, kInf, "",
                  "schedule: runs once from start_month; election: runs after every election", doc,
                  names_of(kTriggerNames)),
             [](InterventionSpec& s) -> auto& { return s.trigger; })
      .field(info("start_month", ValueType::Integer, std::int64_t{6}, 0, 12000, "month",
                  "schedule: month of the first session (1 or later); election: months after each election", doc),
             [](InterventionSpec& s) -> auto& { return s.start_month; })
      .field(info("start_after", ValueType::Text, std::string(), -kInf, kInf, "",
                  "schedule: start start_month months after this intervention of the same strategy ends (0: the "
                  "month after its last); empty: start_month is a month of the run", doc),
             [](InterventionSpec& s) -> auto& { return s.start_after; })
      .field(info("duration_months", ValueType::Integer, std::int64_t{12}, 1, 12000, "months",
                  "How long it runs: sessions are held in the months start .. start + duration - 1", doc),
             [](InterventionSpec& s) -> auto& { return s.duration_months; })
      .field(info("cadence_months", ValueType::Integer, std::int64_t{1}, 1, 1200, "months",
                  "Months between sessions (the first is at the start)", doc),
             [](InterventionSpec& s) -> auto& { return s.cadence_months; })
      .field(info("targeting", ValueType::Choice, std::string("roles"), -kInf, kInf, "",
                  "Whom it invites: roles (by sector and role), forum, top, snowball, cohort, neighbourhood", doc,
                  names_of(kTargetingNames)),
             [](InterventionSpec& s) -> auto& { return s.targeting; })
      .field(info("sectors", ValueType::NameList, Names{}, -kInf, kInf, "",
                  "Only posts of these sectors (empty: every sector)", doc),
             [](InterventionSpec& s) -> auto& { return s.sectors; })
      .field(info("roles", ValueType::NameList, Names{}, -kInf, kInf, "",
                  "Only posts of these roles (empty: every role of the sectors)", doc),
             [](InterventionSpec& s) -> auto& { return s.roles; })
      .field(info("forum", ValueType::Text, std::string(), -kInf, kInf, "", "forum targeting: the forum's members", doc),
             [](InterventionSpec& s) -> auto& { return s.forum; })
      .field(info("seeds", ValueType::Integer, std::int64_t{2}, 1, 1e6, "posts",
                  "snowball: the first participants, highest authority first", doc),
             [](InterventionSpec& s) -> auto& { return s.seeds; })
      .field(info("growth", ValueType::Integer, std::int64_t{2}, 0, 1e6, "posts",
                  "snowball: people invited per session, participants' most trusted contacts first", doc),
             [](InterventionSpec& s) -> auto& { return s.growth; })
      .field(info("cross_sector_first", ValueType::Boolean, false, -kInf, kInf, "",
                  "snowball: invite participants' contacts in other sectors before their colleagues",
                  "conceptual model: co-design snowballs across sectors"),
             [](InterventionSpec& s) -> auto& { return s.cross_sector_first; })
      .field(info("cap", ValueType::Integer, std::int64_t{0}, 0, 1e6, "posts",
                  "top, snowball, cohort: most participants (0: top takes each sector's head; no cap)", doc),
             [](InterventionSpec& s) -> auto& { return s.cap; })
      .field(info("neighbourhoods", ValueType::IntegerList, std::vector<std::int64_t>{}, 1, 10000, "",
                  "neighbourhood targeting: the neighbourhoods (numbered from 1) whose posts it invites", doc),
             [](InterventionSpec& s) -> auto& { return s.neighbourhoods; })
      .field(info("focal_rule", ValueType::Choice, std::string("none"), -kInf, kInf, "",
                  "Its focal issue: none, fixed (focal_issue), most_salient or worst (among issues the "
                  "invited posts have a stake in), chosen when it starts",
                  doc, names_of(kFocalRuleNames)),
             [](InterventionSpec& s) -> auto& { return s.focal_rule; })
      .field(info("focal_issue", ValueType::Text, std::string(), -kInf, kInf, "", "fixed focal rule: the issue", doc),
             [](InterventionSpec& s) -> auto& { return s.focal_issue; })
      .field(info("focal_level", ValueType::Choice, std::string("any"), -kInf, kInf, "",
                  "most_salient and worst: choose among any issues, place issues or neighbourhood issues", doc,
                  names_of(kFocalLevelNames)),
             [](InterventionSpec& s) -> auto& { return s.focal_level; })
      .field(info("effects", ValueType::NamedReals, NamedReals{}, 0, 1, "per session",
                  "What a session does to each attendee: capacity, knowledge, literacy (share of the gap to "
                  "1 closed), trust (between every two attendees, creating ties), priorities (how far they move "
                  "to the priority target), focus (extra effort share on the focal issue)",
                  doc, names_of(kEffectNames)),
             [](InterventionSpec& s) -> auto& { return s.effects; })
      .field(info("priority_target", ValueType::Choice, std::string("focal"), -kInf, kInf, "",
                  "Where the priorities effect moves priorities: focal (issue), residents (salience), "
                  "shared (the attendees' authority-weighted mean: a shared ambition)",
                  doc, names_of(kPriorityTargetNames)),
             [](InterventionSpec& s) -> auto& { return s.priority_target; })
      .field(info("commitment", ValueType::Real, 0.0, 0, 1, "",
                  "Share of the priority shift that also moves attendees' mandates (a plan adopted), "
                  "so that it outlasts the sessions",
                  doc),
             [](InterventionSpec& s) -> auto& { return s.commitment; })
      .field(info("confidential", ValueType::Boolean, false, -kInf, kInf, "",
                  "Attendees share no knowledge while it runs", "S4 2.1 (confidentiality of diagnostic data)"),
             [](InterventionSpec& s) -> auto& { return s.confidential; })
      .field(info("take_up", ValueType::Real, 0.9, 0, 1, "probability",
                  "Chance an invited, fully relevant, unfatigued post attends a session", doc),
             [](InterventionSpec& s) -> auto& { return s.take_up; })
      .field(info("take_up_relevance", ValueType::Real, 0.0, 0, 1, "",
                  "How far low relevance lowers take-up; relevance = min(1, K p_focal)",
                  "S4 2.3 (poor take-up of national programmes not tailored to local needs)"),
             [](InterventionSpec& s) -> auto& { return s.take_up_relevance; })
      .field(info("take_up_fatigue", ValueType::Real, 0.5, 0, 1, "", "How far fatigue lowers take-up",
                  "conceptual model: take-up depends on fatigue; P8"),
             [](InterventionSpec& s) -> auto& { return s.take_up_fatigue; })
      .field(info("arrangement_cadence_months", ValueType::Integer, std::int64_t{0}, 0, 1200, "months",
                  "When it ends, the posts that took part keep meeting this often, as a standing arrangement, "
                  "for as long as they trust each other (arrangements.dissolve_below); 0: none",
                  "S0 ('leave a legacy of different conversations'); the conceptual model (joint arrangements)"),
             [](InterventionSpec& s) -> auto& { return s.arrangement_cadence_months; })
      .field(info("quality_sd", ValueType::Real, 0.0, 0, 10, "",
                  "Standard deviation of a run's effect multiplier (mean 1), drawn when it starts: how one run "
                  "of a programme differs from another",
                  "Avolio et al. 2009 (about two programmes in three have a positive effect)"),
             [](InterventionSpec& s) -> auto& { return s.quality_sd; })
      .field(info("participant_sd", ValueType::Real, 0.0, 0, 10, "",
                  "Standard deviation of each participant's effect multiplier (mean 1)",
                  "Lacerenza et al. 2017 (participants gain unequally)"),
             [](InterventionSpec& s) -> auto& { return s.participant_sd; })
      .field(info("fatigue", ValueType::Real, 0.02, 0, 1, "fatigue",
                  "Fatigue a session adds to each attendee, times (1 - fatigue)", "conceptual model; S2 ('the big lie')"),
             [](InterventionSpec& s) -> auto& { return s.fatigue; })
      .field(info("cost_fixed", ValueType::Real, 0.0, 0, kInf, "GBP thousand",
                  "Cost of running it once (each election, if triggered)", doc),
             [](InterventionSpec& s) -> auto& { return s.cost_fixed; })
      .field(info("cost_per_participant_session", ValueType::Real, 0.0, 0, kInf, "GBP thousand",
                  "Cost per attendee per session", doc),
             [](InterventionSpec& s) -> auto& { return s.cost_per_participant_session; })
      .field(info("policy_change_multiplier", ValueType::Real, 1.0, 0, 1, "",
                  "National policy changes are this much as frequent while it runs",
                  "Total Place (HM Treasury and CLG 2010): Whitehall departments in the pilots"),
             [](InterventionSpec& s) -> auto& { return s.policy_change_multiplier; });

  return t;
}

std::unique_ptr<Table> strategies_table() {
  auto t = std::make_unique<NamedRowTable<StrategySpec>>(
      "strategies",
      "Strategies: named lists of interventions. The built-in ones (scenarios/presets/presets.toml) are the baseline and "
      "each preset alone, under the preset's name.",
      [](Params& p) -> std::vector<StrategySpec>& { return p.strategies; });
  t->field(info("description", ValueType::Text, std::string(), -kInf, kInf, "", "What the strategy is", "docs/interventions.md"),
           [](StrategySpec& s) -> auto& { return s.description; })
      .field(info("interventions", ValueType::NameList, Names{}, -kInf, kInf, "",
                  "The interventions it runs (presets or [interventions.<name>]), all at once", "docs/interventions.md"),
             [](StrategySpec& s) -> auto& { return s.interventions; })
      .field(info("colour", ValueType::Text, std::string(), -kInf, kInf, "",
                  "Its colour in reports, as #RRGGBB (empty: the next of a colour-blind-safe palette)",
                  "docs/analysis.md"),
             [](StrategySpec& s) -> auto& { return s.colour; });
  return t;
}

void write_preset_comparison(std::ostream& out) {
  const Params& p = default_params();
  out << "| preset | provider | theory of change | whom | when | focal issue | effects per session | "
         "take-up | lasting | fatigue | cost (GBP k) |\n";
  out << "|---|---|---|---|---|---|---|---|---|---|---|\n";
  for (const InterventionSpec& i : p.interventions) {
    std::string whom = word(i.targeting, kTargetingNames);
    if (i.targeting == Targeting::Forum) whom += " " + i.forum;
    if (i.targeting == Targeting::Roles) whom += " " + to_toml(i.roles);
    if (i.targeting == Targeting::Neighbourhood) whom += " " + to_toml(i.neighbourhoods);
    if (i.targeting == Targeting::Snowball) {
      whom += " from " + std::to_string(i.seeds) + ", +" + std::to_string(i.growth) + "/session" +
              (i.cross_sector_first ? " across sectors first" : "");
    }
    if (i.cap > 0) whom += ", cap " + std::to_string(i.cap);
    const std::string when = i.trigger == Trigger::Election
                                 ? std::to_string(i.start_month) + " month(s) after each election, " +
                                       std::to_string(i.duration_months) + " months"
                                 : "from month " + std::to_string(i.start_month) + ", " +
                                       std::to_string(i.duration_months) + " months";
    const std::string sessions = ", every " + std::to_string(i.cadence_months) + " month(s)";
    std::string focal = word(i.focal_rule, kFocalRuleNames);
    if (i.focal_level != FocalLevel::Any) focal += " (" + word(i.focal_level, kFocalLevelNames) + " issues)";
    std::string effects = to_toml(to_value(i.effects));
    if (i.effects.priorities > 0) {
      effects += "; priorities towards " + word(i.priority_target, kPriorityTargetNames);
      if (i.commitment > 0) effects += ", commitment " + to_toml(i.commitment);
    }
    if (i.confidential) effects += "; confidential";
    if (i.policy_change_multiplier < 1) effects += "; policy churn x" + to_toml(i.policy_change_multiplier);
    const std::string lasting = i.arrangement_cadence_months > 0
                                    ? "standing arrangement every " + std::to_string(i.arrangement_cadence_months) + " months"
                                    : "-";
    out << "| `" << i.name << "` | " << i.provider << " | " << i.theory << " | " << whom << " | " << when << sessions
        << " | " << focal << " | " << effects << " | " << to_toml(i.take_up) << " | " << lasting << " | "
        << to_toml(i.fatigue) << " | " << to_toml(i.cost_fixed) << " + " << to_toml(i.cost_per_participant_session)
        << " per participant-session |\n";
  }
}

}  // namespace placesim
