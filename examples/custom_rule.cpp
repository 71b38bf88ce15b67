// A user-defined rule next to the built-in catalogue: "every duty in stage förvaltning (management and
// operation of what was built) has the police consulted". Places planned for safety drift once they are in
// use (lights go out, bushes grow, cameras are moved), and the lokalpolisområde (local police area) is the
// actor that sees it first; a planner wants that checked on every audit.
//
// A user rule is any type with `id()` and `check(model, capability_index, findings)` (see
// samverkan/analysis/user_rule.hpp); its findings are sorted into the same report as the built-in ones.
//
// Prints (long lines wrapped here):
//   warning  no-responsible               'Besluta om trygghetskameror' has no one responsible; Lokalpolisområdet
//                                         is accountable, but no actor is assigned to do the work
//   warning  police-consulted             'Skötsel av parkbelysning' is in stage 'Förvaltning' but does not
//                                         consult Lokalpolisområdet; add it as C (consulted)
//   0 errors, 2 warnings, 0 info
#include <samverkan/samverkan.hpp>

#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace {

// The rule: every duty placed in `stage` has `police` among its consulted (C) actors.
struct police_consulted {
    samverkan::actor_id police;
    samverkan::stage_id stage;

    [[nodiscard]] std::string_view id() const { return "police-consulted"; }

    template <class Model>
    void check(Model const& m, samverkan::capability_index const&, std::vector<samverkan::finding>& out) const {
        for (samverkan::duty_id d : m.duties()) {
            if (m.stage_of(d) != stage) continue;
            bool consulted = false;
            for (samverkan::actor_id a : m.actors_with(d, samverkan::raci::consulted))
                consulted = consulted || a == police;
            if (consulted) continue;
            out.push_back({.severity = samverkan::severity::warning,
                           .subjects = {{"duty", d}},
                           .message = "'" + std::string{m.name_of(d)} + "' is in stage '" +
                                      std::string{m.name_of(stage)} + "' but does not consult " +
                                      std::string{m.name_of(police)} + "; add it as C (consulted)"});
        }
    }
};
static_assert(samverkan::user_rule<police_consulted, samverkan::model>);

} // namespace

int main() {
    using samverkan::raci;
    samverkan::model m;
    m.set_name("Centrum: från detaljplan till förvaltning");

    auto planering = m.add_stage({.id = "planering", .name = "Planering"});
    auto genomforande = m.add_stage({.id = "genomforande", .name = "Genomförande"});
    auto forvaltning = m.add_stage({.id = "forvaltning", .name = "Förvaltning"});
    m.order(genomforande, planering);
    m.order(forvaltning, genomforande);

    auto kommun = m.add_scope({.id = "kommun", .name = "Exempelkommun"});
    auto centrum = m.add_scope({.id = "centrum", .name = "Centrum"});
    m.nest(centrum, kommun);

    auto bn = m.add_actor({.id = "bn", .name = "Byggnadsnämnden", .category = "kommun"});
    auto tekniska = m.add_actor({.id = "tn", .name = "Tekniska nämnden", .category = "kommun"});
    auto lpo = m.add_actor({.id = "lpo", .name = "Lokalpolisområdet", .category = "stat"});
    auto fastighet = m.add_actor({.id = "fastighetsagare", .name = "Fastighetsägarföreningen", .category = "privat"});

    auto plan =
        m.add_mandate({.id = "planmonopol", .name = "Planmonopol", .basis = "PBL 1 kap. 2 §", .exclusive = true});
    auto drift = m.add_mandate({.id = "drift", .name = "Drift av allmän plats", .basis = "PBL 6 kap. 18 §"});
    auto kamera =
        m.add_mandate({.id = "kamera", .name = "Kamerabevakning", .basis = "Kamerabevakningslag (2018:1200)"});
    m.grant(bn, plan, {.scope = kommun});
    m.grant(tekniska, drift, {.scope = kommun});
    m.grant(lpo, kamera, {.scope = kommun});

    auto detaljplan =
        m.add_duty({.id = "detaljplan", .name = "Anta detaljplan för centrum"}, {.stage = planering, .scope = centrum});
    m.require(detaljplan, plan);
    m.assign(bn, detaljplan, raci::responsible);
    m.assign(bn, detaljplan, raci::accountable);
    m.assign(lpo, detaljplan, raci::consulted);

    auto belysning =
        m.add_duty({.id = "belysning", .name = "Skötsel av parkbelysning"}, {.stage = forvaltning, .scope = centrum});
    m.require(belysning, drift);
    m.assign(tekniska, belysning, raci::responsible);
    m.assign(tekniska, belysning, raci::accountable);

    auto kameror =
        m.add_duty({.id = "kameror", .name = "Besluta om trygghetskameror"}, {.stage = forvaltning, .scope = centrum});
    m.require(kameror, kamera);
    m.assign(lpo, kameror, raci::accountable);
    m.assign(lpo, kameror, raci::consulted);
    m.assign(fastighet, kameror, raci::informed);
    m.need(kameror, belysning);

    auto rad = m.add_forum({.id = "trygghetsrad", .name = "Trygghetsrådet", .model = "samverkansöverenskommelse"});
    m.set_coordinator(rad, tekniska);
    m.add_member(rad, lpo);
    m.add_member(rad, bn);
    m.add_member(rad, fastighet);
    m.cover(rad, belysning);

    auto const report = samverkan::audit(m, {}, police_consulted{lpo, forvaltning});
    std::cout << samverkan::describe(m, report);
    return report.summary().error == 0 ? 0 : 1;
}
