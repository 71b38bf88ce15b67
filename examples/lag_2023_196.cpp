// Builds the Lag (2023:196) cycle for one kommun in code and prints the model for people to read:
// stages in order, scopes, actors, mandates with their basis and holders, duties with stage, scope,
// RACI, required mandates and needed duties, and forums. (The audit examples are kommun_lag_2023_196,
// detaljplan_blandstad and centrum_bid.)
//
// Lag (2023:196) om kommuners ansvar för brottsförebyggande arbete: the kommun produces a lägesbild
// (situation picture) of crime in its area (4 §), decides an åtgärdsplan (action plan) from it, takes some
// responsibility for coordinating local crime prevention, sets up a samordningsfunktion (coordinating
// function) and follows the work up. Section numbers other than 4 § are marked unverified.
#include <samverkan/model.hpp>

#include <cstddef>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

samverkan::model build() {
    using samverkan::raci;
    samverkan::model m;
    m.set_name("Exempelkommun: brottsförebyggande arbete enligt lag (2023:196)");

    auto lagesbild_s = m.add_stage({.id = "lagesbild", .name = "Lägesbild"});
    auto atgardsplan_s = m.add_stage({.id = "atgardsplan", .name = "Åtgärdsplan"});
    auto genomforande_s = m.add_stage({.id = "genomforande", .name = "Genomförande"});
    auto uppfoljning_s = m.add_stage({.id = "uppfoljning", .name = "Uppföljning"});
    m.order(atgardsplan_s, lagesbild_s);
    m.order(genomforande_s, atgardsplan_s);
    m.order(uppfoljning_s, genomforande_s);

    auto lpo_omrade = m.add_scope({.id = "lpo-omrade", .name = "Lokalpolisområdet"});
    auto kommun = m.add_scope({.id = "kommun", .name = "Exempelkommun"});
    m.nest(kommun, lpo_omrade);

    auto kf = m.add_actor({.id = "kf", .name = "Kommunfullmäktige", .category = "kommun"});
    auto ks = m.add_actor({.id = "ks", .name = "Kommunstyrelsen", .category = "kommun"});
    auto sf = m.add_actor({.id = "samordningsfunktion", .name = "Samordningsfunktionen", .category = "kommun"});
    auto lpo = m.add_actor({.id = "lpo", .name = "Lokalpolisområdet", .category = "stat"});

    auto leda = m.add_mandate({.id = "leda-samordna",
                               .name = "Leda och samordna kommunens förvaltning",
                               .basis = "KL (2017:725) 6 kap. 1 § (unverified)"});
    auto principbeslut = m.add_mandate({.id = "principbeslut",
                                        .name = "Besluta i ärenden av principiell beskaffenhet",
                                        .basis = "KL (2017:725) 5 kap. 1 § och 6 kap. 38 § (unverified)",
                                        .exclusive = true,
                                        .delegable = false});
    auto polis = m.add_mandate({.id = "polisiara-befogenheter",
                                .name = "Polisiära befogenheter",
                                .basis = "Polislagen 2 §",
                                .exclusive = true,
                                .delegable = false});
    m.grant(kf, principbeslut, {.scope = kommun});
    m.grant(ks, leda, {.scope = kommun});
    m.grant(lpo, polis, {.scope = lpo_omrade});
    m.delegate(ks, sf, leda);

    auto lagesbild = m.add_duty({.id = "lagesbild", .name = "Ta fram lägesbild", .basis = "Lag (2023:196) 4 §"},
                                {.stage = lagesbild_s, .scope = kommun});
    m.require(lagesbild, leda);
    m.assign(sf, lagesbild, raci::responsible);
    m.assign(ks, lagesbild, raci::accountable);
    m.assign(lpo, lagesbild, raci::consulted);

    auto plan =
        m.add_duty({.id = "atgardsplan", .name = "Besluta om åtgärdsplan", .basis = "Lag (2023:196) 5 § (unverified)"},
                   {.stage = atgardsplan_s, .scope = kommun});
    m.require(plan, principbeslut);
    m.need(plan, lagesbild);
    m.assign(ks, plan, raci::responsible);
    m.assign(kf, plan, raci::accountable);
    m.assign(lpo, plan, raci::informed);

    auto atgarder = m.add_duty({.id = "atgarder", .name = "Genomföra åtgärderna i planen"},
                               {.stage = genomforande_s, .scope = kommun});
    m.require(atgarder, leda);
    m.require(atgarder, polis);
    m.need(atgarder, plan);
    m.assign(sf, atgarder, raci::responsible);
    m.assign(lpo, atgarder, raci::responsible);
    m.assign(ks, atgarder, raci::accountable);

    auto samordning = m.add_duty({.id = "samordning",
                                  .name = "Samordna det lokala brottsförebyggande arbetet",
                                  .basis = "Lag (2023:196) 7 § (unverified)"},
                                 {.scope = kommun});
    m.require(samordning, leda);
    m.assign(sf, samordning, raci::responsible);
    m.assign(ks, samordning, raci::accountable);

    auto uppfoljning = m.add_duty(
        {.id = "uppfoljning", .name = "Följa upp lägesbild och åtgärdsplan", .basis = "Lag (2023:196) (§ unverified)"},
        {.stage = uppfoljning_s, .scope = kommun});
    m.require(uppfoljning, leda);
    m.need(uppfoljning, atgarder);
    m.assign(sf, uppfoljning, raci::responsible);
    m.assign(ks, uppfoljning, raci::accountable);
    m.assign(kf, uppfoljning, raci::informed);

    auto rad = m.add_forum(
        {.id = "brottsforebyggande-rad", .name = "Brottsförebyggande rådet", .model = "samverkansöverenskommelse"},
        {.scope = kommun});
    m.set_coordinator(rad, sf);
    m.add_member(rad, ks);
    m.add_member(rad, lpo);
    for (auto d : {lagesbild, plan, atgarder, samordning, uppfoljning}) m.cover(rad, d);
    return m;
}

// ---- printing -----------------------------------------------------------------------------------------

std::string scope_text(samverkan::model const& m, std::optional<samverkan::scope_id> s) {
    return s ? std::string{m.name_of(*s)} : std::string{"everywhere"};
}

std::string reach_text(samverkan::model const& m, samverkan::reach_view const& r) {
    std::string text = scope_text(m, r.scope);
    if (r.every_stage()) return text + ", every stage";
    text += ", stages";
    for (std::size_t i = 0; i < r.stages.size(); ++i)
        text += (i == 0 ? " " : ", ") + std::string{m.name_of(r.stages[i])};
    return text;
}

template <class Range>
std::string list_names(samverkan::model const& m, Range const& ids) {
    std::string text;
    for (auto id : ids) text += (text.empty() ? "" : ", ") + std::string{m.name_of(id)};
    return text.empty() ? std::string{"-"} : text;
}

// Stages in an order that respects "after" (Kahn's algorithm; insertion order among parallel stages).
std::vector<samverkan::stage_id> stages_in_order(samverkan::model const& m) {
    std::vector<std::size_t> waiting(m.count<samverkan::stage_id>(), 0);
    for (auto s : m.stages())
        for ([[maybe_unused]] auto e : m.earlier_stages(s)) ++waiting[s.index()];
    std::vector<samverkan::stage_id> order;
    for (auto s : m.stages())
        if (waiting[s.index()] == 0) order.push_back(s);
    for (std::size_t i = 0; i < order.size(); ++i)
        for (auto t : m.later_stages(order[i]))
            if (--waiting[t.index()] == 0) order.push_back(t);
    return order;
}

void print_scope(samverkan::model const& m, samverkan::scope_id s, int depth) {
    std::cout << std::string(static_cast<std::size_t>(2 + 2 * depth), ' ') << m.name_of(s) << " (" << m[s].id << ")\n";
    for (auto c : m.children(s)) print_scope(m, c, depth + 1);
}

void print(samverkan::model const& m) {
    std::cout << m.name() << "\n\nStages, in order:\n";
    int n = 0;
    for (auto s : stages_in_order(m)) {
        std::cout << "  " << ++n << ". " << m.name_of(s);
        if (!m.earlier_stages(s).empty()) std::cout << "  (after " << list_names(m, m.earlier_stages(s)) << ')';
        std::cout << '\n';
    }

    std::cout << "\nScopes:\n";
    for (auto s : m.scopes())
        if (!m.parent(s)) print_scope(m, s, 0);

    std::cout << "\nActors:\n";
    for (auto a : m.actors()) std::cout << "  " << m.name_of(a) << " (" << m[a].id << ", " << m[a].category << ")\n";

    std::cout << "\nMandates:\n";
    for (auto k : m.mandates()) {
        auto const& mandate = m[k];
        std::cout << "  " << m.name_of(k) << "\n    basis: " << mandate.basis << "\n    "
                  << (mandate.exclusive ? "exclusive" : "not exclusive") << ", "
                  << (mandate.delegable ? "delegable" : "not delegable") << '\n';
        for (auto h : m.holdings_of(k)) {
            auto const held = m.holding(h);
            std::cout << "    held by " << m.name_of(held.actor) << ": " << reach_text(m, held.where) << '\n';
        }
        for (auto d : m.delegations()) {
            auto const given = m.delegation(d);
            if (given.mandate != k) continue;
            std::cout << "    delegated by " << m.name_of(given.from) << " to " << m.name_of(given.to);
            if (given.explicit_grant()) std::cout << ": " << reach_text(m, given.where);
            std::cout << '\n';
        }
    }

    std::cout << "\nDuties:\n";
    for (auto d : m.duties()) {
        auto const& duty = m[d];
        std::cout << "  " << m.name_of(d);
        if (!duty.basis.empty()) std::cout << "  [" << duty.basis << ']';
        std::cout << "\n    stage: "
                  << (m.stage_of(d) ? std::string{m.name_of(*m.stage_of(d))} : std::string{"any (stage-independent)"})
                  << "; scope: " << scope_text(m, m.scope_of(d)) << "\n    RACI: ";
        std::string roles;
        for (auto role : {samverkan::raci::responsible, samverkan::raci::accountable, samverkan::raci::consulted,
                          samverkan::raci::informed})
            if (!m.actors_with(d, role).empty())
                roles += (roles.empty() ? "" : "; ") + std::string(1, samverkan::letter(role)) + " " +
                         list_names(m, m.actors_with(d, role));
        std::cout << (roles.empty() ? std::string{"-"} : roles)
                  << "\n    requires: " << list_names(m, m.required_mandates(d))
                  << "\n    needs: " << list_names(m, m.needs(d)) << '\n';
    }

    std::cout << "\nForums:\n";
    for (auto f : m.forums()) {
        std::cout << "  " << m.name_of(f) << " (" << m[f].model << ")\n    coordinator: "
                  << (m.coordinator(f) ? std::string{m.name_of(*m.coordinator(f))} : std::string{"-"})
                  << "\n    members: " << list_names(m, m.members(f)) << "\n    covers: " << list_names(m, m.covered(f))
                  << '\n';
    }
}

} // namespace

int main() { print(build()); }
