// kommun_lag_2023_196: Norrviks kommun meets Lag (2023:196) om kommuners ansvar för brottsförebyggande
// arbete (the municipalities' crime-prevention act) together with the police and others.
//
// The scenario (a fictional kommun; every element drawn from ../shared/domain.md (beside the repository)):
// - The 2023:196 cycle lägesbild (situation picture) -> åtgärdsplan (action plan) -> genomförande
//   (implementation) -> uppföljning (follow-up), over the kommun. The kommun lies within lokalpolisområde
//   Norrvik, which lies within the län.
// - Kommunfullmäktige (KF, the council) decides the åtgärdsplan (a matter of principle, not delegable) and
//   the budget; kommunstyrelsen (KS, the executive board) leads and coordinates and delegates that to the
//   samordningsfunktion (the crime-prevention coordinating function the act requires).
// - Socialnämnden (social services board), barn- och utbildningsnämnden (skola), kultur- och
//   fritidsnämnden (fältare, street workers), lokalpolisområdet (LPO) with its kommunpolis, and
//   länsstyrelsen (regional support).
// - Forums: a brottsförebyggande råd (crime-prevention council) under a samverkansöverenskommelse
//   (collaboration agreement), KS's beredning (preparation) for KF, an SSPF group (skola, socialtjänst,
//   polis, fritid) and a working group for the medborgarlöfte (citizen promise) coordinated by the kommunpolis.
//
// Failure patterns of domain.md it encodes:
// - F5/F6: the medborgarlöfte group is coordinated by the kommunpolis, who holds no mandate ("inga mandat
//   att fatta beslut och inga pengar"), and the promise needs money that nobody on it can grant.
// - F13: both the LPO and KS are accountable for the medborgarlöfte.
// - F7: the measure "förstärkt fältarbete" has no one accountable, and the follow-up of the plan is
//   assigned to nobody (Brå: the work "följs sällan upp").
// - An invalid delegation: KF's delegationsordning (delegation rules) lets the samordningsfunktion revise
//   the åtgärdsplan, a principle decision KF cannot delegate; KS answers for that revision without
//   holding the mandate.
// - The agreement names Region Norrland as a partner but gives it nothing to do.
//
// Expected audit (derived by hand from rules.md and model-format.md; asserted in
// tests/unit/examples_test.cpp). In report order:
//  1. error invalid-delegation (principbeslut, kf -> samordningsfunktion), reason not-delegable:
//     principbeslut is marked delegable = false, the first reason in rules.md's order.
//  2. error mandate-missing (medborgarlofte, budget): its performers are kommunpolis (R), ks and lpo (A);
//     none holds budget directly or by delegation (reason not-held for each); kf holds it for the whole
//     kommun at every stage, which covers centrum at genomförande, so capable = [kf].
//     (polisiara-befogenheter is met: lpo holds it for the lokalpolisområde, which encloses centrum.)
//  3. error mandate-missing (revidera-atgardsplan, principbeslut): samordningsfunktion (R) reaches it only
//     through the invalid delegation (reason invalid-delegation); ks (A) has no holding or delegation of it
//     (not-held); capable = [kf].
//  4. error multiple-accountable (medborgarlofte, [ks, lpo]).
//  5. error no-accountable (faltarbete-centrum): fritid is R, no one is A.
//  6. error unassigned-duty (folja-upp): no R and no A (KF is only informed). No mandate-missing (no
//     performers) and no mandate-unheld (ks and, by delegation, samordningsfunktion are capable).
//  7. warning accountable-without-mandate (medborgarlofte, ks), mandates [budget, polisiara-befogenheter]:
//     ks holds neither. lpo, the other A, is capable of polisiara-befogenheter.
//  8. warning accountable-without-mandate (revidera-atgardsplan, ks), mandates [principbeslut].
//  9. warning coordinator-without-mandate (medborgarloften-grupp, kommunpolis), mandates
//     [budget, polisiara-befogenheter]: the group covers only the medborgarlöfte, and the kommunpolis holds
//     nothing. (The råd's coordinator, samordningsfunktion, is capable of leda-samordna for the lägesbild
//     by a valid delegation from ks; the beredning's coordinator ks and the SSPF group's coordinator
//     socialnamnd are capable of mandates their covered duties require.)
// 10. info idle-actor (region).
// 11. info responsible-without-mandate (medborgarlofte, kommunpolis), mandates [budget, polisiara-befogenheter].
// 12. info responsible-without-mandate (revidera-atgardsplan, samordningsfunktion), mandates [principbeslut].
// No coordination-gap: every pair that shares work (directly or through `needs`) meets in the råd, the
// beredning (kf with ks and samordningsfunktion) or the SSPF group. No stage-order: every duty needs only
// duties at its own or an earlier stage. The stage-less duties (samordna, inratta-samordningsfunktion,
// regionalt-stod) are covered because their holders' holdings carry no stages. SSPF needs five mandates
// and its four performers bring them jointly, so it gives no finding.
#ifndef SAMVERKAN_EXAMPLES_MODELS_KOMMUN_LAG_2023_196_HPP
#define SAMVERKAN_EXAMPLES_MODELS_KOMMUN_LAG_2023_196_HPP

#include <samverkan/model.hpp>

namespace samverkan::examples {

/// Norrviks kommun's crime-prevention work under Lag (2023:196), with the failures documented by Brå and
/// others (see the comment at the top of this file).
[[nodiscard]] inline model kommun_lag_2023_196() {
    model m;
    m.set_name("Norrviks kommun: brottsförebyggande arbete enligt lag (2023:196)");
    m.set_description(
        "Kommunens lägesbild, åtgärdsplan, genomförande och uppföljning enligt lag (2023:196), med polisen, "
        "nämnderna och länsstyrelsen. Exempelmodell med kända brister: en samordnare utan mandat och pengar, "
        "delat ansvar för medborgarlöftet, en åtgärd utan ansvarig, en uppföljning som ingen gör och en "
        "ogiltig delegation.");

    // ---- stages: the 2023:196 cycle
    auto lagesbild_s = m.add_stage({.id = "lagesbild", .name = "Lägesbild"});
    auto atgardsplan_s = m.add_stage({.id = "atgardsplan", .name = "Åtgärdsplan"});
    auto genomforande_s = m.add_stage({.id = "genomforande", .name = "Genomförande"});
    auto uppfoljning_s = m.add_stage({.id = "uppfoljning", .name = "Uppföljning"});
    m.order(atgardsplan_s, lagesbild_s);
    m.order(genomforande_s, atgardsplan_s);
    m.order(uppfoljning_s, genomforande_s);

    // ---- scopes: län > lokalpolisområde > kommun > centrum
    auto lan = m.add_scope({.id = "lan", .name = "Länet"});
    auto lpo_omrade = m.add_scope({.id = "lpo-omrade", .name = "Lokalpolisområde Norrvik"});
    auto kommun = m.add_scope({.id = "kommun", .name = "Norrviks kommun"});
    auto centrum = m.add_scope({.id = "centrum", .name = "Norrviks centrum"});
    m.nest(lpo_omrade, lan);
    m.nest(kommun, lpo_omrade);
    m.nest(centrum, kommun);

    // ---- actors
    auto kf = m.add_actor({.id = "kf", .name = "Kommunfullmäktige", .category = "kommun"});
    auto ks = m.add_actor({.id = "ks", .name = "Kommunstyrelsen", .category = "kommun"});
    auto sf = m.add_actor({.id = "samordningsfunktion", .name = "Samordningsfunktionen", .category = "kommun"});
    auto soc = m.add_actor({.id = "socialnamnd", .name = "Socialnämnden", .category = "kommun"});
    auto bun = m.add_actor({.id = "bun", .name = "Barn- och utbildningsnämnden", .category = "kommun"});
    auto fritid = m.add_actor({.id = "fritid", .name = "Kultur- och fritidsnämnden (fältarna)", .category = "kommun"});
    auto lpo = m.add_actor({.id = "lpo", .name = "Lokalpolisområde Norrvik", .category = "stat"});
    auto kommunpolis = m.add_actor({.id = "kommunpolis", .name = "Kommunpolisen", .category = "stat"});
    auto lst = m.add_actor({.id = "lst", .name = "Länsstyrelsen", .category = "stat"});
    m.add_actor({.id = "region", .name = "Region Norrland", .category = "region"});

    // ---- mandates, with their basis ("unverified" where domain.md has not checked the section)
    auto leda = m.add_mandate({.id = "leda-samordna",
                               .name = "Leda och samordna kommunens förvaltning",
                               .basis = "KL (2017:725) 6 kap. 1 § (unverified)"});
    auto principbeslut = m.add_mandate({.id = "principbeslut",
                                        .name = "Besluta om åtgärdsplanen (principiellt ärende)",
                                        .basis = "KL (2017:725) 5 kap. 1 § och 6 kap. 38 § (unverified)",
                                        .exclusive = true,
                                        .delegable = false});
    auto budget = m.add_mandate({.id = "budget",
                                 .name = "Budget och anslag",
                                 .basis = "KL (2017:725) 5 kap. 1 § (unverified)",
                                 .exclusive = true,
                                 .delegable = false});
    auto socialtjanst = m.add_mandate({.id = "socialtjanst",
                                       .name = "Myndighetsutövning i socialtjänsten, däribland att förebygga och "
                                               "motverka brott",
                                       .basis = "Socialtjänstlagen enligt prop. 2024/25:89, i kraft 2025-07-01",
                                       .exclusive = true});
    auto uppgifter = m.add_mandate({.id = "uppgiftslamning-u21",
                                    .name = "Lämna uppgifter till Polisen om personer under 21 år vid risk för brott",
                                    .basis = "OSL 10 kap. 18 a §"});
    auto skola = m.add_mandate({.id = "skolhuvudman",
                                .name = "Huvudmannaskap för skolan (undervisning, elevhälsa)",
                                .basis = "Skollagen (unverified)",
                                .exclusive = true});
    auto fritidsverksamhet = m.add_mandate({.id = "fritidsverksamhet",
                                            .name = "Bedriva fritidsverksamhet och fältarbete",
                                            .basis = "Kommunens allmänna befogenhet (unverified)"});
    auto polis = m.add_mandate({.id = "polisiara-befogenheter",
                                .name = "Polisiära befogenheter",
                                .basis = "Polislagen 2 §",
                                .exclusive = true,
                                .delegable = false});
    auto regional = m.add_mandate({.id = "regionalt-stod",
                                   .name = "Regional samordning av det brottsförebyggande arbetet",
                                   .basis = "Förordning (2016:1258) om regional samordning inom det "
                                            "brottsförebyggande området"});

    m.grant(kf, principbeslut, {.scope = kommun});
    m.grant(kf, budget, {.scope = kommun});
    m.grant(ks, leda, {.scope = kommun});
    m.grant(soc, socialtjanst, {.scope = kommun});
    m.grant(soc, uppgifter, {.scope = kommun});
    m.grant(bun, skola, {.scope = kommun});
    m.grant(fritid, fritidsverksamhet, {.scope = kommun});
    m.grant(lpo, polis, {.scope = lpo_omrade});
    m.grant(lst, regional, {.scope = lan});

    m.delegate(ks, sf, leda);          // valid: KS's leading role passed to the samordningsfunktion
    m.delegate(kf, sf, principbeslut); // invalid: a principle decision is not delegable

    // ---- duties
    auto inratta = m.add_duty({.id = "inratta-samordningsfunktion",
                               .name = "Inrätta en samordningsfunktion",
                               .basis = "Lag (2023:196) 8 § (unverified)"},
                              {.scope = kommun});
    m.require(inratta, leda);
    m.assign(ks, inratta, raci::responsible);
    m.assign(ks, inratta, raci::accountable);
    m.assign(kf, inratta, raci::informed);

    auto samordna = m.add_duty({.id = "samordna",
                                .name = "Samordna det lokala brottsförebyggande arbetet",
                                .basis = "Lag (2023:196) 7 § (unverified)"},
                               {.scope = kommun});
    m.require(samordna, leda);
    m.assign(sf, samordna, raci::responsible);
    m.assign(ks, samordna, raci::accountable);
    m.assign(lpo, samordna, raci::consulted);

    auto polisens_lagesbild = m.add_duty({.id = "polisens-lagesbild", .name = "Ta fram polisens lokala lägesbild"},
                                         {.stage = lagesbild_s, .scope = kommun});
    m.require(polisens_lagesbild, polis);
    m.assign(lpo, polisens_lagesbild, raci::responsible);
    m.assign(lpo, polisens_lagesbild, raci::accountable);

    auto lagesbild = m.add_duty(
        {.id = "lagesbild", .name = "Ta fram lägesbild över brottsligheten i kommunen", .basis = "Lag (2023:196) 4 §"},
        {.stage = lagesbild_s, .scope = kommun});
    m.require(lagesbild, leda);
    m.need(lagesbild, polisens_lagesbild);
    m.assign(sf, lagesbild, raci::responsible);
    m.assign(ks, lagesbild, raci::accountable);
    m.assign(lpo, lagesbild, raci::consulted);
    m.assign(soc, lagesbild, raci::consulted);
    m.assign(bun, lagesbild, raci::consulted);
    m.assign(lst, lagesbild, raci::consulted);

    auto forslag = m.add_duty({.id = "forslag-atgardsplan", .name = "Ta fram förslag till åtgärdsplan"},
                              {.stage = atgardsplan_s, .scope = kommun});
    m.require(forslag, leda);
    m.need(forslag, lagesbild);
    m.assign(sf, forslag, raci::responsible);
    m.assign(ks, forslag, raci::accountable);
    m.assign(lpo, forslag, raci::consulted);
    m.assign(soc, forslag, raci::consulted);
    m.assign(bun, forslag, raci::consulted);
    m.assign(fritid, forslag, raci::consulted);

    auto besluta = m.add_duty(
        {.id = "besluta-atgardsplan", .name = "Besluta om åtgärdsplan", .basis = "Lag (2023:196) 5 § (unverified)"},
        {.stage = atgardsplan_s, .scope = kommun});
    m.require(besluta, principbeslut);
    m.need(besluta, forslag);
    m.assign(kf, besluta, raci::responsible);
    m.assign(kf, besluta, raci::accountable);
    m.assign(lpo, besluta, raci::informed);
    m.assign(lst, besluta, raci::informed);

    auto fordela = m.add_duty({.id = "fordela-uppdrag", .name = "Fördela uppdrag till nämnderna enligt åtgärdsplanen"},
                              {.stage = genomforande_s, .scope = kommun});
    m.require(fordela, leda);
    m.need(fordela, besluta);
    m.assign(sf, fordela, raci::responsible);
    m.assign(ks, fordela, raci::accountable);

    auto faltarbete = m.add_duty({.id = "faltarbete-centrum", .name = "Förstärkt fältarbete i centrum kvällstid"},
                                 {.stage = genomforande_s, .scope = centrum});
    m.require(faltarbete, fritidsverksamhet);
    m.need(faltarbete, fordela);
    m.assign(fritid, faltarbete, raci::responsible);
    m.assign(sf, faltarbete, raci::informed);

    auto medborgarlofte =
        m.add_duty({.id = "medborgarlofte", .name = "Genomföra medborgarlöftet: trygg kvällsmiljö i centrum"},
                   {.stage = genomforande_s, .scope = centrum});
    m.require(medborgarlofte, polis);
    m.require(medborgarlofte, budget);
    m.need(medborgarlofte, polisens_lagesbild);
    m.assign(kommunpolis, medborgarlofte, raci::responsible);
    m.assign(lpo, medborgarlofte, raci::accountable);
    m.assign(ks, medborgarlofte, raci::accountable);
    m.assign(fritid, medborgarlofte, raci::consulted);

    auto sspf = m.add_duty({.id = "sspf", .name = "Samverka kring unga i riskzon (SSPF)"},
                           {.stage = genomforande_s, .scope = kommun});
    m.require(sspf, socialtjanst);
    m.require(sspf, uppgifter);
    m.require(sspf, skola);
    m.require(sspf, polis);
    m.require(sspf, fritidsverksamhet);
    m.assign(soc, sspf, raci::responsible);
    m.assign(soc, sspf, raci::accountable);
    m.assign(bun, sspf, raci::responsible);
    m.assign(fritid, sspf, raci::responsible);
    m.assign(lpo, sspf, raci::responsible);

    auto soc_brott = m.add_duty({.id = "socialtjanstens-brottsforebyggande",
                                 .name = "Förebygga och motverka brott inom socialtjänsten",
                                 .basis = "Socialtjänstlagen enligt prop. 2024/25:89"},
                                {.stage = genomforande_s, .scope = kommun});
    m.require(soc_brott, socialtjanst);
    m.assign(soc, soc_brott, raci::responsible);
    m.assign(soc, soc_brott, raci::accountable);
    m.assign(sf, soc_brott, raci::informed);

    auto folja_upp = m.add_duty({.id = "folja-upp",
                                 .name = "Följa upp åtgärdsplanen och lägesbilden",
                                 .basis = "Lag (2023:196) 5–6 §§ (unverified)"},
                                {.stage = uppfoljning_s, .scope = kommun});
    m.require(folja_upp, leda);
    m.need(folja_upp, faltarbete);
    m.need(folja_upp, medborgarlofte);
    m.need(folja_upp, sspf);
    m.assign(kf, folja_upp, raci::informed);

    auto revidera = m.add_duty({.id = "revidera-atgardsplan", .name = "Revidera åtgärdsplanen årligen"},
                               {.stage = uppfoljning_s, .scope = kommun});
    m.require(revidera, principbeslut);
    m.need(revidera, folja_upp);
    m.assign(sf, revidera, raci::responsible);
    m.assign(ks, revidera, raci::accountable);
    m.assign(kf, revidera, raci::informed);

    auto regionalt_stod = m.add_duty({.id = "regionalt-stod",
                                      .name = "Stödja kommunernas brottsförebyggande arbete i länet",
                                      .basis = "Förordning (2016:1258)"},
                                     {.scope = lan});
    m.require(regionalt_stod, regional);
    m.assign(lst, regionalt_stod, raci::responsible);
    m.assign(lst, regionalt_stod, raci::accountable);
    m.assign(sf, regionalt_stod, raci::informed);

    // ---- forums
    auto rad = m.add_forum({.id = "brottsforebyggande-rad",
                            .name = "Brottsförebyggande rådet i Norrvik",
                            .model = "samverkansöverenskommelse"},
                           {.scope = kommun});
    m.set_coordinator(rad, sf);
    for (auto a : {ks, lpo, kommunpolis, soc, bun, fritid}) m.add_member(rad, a);
    for (auto d : {samordna, lagesbild, polisens_lagesbild, forslag, faltarbete, medborgarlofte, folja_upp})
        m.cover(rad, d);

    auto beredning = m.add_forum(
        {.id = "beredning", .name = "Kommunstyrelsens beredning inför fullmäktige", .model = "kommunal beredning"},
        {.scope = kommun});
    m.set_coordinator(beredning, ks);
    m.add_member(beredning, kf);
    m.add_member(beredning, sf);
    for (auto d : {forslag, besluta, revidera}) m.cover(beredning, d);

    auto sspf_grupp = m.add_forum({.id = "sspf-grupp", .name = "SSPF-gruppen", .model = "SSPF"}, {.scope = kommun});
    m.set_coordinator(sspf_grupp, soc);
    for (auto a : {bun, fritid, lpo}) m.add_member(sspf_grupp, a);
    m.cover(sspf_grupp, sspf);

    auto lofte_grupp = m.add_forum(
        {.id = "medborgarloften-grupp", .name = "Arbetsgruppen för medborgarlöftet", .model = "medborgarlöften"},
        {.scope = centrum});
    m.set_coordinator(lofte_grupp, kommunpolis);
    for (auto a : {lpo, ks, fritid}) m.add_member(lofte_grupp, a);
    m.cover(lofte_grupp, medborgarlofte);

    return m;
}

} // namespace samverkan::examples

#endif // SAMVERKAN_EXAMPLES_MODELS_KOMMUN_LAG_2023_196_HPP
