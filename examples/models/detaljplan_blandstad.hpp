// detaljplan_blandstad: a detaljplan (detailed development plan) for Södra hamnen, a new mixed-use district
// (blandstad) in Norrviks kommun, followed through every PBL (plan- och bygglagen, 2010:900) stage.
//
// The scenario (fictional place; every element drawn from ../shared/domain.md (beside the repository)):
// - Stages in PBL order: översiktsplan (comprehensive plan) -> planprogram -> planbesked (planning
//   notice) -> samråd (consultation) -> granskning (review) -> antagande (adoption) -> laga kraft (in
//   force, after länsstyrelsen's överprövning) -> genomförande (implementation: exploateringsavtal,
//   fastighetsbildning) -> bygglov (building permit) -> byggskede (construction) -> slutbesked (final
//   clearance) -> förvaltning (management, the longest stage).
// - Scopes: the län > the kommun > the planområde, split into kvartersmark (the block Segelmakaren) and
//   allmän plats (public space: Hamnstråket and Hamnparken).
// - Actors: KF (adopts the ÖP; delegates adoption of this plan to the byggnadsnämnd, the building board),
//   KS (leads, signs the exploateringsavtal, the development agreement), byggnadsnämnden (plans, bygglov),
//   tekniska nämnden (huvudman, the body responsible, for allmän plats), the byggherre (developer), the
//   future fastighetsägare (property owner), länsstyrelsen (samråd, överprövning), Lantmäteriet
//   (fastighetsbildning, property formation; everywhere) and the police, consulted in samråd as an
//   optional (C) party.
// - Forums: the kommun's samhällsbyggnadsberedning, the PBL samråd, and the project group for the
//   exploatering.
//
// Failure patterns of domain.md it encodes:
// - F2: the trygghet (perceived safety) intentions (lit entrances, overlooked paths) are written only in
//   the planbeskrivning (the plan's non-binding description); the power to make them binding (a
//   planbestämmelse, binding plan regulation, on markens anordnande, utgång...) exists only while the plan
//   is drawn up, so at bygglov nobody can require them.
// - A requirement a detaljplan cannot impose: burglary-rated doors and access control are egna tekniska
//   egenskapskrav (PBL 8 kap. 4 a §), "utan verkan": nobody holds that mandate.
// - F3: the byggaktör -> förvaltare (builder -> property manager) handover: the future owner needs the
//   handover but never meets the byggherre in any forum, and the förvaltning routines
//   (trygghetsvandringar, safety walks; quick repair) are assigned to no one.
// - F4: the plan does not say who builds the allmän plats: the duty is unassigned.
// - Stage order: the plan is adopted on the strength of an exploateringsavtal that is only signed in
//   genomförande.
//
// Expected audit (derived by hand from rules.md and model-format.md; asserted in
// tests/unit/examples_test.cpp). In report order:
//  1. error mandate-unheld (krav-inbrottsskydd, egna-tekniska-krav): no holding of that mandate exists.
//  2. error mandate-unheld (trygghet-bygglov, reglera-utformning): bn holds reglera-utformning only at
//     samråd, granskning and antagande; the duty sits at bygglov, so no holding is valid there and no
//     delegation passes it on: nobody is capable (hence unheld, not missing).
//  3. error stage-order (antagande, exploateringsavtal), stages [antagande, genomforande]: genomförande is
//     later than antagande.
//  4. error unassigned-duty (allman-plats): no R and no A (tekniska is capable, so no mandate-unheld).
//  5. error unassigned-duty (forvaltningsrutiner): no R and no A (the fastighetsägare is capable).
//  6. warning accountable-without-mandate (krav-inbrottsskydd, bn), mandates [egna-tekniska-krav].
//  7. warning accountable-without-mandate (trygghet-bygglov, bn), mandates [reglera-utformning]: the rule
//     fires whatever the reason, here the wrong stage.
//  8. warning coordination-gap ([byggherre, fastighetsagare]), duties [overlamning, skotsel-kvartersmark]:
//     skotsel-kvartersmark (performed by the fastighetsägare) needs overlamning (performed by the
//     byggherre), and the fastighetsägare is in no forum.
// Checked not to fire: antagande is performed by bn through KF's valid delegation of anta-detaljplan
// (kommun, every stage); länsstyrelsen's holding for the län covers the planområde; Lantmäteriet's holding
// has no scope (everywhere); the exclusive agande-kvartersmark is held by the byggherre (genomförande to
// slutbesked) and by the fastighetsägare (förvaltning) at disjoint stages, so no exclusive-overlap; the
// police's samråd input is an optional duty with R only, which the assignment rules skip; every other pair
// that shares work meets in the beredning, the samråd or the project group.
#ifndef SAMVERKAN_EXAMPLES_MODELS_DETALJPLAN_BLANDSTAD_HPP
#define SAMVERKAN_EXAMPLES_MODELS_DETALJPLAN_BLANDSTAD_HPP

#include <samverkan/model.hpp>

#include <cstddef>
#include <iterator>

namespace samverkan::examples {

/// The detaljplan for Södra hamnen through every PBL stage, with the failures Boverket and Franzon &
/// Lindqvist document (see the comment at the top of this file).
[[nodiscard]] inline model detaljplan_blandstad() {
    model m;
    m.set_name("Detaljplan för Södra hamnen (blandstad), Norrviks kommun");
    m.set_description(
        "En ny blandstad genom alla skeden i plan- och bygglagen, från översiktsplan till förvaltning. "
        "Exempelmodell med kända brister: trygghetsintentioner som bara står i planbeskrivningen, ett krav som "
        "en detaljplan inte kan ställa, allmän plats som ingen bygger ut och en bruten överlämning till "
        "förvaltaren.");

    // ---- stages in PBL order (bygglov, byggskede and slutbesked lie within genomförandetiden)
    auto op = m.add_stage({.id = "oversiktsplan", .name = "Översiktsplan"});
    auto program = m.add_stage({.id = "planprogram", .name = "Planprogram"});
    auto planbesked_s = m.add_stage({.id = "planbesked", .name = "Planbesked"});
    auto samrad_s = m.add_stage({.id = "samrad", .name = "Samråd"});
    auto granskning_s = m.add_stage({.id = "granskning", .name = "Granskning"});
    auto antagande_s = m.add_stage({.id = "antagande", .name = "Antagande"});
    auto laga_kraft = m.add_stage({.id = "laga-kraft", .name = "Överprövning och laga kraft"});
    auto genomforande = m.add_stage({.id = "genomforande", .name = "Genomförande"});
    auto bygglov_s = m.add_stage({.id = "bygglov", .name = "Bygglov"});
    auto byggskede = m.add_stage({.id = "byggskede", .name = "Byggskede"});
    auto slutbesked_s = m.add_stage({.id = "slutbesked", .name = "Slutbesked"});
    auto forvaltning = m.add_stage({.id = "forvaltning", .name = "Förvaltning"});
    stage_id const chain[] = {op,         program,      planbesked_s, samrad_s,  granskning_s, antagande_s,
                              laga_kraft, genomforande, bygglov_s,    byggskede, slutbesked_s, forvaltning};
    for (std::size_t i = 1; i < std::size(chain); ++i) m.order(chain[i], chain[i - 1]);

    // ---- scopes
    auto lan = m.add_scope({.id = "lan", .name = "Länet"});
    auto kommun = m.add_scope({.id = "kommun", .name = "Norrviks kommun"});
    auto planomrade = m.add_scope({.id = "planomrade", .name = "Planområdet Södra hamnen"});
    auto kvarter = m.add_scope({.id = "kvarter", .name = "Kvartersmark: kvarteret Segelmakaren"});
    auto allman = m.add_scope({.id = "allman-plats", .name = "Allmän plats: Hamnstråket och Hamnparken"});
    m.nest(kommun, lan);
    m.nest(planomrade, kommun);
    m.nest(kvarter, planomrade);
    m.nest(allman, planomrade);

    // ---- actors
    auto kf = m.add_actor({.id = "kf", .name = "Kommunfullmäktige", .category = "kommun"});
    auto ks = m.add_actor({.id = "ks", .name = "Kommunstyrelsen", .category = "kommun"});
    auto bn = m.add_actor({.id = "bn", .name = "Byggnadsnämnden", .category = "kommun"});
    auto tekniska = m.add_actor({.id = "tekniska", .name = "Tekniska nämnden (gata och park)", .category = "kommun"});
    auto byggherre = m.add_actor({.id = "byggherre", .name = "Hamnbolaget Bygg AB (byggherre)", .category = "privat"});
    auto agare =
        m.add_actor({.id = "fastighetsagare", .name = "Kvarterets framtida fastighetsägare", .category = "privat"});
    auto lst = m.add_actor({.id = "lst", .name = "Länsstyrelsen", .category = "stat"});
    auto lm = m.add_actor({.id = "lantmateriet", .name = "Lantmäteriet", .category = "stat"});
    auto lpo = m.add_actor({.id = "lpo", .name = "Lokalpolisområde Norrvik", .category = "stat"});

    // ---- mandates
    auto anta_op = m.add_mandate({.id = "anta-op",
                                  .name = "Anta översiktsplan",
                                  .basis = "PBL (2010:900) 3 kap. (unverified); antas av kommunfullmäktige (Boverket)",
                                  .exclusive = true,
                                  .delegable = false});
    auto leda = m.add_mandate({.id = "leda-samordna",
                               .name = "Leda och samordna kommunens förvaltning",
                               .basis = "KL (2017:725) 6 kap. 1 § (unverified)"});
    auto planlaggning = m.add_mandate({.id = "planlaggning",
                                       .name = "Upprätta detaljplan (kommunens planmonopol)",
                                       .basis = "PBL (2010:900) 5 kap. (unverified)",
                                       .exclusive = true});
    auto anta_dp = m.add_mandate({.id = "anta-detaljplan",
                                  .name = "Anta detaljplan",
                                  .basis = "PBL (2010:900) 5 kap. (unverified); byggnadsnämnden eller, om planen är "
                                           "av principiell beskaffenhet, kommunfullmäktige",
                                  .exclusive = true});
    auto reglera = m.add_mandate({.id = "reglera-utformning",
                                  .name = "Reglera markens anordnande, stängsel, utfart och utgång i planbestämmelse",
                                  .basis = "PBL (2010:900) 4 kap. 9, 10 och 13 §§ (Boverket PBL-kunskapsbanken)"});
    auto egna_krav = m.add_mandate({.id = "egna-tekniska-krav",
                                    .name = "Ställa egna tekniska egenskapskrav på byggnader",
                                    .basis = "PBL (2010:900) 8 kap. 4 a §: sådana krav i detaljplan är utan verkan"});
    auto overprova = m.add_mandate({.id = "overprova",
                                    .name = "Överpröva detaljplan (hälsa och säkerhet, riksintressen m.m.)",
                                    .basis = "PBL (2010:900) 11 kap. 10 §",
                                    .exclusive = true,
                                    .delegable = false});
    auto exploatering = m.add_mandate({.id = "exploatering",
                                       .name = "Ingå exploateringsavtal för kommunen",
                                       .basis = "PBL (2010:900) 6 kap. 39–42 §§ (unverified)"});
    auto fastighetsbildning = m.add_mandate({.id = "fastighetsbildning",
                                             .name = "Besluta om fastighetsbildning och gemensamhetsanläggningar",
                                             .basis = "Fastighetsbildningslagen (unverified)",
                                             .exclusive = true});
    auto bygglov = m.add_mandate({.id = "bygglov",
                                  .name = "Pröva bygglov, startbesked och slutbesked",
                                  .basis = "PBL (2010:900) (kapitel unverified); byggnadsnämnden (Boverket)",
                                  .exclusive = true});
    auto huvudman = m.add_mandate({.id = "huvudman-allman-plats",
                                   .name = "Huvudmannaskap för allmän plats: iordningställa och sköta",
                                   .basis = "PBL (2010:900), kommunalt huvudmannaskap (Boverket)",
                                   .exclusive = true});
    auto byggherreansvar = m.add_mandate({.id = "byggherreansvar",
                                          .name = "Byggherrens ansvar för att kraven uppfylls",
                                          .basis = "PBL (2010:900) 10 kap. 5 § (unverified)"});
    auto agande = m.add_mandate({.id = "agande-kvartersmark",
                                 .name = "Äga och förvalta kvartersmarken",
                                 .basis = "Äganderätt (modellantagande)",
                                 .exclusive = true});

    m.grant(kf, anta_op, {.scope = kommun});
    m.grant(kf, anta_dp, {.scope = kommun});
    m.grant(ks, leda, {.scope = kommun});
    m.grant(ks, exploatering, {.scope = kommun});
    m.grant(bn, planlaggning, {.scope = kommun});
    m.grant(bn, reglera, {.scope = planomrade, .stages = {samrad_s, granskning_s, antagande_s}});
    m.grant(bn, bygglov, {.scope = kommun});
    m.grant(tekniska, huvudman, {.scope = kommun});
    m.grant(lst, overprova, {.scope = lan});
    m.grant(lm, fastighetsbildning); // everywhere
    m.grant(byggherre, byggherreansvar, {.scope = kvarter});
    m.grant(byggherre, agande, {.scope = kvarter, .stages = {genomforande, bygglov_s, byggskede, slutbesked_s}});
    m.grant(agare, agande, {.scope = kvarter, .stages = {forvaltning}});

    m.delegate(kf, bn, anta_dp); // this plan is not of principle: the byggnadsnämnd adopts it

    // ---- duties, stage by stage
    auto op_duty = m.add_duty({.id = "oversiktsplan", .name = "Anta översiktsplan med strategi för trygga miljöer"},
                              {.stage = op, .scope = kommun});
    m.require(op_duty, anta_op);
    m.require(op_duty, leda);
    m.assign(ks, op_duty, raci::responsible);
    m.assign(kf, op_duty, raci::accountable);
    m.assign(lst, op_duty, raci::consulted);
    m.assign(bn, op_duty, raci::informed);

    auto program_duty = m.add_duty({.id = "planprogram", .name = "Ta fram planprogram för Södra hamnen"},
                                   {.stage = program, .scope = planomrade});
    m.require(program_duty, planlaggning);
    m.need(program_duty, op_duty);
    m.assign(bn, program_duty, raci::responsible);
    m.assign(bn, program_duty, raci::accountable);
    m.assign(ks, program_duty, raci::consulted);

    auto planbesked = m.add_duty({.id = "planbesked",
                                  .name = "Lämna planbesked till byggherren",
                                  .basis = "PBL (2010:900) 5 kap. 2 § (unverified)"},
                                 {.stage = planbesked_s, .scope = planomrade});
    m.require(planbesked, planlaggning);
    m.assign(bn, planbesked, raci::responsible);
    m.assign(bn, planbesked, raci::accountable);
    m.assign(byggherre, planbesked, raci::consulted);

    auto samrad = m.add_duty(
        {.id = "samrad", .name = "Samråda om planförslaget", .basis = "PBL (2010:900) 5 kap. 11 § (unverified)"},
        {.stage = samrad_s, .scope = planomrade});
    m.require(samrad, planlaggning);
    m.need(samrad, program_duty);
    m.assign(bn, samrad, raci::responsible);
    m.assign(bn, samrad, raci::accountable);
    for (auto a : {lst, lm, lpo, byggherre}) m.assign(a, samrad, raci::consulted);

    auto lst_yttrande = m.add_duty(
        {.id = "lst-yttrande", .name = "Yttra sig över planförslaget: statliga intressen, hälsa och säkerhet"},
        {.stage = samrad_s, .scope = planomrade});
    m.assign(lst, lst_yttrande, raci::responsible);
    m.assign(lst, lst_yttrande, raci::accountable);

    // Recommended, not required by law (domain.md: police participation in samråd is optional).
    auto polis_yttrande = m.add_duty(
        {.id = "polis-yttrande", .name = "Lämna brottsförebyggande synpunkter på planförslaget", .optional = true},
        {.stage = samrad_s, .scope = planomrade});
    m.assign(lpo, polis_yttrande, raci::responsible);

    auto planbeskrivning = m.add_duty({.id = "planbeskrivning",
                                       .name = "Beskriva trygghetsintentionerna (belysta entréer, insyn mot "
                                               "Hamnstråket) i planbeskrivningen"},
                                      {.stage = granskning_s, .scope = planomrade});
    m.require(planbeskrivning, planlaggning);
    m.need(planbeskrivning, samrad);
    m.assign(bn, planbeskrivning, raci::responsible);
    m.assign(bn, planbeskrivning, raci::accountable);

    auto granskning = m.add_duty({.id = "granskning", .name = "Ställa ut planförslaget för granskning"},
                                 {.stage = granskning_s, .scope = planomrade});
    m.require(granskning, planlaggning);
    m.need(granskning, samrad);
    m.need(granskning, lst_yttrande);
    m.need(granskning, polis_yttrande);
    m.assign(bn, granskning, raci::responsible);
    m.assign(bn, granskning, raci::accountable);
    for (auto a : {lst, lm, lpo}) m.assign(a, granskning, raci::consulted);

    auto krav_inbrottsskydd = m.add_duty({.id = "krav-inbrottsskydd",
                                          .name = "Kräva inbrottsskyddade entrédörrar och passagesystem i "
                                                  "planbestämmelse"},
                                         {.stage = antagande_s, .scope = kvarter});
    m.require(krav_inbrottsskydd, egna_krav);
    m.assign(bn, krav_inbrottsskydd, raci::responsible);
    m.assign(bn, krav_inbrottsskydd, raci::accountable);

    auto exploateringsavtal = m.add_duty({.id = "exploateringsavtal",
                                          .name = "Teckna exploateringsavtal om utbyggnad och kostnader för "
                                                  "allmän plats"},
                                         {.stage = genomforande, .scope = planomrade});
    m.require(exploateringsavtal, exploatering);
    m.assign(ks, exploateringsavtal, raci::responsible);
    m.assign(ks, exploateringsavtal, raci::accountable);
    m.assign(byggherre, exploateringsavtal, raci::consulted);
    m.assign(tekniska, exploateringsavtal, raci::consulted);

    auto antagande =
        m.add_duty({.id = "antagande", .name = "Anta detaljplanen"}, {.stage = antagande_s, .scope = planomrade});
    m.require(antagande, anta_dp);
    m.need(antagande, granskning);
    m.need(antagande, exploateringsavtal);
    m.assign(bn, antagande, raci::responsible);
    m.assign(bn, antagande, raci::accountable);
    m.assign(kf, antagande, raci::informed);
    m.assign(byggherre, antagande, raci::informed);

    auto overprovning = m.add_duty(
        {.id = "overprovning", .name = "Pröva om planen ska överprövas", .basis = "PBL (2010:900) 11 kap. 10 §"},
        {.stage = laga_kraft, .scope = planomrade});
    m.require(overprovning, overprova);
    m.need(overprovning, antagande);
    m.assign(lst, overprovning, raci::responsible);
    m.assign(lst, overprovning, raci::accountable);

    auto fastigheter =
        m.add_duty({.id = "bilda-fastigheter", .name = "Bilda fastigheter och gemensamhetsanläggningar enligt planen"},
                   {.stage = genomforande, .scope = planomrade});
    m.require(fastigheter, fastighetsbildning);
    m.need(fastigheter, antagande);
    m.assign(lm, fastigheter, raci::responsible);
    m.assign(lm, fastigheter, raci::accountable);
    m.assign(byggherre, fastigheter, raci::informed);

    auto allman_plats =
        m.add_duty({.id = "allman-plats", .name = "Bygga ut allmän plats: Hamnstråket, belysning och Hamnparken"},
                   {.stage = byggskede, .scope = allman});
    m.require(allman_plats, huvudman);
    m.need(allman_plats, exploateringsavtal);

    auto bygglovsprovning = m.add_duty({.id = "bygglovsprovning", .name = "Pröva bygglov för kvarteret Segelmakaren"},
                                       {.stage = bygglov_s, .scope = kvarter});
    m.require(bygglovsprovning, bygglov);
    m.need(bygglovsprovning, antagande);
    m.assign(bn, bygglovsprovning, raci::responsible);
    m.assign(bn, bygglovsprovning, raci::accountable);
    m.assign(byggherre, bygglovsprovning, raci::consulted);

    auto trygghet_bygglov =
        m.add_duty({.id = "trygghet-bygglov", .name = "Kräva planbeskrivningens trygghetsutformning i bygglovet"},
                   {.stage = bygglov_s, .scope = kvarter});
    m.require(trygghet_bygglov, reglera);
    m.need(trygghet_bygglov, planbeskrivning);
    m.assign(bn, trygghet_bygglov, raci::responsible);
    m.assign(bn, trygghet_bygglov, raci::accountable);

    auto byggnation = m.add_duty({.id = "byggnation", .name = "Bygga kvarteret enligt bygglovet"},
                                 {.stage = byggskede, .scope = kvarter});
    m.require(byggnation, byggherreansvar);
    m.need(byggnation, bygglovsprovning);
    m.assign(byggherre, byggnation, raci::responsible);
    m.assign(byggherre, byggnation, raci::accountable);

    auto slutbesked =
        m.add_duty({.id = "slutbesked", .name = "Ge slutbesked"}, {.stage = slutbesked_s, .scope = kvarter});
    m.require(slutbesked, bygglov);
    m.need(slutbesked, byggnation);
    m.assign(bn, slutbesked, raci::responsible);
    m.assign(bn, slutbesked, raci::accountable);
    m.assign(byggherre, slutbesked, raci::informed);

    auto overlamning = m.add_duty({.id = "overlamning",
                                   .name = "Överlämna drift- och skötselinstruktioner och trygghetsintentioner "
                                           "till förvaltaren"},
                                  {.stage = slutbesked_s, .scope = kvarter});
    m.require(overlamning, agande);
    m.need(overlamning, byggnation);
    m.assign(byggherre, overlamning, raci::responsible);
    m.assign(byggherre, overlamning, raci::accountable);
    m.assign(agare, overlamning, raci::informed);

    auto skotsel = m.add_duty(
        {.id = "skotsel-kvartersmark", .name = "Sköta belysning, entréer och förgårdsmark på kvartersmarken"},
        {.stage = forvaltning, .scope = kvarter});
    m.require(skotsel, agande);
    m.need(skotsel, overlamning);
    m.assign(agare, skotsel, raci::responsible);
    m.assign(agare, skotsel, raci::accountable);

    auto rutiner =
        m.add_duty({.id = "forvaltningsrutiner", .name = "Trygghetsvandringar och rutiner för snabb reparation"},
                   {.stage = forvaltning, .scope = kvarter});
    m.require(rutiner, agande);
    m.need(rutiner, overlamning);

    auto skota_allman = m.add_duty({.id = "skotsel-allman-plats", .name = "Sköta och belysa allmän plats"},
                                   {.stage = forvaltning, .scope = allman});
    m.require(skota_allman, huvudman);
    m.need(skota_allman, allman_plats);
    m.assign(tekniska, skota_allman, raci::responsible);
    m.assign(tekniska, skota_allman, raci::accountable);

    // ---- forums
    auto beredning = m.add_forum(
        {.id = "samhallsbyggnadsberedning", .name = "Samhällsbyggnadsberedningen", .model = "kommunal beredning"},
        {.scope = kommun});
    m.set_coordinator(beredning, ks);
    for (auto a : {kf, bn, tekniska}) m.add_member(beredning, a);
    for (auto d : {op_duty, program_duty, exploateringsavtal}) m.cover(beredning, d);

    auto plansamrad = m.add_forum(
        {.id = "plansamrad", .name = "Samråd och granskning om detaljplanen för Södra hamnen", .model = "PBL-samråd"},
        {.scope = planomrade});
    m.set_coordinator(plansamrad, bn);
    for (auto a : {lst, lm, lpo, byggherre}) m.add_member(plansamrad, a);
    for (auto d : {samrad, lst_yttrande, polis_yttrande, granskning}) m.cover(plansamrad, d);

    auto projektgrupp =
        m.add_forum({.id = "projektgrupp", .name = "Projektgruppen för Södra hamnen", .model = "exploateringsprojekt"},
                    {.scope = planomrade});
    m.set_coordinator(projektgrupp, ks);
    for (auto a : {bn, tekniska, byggherre}) m.add_member(projektgrupp, a);
    for (auto d : {exploateringsavtal, allman_plats, bygglovsprovning, byggnation, overlamning})
        m.cover(projektgrupp, d);

    return m;
}

} // namespace samverkan::examples

#endif // SAMVERKAN_EXAMPLES_MODELS_DETALJPLAN_BLANDSTAD_HPP
