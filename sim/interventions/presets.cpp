// The interventions table: every field an intervention has, and the built-in presets, each
// the theory of change of one improvement agency as the seeds describe it (S0-S4, see
// docs/ODD.md). Values are illustrative; docs/interventions.md compares them side by side.
#include "interventions/presets.hpp"

#include <limits>

#include "interventions/intervention_spec.hpp"
#include "scenario/table.hpp"

namespace placesim {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

FieldInfo info(std::string key, ValueType type, Value def, double lo, double hi, std::string unit,
               std::string description, std::string source, std::vector<std::string> choices = {}) {
  return {std::move(key), type, std::move(def), lo, hi, std::move(choices), std::move(unit),
          std::move(description), std::move(source)};
}

using Row = std::vector<std::pair<std::string, Value>>;
using Names = std::vector<std::string>;
const Names kAllSectors = {"member", "officer", "police", "health"};

}  // namespace

std::unique_ptr<Table> interventions_table() {
  auto t = std::make_unique<NamedRowTable<InterventionSpec>>(
      "interventions",
      "Interventions: each row is one, the presets first. A new name declares your own; "
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
      .field(info("trigger", ValueType::Choice, std::string("schedule"), -kInf, kInf, "",
                  "schedule: runs once from start_month; election: runs after every election", doc,
                  names_of(kTriggerNames)),
             [](InterventionSpec& s) -> auto& { return s.trigger; })
      .field(info("start_month", ValueType::Integer, std::int64_t{6}, 0, 12000, "month",
                  "schedule: month of the first session (1 or later); election: months after each election", doc),
             [](InterventionSpec& s) -> auto& { return s.start_month; })
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
                  "MODEL.md: co-design snowballs across sectors"),
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
                  {"any", "place", "neighbourhood"}),
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
                  "MODEL.md: take-up depends on fatigue; P8"),
             [](InterventionSpec& s) -> auto& { return s.take_up_fatigue; })
      .field(info("durability_months", ValueType::Integer, std::int64_t{0}, 0, 1200, "months",
                  "Attendees' unused ties decay slower for this long after a session", doc),
             [](InterventionSpec& s) -> auto& { return s.durability_months; })
      .field(info("durability_factor", ValueType::Real, 1.0, 0, 1, "",
                  "Multiplier on trust decay while durable (0: no decay)", doc),
             [](InterventionSpec& s) -> auto& { return s.durability_factor; })
      .field(info("fatigue", ValueType::Real, 0.02, 0, 1, "fatigue",
                  "Fatigue a session adds to each attendee, times (1 - fatigue)", "MODEL.md; S2 ('the big lie')"),
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

  // Illustrative values; costs in GBP thousand. Sources: the seed each comment names, and
  // Lacerenza et al. (2017) for the size of a programme's skill gains (d 0.6 to 0.8: a full
  // programme lifts capacity by roughly 0.7 of its spread across leaders, about 0.04).
  t->default_row({"peer_review",
                  Row{{"provider", std::string("IDeA")},
                      // S4 2.2: a sector-based model, "change is based on evidence of what works
                      // elsewhere"; S4 appendix: peers visit for three to five days with a
                      // diagnostic tool and benchmark; a national product, not tailored (S4 2.3).
                      {"theory", std::string("Learning from what works elsewhere, brought by peers")},
                      {"start_month", std::int64_t{6}}, {"duration_months", std::int64_t{25}},
                      {"cadence_months", std::int64_t{3}}, {"targeting", std::string("forum")},
                      {"forum", std::string("top_team")},
                      {"effects", NamedReals{{"knowledge", 0.15}, {"capacity", 0.01}}},
                      {"take_up", 0.8}, {"take_up_fatigue", 0.5}, {"fatigue", 0.03},
                      {"cost_fixed", 15.0}, {"cost_per_participant_session", 0.3}}})
      .default_row({"co_design",
                    Row{{"provider", std::string("Leadership Centre")},
                        // S1: leader and chief executive first, then the top team, a plan over
                        // 12 to 36 months on live strategic issues; S4 2.2: "starting slowly,
                        // building relationships... co-designing... the most important local
                        // issues"; S0: develop shared ambition, amplify what works, leave a legacy.
                        {"theory", std::string("Start at the top, go slowly, co-design and work the tricky local issue")},
                        {"start_month", std::int64_t{6}}, {"duration_months", std::int64_t{30}},
                        {"cadence_months", std::int64_t{1}}, {"targeting", std::string("snowball")},
                        {"sectors", kAllSectors}, {"seeds", std::int64_t{2}}, {"growth", std::int64_t{1}},
                        {"cross_sector_first", true},
                        {"cap", std::int64_t{24}}, {"focal_rule", std::string("most_salient")},
                        {"effects", NamedReals{{"trust", 0.05}, {"literacy", 0.03}, {"capacity", 0.015},
                                               {"priorities", 0.12}}},
                        {"priority_target", std::string("shared")}, {"commitment", 0.6},
                        {"take_up", 0.95}, {"take_up_relevance", 0.3}, {"take_up_fatigue", 0.3},
                        {"durability_months", std::int64_t{36}}, {"durability_factor", 0.3},
                        {"fatigue", 0.005}, {"cost_fixed", 60.0}, {"cost_per_participant_session", 1.5}}})
      .default_row({"action_learning",
                    Row{{"provider", std::string("NPIA")},
                        // S4 appendix: neighbourhood improvement workshops, a two-day event for
                        // 30 to 50 people organised through the local police commander, on an
                        // appreciative-inquiry basis "starting with the real problems"; S4 2.2.
                        {"theory", std::string("Action learning on real neighbourhood problems, with the people who face them")},
                        {"start_month", std::int64_t{6}}, {"duration_months", std::int64_t{2}},
                        {"cadence_months", std::int64_t{1}}, {"targeting", std::string("neighbourhood")},
                        {"neighbourhoods", std::vector<std::int64_t>{1, 2, 3}},
                        {"focal_rule", std::string("worst")}, {"focal_level", std::string("neighbourhood")},
                        {"effects", NamedReals{{"trust", 0.15}, {"focus", 0.3}, {"capacity", 0.01}, {"priorities", 0.1}}},
                        {"priority_target", std::string("focal")}, {"commitment", 0.1},
                        {"take_up", 0.9}, {"take_up_relevance", 0.2}, {"take_up_fatigue", 0.5},
                        {"durability_months", std::int64_t{6}}, {"durability_factor", 0.6},
                        {"fatigue", 0.02}, {"cost_fixed", 8.0}, {"cost_per_participant_session", 0.3}}})
      .default_row({"diagnostic",
                    Row{{"provider", std::string("NHS Institute")},
                        // S4 2.2: "effective diagnosis of the issues facing a leadership team,
                        // using a diagnostic tool applied by expert facilitators, and concentrated
                        // work" with "dramatic improvements" (MRSA); S4 appendix: board diagnostic
                        // over a couple of months; S4 2.1: diagnostic data kept confidential.
                        {"theory", std::string("Expert diagnosis of one leadership team, then concentrated work on its worst problem")},
                        {"start_month", std::int64_t{6}}, {"duration_months", std::int64_t{6}},
                        {"cadence_months", std::int64_t{1}}, {"targeting", std::string("forum")},
                        {"forum", std::string("health_board")}, {"focal_rule", std::string("worst")},
                        {"effects", NamedReals{{"knowledge", 0.15}, {"focus", 0.6}, {"priorities", 0.2}}},
                        {"priority_target", std::string("focal")}, {"confidential", true},
                        {"take_up", 0.95}, {"take_up_fatigue", 0.3}, {"fatigue", 0.03},
                        {"cost_fixed", 20.0}, {"cost_per_participant_session", 1.0}}})
      .default_row({"cross_sector_programme",
                    Row{{"provider", std::string("Leadership Centre and partners")},
                        // S4 3.2: courses for a mix of participants across sectors, with a
                        // take-up risk; the Kent Leadership Programme's senior cross-sector
                        // cohort; Worcestershire's Leading the County (initial phase of a year).
                        {"theory", std::string("Senior leaders from every sector learn together and come to know each other")},
                        {"start_month", std::int64_t{6}}, {"duration_months", std::int64_t{10}},
                        {"cadence_months", std::int64_t{1}}, {"targeting", std::string("cohort")},
                        {"sectors", kAllSectors}, {"cap", std::int64_t{20}},
                        {"effects", NamedReals{{"trust", 0.08}, {"literacy", 0.04}, {"capacity", 0.02}}},
                        {"take_up", 0.75}, {"take_up_fatigue", 0.6},
                        {"durability_months", std::int64_t{12}}, {"durability_factor", 0.5},
                        {"fatigue", 0.02}, {"cost_fixed", 30.0}, {"cost_per_participant_session", 1.0}}})
      .default_row({"top_team_workshops",
                    Row{{"provider", std::string("Top team consultants (S3)")},
                        // S3: three workshops for a new cabinet and its corporate management
                        // team after an election: cabinet alone, then a joint vision, then
                        // strategic performance and the details of joint working.
                        {"theory", std::string("Get a new cabinet and its officers working as one top team quickly after an election")},
                        {"trigger", std::string("election")}, {"start_month", std::int64_t{1}},
                        {"duration_months", std::int64_t{3}}, {"cadence_months", std::int64_t{1}},
                        {"targeting", std::string("forum")}, {"forum", std::string("top_team")},
                        {"effects", NamedReals{{"trust", 0.12}, {"priorities", 0.15}, {"capacity", 0.01}}},
                        {"priority_target", std::string("shared")}, {"commitment", 0.3},
                        {"take_up", 0.95}, {"take_up_fatigue", 0.3},
                        {"durability_months", std::int64_t{12}}, {"durability_factor", 0.5},
                        {"fatigue", 0.01}, {"cost_fixed", 6.0}, {"cost_per_participant_session", 0.5}}})
      .default_row({"total_place",
                    Row{{"provider", std::string("HM Treasury and CLG")},
                        // S4 3.6: Total Place, 13 pilots: "counting" all public money in a
                        // place and the "culture" of working together, with Whitehall
                        // departments in; pilots ran June 2009 to February 2010.
                        {"theory", std::string("Count what is spent in the place and work on it together, with the centre in the room")},
                        {"start_month", std::int64_t{6}}, {"duration_months", std::int64_t{9}},
                        {"cadence_months", std::int64_t{1}}, {"targeting", std::string("forum")},
                        {"forum", std::string("partnership_board")}, {"focal_rule", std::string("most_salient")},
                        {"effects", NamedReals{{"knowledge", 0.1}, {"trust", 0.06}, {"focus", 0.2}}},
                        {"take_up", 0.9}, {"take_up_fatigue", 0.3},
                        {"durability_months", std::int64_t{6}}, {"durability_factor", 0.6},
                        {"fatigue", 0.01}, {"policy_change_multiplier", 0.5},
                        {"cost_fixed", 40.0}, {"cost_per_participant_session", 1.0}}})
      .default_row({"mentoring",
                    Row{{"provider", std::string("IDeA")},
                        // S4 appendix: the councillor mentoring programme, by specially trained
                        // peers, "increases individual capacity, competence, knowledge"; S4 2.4:
                        // members' confidence and capability to engage partners.
                        {"theory", std::string("Peers build cabinet members' capacity and confidence with partners")},
                        {"start_month", std::int64_t{6}}, {"duration_months", std::int64_t{12}},
                        {"cadence_months", std::int64_t{1}}, {"targeting", std::string("roles")},
                        {"roles", Names{"leader", "cabinet"}},
                        {"effects", NamedReals{{"capacity", 0.03}, {"literacy", 0.04}}},
                        {"take_up", 0.85}, {"take_up_fatigue", 0.4}, {"fatigue", 0.01},
                        {"cost_fixed", 5.0}, {"cost_per_participant_session", 0.3}}});
  return t;
}

std::unique_ptr<Table> strategies_table() {
  auto t = std::make_unique<NamedRowTable<StrategySpec>>(
      "strategies", "Strategies: named lists of interventions. Each preset is also a strategy of its own name.",
      [](Params& p) -> std::vector<StrategySpec>& { return p.strategies; });
  t->field(info("description", ValueType::Text, std::string(), -kInf, kInf, "", "What the strategy is", "docs/interventions.md"),
           [](StrategySpec& s) -> auto& { return s.description; })
      .field(info("interventions", ValueType::NameList, Names{}, -kInf, kInf, "",
                  "The interventions it runs (presets or [interventions.<name>]), all at once", "docs/interventions.md"),
             [](StrategySpec& s) -> auto& { return s.interventions; });
  t->default_row({"baseline", Row{{"description", std::string("No intervention")}, {"interventions", Names{}}}});
  for (const char* preset : {"peer_review", "co_design", "action_learning", "diagnostic", "cross_sector_programme",
                             "top_team_workshops", "total_place", "mentoring"}) {
    t->default_row({preset, Row{{"description", std::string("The ") + preset + " preset alone"},
                                {"interventions", Names{preset}}}});
  }
  return t;
}

void write_preset_comparison(std::ostream& out) {
  const Params p = Registry::instance().defaults();
  out << "| preset | provider | theory of change | whom | when | focal issue | effects per session | "
         "take-up | lasting | fatigue | cost (GBP k) |\n";
  out << "|---|---|---|---|---|---|---|---|---|---|---|\n";
  for (const InterventionSpec& i : p.interventions) {
    std::string whom = std::string(kTargetingNames[static_cast<std::size_t>(i.targeting)]);
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
    std::string focal = std::string(kFocalRuleNames[static_cast<std::size_t>(i.focal_rule)]);
    if (i.focal_level != "any") focal += " (" + i.focal_level + " issues)";
    std::string effects = to_toml(to_value(i.effects));
    if (i.effects.priorities > 0) {
      effects += "; priorities towards " + std::string(kPriorityTargetNames[static_cast<std::size_t>(i.priority_target)]);
      if (i.commitment > 0) effects += ", commitment " + to_toml(i.commitment);
    }
    if (i.confidential) effects += "; confidential";
    if (i.policy_change_multiplier < 1) effects += "; policy churn x" + to_toml(i.policy_change_multiplier);
    const std::string lasting = i.durability_months > 0 ? std::to_string(i.durability_months) + " months, decay x" +
                                                             to_toml(i.durability_factor)
                                                       : "-";
    out << "| `" << i.name << "` | " << i.provider << " | " << i.theory << " | " << whom << " | " << when << sessions
        << " | " << focal << " | " << effects << " | " << to_toml(i.take_up) << " | " << lasting << " | "
        << to_toml(i.fatigue) << " | " << to_toml(i.cost_fixed) << " + " << to_toml(i.cost_per_participant_session)
        << " per participant-session |\n";
  }
}

}  // namespace placesim
